"""Where a sentence ends inside a paragraph: explicit rules over each script's punctuation.

A candidate boundary is a run of terminal punctuation (``. ! ? … ؟ ۔ 。 ！ ？``), any closing
quotes or brackets right after it (``.“``, ``?»``, ``!”``, ``.)``), then white space — or,
after a full-width CJK mark, nothing at all, since CJK writes no spaces. A French closing
guillemet set off by a space (``… fin. » Il …``) stays with the sentence it closes.

Whether the candidate is a boundary depends on the word before the stop and on what comes
next:

- a capitalised word, a letter of a caseless script (Arabic, CJK, …), an opening quote or
  bracket, a dash or a digit starts a sentence — unless the stop belongs to a title
  ("Mr. Smith"), an abbreviation ("z. B. Wasser", "U.S. officials"), an initial
  ("J. K. Rowling") or a German ordinal ("am 4. Februar", "1. FC Köln"); after those, only
  a clear sentence opener ("The", "Die", "Ils", …) shows that a sentence began;
- a lower-case word after a plain full stop starts a sentence too (scraped text loses
  capitals: "… a robbery. lawyer Marcos …") when the word before is a real word, not an
  abbreviation ("e.g. the", "т. е.", "см. ниже", "approx. five"); after ``?``/``!`` or a
  closing quote, lower case continues the sentence ("“Why?” he asked").
"""
from __future__ import annotations

import re
from typing import Iterator

from . import lexicon

TERMINALS = ".!?…‼⁇⁈⁉؟۔。！？"
_FULL_WIDTH = "。！？"
CLOSERS = "\"'”’»«“‘›‹)]}」』】）`"
OPENING = "\"'“‘«„‚‹›»([{¿¡「『【（`—–-•*"
_CONTINUING = ".,;:!?)]}/%»”’…" + TERMINALS
_CANDIDATE = re.compile("([%s]+)([%s]*)(\\s*)" % (re.escape(TERMINALS), re.escape(CLOSERS)))
_WORD_BEFORE = re.compile(r"([\w.'’-]*\w)\.?$")
# a unit or a scale after a number: "400 м", "11 млн т", "1990 г"
_NUMBER_BEFORE = re.compile(r"\d\s+(?:[^\W\d]+\s+)?[^\W\d]{1,4}$")
_NEXT_WORD = re.compile(r"\w+")
_ORDINAL = re.compile(r"(?:^|[\s–(/-])\d{1,3}$")
_ERA_FIRST = frozenset("v n a d н".split())
_ERA_SECOND = re.compile(r"(?:Chr|C|э|е)\.")
_ERA_END = re.compile(r"(?:\bн\.\s?[эе]|\b[vn]\.\s?Chr|\b[ad]\.\s?C)$")
_GLUED_UNIT = re.compile(r"\d°?[^\W\d]{1,2}$")      # "120.5°C", "5km"


def sentences(text: str, start: int, end: int, language: str | None = None) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of every sentence inside ``text[start:end]``, trimmed of white space."""
    chunk = text[start:end]
    cursor = 0
    for match in _CANDIDATE.finditer(chunk):
        boundary_end, next_start = match.end(2), match.end(3)
        if next_start == match.end(2) and not (match.group(1)[-1] in _FULL_WIDTH and next_start < len(chunk)):
            continue                      # "3.5", "U.S.", "end." at the very end
        if next_start >= len(chunk):
            break
        boundary_end, next_start = _spaced_closer(chunk, boundary_end, next_start)
        if next_start >= len(chunk) or not is_boundary(chunk, cursor, match, next_start, language):
            continue
        if boundary_end > cursor:
            yield start + cursor, start + boundary_end
        cursor = next_start
    tail = chunk[cursor:].rstrip()
    if tail:
        yield start + cursor, start + cursor + len(tail)


def _spaced_closer(chunk: str, boundary_end: int, next_start: int) -> tuple[int, int]:
    """Take a closing guillemet or quote set off by a space (French: "fin. » Il") into the sentence."""
    if next_start < len(chunk) and chunk[next_start] in "»”" and (
            next_start + 1 == len(chunk) or chunk[next_start + 1].isspace()):
        after = next_start + 1
        while after < len(chunk) and chunk[after].isspace():
            after += 1
        return next_start + 1, after
    return boundary_end, next_start


def is_boundary(chunk: str, cursor: int, match: re.Match, next_start: int, language: str | None) -> bool:
    """Whether the candidate ``match`` ends a sentence, the next one starting at ``next_start``."""
    punct, closers = match.group(1), match.group(2)
    first = _first_letter(chunk, next_start)
    before = chunk[cursor:match.start(1)]
    if not any(ch.isalpha() for ch in before):
        return False                      # a list marker or a lone number: "1.) The first item"
    if first is None:
        return _symbol_start_ok(chunk, next_start) and (punct[-1] != "." or _not_abbreviated(before, language))
    kind = _kind(chunk[first])
    if punct[-1] in _FULL_WIDTH:          # a quotative particle continues: 「本当ですか？」と彼は聞いた
        return not (closers and chunk[next_start] in "とっ")
    if any(ch in "!?‼⁇⁈⁉؟！？" for ch in punct):
        return kind != "lower"
    if punct in ("…", "...") or len(punct) > 1 and set(punct) <= {".", "…"}:
        # inside a quotation an ellipsis marks words left out, not an end
        return kind in ("upper", "caseless") and not _inside_quote(before, language) and \
            _not_abbreviated(before, language)
    if kind == "digit":
        return _starts_with_digit_ok(before, language)
    word = _word(before)
    if kind == "lower":
        return not closers and _lowercase_start_ok(word, before, chunk, first)
    next_word = _NEXT_WORD.match(chunk, first)
    opener = bool(next_word) and next_word.group().lower() in lexicon.openers(language)
    return _capital_start_ok(word, before, chunk, first, language, opener)


_QUOTE_MARKS = "„“”«»"
_QUOTE_OPENERS = {"de": "„»", "ru": "„«", "uk": "„«", "pl": "„«"}


def _inside_quote(before: str, language: str | None) -> bool:
    """Whether the last quotation mark in ``before`` opens a quotation (so it is still open)."""
    for ch in reversed(before):
        if ch in _QUOTE_MARKS:
            return ch in _QUOTE_OPENERS.get(language or "", "“«„")
    return False


def _first_letter(chunk: str, pos: int) -> int | None:
    """Position of the first letter or digit from ``pos``, across opening quotes and brackets;
    None when a symbol comes first."""
    for i in range(pos, min(len(chunk), pos + 4)):
        ch = chunk[i]
        if ch.isalnum():
            return i
        if ch not in OPENING and not ch.isspace():
            return None
    return None


def _symbol_start_ok(chunk: str, pos: int) -> bool:
    """A sentence may start with a symbol ("~CGoehring", "$5", "* * *"), not with punctuation
    that continues the last one (". . .", "!)", "/ km²", "``.")."""
    for i in range(pos, min(len(chunk), pos + 4)):
        if chunk[i] not in OPENING and not chunk[i].isspace():
            return chunk[i] not in _CONTINUING
    return True                           # dashes or stars alone: a signature line, "* * *"


def _kind(ch: str) -> str:
    if ch.isdigit():
        return "digit"
    if ch.isupper() or ch.istitle():
        return "upper"
    if ch.islower():
        return "lower"
    return "caseless"


def _word(before: str) -> str:
    """The word ``before`` ends with (lower-cased, a full stop after it left out), or "".

    Read in the last ``_WORD_TAIL`` characters first: a search from every position of a long
    sentence costs time with the square of its words. Whether the pattern matches depends on
    the last two characters only, and it starts where the last run of word characters does, so
    the tail gives the same match unless the run reaches the tail's start."""
    tail = before[-_WORD_TAIL:]
    match = _WORD_BEFORE.search(tail)
    if match is not None and match.start() == 0 and len(tail) < len(before):
        match = _WORD_BEFORE.search(before)
    return match.group(1).lower() if match else ""


