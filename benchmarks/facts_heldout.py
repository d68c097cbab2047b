"""Build the held-out fact-layer gold set (benchmarks/gold/facts_heldout.jsonl).

Held out from the development set (benchmarks/facts_gold.py): the sentences come from the
MSRP *test* split and the WMT18 / WMT20 German paraphrased references, which the dev set
never used, and the edit functions are written afresh. Three kinds of item:

* ``edit:<name>`` — one deliberate change of one fact kind, labelled with that kind (plus
  "quote" when the edit falls inside quotation marks), or an equivalent rewrite labelled with
  no kind. ``allow`` lists kinds for which a severity-1 note (a spelling variant) is no error.
* ``msrp-same`` — a real MSRP test paraphrase pair whose fact-bearing tokens (digits, capitalised
  words, quoted words, negation cues, date words) are equal as multisets: no fact can have
  changed, so any report is a false alarm on real paraphrase.
* ``msrp-numbers`` — a real MSRP test paraphrase pair whose numbers differ as multisets; only
  the "number" kind is scored (``scope``), the rest of the pair is free paraphrase.

Labels follow from the construction alone; the detector is never consulted.

    .venv/bin/python benchmarks/facts_heldout.py       # data from $SYNOPSIS_DATA or ../shared/data
"""
from __future__ import annotations

import csv
import random
import re
import sys
from collections import Counter

import fact_sets  # (beside this file)
from fact_sets import DATA, ROOT

OUT = ROOT / "benchmarks" / "gold" / "facts_heldout.jsonl"
QUOTA = 7          # items per edit function and language
REAL_QUOTA = 40    # real MSRP pairs of each sort

MONTHS = "January February March April June July August September October November December".split()
MONATE = "Januar Februar März April Juni Juli August September Oktober November Dezember".split()
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
ABBR = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Okt Nov Dec Dez".split()
TAGE = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
SURNAMES = ["Brennan", "Moretti", "Halvorsen", "Nakamura", "Schneider", "Okonkwo"]
PLACES = ["Nebraska", "Lisbon", "Manila", "Ontario", "Bavaria", "Valencia"]
SPEECH_EN = r"(?:said|says|told|added|stated|announced|wrote)"
SPEECH_DE = r"(?:sagte|sagt|erklärte|betonte|schrieb|teilte)"
QUOTED = re.compile(r"“[^”]+”|„[^“”]+[“”]|\"[^\"]+\"|»[^«]+«")
NEG_EN = re.compile(r"(?i)\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot)\b|n[’']t\b")
NEG_DE = re.compile(r"(?i)\b(?:nicht|nie|niemals|nichts|niemand|weder|kein\w*)\b")
# transliterations / spellings of one name: (A side, B side)
VARIANTS = [("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Odessa", "Odesa"), ("Lugansk", "Luhansk"),
            ("Gaddafi", "Qaddafi"), ("Zelensky", "Zelenskyy"), ("Mohammed", "Muhammad")]
VARIANTS_DE = [("Kiew", "Kyjiw"), ("Charkow", "Charkiw"), ("Selenski", "Selenskyj"), ("Odessa", "Odesa")]
ANTONYMS = {"good": "bad", "great": "poor", "strong": "weak", "right": "wrong", "more": "less",
            "best": "worst", "important": "minor", "confident": "doubtful", "happy": "unhappy",
            "always": "sometimes", "everyone": "someone", "all": "some", "big": "small",
            "gut": "schlecht", "groß": "klein", "mehr": "weniger", "alle": "einige", "immer": "manchmal",
            "wichtig": "unwichtig", "neue": "alte", "viel": "wenig", "richtig": "falsch"}


# -- sentence sources ---------------------------------------------------------------------------
def msrp_rows() -> list[list[str]]:
    with (DATA / "msrp" / "msr_paraphrase_test.txt").open(encoding="utf-8-sig", newline="") as f:
        return [r for r in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:] if len(r) >= 5]


def english() -> list[tuple[str, str]]:
    seen, out = set(), []
    for r in msrp_rows():
        for sid, s in ((r[1], r[3]), (r[2], r[4])):
            if sid not in seen and 40 <= len(s) <= 300:
                seen.add(sid)
                out.append((f"msrp-test:{sid}", s))
    return out


