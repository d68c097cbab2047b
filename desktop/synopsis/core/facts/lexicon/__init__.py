"""The words the fact detectors look for, one module per language.

Every word list a detector reads (number words, units, month and weekday names, titles, speech
verbs, negation and hedge words, ...) lives here, in a :class:`Lexicon` per language, and the
detectors build their patterns from these tables; no detector reads another detector's tables.
A list is lower case unless its field says otherwise; a field that holds pattern source says so
(an alternation of regular-expression pieces, for words whose forms a pattern says best:
``per\\s?cent``).

English and German words are looked for in every passage, whatever its language (``ALWAYS``:
the detectors were first written for both at once, and news in one quotes the other's names and
figures); the other languages' words only in a passage of that language (given by the caller or
detected, see ``common.Passage``), so that French "mars" is no month in an English sentence.
"""
from __future__ import annotations

from typing import Iterable

from . import de, en, es, fr, ru, uk
from .record import Lexicon, forms

__all__ = ["ALWAYS", "CURRENCY_SIGNS", "CYRILLIC_CONNECTORS", "INTL", "LANGUAGES", "Lexicon", "NAME_CONNECTORS", "SPELLINGS",
           "UNIT_ORDER", "UNIT_SYMBOLS", "forms", "joined", "lexicon", "merged", "union"]


# -- words of no one language ---------------------------------------------------------------

# The units a figure can carry, in the order their patterns are tried, and their symbols.
UNIT_ORDER = ("%", "pp", "km2", "mi2", "ha", "km", "mi", "m", "kg", "t", "EUR", "USD", "GBP", "RUB", "UAH",
              "s", "min", "h", "d", "wk", "mo", "yr")
UNIT_SYMBOLS = {"%": "%", "km2": "km²|km2", "km": "km", "kg": "kg", "EUR": "eur", "USD": "usd", "GBP": "gbp"}
CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "us$": "USD", "£": "GBP", "₽": "RUB", "₴": "UAH", "¥": "JPY"}
# Particles inside a name ("Ursula von der Leyen", "Charles de Gaulle", "Mohammed bin Salman"), and
# as Russian and Ukrainian write them ("Антонио Монтейру де Кастру").
NAME_CONNECTORS = frozenset("von van de der den da di du al bin ibn la le del dos las los y".split())
CYRILLIC_CONNECTORS = frozenset("де ди ді да дер фон ван аль ибн ібн бин бін бен ла ле дель дос".split())
# Spellings of one place or person that no string measure relates, each with the spelling that
# stands for all of them.
SPELLINGS = {
    "kiev": "kyiv", "kyiv": "kyiv", "kharkov": "kharkiv", "kharkiv": "kharkiv", "odessa": "odesa",
    "odesa": "odesa", "lvov": "lviv", "lviv": "lviv", "nikolaev": "mykolaiv", "mykolaiv": "mykolaiv",
    "dnepr": "dnipro", "dnipro": "dnipro", "lugansk": "luhansk", "luhansk": "luhansk",
    "chernobyl": "chornobyl", "chornobyl": "chornobyl", "zaporozhye": "zaporizhzhia",
    "zaporizhzhia": "zaporizhzhia", "zelensky": "zelensky", "zelenskyy": "zelensky",
    "selenskyj": "zelensky", "selenski": "zelensky", "kiew": "kyiv", "charkiw": "kharkiv",
    "kyjiw": "kyiv", "charkow": "kharkiv", "dnipropetrowsk": "dnipro", "saporischschja": "zaporizhzhia",
}


LANGUAGES: dict[str, Lexicon] = {lex.code: lex for lex in (en.LEXICON, de.LEXICON, fr.LEXICON, es.LEXICON,
                                                             ru.LEXICON, uk.LEXICON)}
ALWAYS = ("en", "de")        # looked for in every passage (see the module's docstring)
INTL = frozenset(LANGUAGES) - frozenset(ALWAYS)     # the languages whose passages get patterns of their own


def lexicon(code: str) -> Lexicon | None:
    return LANGUAGES.get(code)


def merged(name: str, codes: Iterable[str] = ALWAYS) -> dict:
    """The mapping field ``name`` of the languages ``codes``, the first language's entry kept
    for a word two of them have."""
    out: dict = {}
    for code in codes:
        for k, v in getattr(LANGUAGES[code], name).items():
            out.setdefault(k, v)
    return out


def union(name: str, codes: Iterable[str] = ALWAYS) -> frozenset[str]:
    """The set (or tuple) field ``name`` of the languages ``codes``, as one set."""
    return frozenset(w for code in codes for w in getattr(LANGUAGES[code], name))


def joined(name: str, codes: Iterable[str] = ALWAYS) -> list[str]:
    """The tuple field ``name`` of the languages ``codes``, in order, each item once."""
    out: list[str] = []
    for code in codes:
        for w in getattr(LANGUAGES[code], name):
            if w not in out:
                out.append(w)
    return out
