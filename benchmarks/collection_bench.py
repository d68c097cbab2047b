"""Speed and grouping quality of the collection layer on pseudo-articles built from WMT19.

Each article has ~50 sentences: runs of consecutive lines of newstest2019 (German) taken from a
story pool shared with other articles, some lines given as the human paraphrase (AR.p) instead of
the translation (AR), plus lines no other article has. Line numbers are the gold: two passages
belong to one statement exactly when they come from the same line.

    .venv/bin/python benchmarks/collection_bench.py            # 5, 10, 20 sources
    SYNOPSIS_DATA=/path/to/data .venv/bin/python benchmarks/collection_bench.py --sizes 20
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import time
from itertools import combinations
from pathlib import Path

from synopsis.core import Document, Settings
from synopsis.runtime import compare_collection  # (as the command line runs it)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA", ROOT / ".." / "shared" / "data"))
WMT = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"


def build(n_sources: int, seed: int = 7, sentences: int = 50) -> tuple[list[Document], list[list[int]]]:
    ar = (WMT / "wmt19-ende-ar.ref").read_text(encoding="utf-8").splitlines()
    arp = (WMT / "wmt19-ende-arp.ref").read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    stories = [list(range(s, s + 60)) for s in range(0, 1200, 60)]  # 20 stories of 60 lines
    unique_pool = list(range(1200, len(ar)))
    rng.shuffle(unique_pool)
    docs, gold = [], []
    for k in range(n_sources):
        story = stories[k // 4 % len(stories)]  # four articles per story
        start = rng.randrange(0, 20)
        lines = story[start:start + 35]
        lines = [x for x in lines if rng.random() > 0.15]  # drop some
        extra = [unique_pool.pop() for _ in range(sentences - len(lines))]
        for x in extra:
            lines.insert(rng.randrange(0, len(lines) + 1), x)
        texts = [arp[x] if rng.random() < 0.3 else ar[x] for x in lines]
        text = "\n".join(t.strip() for t in texts)
        docs.append(Document(text=text, title=f"article {k + 1}", source=f"wmt-{k + 1}",
                             sha256=hashlib.sha256(text.encode()).hexdigest(), language="de"))
        gold.append(lines)
    return docs, gold


def score(collection, gold: list[list[int]]) -> tuple[float, float]:
    """Pairwise precision / recall of 'these two passages are one statement' over sources."""
    line_of = {}
    for src, doc in enumerate(collection.documents):
        for seg in doc.segments:
            line_of[(src, seg.id)] = gold[src][seg.paragraph] if seg.paragraph < len(gold[src]) else None
    predicted = set()
    for s in collection.statements:
        nodes = [(m.source, min(m.segments)) for m in s.members]
        for x, y in combinations(nodes, 2):
            predicted.add((x, y))
    truth = set()
    by_line: dict[int, list[tuple[int, int]]] = {}
    for node, line in line_of.items():
        if line is not None:
            by_line.setdefault(line, []).append(node)
    for nodes in by_line.values():
        firsts = {}
        for src, sid in sorted(nodes):
            firsts.setdefault(src, (src, sid))
        for x, y in combinations(sorted(firsts.values()), 2):
            truth.add((x, y))
    correct = len({p for p in predicted if line_of[p[0]] == line_of[p[1]] and line_of[p[0]] is not None})
    return (correct / len(predicted) if predicted else 1.0), (len(predicted & truth) / len(truth) if truth else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20])
    args = parser.parse_args()
    print("| sources | pairs | segments | statements | compare s | group s | total s | precision | recall |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        docs, gold = build(n)
        t0 = time.perf_counter()
        c = compare_collection(docs, Settings(language="de", facts=False))
        total = time.perf_counter() - t0
        p, r = score(c, gold)
        print(f"| {n} | {len(c.pairs)} | {sum(len(d.segments) for d in c.documents)} | {len(c.statements)} | "
              f"{c.timings['compare']:.2f} | {c.timings['group']:.3f} | {total:.2f} | {p:.3f} | {r:.3f} |")


if __name__ == "__main__":
    main()
