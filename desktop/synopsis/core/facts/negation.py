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
from typing import AbstractSet, NamedTuple, Sequence

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .common import Passage, WordScan, span, word_pattern
from .lexicon import joined, union

_NEXT_WORDS = re.compile(r"\w+")
_FILLER = union("filler")


def _negation_scan() -> WordScan:
    """One alternative per negation word; "no" not before a number ("No. 5"), and "n't"."""
    words = joined("negations")
    return WordScan([(w, word_pattern("no", r"o(?!\.\s*\d)") if w == "no" else word_pattern(w)) for w in words]
                    + [("not", r"n[’']t(?!\w)")], flags="(?i)")


def _hedge_scan() -> WordScan:
    """One alternative per hedging word or phrase, with the words whose presence lets it match;
    modal verbs in lower case only ("May" opens a sentence or names the month)."""
    return WordScan(
        [(w, word_pattern(w)) for w in joined("hedge_modals")]
        + [(w, f"(?i:{word_pattern(w)})") for w in joined("hedges")]
        + [(words, f"(?i:{word_pattern(source[0], source[1:])})") for words, source in joined("hedge_phrases")])


_NEGATION = _negation_scan()
_HEDGE = _hedge_scan()


class Cue(NamedTuple):
    word: str       # lower case, one form for a word's forms ("n't" is "not", "keinen" is "kein")
    span: Span


class Cues(NamedTuple):
    """The negation and hedging cues of a passage, in text order."""
    negations: Sequence[Cue]
    hedges: Sequence[Cue]


_NO_CUES = Cues((), ())     # (most passages: one shared answer, never changed)


def _cues(passage: Passage, scan: WordScan) -> tuple[Cue, ...]:
    found = scan.find(passage)
    return tuple([cue_of(offset, m) for offset, m in found]) if found else ()


def cue_of(offset: int, m: re.Match[str]) -> Cue:
    """The cue a match of a cue scan (in the chunk at ``offset``) stands for."""
    word = m.group().lower().replace("’", "'")
    norm = "not" if word in ("n't", "cannot") else "kein" if word.startswith("kein") else word
    return Cue(norm, span(offset, m))


def _excess(xs: Sequence[Cue], ys: Sequence[Cue]) -> list[Cue]:
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
            unmatched.append(Cue(w, sp))
    return (unmatched + [c for c in xs if c not in unmatched])[:extra]


def extract(passage: Passage) -> Cues:
    """Negation cues and hedging cues of one passage."""
    negations, hedges = _cues(passage, _NEGATION), _cues(passage, _HEDGE)
    return Cues(negations, hedges) if negations or hedges else _NO_CUES


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
    for what, severity, cues_a, cues_b in (("negation", Severity.ALARM, ca.negations, cb.negations),
                                           ("hedging", Severity.CHECK, ca.hedges, cb.hedges)):
        for _, sp in _excess(cues_a, cues_b):
            dropped = bool(words_b) and _in_dropped_words(text_a, sp, words_b)
            facts.append(Fact(FactKind.NEGATION, sp, None, severity=Severity.NOTE if dropped else severity,
                              note=f"{what} only in A: {sp.slice(text_a)}"
                                   + (" (in words B does not have)" if dropped else "")))
        for _, sp in _excess(cues_b, cues_a):
            dropped = bool(words_a) and _in_dropped_words(text_b, sp, words_a)
            facts.append(Fact(FactKind.NEGATION, None, sp, severity=Severity.NOTE if dropped else severity,
                              note=f"{what} only in B: {sp.slice(text_b)}"
                                   + (" (in words A does not have)" if dropped else "")))
    return facts
