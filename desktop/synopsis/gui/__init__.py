"""The desktop app (PySide6). The only package that imports QtWidgets; see app.run."""
from ._compat import keep_none_alive

keep_none_alive()
