"""The sections of ``run_semantic.py``: each returns a dict of figures (see ``render``)."""
from __future__ import annotations

import dataclasses
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

import e5_cache
import news_data
import printed_pairs as printed_mod
import semantic_eval as se
from align_data import ROOT
from naive import naive_report
from synopsis.core import Settings, load
from synopsis.runtime import compare
from synopsis.core.model import Document
from synopsis.core.semantic import blocks, calibrate, encoders, models, vectors

HERE = Path(__file__).resolve().parent
COMMAND = ".venv/bin/python benchmarks/run_semantic.py"
WITH_E5 = os.environ.get("SEMANTIC_E5") == "1"


def _load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


# -- Text+Berg ------------------------------------------------------------------------------

def _tb_side(lines: list[str], encoder) -> blocks.Side:
    return blocks.Side.of(lines, vectors.embed(lines, encoder).blocks)


def _tb_naive(de: list[str], fr: list[str]) -> se.Alignment:
    scores = process.cdist(de, fr, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=1)
    used_a, used_b, out = set(), set(), []
    for flat in np.argsort(-scores, axis=None, kind="stable"):
        p, q = divmod(int(flat), scores.shape[1])
        if scores[p, q] < 60:
            break
        if p not in used_a and q not in used_b:
            used_a.add(p)
            used_b.add(q)
            out.append(((p,), (q,)))
    out += [((i,), ()) for i in range(len(de)) if i not in used_a]
    out += [((), (j,)) for j in range(len(fr)) if j not in used_b]
    return out


def textberg() -> dict:
    specs = [models.DEFAULT] + ([models.E5_SMALL] if WITH_E5 else [])
    out: dict = {"load": _load_average()}
    for split, names in (("dev", ["dev"]), ("test", [f"test{n}" for n in range(7)])):
        data = [se.text_berg(name) for name in names]
        golds = [gold for _, _, gold in data]
        out[split] = {"naive (token_set_ratio ≥ 60, one-to-one)":
                      se.strict_lax(golds, [_tb_naive(de, fr) for de, fr, _ in data])}
        for spec in specs:
            encoder = encoders.load(spec)
            sides = [(_tb_side(de, encoder), _tb_side(fr, encoder)) for de, fr, _ in data]
            for label, costs in (("default costs (news + Text+Berg dev)", blocks.BlockCosts()),
                                 ("Text+Berg dev costs", blocks.TEXT_BERG)):
                stretch = calibrate.calibration(spec.name).stretch
                tests = [blocks.align_blocks(a, b, costs, stretch=stretch) for a, b in sides]
                out[split][f"{spec.name}, {label}"] = se.strict_lax(golds, tests)
    return out


# -- bilingual news -------------------------------------------------------------------------

def _news_doc(text: str, name: str) -> Document:
    return Document(text=text, title=name, source=name, sha256="")


def _news_run(pairs: list[news_data.NewsPair], settings: Settings) -> tuple[tuple, float, list]:
    prepared, found, start = [], [], time.process_time()
    for pair in pairs:
        report = compare(_news_doc(pair.text_a, "a"), _news_doc(pair.text_b, "b"), settings)
        prepared.append(se.PreparedPair(pair, *report.documents))
        found.append(se.report_links(report))
    languages = sorted({tuple(p.doc_a.language or "?" for p in prepared)} |
                       {tuple(p.doc_b.language or "?" for p in prepared)})
    return se.unit_f1(prepared, found), time.process_time() - start, languages


def _news_naive(pairs: list[news_data.NewsPair]) -> tuple:
    prepared, found = [], []
    for pair in pairs:
        report = naive_report(pair.text_a, pair.text_b, pair.language_a, pair.language_b)
        prepared.append(se.PreparedPair(pair, *report.documents))
        found.append(se.report_links(report))
    return se.unit_f1(prepared, found)


