"""German capitalises every noun: which capitalised words of a German document are common nouns.

A capitalised word right after a determiner ("der Anteil", "die neue Regierung") is a noun, not
a name, unless it is one of the few names German writes with an article ("die Ukraine"). The
name detector asks which offsets follow a determiner (``after_determiners``) and which words a
document uses as nouns anywhere (``document_nouns``); both come from one pass over the
document's space-separated tokens, kept for the last few documents.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from .lexicon import LANGUAGES, SPELLINGS, union

_GERMAN = LANGUAGES["de"]
DETERMINERS = _GERMAN.determiners
ADJECTIVE_ENDINGS = _GERMAN.adjective_endings
# Words never taken for a noun: the names German writes with an article, and the place names and
# demonyms of the spelling tables.
NOUN_EXCEPTIONS = _GERMAN.names_with_article | frozenset(SPELLINGS) | union("demonyms")
OPENERS = "([{\"'„“‘«»‹›‚"
_DETERMINER_FORMS = frozenset(f for d in DETERMINERS for f in (d, d.capitalize(), d.upper()))
# a determiner in any of those forms with one opening mark or none, as a whole space-separated token
_DETERMINER_FORM_TOKENS = frozenset(o + d for d in _DETERMINER_FORMS for o in ("", *OPENERS))
# A word with a capital and then only lower-case letters (a common noun, written as German writes
# one): the word after a determiner that document_nouns takes for a noun.
_NOUN_WORD = re.compile(r"[^\W\d_a-z][^\W\d_A-Z]+(?!\w)")
# a determiner with one opening mark or none ("die", "(die"), as a whole space-separated token
_DETERMINER_TOKENS = frozenset(o + d for d in DETERMINERS for o in ("", *OPENERS))
# a determiner (any case) behind two or more opening marks ("(„die"), as a whole token: rare, found by a scan
# (the first mark comes before the look-behind, which lets the engine skip to the candidates)
_MANY_OPENERS = re.compile(f"[{re.escape(OPENERS)}](?<![^ \\n].)[{re.escape(OPENERS)}]+"
                           f"(?:{'|'.join(sorted(_DETERMINER_FORMS))})(?=[ \\n])")


def document_nouns(text: str) -> frozenset[str]:
    """The keys of the words a German document uses as common nouns somewhere: after a
    determiner in lower case ("die Produkte", "der neue Trainer"), less the names German writes with an
    article. A run of such words elsewhere in the document ("Produkte → Artikel" at the start
    of a sentence) is a noun too, not a name: the name comparison takes such a word as found on
    both sides."""
    return _scan(text).nouns


def after_determiners(text: str) -> frozenset[int]:
    """The offsets in ``text`` of the words that follow a determiner ("der Anteil", "(die
    Regierung", "Die Regierung"), or a determiner and an inflected adjective in lower case
    ("die neue Regierung"), each a space (or a line break) apart."""
    return _scan(text).after_determiners


class _Scan(NamedTuple):
    after_determiners: frozenset[int]       # see after_determiners
    nouns: frozenset[str]                   # see document_nouns


@lru_cache(maxsize=8)
def _scan(text: str) -> _Scan:
    """``after_determiners`` and ``document_nouns`` of a document, found together in one pass
    over its space-separated tokens: only the two tokens after each determiner are read."""
    toks = text.replace("\n", " ").split(" ")     # (a line break as a space: the offsets stay)
    many = {m.group() for m in _MANY_OPENERS.finditer(text)}        # rare: "(„die"
    any_case = _DETERMINER_FORM_TOKENS.union(many)
    lower_case = _DETERMINER_TOKENS.union(t for t in many if t.lstrip(OPENERS) in DETERMINERS)
    ends = list(accumulate(map(len, toks)))     # token j starts at ends[j - 1] + j
    toks.append("")                             # (the token after the last: none)
    determiners = [i for i, t in enumerate(toks) if t in any_case]
    adjectives = [i + 1 for i in determiners
                  if (t := toks[i + 1]).endswith(ADJECTIVE_ENDINGS) and _adjective(t)]
    offsets = [ends[i] + i + 1 for i in determiners]
    offsets += [ends[i] + i + 1 for i in adjectives]
    # the nouns: the words after a lower-case determiner, or after it and an adjective
    after = {toks[i + 1] for i in determiners if toks[i] in lower_case}
    after.update(toks[i + 1] for i in adjectives if toks[i - 1] in lower_case)
    found = {m.group() for m in map(_NOUN_WORD.match, after) if m is not None}
    # (a determiner or adjective as the last token has no word after it, but got an offset)
    return _Scan(frozenset(offsets).difference((len(text) + 1,)),
                 frozenset({w.casefold() for w in found} - NOUN_EXCEPTIONS))


_AGE = re.compile(r"\d+-")        # "35-jährige"


def _adjective(token: str) -> bool:
    """An inflected adjective in lower case ("neue"), perhaps after a figure ("35-jährige")."""
    if token[:1].isdigit():
        m = _AGE.match(token)
        token = token[m.end():] if m else token
    return token.isalpha() and token.islower()


def clear_cache() -> None:
    _scan.cache_clear()
