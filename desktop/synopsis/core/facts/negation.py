"""Negation and hedging cues, counted per side.

Only a difference in the number of cues is reported ("not" / "never" swapped is the same
polarity); the cues in excess on one side are the evidence. Negation flips are alarming,
hedging changes ("may" / "will", "reportedly") are worth checking.
"""
from __future__ import annotations

import re

from ..model import Fact, Span
from .common import Passage, span

# Alternatives grouped by first letter (in their original order within a group), so the
# regex engine tests one letter per group instead of every word at every position.
_NEGATION = re.compile(
    r"(?i)(?<!\w)(?:n(?:ot|ever|o(?!\.\s*\d)|one|obody|othing|either|or|icht|ie|iemals|ichts|iemand)|cannot|"
    r"weder|kein(?:e|en|em|er|es)?)(?!\w)|n[’']t(?!\w)")
_HEDGE = re.compile(
    r"(?<!\w)(?:m(?:ay|ight)|could|(?i:reportedly|a(?:llegedly|pparently|ppears?\s+to|ngeblich)|"
    r"p(?:ossibly|erhaps|robably|urportedly)|likely|s(?:upposedly|eemingly|eems?\s+to|oll(?:en)?)|"
    r"is\s+(?:said|believed)\s+to|m(?:öglicherweise|utmaßlich)|v(?:ermutlich|ielleicht)|offenbar|"
    r"wahrscheinlich|könnte[n]?|dürfte[n]?))(?!\w)")


_CUE_WORDS = {
    _NEGATION: frozenset("not never no none nobody nothing neither nor cannot nicht nie niemals nichts "
                         "niemand weder kein keine keinen keinem keiner keines".split()),
    _HEDGE: frozenset("may might could reportedly allegedly apparently possibly perhaps probably likely "
                      "purportedly supposedly seemingly "
                      "möglicherweise angeblich vermutlich offenbar wahrscheinlich vielleicht mutmaßlich "
                      "könnte könnten dürfte dürften soll sollen".split()),
}
# hedges of several words: "is said to", "is believed to", "appears to", "seems to"
_SAID = frozenset({"said", "believed"})
_SEEMS = frozenset({"appears", "appear", "seems", "seem"})


def _may_hedge(words: frozenset[str]) -> bool:
    return not words.isdisjoint(_CUE_WORDS[_HEDGE]) or "to" in words and (
        not words.isdisjoint(_SEEMS) or "is" in words and not words.isdisjoint(_SAID))


def _cues(passage: Passage, pattern: re.Pattern[str]) -> list[tuple[str, Span]]:
    out: list[tuple[str, Span]] = []
    if not (_may_hedge(passage.words) if pattern is _HEDGE else passage.mentions(_CUE_WORDS[pattern])):
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
