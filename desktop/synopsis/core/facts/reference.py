"""A plain, slow fact detector that exists only to test the fast one.

The detectors of the fast path (``find_fact_changes_many``) take shortcuts: pre-scans that skip
the patterns a passage cannot match, one small pattern per cue word, anchored scans for figures,
one pass over the capitalised tokens with each word's role from one table, a document-wide scan
for German nouns, batches of links, and analyses kept between comparisons. This module finds
the same things the obvious way: every pattern on every chunk, every token of a chunk looked at
and each word's role decided by the rules as written, the German noun rule applied word by word,
one link at a time, nothing kept. It shares with the fast path only the patterns, the word
lists and the rules that compare two passages' findings.

``tests/core/facts/test_facts_reference.py`` holds the fast path to it with hypothesis (as
RapidFuzz holds its C++ scorers to plain Python ones). It is slow, far slower still on a long
document (it reads the whole document again for each link: see
``benchmarks/results/facts_history.md``): never use it in a comparison.
"""
from __future__ import annotations

import re

from ..model import Fact, Span
from . import (_order, _years_as_figures, attribution, date_patterns, dates, figure_patterns, name_changes, names,
               negation, numbers, polarity, quotes, speakers_intl)
from .analysis import Analysis
from .common import WORD, Passage, across, document_language, norm_words, overlaps, primary_tag
from .figures_across import reconcile
from .german import ADJECTIVE_ENDINGS, DETERMINERS, NOUN_EXCEPTIONS, OPENERS
from .lexicon import INTL
from .transliteration import CYRILLIC

# -- names ----------------------------------------------------------------------------------------

_CAPITAL = re.compile(r"[^\W\d_a-z]")           # a word that opens with this is capitalised
# where a sentence (or a quotation) begins: the chunk's start, a new line, ". ! ? : ; (" or an
# opening quote, or ".”" (spaces allowed between)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;“\"‘«„(\n]\s*|[.!?]\s*[”\"’»]\s*)\Z")
_CLAUSE_PUNCTUATION = re.compile(r"[.!?,;:]")


def _word_before(text: str, start: int) -> tuple[str, int] | None:
    """The space-separated word one space before ``start`` (leading opening marks dropped, letters
    only) and where it starts, or None."""
    if start < 2 or text[start - 1] != " ":
        return None
    cut = text.rfind(" ", 0, start - 1) + 1
    word = text[cut:start - 1]
    stripped = word.lstrip(OPENERS)
    if not (stripped.isalpha() or re.fullmatch(r"\d+-[^\W\d_]+", stripped)):     # ("35-jährige")
        return None
    return stripped, cut + len(word) - len(stripped)


def _is_determiner(word: str, lower_case_only: bool) -> bool:
    if lower_case_only:
        return word in DETERMINERS
    return word.lower() in DETERMINERS and word in (word.lower(), word.capitalize(), word.upper())


def after_determiner(text: str, start: int, lower_case_only: bool = False) -> bool:
    """Whether the word at ``start`` follows a German determiner, or a determiner and an
    adjective in lower case ("die neue Regierung"), a space or a line break apart."""
    text = text.replace("\n", " ")
    before = _word_before(text, start)
    if before is None:
        return False
    prev, at = before
    if _is_determiner(prev, lower_case_only):
        return True
    if at != start - 1 - len(prev) or not prev.endswith(ADJECTIVE_ENDINGS) or not prev.islower():
        return False            # an adjective: lower-case letters (after a figure), no opening mark before it
    before = _word_before(text, at)
    return before is not None and _is_determiner(before[0], lower_case_only)


