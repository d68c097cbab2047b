"""The app closed by its user while a comparison still runs (``python close_while_comparing.py A B``).

Prints ``closed while comparing`` when the window closed before the comparison was done; the
test checks that nothing else (a worker's traceback) was printed.
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool, QTimer  # noqa: E402

from synopsis.gui.app import _application  # noqa: E402
from synopsis.gui.mainwindow import MainWindow  # noqa: E402


def main() -> int:
    app = _application()
    window = MainWindow()
    window.show()

    def close() -> None:
        if window.session.comparer.busy:
            print("closed while comparing", flush=True)
        window.close()
        window.deleteLater()
        QTimer.singleShot(0, app.quit)

    window.open_paths(sys.argv[1], sys.argv[2])
    QTimer.singleShot(300, close)
    code = app.exec()
    QThreadPool.globalInstance().waitForDone(30000)
    app.processEvents()
    return code


if __name__ == "__main__":
    sys.exit(main())
