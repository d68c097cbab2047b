"""What the scan keeps of each article: its words, sentences and fingerprints, as numpy arrays.

One :class:`PartitionFeatures` holds a partition (a few thousand articles) in flat arrays, so
no per-article Python object crosses between workers. Words are case-folded letter/digit runs;
a *stem* is a content word cut to its first six characters (a cheap, language-blind way to let
"Regierung" meet "Regierungen" and "elected" meet "election"). With ``meaning`` on, every
sentence of ``meaning_min_words`` words or more is also embedded and given meaning keys
(:mod:`.meaning`), the costly part of a scan that asks for them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np

from .hashing import U64, WordHasher, hash_text, minhash, minhash_seeds, ngrams, winnow

WORD = re.compile(r"[^\W_]+")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»«“”„’‘)\]]*\s+|\n\s*")
STEM_LENGTH = 6
MIN_CONTENT_LENGTH = 4


@dataclass(frozen=True)
class FeatureSettings:
    """How articles are fingerprinted (recorded in the scan's manifest)."""

    shingle_words: int = 5       # word n-grams for verbatim and lightly edited reuse
    winnow_window: int = 4       # keep the smallest of every 4 shingle hashes
    minhash_permutations: int = 64
    meaning: bool = False        # meaning keys (sentence embeddings): reworded and translated reuse
    meaning_model: str = "use-multilingual-v3"
    meaning_bands: int = 32      # keys per sentence …
    meaning_per_key: int = 2     # … each of this many cross-polytope codes …
    meaning_directions: int = 256   # … among this many directions (and their opposites)
    meaning_min_words: int = 5   # shorter sentences (headlines, datelines) get no meaning keys


def words_of(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def sentences_of(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s and not s.isspace()]


def stem_of(word: str) -> str | None:
    """A content word (four letters or more, or any figure) cut to its stem; None for others."""
    if len(word) >= MIN_CONTENT_LENGTH or any(c.isdigit() for c in word):
        return word if word.isdigit() else word[:STEM_LENGTH]
    return None


def stems_of(words: list[str]) -> list[str]:
    """Content words cut to their stem."""
    return [stem for stem in map(stem_of, words) if stem is not None]


class StemHasher:
    """The stem hashes of a sentence's content words, each word worked out once per partition."""

    def __init__(self, hasher: WordHasher) -> None:
        self._hasher = hasher
        self._known: dict[str, int | None] = {}

    def __call__(self, words: list[str]) -> np.ndarray:
        known = self._known
        try:
            values = [known[word] for word in words]
        except KeyError:
            for word in words:
                if word not in known:
                    stem = stem_of(word)
                    known[word] = None if stem is None else self._hasher.values([stem])[0]
            values = [known[word] for word in words]
        return np.array([v for v in values if v is not None], dtype=U64)


@dataclass
class PartitionFeatures:
    """Fingerprints of the articles of one partition (local numbers 0 … n−1)."""

    count: int
    exact: np.ndarray            # uint64 [n]: hash of the article's words (case and spacing ignored)
    signatures: np.ndarray       # uint64 [n, permutations]: MinHash of word shingles
    shingles: np.ndarray         # uint64 [k]: winnowed shingle keys, unique per article
    shingle_doc: np.ndarray      # int32 [k]: the article each belongs to
    stems: np.ndarray            # uint64 [t]: stem hashes of every sentence, sentence after sentence
    sentence_starts: np.ndarray  # int64 [s + 1]: where each sentence's stems begin in ``stems``
    doc_sentences: np.ndarray    # int64 [n + 1]: where each article's sentences begin
    words: np.ndarray            # int32 [n]: word count of each article
    meaning_keys: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=U64))   # uint64 [m]
    meaning_doc: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int32))    # int32 [m]
    meaning_place: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int16))  # int16 [m]: sentence

    def doc_stems(self, doc: int) -> np.ndarray:
        lo, hi = self.sentence_starts[self.doc_sentences[doc]], self.sentence_starts[self.doc_sentences[doc + 1]]
        return self.stems[lo:hi]


