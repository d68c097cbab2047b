"""Names across scripts: Cyrillic written in Latin letters, and a loose form of a name for
comparing two spellings made by different conventions.

Russian and Ukrainian Cyrillic are transliterated by different tables (Ukrainian "и" is "y",
"і" is "i", "г" is "h"; Russian "и" is "i", "г" is "g"), each close to the spellings English news
uses ("Лавров" -> "lavrov", "Сибіга" -> "sybiha", "Зеленский" -> "zelensky"). Two spellings of
one name by different conventions ("Sybiha" / "Сибига" -> "sibiga", "Witkoff" / "Уиткофф" ->
"uitkoff") are then compared by their ``loose`` forms, which merge the letters such
conventions trade for one another (g / h, i / y / j, k / c / q, s / z, v / w, doubled letters).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

CYRILLIC = re.compile("[\u0400-\u04ff]")
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_RUSSIAN_LETTERS = frozenset("ыэъёЫЭЪЁ")

_COMMON = {"а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "к": "k", "л": "l", "м": "m", "н": "n",
           "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
           "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "'": "", "’": "", "ʼ": ""}
_RUSSIAN = {**_COMMON, "г": "g", "е": "e", "ё": "yo", "и": "i", "й": "y", "ы": "y", "э": "e", "ю": "yu", "я": "ya"}
_UKRAINIAN = {**_COMMON, "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i", "й": "i", "ю": "iu",
              "я": "ia", "ы": "y", "э": "e", "ё": "yo"}
# at the start of a word these are written with a "y": "Єрмак" -> "yermak", "Юрій" -> "yurii"
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RUSSIAN_INITIAL = {"е": "ye"}
_VOWELS = frozenset("аеёиоуыэюяєії")


def cyrillic_language(text: str) -> str:
    """"uk" or "ru" for Cyrillic text, by the letters only one of them has (Russian when neither)."""
    if not _UKRAINIAN_LETTERS.isdisjoint(text):
        return "uk"
    return "ru"


@lru_cache(maxsize=16384)
def latin(word: str, language: str | None = None) -> str:
    """A lower-case Cyrillic word in Latin letters, by the Ukrainian table for ``language`` "uk"
    (or, when no language is given, a word with a letter only Ukrainian has), else the Russian
    one; the adjective endings "-ий" / "-ый" become "-y" as English writes them ("Зеленский" ->
    "zelensky"). "є", "ї", "й", "ю", "я" are written "ye", "yi", "y", "yu", "ya" at a word's
    start (the Ukrainian national rule, "Київ" -> "kyiv"), and also after a vowel in Russian
    ("Алексеев" -> "alekseyev"). Other characters are kept."""
    if language not in ("ru", "uk"):
        language = cyrillic_language(word)
    table, initial = (_UKRAINIAN, _UKRAINIAN_INITIAL) if language == "uk" else (_RUSSIAN, _RUSSIAN_INITIAL)
    if word.endswith(("ий", "ый", "ій")) and len(word) > 4:
        word = word[:-2] + "\x00"       # (the ending, written "y" below)
    out = []
    for i, ch in enumerate(word):
        before = word[i - 1] if i else ""
        if ch == "\x00":
            out.append("y")
        elif ch in initial and (i == 0 or before in "'’ʼ" or before in _VOWELS and language == "ru"):
            out.append(initial[ch])
        else:
            out.append(table.get(ch, ch))
    return "".join(out)


# Letters and groups of letters that spelling conventions trade for one another, in the order
# they are replaced; each group becomes one character.
_LOOSE = [("shch", "š"), ("tsch", "č"), ("sch", "š"), ("tch", "č"), ("dzh", "ǰ"), ("dj", "ǰ"), ("ch", "č"),
          ("sh", "š"), ("zh", "ǰ"), ("kh", "h"), ("ts", "ć"), ("tz", "ć"), ("ph", "f"), ("th", "t"), ("ck", "k"),
          ("qu", "kv"), ("q", "k"), ("x", "ks"), ("w", "v"), ("j", "ǰ"), ("y", "i"), ("h", "g"), ("z", "s")]
_DOUBLED = re.compile(r"(.)\1+")
_W_AS_U = re.compile(r"(?<![aeiou])u(?=[aeio])")      # English W written "У": "Уиткофф", "Уорнер", "Болдуин"
_SOFT_C = re.compile(r"c(?=[ei])")         # "Macron" / "Макрон": c as k; "Cecilia": c as s


@lru_cache(maxsize=16384)
def loose(key: str) -> str:
    """A spelling-blind form of a (Latin) key: accents dropped, and the letters that
    transliteration conventions write for one another made one."""
    k = unicodedata.normalize("NFKD", key.casefold())
    k = "".join(ch for ch in k if not unicodedata.combining(ch))
    if CYRILLIC.search(k):
        k = latin(k)
    k = k.replace("'", "").replace("’", "").replace("-", "")
    k = _W_AS_U.sub("v", k)
    k = _SOFT_C.sub("s", k)
    for old, new in _LOOSE:
        if old in k:
            k = k.replace(old, new)
    k = k.replace("c", "k")
    return _DOUBLED.sub(r"\1", k)


_VOWEL_LETTERS = re.compile("[aeiou]")
_COARSE = str.maketrans({"š": "s", "č": "c", "ć": "c"})      # for comparing consonants: sh ~ s, ch ~ ts ~ c
# First names whose Russian, Ukrainian and English forms no spelling rule relates, each group one
# name (loose forms; "Володимир" / "Vladimir", "Андрій" / "Andrei", "Олена" / "Yelena")
_FIRST_NAMES = [{loose(w) for w in group.split()} for group in (
    "vladimir volodymyr wladimir владимир володимир", "aleksandr alexander oleksandr александр олександр",
    "andrei andrey andrii andriy андрей андрій", "yuri yury yurii iurii юрий юрій", "sergei sergey serhii serhiy "
    "сергей сергій", "dmitry dmitri dmytro дмитрий дмитро", "mikhail mykhailo михаил михайло", "nikolai mykola "
    "николай микола", "pavel pavlo павел павло", "pyotr petr petro пётр петро", "grigory hryhoriy григорий григорій",
    "vasily vasyl василий василь", "yelena elena olena елена олена", "olga olha ольга", "yevgeny yevhen evgeny "
    "евгений євген", "kirill kyrylo кирилл кирило", "aleksei oleksii alexei алексей олексій", "ivan іван иван")]
_FIRST_NAME_OF = {form: i for i, group in enumerate(_FIRST_NAMES) for form in group}


def _first_name_stem(key: str) -> int | None:
    """The group of a first name (or of it inflected: "володимиром")."""
    for end in range(len(key), max(3, len(key) - 3), -1):
        found = _FIRST_NAME_OF.get(key[:end])
        if found is not None:
            return found
    return None


@lru_cache(maxsize=16384)
def alike(x: str, y: str) -> bool:
    """Whether two keys (one of them, at least, transliterated) spell one name: equal loose
    forms, the same name inflected (one loose form the other plus an ending of up to four
    letters, a stem of four or more), the same consonants (at least two, same first letter), or
    close ones (at least five letters, similarity 80 %)."""
    a, b = loose(x), loose(y)
    if a == b:
        return True
    group = _first_name_stem(a)
    if group is not None and group == _first_name_stem(b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 4:
        stem = 0
        while stem < len(short) and short[stem] == long[stem]:
            stem += 1
        if stem >= max(4, len(short) - 2) and len(long) - stem <= 4:
            return True
    a, b = a.translate(_COARSE), b.translate(_COARSE)      # ("Castro" / "Каштру")
    skeleton_a, skeleton_b = _VOWEL_LETTERS.sub("", a), _VOWEL_LETTERS.sub("", b)
    if len(skeleton_a) >= 2 and skeleton_a == skeleton_b and a[0] == b[0]:
        return True
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 80
