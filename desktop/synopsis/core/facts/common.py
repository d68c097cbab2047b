"""Pieces every fact detector shares: a passage view over document text, and word helpers.

A linked pair may span several segments per side; a :class:`Passage` keeps them as
``(offset, text)`` chunks so detectors can scan plain strings and still return spans of the
whole document text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..model import Span
from .lexicon import INTL, LANGUAGES
from .transliteration import CYRILLIC, cyrillic_language

WORD = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[’'\-]\w+)*", re.UNICODE)
_DIGIT = re.compile(r"\d")
GERMAN_WORDS = LANGUAGES["de"].function_words
ENGLISH_WORDS = LANGUAGES["en"].function_words
_FRENCH_WORDS = LANGUAGES["fr"].function_words
_SPANISH_WORDS = LANGUAGES["es"].function_words
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
_WORD_CHARS = re.compile(r"\w+")
_NOT_SUFFIX = re.compile(r"n't\b")
# The only letters that a case-insensitive pattern takes for a letter of the words it looks
# for ("i") while casefold() makes them something else ("İ" -> "i̇", "ı" -> "ı"); found by
# trying every code point against every ASCII letter and "äöüß" ("ẞ" folds to "ss" as "ß" does).
_ODD_CASE = ("İ", "ı")


# The word lists that the detectors' pre-scans ask a passage about, each with a bit: a passage
# intersects its words with all of them at once (see Passage.flags) instead of once per list.
_FLAG_OF: dict[str, int] = {}
_FLAGGED: frozenset[str] = frozenset()
_FLAG_COUNT = 0


def word_flag(words: frozenset[str]) -> int:
    """A bit that ``Passage.flags`` sets when the passage has one of ``words`` (lower-cased, as
    ``Passage.words`` has them). For word lists known when the detectors are imported: a
    passage built before a list is added does not know it."""
    global _FLAGGED, _FLAG_COUNT
    bit = 1 << _FLAG_COUNT
    _FLAG_COUNT += 1
    for w in words:
        _FLAG_OF[w] = _FLAG_OF.get(w, 0) | bit
    _FLAGGED = frozenset(_FLAG_OF)
    return bit


class Passage:
    """The chunks of one side of a link, with what every detector's pre-scan asks of them.

    (A plain class with slots: built once per passage, read many times; a frozen dataclass
    spends more on building it than some detectors spend on reading it.)
    """

    __slots__ = ("text", "chunks", "words", "has_digit", "odd_case", "language", "german", "flags")

    def __init__(self, text: str, chunks: tuple[tuple[int, str], ...], words: frozenset[str],
                 has_digit: bool, odd_case: bool, language: str | None = None, cyrillic: str | None = None) -> None:
        self.text = text
        self.chunks = chunks
        self.words = words            # lower-cased words (see norm_words): a cheap test before a regex scan
        self.has_digit = has_digit
        self.odd_case = odd_case      # has a letter that a case-blind regex and casefold() read differently
        # the document's language as the caller gave it, else the passage's as its words tell
        if language is None:
            language = passage_language(words, cyrillic)
        self.language = language
        self.german = language == "de"     # (decides "Billion" = 10^12 and noun capitalisation)
        flags = 0       # the word_flag bits of the lists the passage has a word of
        for w in words & _FLAGGED:
            flags |= _FLAG_OF[w]
        self.flags = flags

    @classmethod
    def of(cls, text: str, spans: list[Span], language: str | None = None) -> "Passage":
        """The passage of ``spans`` in ``text``, a document in ``language`` (a BCP 47 primary
        tag: "en", "de", ...; None: judged from the passage's own words)."""
        n = len(text)
        chunks = tuple((s.start, text[s.start:min(s.end, n)]) for s in spans if min(s.end, n) > s.start)
        joined = chunks[0][1] if len(chunks) == 1 else "\n".join(c for _, c in chunks)
        cyrillic = None if language is not None or joined.isascii() or not CYRILLIC.search(joined) else joined
        return cls(text, chunks, word_set(joined), _DIGIT.search(joined) is not None,
                   _ODD_CASE[0] in joined or _ODD_CASE[1] in joined, language, cyrillic)

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Every match of ``pattern`` in each chunk, with the chunk's offset."""
        for offset, chunk in self.chunks:
            for match in pattern.finditer(chunk):
                yield offset, match

    def joined(self) -> str:
        return "\n".join(chunk for _, chunk in self.chunks)


def passage_language(words: frozenset[str], cyrillic: str | None = None) -> str | None:
    """A passage's language when the caller does not know its document's: Russian or Ukrainian
    when most of its words are Cyrillic (``cyrillic``: its text, if it has a Cyrillic letter),
    German by its function words (at least two, and fewer than two English ones), French or
    Spanish by theirs (at least three, more than the other's and than the English ones), else
    None (English is looked for in every passage anyway)."""
    if cyrillic is not None and 2 * sum(1 for w in words if CYRILLIC.match(w)) >= len(words):
        return cyrillic_language(cyrillic)
    english = len(words & ENGLISH_WORDS)
    if english >= 2:
        return None
    if len(words & GERMAN_WORDS) >= 2:
        return "de"
    french, spanish = len(words & _FRENCH_WORDS), len(words & _SPANISH_WORDS)
    if french >= 3 and french > spanish and french > english:
        return "fr"
    if spanish >= 3 and spanish > french and spanish > english:
        return "es"
    return None


def across(a: Passage, b: Passage) -> bool:
    """Whether two passages are in two languages: both known and different, or one in a language
    read with its own patterns (French, Spanish, Russian, Ukrainian) and the other not judged
    (English, as far as its words tell; an undecided German line stays with English)."""
    la, lb = a.language, b.language
    if la == lb:
        return False
    if la is not None and lb is not None:
        return True
    return (la or lb) in INTL


def norm_words(text: str) -> str:
    """Case-, quote- and punctuation-insensitive form of a phrase ("isn't" = "is not")."""
    return " ".join(norm_word_list(text))


def norm_word_list(text: str) -> list[str]:
    """The words of ``norm_words(text)``."""
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = _NOT_SUFFIX.sub(" not", text)
    return _NOT_WORD.sub(" ", text).split()


def word_set(text: str) -> frozenset[str]:
    """The words of ``norm_words(text)``, without building the joined string."""
    text = text.casefold()
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    if "n't" in text:
        text = _NOT_SUFFIX.sub(" not", text)
    return frozenset(_WORD_CHARS.findall(text))


_SAMPLE = 20_000        # characters of a document read by german_document


def primary_tag(tag: str | None) -> str | None:
    """The primary language subtag of a BCP 47 tag, in lower case ("de-AT" -> "de"); None for none."""
    return tag.replace("_", "-").split("-")[0].lower() or None if tag else None


def document_language(text: str, given: str | None) -> str | None:
    """A document's language: ``given`` when the caller knows it, else "de" for a German
    document (see ``german_document``), else None."""
    if given is not None:
        return given
    return "de" if german_document(text) else None


@lru_cache(maxsize=8)
def german_document(text: str) -> bool:
    """Whether a document is German, by the function words of its opening (a short line of
    it, a headline say, may have too few to tell; see ``Passage.german``)."""
    words = word_set(text[:_SAMPLE])
    return len(words & GERMAN_WORDS) >= 4 and len(words & GERMAN_WORDS) > 2 * len(words & ENGLISH_WORDS)


def span(offset: int, match: re.Match[str], group: int | str = 0) -> Span:
    start, end = match.span(group)
    return Span(offset + start, offset + end)


def overlaps(a: Span, spans: list[Span]) -> bool:
    return any(a.start < s.end and s.start < a.end for s in spans)


def word_pattern(word: str, rest: str = "") -> str:
    """Pattern source for a whole word that opens with its first letter and only then looks
    behind it (see WordScan); ``rest``, a pattern, then stands for the letters after the first."""
    return f"{word[0]}(?<!\\w.){rest or re.escape(word[1:])}(?!\\w)"


class WordScan:
    """A scan for the words of a fixed list that runs only the patterns of the words a
    passage has.

    An alternation of many words, each behind a look-behind, is tried at every position of the
    text. Most passages hold one or two of the words (``Passage.words`` tells which); a pattern
    for one word that opens with its first letter lets the regex engine jump from candidate to
    candidate (see benchmarks/results/facts_history.md). ``alternatives`` are ``(trigger words,
    pattern source)`` in the order of the full alternation (``plain``); an alternative must
    match only where one of its trigger words is among the passage's words, and no two may
    match overlapping text (so the matches of the separate patterns, in text order, are those
    of the alternation). A passage with a letter that case-insensitive matching and casefold()
    read differently (``Passage.odd_case``) is scanned with ``plain``.
    """

    def __init__(self, alternatives: list[tuple[str, str]], flags: str = "") -> None:
        self._flags = flags
        self._sources = [source for _, source in alternatives]
        self._patterns: list[re.Pattern[str] | None] = [None] * len(alternatives)     # compiled when first needed
        self._plain: re.Pattern[str] | None = None
        self._by_word: dict[str, list[int]] = {}
        for i, (words, _) in enumerate(alternatives):
            for word in words.split():
                self._by_word.setdefault(word.casefold(), []).append(i)
        self.triggers = frozenset(self._by_word)
        self.flag = word_flag(self.triggers)

    @property
    def plain(self) -> re.Pattern[str]:
        """The full alternation."""
        if self._plain is None:
            self._plain = re.compile(self._flags + "|".join(self._sources))
        return self._plain

    def _pattern(self, i: int) -> re.Pattern[str]:
        found = self._patterns[i]
        if found is None:
            found = self._patterns[i] = re.compile(self._flags + self._sources[i])
        return found

    def find(self, passage: Passage) -> list[tuple[int, re.Match[str]]]:
        """Every match in each chunk, with the chunk's offset, in text order (as
        ``Passage.finditer(plain)`` gives them). Called for every passage, and most have none of
        the words: that answer comes first and costs one set test."""
        if passage.odd_case:
            return list(passage.finditer(self.plain))
        if not passage.flags & self.flag:
            return []
        chosen = {i for word in passage.words & self.triggers for i in self._by_word[word]}
        if len(chosen) == 1:
            pattern = self._pattern(chosen.pop())
            return [(offset, m) for offset, chunk in passage.chunks for m in pattern.finditer(chunk)]
        patterns = [self._pattern(i) for i in sorted(chosen)]
        out = []
        for offset, chunk in passage.chunks:
            found = [m for pattern in patterns for m in pattern.finditer(chunk)]
            found.sort(key=lambda m: m.start())
            out += [(offset, m) for m in found]
        return out
