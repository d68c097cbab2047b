"""Names: runs of capitalised words (people, places, organisations).

Names are compared word by word so "Vladimir Putin" still matches "Putin". A word left over
on both sides that looks like the same name (known transliteration, same consonant skeleton,
high similarity) is a spelling variant; a whole name swapped for another in the same context
("President Trump said" / "President Biden said") is a different name. A name present on one
side only is usually paraphrase, so it is reported only when it looks like a person.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet

from rapidfuzz import fuzz

from ..model import Fact, Span
from .common import WORD, Passage
from .dates import _MONTHS, _WEEKDAYS
from .numbers import _MULT, _SCALE, _SMALL, unit_name

_NUMBER_WORDS = frozenset(_SMALL) | frozenset(_MULT)


_FIGURE_UNITS = {"%", "pp", "EUR", "USD", "GBP", "RUB", "UAH"}


# every spelling of a figure unit starts with one of these (a cheap test before the unit regex)
_FIGURE_INITIALS = frozenset("%peudgrh")


def _unit_word(k: str) -> bool:
    """Unit and scale words ("Prozent", "Milliarden", "Euro") belong to figures, not names."""
    return len(k) > 2 and (k in _SCALE or k[0] in _FIGURE_INITIALS and unit_name(k) in _FIGURE_UNITS)

# Transliterations that no string measure relates (a small, explicit table).
_VARIANTS = {
    "kiev": "kyiv", "kyiv": "kyiv", "kharkov": "kharkiv", "kharkiv": "kharkiv", "odessa": "odesa",
    "odesa": "odesa", "lvov": "lviv", "lviv": "lviv", "nikolaev": "mykolaiv", "mykolaiv": "mykolaiv",
    "dnepr": "dnipro", "dnipro": "dnipro", "lugansk": "luhansk", "luhansk": "luhansk",
    "chernobyl": "chornobyl", "chornobyl": "chornobyl", "zaporozhye": "zaporizhzhia",
    "zaporizhzhia": "zaporizhzhia", "zelensky": "zelensky", "zelenskyy": "zelensky",
    "selenskyj": "zelensky", "selenski": "zelensky", "kiew": "kyiv", "charkiw": "kharkiv",
    "kyjiw": "kyiv", "charkow": "kharkiv", "dnipropetrowsk": "dnipro", "saporischschja": "zaporizhzhia",
}
_DEMONYMS = {"american": "us", "americans": "us", "usa": "us", "america": "us", "british": "uk",
             "britain": "uk", "european": "eu", "europe": "eu", "french": "france", "german": "germany",
             "chinese": "china", "dutch": "netherlands", "amerikanisch": "us", "amerikanische": "us",
             "deutsche": "germany", "deutschland": "germany", "russland": "russia", "russisch": "russia",
             "russische": "russia", "ukrainisch": "ukraine", "ukrainische": "ukraine"}
_TITLES = frozenset(
    "president minister foreign prime secretary general secretary-general chancellor envoy special "
    "ambassador mr mrs ms dr prof sir king queen pope senator governor commissioner chief head "
    "deputy vice leader spokesman spokeswoman spokesperson adviser advisor aide chairman director "
    "premier mayor emir sheikh crown prince colonel general lieutenant captain commander "
    "präsident bundeskanzler kanzler außenminister ministerin minister herr frau bundespräsident "
    "staatschef regierungschef sprecher sprecherin".split())
_STARTERS = frozenset(
    "the a an and but or so yet if when while although though because as after before since until "
    "during in on at by for from with without of to into over under about against between through "
    "ahead amid despite however meanwhile moreover also earlier later then now this that these those "
    "there here it its he she they we i you his her their our my your who what which where why how "
    "some many most all any each every no not one both either neither other another such several "
    "few more less last next first second third new former current according asked speaking "
    "shortly fighting right even only just still yes oh instead once further additional "
    "der die das den dem des ein eine einen einem einer eines und aber oder doch wenn als wie im am "
    "an auf aus bei mit nach seit von vor zu zur zum für über unter gegen durch ohne er sie es wir "
    "ich ihr man dies diese dieser dieses nun auch noch schon nur da dann dort hier laut zudem "
    "außerdem jedoch trotz während weil dass ob was wer wo".split())
_CONNECTORS = frozenset("von van de der den da di du al bin ibn la le del dos las los y".split())
_CLOSERS = frozenset(".!?:;“\"‘«„(")       # a sentence (or a quotation) opens after these
_FULL_STOPS = frozenset(".!?")
_CLOSING_QUOTES = frozenset("”\"’»")
_VOWELS = re.compile(r"[aeiouyäöüéèáíóú]")


@lru_cache(maxsize=16384)
def key(word: str) -> str:
    w = word.casefold().replace("’", "'").replace(".", "")
    for suffix in ("'s", "'"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w


class Name:
    """A run of capitalised words: its core words (titles and connectors left out) as
    ``(key, start, end)`` and, computed only when asked (most names are matched at once), its
    extent, the words either side and its acronym."""

    __slots__ = ("words", "matched", "_offset", "_chunk", "_tokens", "_texts", "_first", "_last",
                 "_prev", "_next")

    def __init__(self, words: list[tuple[str, int, int]], offset: int, chunk: str,
                 tokens: list[re.Match[str]], texts: list[str], first: int, last: int) -> None:
        self.words = words
        self.matched: set[int] = set()
        self._offset, self._chunk, self._tokens, self._texts = offset, chunk, tokens, texts
        self._first, self._last = first, last      # token indices of the first and last core word
        self._prev: str | None = None
        self._next: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.words[0][1], self.words[-1][2])

    @property
    def prev(self) -> str:
        """The word right before the name (lower case), or "" across punctuation."""
        if self._prev is None:
            i, tokens = self._first, self._tokens
            self._prev = self._texts[i - 1].lower() if i > 0 and \
                _no_punct(self._chunk, tokens[i - 1].end(), tokens[i].start()) else ""
        return self._prev

    @property
    def next(self) -> str:
        """The word right after the name (lower case), or "" across punctuation."""
        if self._next is None:
            j, tokens = self._last, self._tokens
            self._next = self._texts[j + 1].lower() if j + 1 < len(tokens) and \
                _no_punct(self._chunk, tokens[j].end(), tokens[j + 1].start()) else ""
        return self._next

    @property
    def acronym(self) -> str:
        """First letters of the core words ("European Central Bank" → "ecb")."""
        return "".join(k[0] for k, _, _ in self.words if k)

    @property
    def person_like(self) -> bool:
        return len(self.words) >= 2 and not any(len(k) <= 1 for k, _, _ in self.words)


def extract(passage: Passage) -> list[Name]:
    names: list[Name] = []
    german = passage.german
    for offset, chunk in passage.chunks:
        words = list(WORD.finditer(chunk))
        texts = [m.group() for m in words]
        n = len(words)
        after = -1          # index of the first word not yet taken into a run
        for i in [k for k, w in enumerate(texts) if w[0].isupper()]:
            if i < after:
                continue
            w = texts[i]
            role = _role(w)
            if role == _NOT_NAME or role == _STARTER and _sentence_start(chunk, words[i].start()):
                continue
            # the run: capitalised words (or a connector before one) joined by a space or hyphen
            j = i + 1
            while j < n and chunk[words[j - 1].end():words[j].start()] in (" ", "-"):
                w = texts[j]
                if not (_capitalised(w) or w in _CONNECTORS and _connects(texts, j + 1)):
                    break
                j += 1
            after = j
            if j == i + 1:      # the common case, one word
                if role == _TITLE:
                    continue
                m = words[i]
                if german and i > 0 and _common_noun(texts, chunk, words, i):
                    continue
                names.append(Name([(key(texts[i]), offset + m.start(), offset + m.end() - _possessive(texts[i]))],
                                  offset, chunk, words, texts, i, i))
                continue
            # (key, index) of the core words: the run less its titles and connectors
            core = [(k, r) for k, r in ((key(texts[r]), r) for r in range(i, j))
                    if k not in _TITLES and texts[r] not in _CONNECTORS]
            if not core:
                continue
            idx_first, idx_last = core[0][1], core[-1][1]
            if german and len(core) == 1 and _common_noun(texts, chunk, words, idx_first):
                continue
            names.append(Name([(k, offset + words[r].start(), offset + words[r].end() - _possessive(texts[r]))
                                    for k, r in core],
                              offset, chunk, words, texts, idx_first, idx_last))
    return names


def _possessive(word: str) -> int:
    """Length of a possessive ending ("Trump’s"): a name's span stops before it."""
    return 2 if word[-2:] in ("’s", "'s") else 0


