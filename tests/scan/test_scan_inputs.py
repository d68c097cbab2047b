"""Every kind of corpus is read into the same articles; bad input is one clear line."""
from __future__ import annotations

import csv
import json
import shutil

import pytest

from synopsis.library import Library
from synopsis.scan.inputs import InputError, plan, read_partition


def _read_all(source, **kw):
    articles, problems = [], []
    for part in plan(source, **kw):
        got, bad = read_partition(part)
        articles += got
        problems += bad
    return articles, problems


def test_jsonl_blocks_split_at_line_boundaries(tmp_path, monkeypatch):
    import synopsis.scan.inputs as inputs
    monkeypatch.setattr(inputs, "BYTES_PER_BLOCK", 64)
    rows = [{"text": f"Article number {i} with «quotes» and ünïcode.", "id": f"a{i}", "published": "2024-01-0%d" % (i % 9 + 1)}
            for i in range(30)]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    assert len(plan(path)) > 10
    articles, problems = _read_all(path)
    assert [a.id for a in articles] == [r["id"] for r in rows]
    assert articles[3].date == rows[3]["published"] and articles[3].title.startswith("Article number 3")
    assert len(problems) == 1 and "is not a JSON object" in problems[0] and str(path) in problems[0]


def test_csv_with_line_breaks_inside_quotes(tmp_path):
    path = tmp_path / "c.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "body", "outlet", "url"])
        for i in range(7):
            writer.writerow([f"Title {i}", f"First paragraph {i}.\n\nSecond, \"quoted\" paragraph.", "AP", f"https://x/{i}"])
    articles, _ = _read_all(path, rows_per_partition=3)
    assert len(articles) == 7 and articles[6].text.endswith('"quoted" paragraph.')
    assert (articles[0].title, articles[0].outlet, articles[0].id) == ("Title 0", "AP", "0")


def test_parquet_row_groups(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"content": [f"Text {i} here." for i in range(10)], "date": ["2024"] * 10}),
                   path, row_group_size=4)
    assert len(plan(path)) == 3
    assert [a.text for a in _read_all(path)[0]] == [f"Text {i} here." for i in range(10)]


def test_a_folder_of_files_in_any_format_with_its_manifest(tmp_path, seeds):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(seeds / "geneva-round.txt", folder)
    shutil.copy(seeds / "manifest.json", folder)
    (folder / "page.html").write_text("<html><head><title>A page</title></head><body><article><p>"
                                      + "A paragraph of the page that is long enough to be kept. " * 5
                                      + "</p></article></body></html>", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    articles, problems = _read_all(folder)
    assert sorted(a.id for a in articles) == ["geneva-round.txt", "page.html"]
    geneva = next(a for a in articles if a.id == "geneva-round.txt")
    assert geneva.date == "2026-02" and geneva.title.startswith("Zelensky suggests")
    assert len(problems) == 1 and "empty.txt" in problems[0]


def test_the_library_as_a_corpus(tmp_path, seeds):
    from synopsis.core import load
    db = tmp_path / "lib.db"
    with Library.open(db) as library:
        for name in ("geneva-round.txt", "russia-territorial-conditions.txt"):
            library.add_document(load(seeds / name))
    articles, _ = _read_all(db)
    assert [a.id for a in articles] == ["d1", "d2"] and articles[1].outlet == "unknown"


@pytest.mark.parametrize("make, reason", [
    (lambda p: p / "missing.jsonl", "no such file or folder"),
    (lambda p: (p / "x.txt").write_text("hello") and p / "x.txt", "is not a corpus"),
    (lambda p: (p / "x.csv").write_text("a,b\n1,2\n") and p / "x.csv", "has no text column"),
    (lambda p: (p / "x.parquet").write_text("no") and p / "x.parquet", "is not a readable Parquet file"),
])
def test_bad_corpora_are_named_with_the_problem(tmp_path, make, reason):
    source = make(tmp_path)
    with pytest.raises(InputError) as info:
        plan(source)
    assert str(source) in str(info.value) and reason in str(info.value)
