"""``synopsis scan``: find who reused what across a corpus, on a Dask cluster.

corpus → partitions (``inputs``) → fingerprints (``features``) → near-copy groups
(``groups``) → passage keys (``keys``) → candidate pairs (``candidates``) → the engine's
comparison of each (``pairs``) → reuse table, clusters, texts (``results``) → HTML claim
matrices (``report``), the library (``importing``) and a key index for queries (``index``).
The pipeline (``pipeline``) runs on an embedded ``LocalCluster`` or a named scheduler
(``cluster``). Needs the ``scan`` extra (Dask, pyarrow, pandas); nothing here imports Qt.
"""
from __future__ import annotations

import importlib.util

from ..core.config import WORDS_ONLY
from ..core.errors import SynopsisError

EXTRA_MODULES = ("distributed", "dask", "pyarrow", "pandas")
INSTALL_HINT = "pip install 'synopsis[scan]'"

# The scan compares by words unless asked otherwise: its keys find passages that share words,
# its reuse rule was chosen and its figures measured on word-only comparisons, and the meaning
# layer loads a model in every worker and embeds every sentence. With ``--meaning`` it does
# both: meaning keys (``meaning``) find reworded and translated reuse, and the pairs the words
# leave open are compared by meaning too (``pipeline.ScanOptions.for_settings``).
SCAN_SETTINGS = WORDS_ONLY


class ScanUnavailable(SynopsisError):
    """The scan extra is not installed."""


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):     # a broken or blocked installation counts as missing
        return False


def missing_modules() -> list[str]:
    return [name for name in EXTRA_MODULES if not _installed(name)]


def require_extra() -> None:
    missing = missing_modules()
    if missing:
        raise ScanUnavailable(f"the corpus scan needs {', '.join(missing)}; install the scan extra: {INSTALL_HINT}")