def _connects(texts: list[str], j: int) -> bool:
    """Whether a connector before ``texts[j]`` joins a name: a capitalised word follows,
    perhaps after a second connector ("von der Leyen", "de la Cruz")."""
    return j < len(texts) and (_capitalised(texts[j]) or
                               texts[j] in _CONNECTORS and j + 1 < len(texts) and _capitalised(texts[j + 1]))


# What a capitalised word can be, decided once per distinct word (see _role).
_NOT_NAME, _STARTER, _TITLE, _NAME = range(4)


@lru_cache(maxsize=16384)
def _role(word: str) -> int:
    """``_NOT_NAME`` (a month, number or unit word), ``_STARTER`` (a name unless it opens a
    sentence: "The", "After"), ``_TITLE`` ("President": part of a run, never a name alone) or
    ``_NAME``."""
    if not _capitalised(word):
        return _NOT_NAME
    k = key(word)
    if k in _STARTERS:
        return _STARTER
    if k in _TITLES or word in _CONNECTORS:
        return _TITLE
    return _NAME


def _no_punct(chunk: str, start: int, end: int) -> bool:
    """No sentence or clause punctuation in ``chunk[start:end]`` (mostly a single space)."""
    return end - start == 1 and chunk[start] == " " or not _PUNCT.search(chunk, start, end)


