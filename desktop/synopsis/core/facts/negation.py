"""Negation and hedging cues, counted per side.

Only a difference in the number of cues is reported ("not" / "never" swapped is the same
polarity); the cues in excess on one side are the evidence. Negation flips are alarming,
hedging changes ("may" / "will", "reportedly") are worth checking.
"""
from __future__ import annotations

import re

from ..model import Fact, Span
from .common import Passage, span

_NEGATION = re.compile(
    r"(?i)(?<!\w)(?:not|never|no(?!\.\s*\d)|none|nobody|nothing|neither|nor|cannot|"
    r"nicht|nie|niemals|nichts|niemand|weder|kein(?:e|en|em|er|es)?)(?!\w)|n[’']t(?!\w)")
_HEDGE = re.compile(
    r"(?<!\w)(?:may|might|could|(?i:reportedly|allegedly|apparently|possibly|perhaps|probably|"
    r"likely|purportedly|supposedly|seemingly|appears?\s+to|seems?\s+to|is\s+said\s+to|"
    r"is\s+believed\s+to|möglicherweise|angeblich|vermutlich|offenbar|wahrscheinlich|vielleicht|"
    r"mutmaßlich|könnte[n]?|dürfte[n]?|soll(?:en)?))(?!\w)")


_CUE_WORDS = {
    _NEGATION: frozenset("not never no none nobody nothing neither nor cannot nicht nie niemals nichts "
                         "niemand weder kein keine keinen keinem keiner keines".split()),
    _HEDGE: frozenset("may might could reportedly allegedly apparently possibly perhaps probably likely "
                      "purportedly supposedly seemingly appears appear seems seem said believed "
                      "möglicherweise angeblich vermutlich offenbar wahrscheinlich vielleicht mutmaßlich "
                      "könnte könnten dürfte dürften soll sollen".split()),
}


def _cues(passage: Passage, pattern: re.Pattern[str]) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    if not passage.mentions(_CUE_WORDS[pattern]):
        return out
    for offset, m in passage.finditer(pattern):
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


def compare(text_a: str, ca: Cues, text_b: str, cb: Cues) -> list[Fact]:
    facts: list[Fact] = []
    for i, (what, severity) in enumerate((("negation", 3), ("hedging", 2))):
        for _, sp in _excess(ca[i], cb[i]):
            facts.append(Fact("negation", sp, None, severity=severity,
                              note=f"{what} only in A: {sp.slice(text_a)}"))
        for _, sp in _excess(cb[i], ca[i]):
            facts.append(Fact("negation", None, sp, severity=severity,
                              note=f"{what} only in B: {sp.slice(text_b)}"))
    return facts
