"""Scoring an alignment against gold: the seed pair, synthetic WMT pairs, related articles."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from align_data import ROOT, SyntheticPair
from synopsis.core import Settings, load
from synopsis.core.model import Document, Report
from synopsis.core.pipeline import prepare
from synopsis.runtime import compare

GOLD = Path(__file__).resolve().parent / "gold" / "witkoff-seed-pair.json"
RELATED = ["belta-abu-dhabi-round.txt", "russia-territorial-conditions.txt", "geneva-round.txt"]
ORIGINAL = "bbc-witkoff-putin-talks.txt"


def run(doc_a: Document, doc_b: Document, settings: Settings, aligner: str) -> Report:
    """A full comparison (``synopsis``, as the command line runs it) or the naive baseline on the
    same segmentation."""
    if aligner == "synopsis":
        return compare(doc_a, doc_b, settings)
    from synopsis.core import baseline
    doc_a, doc_b = prepare(doc_a, settings), prepare(doc_b, settings)
    links, _ = baseline.align(doc_a, doc_b, settings)
    return Report(documents=[doc_a, doc_b], links=links, settings=settings)


def _find(doc: Document, prefix: str) -> int:
    hits = [s.id for s in doc.segments if doc.segment_text(s.id).startswith(prefix)]
    if len(hits) != 1:
        raise ValueError(f"gold passage {prefix!r} matches {len(hits)} segments")
    return hits[0]


def score_seed(settings: Settings, aligner: str = "synopsis") -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    report = run(load(ROOT / "seeds" / ORIGINAL), load(ROOT / gold["b"]), settings, aligner)
    a, b = report.documents
    predicted = {(tuple(sorted(l.a)), tuple(sorted(l.b))): l for l in report.links}
    right = labelled = moved_right = moved_false = 0
    misses = []
    split_ok = False
    for g in gold["links"]:
        ga = tuple(sorted(_find(a, p) for p in g["a"]))
        gb = sorted(_find(b, p) for p in g["b"])
        options = [tuple(gb)] + [tuple(sorted(gb + [_find(b, p) for p in g.get("also_b", [])]))]
        hit = next((predicted[ga, o] for o in options if (ga, o) in predicted), None)
        if hit is None:
            misses.append(g["a"][0])
            continue
        right += 1
        labelled += hit.label == g["label"]
        if hit.moved:
            moved_right += bool(g.get("moved"))
            moved_false += not g.get("moved")
        split_ok |= bool(g.get("split")) and len(hit.b) > 1
    ua = set(report.unique_segments(0))
    ub = set(report.unique_segments(1))
    unique_ok = sum(_find(a, p) in ua for p in gold["unique_a"]) + \
        sum(_find(b, p) in ub for p in gold["unique_b"])
    debris_ok = sum(a.segments[_find(a, p)].kind == k for p, k in gold["debris_a"].items())
    core_ok = sum(b.text[b.segments[_find(b, p)].core_span.start:].startswith(c)
                  for p, c in gold["cores_b"].items())
    n_pred = len(report.links)
    prec = right / n_pred if n_pred else 0.0
    rec = right / len(gold["links"])
    return {"links": n_pred, "gold_links": len(gold["links"]), "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "label_accuracy": labelled / right if right else 0.0, "split_linked": split_ok,
            "unique_right": f"{unique_ok}/{len(gold['unique_a']) + len(gold['unique_b'])}",
            "debris_right": f"{debris_ok}/{len(gold['debris_a'])}",
            "cores_right": f"{core_ok}/{len(gold['cores_b'])}", "missed": misses,
            "moved_right": f"{moved_right}/{sum(bool(g.get('moved')) for g in gold['links'])}",
            "moved_false": moved_false}


def _doc(text: str, name: str) -> Document:
    return Document(text=text, title=name, source=name, sha256="", language="de")


def score_synthetic(pairs: list[SyntheticPair], settings: Settings, aligner: str = "synopsis",
                    report_hook: Callable[[Report], None] | None = None,
                    misses: list[str] | None = None) -> dict:
    """Link precision / recall over line pairs, label accuracy, moved recall. ``misses``, when
    given, receives one line per gold link not found and per moved link not marked."""
    settings = settings.replace(granularity="paragraph")
    tp = fp = fn = labelled = moved_tp = moved_gold = moved_fp = 0
    for n, pair in enumerate(pairs):
        report = run(_doc(pair.text_a, "a"), _doc(pair.text_b, "b"), settings, aligner)
        if report_hook:
            report_hook(report)
        a, b = report.documents
        line_a = [a.text.count("\n", 0, s.start) for s in a.segments]
        line_b = [b.text.count("\n", 0, s.start) for s in b.segments]
        gold = {(ka, kb): label for kb, (ka, label) in pair.gold.items()}
        seen = set()
        for link in report.links:
            for i in link.a:
                for j in link.b:
                    key = (line_a[i], line_b[j])
                    seen.add(key)
                    if key in gold:
                        tp += 1
                        labelled += gold[key] == link.label
                        if key[1] in pair.moved_b:
                            moved_tp += link.moved
                        else:
                            moved_fp += link.moved
                    else:
                        fp += 1
        fn += len(set(gold) - seen)
        moved_gold += len(pair.moved_b)
        if misses is not None:
            misses += _missed(n, pair, report, line_a, line_b, seen)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"pairs": len(pairs), "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
            "label_accuracy": labelled / tp if tp else 0.0,
            "moved_recall": moved_tp / moved_gold if moved_gold else 0.0, "moved_false": moved_fp}


def _missed(n: int, pair: SyntheticPair, report: Report, line_a: list[int], line_b: list[int],
            seen: set[tuple[int, int]]) -> list[str]:
    """Readable lines for the gold links of one pair that were missed or not marked moved."""
    best: dict[tuple[int, int], float] = {}
    for c in report.candidates:
        for i in c.a:
            for j in c.b:
                key = (line_a[i], line_b[j])
                best[key] = max(best.get(key, 0.0), c.score)
    marked = {(line_a[i], line_b[j]) for link in report.links if link.moved
              for i in link.a for j in link.b}
    lines_a, lines_b = pair.text_a.split("\n"), pair.text_b.split("\n")
    out = []
    for kb, (ka, label) in sorted(pair.gold.items()):
        moved = kb in pair.moved_b
        if (ka, kb) in seen and (not moved or (ka, kb) in marked):
            continue
        what = "moved, not marked" if (ka, kb) in seen else "missed" + (" (moved)" if moved else "")
        score = best.get((ka, kb))
        out.append(f"pair {n} a{ka} b{kb} {label} {what}; best candidate score "
                   f"{'(not a candidate)' if score is None else f'{score:.2f}'}\n    a: {lines_a[ka][:110]}"
                   f"\n    b: {lines_b[kb][:110]}")
    return out


def score_related(settings: Settings, aligner: str = "synopsis") -> dict[str, int]:
    """Links between articles on the same topic that share (almost) no statements."""
    out = {}
    names = RELATED + [ORIGINAL]
    for i, x in enumerate(RELATED):
        for y in names[i + 1:]:
            report = run(load(ROOT / "seeds" / x), load(ROOT / "seeds" / y), settings, aligner)
            out[f"{x[:12]} vs {y[:12]}"] = len(report.links)
    return out
