"""Names: runs of capitalised words (people, places, organisations).

Names are compared word by word so "Vladimir Putin" still matches "Putin". A word left over
on both sides that looks like the same name (known transliteration, same consonant skeleton,
high similarity) is a spelling variant; a whole name swapped for another in the same context
("President Trump said" / "President Biden said") is a different name. A name present on one
side only is usually paraphrase, so it is reported only when it looks like a person.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from typing import AbstractSet

from ..model import Fact, Span
from .common import WORD, Passage
from .dates import _MONTHS, _WEEKDAYS
from .numbers import _MULT, _SCALE, _SMALL, unit_name
from .spelling import _ALIKE, _DEMONYMS, _VARIANTS, same, variant

_NUMBER_WORDS = frozenset(w.casefold() for w in (*_SMALL, *_MULT))     # case-folded, as keys are (see key)


_FIGURE_UNITS = {"%", "pp", "EUR", "USD", "GBP", "RUB", "UAH"}
# The single words numbers.unit_name takes for one of those units (its patterns spelled out)
_FIGURE_UNIT_WORDS = frozenset(
    "percent pct prozent prozentpunkt prozentpunkte prozentpunkten prozentpunktn euro euros eur dollar dollars "
    "usdollar usdollars us-dollar us-dollars usd pound pounds pfund gbp rouble roubles ruble rubles rubel hryvnia "
    "hryvnias hrywnja".split())


def _unit_word(k: str) -> bool:
    """Unit and scale words ("Prozent", "Milliarden", "Euro") belong to figures, not names.
    (A key with a dotless "ı", which the unit patterns take for "i", is asked of them.)"""
    return len(k) > 2 and (k in _SCALE or k in _FIGURE_UNIT_WORDS or "ı" in k and unit_name(k) in _FIGURE_UNITS)

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
    """A run of capitalised words: its core words (titles and connectors left out) as
    ``(key, start, end)`` and, computed only when asked (most names are matched at once), the
    words either side and its acronym. Analyses are shared between comparisons (and threads):
    nothing here is changed once the name is made, but for the neighbours, computed once."""

    __slots__ = ("words", "noun", "common_head", "_chunk", "_first", "_last", "_prev", "_next")

    def __init__(self, words: list[tuple[str, int, int]], chunk: str, first: int, last: int,
                 noun: bool = False, common_head: bool = False) -> None:
        self.words = words
        self.noun = noun            # a German noun after an article: a possible speaker, not a name
        self.common_head = common_head      # a German run opened by such a noun: not a person
        self._chunk = chunk         # the text of the passage chunk the name is in
        self._first, self._last = first, last      # chunk offsets: first core word's start, last one's end
        self._prev = self._next = None

    @property
    def span(self) -> Span:
        return Span(self.words[0][1], self.words[-1][2])

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
        return "".join(k[0] for k, _, _ in self.words if k)

    @property
    def person_like(self) -> bool:
        return len(self.words) >= 2 and not self.common_head and not any(len(k) <= 1 for k, _, _ in self.words)


def proper(names: list[Name]) -> list[Name]:
    """The names less the German nouns (which only attribution reads, as possible speakers)."""
    return [n for n in names if not n.noun]


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
    after_determiner = _after_determiners(passage.text) if passage.german else None
    info = _WORD_INFO.get
    german = after_determiner is not None
    for offset, text in passage.chunks:
        # the open run: its first token (start, end, word info: see _WORD_INFO) and the tokens
        # joined to it; most runs are one word, closed here without a call (as _close would)
        first: tuple[int, str, int, bool] | None = None
        first_start = first_end = 0
        more: list[tuple[int, int, tuple[int, str, int, bool]]] = []
        last = 0        # where the open run's last token ends
        for m in _CAPITAL_TOKEN.finditer(text):
            start, end = m.span()
            word = info(m.group()) or _learn(m.group())
            role = word[0]
            if first is not None:
                gap = start - last
                # joined by a space or hyphen, or through "von der" (at most nine characters)
                if role != _NOT_NAME and (gap == 1 and text[last] in " -" or 1 < gap <= 9 and _joins(text, last, start)):
                    last = end
                    more.append((start, end, word))
                    continue
                if more:
                    _close((first_start, first_end, first), more, names, text, offset, after_determiner, nouns)
                    more = []
                elif first[0] != _TITLE:
                    # German: a capitalised word after a determiner is a noun ("der Anteil")
                    if german and first[3] and offset + first_start in after_determiner:
                        if nouns:
                            names.append(Name([(first[1], offset + first_start, offset + first_end - first[2])],
                                              text, first_start, first_end, True))
                    else:
                        names.append(Name([(first[1], offset + first_start, offset + first_end - first[2])],
                                          text, first_start, first_end))
                first = None
            if role == _NOT_NAME or role == _STARTER and _sentence_start(text, start):
                continue
            last = first_end = end
            first_start = start
            first = word
        if first is not None:
            _close((first_start, first_end, first), more, names, text, offset, after_determiner, nouns)
    return names


def _close(first: tuple[int, int, tuple[int, str, int, bool]], more: list[tuple[int, int, tuple[int, str, int, bool]]],
           names: list[Name], text: str, offset: int, after_determiner: AbstractSet[int] | None, nouns: bool) -> None:
    """Add the name of the run ``first`` + ``more`` (its words less the titles) to ``names``; a
    title alone is no name. ``after_determiner``: for a German passage, the document offsets of
    the words that follow a determiner (see ``_after_determiners``)."""
    if not more:        # one word, the common case
        start, end, (role, k, possessive, may_be_noun) = first
        if role != _TITLE:
            # German: a capitalised word after a determiner is a noun ("der Anteil")
            if after_determiner is not None and may_be_noun and offset + start in after_determiner:
                if nouns:
                    names.append(Name([(k, offset + start, offset + end - possessive)], text, start, end, True))
            else:
                names.append(Name([(k, offset + start, offset + end - possessive)], text, start, end))
        return
    core = [t for t in (first, *more) if t[2][0] != _TITLE]
    if not core:
        return
    # a German noun after a determiner that heads a longer run ("der Gruppe Sorgen", "die
    # Gelbe Karte") keeps the run from counting as a person's name
    after_article = after_determiner is not None and core[0][2][3] and offset + core[0][0] in after_determiner
    if after_article and len(core) == 1 and not nouns:
        return
    names.append(Name([(w[1], offset + start, offset + end - w[2]) for start, end, w in core],
                      text, core[0][0], core[-1][1], noun=after_article and len(core) == 1,
                      common_head=after_article and len(core) > 1))


# What extract needs of a capitalised word, decided once per distinct word:
# (role, key, length of a possessive ending, whether it is a German noun after a determiner)
_WORD_INFO: dict[str, tuple[int, str, int, bool]] = {}


def _learn(word: str) -> tuple[int, str, int, bool]:
    if len(_WORD_INFO) > 50_000:
        _WORD_INFO.clear()
    # a noun if after a determiner: one word with the rest in lower case ("Regierung", not
    # "EU"), not a name German writes with an article
    may_be_noun = word[1:].islower() and (word if word.isalnum() else _HEAD.match(word).group()).casefold() \
        not in _NOUN_EXCEPTIONS
    k = key(word)
    got = _WORD_INFO[word] = (_fast_role(word, k), k, _possessive(word), may_be_noun)
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


# What a capitalised word can be, decided once per distinct word (see _role).
_NOT_NAME, _STARTER, _TITLE, _NAME = range(4)


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


def _no_punct(chunk: str, start: int, end: int) -> bool:
    """No sentence or clause punctuation in ``chunk[start:end]`` (mostly a single space)."""
    return end - start == 1 and chunk[start] == " " or not _PUNCT.search(chunk, start, end)


_PUNCT = re.compile(r"[.!?,;:]")
_DETERMINERS = frozenset("der die das den dem des ein eine einen einem einer eines kein keine keinen "
                         "keinem keiner keines im am zum zur vom beim ins dieser diese dieses diesem "
                         "diesen jeder jede jedes seine seiner seinem seinen ihre ihrer ihrem ihren "
                         "unsere unser sein ihr".split())
# a determiner opening a sentence ("Seiner Meinung nach") starts no name either, nor does a
# German adverb or conjunction ("Folglich", "Warum"), capitalised only there
_GERMAN_OPENERS = frozenset(
    "warum weshalb wieso weswegen deshalb deswegen daher darum dadurch damit folglich daraufhin dennoch "
    "trotzdem allerdings inzwischen mittlerweile bereits bisher damals jetzt später zuvor vorher nachdem "
    "bevor obwohl seitdem sobald sofern falls immerhin zumindest vorzugsweise optimalerweise schließlich "
    "letztlich zunächst anschließend danach davor dabei dafür dagegen darauf darüber davon dazu ebenso "
    "ebenfalls gleichzeitig stattdessen vielmehr tatsächlich natürlich leider glücklicherweise "
    "offensichtlich eigentlich insgesamt insbesondere besonders sogar kaum erst außerdem deswegen "
    "allein alle alles viele einige manche mehrere beide jeder jede jedes welche welcher welches "
    "wenn weil dass denn sondern sowie sodass indem ob wie wo wer was wann wohin woher".split())
# (every word list a key is looked up in is case-folded as keys are: "Außerdem" -> "ausserdem")
_STARTERS = frozenset(w.casefold() for w in _STARTERS | _DETERMINERS | _GERMAN_OPENERS)
_TITLES = frozenset(w.casefold() for w in _TITLES)
# Names German writes with an article ("die Ukraine", "der Kreml", "die Nato"): still names.
_NAMES_WITH_ARTICLE = frozenset(
    "schweiz türkei ukraine slowakei mongolei krim iran irak jemen libanon sudan kongo tschad niger "
    "vatikan kreml nato uno hamas hisbollah taliban fifa uefa bundeswehr bundestag bundesrat".split())
_ADJECTIVE_ENDINGS = ("e", "en", "er", "em", "es")


_NOUN_EXCEPTIONS = _NAMES_WITH_ARTICLE | frozenset(_VARIANTS) | frozenset(_DEMONYMS)
_OPENERS = "([{\"'„“‘«»‹›‚"
_DETERMINER_FORMS = frozenset(f for d in _DETERMINERS for f in (d, d.capitalize(), d.upper()))
# a determiner in any of those forms with one opening mark or none, as a whole space-separated token
_DETERMINER_FORM_TOKENS = frozenset(o + d for d in _DETERMINER_FORMS for o in ("", *_OPENERS))


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


# A word with a capital and then only lower-case letters (a common noun, written as German writes
# one): the word after a determiner that document_nouns takes for a noun.
_NOUN_WORD = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]+(?!\w)")
# a determiner with one opening mark or none ("die", "(die"), as a whole space-separated token
_DETERMINER_TOKENS = frozenset(o + d for d in _DETERMINERS for o in ("", *_OPENERS))
# a determiner (any case) behind two or more opening marks ("(„die"), as a whole token: rare, found by a scan
# (the first mark comes before the look-behind, which lets the engine skip to the candidates)
_MANY_OPENERS = re.compile(f"[{re.escape(_OPENERS)}](?<![^ \\n].)[{re.escape(_OPENERS)}]+"
                           f"(?:{'|'.join(sorted(_DETERMINER_FORMS))})(?=[ \\n])")


def document_nouns(text: str) -> frozenset[str]:
    """The keys of the words a German document uses as common nouns somewhere: after a
    determiner in lower case ("die Produkte", "der neue Trainer"), less the names German writes with an
    article. A run of such words elsewhere in the document ("Produkte → Artikel" at the start
    of a sentence) is a noun too, not a name: ``compare`` takes such a word as found on
    both sides."""
    return _german_scan(text)[1]


def _after_determiners(text: str) -> frozenset[int]:
    """The offsets in ``text`` of the words that follow a determiner ("der Anteil", "(die
    Regierung", "Die Regierung"), or a determiner and an inflected adjective in lower case
    ("die neue Regierung"), each a space (or a line break) apart.

    German capitalises every noun, so a single capitalised word there is taken for a noun, not
    a name, unless it is one of the few names German writes with an article ("die Ukraine"):
    see ``_learn``."""
    return _german_scan(text)[0]


@lru_cache(maxsize=8)
def _german_scan(text: str) -> tuple[frozenset[int], frozenset[str]]:
    """``_after_determiners`` and ``document_nouns`` of a document, found together in one pass
    over its space-separated tokens: only the two tokens after each determiner are read.
    (Asked word by word of each passage, this was the largest cost of names on German text.)"""
    toks = text.replace("\n", " ").split(" ")     # (a line break as a space: the offsets stay)
    many = {m.group() for m in _MANY_OPENERS.finditer(text)}        # rare: "(„die"
    any_case = _DETERMINER_FORM_TOKENS.union(many)
    lower_case = _DETERMINER_TOKENS.union(t for t in many if t.lstrip(_OPENERS) in _DETERMINERS)
    ends = list(accumulate(map(len, toks)))     # token j starts at ends[j - 1] + j
    toks.append("")                             # (the token after the last: none)
    determiners = [i for i, t in enumerate(toks) if t in any_case]
    adjectives = [i + 1 for i in determiners
                  if (t := toks[i + 1]).endswith(_ADJECTIVE_ENDINGS) and t.isalpha() and t.islower()]
    offsets = [ends[i] + i + 1 for i in determiners]
    offsets += [ends[i] + i + 1 for i in adjectives]
    # the nouns: the words after a lower-case determiner, or after it and an adjective
    after = {toks[i + 1] for i in determiners if toks[i] in lower_case}
    after.update(toks[i + 1] for i in adjectives if toks[i - 1] in lower_case)
    found = {m.group() for m in map(_NOUN_WORD.match, after) if m is not None}
    # (a determiner or adjective as the last token has no word after it, but got an offset)
    return frozenset(offsets).difference((len(text) + 1,)), frozenset({w.casefold() for w in found} - _NOUN_EXCEPTIONS)


def _keys(names: list[Name]) -> set[str]:
    return {k for n in names for k, _, _ in n.words}


def _acronyms(names: list[Name]) -> set[str]:
    return {n.acronym for n in names if len(n.words) > 1}


def _unmatched(keys: set[str], other_acr: set[str], other_keys: set[str]) -> set[str]:
    """The keys (none of them a word of the other side) found there neither as an acronym
    nor as the same name inflected (``any(same(k, o) for o in other_keys)``).

    Tried key against key: a link has a few such keys and a few names on the other side. Other
    than an equal key or a demonym, ``same`` needs a shared stem of at least four letters.
    """
    left = keys.difference(other_acr)
    if not left:
        return left
    demonyms = not other_keys.isdisjoint(_DEMONYMS)
    canon: set[str] | None = None
    out = set()
    for k in left:
        if k in other_keys:
            continue
        if len(k) >= 4:
            head = k[:4]
            inflected = False
            for o in other_keys:
                if o.startswith(head) and same(k, o):
                    inflected = True
                    break
            if inflected:
                continue
        if demonyms or k in _DEMONYMS:
            if canon is None:
                canon = {_DEMONYMS.get(o, o) for o in other_keys}
            if _DEMONYMS.get(k, k) in canon:
                continue
        out.add(k)
    return out


def _loose(names: list[Name], unmatched: set[str], other_keys: set[str],
           other_acr: set[str]) -> list[tuple[Name, set[int]]]:
    """The names with a word the other side lacks, each with the indices of its words that the
    other side has; a name whose words are all found (most of them) is left alone: it can
    neither be a variant nor be missing."""
    out = []
    for n in names:
        if len(n.words) == 1:       # most names
            if n.words[0][0] in unmatched:
                out.append((n, set()))
            continue
        if all(k not in unmatched for k, _, _ in n.words):
            continue
        # "European Central Bank" = "ECB", unless the other side spells the long form out too
        if len(n.words) > 1 and n.acronym in other_keys and n.acronym not in other_acr:
            continue
        out.append((n, {i for i, (k, _, _) in enumerate(n.words) if k not in unmatched}))
    return out


def _wording(name: Name, text: str, lexicons: tuple[AbstractSet[str], ...]) -> bool:
    """Whether the name is a German noun phrase: it ends in a common noun ("Trumps Präsenz"), or
    a common noun heads it and joins the rest through "von" ("Fälle von Angriffen")."""
    if any(name.words[-1][0] in lexicon for lexicon in lexicons):
        return True
    return (len(name.words) > 1 and any(name.words[0][0] in lexicon for lexicon in lexicons)
            and _JOIN_GAP.fullmatch(text, name.words[0][2], name.words[1][1]) is not None)


def compare(text_a: str, names_a: list[Name], words_a: AbstractSet[str],
            text_b: str, names_b: list[Name], words_b: AbstractSet[str],
            nouns: tuple[AbstractSet[str], ...] = ()) -> list[Fact]:
    """Name facts of a linked pair. A German noun phrase (``_wording``: judged by ``nouns``,
    the common nouns of German documents, see ``document_nouns``) may still be a spelling
    variant, but is neither a different name nor missing: German capitalises every noun, and
    "Trainer → Coach" or "Trumps Präsenz" is wording, not a person or a place."""
    facts: list[Fact] = []
    keys_a, keys_b = _keys(names_a), _keys(names_b)
    left_a, left_b = keys_a.difference(words_b), keys_b.difference(words_a)
    if not left_a and not left_b:       # every name's words on the other side: most links
        return facts
    acr_a, acr_b = _acronyms(names_a), _acronyms(names_b)
    open_a, open_b = _unmatched(left_a, acr_b, keys_b), _unmatched(left_b, acr_a, keys_a)
    if not open_a and not open_b:
        return facts
    loose_a, loose_b = _loose(names_a, open_a, keys_b, acr_b), _loose(names_b, open_b, keys_a, acr_a)
    # a mention of a name the other side names less often may be the one changed there
    spare_a, budget_a = _spare(names_a, names_b, loose_a, nouns) \
        if open_b and _repeats(names_a, keys_a) else ([], Counter())
    spare_b, budget_b = _spare(names_b, names_a, loose_b, nouns) \
        if open_a and _repeats(names_b, keys_b) else ([], Counter())
    # the words of B's loose (then spare) names not yet matched, each with its name's matched indices
    words_left_b = [(m, found, j) for m, found in loose_b + spare_b for j in range(len(m.words)) if j not in found]
    for n, matched in loose_a + spare_a:
        for i, (k, start, end) in enumerate(n.words):
            if i in matched or budget_a.get(k, 1) < 1:
                continue
            # variant() needs the same first letter (or one a transliteration writes for it:
            # W / V, J / Y) unless the table relates the two; a spare mention and a word that
            # is the same name inflected ("Londons") are no variants: that is the other mention
            hit = next(((m, found, j) for m, found, j in words_left_b
                        if budget_b.get(m.words[j][0], 1) > 0
                        and (m.words[j][0][:1] == k[:1] or k in _VARIANTS
                             or _ALIKE.get(k[:1], k[:1]) == _ALIKE.get(m.words[j][0][:1]))
                        and variant(k, m.words[j][0])
                        and not ((k in budget_a or m.words[j][0] in budget_b) and same(k, m.words[j][0]))), None)
            if hit is None:
                continue
            m, found, j = hit
            words_left_b.remove(hit)
            matched.add(i)
            found.add(j)
            for budget, word in ((budget_a, k), (budget_b, m.words[j][0])):
                if word in budget:
                    budget[word] -= 1
            sp, other = Span(start, end), Span(m.words[j][1], m.words[j][2])
            facts.append(Fact("name", sp, other, severity=1,
                              note=f"spelling variant: {sp.slice(text_a)} / {other.slice(text_b)}"))
    # a name is kept when its last word (the surname) is: "Mark Rutte" / "Mark Hartley" differ
    gone = [n for n, matched in loose_a
            if len(n.words) - 1 not in matched and not (nouns and _wording(n, text_a, nouns))]
    new = [m for m, found in loose_b
           if len(m.words) - 1 not in found and not (nouns and _wording(m, text_b, nouns))]
    # spare mentions may be swapped for a new name, never reported as missing (English only:
    # German capitalises the verb opening a question, and nouns a document has once only)
    spare_gone = [n for n, matched in spare_a if len(n.words) - 1 not in matched
                  and budget_a[n.words[-1][0]] > 0] if not nouns else []
    spare_new = [m for m, found in spare_b if len(m.words) - 1 not in found
                 and budget_b[m.words[-1][0]] > 0] if not nouns else []
    if (gone or spare_gone) and (new or spare_new):
        # a name swapped for another in the same context: the first unpaired one with n's
        # neighbouring words, in text order (a spare mention only for a name truly new)
        by_context: dict[tuple[str, str], list[Name]] = {}
        for m in new + spare_new:
            by_context.setdefault((m.prev, m.next), []).append(m)
        paired: set[int] = set()
        for n in gone + spare_gone:
            if not (n.prev or n.next):
                continue
            spare = n in spare_gone
            same_context = [m for m in by_context.get((n.prev, n.next), ())
                            if not (spare and m in spare_new) and budget_b.get(m.words[-1][0], 1) > 0]
            if same_context and (not spare or budget_a[n.words[-1][0]] > 0):
                m = same_context[0]
                by_context[(n.prev, n.next)].remove(m)
                paired.add(id(m))
                if spare:
                    budget_a[n.words[-1][0]] -= 1
                else:
                    gone.remove(n)
                if m.words[-1][0] in budget_b:
                    budget_b[m.words[-1][0]] -= 1
                facts.append(Fact("name", n.span, m.span, severity=3,
                                  note=f"different name: {n.span.slice(text_a)} → {m.span.slice(text_b)}"))
        new = [m for m in new if id(m) not in paired]
    if not nouns:       # (German capitalises nouns: "Harte Worte" / "Scharfe Worte" is wording)
        facts += _inner_swaps(text_a, loose_a, text_b, loose_b)
    facts += [Fact("name", n.span, None, severity=2, note=f"name only in A: {n.span.slice(text_a)}")
              for n in gone if n.person_like]
    facts += [Fact("name", None, m.span, severity=2, note=f"name only in B: {m.span.slice(text_b)}")
              for m in new if m.person_like]
    return facts


def _repeats(names: list[Name], keys: set[str]) -> bool:
    """Whether a word is in more than one of the names (``keys``: all their words)."""
    return sum(len(n.words) for n in names) > len(keys)


def _spare(names: list[Name], other: list[Name], loose: list[tuple[Name, set[int]]],
           nouns: tuple[AbstractSet[str], ...]) -> tuple[list[tuple[Name, set[int]]], Counter[str]]:
    """The names (not loose already) with a word this side names more than once and more often
    than the other side does, each with the indices of its other words, and how many more times
    each such word is named: "Culturecom … chairman of Culturecom" / "Culturecom … chairman of
    Castellano" (one mention swapped), "Kaspar Ochsner … (Kaspar …)" / "Ksapar Ochsner …
    (Kaspar …)" (one misspelt). Such a mention pairs with a word the other side lacks, as a variant or a swap
    in the same context, no more often than its word is named more; it is never missing. The
    common nouns of German documents (``nouns``) are left out: repeated, inflected or dropped,
    they are wording."""
    repeated = Counter(k for n in names for k, _, _ in n.words)
    counts = repeated.copy()
    counts.subtract(k for n in other for k, _, _ in n.words)
    budget = Counter({k: c for k, c in counts.items()
                      if c > 0 and repeated[k] > 1 and not any(k in lexicon for lexicon in nouns)})
    if not budget:
        return [], budget
    taken = {id(n) for n, _ in loose}
    out = []
    for n in names:
        if id(n) in taken:
            continue
        for i, (k, _, _) in enumerate(n.words):
            if k in budget:
                out.append((n, set(range(len(n.words))) - {i}))
                break
    return out, budget


def _inner_swaps(text_a: str, loose_a: list[tuple[Name, set[int]]],
                 text_b: str, loose_b: list[tuple[Name, set[int]]]) -> list[Fact]:
    """A word inside a name replaced while its last word stays ("Mayor James Quinn" / "Mayor
    Lindqvist Quinn", "Nasdaq Composite Index" / "Nasdaq Wojcik Index"): two names written the
    same but for one word before the last, a word neither side has elsewhere and that is no
    abbreviation of the other ("Fed" / "Federal"). English only (see compare)."""
    facts = []
    taken: set[int] = set()
    for n, matched in loose_a:
        if len(n.words) < 2 or len(n.words) - 1 not in matched or len(matched) != len(n.words) - 1:
            continue
        i = next(i for i in range(len(n.words)) if i not in matched)
        for m, found in loose_b:
            if (id(m) in taken or len(m.words) != len(n.words) or len(found) != len(m.words) - 1
                    or i in found or not same(n.words[-1][0], m.words[-1][0])):
                continue
            x, y = n.words[i][0], m.words[i][0]
            if x.startswith(y) or y.startswith(x) or not (x.isalpha() and y.isalpha()):
                continue
            # the rest written the same, titles too ("President Donald Trump" / "US President Trump" differ more)
            (_, start, end), (_, other_start, other_end) = n.words[i], m.words[i]
            name_a, name_b = n.span.slice(text_a), m.span.slice(text_b)
            start, end = start - n.span.start, end - n.span.start
            other_start, other_end = other_start - m.span.start, other_end - m.span.start
            if (name_a[:start].casefold() != name_b[:other_start].casefold()
                    or name_a[end:].casefold() != name_b[other_end:].casefold()):
                continue
            taken.add(id(m))
            facts.append(Fact("name", n.span, m.span, severity=3,
                              note=f"different name: {n.span.slice(text_a)} → {m.span.slice(text_b)}"))
            break
    return facts


def clear_caches() -> None:
    """Forget every word decided so far (for timing a cold run)."""
    for cached in (same, variant, _german_scan):
        cached.cache_clear()
    _WORD_INFO.clear()
