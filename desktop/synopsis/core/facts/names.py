"""Names: runs of capitalised words (people, places, organisations).

Names are compared word by word so "Vladimir Putin" still matches "Putin". A word left over
on both sides that looks like the same name (known transliteration, same consonant skeleton,
high similarity) is a spelling variant; a whole name swapped for another in the same context
("President Trump said" / "President Biden said") is a different name. A name present on one
side only is usually paraphrase, so it is reported only when it looks like a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import AbstractSet, Sequence

from ..model import Span

from .common import WORD, Passage
from .german import NOUN_EXCEPTIONS, after_determiners
from .lexicon import ALWAYS, CYRILLIC_CONNECTORS, INTL, LANGUAGES, NAME_CONNECTORS, merged, union
from .numbers import unit_name
from .transliteration import CYRILLIC, latin

_NUMBER_WORDS = frozenset(w.casefold() for w in (*merged("number_words"), *merged("multipliers")))  # as keys are
_SCALE = merged("scales")
_MONTHS = merged("months")
_WEEKDAYS = merged("weekdays")
_FIGURE_UNITS = {"%", "pp", "EUR", "USD", "GBP", "RUB", "UAH"}
# The single words numbers.unit_name takes for one of those units (its patterns spelled out)
_FIGURE_UNIT_WORDS = union("figure_unit_words")


def _unit_word(k: str) -> bool:
    """Unit and scale words ("Prozent", "Milliarden", "Euro") belong to figures, not names.
    (A key with a dotless "ı", which the unit patterns take for "i", is asked of them.)"""
    return len(k) > 2 and (k in _SCALE or k in _FIGURE_UNIT_WORDS or "ı" in k and unit_name(k) in _FIGURE_UNITS)


_CONNECTORS = NAME_CONNECTORS
_CLOSERS = frozenset(".!?:;“\"‘«„(")       # a sentence (or a quotation) opens after these
_FULL_STOPS = frozenset(".!?")
_CLOSING_QUOTES = frozenset("”\"’»")


def key(word: str) -> str:
    """The word case-folded, without full stops, a possessive ending ("Trump’s" -> "trump") or
    the plural "s" of an acronym ("MWPs" -> "mwp", "NGOs" -> "ngo")."""
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper() and word[:-1].isalpha():
        word = word[:-1]
    w = word.casefold()
    if "’" in w:
        w = w.replace("’", "'")
    if "." in w:
        w = w.replace(".", "")
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith("'"):
        w = w[:-1]
    return w


# A capitalised token of common.WORD, found without tokenising the lower-case words around
# it: the same two alternatives, starting where WORD's scan starts a token (not after a word
# character, nor after an apostrophe or hyphen that WORD would join to the word before). The
# first letter class keeps every upper-case letter and drops the ASCII lower case, where most
# words start; the few lower-case letters it lets through (ü, é) get the role _NOT_NAME.
# (The first letter comes before the look-behinds, which then look one character further back:
# a pattern that opens with a character class lets the engine skip to the candidates.)
# (The first letter class, "a word character, not a digit, "_" or a-z", is written as a range
# that the engine tests fast, A-Z or any non-ASCII character, and a look-behind that keeps the
# word characters among them: on news text most characters are ASCII lower case.)
_FIRST_LETTER = "[A-Z\\u0080-\\U0010ffff](?<=[^\\W\\d_])"      # same as [^\W\d_a-z]
_CAPITAL_TOKEN = re.compile(_FIRST_LETTER + r"(?<!\w.)(?<!\w[’'\-].)(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:[’'\-]\w+)*)")


def _neighbour(text: str, start: int, end: int, after: bool) -> str:
    """The common.WORD token of ``text`` right before ``start`` (or after ``end``), lower case,
    or "" when none or when punctuation stands between (both positions are token boundaries).

    Tokenises only a few characters: no token holds a space, so a scan begun after a space
    finds the same tokens as one begun at the chunk's start.
    """
    if after:
        t = WORD.search(text, end)
        return t.group().lower() if t is not None and _no_punct(text, end, t.start()) else ""
    t, lo = None, start
    while t is None and lo > 0:
        lo = text.rfind(" ", 0, lo - 1) + 1     # just after the space before, or 0
        for t in WORD.finditer(text, lo, start):
            pass
    return t.group().lower() if t is not None and _no_punct(text, t.end(), start) else ""


class Name:
    """A run of capitalised words: its core words (titles and connectors left out), each as its
    key (see ``key``) and where it starts and ends in the document (a possessive ending left
    out), and, computed only when asked (most names are matched at once), the words either side
    and its acronym. Analyses are shared between comparisons (and threads): nothing here is
    changed once the name is made, but for the neighbours, computed once."""

    __slots__ = ("keys", "starts", "ends", "noun", "common_head", "_chunk", "_first", "_last", "_prev", "_next")

    def __init__(self, keys: Sequence[str], starts: Sequence[int], ends: Sequence[int], chunk: str, first: int,
                 last: int, noun: bool = False, common_head: bool = False) -> None:
        self.keys, self.starts, self.ends = keys, starts, ends
        self.noun = noun            # a German noun after an article: a possible speaker, not a name
        self.common_head = common_head      # a German run opened by such a noun: not a person
        self._chunk = chunk         # the text of the passage chunk the name is in
        self._first, self._last = first, last      # chunk offsets: first core word's start, last one's end
        self._prev: str | None = None
        self._next: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.starts[0], self.ends[-1])

    @property
    def prev(self) -> str:
        """The word right before the name (lower case), or "" across punctuation."""
        if self._prev is None:
            self._prev = _neighbour(self._chunk, self._first, self._last, after=False)
        return self._prev

    @property
    def next(self) -> str:
        """The word right after the name (lower case), or "" across punctuation."""
        if self._next is None:
            self._next = _neighbour(self._chunk, self._first, self._last, after=True)
        return self._next

    @property
    def acronym(self) -> str:
        """First letters of the core words ("European Central Bank" → "ecb")."""
        return "".join(k[0] for k in self.keys if k)

    @property
    def opens_sentence(self) -> bool:
        """Whether the name is the first word of a sentence (capitalised there anyway)."""
        return _sentence_start(self._chunk, self._first)

    @property
    def person_like(self) -> bool:
        return len(self.keys) >= 2 and not self.common_head and not any(len(k) <= 1 for k in self.keys)


def proper(names: list[Name]) -> list[Name]:
    """The names less the German nouns (which only attribution reads, as possible speakers)."""
    return [n for n in names if not n.noun]


# What a capitalised word can be (see _role); _INSIDE: a connector in lower case that the
# capital-token scan finds too (any non-ASCII letter opens a token: "де" in "Монтейру де Каштру").
_NOT_NAME, _STARTER, _TITLE, _NAME, _INSIDE = range(5)


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What ``extract`` needs of a capitalised word, decided once per distinct word (see _learn)."""
    role: int               # _NOT_NAME, _STARTER, _TITLE or _NAME
    key: str
    possessive: int         # length of a possessive ending ("’s"), left out of the name's span
    may_be_noun: bool       # German: a noun if it follows a determiner


