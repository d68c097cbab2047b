"""Build the generated part of the fact-layer gold set (benchmarks/gold/facts_generated.jsonl).

Real sentences (the seed articles, MSRP news sentences, WMT19 German references) get one
deliberate edit each: a change of one fact kind, labelled with that kind, or an equivalent
rewrite (same facts written differently), labelled with no kind. An edit that falls inside a
quotation also changes the quote, so "quote" is added to its label. The labels follow from
the construction alone; the detector is never consulted. Hand-written tricky cases live in
benchmarks/gold/facts_hand.jsonl.

    .venv/bin/python benchmarks/facts_gold.py          # data from $SYNOPSIS_DATA or ../shared/data
"""
from __future__ import annotations

import csv
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "benchmarks" / "gold" / "facts_generated.jsonl"
PER_TRANSFORM = 12

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WOCHENTAGE = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
MONTHS = "January February March April June July August September October November December".split()
MONATE = "Januar Februar März April Juni Juli August September Oktober November Dezember".split()
OTHER_PEOPLE = ["Maria Hoffmann", "Daniel Okafor", "Helen Marchetti", "Pavel Dronov"]
OTHER_SPEAKERS = ["Peskov", "Hartley", "Okafor", "Lindqvist"]
SYNONYMS = {"important": "significant", "began": "started", "big": "large", "help": "assist",
            "show": "indicate", "buy": "purchase", "quickly": "rapidly", "said": "stated",
            "wichtig": "bedeutend", "groß": "riesig", "schnell": "rasch", "begann": "startete",
            "problem": "issue", "talks": "negotiations", "plan": "proposal", "war": "conflict",
            "agreement": "deal", "company": "firm", "rose": "climbed", "fell": "dropped"}
QUOTE_SWAPS = {"key": "main", "question": "issue", "good": "fine", "war": "conflict", "time": "hours",
               "peace": "calm", "progress": "advance", "clear": "obvious", "real": "true",
               "people": "folks", "very": "really", "never": "rarely", "now": "today"}
# negation / hedging words: dropping one from a quote would change two kinds at once
CUES = set("not never no nicht kein keine may might could likely probably reportedly allegedly".split())
SPEECH = r"(?:said|says|told|added|claimed|sagte|erklärte)"
QUOTED = re.compile(r"“[^”]+”|„[^“”]+[“”]|\"[^\"]+\"|«[^»]+»|‚[^‘]+‘|,[A-ZÄÖÜ][^’]*’")


# -- sentence sources -----------------------------------------------------------------------
def seed_sentences() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "desktop"))
    from synopsis.core.ingest import load
    from synopsis.core.segment import segment
    import dataclasses
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = dataclasses.replace(load(path), language="en")
        for seg in segment(doc):
            s = doc.text[seg.start:seg.end].strip()
            if 40 <= len(s) <= 400:
                out.append((f"seed:{path.stem}:{seg.id}", s))
    return out


def msrp_sentences(limit: int = 600) -> list[tuple[str, str]]:
    path = DATA / "msrp" / "msr_paraphrase_train.txt"
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:limit + 1]
    return [(f"msrp:{r[1]}", r[3]) for r in rows if len(r) >= 5]


def wmt_sentences(limit: int = 600) -> list[tuple[str, str]]:
    path = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende" / "wmt19-ende-ar.ref"
    lines = path.read_text(encoding="utf-8").splitlines()[:limit]
    return [(f"wmt19-ende-ar:{i}", s.strip()) for i, s in enumerate(lines) if 30 <= len(s) <= 400]


# -- edits: each returns (new sentence, start, end of the edited region in the old one) or None --
def _sub_at(s: str, m: re.Match[str], new: str, group: int = 0):
    return s[:m.start(group)] + new + s[m.end(group):], m.start(group), m.end(group)


def change_number(s, rng):
    ms = [m for m in re.finditer(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w]|[.,]\d)", s)
          if not re.fullmatch(r"(?:19|20)\d\d", m.group()) and not _in_date(s, m)]
    if not ms:
        return None
    m = rng.choice(ms)
    digits = m.group()
    new = str(int(re.sub(r"\D", "", digits)) + rng.choice([3, 7, 12])) if digits.isdigit() else \
        digits[:-1] + str((int(digits[-1]) + 4) % 10)
    return _sub_at(s, m, new)


def _in_date(s: str, m: re.Match[str]) -> bool:
    around = s[max(0, m.start() - 12):m.end() + 12]
    return bool(re.search("|".join(MONTHS + MONATE + ["May", "Mai", "Uhr"]), around)) or \
        s[m.end():m.end() + 1] == ":" or s[max(0, m.start() - 1):m.start()] == ":"


def change_weekday(s, rng):
    for names in (WEEKDAYS, WOCHENTAGE):
        ms = list(re.finditer(r"\b(" + "|".join(names) + r")\b", s))
        if ms:
            m = rng.choice(ms)
            return _sub_at(s, m, rng.choice([d for d in names if d != m.group()]))
    return None


