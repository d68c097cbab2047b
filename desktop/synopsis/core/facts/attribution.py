"""Attribution: who is said to have said it ("X said", "said X", "according to X", "laut X").

A speaker is the name right before or after a speech verb, or a pronoun. A pronoun on either
side matches any speaker (it cannot be resolved here). A named speaker replaced by another is
a changed attribution; an attribution present on one side only was dropped or added.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import AbstractSet

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .common import Passage, WordScan, word_pattern
from .german import document_nouns
from .lexicon import LANGUAGES, SPELLINGS, joined
from .names import Name
from .spelling import DEMONYMS, same, transliterated, variant

_EN, _DE = LANGUAGES["en"], LANGUAGES["de"]
SPEAKER_NOUNS = frozenset(w.casefold() for lex in LANGUAGES.values() for w in lex.speaker_nouns)
ORGANISATION_HEADS = frozenset(w.casefold() for lex in LANGUAGES.values() for w in lex.organisation_heads)


def common_speaker(keys: list[str], noun: bool = False) -> bool:
    """Whether a speaker's name is a common noun or an organisation's name, which a translation
    puts in other words ("Police said" / "По данным полиции", "The Video Software Dealers
    Association said" / "По данным Ассоциации дилеров"): a German noun, one word of the
    ``speaker_nouns``, or a name whose last word heads organisations' names."""
    return noun or len(keys) == 1 and keys[0] in SPEAKER_NOUNS or keys[-1] in ORGANISATION_HEADS
_VERBS_EN = "|".join(_EN.speech_verbs)
_VERBS_DE = "|".join(_DE.speech_verbs)
_VERBS = _VERBS_EN + "|" + _VERBS_DE
_AFTER = re.compile(r"\A,?\s+(?:on\s+\w+\s+|(?:yesterday|today)\s+)?(?:\w+ly\s+)?(?:(?:has|had|have|also|later|then|hat|hatte)\s+)*(?:" + _VERBS + r")\b", re.I)
# "Ushakov, an aide to Putin, said": the name, an apposition between commas, then the verb
_APPOSITION = re.compile(r"\A,\s+(?:(?:a|an|the|his|her|its|der|die|das|ein|eine)\s+)?[^,.;:!?\"“”„«»\n]{3,70}?,\s+"
                         r"(?:(?:has|had|also|then|hat|hatte)\s+)*(?:" + _VERBS + r")\b", re.I)
_BEFORE = re.compile(r"(?:" + "|".join(r"\b" + p for p in joined("according_to")) + r")\s+(?:(?:the|an?)\s+)?\Z", re.I)
_HONORIFIC = r"(?:(?:" + "|".join(_EN.honorifics) + r")\.\s+)?"
# "said Putin" only when the name closes the clause (not "said Putin was ready"); "told X" names
# the listener, not the speaker
_VERB_BEFORE = re.compile(r"\b(?:" + "|".join(v for v in _EN.speech_verbs if v not in _EN.listener_verbs)
                          + r")\s+(?:the\s+)?" + _HONORIFIC + r"\Z", re.I)
# German puts the subject after the verb ("erklärte Ferrell und lachte"): no clause end needed
_VERB_BEFORE_DE = re.compile(r"\b(?:" + _VERBS_DE + r")\s+(?:der\s+|die\s+)?" + _HONORIFIC + r"\Z", re.I)
_CLAUSE_END = re.compile(r"\A\s*(?:[.,;:!?)”\"’“]|\Z)")
_ZUFOLGE = re.compile(r"\A\s+(?:" + "|".join(joined("speaker_after")) + r")\b", re.I)
_PRONOUN_BEFORE = re.compile(r"(?<!\w)(?P<p>" + "|".join(joined("subject_pronouns")) + r")\s+"
                             r"(?:(?:has|had|also|then|hat|hatte)\s+)*\Z", re.I)
# "…, said he." but not "said he imposed": an English pronoun after the verb speaks only at a
# clause end (German puts the speaker after the verb: "sagte er dem Sender")
_PRONOUN_AFTER = re.compile(r"\A\s+(?:(?P<p>he|she|they)(?=\s*(?:[.,;:!?)”\"’“]|\Z))|(?P<de>er|sie)\b)", re.I)
# The cues: speech verbs (written in lower case: a case-sensitive scan is cheaper) and the
# words that put the speaker after them. Each cue word has its own small pattern that opens
# with its first letter, and a passage is scanned only for the cue words it has (see
# common.WordScan).
_OTHER_CUES = tuple(form for phrase in joined("according_to") for word in [re.match(r"\w+", phrase).group()]
                    for form in (word, word.capitalize())) + tuple(joined("speaker_after"))
_CUE = WordScan([(w.lower(), word_pattern(w)) for w in _VERBS.split("|") + list(_OTHER_CUES)])


@dataclass(slots=True)
class Speaker:
    span: Span
    keys: list[str]      # empty for a pronoun
    given: str | None = None     # the key of the word before the surname when it looks like a first name
    common: bool = False         # a common noun, as far as can be told: one word opening a sentence, a German noun




# The last word before a name that _BEFORE, _VERB_BEFORE or _VERB_BEFORE_DE can end with
# (an honorific ends with a full stop instead).
_LAST_WORDS = frozenset(_VERBS.split("|")) | frozenset("to the a an der die".split()) | frozenset(
    re.findall(r"\w+\Z", phrase)[0] for phrase in joined("according_to"))
_DOTTED_I = re.compile("[İı]")
# "the ambassador to the US said": a name governed by a preposition is not who spoke
_OBJECT_OF = re.compile(r"(?<!\w)(?:to|of|in|at|from|for|with|on|into|against|between|zu|von|in|aus|mit|gegen)"
                        r"\s+(?:the\s+|der\s+|dem\s+|den\s+)?\Z", re.I)      # match "i" ignoring case, but do not case-fold to it


def _may_precede(before: str) -> bool:
    """Whether a pattern that reads the text before a name could match: a cheap look at its
    last word spares three searches anchored at the end (tried from every position)."""
    body = before.rstrip()
    if not body or body[-1] == "." or _DOTTED_I.search(before):
        return True
    last = body[body.rfind(" ") + 1:]       # the last word, if its token is all letters (most are)
    if not last.isalnum():
        i = len(body)
        while i and (body[i - 1].isalnum() or body[i - 1] == "_"):
            i -= 1
        last = body[i:]
    return last.casefold() in _LAST_WORDS


def reads_nouns(passage: Passage) -> bool:
    """Whether ``extract`` may look at the passage's German nouns ("Die Polizei sagte"): only
    when the passage can have a cue word."""
    return passage.odd_case or passage.flags & _CUE.flag != 0


def extract(passage: Passage, names: list[Name]) -> list[Speaker]:
    text = passage.text
    out: list[Speaker] = []
    found = _CUE.find(passage)
    if not found:
        return out
    cues = [offset + m.start() for offset, m in found]
    verbs = [(offset + m.start(), offset + m.end()) for offset, m in found if m.group() not in _OTHER_CUES]
    zufolge = passage.odd_case or "zufolge" in passage.words
    for n in names:
        # only a name with a cue word nearby needs the patterns below
        start, end = n.starts[0], n.ends[-1]
        k = bisect_left(cues, start - 35)
        if k == len(cues) or cues[k] > end + 110:
            continue
        after = text[end:end + 110]
        before = text[max(0, start - 35):start]
        speaks = (_AFTER.match(after) and (not after.startswith(",") or before.rstrip().endswith(","))
                  or _APPOSITION.match(after)) and not _OBJECT_OF.search(before[-20:])
        if speaks or zufolge and _ZUFOLGE.match(after) or _may_precede(before) and (
                    _BEFORE.search(before) or _VERB_BEFORE_DE.search(before) or
                    (_VERB_BEFORE.search(before) and _CLAUSE_END.match(after))):
            out.append(Speaker(n.span, list(n.keys), _given(text, n, passage.german), common_speaker(n.keys, n.noun)))
    one = passage.chunks[0] if len(passage.chunks) == 1 else None
    for pos, end in verbs:
        # "he said" / "said he": a pronoun speaker, matched with anyone
        chunk_start = one[0] if one else next(o for o, c in reversed(passage.chunks) if o <= pos)
        m = _PRONOUN_BEFORE.search(text, max(chunk_start, pos - 30), pos)
        if m:
            out.append(Speaker(Span(m.start("p"), m.end("p")), []))
        chunk_end = one[0] + len(one[1]) if one else \
            next(o + len(c) for o, c in passage.chunks if o <= pos < o + len(c))
        m = _PRONOUN_AFTER.match(text[end:min(end + 8, chunk_end)])
        if m:
            group = "p" if m.group("p") else "de"
            out.append(Speaker(Span(end + m.start(group), end + m.end(group)), []))
    out.sort(key=lambda sp: sp.span.start)
    return out


def _first_name_like(word: str, k: str) -> bool:
    """A capitalised word of letters ("Janet"), not an acronym ("US") nor a place or people's
    name from the tables ("American")."""
    return (len(word) > 1 and word.isalpha() and word[0].isupper() and word[1:].islower()
            and k not in DEMONYMS and k not in SPELLINGS)


# German writes a role before a name without an article ("sagte Verteidigungsminister
# Pistorius"), capitalised as a first name is: a word with one of these endings is a role
_GERMAN_ROLE_ENDINGS = _DE.role_endings


def _given(text: str, name: Name, german: bool = False) -> str | None:
    """The key of the word right before the surname, a space apart, if it looks like a first
    name (in German, not a role nor a word the document uses as a common noun)."""
    if len(name.keys) < 2:
        return None
    k, start, end = name.keys[-2], name.starts[-2], name.ends[-2]
    if name.starts[-1] != end + 1 or not _first_name_like(text[start:end], k):
        return None
    if german and (k.endswith(_GERMAN_ROLE_ENDINGS) or k in document_nouns(text)):
        return None
    return k


def _agree(x: Speaker, y: Speaker) -> bool:
    """Pronouns agree with anyone; named speakers by surname (a shared first name is no match),
    and by first name too when both give one ("Janet Levine" is not "Mark Levine")."""
    if not x.keys or not y.keys:
        return True
    if x.given and y.given and not (same(x.given, y.given) or variant(x.given, y.given)
                                    or transliterated(x.given, y.given)):
        return False
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
        facts.append(Fact(FactKind.ATTRIBUTION, x.span, y.span, severity=Severity.ALARM,
                          note=f"speaker changed: {x.span.slice(text_a)} → {y.span.slice(text_b)}"))
    for x in left_a[len(left_b):]:
        facts.append(Fact(FactKind.ATTRIBUTION, x.span, None, severity=Severity.CHECK,
                          note=f"attribution only in A: {x.span.slice(text_a)}"))
    for y in left_b[len(left_a):]:
        facts.append(Fact(FactKind.ATTRIBUTION, None, y.span, severity=Severity.CHECK,
                          note=f"attribution only in B: {y.span.slice(text_b)}"))
    return facts
