"""What two languages write alike: each passage's character n-grams, hashed into a short vector.

A German yearbook and its French translation share far more than their figures: place names
and people (``Dhaulagiri``, ``Dyhrenfurth``), and words both languages took from one root
(``Expedition`` / ``expédition``, ``Himalaya``). Read as letters — case and accents folded away,
each word of four letters or more cut into overlapping four-letter pieces with its two ends
marked, each figure kept whole — two passages that translate each other share many pieces, two
that do not share few. The pieces are hashed (CRC-32, the same in every process) into ``DIM``
buckets, so a passage is a short row of counts and a run of passages is the sum of its rows,
and two runs are compared by the cosine of their rows, as the embeddings are. Across two
scripts (Russian and English) only the figures are left, and the cosine is near zero for every
pair, which changes no choice of the block aligner.
"""
from __future__ import annotations

import re
import unicodedata
import zlib
from typing import Sequence

import numpy as np

DIM = 256                       # hash buckets (more changed nothing on the development file)
WIDTH = 4                       # letters per piece
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents (``Expédition`` → ``expedition``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def pieces(text: str) -> list[str]:
    """The four-letter pieces of the words of four letters or more, and the figures whole."""
    out = []
    for word in _WORD.findall(fold(text)):
        if any(ch.isdigit() for ch in word):
            out.append("#" + word)
        elif len(word) >= WIDTH:
            marked = f"<{word}>"
            out += [marked[i:i + WIDTH] for i in range(len(marked) - WIDTH + 1)]
    return out


def counts(texts: Sequence[str]) -> np.ndarray:
    """One row of hashed piece counts per text (float32, ``DIM`` columns)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for row, text in enumerate(texts):
        for piece in pieces(text):
            out[row, zlib.crc32(piece.encode("utf-8")) % DIM] += 1.0
    return out


def run_profiles(rows: np.ndarray, k: int) -> np.ndarray:
    """Unit rows of the summed counts of every run of ``k`` consecutive passages (a run
    without any piece stays zero)."""
    n = len(rows) - k + 1
    if n <= 0:
        return rows[:0]
    total = rows[:n].copy()
    for offset in range(1, k):
        total += rows[offset:offset + n]
    norm = np.linalg.norm(total, axis=1, keepdims=True)
    return total / np.maximum(norm, 1e-9)
