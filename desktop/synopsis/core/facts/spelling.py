"""Spelling: when two written names are one name (inflected, a demonym, a transliteration or a
variant spelling). Pure functions of case-folded keys (see ``names.key``), shared by the name
and attribution detectors and kept apart from how names are found in a text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import SPELLINGS, merged

_VARIANTS = SPELLINGS                   # spellings that no string measure relates (a small, explicit table)
DEMONYMS = merged("demonyms")           # "russian" -> "russia", "American" -> "us"
_VOWELS = re.compile(r"[aeiouyäöüéèáíóú]")


@lru_cache(maxsize=16384)
def same(x: str, y: str) -> bool:
    """Equal up to case, possessive, inflection or demonym ("Russia" / "Russian", "Putins", "US" / "American")."""
    if x == y or DEMONYMS.get(x, x) == DEMONYMS.get(y, y):
        return True
    short, long = sorted((x, y), key=len)
    if len(short) < 4:
        return False
    stem = 0
    while stem < len(short) and short[stem] == long[stem]:
        stem += 1
    return stem >= max(4, len(short) - 1) and len(long) - stem <= 4


_TRANSLITERATION = [("tsch", "ch"), ("sch", "sh"), ("ph", "f"), ("ck", "k"), ("w", "v"), ("j", "y"), ("c", "k"),
                    ("z", "s"), ("ie", "i"), ("ei", "i"), ("ey", "i"), ("y", "i")]


# first letters that a transliteration may write for one another (see transliterated)
_ALIKE = {"w": "v", "v": "v", "j": "i", "y": "i", "i": "i", "c": "k", "k": "k", "z": "s", "s": "s", "p": "f", "f": "f"}


def initials_alike(x: str, y: str) -> bool:
    """Whether two keys start with the same letter or with letters a transliteration writes for
    one another (W / V, J / Y / I, C / K, Z / S, P(h) / F)."""
    return x[:1] == y[:1] or _ALIKE.get(x[:1], x[:1]) == _ALIKE.get(y[:1])


def transliterated(x: str, y: str) -> bool:
    """One name in two spellings across alphabets or languages, the first letter too
    (Wladimir / Vladimir, Lawrow / Lavrov, Sergej / Sergei, Jurij / Yuri)."""
    def plain(word: str) -> str:
        for old, new in _TRANSLITERATION:
            word = word.replace(old, new)
        return re.sub(r"(.)\1", r"\1", word)
    return plain(x) == plain(y)


@lru_cache(maxsize=16384)
def variant(x: str, y: str) -> bool:
    """Spelling variants or transliterations of one name (Sybhia / Sybiha, Kiev / Kyiv)."""
    if x in _VARIANTS and _VARIANTS[x] == _VARIANTS.get(y):
        return True
    if min(len(x), len(y)) < 4:
        return False
    if x[0] == y[0]:
        skel_x, skel_y = _VOWELS.sub("", x), _VOWELS.sub("", y)
        if len(skel_x) >= 2 and skel_x == skel_y or min(len(x), len(y)) >= 5 and fuzz.ratio(x, y) >= 80:
            return True
    return transliterated(x, y)