def document_nouns(text: str) -> frozenset[str]:
    """The words a German document writes, capitalised, after a lower-case determiner."""
    found = {m.group().casefold() for m in re.finditer(r"[^\W\d_a-z][^\W\d_A-Z]+(?!\w)", text)
             if (m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"))
             and after_determiner(text, m.start(), lower_case_only=True)}
    return frozenset(found - NOUN_EXCEPTIONS)


def neighbour(chunk: str, start: int, end: int, after: bool) -> str:
    """The word right after ``end`` (or before ``start``) of the chunk tokenised whole, lower
    case, or "" when none or when punctuation stands between."""
    tokens = list(WORD.finditer(chunk))
    t = next((t for t in tokens if t.start() >= end), None) if after else \
        next((t for t in reversed(tokens) if t.end() <= start), None)
    if t is None:
        return ""
    gap = chunk[end:t.start()] if after else chunk[t.end():start]
    return "" if _CLAUSE_PUNCTUATION.search(gap) else t.group().lower()


def joins(chunk: str, tokens: list[re.Match[str]], end: int, start: int,
          connectors: frozenset[str] = names._CONNECTORS) -> bool:
    """Whether two capitalised tokens (the first ending at ``end``, the next starting at
    ``start``) are one run: a single space or hyphen between them, or one or two connectors
    ("von der"), each with a single space or hyphen either side, the first not "der" or "den"."""
    if start - end == 1:
        return chunk[end] in " -"
    between = [t for t in tokens if end <= t.start() and t.end() <= start]
    if not 1 <= len(between) <= 2 or between[0].group() in ("der", "den"):
        return False
    if not all(t.group() in connectors for t in between):
        return False
    edges = zip([end] + [t.end() for t in between], [t.start() for t in between] + [start])
    return all(b - a == 1 and chunk[a] in " -" for a, b in edges)


def _word(word: str, language: str | None = None) -> names.WordInfo:
    """What a capitalised word is, by the rules as written (``names._role``; another language's
    tables, see ``names.LanguageWords``)."""
    words = names.words_of(language) if language in INTL else None
    if words is not None:
        return words.learn(word)
    k = names.key(word)
    head = word if word.isalnum() else re.match(r"\w+", word).group()
    return names.WordInfo(names._role(word, k), k, names._possessive(word),
                          word[1:].islower() and head.casefold() not in NOUN_EXCEPTIONS)


def names_in(passage: Passage) -> list[names.Name]:
    """Every name of the passage (German nouns included, as ``names.extract`` gives them)."""
    out: list[names.Name] = []
    words = names.words_of(passage.language) if passage.language in INTL else None
    connectors = words.connectors if words is not None else names._CONNECTORS
    for offset, chunk in passage.chunks:
        tokens = list(WORD.finditer(chunk))
        runs: list[list[tuple[int, int, names.WordInfo]]] = []
        for t in tokens:
            if not _CAPITAL.match(t.group()):
                continue
            info = _word(t.group(), passage.language)
            if info.role == names._INSIDE:      # a connector in lower case: looked at by joins()
                continue
            if runs and info.role != names._NOT_NAME and runs[-1] and \
                    joins(chunk, tokens, runs[-1][-1][1], t.start(), connectors):
                runs[-1].append((t.start(), t.end(), info))
                continue
            runs.append([])         # the open run (if any) ends here
            opens = info.role != names._NOT_NAME and not (
                info.role == names._STARTER and _SENTENCE_END.search(chunk[:t.start()]))
            if opens:
                runs[-1].append((t.start(), t.end(), info))
        for run in runs:
            name = _name_of(passage, chunk, offset, run)
            if name is not None:
                out.append(name)
    return out


def _name_of(passage: Passage, chunk: str, offset: int, run: list[tuple[int, int, names.WordInfo]]) -> names.Name | None:
    """The name a run of capitalised tokens makes: its words less the titles (none if all are)."""
    core = [(start, end, info) for start, end, info in run if info.role != names._TITLE]
    if not core:
        return None
    start, end, info = core[0]
    after_article = passage.german and info.may_be_noun and after_determiner(passage.text, offset + start)
    name = names.Name(tuple(i.key for _, _, i in core), tuple(offset + s for s, _, _ in core),
                      tuple(offset + e - i.possessive for _, e, i in core), chunk, core[0][0], core[-1][1],
                      noun=after_article and len(core) == 1, common_head=after_article and len(core) > 1)
    name._prev = neighbour(chunk, core[0][0], core[-1][1], after=False)
    name._next = neighbour(chunk, core[0][0], core[-1][1], after=True)
    return name


# -- speakers -------------------------------------------------------------------------------------

def _speaks(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` of the document is said to speak (see ``attribution``)."""
    after = text[end:end + 110]
    before = text[max(0, start - 35):start]
    a = attribution
    speaks = (a._AFTER.match(after) and (not after.startswith(",") or before.rstrip().endswith(","))
              or a._APPOSITION.match(after)) and not a._OBJECT_OF.search(before[-20:])
    return bool(speaks or a._ZUFOLGE.match(after) or a._BEFORE.search(before) or a._VERB_BEFORE_DE.search(before)
                or a._VERB_BEFORE.search(before) and a._CLAUSE_END.match(after))


def speakers_in(passage: Passage, found: list[names.Name]) -> list[attribution.Speaker]:
    """The speakers of the passage: names said to speak, then pronouns before or after a speech verb."""
    if passage.language in INTL:        # (read plainly already)
        return speakers_intl.extract(passage, found)
    a, text = attribution, passage.text
    cues = [(offset, chunk, m) for offset, chunk in passage.chunks for m in a._CUE.plain.finditer(chunk)]
    if not cues:
        return []
    out = [a.Speaker(n.span, list(n.keys), a._given(text, n, passage.german), a.common_speaker(n.keys, n.noun))
           for n in found if _speaks(text, n.starts[0], n.ends[-1])]
    for offset, chunk, m in cues:
        if m.group() in a._OTHER_CUES:
            continue
        pos, end = offset + m.start(), offset + m.end()
        p = a._PRONOUN_BEFORE.search(text, max(offset, pos - 30), pos)
        if p:
            out.append(a.Speaker(Span(p.start("p"), p.end("p")), []))
        p = a._PRONOUN_AFTER.match(text[end:min(end + 8, offset + len(chunk))])
        if p:
            group = "p" if p.group("p") else "de"
            out.append(a.Speaker(Span(end + p.start(group), end + p.end(group)), []))
    out.sort(key=lambda sp: sp.span.start)
    return out


# -- the other detectors: every pattern on every chunk ---------------------------------------------

def dates_in(passage: Passage) -> list[dates.DateMention]:
    found: list[dates.DateMention] = []
    tables = date_patterns.for_language(passage.language) if passage.language in INTL else None
    for offset, chunk in passage.chunks:
        for pattern in (dates._PATTERNS if tables is None else tables.patterns):
            for match in pattern.finditer(chunk):
                dates.add(found, offset, match, tables)
    found.sort(key=lambda d: d.span.start)
    return found


def numbers_in(passage: Passage, skip: list[Span]) -> list[numbers.Quantity]:
    tables = figure_patterns.for_language(passage.language)
    return numbers.quantities_of(passage, skip, ((offset, m) for offset, chunk in passage.chunks
                                                 for m in tables.quantity.finditer(chunk)), tables)


def quotes_in(passage: Passage) -> list[quotes.Quote]:
    return quotes.quotes_of((offset, m) for offset, chunk in passage.chunks for m in quotes._QUOTE.finditer(chunk))


def cues_in(passage: Passage) -> negation.Cues:
    return negation.Cues(*(tuple(negation.cue_of(offset, m) for offset, chunk in passage.chunks
                                 for m in scan.plain.finditer(chunk)) for scan in (negation._NEGATION, negation._HEDGE)))


def analyse(text: str, spans: list[Span], language: str | None) -> Analysis:
    """Everything the detectors find in one passage."""
    chunks = tuple((s.start, text[s.start:min(s.end, len(text))]) for s in spans if min(s.end, len(text)) > s.start)
    joined = "\n".join(chunk for _, chunk in chunks)
    cyrillic = joined if language is None and CYRILLIC.search(joined) else None
    passage = Passage(text, chunks, frozenset(norm_words(joined).split()), any(c.isdecimal() for c in joined),
                      "İ" in joined or "ı" in joined, language, cyrillic)
    a = Analysis(passage)
    a.dates = dates_in(passage)
    a.numbers = numbers_in(passage, [d.span for d in a.dates])
    a.quotes = quotes_in(passage)
    found = names_in(passage)
    a.speakers = speakers_in(passage, found)
    a.names = [n for n in found if not n.noun]
    a.cues = cues_in(passage)
    return a


def find_fact_changes(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span], *,
                      languages: tuple[str | None, str | None] | None = None) -> list[Fact]:
    """What ``facts.find_fact_changes`` finds, found plainly."""
    language_a, language_b = (primary_tag(tag) for tag in languages or (None, None))
    if [text_a[s.start:min(s.end, len(text_a))] for s in spans_a if min(s.end, len(text_a)) > s.start] == \
            [text_b[s.start:min(s.end, len(text_b))] for s in spans_b if min(s.end, len(text_b)) > s.start]:
        return []
    a, b = analyse(text_a, spans_a, language_a), analyse(text_b, spans_b, language_b)
    two = across(a.passage, b.passage)
    dates_a, numbers_a, dates_b, numbers_b = reconcile(*_years_as_figures(a, b), a.passage, b.passage) if two \
        else _years_as_figures(a, b)
    facts = dates.compare(text_a, dates_a, text_b, dates_b) + numbers.compare(text_a, numbers_a, text_b, numbers_b, two)
    facts += (quotes.compare_across if two else quotes.compare)(text_a, a.quotes, a.passage, text_b, b.quotes, b.passage)
    facts += _people(text_a, a, language_a, text_b, b, language_b, two)
    if two:
        facts += polarity.compare(text_a, polarity.clauses(a.passage), text_b, polarity.clauses(b.passage))
    else:
        facts += negation.compare(text_a, a.cues, text_b, b.cues, a.passage.words, b.passage.words)
    return sorted(facts, key=_order)


def _people(text_a: str, a: Analysis, language_a: str | None, text_b: str, b: Analysis, language_b: str | None,
            two: bool) -> list[Fact]:
    """The attribution facts, then the name facts that are not about a speaker already reported."""
    if two:
        nouns = tuple(document_nouns(t) if x.passage.german else frozenset() for t, x in ((text_a, a), (text_b, b)))
        cues = (speakers_intl.speech_cue(a.passage), speakers_intl.speech_cue(b.passage))
        spoken = speakers_intl.compare_across(text_a, a.speakers, a.names, text_b, b.speakers, b.names, nouns, cues)
        named = name_changes.compare_across(text_a, a.names, text_b, b.names)
    else:
        spoken = attribution.compare(text_a, a.speakers, a.passage.words, text_b, b.speakers, b.passage.words)
        in_german = a.passage.german or b.passage.german or "de" in (document_language(text_a, language_a),
                                                                     document_language(text_b, language_b))
        nouns = (document_nouns(text_a), document_nouns(text_b)) if in_german else ()
        named = name_changes.compare(text_a, a.names, a.passage.words, text_b, b.names, b.passage.words, nouns)
    taken_a, taken_b = [f.a for f in spoken if f.a is not None], [f.b for f in spoken if f.b is not None]
    return spoken + [f for f in named if not (f.a is not None and overlaps(f.a, taken_a))
                     and not (f.b is not None and overlaps(f.b, taken_b))]