_PUNCT = re.compile(r"[.!?,;:]")
_DETERMINERS = frozenset("der die das den dem des ein eine einen einem einer eines kein keine keinen "
                         "keinem keiner keines im am zum zur vom beim ins dieser diese dieses diesem "
                         "diesen jeder jede jedes seine seiner seinem seinen ihre ihrer ihrem ihren "
                         "unsere unser sein ihr".split())
_NOUN_SUFFIX = re.compile(r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|"
                          r"nis|nisse|tum|ment|chen|lein|ismus|punkte?n?|ierung|ehmen|anz|enz|ik|ur)\Z")


def _common_noun(texts: list[str], chunk: str, words: list[re.Match[str]], idx: int) -> bool:
    """German capitalises every noun: "der Anteil", "die Regierung" are no names.

    Conservative: only a single word (``texts[idx]``) right after a determiner, with a typical
    noun ending.
    """
    return idx > 0 and texts[idx - 1].lower() in _DETERMINERS and \
        words[idx].start() - words[idx - 1].end() == 1 and chunk[words[idx - 1].end()] == " " and \
        _noun_ending(texts[idx])


@lru_cache(maxsize=16384)
def _noun_ending(word: str) -> bool:
    return bool(_NOUN_SUFFIX.search(word.lower()))


@lru_cache(maxsize=16384)
def _capitalised(word: str) -> bool:
    if not word[0].isupper():
        return False
    k = key(word)
    return k not in _MONTHS and k not in _WEEKDAYS and k not in _NUMBER_WORDS and not _unit_word(k)


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


@lru_cache(maxsize=16384)
def same(x: str, y: str) -> bool:
    """Equal up to case, possessive, inflection or demonym ("Russia" / "Russian", "Putins", "US" / "American")."""
    if x == y or _DEMONYMS.get(x, x) == _DEMONYMS.get(y, y):
        return True
    short, long = sorted((x, y), key=len)
    if len(short) < 4:
        return False
    stem = 0
    while stem < len(short) and short[stem] == long[stem]:
        stem += 1
    return stem >= max(4, len(short) - 1) and len(long) - stem <= 4