# A capitalised token of a chunk: where it starts and ends in the chunk, and what it is.
Token = tuple[int, int, WordInfo]


def extract(passage: Passage, nouns: bool = True) -> list[Name]:
    """Every run of capitalised words that can be a name, in text order.

    A run starts at a capitalised word that is not a month, number or unit word (nor a word
    like "The" opening a sentence) and takes the capitalised words that follow, joined by a
    space or hyphen, perhaps through one or two connectors ("Ursula von der Leyen"). Only the
    capitalised tokens are looked at, in one pass; the text between two of them decides
    whether they join. ``nouns=False`` leaves out the German nouns (see ``proper``).
    """
    names: list[Name] = []
    # German: the document offsets of the words after a determiner (nouns, see _close)
    after_determiner = after_determiners(passage.text) if passage.german else None
    words = words_of(passage.language) if passage.language in INTL else None
    for offset, text in passage.chunks:
        _extract_chunk(text, offset, after_determiner, nouns, names, words)
    return names


def _extract_chunk(text: str, offset: int, after_determiner: AbstractSet[int] | None, nouns: bool,
                   names: list[Name], words: LanguageWords | None = None) -> None:
    """The names of the chunk ``text`` (at ``offset`` in the document), added to ``names``. The
    open run is its first token and the tokens joined to it; most runs are one word, closed
    here without a call (as _close would). ``words``: another language's word tables."""
    info, learn, joins = (_WORD_INFO.get, _learn, _joins) if words is None else (words.info.get, words.learn, words.joins)
    first: WordInfo | None = None
    first_start = first_end = 0
    more: list[Token] = []
    last = 0        # where the open run's last token ends
    for m in _CAPITAL_TOKEN.finditer(text):
        start, end = m.span()
        word = info(m.group()) or learn(m.group())
        role = word.role
        if role == _INSIDE:
            continue
        if first is not None:
            gap = start - last
            # joined by a space or hyphen, or through "von der" (at most nine characters)
            if role != _NOT_NAME and (gap == 1 and text[last] in " -" or 1 < gap <= 9 and joins(text, last, start)):
                last = end
                more.append((start, end, word))
                continue
            if more:
                _close((first_start, first_end, first), more, names, text, offset, after_determiner, nouns)
                more = []
            elif first.role != _TITLE:
                # German: a capitalised word after a determiner is a noun ("der Anteil")
                noun = after_determiner is not None and first.may_be_noun and offset + first_start in after_determiner
                if nouns or not noun:
                    names.append(Name((first.key,), (offset + first_start,), (offset + first_end - first.possessive,),
                                      text, first_start, first_end, noun))
            first = None
        if role == _NOT_NAME or role == _STARTER and _sentence_start(text, start):
            continue
        last = first_end = end
        first_start = start
        first = word
    if first is not None:
        _close((first_start, first_end, first), more, names, text, offset, after_determiner, nouns)


