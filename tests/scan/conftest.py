"""Fixtures of the scan tests: one embedded Dask cluster per test process, and a small corpus
with planted reuse made from the sample articles (all on one topic, so unrelated articles
share names and words: the precision case)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BACKGROUND = ("belta-abu-dhabi-round.txt", "russia-territorial-conditions.txt", "geneva-round.txt")
SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
OWN = ["Local officials said they had not been told about the plan in advance.",
       "The newspaper's correspondent visited three villages near the river this week.",
       "Residents queued for hours outside the only open bank branch on Tuesday.",
       "A spokesman for the regional council declined to comment on the figures."]


def sentences(name: str) -> list[str]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [s.strip() for s in SENTENCE.split(" ".join(text.split())) if len(s.split()) >= 5]


def build() -> tuple[list[dict], set[tuple[str, str]]]:
    """(records, the planted reusing pairs as sorted id pairs)."""
    records, gold = [], set()
    seen: set[str] = set()
    for name in BACKGROUND:     # each sentence once: the sample articles repeat paragraphs
        lines = []
        for line in sentences(name):
            key = " ".join(re.findall(r"\w+", line.lower())[:8])
            if key not in seen:
                seen.add(key)
                lines.append(line)
        for n, start in enumerate(range(0, len(lines) - 5, 6)):
            chunk = lines[start:start + 6]
            records.append({"id": f"{name[:5]}-{n}", "title": chunk[0][:60], "outlet": name[:5],
                            "date": f"2026-02-{10 + n:02d}", "text": "\n\n".join(chunk)})
    source = records[3]
    reused = source["text"].split("\n\n")[1:4]
    records.append({"id": "reuser", "title": "Talks go on", "outlet": "Daily", "date": "2026-03-01",
                    "text": "Talks go on\n\n" + "\n\n".join(OWN[:2] + reused + OWN[2:])})
    gold.add(tuple(sorted((source["id"], "reuser"))))
    copied = records[7]
    records.append({"id": "copy", "title": copied["title"], "outlet": "Mirror", "date": "2026-03-02",
                    "text": copied["text"]})
    gold.add(tuple(sorted((copied["id"], "copy"))))
    bbc, translated = (SEEDS / "bbc-witkoff-putin-talks.txt", SEEDS / "translated-witkoff-putin-talks.txt")
    records.append({"id": "bbc", "title": "", "outlet": "BBC", "date": "2025-12-01",
                    "text": bbc.read_text(encoding="utf-8")})
    records.append({"id": "translated", "title": "", "outlet": "", "date": "2025-12-03",
                    "text": translated.read_text(encoding="utf-8")})
    gold.add(("bbc", "translated"))
    return records, gold


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path



@pytest.fixture(scope="session")
def scan_client():
    from synopsis.scan.cluster import connect
    with connect(workers=2) as client:
        yield client


@pytest.fixture(scope="session")
def planted():
    return build()


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory, planted):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", planted[0])


@pytest.fixture(scope="session")
def scan_result(scan_client, corpus_file):
    from synopsis.scan import inputs
    from synopsis.scan.pipeline import run_scan
    return run_scan(scan_client, inputs.plan(corpus_file, rows_per_partition=15))