def news() -> dict:
    out: dict = {"load": _load_average(), "sets": {}, "e5_cached": e5_cache.install()}
    for group, sets in (("dev", news_data.dev_sets()), ("test", news_data.test_sets())):
        for name, pairs in sets.items():
            row = {"group": group, "pairs": len(pairs),
                   "units": sum(len(p.units_a) + len(p.units_b) for p in pairs),
                   "naive": _news_naive(pairs)}
            row["synopsis"], row["cpu_seconds"], row["detected"] = _news_run(pairs, Settings())
            if "uk" in name:
                row["synopsis, default model forced"] = _news_run(
                    pairs, Settings(meaning_model=models.DEFAULT.name))[0]
            out["sets"][name] = row
            print(f"  news {name}: {row['synopsis']} (naive {row['naive']})", flush=True)
    return out


# -- WMT19 printed as articles ----------------------------------------------------------------

def _printed_doc(text: str) -> Document:
    return Document(text=text, title="", source="", sha256="", language="de")


def _segmentation_bound(pairs: list[printed_mod.PrintedPair]) -> float:
    from synopsis.core.pipeline import prepare
    reach = total = 0
    for pair in pairs:
        a = prepare(_printed_doc(pair.text_a), Settings())
        b = prepare(_printed_doc(pair.text_b), Settings())
        starts_a = {printed_mod.sentence_of(pair.starts_a, s.start) for s in a.segments}
        starts_b = {printed_mod.sentence_of(pair.starts_b, s.start) for s in b.segments}
        for j, (k, _) in pair.gold.items():
            total += 1
            reach += k in starts_a and j in starts_b
    return reach / total


def printed() -> dict:
    out: dict = {"load": _load_average()}
    for name, seed in (("report", 11), ("tuning", 101)):
        pairs = printed_mod.printed_pairs(20, seed=seed)
        row = {}
        for label, settings in (("synopsis", Settings()), ("synopsis, words only", Settings(meaning=False))):
            reports = [compare(_printed_doc(p.text_a), _printed_doc(p.text_b), settings) for p in pairs]
            row[label] = printed_mod.score_printed(pairs, reports)
        row["naive"] = printed_mod.score_printed(
            pairs, [naive_report(p.text_a, p.text_b, "de") for p in pairs])
        row["segmentation_bound"] = _segmentation_bound(pairs)
        out[name] = row
    return out


# -- MSRP -------------------------------------------------------------------------------------

def msrp() -> dict:
    """The shipped pair model (``core/semantic/pair_model.py``, its numbers fitted on MSRP train
    by ``fit_pair_model.py``, with the threshold chosen there out of fold) scored on MSRP test;
    beside it the score a lone pair gets in a comparison (a pair whose words settle it is not
    embedded, see ``same_language``), logistic fits made here on train over fewer views, the
    cosines alone and the naive baselines — every threshold chosen on train."""
    import align_msrp as am
    import fit_pair_model as fpm
    from synopsis.core.semantic import pair_model, same_language
    from synopsis.core.features import combine
    tables, labels = {}, {}
    for split in ("train", "test"):
        tables[split], labels[split] = fpm.msrp_table(split)
    shipped = pair_model.fitted(models.DEFAULT.name)
    threshold = fpm_threshold()
    out: dict = {"systems": {}, "threshold": threshold}
    out["systems"]["synopsis pair model (shipped, threshold from train)"] = am.metrics(
        (shipped(tables["test"]) >= threshold) * 1.0, labels["test"])
    if shipped.trees is not None:
        linear = dataclasses.replace(shipped, trees=None)
        t = am.best_threshold(linear(tables["train"]), labels["train"])
        out["systems"]["its logistic regression alone, without the boosted trees"] = am.metrics(
            (linear(tables["test"]) >= t) * 1.0, labels["test"])
    in_app = {split: _as_compared(shipped(tables[split]), combine(tables[split]), tables[split]["cos"], same_language)
              for split in tables}
    t = am.best_threshold(in_app["train"], labels["train"])
    out["systems"]["a lone pair as a comparison scores it (settled pairs keep their word score)"] = am.metrics(
        (in_app["test"] >= t) * 1.0, labels["test"])
    base = list(am.ENGINE_FEATURES) + ["tokens", "contain", "bigrams", "unmatched"]
    views = {split: {**tables[split], "cos use-multilingual-v3": tables[split]["cos"]} for split in tables}
    for label, features in (("logistic over the views only (words)", base),
                            ("logistic over the views and the cosine", base + ["cos use-multilingual-v3"])):
        out["systems"][label] = _msrp_fit(am, views, labels, features)
    for name, values in (("use-multilingual-v3 cosine alone", "cos"), ("naive (character ratio)", "chars")):
        t = am.best_threshold(tables["train"][values], labels["train"])
        out["systems"][name] = am.metrics((tables["test"][values] >= t) * 1.0, labels["test"])
    out["systems"]["majority class"] = am.metrics(np.ones_like(labels["test"]), labels["test"])
    return out