_WORD_TAIL = 48


def _after_number(before: str) -> bool:
    """Whether ``before`` ends in a lower-case unit or scale after a number ("400 м", "1990 г")."""
    return bool(_NUMBER_BEFORE.search(before)) and before[-1].islower() or bool(_GLUED_UNIT.search(before))


def _is_initial(word: str, before: str) -> bool:
    return len(word) == 1 and word.isalpha() and not _after_number(before)


def _is_dotted(word: str) -> bool:
    """"U.S", "z.B", "т.е", "e.g": letters joined by full stops, each part short."""
    return "." in word and all(0 < len(part) <= 3 and part.isalpha() for part in word.split("."))


def _not_abbreviated(before: str, language: str | None) -> bool:
    word = _word(before)
    return not (_is_initial(word, before) or _is_dotted(word) or word in lexicon.abbreviations(language))


def _starts_with_digit_ok(before: str, language: str | None) -> bool:
    """"… rose 5 per cent. 20 people …" ends a sentence; "No. 5", "p. 55", "ca. 3" do not."""
    word = _word(before)
    if not word:
        return True
    if word.isdigit():                    # German "5. 6." is a list or a date; a year ends a sentence
        return len(word) == 4 or language not in ("de", None)
    return not (len(word) == 1 or _is_dotted(word) or word in lexicon.ALL_ABBREVIATIONS)


def _lowercase_start_ok(word: str, before: str, chunk: str, first: int) -> bool:
    """A plain full stop before a lower-case word ends a sentence after a real word of 3+ letters."""
    if len(word) < 3 or not word.isalpha() or word in lexicon.ALL_ABBREVIATIONS:
        return False
    next_word = _NEXT_WORD.match(chunk, first)
    return bool(next_word) and next_word.group().isalpha() and len(next_word.group()) > 1


def _capital_start_ok(word: str, before: str, chunk: str, first: int, language: str | None,
                      opener: bool) -> bool:
    if word in _ERA_FIRST and _ERA_SECOND.match(chunk, first):
        return False                      # "512 v. Chr.", "1000 a. C.", "988 н. э."
    if _ERA_END.search(before):
        return True                       # "… 1600 г. до н. э. Ханаанский город …"
    if word in lexicon.SENTENCE_FINAL:
        return True
    if _after_number(before):             # "… 400 м. Однако …", "в 1990 г. Он …", "493 av. J.-C."
        return opener or word not in lexicon.abbreviations(language)
    if word in lexicon.titles(language):
        return False
    if _is_initial(word, before):         # a one-letter opener is one more initial: "J. A. Smith"
        return opener and len(_NEXT_WORD.match(chunk, first).group()) > 1
    if _is_dotted(word) or word in lexicon.abbreviations(language):
        return opener
    if language in ("de", None) and _ORDINAL.search(before):
        next_word = _NEXT_WORD.match(chunk, first)
        if next_word and next_word.group().lower() in lexicon.MONTHS_DE:
            return False
        return opener or language is None
    return True
