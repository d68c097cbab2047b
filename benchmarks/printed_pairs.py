"""WMT19 German paraphrase pairs laid out as articles are printed, and their scoring.

The synthetic pairs of ``align_data.synthetic_pairs`` put one sentence on each line, which hides
sentence splitting and hands the aligner its passages. Here the same kind of pair is printed
as an article: headlines alone on their line (the first line of the run, and every WMT line
without closing punctuation: a run crosses several articles), the other sentences in paragraphs
of two to four, paragraphs separated by blank lines. B keeps some sentences verbatim or lightly edited (shared), replaces
most by their human paraphrase AR.p (paraphrased), drops some (unique in A), inserts three
sentences from far away (unique in B: one as a paragraph of its own, two inside paragraphs) and
moves a paragraph to the end (moved).

The gold is sentence by sentence (a WMT line is one sentence), and the score is
**label-aware link F1**: a pair of sentences (a, b) counts as found when a link covers both
and carries the gold's label; precision over every pair of sentences the links cover, recall
over the gold's pairs. Plain link F1 and label accuracy are reported beside it.
"""
from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field

from align_data import _light_edit, read_wmt
from synopsis.core.model import Report


@dataclass
class PrintedPair:
    text_a: str
    text_b: str
    starts_a: list[int]                    # offset of each sentence of A
    starts_b: list[int]
    gold: dict[int, tuple[int, str]] = field(default_factory=dict)   # b sentence -> (a sentence, label)
    moved_b: set[int] = field(default_factory=set)


def _print(paragraphs: list[list[str]]) -> tuple[str, list[int]]:
    text, starts = "", []
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        for k, sentence in enumerate(paragraph):
            if k:
                text += " "
            starts.append(len(text))
            text += sentence
    return text + "\n", starts


_ENDS = tuple(".!?…\"'“”»«)")


def _paragraph_sizes(lines: list[str], rng: random.Random) -> list[int]:
    """A headline alone — the first line, and every line without a sentence's closing
    punctuation (a WMT run crosses several articles, each opening with its headline) — and
    paragraphs of two to four sentences between them."""
    sizes: list[int] = []
    k = 0
    while k < len(lines):
        if k == 0 or not lines[k].rstrip().endswith(_ENDS):
            sizes.append(1)
            k += 1
            continue
        size = rng.randint(2, 4)
        end = k
        while end < min(len(lines), k + size) and lines[end].rstrip().endswith(_ENDS):
            end += 1
        sizes.append(end - k)
        k = end
    return sizes


def printed_pairs(count: int = 20, run: int = 40, seed: int = 11) -> list[PrintedPair]:
    """``count`` pairs from runs of ``run`` consecutive WMT19 lines, printed as articles."""
    ar, arp = read_wmt()
    rng = random.Random(seed)
    stride = (len(ar) - run) // count
    out = []
    for n in range(count):
        lines = list(range(n * stride, n * stride + run))
        sizes = _paragraph_sizes([ar[i] for i in lines], rng)
        paragraphs_a, at = [], 0
        for size in sizes:
            paragraphs_a.append(list(range(at, at + size)))
            at += size
        # B: the same paragraphs, sentence by sentence kept, edited, paraphrased or dropped
        paragraphs_b: list[list[tuple[str, int | None, str]]] = []
        for paragraph in paragraphs_a:
            kept = []
            for k in paragraph:
                i, roll = lines[k], rng.random()
                if k and roll < 0.10:
                    continue
                if roll < 0.25:
                    kept.append((ar[i], k, "shared"))
                elif roll < 0.35:
                    kept.append((_light_edit(ar[i], rng), k, "shared"))
                else:
                    kept.append((arp[i], k, "paraphrased"))
            if kept:
                paragraphs_b.append(kept)
        far = [(n * stride + len(ar) // 2 + rng.randrange(run * 3)) % len(ar) for _ in range(3)]
        paragraphs_b.insert(rng.randrange(1, len(paragraphs_b) + 1), [(arp[far[0]], None, "unique")])
        for i in far[1:]:
            target = paragraphs_b[rng.randrange(1, len(paragraphs_b))]
            target.insert(rng.randrange(len(target) + 1), (arp[i], None, "unique"))
        moved = paragraphs_b.pop(rng.randrange(1, max(2, len(paragraphs_b) // 3)))
        paragraphs_b.append(moved)
        text_a, starts_a = _print([[ar[lines[k]] for k in p] for p in paragraphs_a])
        text_b, starts_b = _print([[t for t, _, _ in p] for p in paragraphs_b])
        pair = PrintedPair(text_a, text_b, starts_a, starts_b)
        flat = [item for p in paragraphs_b for item in p]
        first_moved = len(flat) - len(moved)
        for j, (_, k, label) in enumerate(flat):
            if k is not None:
                pair.gold[j] = (k, label)
                if j >= first_moved:
                    pair.moved_b.add(j)
        out.append(pair)
    return out


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def score_printed(pairs: list[PrintedPair], reports: list[Report]) -> dict[str, float]:
    """Label-aware link F1 (the combined score), link F1, label accuracy and moved recall."""
    right = labelled = covered = gold_total = moved_right = moved_gold = 0
    for pair, report in zip(pairs, reports):
        doc_a, doc_b = report.documents
        gold = {(k, j): label for j, (k, label) in pair.gold.items()}
        gold_total += len(gold)
        moved_gold += len(pair.moved_b)
        seen: dict[tuple[int, int], tuple[str, bool]] = {}
        for link in report.links:
            sent_a = {sentence_of(pair.starts_a, doc_a.segments[i].start) for i in link.a}
            sent_b = {sentence_of(pair.starts_b, doc_b.segments[j].start) for j in link.b}
            for a in sent_a:
                for b in sent_b:
                    seen[a, b] = (link.label, link.moved)
        covered += len(seen)
        for key, (label, moved) in seen.items():
            if key in gold:
                right += 1
                labelled += label == gold[key]
                moved_right += moved and key[1] in pair.moved_b
    precision, recall = right / max(1, covered), right / max(1, gold_total)
    lp, lr = labelled / max(1, covered), labelled / max(1, gold_total)
    return {"combined": _f1(lp, lr), "precision": precision, "recall": recall,
            "f1": _f1(precision, recall), "label_accuracy": labelled / max(1, right),
            "moved_recall": moved_right / max(1, moved_gold)}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0
