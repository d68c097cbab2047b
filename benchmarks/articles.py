"""Articles laid out as pages are printed, built from real sentences, with the gold that follows.

A side of a pair is a list of *units* (one or more sentences of the other side's wording);
``lay_out`` prints the units as articles: a headline on its own line, then paragraphs of two
to five sentences, one paragraph a line, a blank line between articles. Every sentence keeps
its span in the printed text, so a segment the engine makes can be traced back to the sentence
it came from.

Edits an editor makes to a sentence (all keep the words of the original unless they say so):
``split`` cuts a sentence at a coordinating conjunction or a semicolon into two (or three)
sentences, ``merge`` joins two consecutive sentences into one. The conjunction stays (``, but
he said`` → ``. But he said``) or, half the time for "and", is dropped: one word changed.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from align_data import data_dir

# Where an editor cuts a sentence in two: ", <conjunction> " or "; ". The conjunction starts
# the second sentence (capitalised) or, for "and"/"und", may be dropped.
CONJUNCTIONS = {
    "de": ("und", "aber", "doch", "denn", "sondern", "oder", "während"),
    "en": ("and", "but", "while", "so", "or", "because", "although", "yet"),
}
AND = {"de": "und", "en": "and"}
# First words of a sentence that a merge may write in lower case (articles, pronouns, ...):
# a German noun or any name keeps its capital.
LOWERABLE = {
    "de": frozenset("der die das den dem des ein eine einer eines einem einen er sie es wir ich "
                    "man dies diese dieser dieses auch aber doch so nun dann da damit deshalb "
                    "jedoch zudem außerdem in im am an auf bei mit nach vor für seit als wie wenn "
                    "nicht noch nur schon sein seine ihr ihre unser unsere".split()),
    "en": frozenset("the a an he she it we they i this that these those there his her its their "
                    "our in on at for with after before but and so as when if it's however also "
                    "some many most all one two three".split()),
}
MIN_WORDS = 4            # each part of a split has at least this many words


@dataclass
class Unit:
    """One or more sentences printed one after the other in a paragraph."""

    sentences: list[str]


@dataclass
class Case:
    """A gold correspondence: sentences of a (by index) and of b (by index), and its kind."""

    kind: str                    # same, light, para, split, split3, para_split, merge, unique_a, unique_b
    a: list[int]
    b: list[int]
    label: str                   # shared, paraphrased, unique

    @property
    def parts(self) -> list[int]:
        """The pieces on the many side of a split or merge (``b`` for splits, ``a`` for merges)."""
        return self.b if self.kind in ("split", "split3", "para_split") else self.a


@dataclass
class Printed:
    """A printed side: its text and the span of every sentence in it."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def split_points(sentence: str, language: str) -> list[tuple[int, int, str]]:
    """(cut start, next start, conjunction or ";") where the sentence may be cut in two."""
    words = "|".join(CONJUNCTIONS[language])
    out = []
    for m in re.finditer(rf"(,) ({words}) |(;) ", sentence):
        cut, nxt = m.start(), m.end()
        token = m.group(2) or ";"
        if len(sentence[:cut].split()) >= MIN_WORDS and len(sentence[nxt:].split()) >= MIN_WORDS:
            out.append((cut, nxt if token == ";" else m.start(2), token))
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _end(text: str) -> str:
    text = text.rstrip()
    return text if text[-1:] in ".!?…\"“”»«'" else text + "."


def split(sentence: str, language: str, rng: random.Random, pieces: int = 2) -> list[str] | None:
    """``sentence`` cut into ``pieces`` sentences at its split points, or None if it has too few."""
    points = split_points(sentence, language)
    if len(points) < pieces - 1:
        return None
    chosen = sorted(rng.sample(points, pieces - 1))
    out, start = [], 0
    for cut, nxt, token in chosen:
        out.append(_end(sentence[start:cut]))
        if token == AND[language] and rng.random() < 0.5:
            nxt += len(token) + 1            # "…, and he said" -> "… . He said"
        start = nxt
    out.append(sentence[start:])
    out = [_capital(p.strip()) for p in out]
    return out if all(len(p.split()) >= MIN_WORDS - 1 for p in out) else None


