"""A file of multilingual-e5-small's outputs by text, for the meaning benchmarks only.

e5 embeds about twenty times slower than the default model, and the news benchmark's
Ukrainian sets make it embed every sentence and every run of two to four sentences: many
minutes of CPU a run. With ``SEMANTIC_E5_CACHE=<file>`` the benchmark keeps the vectors the
engine returned for each text in that file (a pickle of text → float32 vector) and serves them
again on the next run; the figures are those of embedding afresh (the engine gives the same
vector for a text whatever it is batched with), only the CPU seconds leave the cached
embeddings out, and the results say so. The file is written again (to a temporary file, then
renamed) after every ``SAVE_EVERY`` new vectors and at exit, so an interrupted run keeps what it
embedded.
"""
from __future__ import annotations

import atexit
import os
import pickle
from pathlib import Path

import numpy as np

from synopsis.core.semantic import encoders

SAVE_EVERY = 512        # new vectors between two writes of the file


def install() -> bool:
    """Serve e5's vectors from ``$SEMANTIC_E5_CACHE`` when it is set; whether it is."""
    name = os.environ.get("SEMANTIC_E5_CACHE")
    if not name:
        return False
    path = Path(name)
    known: dict[str, np.ndarray] = pickle.loads(path.read_bytes()) if path.exists() else {}
    embed = encoders._E5Encoder._embed
    unsaved = [0]

    def cached(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, embed(self, missing)))
            unsaved[0] += len(missing)
            if unsaved[0] >= SAVE_EVERY:
                save()
        return np.array([known[t] for t in texts], dtype=np.float32).reshape(len(texts), self.dim)

    def save() -> None:
        if unsaved[0]:
            partial = path.with_name(path.name + ".partial")
            partial.write_bytes(pickle.dumps(known))
            os.replace(partial, path)
            unsaved[0] = 0

    encoders._E5Encoder._embed = cached
    atexit.register(save)
    return True
