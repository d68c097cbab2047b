"""Pairs of articles in which an editor split and merged sentences, built from real sentences.

Side a prints the source sentences in order as articles. Side b is the edited copy: most
sentences kept, lightly edited or reworded (WMT19's human paraphrase AR.p, MSRP's paraphrase
sentence), some dropped (unique in a), a few inserted from far away (unique in b), and the
cases this set is for: a sentence split in two or three at a conjunction or a semicolon (its
words kept: shared), a reworded sentence split in two (paraphrased), two consecutive sentences
merged into one (shared). The gold follows from the construction.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from articles import Case, Printed, Unit, lay_out, light_edit, merge, split, split_points

P_SPLIT = 0.5        # of the sentences that have a split point
P_SPLIT3 = 0.3       # of those splits, when the sentence has two split points
P_PARA_SPLIT = 0.3   # of the reworded sentences whose rewording has a split point
P_MERGE = 0.08
P_DROP = 0.06
P_INSERT = 0.03


@dataclass
class SplitPair:
    a: Printed
    b: Printed
    cases: list[Case]
    language: str


def build(rows: list[tuple[str, str | None]], language: str, seed: int, far: list[str]) -> SplitPair:
    """One pair of printed sides from consecutive ``rows`` (sentence, its rewording or None)."""
    rng = random.Random(seed)
    a_units: list[Unit] = []
    b_units: list[Unit] = []
    cases: list[Case] = []
    a_count = b_count = 0

    def add(kind: str, a_sents: list[str], b_sents: list[str], label: str) -> None:
        nonlocal a_count, b_count
        if a_sents:
            a_units.extend(Unit([s]) for s in a_sents)
        if b_sents:
            b_units.append(Unit(b_sents))
        cases.append(Case(kind, list(range(a_count, a_count + len(a_sents))),
                          list(range(b_count, b_count + len(b_sents))), label))
        a_count += len(a_sents)
        b_count += len(b_sents)

    k = 0
    while k < len(rows):
        sentence, reworded = rows[k]
        if rng.random() < P_INSERT:
            add("unique_b", [], [rng.choice(far)], "unique")
        roll = rng.random()
        parts = None
        if split_points(sentence, language) and rng.random() < P_SPLIT:
            three = len(split_points(sentence, language)) >= 2 and rng.random() < P_SPLIT3
            parts = split(sentence, language, rng, 3 if three else 2)
        if parts:
            add("split3" if len(parts) == 3 else "split", [sentence], parts, "shared")
        elif reworded and split_points(reworded, language) and rng.random() < P_PARA_SPLIT \
                and (parts := split(reworded, language, rng)):
            add("para_split", [sentence], parts, "paraphrased")
        elif roll < P_MERGE and k + 1 < len(rows):
            nxt = rows[k + 1][0]
            add("merge", [sentence, nxt], [merge(sentence, nxt, language, rng)], "shared")
            k += 1
        elif roll < P_MERGE + P_DROP:
            add("unique_a", [sentence], [], "unique")
        elif roll < 0.5:
            add("same", [sentence], [sentence], "shared")
        elif roll < 0.65 or not reworded:
            add("light", [sentence], [light_edit(sentence, rng)], "shared")
        else:
            add("para", [sentence], [reworded], "paraphrased")
        k += 1
    a = lay_out(a_units, rng)
    b = lay_out(b_units, rng)
    return SplitPair(a, b, cases, language)


MANY = ("split", "split3", "para_split", "merge")


def score(pair: SplitPair, links: list[tuple[list[int], list[int], str]],
          seg_a: list[list[int]], seg_b: list[list[int]]) -> dict:
    """Counts for one pair. ``links`` are (a segment ids, b segment ids, label); ``seg_a[i]``
    lists the sentences segment i of a overlaps."""
    linked: dict[tuple[int, int], str] = {}
    groups: list[tuple[set[int], set[int], str]] = []
    for ids_a, ids_b, label in links:
        sa = {x for i in ids_a for x in seg_a[i]}
        sb = {y for j in ids_b for y in seg_b[j]}
        groups.append((sa, sb, label))
        for x in sa:
            for y in sb:
                linked[x, y] = label
    gold_pairs = {(x, y): c for c in pair.cases for x in c.a for y in c.b}
    out = {kind: [0, 0, 0, 0] for kind in MANY}  # parts, parts linked, cases whole, whole labelled right
    for c in pair.cases:
        if c.kind not in MANY:
            continue
        row = out[c.kind]
        row[0] += len(c.parts)
        if c.kind == "merge":
            row[1] += sum(any((p, w) in linked for w in c.b) for p in c.a)
        else:
            row[1] += sum(any((w, p) in linked for w in c.a) for p in c.b)
        one = next((g for g in groups if set(c.a) <= g[0] and set(c.b) <= g[1]), None)
        if one is not None:
            row[2] += 1
            row[3] += one[2] == c.label
    right = sum(1 for pq in linked if pq in gold_pairs)
    one_to_one = [c for c in pair.cases if c.kind in ("same", "light", "para")]
    return {"many": out, "pairs_found": right, "pairs_linked": len(linked), "pairs_gold": len(gold_pairs),
            "one_to_one": len(one_to_one),
            "one_to_one_found": sum((c.a[0], c.b[0]) in linked for c in one_to_one),
            "one_to_one_labelled": sum(linked.get((c.a[0], c.b[0])) == c.label for c in one_to_one),
            "cases": {kind: sum(c.kind == kind for c in pair.cases) for kind in MANY}}


def sentence_of_segments(spans: list[tuple[int, int]], segments: list[tuple[int, int]]) -> list[list[int]]:
    """For each segment (start, end), the sentences it overlaps: a segmenter that cuts a sentence
    in two, or leaves two as one, does not hide what the aligner linked."""
    out: list[list[int]] = []
    k = 0
    for start, end in segments:
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        hits = []
        j = k
        while j < len(spans) and spans[j][0] < end:
            hits.append(j)
            j += 1
        out.append(hits)
    return out
