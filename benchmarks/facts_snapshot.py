"""Every fact the fact layer reports on a fixed body of pairs, written to a file, to check that a
change meant to keep behaviour (a refactoring, a faster path) changes no fact.

The pairs: every item of the fact gold sets (``benchmarks/gold/facts_*.jsonl``; the cross-language
items as ``facts_crosslang.py`` builds them, with and without their languages), the links of
the headline seed pair and of two 2,000-line WMT19 German pairs (ar / arp, ar / hqr) as
``compare()`` makes them, and the seed pair's links again with each document's language given.
The links' spans are kept in the snapshot, so a later run finds the facts of the same spans
even if the aligner has changed since.

    .venv/bin/python benchmarks/facts_snapshot.py write SNAPSHOT.json
    .venv/bin/python benchmarks/facts_snapshot.py check SNAPSHOT.json     # exit 1 on any difference
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))
DATA = Path(os.environ.get("SYNOPSIS_DATA") or ROOT / ".." / "shared" / "data")

from synopsis.core.facts import clear_cache, find_fact_changes_many  # noqa: E402
from synopsis.core.model import Span  # noqa: E402


def _pairs_of_gold() -> list[dict]:
    out = []
    for path in sorted((ROOT / "benchmarks" / "gold").glob("facts_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line else {}
            if "a" in item:     # (the translations are items of facts_crosslang.py, below)
                out.append({"name": f"{path.stem}:{item.get('id', len(out))}", "a": item["a"], "b": item["b"],
                            "pairs": [[[[0, len(item["a"])]], [[0, len(item["b"])]]]]})
    if DATA.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import facts_crosslang
        for item in facts_crosslang.build():
            for languages in (item.get("languages"), None):
                out.append({"name": item["id"] + (" (languages given)" if languages else ""), "a": item["a"],
                            "b": item["b"], "pairs": [[[[0, len(item["a"])]], [[0, len(item["b"])]]]],
                            **({"languages": languages} if languages else {})})
    return out


def _pairs_of_documents() -> list[dict]:
    os.environ["SYNOPSIS_FACT_WORKER"] = "off"
    from synopsis.core.config import Settings
    from synopsis.core.ingest import load
    from synopsis.core.model import core_spans_of
    from synopsis.core.pipeline import compare
    ende = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"
    cases = [("seed", ROOT / "seeds" / "bbc-witkoff-putin-talks.txt", ROOT / "seeds" / "translated-witkoff-putin-talks.txt"),
             ("wmt19 ar/arp", ende / "wmt19-ende-ar.ref", ende / "wmt19-ende-arp.ref"),
             ("wmt19 ar/hqr", ende / "wmt19-ende-ar.ref", ende / "wmt19-ende-hqr.ref")]
    out = []
    for name, path_a, path_b in cases:
        if not (path_a.exists() and path_b.exists()):
            print(f"skipped {name}: no data under {DATA}", file=sys.stderr)
            continue
        a, b = load(path_a), load(path_b)
        report = compare(a, b, Settings(facts=False))
        pairs = [[[[s.start, s.end] for s in core_spans_of(a, link.a)], [[s.start, s.end] for s in core_spans_of(b, link.b)]]
                 for link in report.links]
        out.append({"name": name, "a": a.text, "b": b.text, "pairs": pairs})
        out.append({"name": name + " (languages given)", "a": a.text, "b": b.text, "pairs": pairs,
                    "languages": [a.language, b.language]})
    return out


def _facts(case: dict) -> list[list[list]]:
    clear_cache()
    pairs = [([Span(*s) for s in sa], [Span(*s) for s in sb]) for sa, sb in case["pairs"]]
    languages = case.get("languages")
    found = None
    # the languages as this fact layer takes them: ``languages=(a, b)``, or (an older one)
    # ``language_a=``, ``language_b=``, or (older still) not at all
    for kwargs in ({"languages": tuple(languages)}, {"language_a": languages[0], "language_b": languages[1]}) \
            if languages else ():
        try:
            found = find_fact_changes_many(case["a"], case["b"], pairs, **kwargs)
            break
        except TypeError:
            continue
    if found is None:
        found = find_fact_changes_many(case["a"], case["b"], pairs)
    return [[[f.kind, f.a and [f.a.start, f.a.end], f.b and [f.b.start, f.b.end], f.note, f.severity] for f in facts]
            for facts in found]


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
        return 2
    path = Path(sys.argv[2])
    if sys.argv[1] == "write":
        cases = _pairs_of_gold() + _pairs_of_documents()
        for case in cases:
            case["facts"] = _facts(case)
        path.write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
        print(f"wrote {sum(len(c['pairs']) for c in cases)} pairs, "
              f"{sum(len(f) for c in cases for f in c['facts'])} facts to {path}")
        return 0
    cases = json.loads(path.read_text(encoding="utf-8"))
    differences = 0
    for case in cases:
        got = _facts(case)
        for i, (old, new) in enumerate(zip(case["facts"], got)):
            if old != new:
                differences += 1
                if differences <= 20:
                    print(f"{case['name']} pair {i}:\n  was {old}\n  now {new}")
    total = sum(len(c["pairs"]) for c in cases)
    print(f"{differences} of {total} pairs differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
