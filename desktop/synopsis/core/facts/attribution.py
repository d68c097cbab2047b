"""Attribution: who is said to have said it ("X said", "said X", "according to X", "laut X").

A speaker is the name right before or after a speech verb, or a pronoun. A pronoun on either
side matches any speaker (it cannot be resolved here). A named speaker replaced by another is
a changed attribution; an attribution present on one side only was dropped or added.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet

from ..model import Fact, Span
from .common import Passage
from .names import Name, same, variant

_VERBS = (r"said|says|say|told|tells|claimed|claims|added|adds|stated|states|explained|announced|"
          r"insisted|warned|argued|wrote|writes|noted|suggested|confirmed|denied|declared|stressed|"
          r"asserted|maintained|acknowledged|admitted|tweeted|posted|"
          r"sagte|sagt|sagten|erklärte|erklärt|betonte|berichtete|schrieb|warnte|behauptete|meinte|"
          r"bestätigte|kündigte|teilte")
_AFTER = re.compile(r"\A\s+(?:on\s+\w+\s+|(?:yesterday|today)\s+)?(?:\w+ly\s+)?(?:(?:has|had|have|also|later|then|hat|hatte)\s+)*(?:" + _VERBS + r")\b", re.I)
_BEFORE = re.compile(r"(?:\baccording\s+to|\blaut)\s+(?:(?:the|an?)\s+)?\Z", re.I)
# "said Putin" only when the name closes the clause (not "said Putin was ready")
_VERB_BEFORE = re.compile(r"\b(?:" + _VERBS + r")\s+(?:the\s+)?\Z", re.I)
_CLAUSE_END = re.compile(r"\A\s*(?:[.,;:!?)”\"’]|\Z)")
_ZUFOLGE = re.compile(r"\A\s+zufolge\b", re.I)
_PRONOUN = re.compile(r"(?<!\w)(?P<p>he|she|they|we|I|er|sie|wir)\s+(?:(?:has|had|also|then|hat|hatte)\s+)*"
                      r"(?:" + _VERBS + r")\b", re.I)
_SAID_PRONOUN = re.compile(r"\b(?:" + _VERBS + r")\s+(?P<p>he|she|they|er|sie)\b", re.I)


@dataclass(slots=True)
class Speaker:
    span: Span
    keys: list[str]      # empty for a pronoun


_CUE_WORDS = frozenset(_VERBS.split("|")) | frozenset({"according", "laut", "zufolge"})


def extract(passage: Passage, names: list[Name]) -> list[Speaker]:
    text = passage.text
    out: list[Speaker] = []
    if not passage.mentions(_CUE_WORDS):
        return out
    for n in names:
        after = text[n.span.end:n.span.end + 40]
        before = text[max(0, n.span.start - 30):n.span.start]
        if _AFTER.match(after) or _ZUFOLGE.match(after) or _BEFORE.search(before) or \
                (_VERB_BEFORE.search(before) and _CLAUSE_END.match(after)):
            out.append(Speaker(n.span, [k for k, _ in n.words]))
    for pattern in (_PRONOUN, _SAID_PRONOUN):
        for offset, m in passage.finditer(pattern):
            out.append(Speaker(Span(offset + m.start("p"), offset + m.end("p")), []))
    return out


def _agree(x: Speaker, y: Speaker) -> bool:
    """Pronouns agree with anyone; named speakers by surname (a shared first name is no match)."""
    if not x.keys or not y.keys:
        return True
    xs = x.keys if len(y.keys) > 1 and len(x.keys) == 1 else x.keys[-1:]
    ys = y.keys if len(x.keys) > 1 and len(y.keys) == 1 else y.keys[-1:]
    if len(x.keys) == 1 or len(y.keys) == 1:
        xs, ys = x.keys, y.keys
    return any(same(a, b) or variant(a, b) for a in xs for b in ys)


def compare(text_a: str, sa: list[Speaker], words_a: AbstractSet[str],
            text_b: str, sb: list[Speaker], words_b: AbstractSet[str]) -> list[Fact]:
    left_a, left_b = list(sa), list(sb)
    for x in list(left_a):
        y = next((y for y in left_b if _agree(x, y) and y.keys), None) or \
            next((y for y in left_b if _agree(x, y)), None)
        if y is not None:
            left_a.remove(x)
            left_b.remove(y)
    # a pronoun cannot be resolved here: only named speakers left over are reported
    # ... and a speaker still named on the other side (only lower-cased, say) is not dropped
    left_a = [x for x in left_a if x.keys and (left_b or x.keys[-1] not in words_b)]
    left_b = [y for y in left_b if y.keys and (left_a or y.keys[-1] not in words_a)]
    facts: list[Fact] = []
    for x, y in zip(left_a, left_b):
        facts.append(Fact("attribution", x.span, y.span, severity=3,
                          note=f"speaker changed: {x.span.slice(text_a)} → {y.span.slice(text_b)}"))
    for x in left_a[len(left_b):]:
        facts.append(Fact("attribution", x.span, None, severity=2,
                          note=f"attribution only in A: {x.span.slice(text_a)}"))
    for y in left_b[len(left_a):]:
        facts.append(Fact("attribution", None, y.span, severity=2,
                          note=f"attribution only in B: {y.span.slice(text_b)}"))
    return facts