def _close(first: Token, more: list[Token], names: list[Name], text: str, offset: int,
           after_determiner: AbstractSet[int] | None, nouns: bool) -> None:
    """Add the name of the run ``first`` + ``more`` (its words less the titles) to ``names``; a
    title alone is no name. ``after_determiner``: for a German passage, the document offsets of
    the words that follow a determiner (see ``german.after_determiners``)."""
    if not more:        # one word, the common case
        start, end, word = first
        if word.role != _TITLE:
            # German: a capitalised word after a determiner is a noun ("der Anteil")
            noun = after_determiner is not None and word.may_be_noun and offset + start in after_determiner
            if nouns or not noun:
                names.append(Name((word.key,), (offset + start,), (offset + end - word.possessive,),
                                  text, start, end, noun))
        return
    core = [(start, end, word) for start, end, word in (first, *more) if word.role != _TITLE]
    if not core:
        return
    (head_start, _, head), (_, tail_end, _) = core[0], core[-1]
    # a German noun after a determiner that heads a longer run ("der Gruppe Sorgen", "die
    # Gelbe Karte") keeps the run from counting as a person's name
    after_article = after_determiner is not None and head.may_be_noun and offset + head_start in after_determiner
    if after_article and len(core) == 1 and not nouns:
        return
    names.append(Name([word.key for _, _, word in core], [offset + start for start, _, _ in core],
                      [offset + end - word.possessive for _, end, word in core], text, head_start, tail_end,
                      noun=after_article and len(core) == 1, common_head=after_article and len(core) > 1))


_WORD_INFO: dict[str, WordInfo] = {}


