"""Build the blind fact-layer gold set (benchmarks/gold/facts_blind.jsonl).

Blind: built after the detector's last change and scored once, with no change to the detector
after that run (the score is reported as it came; see benchmarks/results/facts_history.md).
The sentences are ones neither the development nor the held-out set drew on: MSRP *train*
rows after the first 600 (the development set used the first 600), lines 1,000 and after of
the paraphrased official WMT19 German reference (``wmt19-ende-wmtp.ref``), and the German side
of the Text+Berg alpine-yearbook corpus (a domain no set used; its tokenised text is joined
back at punctuation). The edit functions below were written afresh for this set.

* ``edit:<name>`` — one deliberate change, labelled with its kind (plus "quote" when it falls
  inside quotation marks), or an equivalent rewrite labelled with no kind.
* ``msrp-same`` — a real MSRP train paraphrase pair whose fact-bearing tokens are equal as
  multisets: any report is a false alarm on real paraphrase.
* ``wmt-numbers-same`` — line i of two independent German translations of one English sentence
  (WMT19 AR and the paraphrased official reference) whose figures, each with the word after
  it, are equal as multisets; only the "number" kind is scored (``scope``).

Labels follow from the construction alone; the detector is never consulted.

    .venv/bin/python benchmarks/facts_blind.py        # data from $SYNOPSIS_DATA or ../shared/data
    .venv/bin/python benchmarks/facts_blind.py --second     # the second blind set (facts_blind2.jsonl)
    .venv/bin/python benchmarks/facts_blind.py --third      # the third blind set (facts_blind3.jsonl)
"""
from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections import Counter

import fact_sets  # (beside this file)
from fact_sets import DATA, ROOT

OUT = ROOT / "benchmarks" / "gold" / "facts_blind.jsonl"
OUT2 = ROOT / "benchmarks" / "gold" / "facts_blind2.jsonl"     # (--second)
OUT3 = ROOT / "benchmarks" / "gold" / "facts_blind3.jsonl"     # (--third)
QUOTA = 8          # items per edit function and language
REAL_QUOTA = 30    # real pairs of each sort

MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
DAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
DAYS_DE = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
OTHER_SURNAMES = ["Lindqvist", "Abernathy", "Castellano", "Obradovic", "Fairweather", "Takahashi", "Wojcik"]
# Words that open a sentence or stand before a name without being one.
NOT_NAMES = set("""The A An He She It They We I You This That These Those His Her Its Their Our But And Or
    In On At For From With By Of To As After Before When While If Mr Mrs Ms Dr Der Die Das Den Dem Des Ein
    Eine Einen Einem Einer Er Sie Es Wir Ich Im Am Auf Aus Bei Mit Nach Von Vor Zu Zum Zur Für Über Unter
    Und Aber Oder Wenn Als Wie Auch Doch Laut Nun Dann""".split())
SPEECH = r"(?:said|says|told|added|stated|announced|explained|sagte|sagt|erklärte|betonte|meinte|fügte)"
QUOTES = re.compile(r"“[^“”]+”|„[^„“”]+[“”]|\"[^\"]+\"|»[^»«]+«")
NEGATION = re.compile(r"(?i)\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|nicht|nie|niemals|nichts|"
                      r"niemand|weder|kein\w*)\b|n[’']t\b")
NUMBER_WORD = re.compile(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                         r"forty|fifty|hundred|thousand|dozen|half|quarter|eins|zwei|drei|vier|fünf|sechs|sieben|"
                         r"acht|neun|zehn|zwölf|zwanzig|hundert|tausend|hälfte|viertel|dutzend)\b")


# -- sentence sources ------------------------------------------------------------------------
def _msrp_train_rows() -> list[list[str]]:
    with (DATA / "msrp" / "msr_paraphrase_train.txt").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    return [r for r in rows[600:] if len(r) >= 5]


def english() -> list[tuple[str, str]]:
    out, seen = [], set()
    for r in _msrp_train_rows():
        for sid, s in ((r[1], r[3]), (r[2], r[4])):
            if sid not in seen and 40 <= len(s) <= 300:
                seen.add(sid)
                out.append((f"msrp-train:{sid}", s))
    return out


def _detokenise(line: str) -> str:
    s = re.sub(r" ([,.;:!?)])", r"\1", line.strip())
    s = re.sub(r"\( ", "(", s)
    return s


