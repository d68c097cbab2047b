"""The cross-language fact sets: a sentence and its translation, faithful or with one planted change.

Pairs, each a real sentence (side A) and a translation of it (side B):

* ``benchmarks/gold/facts_translations.jsonl``: English news sentences (the seed articles, the
  MSRP test split) with Russian, Ukrainian and (some) Spanish translations, and German sentences
  (the WMT19 ``ar`` reference, itself a human translation of English news) with English
  translations; the translations were written for this set, as faithfully as a newsroom would
  (names transliterated, figures and dates in each language's own way, each language's quote
  marks). The sources are read from the seeds and from ``../shared/data`` (``SYNOPSIS_DATA``).
* Text+Berg (``../shared/data/text_berg_bleualign``): German and French sentences that the gold
  alignment links one to one, real published translations of each other, with at least one
  figure. Their translators did not aim at the same facts, so only what can be checked without a
  label is scored there: a faithful pair (its digit strings the same on both sides) on numbers
  and dates, a planted change on its own kind and on numbers and dates.

Every pair gives a faithful item (no fact kind changed) and one item per planted change that
applies to its translation: a figure (a digit or a number word), a date (day, month, weekday,
year), a person's name, the speaker of a statement, a quotation (its marks dropped, or its
second half cut), a negation added or taken away, a hedge added ("якобы", "reportedly"). Each
item is labelled with the kind its edit changes, from the construction alone; the detector is
never consulted. A severity-1 fact (a note: a transliteration, a rounding) is no change in
either direction (``allow``): a translation written differently must at most be noted.

The held-out part (``split: heldout``): the 40 % of the translated sentences with the smallest
SHA-1 of their id, fixed before the detector was first run on any of them, and the Text+Berg
``test*`` files; the rest (and Text+Berg ``dev``) is the development part the detector was
tuned on.

    .venv/bin/python benchmarks/facts_crosslang.py      # prints the counts of each part (run_facts.py scores them)
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from fact_sets import DATA, ROOT  # (beside this file)

TRANSLATIONS = ROOT / "benchmarks" / "gold" / "facts_translations.jsonl"
# later held-out parts, each of other sentences translated after the previous part's run
LATER_PARTS = {"heldout2": ROOT / "benchmarks" / "gold" / "facts_translations_heldout2.jsonl",
               "heldout3": ROOT / "benchmarks" / "gold" / "facts_translations_heldout3.jsonl"}
KINDS = ("number", "date", "name", "quote", "attribution", "negation")
HELD_OUT_SHARE = 0.4

# -- word tables of the edits (the generator's own, written apart from the detector's) ----------

MONTHS = {
    "en": [["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"]],
    "ru": [["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
            "декабрь"],
           ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
            "декабря"],
           ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре",
            "декабре"]],
    "uk": [["січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень",
            "листопад", "грудень"],
           ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
            "листопада", "грудня"],
           ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні", "вересні", "жовтні",
            "листопаді", "грудні"]],
    "es": [["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"]],
    "fr": [["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"]],
    "de": [["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
            "November", "Dezember"]],
}
# (the dative, "к июню": not an edit's form, but a month a cut quotation may lose)
MONTHS_DATIVE = {
    "ru": [["январю", "февралю", "марту", "апрелю", "маю", "июню", "июлю", "августу", "сентябрю", "октябрю", "ноябрю",
            "декабрю"]],
    "uk": [["січню", "лютому", "березню", "квітню", "травню", "червню", "липню", "серпню", "вересню", "жовтню",
            "листопаду", "грудню"]],
}
WEEKDAYS = {
    "en": [["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]],
    "ru": [["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
           ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
           ["понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья"]],
    "uk": [["понеділок", "вівторок", "середу", "четвер", "п'ятницю", "суботу", "неділю"],
           ["понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя"],
           ["понеділка", "вівторка", "середи", "четверга", "п'ятниці", "суботи", "неділі"]],
    "es": [["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]],
    "fr": [["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]],
    "de": [["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]],
}
NUMBER_WORDS = {
    "en": ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
    "ru": ["пять", "шесть", "семь", "восемь", "девять", "десять"],
    "uk": ["п'ять", "шість", "сім", "вісім", "дев'ять", "десять"],
    "es": ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
    "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"],
    "de": ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"],
}
SURNAMES = {"ru": ["Петренко", "Бондаренко", "Ткаченко", "Коваленко"], "uk": ["Петренко", "Бондаренко", "Ткаченко", "Коваленко"],
            "es": ["Hartley", "Lindqvist", "Moretti"], "en": ["Hartley", "Lindqvist", "Moretti"],
            "fr": ["Hartley", "Lindqvist", "Moretti"], "de": ["Hartley", "Lindqvist", "Moretti"]}
SPEECH = {
    "en": r"said|says|told|added|stated|announced|wrote|explained|noted",
    "ru": r"сказал[аи]?|заявил[аи]?|сообщил[аи]?|отметил[аи]?|добавил[аи]?|подчеркнул[аи]?|подтвердил[аи]?|говорится",
    "uk": r"сказав|сказала|сказали|заявив|заявила|заявили|повідомив|повідомила|повідомили|зазначив|зазначила|додав|"
          r"додала|наголосив|підтвердили|ідеться|йдеться",
    "es": r"dijo|afirmó|declaró|señaló|añadió|explicó|informó|confirmó",
    "fr": r"a déclaré|a dit|a affirmé|a ajouté|a expliqué|a précisé",
    "de": r"sagte|sagt|erklärte|schrieb|betonte|fügte|teilte|berichtete",
}
LETTER = {"en": "A-Za-z", "ru": "А-Яа-яЁё", "uk": "А-Яа-яІіЇїЄєҐґ'", "es": "A-Za-zÁÉÍÓÚÑáéíóúñü", "fr": "A-Za-zÀ-ÿ",
          "de": "A-Za-zÄÖÜäöüßğ"}
UPPER = {"en": "A-Z", "ru": "А-ЯЁ", "uk": "А-ЯІЇЄҐ", "es": "A-ZÁÉÍÓÚÑ", "fr": "A-ZÀ-Ý", "de": "A-ZÄÖÜ"}
NEGATIONS = {
    "en": r"\b(?:not|never|no|nobody|nothing|none|neither|nor|cannot)\b|n't\b",
    "ru": r"\b(?:не|нет|ни|никогда|никто|ничего|никакого|никакой|никаких)\b",
    "uk": r"\b(?:не|немає|ні|ніколи|ніхто|нічого|жодного|жодної|жодних)\b",
    "es": r"\b(?:no|nunca|nada|nadie|ni|ningún|ninguna|ninguno|tampoco)\b",
    "fr": r"\b(?:ne|n'|pas|jamais|rien|personne|aucun|aucune|ni)\b",
    "de": r"\b(?:nicht|nie|niemals|nichts|niemand|weder|kein\w*)\b",
}
# verbs before which a negation or a hedge can stand (finite forms in the translations' tenses)
VERB = {
    "en": r"\b(?:is|are|was|were|will|would|can|could|has|have|had|should)\b(?= (?!not\b|never\b)[a-z]{3,})",
    "ru": r"(?<![А-Яа-яЁё])(?<!\d )(?!(?:сигнал|канал|генерал|материал|капитал|финал|интервал)\b)"
          r"[а-яё]{3,}(?:ал|ял|ил|ел|ёл|ул)(?:а|и|о)?(?![А-Яа-яЁё])",
    "uk": r"(?<![А-Яа-яІіЇїЄєҐґ'])(?<!\d )[а-яіїєґ']{3,}(?:ав|ив|ів|ала|ила|іла|али|или|іли|ало|ило)(?![А-Яа-яІіЇїЄєҐґ'])",
    "es": r"\b(?:es|son|fue|fueron|era|eran|ha|han|había|será|serán|sería|podría|está|están|tiene|tienen|dijo|puede|"
          r"pueden|continúan|controlan|vendió|pasó)\b",
    "fr": r"(?<!n' )(?<!l' )(?<!-)\b(?:est|sont|était|étaient|avait|avaient|peut|peuvent|fut|sera)\b",
    # (German: an auxiliary or modal, "nicht" and a hedge go after it)
    "de": r"\b(?:ist|sind|war|waren|wird|werden|würde|würden|hat|haben|hatte|kann|können|bin)\b"
          r"(?= (?!nicht\b|ich\b|er\b|sie\b|es\b|wir\b|ihr\b)[a-zäöü])",
}
NOT_WORD = {"en": "not", "ru": "не", "uk": "не", "es": "no", "de": "nicht"}
_GERMAN_NEGATION = r"\b(?:nicht|nie|niemals|nichts|niemand|weder|kein\w*|es sei denn)\b"
HEDGE = {"en": "reportedly", "ru": "якобы", "uk": "нібито", "es": "supuestamente", "de": "angeblich"}
QUOTES = re.compile(r"«([^«»]+)»|“([^“”]+)”|„([^„“”]+)[“”]|\"([^\"]+)\"")


# a unit after a year-like number makes it a figure ("2000 Meter", "1998 m")
_UNIT_AFTER = re.compile(r"\s?(?:m|km|Meter\w*|mètres?|metres?|meters?|м|км|метр\w*|Fuß|feet|ft|%|Prozent)\b")


def _sub(s: str, start: int, end: int, new: str) -> str:
    return s[:start] + new + s[end:]


def _near_date(s: str, start: int, end: int, language: str) -> bool:
    """Whether a digit run is part of a date, a year or a clock time."""
    around = s[max(0, start - 16):end + 16].lower()
    months = [m.lower() for form in MONTHS.get(language, []) + MONTHS["en"] for m in form]
    return (bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", s[start:end])) and not _UNIT_AFTER.match(s, end) or any(m in around for m in months)
            or ":" in s[max(0, start - 1):end + 1] or bool(re.match(r"\s?h(?:\.|eures?\b|\s\d)", s[end:end + 7]))
            or bool(re.search(r"\bh\.?\s?$", s[max(0, start - 4):start])) or bool(re.match(r"\s?Uhr\b", s[end:end + 5])) or bool(re.search(r"\b(?:года?|году|року|рік|р\.|г\.)", s[end:end + 8]))
            or bool(re.search(r"\d[.–-]\d*$", s[max(0, start - 4):start])) and bool(re.search(r"(?i)march|марта|березня|marzo", around)))


# -- the planted changes: each takes (B, language, rng) and returns the new B or None --------------

def number_digit(s, lang, rng):
    ms = [m for m in re.finditer(r"(?<![\d.,:])\d+(?![\d:])", s) if not _near_date(s, m.start(), m.end(), lang)]
    if not ms:
        return None
    m = rng.choice(ms)
    digits = m.group()
    new = digits[:-1] + str((int(digits[-1]) + rng.choice([2, 3, 5])) % 10)
    return _sub(s, m.start(), m.end(), new)


def number_word(s, lang, rng):
    words = NUMBER_WORDS.get(lang, [])
    ms = list(re.finditer(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])", s, re.I)) if words else []
    if not ms:
        return None
    m = rng.choice(ms)
    new = rng.choice([w for w in words if w != m.group().lower()])
    return _sub(s, m.start(), m.end(), new.capitalize() if m.group()[0].isupper() else new)


def date_day(s, lang, rng):
    months = "|".join(m for form in MONTHS.get(lang, []) for m in form)
    m = re.search(r"(?<![\d.])([1-9]|[12]\d)(?:\.)?(?= (?:de )?(?:" + months + r")\b)", s, re.I) or \
        (re.search(r"\b(?:" + months + r")\.? ([1-9]|[12]\d)\b(?!:)", s) if lang == "en" else None)
    if not m:
        return None
    day = int(m.group(1))
    return _sub(s, m.start(1), m.end(1), str(day + 1 if day < 27 else day - 3))


def _replace_form(s, tables, rng):
    for form in tables:
        ms = list(re.finditer(r"(?<![\w'])(" + "|".join(sorted(form, key=len, reverse=True)) + r")(?![\w'])", s, re.I))
        if ms:
            m = rng.choice(ms)
            i = [w.lower() for w in form].index(m.group().lower())
            j = rng.choice([k for k in range(len(form)) if form[k].lower() != form[i].lower()])
            new = form[j].capitalize() if m.group()[0].isupper() else form[j]
            out = _sub(s, m.start(), m.end(), new)
            if s[max(0, m.start() - 3):m.start()] in ("Во ", "во ") and not new.lower().startswith("в"):
                out = out[:m.start() - 2] + " " + out[m.start():]      # "во вторник", "в понедельник"
                out = out[:m.start() - 3] + s[m.start() - 3] + out[m.start() - 2:]
            return out
    return None


def date_month(s, lang, rng):
    return _replace_form(s, MONTHS.get(lang, []), rng)


def date_weekday(s, lang, rng):
    return _replace_form(s, WEEKDAYS.get(lang, []), rng)


def date_year(s, lang, rng):
    ms = [m for m in re.finditer(r"(?<![\d.,$€£-])(?:19[5-9]\d|20[0-3]\d)(?![\d%])", s) if not _UNIT_AFTER.match(s, m.end())]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub(s, m.start(), m.end(), str(int(m.group()) + rng.choice([-2, -1, 1, 2])))


# First names, as the translations write them (a word opening with one, in any case form, is one)
FIRST_NAMES = tuple(
    "steve стив стів rustem рустем vladimir владимир володимир jared джаред olga ольга emmanuel эммануэль "
    "емманюель mark марк kirill кирилл кирило volodymyr robert роберт wayne уэйн вейн daniel дэниел деніел "
    "sally салли саллі kris крис кріс antonio антонио антоніо donald дональд asmar асмар marcos маркос lucy "
    "люси люсі andrii андрей андрій yuri юрий юрій joan michael risa narcis gjose dyteon kanye wayde murphy "
    "lauren ben emmanuel xi эммануэл эмманюэл еммануел dmitr дмитр serge сергей сергій ignazio иньяцио іньяціо "
    "feridun феридун ферідун peter петер ursula урсула fernand фернан nelson".split())


def _persons(s, lang):
    """A first name (``FIRST_NAMES``) and a surname, not opening the sentence nor in a quotation."""
    up, low = UPPER[lang], LETTER[lang]
    return [m for m in re.finditer(f"(?<=[{low},] )([{up}][{low}]+) ([{up}][{low}]{{3,}})(?![{low}-])(?! [{up}])", s)
            if not re.search(r"[«“„\"]", s[:m.start()].split("»")[-1].split("”")[-1])
            and m.group(1).lower().startswith(FIRST_NAMES)]


def _speaker_near(s, start, end, lang):
    verbs = SPEECH[lang]
    return bool(re.search(r"^,? (?:" + verbs + r")\b", s[end:]) or re.search(r"(?:" + verbs + r")\s[^.;!?]{0,80}$", s[:start]))


def name_person(s, lang, rng):
    ms = [m for m in _persons(s, lang) if not _speaker_near(s, m.start(), m.end(), lang)]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub(s, m.start(2), m.end(2), rng.choice(SURNAMES[lang]))


def speaker(s, lang, rng):
    """The speaker's surname replaced: a name right before a speech verb ("Путин сказал"), or
    a person's name (a first name, then the surname) closing the clause after one ("— сказал
    помощник … Юрий Ушаков", "dijo la embajadora Olga Stefanishyna")."""
    up, low = UPPER[lang], LETTER[lang]
    verbs = SPEECH[lang]
    calendar = {w.lower() for table in (MONTHS, WEEKDAYS) for forms in table.values() for form in forms for w in form}
    pronouns = ("He", "She", "They", "The", "It", "We", "Он", "Она", "Они", "Він", "Вона")
    spans = [m.span(1) for m in re.finditer(f"(?<![{low}])([{up}][{low}]{{2,}})(?= (?:{verbs})(?![{low}]))", s)
             if m.group(1) not in pronouns and m.group(1).lower() not in calendar]
    spans += [m.span(2) for m in re.finditer(f"(?:{verbs}) (?:[{low}.,-]+ ){{0,8}}?([{up}][{low}]+) ([{up}][{low}]{{2,}})"
                                             f"(?=[,.]|$)", s) if m.group(1).lower().startswith(FIRST_NAMES)
              and not re.search(r"(?i)(?:^|\s)(?:о|об|про|about)\s", s[m.start():m.start(1)])]
    if lang == "de":
        spans += [m.span(1) for m in re.finditer(f"(?:{verbs}) ([{up}][{low}]{{2,}})(?=[ ,.:])", s)
                  if m.group(1) not in ("Der", "Die", "Das", "Er", "Sie", "Es", "Wir", "Ich")]
    spans = [(a, b) for a, b in spans if not QUOTES.search(s[max(0, a - 1):a])]
    if not spans:
        return None
    start, end = rng.choice(spans)
    return _sub(s, start, end, rng.choice(SURNAMES[lang]))