def fpm_threshold() -> float:
    from synopsis.core.semantic.pair_weights import FITTED
    return float(FITTED[models.DEFAULT.name]["msrp_threshold"])


def _as_compared(model: np.ndarray, word: np.ndarray, cos: np.ndarray, same_language) -> np.ndarray:
    """The score of each pair as ``MeaningView.rescore`` gives it when the pair is all two
    documents hold: the word score where it settles the pair, else the pair model under the
    rescue and veto rules (the higher of it and the cosine blend)."""
    both = np.maximum(same_language.BLEND[models.DEFAULT.name](word, cos, np.zeros_like(cos)), model)
    rescued = np.where(both >= same_language.RESCUE_MIN, np.maximum(word, both),
                       np.where(word < same_language.VETO_MAX, np.minimum(word, both), word))
    return np.where(word >= same_language.SETTLED, word, rescued)


def _msrp_fit(am, views: dict, labels: dict, features: list[str]) -> dict:
    coef = am.fit_logistic(views["train"], labels["train"], features=features)

    def score(v: dict) -> np.ndarray:
        z = np.full(len(v["chars"]), coef["bias"])
        for name in features:
            z = z + coef[name] * v[name]
        return 1 / (1 + np.exp(-z))

    threshold = am.best_threshold(score(views["train"]), labels["train"])
    return am.metrics((score(views["test"]) >= threshold) * 1.0, labels["test"])


# -- seeds ------------------------------------------------------------------------------------

def seeds() -> dict:
    from align_eval import ORIGINAL, RELATED, score_seed
    out: dict = {"seed pair": score_seed(Settings()), "related": {}}
    names = RELATED + [ORIGINAL]
    for i, x in enumerate(RELATED):
        for y in names[i + 1:]:
            docs = lambda: (load(ROOT / "seeds" / x), load(ROOT / "seeds" / y))  # noqa: E731
            row = {}
            for label, settings in (("synopsis", Settings()), ("synopsis, words only", Settings(meaning=False))):
                report = compare(*docs(), settings)
                row[label] = [_link_text(report, link) for link in report.links]
            a, b = docs()
            naive = naive_report(a.text, b.text, "en")
            row["naive"] = [_link_text(naive, link) for link in naive.links]
            out["related"][f"{x[:-4]} / {y[:-4]}"] = row
    report = compare(load(ROOT / "seeds" / ORIGINAL), load(ROOT / "seeds" / "ru-witkoff-putin-talks.txt"))
    verdicts = [link.translation for link in report.links]
    out["translation seed"] = {"links": len(report.links), "faithful": verdicts.count("faithful"),
                               "changed": verdicts.count("changed"),
                               "unique_a": len(report.unique_segments(0)),
                               "unique_b": len(report.unique_segments(1))}
    return out


def _link_text(report, link) -> dict:
    a, b = report.documents
    return {"label": link.label, "score": round(link.score, 3),
            "a": " ".join(a.segment_text(i) for i in link.a)[:160],
            "b": " ".join(b.segment_text(j) for j in link.b)[:160]}


# -- speed ------------------------------------------------------------------------------------

CHILD = """
import json, os, resource, sys, time
sys.path[:0] = [{here!r}, {desktop!r}]
start = time.perf_counter()
from semantic_sections import {builder}
from synopsis.core import Settings
from synopsis.runtime import compare
a, b = {builder}()
t = time.perf_counter()
report = compare(a, b, Settings(meaning={meaning!r}))
wall = time.perf_counter() - t
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": wall, "with_imports": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "links": len(report.links), "passages": [len(d.segments) for d in report.documents]}}))
"""


