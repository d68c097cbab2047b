"""How the app starts its window: without pandas, the model loading beside the window into the
app's cache folder, and the first comparison using it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_START = r"""
import json, sys, threading
from synopsis.gui.app import _application, open_window
app = _application()
window = open_window()
loading = [t for t in threading.enumerate() if t.name == "synopsis-model-load"]
for t in loading:
    t.join(120)
from synopsis.core.semantic import encoders, models
encoder = encoders.load(models.DEFAULT)
imported = "pandas" in sys.modules
try:
    import pandas                      # still importable (the scan window's tables), if installed
    importable = True
except ImportError:
    import importlib.util
    importable = importlib.util.find_spec("pandas") is None
print(json.dumps({"pandas": imported, "loading": len(loading), "importable": importable,
                  "mapped": type(encoder._net.table).__name__, "shipped": encoder._use is not None}))
"""


def _start(tmp_path, cache):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SYNOPSIS_CACHE_DIR=str(cache),
               SYNOPSIS_SETTINGS_DIR=str(tmp_path / "settings"), SYNOPSIS_LIBRARY=str(tmp_path / "lib.db"))
    out = subprocess.run([sys.executable, "-c", _START], env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_window_starts_without_pandas_and_the_model_comes_from_the_cache(tmp_path):
    cache = tmp_path / "cache"
    first = _start(tmp_path, cache)
    assert first["pandas"] is False and first["loading"] == 1 and first["importable"]
    assert any((cache / "models").glob("use-multilingual-v3-*/table.npy"))
    second = _start(tmp_path, cache)
    assert second == {"pandas": False, "loading": 1, "importable": True, "mapped": "memmap", "shipped": False}
    assert not (tmp_path / "lib.db").exists()