def german() -> list[tuple[str, str]]:
    out = []
    wmtp = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende" / "wmt19-ende-wmtp.ref"
    for i, s in enumerate(wmtp.read_text(encoding="utf-8").splitlines()):
        if i >= 1000 and 40 <= len(s.strip()) <= 300:
            out.append((f"wmt19-ende-wmtp:{i}", s.strip()))
    for path in sorted((DATA / "text_berg_bleualign").glob("*.de")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            s = _detokenise(line)
            # whole sentences only (the OCR'd yearbooks break some lines mid-sentence)
            if 40 <= len(s) <= 300 and s[0].isupper() and s[-1] in ".!?" and "■" not in s:
                out.append((f"text+berg:{path.stem}:{i}", s))
    return out


# -- helpers -----------------------------------------------------------------------------------
def replace(s: str, start: int, end: int, new: str):
    return s[:start] + new + s[end:], start, end


def english_text(s: str) -> bool:
    return bool(re.search(r"\b(?:the|and|of)\b", s))


def quoted_at(s: str, pos: int) -> bool:
    return any(q.start() <= pos < q.end() for q in QUOTES.finditer(s))


def date_nearby(s: str, start: int, end: int) -> bool:
    """A figure that may belong to a date or time: a month or weekday close by, a clock, a year."""
    window = s[max(0, start - 15):end + 15]
    words = MONTHS_EN + MONTHS_DE + DAYS_EN + DAYS_DE + ["Uhr", "Jahr", "Jahre", "Jahren", "year", "years",
                                                         "a.m", "p.m", "am", "pm"]
    return (bool(re.search(r"\b(?:" + "|".join(words) + r")\b", window)) or ":" in s[max(0, start - 1):end + 1]
            or bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", s[start:end])) or s[end:end + 1] == "."
            and s[end + 1:end + 2].isdigit())


FIGURE = re.compile(r"(?<![\w.,:/$€£-])\d+(?:[.,]\d+)*(?![\w:/-]|[.,]\d)")


def figures(s: str) -> list[re.Match[str]]:
    return [m for m in FIGURE.finditer(s) if not date_nearby(s, m.start(), m.end())]


def speaker_near(s: str, start: int, end: int) -> bool:
    return bool(re.search(SPEECH + r"|according|zufolge|laut", s[max(0, start - 40):end + 60]))


def person_runs(s: str) -> list[re.Match[str]]:
    """Two capitalised words in a row, not opening the sentence, not after an article."""
    out = []
    for m in re.finditer(r"(?<=[a-zäöüß,] )([A-Z][a-zäöüé]{2,}) ([A-Z][a-zäöüé]{2,})(?![\w-])", s):
        before = s[:m.start()].split()
        if m.group(1) in NOT_NAMES or m.group(2) in NOT_NAMES:
            continue
        if before and before[-1].lower() in {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer",
                                            "einem", "einen", "the", "a", "an", "im", "am", "zum", "zur", "vom"}:
            continue
        if m.group(1) in MONTHS_EN + MONTHS_DE + DAYS_EN + DAYS_DE or m.group(2) in MONTHS_EN + MONTHS_DE + DAYS_EN + DAYS_DE:
            continue
        out.append(m)
    return out


# -- changes of one kind -----------------------------------------------------------------------
def figure_digit(s, rng):
    """One digit of a figure outside dates changed (never the leading one to zero)."""
    ms = figures(s)
    if not ms:
        return None
    m = rng.choice(ms)
    digits = [i for i, c in enumerate(m.group()) if c.isdigit()]
    i = rng.choice(digits)
    old = m.group()[i]
    new = str((int(old) + rng.choice([1, 2, 5])) % 10)
    if i == digits[0] and new == "0":
        new = "9" if old != "9" else "8"
    pos = m.start() + i
    return replace(s, pos, pos + 1, new)


def figure_scale(s, rng):
    table = {"million": "billion", "billion": "million", "Millionen": "Milliarden", "Milliarden": "Millionen",
             "Million": "Milliarde", "Milliarde": "Million", "thousand": "million", "Tausend": "Millionen"}
    m = re.search(r"(?<=\d )(" + "|".join(table) + r")\b", s)
    if not m:
        return None
    return replace(s, m.start(), m.end(), table[m.group()])


def figure_dropped(s, rng):
    """A figure and the word after it taken out: "fell 4 percent in May" -> "fell in May"."""
    ms = [m for m in figures(s) if s[m.start() - 1:m.start()] == " "]
    if not ms:
        return None
    m = rng.choice(ms)
    tail = re.match(r"(?: ?(?:%|percent|per cent|Prozent|million|billion|Millionen|Milliarden|Euro|euros|"
                    r"dollars|Dollar|Meter|m|km))?", s[m.end():])
    return replace(s, m.start() - 1, m.end() + tail.end(), "")


def date_day(s, rng):
    months = "|".join(MONTHS_EN + MONTHS_DE)
    m = re.search(r"\b([1-9]|1\d|2[0-7])(\.)? (?:" + months + r")\b", s) or \
        re.search(r"\b(?:" + "|".join(MONTHS_EN) + r") ([1-9]|1\d|2[0-7])\b(?!:)", s)
    if not m:
        return None
    day = int(m.group(1))
    return replace(s, m.start(1), m.end(1), str(day + rng.choice([1, 2, -1 if day > 1 else 3])))


def date_weekday(s, rng):
    for days in (DAYS_EN, DAYS_DE):
        ms = list(re.finditer(r"\b(?:" + "|".join(days) + r")\b", s))
        if ms:
            m = rng.choice(ms)
            return replace(s, m.start(), m.end(), rng.choice([d for d in days if d != m.group()]))
    return None


def date_year(s, rng):
    ms = [m for m in re.finditer(r"(?<![\w.,$€£-])(?:19[0-9]\d|20[0-2]\d)(?![\w%.,-])", s)
          if not re.match(r" ?(?:%|Prozent|percent|Meter|m\b|km|Euro|euros|dollars|Dollar)", s[m.end():])]
    if not ms:
        return None
    m = rng.choice(ms)
    return replace(s, m.start(), m.end(), str(int(m.group()) + rng.choice([-3, -1, 1, 2])))


def date_weekday_dropped(s, rng):
    m = re.search(r" (?:on|am) (?:" + "|".join(DAYS_EN + DAYS_DE) + r")\b", s)
    if not m:
        return None
    return replace(s, m.start(), m.end(), "")


def name_surname(s, rng):
    """The surname of a two-word name that is no speaker swapped for another."""
    runs = [m for m in person_runs(s) if not speaker_near(s, m.start(), m.end())]
    if not runs:
        return None
    m = rng.choice(runs)
    new = rng.choice([n for n in OTHER_SURNAMES if n not in s])
    return replace(s, m.start(2), m.end(2), new)


def name_typo(s, rng):
    """Two inner letters of a long capitalised word of a two-word name swapped (a misspelling)."""
    runs = person_runs(s)
    if not runs:
        return None
    m = rng.choice(runs)
    g = 2 if len(m.group(2)) >= 5 else 1
    word = m.group(g)
    if len(word) < 5:
        return None
    i = rng.randrange(1, len(word) - 2)
    if word[i] == word[i + 1]:
        return None
    typo = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return replace(s, m.start(g), m.end(g), typo)


def speaker_changed(s, rng):
    m = re.search(r"(?<![\w-])([A-Z][a-zäöüé]{2,})(?=,? " + SPEECH + r"\b)", s) or \
        re.search(r"\b" + SPEECH + r" ([A-Z][a-zäöüé]{2,})(?![\w-])", s) or \
        re.search(r"(?<=according to )([A-Z][a-zäöüé]{2,})(?![\w-])", s)
    if not m or m.group(1) in NOT_NAMES or m.group(1) in MONTHS_EN + MONTHS_DE + DAYS_EN + DAYS_DE:
        return None
    new = rng.choice([n for n in OTHER_SURNAMES if n not in s])
    return replace(s, m.start(1), m.end(1), new)


def quote_word_dropped(s, rng):
    quotes = [q for q in QUOTES.finditer(s) if len(q.group().split()) >= 4]
    if not quotes:
        return None
    q = rng.choice(quotes)
    words = list(re.finditer(r" [a-zäöüß]{4,}(?=[ ,])", q.group()))
    if not words:
        return None
    w = rng.choice(words)
    return replace(s, q.start() + w.start(), q.start() + w.end(), "")


def negation_inserted(s, rng):
    m = re.search(r"\b(?:is|are|was|were|will|can|could|would|should|did|does)\b(?= (?!not\b|never\b|no\b)[a-z]{3,})", s)
    word = " not"
    if not m:
        m = re.search(r"\b(?:ist|sind|war|waren|wird|werden|kann|können|hat|haben)\b"
                      r"(?= (?!nicht\b|kein|nie\b)[a-zäöüß]{3,})", s)
        word = " nicht"
    if not m:
        return None
    return s[:m.end()] + word + s[m.end():], m.start(), m.end()


def negation_dropped(s, rng):
    if len(NEGATION.findall(s)) != 1:
        return None
    m = re.search(r" (?:not|never|nicht|nie)\b", s)
    return replace(s, m.start(), m.end(), "") if m else None


def hedge_will(s, rng):
    m = re.search(r"\bwill(?= [a-z]{3,})", s)
    if m and english_text(s):        # (German "will" is "wants")
        return replace(s, m.start(), m.end(), rng.choice(["might", "may"]))
    m = re.search(r"(?<!\bzu )\bwird(?= )", s)       # the future "wird" (not "zu werden")
    if m:
        return replace(s, m.start(), m.end(), "könnte")
    return None


# -- equivalent rewrites -----------------------------------------------------------------------
def same_percent(s, rng):
    m = re.search(r"(?<=\d) ?(?:percent|per cent)\b", s)
    if m:
        return replace(s, m.start(), m.end(), "%")
    m = re.search(r"(?<=\d) Prozent\b", s)
    if m:
        return replace(s, m.start(), m.end(), rng.choice([" %", "%"]))
    m = re.search(r"(?<=\d)%", s)
    if m:
        return replace(s, m.start(), m.end(), " percent" if english_text(s) else " Prozent")
    return None


def same_grouping(s, rng):
    m = re.search(r"(?<![\d.,])(\d{1,3}),(\d{3})(?![\d,]|\.\d)", s)
    if m and english_text(s):
        return replace(s, m.start(), m.end(), m.group(1) + m.group(2))
    m = re.search(r"(?<![\d.,])(\d{1,3})\.(\d{3})(?![\d.]|,\d)", s)
    if m and not english_text(s):
        return replace(s, m.start(), m.end(), m.group(1) + m.group(2))
    return None


def same_scale_short(s, rng):
    table = {"million": "m", "billion": "bn", "Millionen": "Mio.", "Milliarden": "Mrd."}
    m = re.search(r"(?<=\d) (million|billion|Millionen|Milliarden)\b", s)
    if not m:
        return None
    short = table[m.group(1)]
    return replace(s, m.start(), m.end(), short if short in ("m", "bn") else " " + short)


def same_date_order(s, rng):
    months = "|".join(MONTHS_EN)
    m = re.search(r"\b(" + months + r") ([1-9]|[12]\d|3[01]), (\d{4})\b", s)
    if m:
        return replace(s, m.start(), m.end(), f"{m.group(2)} {m.group(1)} {m.group(3)}")
    m = re.search(r"\b(" + months + r") ([1-9]|[12]\d|3[01])\b(?!,? \d)", s)
    if m:
        return replace(s, m.start(), m.end(), f"{m.group(2)} {m.group(1)}")
    return None


def same_quote_marks(s, rng):
    q = QUOTES.search(s)
    if not q:
        return None
    inner = q.group()[1:-1]
    new = {"“": "\"{}\"", "\"": "“{}”", "„": "»{}«", "»": "„{}“"}[q.group()[0]].format(inner)
    return replace(s, q.start(), q.end(), new)


def same_plain_word(s, rng):
    """A word that carries no checkable fact swapped for a synonym, outside quotes."""
    table = {"large": "big", "big": "large", "quickly": "rapidly", "often": "frequently", "begin": "start",
             "buy": "purchase", "help": "assist", "sehr": "äußerst", "bereits": "schon", "schon": "bereits",
             "jedoch": "allerdings", "häufig": "oft", "oft": "häufig", "beginnen": "anfangen"}
    ms = [m for m in re.finditer(r"\b(?:" + "|".join(table) + r")\b", s) if not quoted_at(s, m.start())]
    if not ms:
        return None
    m = rng.choice(ms)
    return replace(s, m.start(), m.end(), table[m.group()])


def same_small_number(s, rng):
    words = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
    ms = [m for m in re.finditer(r"\b(?:" + "|".join(words) + r")\b", s) if not quoted_at(s, m.start())]
    if not ms:
        return None
    m = rng.choice(ms)
    return replace(s, m.start(), m.end(), words[m.group()])


CHANGES = [("number", figure_digit), ("number", figure_scale), ("number", figure_dropped),
           ("date", date_day), ("date", date_weekday), ("date", date_year), ("date", date_weekday_dropped),
           ("name", name_surname), ("name", name_typo), ("attribution", speaker_changed),
           ("quote", quote_word_dropped), ("negation", negation_inserted), ("negation", negation_dropped),
           ("negation", hedge_will)]
SAME = [same_percent, same_grouping, same_scale_short, same_date_order, same_quote_marks, same_plain_word,
        same_small_number]


def edited_items(rng: random.Random, used: frozenset[str] = frozenset()) -> list[dict]:
    pools = {"en": [x for x in english() if x[0] not in used], "de": [x for x in german() if x[0] not in used]}
    return fact_sets.edited_items(pools, [(k, f) for k, f in CHANGES] + [(None, f) for f in SAME], QUOTA, rng,
                                  quoted_at)


# -- real pairs --------------------------------------------------------------------------------
def fact_bearing(s: str) -> Counter:
    """Every token a fact could hang on: figures, capitalised words after the first, quoted text,
    negation and hedge words, number words."""
    words = re.findall(r"[\w'’.-]+", s)
    caps = [w.strip(".'’") for w in words[1:] if w[0].isupper()]
    quoted = [" ".join(q.group()[1:-1].lower().split()) for q in QUOTES.finditer(s)]
    cues = [w.lower() for w in NEGATION.findall(s)]
    hedges = re.findall(r"\b(?:may|might|could|reportedly|allegedly|probably|likely|possibly)\b", s)
    return Counter(re.findall(r"\d+(?:[.,]\d+)*", s) + caps + quoted + cues + hedges
                   + [w.lower() for w in NUMBER_WORD.findall(s)])


def figures_with_words(s: str) -> Counter:
    return Counter(m.group().lower() for m in re.finditer(r"\d+(?:[.,]\d+)*(?:\s*\S+)?", s))


def real_pairs(rng: random.Random, used: frozenset[str] = frozenset()) -> list[dict]:
    rows = [r for r in _msrp_train_rows() if r[0] == "1" and r[3] != r[4] and f"msrp-train:{r[1]}/{r[2]}" not in used]
    rng.shuffle(rows)
    same = [{"source": f"msrp-train:{r[1]}/{r[2]}", "edit": "msrp-same", "a": r[3], "b": r[4], "kinds": []}
            for r in rows if fact_bearing(r[3]) == fact_bearing(r[4]) and r[3].split()[0] == r[4].split()[0]]
    ende = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    ar = (ende / "wmt19-ende-ar.ref").read_text(encoding="utf-8").splitlines()
    wmtp = (ende / "wmt19-ende-wmtp.ref").read_text(encoding="utf-8").splitlines()
    numbers = []
    for i, (a, b) in enumerate(zip(ar, wmtp)):
        if i < 1000 or a == b or NUMBER_WORD.search(a + " " + b) or f"wmt19-ende-ar/wmtp:{i}" in used:
            continue
        fa, fb = figures_with_words(a), figures_with_words(b)
        if fa and fa == fb:
            numbers.append({"source": f"wmt19-ende-ar/wmtp:{i}", "edit": "wmt-numbers-same", "a": a.strip(),
                            "b": b.strip(), "kinds": [], "scope": ["number"]})
    rng.shuffle(numbers)
    return same[:REAL_QUOTA] + numbers[:REAL_QUOTA]


def build(seed: int = 1124, used: frozenset[str] = frozenset(), prefix: str = "blind") -> list[dict]:
    rng = random.Random(seed)
    items = edited_items(rng, used) + real_pairs(rng, used)
    return [{"id": f"{prefix}-{n:03d}", **item} for n, item in enumerate(items)]


def used_sources(built_after: tuple = ()) -> frozenset[str]:
    """The sources (sentences, sentence pairs) of every fact gold set but ``built_after`` (the
    set being built and any built later): a new blind set draws on none of them."""
    items = [json.loads(line) for path in sorted((ROOT / "benchmarks" / "gold").glob("facts_*.jsonl"))
             if path not in built_after for line in path.read_text(encoding="utf-8").splitlines() if line]
    return frozenset(item["source"] for item in items if "source" in item)


def main() -> int:
    if "--second" in sys.argv:
        # The second blind set: the same edit functions and real-pair sorts, other sentences
        # (none that an earlier set drew on) and another seed; built and scored once, after the
        # fixes the first blind set led to.
        return fact_sets.write(build(2611, used_sources((OUT2, OUT3)), "blind2") if DATA.exists() else [],
                               OUT2, "facts_blind")
    if "--third" in sys.argv:
        # The third: the same again on sentences none of the four earlier sets drew on, built
        # after the fixes the second one led to and scored once.
        return fact_sets.write(build(2411, used_sources((OUT3,)), "blind3") if DATA.exists() else [],
                               OUT3, "facts_blind")
    return fact_sets.write(build() if DATA.exists() else [], OUT, "facts_blind")


if __name__ == "__main__":
    sys.exit(main())