def russian_english_articles(lines: int = 2000) -> tuple[Document, Document]:
    """Two long articles, Russian and English: the WMT22 and WMT23 Russian originals, all
    domains, in order, with their English translations, three sentences a paragraph."""
    (article,) = news_data.articles("speed.ru-en")
    ru, en = article.source[:lines], article.target[:lines]
    paragraphs = lambda xs: "\n\n".join(" ".join(xs[k:k + 3]) for k in range(0, len(xs), 3))  # noqa: E731
    return (Document(paragraphs(ru), "ru", "ru", ""), Document(paragraphs(en), "en", "en", ""))


def german_pair() -> tuple[Document, Document]:
    from align_data import long_pair
    a, b = long_pair(2000)
    return Document(a, "a", "a", "", language="de"), Document(b, "b", "b", "", language="de")


def _child(builder: str, meaning: bool = True) -> dict:
    import json
    code = CHILD.format(here=str(HERE), desktop=str(HERE.parent / "desktop"), builder=builder, meaning=meaning)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def seed_documents() -> tuple[Document, Document]:
    return (load(ROOT / "seeds" / "bbc-witkoff-putin-talks.txt"),
            load(ROOT / "seeds" / "translated-witkoff-putin-talks.txt"))


def speed() -> dict:
    """The seed pair in process (model loaded; CPU time and wall-clock, median of 9), then
    fresh processes for the first comparison and the long pairs."""
    out: dict = {"load_before": _load_average()}
    encoders.load(models.DEFAULT)
    for label, meaning, warm in (("seed pair, meaning on", True, False),
                                 ("seed pair, meaning on, embeddings cached", True, True),
                                 ("seed pair, words only", False, False)):
        cpu, wall = [], []
        for _ in range(9):
            if not warm:
                vectors.CACHE.clear()
            a, b = seed_documents()
            c0, w0 = time.process_time(), time.perf_counter()
            compare(a, b, Settings(meaning=meaning))
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
        out[label] = {"median_cpu_seconds": statistics.median(cpu), "max_cpu": max(cpu),
                      "median_wall_seconds": statistics.median(wall)}
    out["seed pair, first comparison in a fresh process (model load included)"] = _child("seed_documents")
    out["two 2,000-sentence articles, Russian and English"] = _child("russian_english_articles")
    out["two 2,000-line German articles, meaning on"] = _child("german_pair", True)
    out["two 2,000-line German articles, words only"] = _child("german_pair", False)
    out["load_after"] = _load_average()
    return out


# -- fits (development data only) ---------------------------------------------------------------

def print_calibration() -> None:
    dev = news_data.dev_sets()["ru-en (dev)"]
    prepared = [se.PreparedPair.of(pair) for pair in dev]
    for spec in (models.DEFAULT, models.E5_SMALL):
        if not models.installed(spec):
            continue
        x, y = se.calibration_rows(prepared, spec)
        w = se.fit_logistic(x, y)
        p = 1 / (1 + np.exp(-(np.hstack([x, np.ones((len(x), 1))]) @ w)))
        print(f"{spec.name}: Calibration(cosine={w[0]:.3f}, relative={w[1]:.3f}, bias={w[2]:.3f}); "
              f"{len(y)} pairs, {int(y.sum())} translations; right side of 0.5: {((p >= 0.5) == y).mean():.3f}")


def print_blend() -> None:
    from semantic_fits import blend_rows
    x, y = blend_rows(models.DEFAULT)
    w = se.fit_logistic(x, y)
    print(f"{models.DEFAULT.name}: Blend(word={w[0]:.3f}, relative=0.0, cosine={w[1]:.3f}, bias={w[2]:.3f}); "
          f"{len(y)} pairs, {int(y.sum())} right")


def render(results: dict) -> str:
    from semantic_report import render as render_markdown
    return render_markdown(results)