def german() -> list[tuple[str, str]]:
    out = []
    base = DATA / "wmt19_paraphrased_refs"
    for year in ("wmt18", "wmt20"):
        path = base / year / "ende" / f"{year}-ende-wmtp.ref"
        for i, s in enumerate(path.read_text(encoding="utf-8").splitlines()):
            s = s.strip()
            if 40 <= len(s) <= 300:
                out.append((f"{year}-ende-wmtp:{i}", s))
    return out


# -- helpers -----------------------------------------------------------------------------------
def sub(s: str, start: int, end: int, new: str):
    return s[:start] + new + s[end:], start, end


def is_german(s: str) -> bool:
    return " the " not in s and bool(re.search(
        r"\b(?:und|der|die|das|ist|nicht|ein|eine|sich|von|am|im|mit|für|auf|dem|den|des|wurde|wird)\b", s))


def in_quote(s: str, pos: int) -> bool:
    return any(q.start() <= pos < q.end() for q in QUOTED.finditer(s))


def near_date(s: str, start: int, end: int) -> bool:
    around = s[max(0, start - 14):end + 14]
    return bool(re.search(r"(?:" + "|".join(MONTHS + MONATE + ABBR + ["May", "Mai", "Uhr", "Jahr"]) + r")\b", around)) \
        or ":" in s[max(0, start - 1):end + 1] or bool(re.fullmatch(r"(?:1[89]|20)\d\d", s[start:end]))


def is_speaker(s: str, start: int, end: int) -> bool:
    """A name that may be the source of a statement: near a speech verb or 'according to'."""
    after, before = s[end:end + 70], s[max(0, start - 30):start]
    return bool(re.search(r"\b(?:" + SPEECH_EN + "|" + SPEECH_DE + r"|zufolge)\b", after)
                or re.search(r"(?:" + SPEECH_EN + "|" + SPEECH_DE + r"|according to|laut)\s+(?:\w+\s+)?\Z", before))


NUMBER = re.compile(r"(?<![\w.,:/$€£-])\d+(?:[.,]\d+)*(?![\w:/]|[.,]\d)")


def numbers_outside_dates(s: str) -> list[re.Match[str]]:
    return [m for m in NUMBER.finditer(s) if not near_date(s, m.start(), m.end())]


# -- changes of one kind -----------------------------------------------------------------------
def number_value(s, rng):
    ms = numbers_outside_dates(s)
    if not ms:
        return None
    m = rng.choice(ms)
    digits = m.group()
    last = next(i for i in range(len(digits) - 1, -1, -1) if digits[i].isdigit())
    return sub(s, m.start(), m.end(), digits[:last] + str((int(digits[last]) + rng.choice([2, 5, 7])) % 10) + digits[last + 1:])


def number_scale(s, rng):
    for old, new in (("million", "billion"), ("billion", "million"), ("Millionen", "Milliarden"),
                     ("Milliarden", "Millionen"), ("Millionen", "Billionen")):
        m = re.search(r"(?<=\d )" + old + r"\b", s)
        if m:
            return sub(s, m.start(), m.end(), new)
    return None


def number_word(s, rng):
    words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    wörter = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"]
    for table in (words, wörter):
        m = re.search(r"\b(" + "|".join(table) + r")\b(?= [a-zA-ZäöüÄÖÜ]{3,})", s, re.I)
        if m:
            w = m.group()
            new = rng.choice([x for x in table if x != w.lower()])
            return sub(s, m.start(), m.end(), new.capitalize() if w[0].isupper() else new)
    return None


def number_unit(s, rng):
    m = re.search(r"(?<=\d) (?:percent|per cent|Prozent)\b|(?<=\d)%", s)
    if not m:
        return None
    new = " Prozentpunkte" if "Prozent" in m.group() else " percentage points"
    return sub(s, m.start(), m.end(), new)


def date_day(s, rng):
    m = re.search(r"\b(" + "|".join(MONTHS + ["May"]) + r")\.? ([1-9]|[12]\d)\b(?!:)", s) or \
        re.search(r"\b([1-9]|[12]\d)\. (" + "|".join(MONATE + ["Mai"]) + r")\b", s)
    if not m:
        return None
    g = 2 if m.group(1)[0].isalpha() else 1
    day = int(m.group(g))
    return sub(s, m.start(g), m.end(g), str(day + 1 if day < 28 else day - 3))


