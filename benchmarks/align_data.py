"""Evaluation data for the aligner: MSRP pairs and synthetic article pairs built from WMT19.

Data is read from ``../shared/data`` relative to the repository root (override with the
``SYNOPSIS_DATA`` environment variable); nothing is copied into the repository.
"""
from __future__ import annotations

import csv
import hashlib
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("SYNOPSIS_DATA") or ROOT / ".." / "shared" / "data").resolve()


def read_msrp(split: str) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) rows of ``msr_paraphrase_{split}.txt``."""
    path = data_dir() / "msrp" / f"msr_paraphrase_{split}.txt"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(int(row[0]), row[3], row[4]) for row in reader if len(row) >= 5]


def read_wmt() -> tuple[list[str], list[str]]:
    base = data_dir() / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    ar = (base / "wmt19-ende-ar.ref").read_text(encoding="utf-8").splitlines()
    arp = (base / "wmt19-ende-arp.ref").read_text(encoding="utf-8").splitlines()
    return ar, arp


@dataclass
class SyntheticPair:
    """Two pseudo-articles (one line = one paragraph) and the gold links between lines."""

    text_a: str
    text_b: str
    gold: dict[int, tuple[int, str]] = field(default_factory=dict)  # b line -> (a line, label)
    moved_b: set[int] = field(default_factory=set)


def _light_edit(line: str, rng: random.Random) -> str:
    """A small wording change that keeps a line 'shared': drop or swap one short word."""
    words = line.split()
    if len(words) < 6:
        return line
    k = rng.randrange(1, len(words) - 1)
    if rng.random() < 0.5:
        del words[k]
    else:
        words[k], words[k + 1 if k + 1 < len(words) else k - 1] = \
            words[k + 1 if k + 1 < len(words) else k - 1], words[k]
    return " ".join(words)


def synthetic_pairs(count: int = 20, run: int = 40, seed: int = 7) -> list[SyntheticPair]:
    """``count`` article pairs from runs of ``run`` consecutive WMT19 lines.

    B keeps ~15 % of A's lines verbatim and edits ~10 % lightly (shared), replaces the rest by
    the human paraphrase AR.p (paraphrased), drops ~10 % (unique in A), inserts lines from far
    away (unique in B) and moves one block of three lines to another place (moved).
    """
    ar, arp = read_wmt()
    rng = random.Random(seed)
    out: list[SyntheticPair] = []
    stride = (len(ar) - run) // count
    for n in range(count):
        start = n * stride
        lines = list(range(start, start + run))
        a_text = [ar[i] for i in lines]
        b_items: list[tuple[str, int | None, str]] = []  # (text, a line, label)
        for k, i in enumerate(lines):
            roll = rng.random()
            if roll < 0.10:
                continue                                   # dropped: unique in A
            if roll < 0.25:
                b_items.append((ar[i], k, "shared"))
            elif roll < 0.35:
                b_items.append((_light_edit(ar[i], rng), k, "shared"))
            else:
                b_items.append((arp[i], k, "paraphrased"))
        for _ in range(3):                                 # inserted: unique in B
            far = (start + len(ar) // 2 + rng.randrange(run * 3)) % len(ar)
            b_items.insert(rng.randrange(len(b_items) + 1), (arp[far], None, "unique"))
        # move a block of three lines from the first third to the end
        at = rng.randrange(2, max(3, len(b_items) // 3))
        block = b_items[at:at + 3]
        del b_items[at:at + 3]
        b_items.extend(block)
        moved_from = len(b_items) - len(block)
        pair = SyntheticPair("\n".join(a_text) + "\n", "\n".join(t for t, _, _ in b_items) + "\n")
        for j, (_, k, label) in enumerate(b_items):
            if k is not None:
                pair.gold[j] = (k, label)
                if j >= moved_from:
                    pair.moved_b.add(j)
        out.append(pair)
    return out


def long_pair(lines: int = 2000, seed: int = 3) -> tuple[str, str]:
    """Two long articles: AR lines vs mostly AR.p lines (one sentence a paragraph)."""
    ar, arp = read_wmt()
    rng = random.Random(seed)
    idx = [i % len(ar) for i in range(lines)]
    b = [ar[i] if rng.random() < 0.3 else arp[i] for i in idx]
    return "\n".join(ar[i] for i in idx) + "\n", "\n".join(b) + "\n"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