class _SameIndex:
    """``any(same(k, o) for o in keys)`` without trying every key: a match other than an equal
    or demonym is a shared stem of at least four letters, so only keys with k's first four
    letters need the full test."""

    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.canon: set[str] | None = None      # built on first use: most words are matched before
        self.by_stem: dict[str, list[str]] = {}

    def has(self, k: str) -> bool:
        if self.canon is None:
            self.canon = {_DEMONYMS.get(o, o) for o in self.keys}
            for o in self.keys:
                if len(o) >= 4:
                    self.by_stem.setdefault(o[:4], []).append(o)
        if _DEMONYMS.get(k, k) in self.canon:
            return True
        return len(k) >= 4 and any(same(k, o) for o in self.by_stem.get(k[:4], ()))


@lru_cache(maxsize=16384)
def variant(x: str, y: str) -> bool:
    """Spelling variants or transliterations of one name (Sybhia / Sybiha, Kiev / Kyiv)."""
    if x in _VARIANTS and _VARIANTS[x] == _VARIANTS.get(y):
        return True
    if min(len(x), len(y)) < 4 or x[0] != y[0]:
        return False
    skel_x, skel_y = _VOWELS.sub("", x), _VOWELS.sub("", y)
    if len(skel_x) >= 2 and skel_x == skel_y:
        return True
    return min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 80


def _acronym(name: Name) -> str:
    return name.acronym


def _keys(names: list[Name]) -> set[str]:
    return {k for n in names for k, _, _ in n.words}


def _acronyms(names: list[Name]) -> set[str]:
    return {_acronym(n) for n in names if len(n.words) > 1}


def compare(text_a: str, names_a: list[Name], words_a: AbstractSet[str],
            text_b: str, names_b: list[Name], words_b: AbstractSet[str]) -> list[Fact]:
    facts: list[Fact] = []
    keys_a, keys_b = _keys(names_a), _keys(names_b)
    acr_a, acr_b = _acronyms(names_a), _acronyms(names_b)
    for names, other_keys, other_acr, other_words in ((names_a, keys_b, acr_b, words_b),
                                                      (names_b, keys_a, acr_a, words_a)):
        like = _SameIndex(other_keys)
        for n in names:
            n.matched = set()
            # "European Central Bank" = "ECB", unless the other side spells the long form out too
            whole = len(n.words) > 1 and _acronym(n) in other_keys and _acronym(n) not in other_acr
            for i, (k, _, _) in enumerate(n.words):
                if whole or k in other_words or k in other_acr or like.has(k):
                    n.matched.add(i)
    loose_b = [(n, i) for n in names_b for i in range(len(n.words)) if i not in n.matched]
    for n in names_a:
        for i, (k, start, end) in enumerate(n.words):
            if i in n.matched:
                continue
            hit = next(((m, j) for m, j in loose_b if variant(k, m.words[j][0])), None)
            if hit is None:
                continue
            m, j = hit
            loose_b.remove(hit)
            n.matched.add(i)
            m.matched.add(j)
            sp, other = Span(start, end), Span(m.words[j][1], m.words[j][2])
            facts.append(Fact("name", sp, other, severity=1,
                              note=f"spelling variant: {sp.slice(text_a)} / {other.slice(text_b)}"))
    # a name is kept when its last word (the surname) is: "Mark Rutte" / "Mark Hartley" differ
    gone = [n for n in names_a if len(n.words) - 1 not in n.matched]
    new = [n for n in names_b if len(n.words) - 1 not in n.matched]
    if gone and new:
        # a name swapped for another in the same context: the first unpaired one with n's
        # neighbouring words, in text order
        by_context: dict[tuple[str, str], list[Name]] = {}
        for m in new:
            by_context.setdefault((m.prev, m.next), []).append(m)
        paired: set[int] = set()
        for n in list(gone):
            if not (n.prev or n.next):
                continue
            same_context = by_context.get((n.prev, n.next))
            if same_context:
                m = same_context.pop(0)
                paired.add(id(m))
                gone.remove(n)
                facts.append(Fact("name", n.span, m.span, severity=3,
                                  note=f"different name: {n.span.slice(text_a)} → {m.span.slice(text_b)}"))
        new = [m for m in new if id(m) not in paired]
    facts += [Fact("name", n.span, None, severity=2, note=f"name only in A: {n.span.slice(text_a)}")
              for n in gone if n.person_like]
    facts += [Fact("name", None, m.span, severity=2, note=f"name only in B: {m.span.slice(text_b)}")
              for m in new if m.person_like]
    return facts