def merge(first: str, second: str, language: str, rng: random.Random) -> str:
    """Two consecutive sentences written as one: ``first``'s end becomes ", and" or ";"."""
    head = first.rstrip()
    if head[-1:] in ".!?":
        head = head[:-1]
    word = second.split(" ", 1)[0]
    if word.lower() in LOWERABLE[language] and not word.isupper():
        second = second[:1].lower() + second[1:]
    joint = "; " if rng.random() < 0.5 else f", {AND[language]} "
    return head + joint + second


def light_edit(sentence: str, rng: random.Random) -> str:
    """Drop or swap one inner word: a wording change that keeps the sentence 'shared'."""
    words = sentence.split()
    if len(words) < 6:
        return sentence
    k = rng.randrange(1, len(words) - 2)
    if rng.random() < 0.5:
        del words[k]
    else:
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def lay_out(units: list[Unit], rng: random.Random, article: tuple[int, int] = (20, 40)) -> Printed:
    """Print ``units`` as articles: a headline line, paragraphs of 2–5 sentences, blank lines."""
    lines: list[list[str]] = []
    k = 0
    while k < len(units):
        size = rng.randint(*article)
        lines.append([])  # blank line before the article (none before the first)
        lines.append(list(units[k].sentences))   # the headline: its own line
        k += 1
        end = min(len(units), k + size)
        while k < end:
            take = rng.randint(2, 5)
            paragraph: list[str] = []
            for unit in units[k:min(k + take, end)]:
                if _is_headline(unit):      # a title inside the source's run (no final stop)
                    lines.append(paragraph)
                    lines.append(list(unit.sentences))
                    paragraph = []
                else:
                    paragraph.extend(unit.sentences)
            lines.append(paragraph)
            k = min(k + take, end)
        k = min(k, len(units))
    lines = [line for n, line in enumerate(lines) if line or (n and lines[n - 1])]   # one blank at most
    text, spans = [], []
    pos = 0
    for line in lines:
        for n, sentence in enumerate(line):
            if n:
                text.append(" ")
                pos += 1
            spans.append((pos, pos + len(sentence)))
            text.append(sentence)
            pos += len(sentence)
        text.append("\n")
        pos += 1
    return Printed("".join(text), spans)


def _is_headline(unit: Unit) -> bool:
    """A unit whose text ends without a sentence stop (WMT keeps its articles' titles as lines)."""
    return not unit.sentences[-1].rstrip().endswith(tuple(".!?…:\"“”»«'’)"))


def wmt_lines(part: str = "all") -> list[tuple[str, str | None]]:
    """(AR line, its AR.p paraphrase) of WMT19 en→de; ``part`` "dev" or "heldout" takes a half."""
    base = data_dir() / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    ar = (base / "wmt19-ende-ar.ref").read_text(encoding="utf-8").splitlines()
    arp = (base / "wmt19-ende-arp.ref").read_text(encoding="utf-8").splitlines()
    rows = list(zip(ar, arp))
    half = len(rows) // 2
    return rows[:half] if part == "dev" else rows[half:] if part == "heldout" else rows


def german_pool() -> list[tuple[str, str | None]]:
    """Every distinct German news line of the data: WMT19 AR (with AR.p), WMT18/20 paraphrased
    references (no second wording: their copy is edited, not paraphrased)."""
    rows = wmt_lines()
    base = data_dir() / "wmt19_paraphrased_refs"
    seen = {a for a, _ in rows}
    for path in (base / "wmt18" / "ende" / "wmt18-ende-wmtp.ref", base / "wmt20" / "ende" / "wmt20-ende-wmtp.ref"):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and line not in seen:
                seen.add(line)
                rows.append((line, None))
    return rows


def msrp_lines(split_name: str) -> list[tuple[str, str | None]]:
    """(sentence 1, sentence 2 when the pair is a paraphrase) of MSRP ``split_name``, in file order."""
    from align_data import read_msrp
    return [(s1, s2 if label == 1 else None) for label, s1, s2 in read_msrp(split_name)]
