"""Who said it, in the languages beyond English and German, and across two languages.

Russian, Ukrainian, Spanish and French put the speaker before the speech verb ("Путин сказал",
"Sánchez dijo") or after it, often after a title and other words ("— сказал помощник Путина по
внешней политике Юрий Ушаков", "confirmó la Casa Blanca"): after the verb, the speaker is the
last name of the clause that no preposition governs ("Путина" is whose aide, "в Москве" where),
but for an impersonal plural verb with "в" ("подтвердили в Белом доме", "the White House
confirmed"). "По словам X", "за словами X", "según X", "selon X" name the speaker too.

Between two languages speakers are matched as names are (``transliteration.alike``, the
gazetteer); a common noun standing as the speaker ("Police said", "Die Polizei sagte": a word of
the lexicons' ``speaker_nouns``, a German noun) cannot be matched across languages and is left out.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .attribution import Speaker, _given, common_speaker
from .attribution import _CUE as _ENGLISH_GERMAN_CUE
from .common import Passage
from .gazetteer import entity
from .lexicon import INTL, LANGUAGES
from .names import Name
from .transliteration import alike

_LOWER_WORD = r"[^\W\d_A-ZА-ЯЁІЇЄҐÀ-ÝÑ][\w'’-]*"      # a word that opens in lower case


class _Patterns:
    """The speech patterns of one language."""

    def __init__(self, language: str) -> None:
        lex = LANGUAGES[language]
        # (the word lists any case; _LOWER_WORD, a word in lower case, is case-sensitive)
        verbs = "(?i:" + "|".join(sorted(lex.speech_verbs, key=len, reverse=True)) + ")"
        self.verb = re.compile(r"(?<![\w'’-])" + verbs + r"(?![\w'’-])")
        # the name, at most three lower-case words, then the verb ("Путин в среду заявил"); no
        # comma between ("Rustem Umerov, confirmó la Casa Blanca": the speaker follows the verb)
        self.after = re.compile(r"\s+(?:" + _LOWER_WORD + r"\s+){0,3}?" + verbs + r"(?![\w'’-])")
        self.after_comma = re.compile(r",\s+(?:" + _LOWER_WORD + r"\s+){0,3}?" + verbs + r"(?![\w'’-])")
        self.complementizer = re.compile(r"(?<![\w'’-])(?i:" + "|".join(lex.complementizers) + r")(?![\w'’-])")
        self.according = re.compile(r"(?:^|(?<=[\s(«„“\"]))(?i:" + "|".join(lex.according_to) + r")(?![\w'’-])")
        self.before = re.compile(r"(?:^|(?<=[\s(«„“\"]))(?i:" + "|".join(lex.according_to) + r")\s+(?:"
                                 + _LOWER_WORD + r"\s+){0,3}\Z")
        self.governed = re.compile(r"(?<![\w'’-])(?i:" + "|".join(lex.object_prepositions) + r")\s+\Z")
        self.pronoun_before = re.compile(r"(?<![\w'’-])(?P<p>(?i:" + "|".join(lex.subject_pronouns) + r"))\s+(?:"
                                         + _LOWER_WORD + r"\s+)?\Z")
        self.pronoun_after = re.compile(r"\A\s+(?P<p>(?i:" + "|".join(lex.subject_pronouns) + r"))(?![\w'’-])")


@lru_cache(maxsize=None)
def _patterns(language: str) -> _Patterns:
    return _Patterns(language)


_SENTENCE_END = re.compile(r"[.;!?]")
_IMPERSONAL_IN = re.compile(r"(?i:в|во|у)\s+\Z")
_SEGMENT_END = re.compile(r"\s*(?:[,.;:!?—–)»”\"]|\Z)")     # a name that ends a clause is followed by one


def extract(passage: Passage, names: list[Name]) -> list[Speaker]:
    """The speakers of a passage in one of the other languages (named speakers, then pronouns).
    Each speech verb is asked for its speaker after it first ("— сказал … Юрий Ушаков"); the
    name right before it speaks when the verb has none after it or when no comma stands between
    ("Путин сказал"); "по словам X" names X."""
    p = _patterns(passage.language)
    text = passage.text
    verbs = [(offset + m.start(), offset + m.end()) for offset, chunk in passage.chunks for m in p.verb.finditer(chunk)]
    speaking: set[int] = set()
    subjects: set[int] = set()      # the names right before their verb ("Путин заявил")
    for v_start, v_end in verbs:
        after = _after_verb(v_start, v_end, names, text, p)
        if after is not None:
            speaking.add(after)
        before = _before_verb(v_start, v_end, names, text, p, apposition=after is None)
        if before is not None:
            subjects.add(before)
    for i, n in enumerate(names):
        if p.before.search(text, max(0, n.starts[0] - 40), n.starts[0]):
            speaking.add(i)
    out = [_speaker(names[i], text, passage, i in subjects) for i in sorted(speaking | subjects)]
    for pos, end in verbs:
        m = p.pronoun_before.search(text, max(0, pos - 30), pos)
        if m:
            out.append(Speaker(Span(m.start("p"), m.end("p")), []))
        m = p.pronoun_after.match(text[end:end + 8])
        if m:
            out.append(Speaker(Span(end + m.start("p"), end + m.end("p")), []))
    out.sort(key=lambda sp: sp.span.start)
    return out


def _impersonal(text: str, v_start: int, v_end: int, before: str) -> bool:
    """An impersonal plural verb with "в" / "у" and a name: the name is who said it
    ("подтвердили в Белом доме", "в Кремле заявили": the White House, the Kremlin)."""
    return text[v_start:v_end].lower().endswith("ли") and _IMPERSONAL_IN.search(before) is not None


def _after_verb(v_start: int, v_end: int, names: list[Name], text: str, p: _Patterns) -> int | None:
    """The index of the speaker a verb puts after itself: the last name up to the sentence's end
    (or a "что", "que" opening a reported clause) that no preposition governs and that ends a
    clause ("сказал помощник Путина по внешней политике Юрий Ушаков, добавив", "dijo el jefe de
    bomberos de Albuquerque, Robert Ortega")."""
    stop = _SENTENCE_END.search(text, v_end)
    limit = stop.start() if stop else len(text)
    clause = p.complementizer.search(text, v_end, limit)
    if clause:
        limit = clause.start()
    found = None
    for i, n in enumerate(names):
        if not (v_end <= n.starts[0] and n.ends[-1] <= limit and n.starts[0] - v_end <= 90):
            continue
        before = text[max(0, n.starts[0] - 12):n.starts[0]]
        if p.governed.search(before) and not _impersonal(text, v_start, v_end, before):
            continue
        if _SEGMENT_END.match(text, n.ends[-1]):
            found = i
    return found


def _before_verb(v_start: int, v_end: int, names: list[Name], text: str, p: _Patterns, apposition: bool) -> int | None:
    """The index of the name right before a verb that speaks: at most three lower-case words
    between ("Путин в среду заявил"), no preposition before it (but for an impersonal plural),
    and no comma between unless the verb has no speaker after it ("Kris Warner, dijo")."""
    for i in range(len(names) - 1, -1, -1):
        n = names[i]
        if n.ends[-1] > v_start:
            continue
        gap = text[n.ends[-1]:v_start]
        if len(gap) > 60:
            return None
        before = text[max(0, n.starts[0] - 12):n.starts[0]]
        if p.governed.search(before) and not _impersonal(text, v_start, v_end, before):
            return None
        plain = p.after.match(text, n.ends[-1], v_end)
        with_comma = apposition and p.after_comma.match(text, n.ends[-1], v_end)
        return i if plain or with_comma else None
    return None


_HEAD_OF_PHRASE = re.compile(r"\s+(" + _LOWER_WORD + ")")


def _speaker(n: Name, text: str, passage: Passage, subject: bool) -> Speaker:
    """The speaker a name is; a common noun or an organisation (see ``attribution.common_speaker``)
    also when it is one word that is a title ("Губернатор-демократ заявил") or, not the verb's
    subject, heads a phrase of lower-case words ("по данным Ассоциации дилеров видеопрограмм")."""
    keys = list(n.keys)
    common = common_speaker(keys)
    if len(keys) == 1 and not common:
        word = text[n.starts[0]:n.ends[0]].casefold()
        titles = LANGUAGES[passage.language].titles
        common = word in titles or word.split("-")[0] in titles or \
            not subject and _heads_phrase(text, n.ends[0], passage.language)
    return Speaker(n.span, keys, _given(text, n, False), common=common)


def _heads_phrase(text: str, end: int, language: str) -> bool:
    """Whether a lower-case word that is no speech verb follows ``end``."""
    m = _HEAD_OF_PHRASE.match(text, end)
    return m is not None and _patterns(language).verb.match(text, m.start(1)) is None


def speech_cue(passage: Passage) -> bool:
    """Whether a passage has a speech verb or an "according to" (then it says who speaks, if anyone)."""
    if passage.language not in INTL:
        return bool(_ENGLISH_GERMAN_CUE.find(passage))
    p = _patterns(passage.language)
    return any(p.verb.search(chunk) or p.according.search(chunk) for _, chunk in passage.chunks)


# -- across languages ------------------------------------------------------------------------------

def _agree(x: Speaker, y: Speaker) -> bool:
    """Pronouns agree with anyone; named speakers by their surnames (by all their words when one
    is a single word) written alike, or standing for one entity ("Kremlin" / "Кремле"), or by
    the whole names standing for one entity ("White House" / "Белом")."""
    if not x.keys or not y.keys:
        return True
    whole = entity(" ".join(x.keys))
    if whole is not None and whole == entity(" ".join(y.keys)):
        return True
    one = len(x.keys) == 1 or len(y.keys) == 1
    xs, ys = (x.keys, y.keys) if one else (x.keys[-1:], y.keys[-1:])
    return any(alike(a, b) or (e := entity(a)) is not None and e == entity(b) for a in xs for b in ys)


def _named(x: Speaker, names: list[Name]) -> bool:
    """Whether the speaker's surname (or its whole name's entity) is a name of the other side,
    spoken or not ("BAT also said Antonio Monteiro de Castro, director …" / "BAT сообщила, что
    Антонио Монтейру де Кастру, директор …")."""
    whole = entity(" ".join(x.keys))
    for n in names:
        if any(alike(x.keys[-1], k) for k in n.keys):
            return True
        e = entity(x.keys[-1])
        if e is not None and any(entity(k) == e for k in n.keys) or whole is not None and whole == entity(" ".join(n.keys)):
            return True
    return False


def compare_across(text_a: str, sa: list[Speaker], names_a: list[Name], text_b: str, sb: list[Speaker],
                   names_b: list[Name], nouns: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
                   cues: tuple[bool, bool] = (True, True)) -> list[Fact]:
    """Attribution facts of a pair in two languages: a named speaker left over on both sides is a
    changed speaker, on one side only a dropped (or added) attribution. Pronouns agree with
    anyone; a common noun as the speaker (``Speaker.common``, or a word of ``nouns``, the common
    nouns of a German document) and a speaker still named on the other side are no fact; nor is
    a speaker on one side when the other has no speech verb at all (``cues``: whether each side
    has one): "suggested" / "предложил" is a proposal in one language and speech in the other."""
    left_a, left_b = list(sa), list(sb)
    for x in list(left_a):
        y = next((y for y in left_b if _agree(x, y) and y.keys), None) or next((y for y in left_b if _agree(x, y)), None)
        if y is not None:
            left_a.remove(x)
            left_b.remove(y)
    left_a = [x for x in left_a if x.keys and not x.common and not (len(x.keys) == 1 and x.keys[0] in nouns[0])
              and not _named(x, names_b)]
    left_b = [y for y in left_b if y.keys and not y.common and not (len(y.keys) == 1 and y.keys[0] in nouns[1])
              and not _named(y, names_a)]
    facts = [Fact(FactKind.ATTRIBUTION, x.span, y.span, severity=Severity.ALARM,
                  note=f"speaker changed: {x.span.slice(text_a)} → {y.span.slice(text_b)}")
             for x, y in zip(left_a, left_b)]
    facts += [Fact(FactKind.ATTRIBUTION, x.span, None, severity=Severity.CHECK, note=f"attribution only in A: {x.span.slice(text_a)}")
              for x in left_a[len(left_b):] if cues[1]]
    facts += [Fact(FactKind.ATTRIBUTION, None, y.span, severity=Severity.CHECK, note=f"attribution only in B: {y.span.slice(text_b)}")
              for y in left_b[len(left_a):] if cues[0]]
    return facts
