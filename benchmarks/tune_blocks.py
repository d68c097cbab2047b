"""Random local search of the block aligner's costs on development data only: the Text+Berg
development file (``dev.de`` / ``dev.fr``; the test files are never read) and, with ``--news``,
the WMT22 Russian–English development articles of the news benchmark, both ways round. Prints
each improvement and the final costs as a ``BlockCosts(...)`` expression; writes nothing.

    .venv/bin/python benchmarks/tune_blocks.py [--iterations 800] [--seed 2] [--from text_berg|default]
        [--set max_block=5 spelling=0.16] [--news] [--no-shapes] [--step 0.15] [--moves 1,1,2,3]

The objective is strict F1 + ½ lax F1 on Text+Berg ``dev`` (+ 3 × the mean link F1 of the two
news development sets with ``--news``: the links the block aligner makes, scored as
``semantic_eval.unit_f1`` scores the app's). Each step moves some weights (as many as a draw
from ``--moves``) by a Gaussian step (``--step`` × the weight's range) and keeps the move when
the objective does not fall. ``shape_costs`` are searched for every block shape but 1-1 unless
``--no-shapes``; ``max_block`` stays as the start has it.

``blocks.TEXT_BERG`` came from a search of this kind (700 steps from the earlier Text+Berg
costs, blocks of up to five passages in all, the shape costs of those shapes searched too), then
``max_block`` raised to 5 (strict F1 on ``dev`` 0.921 → 0.930), then ``lexical`` (the word
model, ``core/semantic/lexical.py``) set to 0.03 with the rest kept, the best of 0.01, 0.02, 0.03
and 0.05 on ``dev`` and on its two halves (0.930 → 0.931; a search of every weight with it,
``--iterations 150 --seed 5 --set lexical=0.03``, reached 0.935 on ``dev`` but lost 0.02 on one
half, so was not kept); run without options, this script starts from it and prints its ``dev``
figure (strict F1 0.931). ``blocks.BlockCosts()`` came from ``--from default
--set max_block=5 spelling=0.16 --news --no-shapes --step 0.1 --moves 1,1,2 --seed 3
--iterations 200``.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "desktop"))

import numpy as np  # noqa: E402

import semantic_eval as se  # noqa: E402
from synopsis.core.semantic import blocks, encoders, models, vectors  # noqa: E402

RANGES = {"cosine_share": (0.0, 1.0), "size_power": (0.0, 1.0), "size_cost": (0.0, 0.8),
          "shared_tokens": (0.0, 0.5), "token_mismatch": (0.0, 0.8), "length": (0.0, 0.6),
          "debris": (0.0, 0.6), "skip": (0.2, 1.5), "part_gain": (0.0, 3.0),
          "spelling": (0.0, 0.6), "lonely": (0.0, 4.0), "lexical": (0.0, 0.2)}
SHAPE_RANGE = (-0.4, 0.4)


def news_sides() -> list[tuple]:
    """(prepared pair, passage ids of A and B, the two sides) of every news development article."""
    import news_data
    from synopsis.core.semantic.translation import live_segments
    encoder = encoders.load(models.DEFAULT)
    out = []
    for name, pairs in news_data.dev_sets().items():
        rows = []
        for pair in pairs:
            prepared = se.PreparedPair.of(pair)
            ids_a, texts_a = live_segments(prepared.doc_a)
            ids_b, texts_b = live_segments(prepared.doc_b)
            if ids_a and ids_b:
                rows.append((prepared, ids_a, ids_b, blocks.Side.of(texts_a, vectors.embed(texts_a, encoder).blocks),
                             blocks.Side.of(texts_b, vectors.embed(texts_b, encoder).blocks)))
        out.append(rows)
    return out


def news_f1(costs: blocks.BlockCosts, sets: list) -> float:
    scores = []
    for rows in sets:
        links = []
        for _, ids_a, ids_b, a, b in rows:
            links.append([([ids_a[r] for r in x], [ids_b[r] for r in y])
                          for x, y in blocks.align_blocks(a, b, costs) if x and y])
        scores.append(se.unit_f1([row[0] for row in rows], links)[2])
    return float(np.mean(scores))


def development_sides() -> tuple[list, list]:
    de, fr, gold = se.text_berg("dev")
    encoder = encoders.load(models.DEFAULT)
    sides = [(blocks.Side.of(de, vectors.embed(de, encoder).blocks),
              blocks.Side.of(fr, vectors.embed(fr, encoder).blocks))]
    return sides, [gold]


def as_point(costs: blocks.BlockCosts, shapes: bool = True) -> dict[str, float]:
    point = {name: float(getattr(costs, name)) for name in RANGES}
    given = {(k, l): c for k, l, c in costs.shape_costs}
    for k, l in costs.shapes() if shapes else ():
        if (k, l) != (1, 1):
            point[f"shape {k}-{l}"] = given.get((k, l), 0.0)
    return point


def as_costs(point: dict[str, float], start: blocks.BlockCosts) -> blocks.BlockCosts:
    shapes = tuple((int(name[6]), int(name[8]), round(value, 3)) for name, value in sorted(point.items())
                   if name.startswith("shape ") and round(value, 3) != 0.0)
    plain = {name: round(value, 3) for name, value in point.items() if not name.startswith("shape ")}
    return dataclasses.replace(start, **plain, shape_costs=shapes or start.shape_costs)


def objective(costs: blocks.BlockCosts, sides: list, golds: list, news: list | None) -> tuple[float, dict]:
    found = [blocks.align_blocks(a, b, costs) for a, b in sides]
    scores = se.strict_lax(golds, found)
    value = scores["strict"][2] + 0.5 * scores["lax"][2]
    if news:
        scores["news F1"] = news_f1(costs, news)
        value += 3 * scores["news F1"]
    return value, scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--iterations", type=int, default=800)
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--from", dest="start", choices=("text_berg", "default"), default="text_berg")
    parser.add_argument("--set", nargs="*", default=[], help="name=value changes to the start")
    parser.add_argument("--news", action="store_true")
    parser.add_argument("--no-shapes", dest="shapes", action="store_false")
    parser.add_argument("--step", type=float, default=0.15)
    parser.add_argument("--moves", default="1,1,2,3")
    args = parser.parse_args()
    start = blocks.TEXT_BERG if args.start == "text_berg" else blocks.BlockCosts()
    changes = dict(item.split("=") for item in args.set)
    start = dataclasses.replace(start, **{k: type(getattr(start, k))(float(v)) for k, v in changes.items()})
    moves = [int(x) for x in args.moves.split(",")]
    sides, golds = development_sides()
    news = news_sides() if args.news else None
    rng = random.Random(args.seed)
    point = as_point(start, args.shapes)
    best, scores = objective(start, sides, golds, news)
    print(f"start {best:.4f} {scores}", flush=True)
    for step in range(args.iterations):
        trial = dict(point)
        for name in rng.sample(sorted(point), rng.choice(moves)):
            low, high = SHAPE_RANGE if name.startswith("shape ") else RANGES[name]
            trial[name] = float(np.clip(trial[name] + rng.gauss(0, args.step * (high - low)), low, high))
        value, scores = objective(as_costs(trial, start), sides, golds, news)
        if value >= best:
            if value > best:
                print(f"{step} {value:.4f} {scores}", flush=True)
            point, best = trial, value
    print(repr(as_costs(point, start)))


if __name__ == "__main__":
    main()
