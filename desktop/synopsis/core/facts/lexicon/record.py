"""The record of one language's fact words (:class:`Lexicon`), which each language module fills."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class Lexicon:
    """The fact words of one language. Each field is documented by the detector that reads it."""

    code: str
    # language detection: frequent function words (common.Passage)
    function_words: frozenset[str] = frozenset()

    # figures (numbers.py)
    number_words: Mapping[str, int] = field(default_factory=dict)     # "twelve": 12
    multipliers: Mapping[str, int] = field(default_factory=dict)      # "hundred": 100
    scales: Mapping[str, float] = field(default_factory=dict)         # "bn": 1e9 (as matched, lower case, no final dot)
    scale_overrides: Mapping[str, float] = field(default_factory=dict)  # this language's value of a shared word ("billion")
    scale_pattern: str = ""             # pattern source: the scale words as written after a figure
    number_joiners: tuple[str, ...] = ()    # words between number words ("and": "one hundred and five")
    article_numerals: frozenset[str] = frozenset()  # also an article ("un", "one"): a figure only with a scale or unit
    fractions: Mapping[str, int] = field(default_factory=dict)       # "thirds": 3 ("two-thirds", "две трети")
    units: Mapping[str, str] = field(default_factory=dict)            # unit code -> pattern source of its names
    figure_unit_words: frozenset[str] = frozenset()   # single words unit_name takes for % or a currency
    qualifiers: Mapping[str, str] = field(default_factory=dict)       # "approx" / "over" / "under" -> pattern source
    range_words: tuple[str, ...] = ()   # "10 to 15"
    # the first part of a compound whose first part is a number ("двух|летний", "zwei|jährig")
    # and the second parts it takes; between languages only (figures_across.py)
    number_stems: Mapping[str, int] = field(default_factory=dict)
    compound_roots: tuple[str, ...] = ()
    both_words: frozenset[str] = frozenset()    # "both", "beide": the other language's "two" ("les deux")
    # a number said as an adverb of how many act together ("вдвоём", "zu zweit"): the other
    # language's figure ("two of them"); between languages only (figures_across.py)
    collective_numbers: Mapping[str, int] = field(default_factory=dict)
    # pattern source: a fixed expression whose number word counts nothing ("it takes two to
    # tango", "on the one hand"); its figure is no fact when the other side has no such number
    figure_idioms: tuple[str, ...] = ()
    grouped_by_space: bool = False      # writes 1 500 for 1500 (a space or a narrow space between groups)

    # dates (dates.py)
    months: Mapping[str, int] = field(default_factory=dict)           # names, inflected forms, abbreviations
    month_names: tuple[str, ...] = ()           # as written in a date, capitalised (English, German)
    month_abbreviations: tuple[str, ...] = ()   # pattern source, capitalised, without the optional dot
    lone_months: tuple[str, ...] = ()           # names that are a date on their own (not "May", "march")
    weekdays: Mapping[str, int] = field(default_factory=dict)         # 0 = Monday
    weekday_names: tuple[str, ...] = ()         # as written, capitalised (English, German)
    relative: Mapping[str, str] = field(default_factory=dict)         # a relative word or phrase -> its English
    relative_pattern: str = ""                  # pattern source of the relative words and phrases
    relative_starts: tuple[str, ...] = ()       # the words a relative phrase can start with
    relative_modifiers: frozenset[str] = frozenset()    # "last", "letzten"
    periods: frozenset[str] = frozenset()               # "week", "Woche"
    modifier_stems: Mapping[str, str] = field(default_factory=dict)   # "letzt" -> "last"
    period_words: Mapping[str, str] = field(default_factory=dict)     # "woche" -> "week"
    parts_of_today: frozenset[str] = frozenset()        # "this morning": today said more precisely
    not_year_after: str = ""        # pattern source: words after a year-like number that make it a figure
    year_words: str = ""            # pattern source: a word after a year that says it is one ("году")

    # names and people (names.py, german.py, spelling.py)
    titles: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()      # capitalised only when they open a sentence
    connectors: frozenset[str] = frozenset()    # inside a name: "von", "de"
    demonyms: Mapping[str, str] = field(default_factory=dict)         # "russian" -> "russia"
    determiners: frozenset[str] = frozenset()           # German: a capitalised word after one is a noun
    sentence_openers: frozenset[str] = frozenset()      # German adverbs and conjunctions
    names_with_article: frozenset[str] = frozenset()    # "die Ukraine"
    adjective_endings: tuple[str, ...] = ()
    role_endings: tuple[str, ...] = ()          # "Verteidigungsminister": a role, no first name

    # speech (attribution.py, quotes.py)
    speech_verbs: tuple[str, ...] = ()          # in the order of the pattern (longer forms need no care: whole words)
    listener_verbs: frozenset[str] = frozenset()    # "told": the name after it is the listener
    according_to: tuple[str, ...] = ()          # pattern source: words before a speaker ("according to", "laut")
    speaker_after: tuple[str, ...] = ()         # words after a speaker ("zufolge")
    subject_pronouns: tuple[str, ...] = ()      # "he", "er"
    complementizers: tuple[str, ...] = ()       # "что", "que": open a reported clause
    speaker_nouns: frozenset[str] = frozenset()     # common nouns that speak ("Police said"): no name
    organisation_heads: frozenset[str] = frozenset()    # the last word of an organisation's name ("Association")
    honorifics: tuple[str, ...] = ()            # written with a full stop before a name ("Dr.")
    object_prepositions: tuple[str, ...] = ()   # a name right after one is not the speaker ("ambassador to the US said")
    quote_stop_words: frozenset[str] = frozenset()

    # negation and hedging (negation.py)
    negations: tuple[str, ...] = ()             # whole words
    hedges: tuple[str, ...] = ()                # whole words, any case
    hedge_modals: tuple[str, ...] = ()          # whole words, lower case only ("May" opens a sentence)
    hedge_phrases: tuple[tuple[str, str], ...] = ()     # (words one of which must be there, pattern source)
    # between languages, negation is compared clause by clause (see negation.py): these are read there only
    negation_correlatives: tuple[str, ...] = ()     # "ни", "nor": continue a negated clause, negate none alone
    negation_idioms: tuple[str, ...] = ()           # pattern source: a negation word that negates nothing ("не только")
    clause_negations: tuple[str, ...] = ()          # pattern source: words that negate a clause ("unless": "если не")
    # pattern source: a conjunction after which the clause's negation negates nothing ("пока Киев не
    # примет": "until Kyiv makes"), unless a word such as "ещё" follows it ("пока ещё не": "not yet")
    expletive_before: str = ""
    not_expletive_after: str = ""
    # modals, which a translation drops or adds ("could occur" / "возможность проведения"): no hedge there
    modal_verbs: tuple[str, ...] = ()
    filler: frozenset[str] = frozenset()        # words a cue's clause is not judged by


def forms(words: str, value):
    """Each of the space-separated ``words`` (the forms of one word) with ``value``."""
    return {w: value for w in words.split()}