def change_month(s, rng):
    for names in (MONTHS, MONATE):
        ms = list(re.finditer(r"\b(" + "|".join(names) + r")\b", s))
        if ms:
            m = rng.choice(ms)
            return _sub_at(s, m, rng.choice([d for d in names if d != m.group()]))
    return None


def change_year(s, rng):
    ms = list(re.finditer(r"(?<![\w$€£.,])(?:19[5-9]\d|20[0-3]\d)(?![\w%]|[.,]\d)", s))
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub_at(s, m, str(int(m.group()) + rng.choice([-2, -1, 1, 3])))


TITLES = {"President", "Minister", "Secretary", "Chancellor", "General", "Chief", "Foreign", "Prime"}
PERSON = re.compile(r"(?<=[a-z,] )([A-Z][a-z]+) ([A-Z][a-z]{3,})\b(?! [A-Z])")


def _is_speaker(s: str, start: int, end: int) -> bool:
    return bool(re.match(r"\s+" + SPEECH, s[end:]) or re.search(SPEECH + r"\s+\Z|according to\s+\Z", s[:start]))


def misspell_name(s, rng):
    ms = [m for m in PERSON.finditer(s) if len(m.group(2)) >= 6]
    if not ms:
        return None
    m = rng.choice(ms)
    w = m.group(2)
    i = rng.randrange(2, len(w) - 2)
    if w[i] == w[i + 1]:
        return None
    return _sub_at(s, m, w[:i] + w[i + 1] + w[i] + w[i + 2:], 2)


def swap_person(s, rng):
    ms = [m for m in PERSON.finditer(s) if not _is_speaker(s, m.start(), m.end())
          and m.group(1) not in TITLES and not QUOTE_CONTEXT(s, m.start())]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub_at(s, m, rng.choice([p for p in OTHER_PEOPLE if p != m.group()]))


def swap_speaker(s, rng):
    ms = list(re.finditer(r"\b([A-Z][a-z]{2,})(?= " + SPEECH + r"\b)", s))
    ms = [m for m in ms if m.group(1) not in ("He", "She", "They", "It", "The", "We", "Er", "Sie")
          and m.group(1) not in WEEKDAYS + WOCHENTAGE + MONTHS
          and not QUOTE_CONTEXT(s, m.start())]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub_at(s, m, rng.choice([p for p in OTHER_SPEAKERS if p != m.group()]))


def drop_attribution(s, rng):
    m = re.search(r",? (?:according to|said|laut) (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*(?=[.,;](?:\s|$))", s) or \
        re.search(r",? (?:[A-Z][\w-]+ )+" + SPEECH + r"(?=\.$)", s)
    if not m or QUOTE_CONTEXT(s, m.start()):
        return None
    return _sub_at(s, m, "")


def reword_quote(s, rng):
    for q in QUOTED.finditer(s):
        words = list(re.finditer(r"[A-Za-zÄÖÜäöüß]{3,}", q.group()))
        cands = [w for w in words if w.group().lower() in QUOTE_SWAPS]
        if cands:
            w = rng.choice(cands)
            new = QUOTE_SWAPS[w.group().lower()]
            start = q.start() + w.start()
            return s[:start] + new + s[start + len(w.group()):], start, start + len(w.group())
        plain = [w for w in words[1:-1] if w.group().lower() not in CUES]
        if len(words) >= 4 and plain:
            w = rng.choice(plain)
            start = q.start() + w.start()
            end = q.start() + w.end()
            while end < len(s) and s[end] == " ":
                end += 1
            return s[:start] + s[end:], start, end
    return None


def add_negation(s, rng):
    ms = list(re.finditer(r"\b(is|was|are|were|will|would|can|could|has|have|had|ist|war|wird|hat)\b(?= [a-z])", s))
    if not ms:
        return None
    m = rng.choice(ms)
    word = "nicht" if m.group() in ("ist", "war", "wird", "hat") else "not"
    return s[:m.end()] + " " + word + s[m.end():], m.start(), m.end()


def remove_negation(s, rng):
    ms = list(re.finditer(r" (not|never|nicht)\b", s))
    if not ms:
        return None
    return _sub_at(s, rng.choice(ms), "")


def add_hedge(s, rng):
    m = re.search(r"\bwill (?=[a-z])", s)
    if m:
        return _sub_at(s, m, rng.choice(["may ", "might ", "could "]))
    m = re.search(r"(?<=[a-z] )(said|claimed|announced|confirmed)\b", s)
    if m:
        return _sub_at(s, m, "reportedly " + m.group())
    return None


# -- equivalent rewrites ----------------------------------------------------------------
def same_number(s, rng):
    options = [
        (r"(\d)%", r"\1 per cent"), (r"(\d) per ?cent", r"\1%"), (r"(\d) percent", r"\1%"),
        (r"(\d) Prozent", r"\1 %"), (r"(\d)bn\b", r"\1 billion"), (r"(\d) billion", r"\1bn"),
        (r"(\d) million", r"\1m"), (r"(\d)m\b", r"\1 million"), (r"\$ ?(\d+(?:\.\d+)?) million", r"\1 million dollars"),
    ]
    for pattern, repl in rng.sample(options, len(options)):
        m = re.search(pattern, s)
        if m:
            return s[:m.start()] + m.expand(repl) + s[m.end():], m.start(), m.end()
    words = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight", "9": "nine"}
    m = re.search(r"(?<![\w.,$€£])([2-9])(?= [a-z]{3,})", s) if " the " in s else None
    if m:
        return _sub_at(s, m, words[m.group()])
    rev = {v: k for k, v in words.items()}
    m = re.search(r"\b(two|three|four|five|six|seven|eight|nine)(?= [a-z]{3,})", s)
    if m:
        return _sub_at(s, m, rev[m.group()])
    return None