def date_weekday(s, rng):
    for names in (DAYS, TAGE):
        m = re.search(r"\b(" + "|".join(names) + r")\b", s)
        if m:
            return sub(s, m.start(), m.end(), rng.choice([d for d in names if d != m.group()]))
    return None


def date_month(s, rng):
    for names in (MONTHS, MONATE):
        m = re.search(r"\b(" + "|".join(names) + r")\b", s)
        if m:
            return sub(s, m.start(), m.end(), rng.choice([d for d in names if d != m.group()]))
    return None


def date_year(s, rng):
    m = re.search(r"(?<![\w$€£.,])(?:19[6-9]\d|20[0-2]\d)(?![\w%]|[.,]\d)", s)
    if not m:
        return None
    return sub(s, m.start(), m.end(), str(int(m.group()) + rng.choice([-3, -1, 2])))


def date_relative(s, rng):
    for old, new in (("yesterday", "today"), ("today", "tomorrow"), ("last week", "next week"),
                     ("gestern", "heute"), ("heute", "morgen"), ("letzte Woche", "nächste Woche")):
        m = re.search(r"\b" + old + r"\b", s)
        if m:
            return sub(s, m.start(), m.end(), new)
    return None


PERSON = re.compile(r"(?<=[a-zäöü,] )([A-Z][a-zäöü]+) ([A-Z][a-zäöü]{3,})\b(?![ -][A-Z])")


def name_person(s, rng):
    ms = [m for m in PERSON.finditer(s) if not is_speaker(s, m.start(), m.end())
          and m.group(1) not in MONTHS + MONATE + DAYS + TAGE]
    if not ms:
        return None
    m = rng.choice(ms)
    return sub(s, m.start(2), m.end(2), rng.choice([n for n in SURNAMES if n != m.group(2)]))


PLACE_SLOT = re.compile(r"\b(?:in|to|from|nach|aus) ([A-Z][a-zäöü]{3,})(?=[ .,])")


def name_place(s, rng):
    if is_german(s):  # German nouns are capitalised: "nach Angaben" is no place
        return None
    ms = [m for m in PLACE_SLOT.finditer(s)
          if not re.match(r" [A-Z]", s[m.end(1):]) and not is_speaker(s, m.start(1), m.end(1))
          and m.group(1) not in MONTHS + MONATE + DAYS + TAGE]
    if not ms:
        return None
    m = rng.choice(ms)
    return sub(s, m.start(1), m.end(1), rng.choice([p for p in PLACES if p != m.group(1)]))


def speaker_swap(s, rng):
    ms = list(re.finditer(r"\b([A-Z][a-zäöü]{2,})(?=,? (?:" + SPEECH_EN + "|" + SPEECH_DE + r")\b)", s))
    ms += list(re.finditer(r"(?<=according to )(?:[A-Z]\w+ )*([A-Z][a-z]{2,})\b", s))
    ms += list(re.finditer(r"\b" + SPEECH_DE + r" (?:[A-Z]\w+ )*([A-Z][a-zäöü]{2,})\b", s))
    # apposition: "Smith, a spokesman for the agency, said"
    ms += list(re.finditer(r"\b([A-Z][a-z]{2,})(?=, (?:the |an? )?[a-z][^,]{3,60}, " + SPEECH_EN + r"\b)", s))
    ms = [m for m in ms if m.group(1) not in ("He", "She", "They", "The", "Er", "Sie", "It", "We", "But")
          + tuple(DAYS + TAGE + MONTHS + MONATE) and not in_quote(s, m.start(1))
          and not re.search(r"\b(?:the|der|die|das|des|dem)\s+(?:[A-Z]\w+\s+)*\Z", s[:m.start(1)], re.I)]
    if not ms:
        return None
    m = rng.choice(ms)
    return sub(s, m.start(1), m.end(1), rng.choice([n for n in SURNAMES if n != m.group(1)]))


def speaker_drop(s, rng):
    m = re.search(r",? according to (?:the )?(?:[A-Z][\w.'-]*\s?)+(?=[.,;]?$)", s) or \
        re.search(r", (?:[A-Z][\w.'-]+ )+" + SPEECH_EN + r"(?=\.$)", s) or \
        re.search(r", " + SPEECH_EN + r" (?:[A-Z][\w.'-]+ ?)+(?=\.$)", s) or \
        re.search(r", " + SPEECH_DE + r" (?:[A-Z][\w.'-]+ ?)+(?=\.$)", s)
    if not m or in_quote(s, m.start()):
        return None
    return sub(s, m.start(), m.end(), "")