def featurize(texts: list[str], settings: FeatureSettings) -> PartitionFeatures:
    """Fingerprint every article of a partition."""
    hasher = WordHasher()
    stem_hashes = StemHasher(hasher)
    seeds = minhash_seeds(settings.minhash_permutations)
    n = len(texts)
    exact = np.empty(n, dtype=U64)
    signatures = np.empty((n, settings.minhash_permutations), dtype=U64)
    shingle_parts, shingle_docs, stem_parts = [], [], []
    sentence_lengths: list[int] = []
    doc_sentences = np.zeros(n + 1, dtype=np.int64)
    word_counts = np.zeros(n, dtype=np.int32)
    embedded: list[tuple[int, int, str]] = []       # (article, sentence, text) to embed
    for i, text in enumerate(texts):
        words = words_of(text)
        word_counts[i] = len(words)
        exact[i] = hash_text(" ".join(words))
        hashes = hasher(words)
        grams = ngrams(hashes, settings.shingle_words)
        if len(grams) == 0 and len(hashes):
            grams = ngrams(hashes, len(hashes))
        signatures[i] = minhash(np.unique(grams), seeds)
        keys = winnow(grams, settings.winnow_window)
        shingle_parts.append(keys)
        shingle_docs.append(np.full(len(keys), i, dtype=np.int32))
        count = 0
        for place, sentence in enumerate(sentences_of(text)):
            sentence_words = words_of(sentence)
            if settings.meaning and len(sentence_words) >= settings.meaning_min_words:
                embedded.append((i, place, sentence))
            stems = stem_hashes(sentence_words)
            if len(stems):
                stem_parts.append(stems)
                sentence_lengths.append(len(stems))
                count += 1
        doc_sentences[i + 1] = doc_sentences[i] + count
    sentence_starts = np.zeros(len(sentence_lengths) + 1, dtype=np.int64)
    np.cumsum(sentence_lengths, out=sentence_starts[1:])
    meaning = meaning_rows(embedded, settings)
    return PartitionFeatures(
        count=n, exact=exact, signatures=signatures,
        shingles=np.concatenate(shingle_parts) if shingle_parts else np.empty(0, dtype=U64),
        shingle_doc=np.concatenate(shingle_docs) if shingle_docs else np.empty(0, dtype=np.int32),
        stems=np.concatenate(stem_parts) if stem_parts else np.empty(0, dtype=U64),
        sentence_starts=sentence_starts, doc_sentences=doc_sentences, words=word_counts,
        meaning_keys=meaning[0], meaning_doc=meaning[1], meaning_place=meaning[2])


def meaning_rows(embedded: list[tuple[int, int, str]], settings: FeatureSettings) -> tuple[np.ndarray, ...]:
    """(keys, articles, places) of the meaning keys of the sentences ``embedded`` lists."""
    if not embedded:
        return np.empty(0, dtype=U64), np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int16)
    from .meaning import band_keys, embed
    vectors = embed([text for _, _, text in embedded], settings.meaning_model)
    keys = band_keys(vectors, settings.meaning_bands, settings.meaning_per_key, settings.meaning_directions,
                     hash_text(settings.meaning_model))
    bands = settings.meaning_bands
    docs = np.repeat(np.array([d for d, _, _ in embedded], dtype=np.int32), bands)
    places = np.repeat(np.minimum([p for _, p, _ in embedded], np.iinfo(np.int16).max).astype(np.int16), bands)
    return keys.ravel(), docs, places


def document_frequencies(features: PartitionFeatures, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(stem hashes, in how many of the kept articles each occurs) for one partition."""
    per_doc = [np.unique(features.doc_stems(d)) for d in np.flatnonzero(keep)]
    if not per_doc:
        return np.empty(0, dtype=U64), np.empty(0, dtype=np.int64)
    values, counts = np.unique(np.concatenate(per_doc), return_counts=True)
    return values, counts.astype(np.int64)