def quote_unquoted(s, lang, rng):
    ms = [m for m in QUOTES.finditer(s) if len(next(g for g in m.groups() if g).split()) >= 3]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub(s, m.start(), m.end(), next(g for g in m.groups() if g))


def quote_cut(s, lang, rng):
    """The second half of a quotation's words dropped; a figure or a negation among them is a
    change of that kind too (see ``also_changed``)."""
    ms = [m for m in QUOTES.finditer(s) if len(next(g for g in m.groups() if g).split()) >= 4]
    if not ms:
        return None
    m = rng.choice(ms)
    group = next(i for i, g in enumerate(m.groups(), 1) if g)
    words = m.group(group).split()
    kept = " ".join(words[:len(words) // 2]).rstrip(",;:")
    return _sub(s, m.start(group), m.end(group), kept)


def also_changed(old: str, new: str, lang: str) -> set[str]:
    """The kinds of the words an edit removed besides its own: a figure (digits or a number
    word), a negation or a date (a month or a weekday) among the words of ``old`` that ``new``
    no longer has."""
    gone = Counter(re.findall(r"[\w'’]+", old.lower())) - Counter(re.findall(r"[\w'’]+", new.lower()))
    words = {w for w in gone}
    kinds = set()
    numbers = {w.lower() for table in NUMBER_WORDS.values() for w in table} | set(
        "one two двое двоє dos deux одна один".split())
    if any(w.isdigit() or w in numbers for w in words):
        kinds.add("number")
    if any(re.fullmatch(NEGATIONS[lang], w) for w in words if lang in NEGATIONS):
        kinds.add("negation")
    calendar = {w.lower() for table in (MONTHS, WEEKDAYS, MONTHS_DATIVE) for form in table.get(lang, []) for w in form}
    if words & calendar:
        kinds.add("date")
    return kinds


def negation_added(s, lang, rng):
    if lang not in NOT_WORD:
        return None
    ms = list(re.finditer(VERB[lang], s))
    if lang != "en":
        ms = [m for m in ms if not re.search(NEGATIONS[lang] + r"\s*$", s[:m.start()])]
    if not ms:
        return None
    m = rng.choice(ms)
    if lang in ("en", "de"):
        return s[:m.end()] + " " + NOT_WORD[lang] + s[m.end():]
    return s[:m.start()] + NOT_WORD[lang] + " " + s[m.start():]


def negation_removed(s, lang, rng):
    found = list(re.finditer(NEGATIONS[lang], s, re.I))
    if len(found) != 1:
        return None
    m = found[0]
    if lang == "fr":
        pair = re.search(r"\bn(?:e |' )(\S+) pas\b", s)
        return _sub(s, pair.start(), pair.end(), pair.group(1)) if pair else None
    if m.group().lower() not in ("не", "no", "not", "n't", "nicht"):
        return None
    if m.group() == "n't":
        return None
    end = m.end() + 1 if s[m.end():m.end() + 1] == " " else m.end()
    start = m.start() - 1 if lang in ("en", "de") and s[m.start() - 1:m.start()] == " " else m.start()
    return _sub(s, start, end if lang not in ("en", "de") else m.end(), "")


def negation_added_fr(s, lang, rng):
    if lang != "fr":
        return None
    ms = list(re.finditer(VERB["fr"], s))
    if not ms:
        return None
    m = rng.choice(ms)
    word, start = m.group(), m.start()
    if s[max(0, start - 3):start] in ("se ", "s' "):          # "ne se sont pas", not "se ne sont pas"
        start, word = start - 3, s[start - 3:start] + word
    return _sub(s, start, m.end(), ("n' " if word[0] in "aeéiou" else "ne ") + word + " pas")


def hedge_added(s, lang, rng):
    if lang not in HEDGE:
        return None
    if lang == "en":
        m = re.search(r"(?<=[a-z] )(said|claimed|announced|confirmed|has|was|were)\b", s)
    else:
        ms = list(re.finditer(VERB[lang], s))
        m = ms[0] if ms else None
    if not m or re.search(r"(?i)\b(?:якобы|нібито|supuestamente|reportedly|возможно|можливо|angeblich|"
                          r"\w*wahrscheinlich|möglicherweise)\b", s):
        return None
    if lang == "de":
        return s[:m.end()] + " " + HEDGE[lang] + s[m.end():]
    return s[:m.start()] + HEDGE[lang] + " " + s[m.start():]


CHANGES = [("number", number_digit), ("number", number_word), ("date", date_day), ("date", date_month),
           ("date", date_weekday), ("date", date_year), ("name", name_person), ("attribution", speaker),
           ("quote", quote_unquoted), ("quote", quote_cut), ("negation", negation_added), ("negation", negation_removed),
           ("negation", negation_added_fr), ("negation", hedge_added)]


# -- the pairs --------------------------------------------------------------------------------

def _source_text(item: dict) -> str:
    if "text" in item:
        return item["text"]
    path, _, key = item["source"].partition("#")
    if path.startswith("msrp/"):
        with (DATA / path).open(encoding="utf-8-sig", newline="") as f:
            for row in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
                for sid, text in ((row[1], row[3]), (row[2], row[4])):
                    if sid == key:
                        return text
        raise KeyError(item["source"])
    return (DATA / path).read_text(encoding="utf-8").splitlines()[int(key)].strip()


def _held_out_ids(items: list[dict]) -> set[str]:
    """The ids of the held-out sentences: the share with the smallest SHA-1 of their id."""
    ranked = sorted(items, key=lambda i: hashlib.sha1(i["id"].encode()).hexdigest())
    return {i["id"] for i in ranked[:round(HELD_OUT_SHARE * len(ranked))]}


def _items_of_pair(base: dict, b: str, lang: str, rng: random.Random, scope_extra: tuple[str, ...] | None,
                   skip: tuple = ()) -> list[dict]:
    """The faithful item of a pair and one item per planted change that applies to its B side.
    ``scope_extra``: for a real pair whose translator's choices are not labelled, the kinds
    scored besides the planted one (None: every kind)."""
    allow = list(KINDS)
    faithful = {**base, "edit": "faithful", "b": b, "kinds": [], "allow": allow}
    if scope_extra is not None:
        faithful["scope"] = list(scope_extra)
    out = [faithful]
    for kind, fn in CHANGES:
        if fn in skip:
            continue
        new = fn(b, lang, rng)
        if new is None or new == b:
            continue
        kinds = {kind} | (also_changed(b, new, lang) if fn is quote_cut else set())
        item = {**base, "edit": fn.__name__, "b": new, "kinds": sorted(kinds), "allow": allow}
        if scope_extra is not None:
            item["scope"] = sorted({kind, *scope_extra})
        out.append(item)
    return out


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def translated_items(part: str | None = None) -> list[dict]:
    """The items of the translations (``part``: of that later held-out part)."""
    items = _read(LATER_PARTS[part] if part else TRANSLATIONS)
    held_out = _held_out_ids(items)
    out = []
    for item in items:
        a = _source_text(item)
        split = part or ("heldout" if item["id"] in held_out else "dev")
        for lang, b in sorted(item["translations"].items()):
            rng = random.Random(f"{item['id']}/{lang}")
            base = {"sentence": item["id"], "source": item["source"], "pair": f"{item['original']}-{lang}",
                    "languages": [item["original"], lang],
                    "split": split, "a": a}
            out += _items_of_pair(base, b, lang, rng, None)
    return out


def text_berg_items() -> list[dict]:
    """German-French sentences linked one to one by the Text+Berg gold alignment, with a figure."""
    folder = DATA / "text_berg_bleualign"
    out = []
    for name in ["dev"] + [f"test{i}" for i in range(7)]:
        de = (folder / f"{name}.de").read_text(encoding="utf-8").splitlines()
        fr = (folder / f"{name}.fr").read_text(encoding="utf-8").splitlines()
        for line in (folder / f"{name}.defr").read_text(encoding="utf-8").splitlines():
            m = re.match(r"\[(.*?)\]:\[(.*?)\]", line)
            left = [int(x) for x in m.group(1).split(",") if x.strip()]
            right = [int(x) for x in m.group(2).split(",") if x.strip()]
            if len(left) != 1 or len(right) != 1:
                continue
            a, b = de[left[0]].strip(), fr[right[0]].strip()
            digits_a, digits_b = Counter(re.findall(r"\d+", a)), Counter(re.findall(r"\d+", b))
            if not digits_a or digits_a != digits_b or len(a) > 400:
                continue
            rng = random.Random(f"{name}/{left[0]}")
            base = {"sentence": f"text-berg-{name}-{left[0]}", "source": f"text_berg_bleualign/{name}#{left[0]}:{right[0]}",
                    "pair": "de-fr",
                    "languages": ["de", "fr"], "split": "dev" if name == "dev" else "heldout", "a": a}
            # the translators' own negations are not labelled: a negation is planted only where
            # neither side has one, and none is taken away
            negated = re.search(NEGATIONS["fr"], b, re.I) or re.search(_GERMAN_NEGATION, a, re.I)
            skip = (negation_removed, negation_added_fr) if negated else (negation_removed,)
            out += _items_of_pair(base, b, "fr", rng, ("number", "date"), skip)
    return out


def build() -> list[dict]:
    items = translated_items() + text_berg_items()
    for part, path in LATER_PARTS.items():
        if path.exists():
            items += translated_items(part)
    return [{"id": f"cross-{n:04d}", **item} for n, item in enumerate(items)]


def main() -> int:
    if not DATA.exists():
        print(f"facts_crosslang: data folder not found: {DATA} (set SYNOPSIS_DATA)", file=sys.stderr)
        return 2
    items = build()
    for split in ("dev", "heldout", *LATER_PARTS):
        part = [i for i in items if i["split"] == split]
        print(split, len(part), dict(Counter(i["pair"] for i in part)), dict(Counter(k for i in part for k in i["kinds"] or ["(none)"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
