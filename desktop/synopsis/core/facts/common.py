"""Pieces every fact detector shares: a passage view over document text, and word helpers.

A linked pair may span several segments per side; a :class:`Passage` keeps them as
``(offset, text)`` chunks so detectors can scan plain strings and still return spans of the
whole document text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Span

WORD = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-]\w+)*", re.UNICODE)
_DIGIT = re.compile(r"\d")
GERMAN_WORDS = frozenset("der die das und ist nicht mit von den dem ein eine sich auf für des im zu "
                         "wird wurde hat haben sind war einer eines einem bei nach aus als auch dass werden noch über".split())
ENGLISH_WORDS = frozenset("the and is of to was with for that has have are were".split())
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
_WORD_CHARS = re.compile(r"\w+")
_NOT_SUFFIX = re.compile(r"n't\b")


@dataclass(frozen=True, slots=True)
class Passage:
    text: str
    chunks: tuple[tuple[int, str], ...]
    words: frozenset[str]   # lower-cased words (see norm_words): a cheap test before a regex scan
    has_digit: bool

    @classmethod
    def of(cls, text: str, spans: list[Span]) -> "Passage":
        n = len(text)
        chunks = tuple((s.start, text[s.start:min(s.end, n)]) for s in spans if min(s.end, n) > s.start)
        joined = "\n".join(c for _, c in chunks)
        return cls(text, chunks, word_set(joined), _DIGIT.search(joined) is not None)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Every match of ``pattern`` in each chunk, with the chunk's offset."""
        for offset, chunk in self.chunks:
            for match in pattern.finditer(chunk):
                yield offset, match

    def joined(self) -> str:
        return "\n".join(chunk for _, chunk in self.chunks)

    def mentions(self, words: frozenset[str]) -> bool:
        return not self.words.isdisjoint(words)

    @property
    def german(self) -> bool:
        """German by its function words (decides "Billion" = 10^12 and noun capitalisation)."""
        return len(self.words & GERMAN_WORDS) >= 2 and len(self.words & ENGLISH_WORDS) < 2


def norm_words(text: str) -> str:
    """Case-, quote- and punctuation-insensitive form of a phrase ("isn't" = "is not")."""
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = _NOT_SUFFIX.sub(" not", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def word_set(text: str) -> frozenset[str]:
    """The words of ``norm_words(text)``, without building the joined string."""
    text = text.casefold()
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    if "n't" in text:
        text = _NOT_SUFFIX.sub(" not", text)
    return frozenset(_WORD_CHARS.findall(text))


def span(offset: int, match: re.Match[str], group: int | str = 0) -> Span:
    start, end = match.span(group)
    return Span(offset + start, offset + end)


def overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a.start < s.end and s.start < a.end for s in spans)