def _learn(word: str) -> WordInfo:
    if len(_WORD_INFO) > 50_000:
        _WORD_INFO.clear()
    # a noun if after a determiner: one word with the rest in lower case ("Regierung", not
    # "EU"), not a name German writes with an article
    may_be_noun = word[1:].islower() and (word if word.isalnum() else _HEAD.match(word).group()).casefold() \
        not in NOUN_EXCEPTIONS
    k = key(word)
    got = _WORD_INFO[word] = WordInfo(_fast_role(word, k), k, _possessive(word), may_be_noun)
    return got


_HEAD = re.compile(r"\w+")
_CONNECTOR = "(?:" + "|".join(sorted(_CONNECTORS, key=len, reverse=True)) + ")"
# "der" and "den" join only after "von" / "van": alone they are German articles ("die Gruppe
# der Abgeordneten" is two nouns, "von der Leyen" one name)
_ARTICLE_CONNECTORS = frozenset({"der", "den"})
_FIRST_CONNECTOR = "(?:" + "|".join(sorted(_CONNECTORS - _ARTICLE_CONNECTORS, key=len, reverse=True)) + ")"
_JOIN_GAP = re.compile(f"[ -]{_FIRST_CONNECTOR}(?: {_CONNECTOR})?[ -]")


def _joins(text: str, end: int, start: int) -> bool:
    """Whether the capitalised tokens ending at ``end`` and starting at ``start`` (more than one
    character apart) belong to one run: one or two connectors ("von der") between them, each
    a whole token with a space or hyphen either side (two connectors are apart by a space:
    "von-der" is one token), the first of them not an article ("der", "den")."""
    return _JOIN_GAP.fullmatch(text, end, start) is not None


def _possessive(word: str) -> int:
    """Length of a possessive ending ("Trump’s"): a name's span stops before it."""
    return 2 if word[-2:] in ("’s", "'s") else 0


def _role(word: str, k: str) -> int:
    """``_NOT_NAME`` (a month, number or unit word), ``_STARTER`` (a name unless it opens a
    sentence: "The", "After"), ``_TITLE`` ("President": part of a run, never a name alone) or
    ``_NAME``, for a word and its ``key``. (``_learn`` keeps the answer.)"""
    if not _capitalised(word, k):
        return _NOT_NAME
    if k in _STARTERS:
        return _STARTER
    if k in _TITLES or word in _CONNECTORS:
        return _TITLE
    return _NAME


def _fast_role(word: str, k: str) -> int:
    """``_role``, with the keys of the word lists looked up in one table."""
    if not word[0].isupper():
        return _NOT_NAME
    role = _KEY_ROLES.get(k)
    if role is not None:
        return role
    return _role(word, k) if "ı" in k or word in _CONNECTORS else _NAME


class LanguageWords:
    """The word tables of names in a passage in a language other than English and German: its
    month, weekday and number words are no names, its starters open sentences, its titles
    stand before names, its connectors join them ("де"), and a Cyrillic word's key is its Latin
    spelling (see ``transliteration.latin``), so that names compare across scripts."""

    def __init__(self, language: str) -> None:
        codes = (*ALWAYS, language)
        lex = LANGUAGES[language]
        self.language = language
        self.info: dict[str, WordInfo] = {}
        self.roles = dict(_KEY_ROLES)
        for w in (*merged("months", codes), *merged("weekdays", codes), *merged("number_words", codes),
                  *merged("multipliers", codes), *(k for k in merged("scales", codes) if len(k) > 2)):
            self.roles.setdefault(w.casefold(), _NOT_NAME)
        for w in lex.starters:
            self.roles.setdefault(w.casefold(), _STARTER)
        for w in lex.titles:
            self.roles.setdefault(w.casefold(), _TITLE)
        # ("y" and "e" join lists of names in Spanish and Portuguese: "Ucrania, Estados Unidos y Rusia")
        self.connectors = (_CONNECTORS | CYRILLIC_CONNECTORS) - {"y", "e"}
        connector = "(?:" + "|".join(sorted(self.connectors, key=len, reverse=True)) + ")"
        first = "(?:" + "|".join(sorted(self.connectors - _ARTICLE_CONNECTORS, key=len, reverse=True)) + ")"
        self.join_gap = re.compile(f"[ -]{first}(?: {connector})?[ -]")

    def joins(self, text: str, end: int, start: int) -> bool:
        """``_joins``, with this language's connectors too."""
        return self.join_gap.fullmatch(text, end, start) is not None

    def learn(self, word: str) -> WordInfo:
        if len(self.info) > 50_000:
            self.info.clear()
        k = key(word)
        role = self.roles.get(k, _TITLE if word in self.connectors else _NAME) if word[0].isupper() else \
            _INSIDE if word in self.connectors else _NOT_NAME
        got = self.info[word] = WordInfo(role, latin(k, self.language) if CYRILLIC.search(k) else k,
                                         _possessive(word), False)
        return got