def same_date(s, rng):
    m = re.search(r"\b([0-3]?\d) (" + "|".join(MONTHS) + r")\b(?![-–])", s)
    if m:
        return _sub_at(s, m, f"{m.group(2)} {m.group(1)}")
    m = re.search(r"\b(" + "|".join(MONTHS) + r") ([0-3]?\d)\b(?!,? \d|[-–])", s)
    if m:
        return _sub_at(s, m, f"{m.group(2)} {m.group(1)}")
    m = re.search(r"\bon (" + "|".join(WEEKDAYS) + r")\b", s)
    if m:
        return _sub_at(s, m, m.group(1))
    return None


def same_quote(s, rng):
    m = re.search(r"“([^”]+)”", s)
    if m:
        return _sub_at(s, m, f"\"{m.group(1)}\"")
    m = re.search(r"\"([^\"]+)\"", s)
    if m:
        return _sub_at(s, m, f"“{m.group(1)}”")
    m = re.search(r"„([^“]+)“", s)
    if m:
        return _sub_at(s, m, f"»{m.group(1)}«")
    return None


def same_contraction(s, rng):
    pairs = [(r"\bis not\b", "isn't"), (r"\bdoes not\b", "doesn't"), (r"\bdid not\b", "didn't"),
             (r"\bwas not\b", "wasn't"), (r"\bisn[’']t\b", "is not"), (r"\bdon[’']t\b", "do not"),
             (r"\bcannot\b", "can not"), (r"\bwould not\b", "wouldn't"), (r"\bdo not\b", "don't"),
             (r"\bca n't\b", "cannot"), (r"\b(\w+) n't\b", r"\1 not")]
    for pattern, repl in pairs:
        m = re.search(pattern, s)
        if m:
            return s[:m.start()] + m.expand(repl) + s[m.end():], m.start(), m.end()
    return None


def same_words(s, rng):
    ms = [m for m in re.finditer(r"\b(" + "|".join(SYNONYMS) + r")\b", s) if not QUOTE_CONTEXT(s, m.start())]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub_at(s, m, SYNONYMS[m.group()])


def lower_place(s, rng):
    ms = [m for m in re.finditer(r"(?<=[a-z] )(?:in|to|from) ([A-Z][a-z]{3,})(?=[ .,])", s)
          if not re.match(r" [A-Z]", s[m.end():])]
    if not ms:
        return None
    m = rng.choice(ms)
    return _sub_at(s, m, m.group(1).lower(), 1)


def QUOTE_CONTEXT(s: str, pos: int) -> bool:
    return any(q.start() <= pos < q.end() for q in QUOTED.finditer(s))


CHANGES = [("number", change_number), ("date", change_weekday), ("date", change_month),
           ("date", change_year), ("name", misspell_name), ("name", swap_person),
           ("attribution", swap_speaker), ("attribution", drop_attribution), ("quote", reword_quote),
           ("negation", add_negation), ("negation", remove_negation), ("negation", add_hedge)]
SAME = [same_number, same_date, same_quote, same_contraction, same_words, lower_place]


def build(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    pools = {"seed": seed_sentences(), "msrp": msrp_sentences(), "wmt": wmt_sentences()}
    items: list[dict] = []
    seen: set[tuple[str, str]] = set()
    jobs = [(kind, fn) for kind, fn in CHANGES] + [(None, fn) for fn in SAME]
    for kind, fn in jobs:
        for pool_name in ("seed", "msrp", "wmt"):
            pool = pools[pool_name][:]
            rng.shuffle(pool)
            taken = 0
            quota = max(2, PER_TRANSFORM // 3 + (1 if pool_name == "seed" else 0))
            for src, sentence in pool:
                if taken >= quota:
                    break
                got = fn(sentence, rng)
                if got is None or got[0] == sentence or (src, fn.__name__) in seen:
                    continue
                new, start, end = got
                kinds = {kind} if kind else set()
                if kind and kind != "quote" and QUOTE_CONTEXT(sentence, start):
                    kinds.add("quote")
                seen.add((src, fn.__name__))
                taken += 1
                items.append({"id": f"gen-{len(items):03d}", "source": src, "edit": fn.__name__,
                              "a": sentence, "b": new, "kinds": sorted(kinds)})
    return items


def main() -> int:
    if not DATA.exists():
        print(f"facts_gold: data folder not found: {DATA} (set SYNOPSIS_DATA)", file=sys.stderr)
        return 1
    items = build()
    OUT.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    print(f"wrote {len(items)} items to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