def quote_word(s, rng):
    for q in QUOTED.finditer(s):
        words = [w for w in re.finditer(r"[A-Za-zÄÖÜäöüß]{2,}", q.group()) if w.group().lower() in ANTONYMS]
        if words:
            w = rng.choice(words)
            new = ANTONYMS[w.group().lower()]
            new = new.capitalize() if w.group()[0].isupper() else new
            return sub(s, q.start() + w.start(), q.start() + w.end(), new)
    return None


def quote_insert(s, rng):
    for q in QUOTED.finditer(s):
        words = list(re.finditer(r"\b[a-zäöü]{4,}\b", q.group()))
        if len(words) >= 3:
            w = rng.choice(words[1:])
            extra = "sehr " if re.search(r"[äöüß]|\b(?:und|der|die|das|ist)\b", q.group()) else "certainly "
            pos = q.start() + w.start()
            return s[:pos] + extra + s[pos:], pos, pos
    return None


def quote_unquote(s, rng):
    m = re.search(r"\"([^\"]{25,})\"|„([^“”]{25,})[“”]", s)
    if not m:
        return None
    inner = m.group(1) or m.group(2)
    return sub(s, m.start(), m.end(), inner)


def negation_add(s, rng):
    m = re.search(r"\b(?:is|was|are|were|will|would|can|has|have|had|should)\b(?= (?!not\b|never\b|no\b)[a-z]{3,})", s)
    if m:
        return s[:m.end()] + rng.choice([" not", " never"]) + s[m.end():], m.start(), m.end()
    m = re.search(r"\b(?:ist|war|wird|wurde|sind|waren|hat|haben)\b(?= (?!nicht\b|kein)[a-zäöü]{3,})", s)
    if m:
        return s[:m.end()] + " nicht" + s[m.end():], m.start(), m.end()
    return None


def negation_remove(s, rng):
    m = re.search(r" (?:not|never|nicht)\b", s)
    if m and len(NEG_EN.findall(s)) + len(NEG_DE.findall(s)) == 1:
        return sub(s, m.start(), m.end(), "")
    m = re.search(r"\bkein(?=e?[nmrs]?\b)", s)
    if m and len(NEG_DE.findall(s)) == 1:
        return sub(s, m.start(), m.end(), "ein")
    return None


def hedge_add(s, rng):
    m = re.search(r"\bwill(?= [a-z]{3,})", s)
    if m:
        return sub(s, m.start(), m.end(), rng.choice(["may", "might"]))
    m = re.search(r"\bwird(?= )", s)
    if m:
        return sub(s, m.start(), m.end(), "könnte")
    m = re.search(r"(?<=[a-z] )(?:was|were|has|have)\b(?= [a-z]{3,}ed\b)", s)
    if m:
        return sub(s, m.start(), m.end(), m.group() + " reportedly")
    return None


# -- equivalent rewrites -----------------------------------------------------------------------
def same_unit(s, rng):
    options = [(r"(\d) ?percent\b", r"\1%"), (r"(\d)%", r"\1 percent"), (r"(\d) percent\b", r"\1 per cent"),
               (r"(\d) Prozent\b", r"\1 %"), (r"(\d) Milliarden\b", r"\1 Mrd."), (r"(\d) Millionen\b", r"\1 Mio."),
               (r"(\d+(?:,\d+)?) (Milliarden|Millionen|Mrd\.|Mio\.)? ?Euro\b", r"€\1 \2"),
               (r"(\d+(?:,\d+)?) Euro\b", r"\1 €"), (r"\$(\d+(?:\.\d+)?) (million|billion)\b", r"\1 \2 dollars"),
               (r"(\d+(?:\.\d+)?) (million|billion) euros?\b", r"€\1 \2"),
               (r"\$(\d+(?:\.\d+)?) (million|billion)\b", r"$\1\2"),
               (r"(\d+(?:\.\d+)?) million\b", r"\1m"), (r"(\d+(?:\.\d+)?) billion\b", r"\1bn")]
    for pattern, repl in rng.sample(options, len(options)):
        m = re.search(pattern, s)
        if m:
            return sub(s, m.start(), m.end(), re.sub(r"\s+", " ", m.expand(repl)).replace(" ", " ").strip())
    return None