_LANGUAGE_WORDS: dict[str, LanguageWords] = {}


def words_of(language: str | None) -> LanguageWords | None:
    """The word tables of a passage in ``language`` (None: English and German, the module's own)."""
    if language is None or language in ALWAYS or language not in LANGUAGES:
        return None
    found = _LANGUAGE_WORDS.get(language)
    if found is None:
        found = _LANGUAGE_WORDS[language] = LanguageWords(language)
    return found


def _no_punct(chunk: str, start: int, end: int) -> bool:
    """No sentence or clause punctuation in ``chunk[start:end]`` (mostly a single space)."""
    return end - start == 1 and chunk[start] == " " or not _PUNCT.search(chunk, start, end)


_PUNCT = re.compile(r"[.!?,;:]")
_GERMAN = LANGUAGES["de"]
# a German determiner opening a sentence ("Seiner Meinung nach") starts no name either, nor does a
# German adverb or conjunction ("Folglich", "Warum"), capitalised only there
# (every word list a key is looked up in is case-folded as keys are: "Außerdem" -> "ausserdem")
_STARTERS = frozenset(w.casefold() for w in union("starters") | _GERMAN.determiners | _GERMAN.sentence_openers)
_TITLES = frozenset(w.casefold() for w in union("titles"))


def _capitalised(word: str, k: str) -> bool:
    if not word[0].isupper():
        return False
    return k not in _MONTHS and k not in _WEEKDAYS and k not in _NUMBER_WORDS and not _unit_word(k)


# The role of every key that one of the word lists holds, in _role's order of precedence.
_KEY_ROLES: dict[str, int] = {}
for _role_of, _keys_of in ((_NOT_NAME, [*_MONTHS, *_WEEKDAYS, *_NUMBER_WORDS,
                                        *(k for k in (*_SCALE, *_FIGURE_UNIT_WORDS) if len(k) > 2)]),
                           (_STARTER, _STARTERS), (_TITLE, _TITLES)):
    for _k in _keys_of:
        _KEY_ROLES.setdefault(_k, _role_of)


def _sentence_start(chunk: str, start: int) -> bool:
    """Whether ``chunk[:start]`` ends where a sentence begins: at the chunk's start, after a new
    line, after ``. ! ? : ; (`` or an opening quote, or after ``.”`` (spaces allowed between).

    Looks only at the end of the text before ``start`` (a regex anchored at the end would be
    tried from every position).
    """
    if start == 0:
        return True
    head = chunk[:start]
    body = head.rstrip()
    if "\n" in head[len(body):]:
        return True
    if not body:
        return False
    if body[-1] in _CLOSERS:
        return True
    if body[-1] in _CLOSING_QUOTES:
        inner = body[:-1].rstrip()
        return bool(inner) and inner[-1] in _FULL_STOPS
    return False


def clear_caches() -> None:
    """Forget every word decided so far (for timing a cold run)."""
    from . import german, spelling
    for cached in (spelling.same, spelling.variant):
        cached.cache_clear()
    german.clear_cache()
    _WORD_INFO.clear()
    for words in _LANGUAGE_WORDS.values():
        words.info.clear()
