"""Negation and hedging across two languages, clause by clause.

Languages negate differently: Russian and Spanish repeat the negation in a clause ("не принесли
никакого компромисса", "no produjeron ningún compromiso" for "produced no compromise"), French
splits it ("ne … pas"), "unless" is "если … не". So between two languages negations are not
counted one by one: a passage is cut into clauses (at commas, semicolons, colons, sentence ends,
dashes and the words that open a reported clause: "that", "что", "que") and the clauses with a
negation are counted. Hedges are counted one by one (an adverb or a phrase such as
"reportedly" / "якобы" / "скорее всего"; not a modal verb, which translations add and drop:
"could occur" / "возможность проведения", "as often as they can" / "so oft wie möglich"). A
negation word that negates nothing ("не только", "not only", the "не" of "пока Киев не примет",
"until Kyiv makes") is no cue, and a correlative ("ни", "nor") negates no clause on its own. A side
with more negated clauses than the other has a negation the other lacks; more hedges, a hedge.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..model import Fact, Span
from ..vocab import FactKind, Severity
from .common import Passage
from .lexicon import ALWAYS, LANGUAGES, joined

_CLAUSE = re.compile(r"[^,;:.!?—–()\n]+")
_WORD = r"[\w'’ʼ-]"
# words with a negating prefix that English says with "not" ("not easy" / "непросто",
# "not an easy task" / "непростой задачей"): the stems, as adverbs and adjectives in any ending;
# not the nouns ("-ость", "-ість": "почечная недостаточность" is "kidney failure")
_NEGATIVE_STEMS = ("непрост", "нелегк", "невозможн", "неможлив", "неясн", "невідом", "неизвестн",
                   "недостаточн", "недостатн")


class Clauses(NamedTuple):
    """The first cue of each negated clause, and every hedge (hedges do not repeat as negations
    do: "supuestamente podría" is two), of a passage."""
    negated: tuple[Span, ...]
    hedged: tuple[Span, ...]


class _Cues:
    """The clause cues of one set of languages."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        def alternation(words) -> str:
            return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        negations = [w for w in joined("negations", codes) if not w.endswith("'")]
        stems = "|".join(re.escape(stem) + r"(?!ост|іст)\w*" for stem in _NEGATIVE_STEMS)
        # an elided negation runs into the next word ("n'a pas"), with either apostrophe
        elided = [re.escape(w[:-1]) + "['’]" for w in joined("negations", codes) if w.endswith("'")]
        self.negation = re.compile(r"(?i)(?<!" + _WORD + ")(?:(?:" + alternation(negations) + "|" + stems + "|"
                                   + "|".join(joined("clause_negations", codes)) + r")(?!" + _WORD + r")"
                                   + "".join("|" + e for e in elided) + r")|n['’]t(?!\w)")
        self.idiom = re.compile(r"(?i)(?<!" + _WORD + ")(?:" + "|".join(joined("negation_idioms", codes)) + r")(?!" + _WORD + ")")
        modals = set(joined("modal_verbs", codes))
        phrases = [source for words, source in joined("hedge_phrases", codes) if not set(words.split()) <= modals]
        self.hedge = re.compile(r"(?i)(?<!" + _WORD + ")(?:" + alternation(joined("hedges", codes)) + "|"
                                + "|".join(phrases) + r")(?!" + _WORD + ")")
        before = "|".join(LANGUAGES[c].expletive_before for c in codes if LANGUAGES[c].expletive_before)
        after = "|".join(LANGUAGES[c].not_expletive_after for c in codes if LANGUAGES[c].not_expletive_after)
        # the clause's text before a negation that negates nothing: the conjunction, then a word or
        # a few that are not "ещё" ("пока Киев не", "доки Київ не")
        self.expletive = re.compile(r"(?i)(?<!" + _WORD + ")(?:" + before + r")\s+(?!(?:" + after + r")(?!"
                                    + _WORD + r"))\S+(?:\s+\S+){0,3}\s+\Z") if before else None
        # a clause also ends where a reported clause begins ("dijo que …", "заявил, что …")
        starts = joined("complementizers", codes) + ["that"]
        self.clause_start = re.compile(r"(?i)(?<!" + _WORD + ")(?:" + alternation(starts) + r")(?!" + _WORD + ")")


@lru_cache(maxsize=None)
def _cues(language: str | None) -> _Cues:
    codes = ALWAYS if language not in LANGUAGES or language in ALWAYS else (*ALWAYS, language)
    return _Cues(codes)


def clauses(passage: Passage) -> Clauses:
    """The negated and the hedged clauses of a passage."""
    cues = _cues(passage.language)
    negated: list[Span] = []
    hedged: list[Span] = []
    for offset, chunk in passage.chunks:
        masked = cues.idiom.sub(lambda m: " " * len(m.group()), chunk)
        masked = cues.clause_start.sub(lambda m: "," + " " * (len(m.group()) - 1), masked)
        for clause in _CLAUSE.finditer(masked):
            neg = cues.negation.search(masked, clause.start(), clause.end())
            while neg and cues.expletive and cues.expletive.search(masked, clause.start(), neg.start()):
                neg = cues.negation.search(masked, neg.end(), clause.end())
            if neg:
                negated.append(Span(offset + neg.start(), offset + neg.end()))
        for hedge in cues.hedge.finditer(masked):
            hedged.append(Span(offset + hedge.start(), offset + hedge.end()))
    return Clauses(tuple(negated), tuple(hedged))


def compare(text_a: str, a: Clauses, text_b: str, b: Clauses) -> list[Fact]:
    """Negation facts of a pair in two languages: the clauses with a negation (or a hedge) one
    side has more of, each shown by its first cue."""
    facts: list[Fact] = []
    for what, severity, xs, ys in (("negation", Severity.ALARM, a.negated, b.negated), ("hedging", Severity.CHECK, a.hedged, b.hedged)):
        for sp in xs[len(ys):]:
            facts.append(Fact(FactKind.NEGATION, sp, None, severity=severity, note=f"{what} only in A: {sp.slice(text_a)}"))
        for sp in ys[len(xs):]:
            facts.append(Fact(FactKind.NEGATION, None, sp, severity=severity, note=f"{what} only in B: {sp.slice(text_b)}"))
    return facts