ZAHLWÖRTER = {"2": "zwei", "3": "drei", "4": "vier", "5": "fünf", "6": "sechs", "7": "sieben", "8": "acht", "9": "neun"}
DIGIT_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"}


def same_number_word(s, rng):
    if is_german(s):
        m = re.search(r"(?<![\w.,$€£-])([2-9])(?= (?!Prozent|Millionen|Milliarden)[A-Za-zäöü]{3,})", s)
        if m and not near_date(s, m.start(), m.end()):
            return sub(s, m.start(), m.end(), ZAHLWÖRTER[m.group()])
        return None
    m = re.search(r"(?<![\w.,$€£-])([2-9])(?= (?!percent|per\b|million|billion)[a-z]{3,})", s)
    if m and not near_date(s, m.start(), m.end()):
        return sub(s, m.start(), m.end(), DIGIT_WORDS[m.group()])
    rev = {v: k for k, v in DIGIT_WORDS.items()}
    m = re.search(r"\b(" + "|".join(rev) + r")\b(?= [a-z]{3,})", s)
    if m:
        return sub(s, m.start(), m.end(), rev[m.group()])
    return None


def same_date(s, rng):
    m = re.search(r"\b(" + "|".join(MONTHS) + r") ([1-9]|[12]\d|3[01])\b(?!,? \d|[-–:])", s)
    if m:
        return sub(s, m.start(), m.end(), f"{m.group(2)} {m.group(1)}")
    m = re.search(r"\b([1-9]|[12]\d|3[01])\. (" + "|".join(MONATE + ["Mai"]) + r") (20\d\d)\b", s)
    if m:
        month = (MONATE + ["Mai"]).index(m.group(2))
        month = [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 5][month]
        return sub(s, m.start(), m.end(), f"{int(m.group(1)):02d}.{month:02d}.{m.group(3)}")
    m = re.search(r"\b(September|October|November|December|January|February|August)\b(?= \d)", s)
    if m:
        return sub(s, m.start(), m.end(), m.group()[:3] + ".")
    m = re.search(r"\bon (" + "|".join(DAYS) + r")\b", s)
    if m:
        return sub(s, m.start(), m.end(), m.group(1))
    return None


def same_quote_style(s, rng):
    m = re.search(r"\"([^\"]+)\"", s)
    if m:
        return sub(s, m.start(), m.end(), rng.choice([f"“{m.group(1)}”", f"‘{m.group(1)}’"]))
    m = re.search(r"„([^“”]+)[“”]", s)
    if m:
        return sub(s, m.start(), m.end(), rng.choice([f"»{m.group(1)}«", f"\"{m.group(1)}\""]))
    return None


def same_variant(s, rng):
    """Put a name in a place slot on both sides, spelt one way in A and another in B."""
    german_text = is_german(s)
    m = PLACE_SLOT.search(s)
    if not m or re.match(r" [A-Z]", s[m.end(1):]) or is_speaker(s, m.start(1), m.end(1)):
        return None
    a, b = rng.choice(VARIANTS_DE if german_text else VARIANTS)
    start = m.start(1)
    base = s[:start] + a + s[m.end(1):]
    return (base[:start] + b + base[start + len(a):], start, start + len(a), base)


def same_contraction(s, rng):
    for pattern, repl in ((r"\bdid not\b", "didn't"), (r"\bdoes not\b", "doesn't"), (r"\bis not\b", "isn't"),
                          (r"\bdo not\b", "don't"), (r"\bwas not\b", "wasn't"), (r"\bwill not\b", "won't"),
                          (r"\b(\w+)n't\b", r"\1 not")):
        m = re.search(pattern, s)
        if m:
            new = m.expand(repl)
            new = {"ca not": "cannot", "wo not": "will not"}.get(new, new)
            return sub(s, m.start(), m.end(), new)
    return None


def same_order(s, rng):
    """'X said on Tuesday that ...' reordered: ', X said.' at the end moved to the front."""
    m = re.match(r"^(.{20,}?), ((?:[A-Z][\w.'-]+ )+)(said|says)\.$", s)
    if m and not QUOTED.search(s):
        body = m.group(1)
        return f"{m.group(2)}{m.group(3)} {body[0].lower() + body[1:]}.", 0, len(s)
    return None


