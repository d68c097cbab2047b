"""Negation and hedging cues, counted per side.

Only a difference in the number of cues is reported ("not" / "never" swapped is the same
polarity); the cues in excess on one side are the evidence. Negation flips are alarming,
hedging changes ("may" / "will", "reportedly") are worth checking. A cue inside words the
other side does not have at all (a clause it dropped) is no flip: it is noted at the lowest
severity, so a dropped "they do not need to wait" does not rank with "has no intention" /
"has every intention".
"""
from __future__ import annotations

import re

from typing import AbstractSet

from ..model import Fact, Span
from .common import Passage, WordScan, span, word_pattern

_NEXT_WORDS = re.compile(r"\w+")
_FILLER = frozenset("a an the to of and or be been is are was were that this it its their his her "
                    "on in at for with by from as into over about than they he she we you i "
                    "ein eine der die das zu und oder ist sind war in im an am auf für mit von bei".split())

# One alternative per cue word, with the words whose presence lets it match.
_NEGATION = WordScan(
    [(w, word_pattern(w)) for w in "not never".split()] + [("no", word_pattern("no", r"o(?!\.\s*\d)"))]
    + [(w, word_pattern(w)) for w in "none nobody nothing neither nor nicht nie niemals nichts niemand cannot weder".split()]
    + [("kein keine keinen keinem keiner keines", word_pattern("kein", "ein(?:e|en|em|er|es)?")),
       ("not", r"n[’']t(?!\w)")], flags="(?i)")
_HEDGE = WordScan(
    [(w, word_pattern(w)) for w in "may might could".split()]
    + [(w, f"(?i:{word_pattern(w)})") for w in (
        "reportedly allegedly apparently angeblich possibly perhaps probably purportedly likely supposedly "
        "seemingly möglicherweise mutmaßlich vermutlich vielleicht offenbar wahrscheinlich").split()]
    + [(words, f"(?i:{word_pattern(first, rest)})") for words, first, rest in (
        ("appear appears", "a", r"ppears?\s+to"), ("seem seems", "s", r"eems?\s+to"), ("soll sollen", "s", "oll(?:en)?"),
        ("said believed", "i", r"s\s+(?:said|believed)\s+to"), ("könnte könnten", "k", "önnte[n]?"),
        ("dürfte dürften", "d", "ürfte[n]?"))])


def _cues(passage: Passage, scan: WordScan) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    for offset, m in scan.find(passage):
        word = m.group().lower().replace("’", "'")
        norm = "not" if word in ("n't", "cannot") else "kein" if word.startswith("kein") else word
        out.append((norm, span(offset, m)))
    return out


def _excess(xs: list[tuple[str, Span]], ys: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """The cues of ``xs`` beyond the count of ``ys``, preferring words ``ys`` lacks."""
    extra = len(xs) - len(ys)
    if extra <= 0:
        return []
    pool = [w for w, _ in ys]
    unmatched = []
    for w, sp in xs:
        if w in pool:
            pool.remove(w)
        else:
            unmatched.append((w, sp))
    return (unmatched + [c for c in xs if c not in unmatched])[:extra]


Cues = tuple[list[tuple[str, Span]], list[tuple[str, Span]]]


def extract(passage: Passage) -> Cues:
    """Negation cues and hedging cues of one passage."""
    return _cues(passage, _NEGATION), _cues(passage, _HEDGE)


def _in_dropped_words(text: str, sp: Span, other_words: AbstractSet[str]) -> bool:
    """Whether the words the cue governs (the next three content words of its sentence) are
    all missing from the other side: the cue sits in a clause the other side left out."""
    tail = text[sp.end:sp.end + 80]
    stop = min((k for k in (tail.find(". "), tail.find("\n")) if k >= 0), default=len(tail))
    words = [w for w in (m.group().casefold() for m in _NEXT_WORDS.finditer(tail, 0, stop))
             if w not in _FILLER][:3]
    return bool(words) and not any(w in other_words for w in words)


def compare(text_a: str, ca: Cues, text_b: str, cb: Cues,
            words_a: AbstractSet[str] = frozenset(), words_b: AbstractSet[str] = frozenset()) -> list[Fact]:
    facts: list[Fact] = []
    for i, (what, severity) in enumerate((("negation", 3), ("hedging", 2))):
        for _, sp in _excess(ca[i], cb[i]):
            dropped = bool(words_b) and _in_dropped_words(text_a, sp, words_b)
            facts.append(Fact("negation", sp, None, severity=1 if dropped else severity,
                              note=f"{what} only in A: {sp.slice(text_a)}"
                                   + (" (in words B does not have)" if dropped else "")))
        for _, sp in _excess(cb[i], ca[i]):
            dropped = bool(words_a) and _in_dropped_words(text_b, sp, words_a)
            facts.append(Fact("negation", None, sp, severity=1 if dropped else severity,
                              note=f"{what} only in B: {sp.slice(text_b)}"
                                   + (" (in words A does not have)" if dropped else "")))
    return facts