CHANGES = [("number", number_value), ("number", number_scale), ("number", number_word), ("number", number_unit),
           ("date", date_day), ("date", date_weekday), ("date", date_month), ("date", date_year),
           ("date", date_relative), ("name", name_person), ("name", name_place),
           ("attribution", speaker_swap), ("attribution", speaker_drop),
           ("quote", quote_word), ("quote", quote_insert), ("quote", quote_unquote),
           ("negation", negation_add), ("negation", negation_remove), ("negation", hedge_add)]
SAME = [same_unit, same_number_word, same_date, same_quote_style, same_variant, same_contraction, same_order]


def edited_items(rng: random.Random) -> list[dict]:
    return fact_sets.edited_items(
        {"en": english(), "de": german()}, [(k, f) for k, f in CHANGES] + [(None, f) for f in SAME], QUOTA, rng,
        in_quote, unquoted_kinds=("quote", "attribution"),
        extra=lambda fn: {"allow": ["name"]} if fn is same_variant else {})


# -- real MSRP paraphrase pairs ----------------------------------------------------------------
DATE_WORDS = re.compile(r"(?i)(?:" + "|".join(MONTHS + DAYS + ["May", "yesterday", "today", "tomorrow", "tonight"])
                        + r")|\b(?:last|next|this|earlier|later)\s+(?:week|month|year|weekend|morning|evening|night)\b")
NUMBER_WORDS = re.compile(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                          r"forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|quarter|third)s?\b")


def fact_tokens(s: str) -> Counter:
    """Every token a fact could hang on: digits, capitalised words, quoted text, cues, date words."""
    words = re.findall(r"[\w'.-]+", s)
    caps = [w.strip(".'") for i, w in enumerate(words) if w[0].isupper() and i > 0]
    quoted = [" ".join(q.group().lower().split()) for q in QUOTED.finditer(s)]
    cues = [w.lower() for w in NEG_EN.findall(s)]
    hedges = re.findall(r"\b(?:may|might|could|reportedly|allegedly|probably|likely)\b", s)
    return Counter(re.findall(r"\d+(?:[.,]\d+)*", s) + caps + quoted + cues + hedges
                   + DATE_WORDS.findall(s) + [w.lower() for w in NUMBER_WORDS.findall(s)])


def real_pairs(rng: random.Random) -> list[dict]:
    rows = [r for r in msrp_rows() if r[0] == "1"]
    rng.shuffle(rows)
    same, numbers = [], []
    for r in rows:
        a, b = r[3], r[4]
        if a == b:
            continue
        ta, tb = fact_tokens(a), fact_tokens(b)
        first_a, first_b = a.split()[0], b.split()[0]
        if ta == tb and first_a == first_b and len(same) < REAL_QUOTA:
            same.append({"source": f"msrp-test:{r[1]}/{r[2]}", "edit": "msrp-same", "a": a, "b": b, "kinds": []})
            continue
        na = Counter(m.group().replace(",", "") for m in NUMBER.finditer(a) if not near_date(a, m.start(), m.end()))
        nb = Counter(m.group().replace(",", "") for m in NUMBER.finditer(b) if not near_date(b, m.start(), m.end()))
        # numbers spelt as words or fractions could make a digit difference an equal quantity
        plain = not (NUMBER_WORDS.search(a) or NUMBER_WORDS.search(b) or "/" in a + b or "%" in a + b
                     or re.search(r"(?i)percent|cents?\b", a + b))
        if plain and na != nb and len(numbers) < REAL_QUOTA:
            numbers.append({"source": f"msrp-test:{r[1]}/{r[2]}", "edit": "msrp-numbers", "a": a, "b": b,
                            "kinds": ["number"], "scope": ["number"]})
    return same + numbers


def build(seed: int = 2024) -> list[dict]:
    rng = random.Random(seed)
    items = edited_items(rng) + real_pairs(rng)
    for n, item in enumerate(items):
        item["id"] = f"held-{n:03d}"
    return [{"id": i["id"], **{k: v for k, v in i.items() if k != "id"}} for i in items]


def main() -> int:
    return fact_sets.write(build() if DATA.exists() else [], OUT, "facts_heldout")


if __name__ == "__main__":
    sys.exit(main())
