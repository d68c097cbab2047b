"""``synopsis scan`` from the command line: the result folder, its tables and reports, the
query index, browsing and importing into a real library."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from import_probe import HEAVY, imported_by

from synopsis.cli import main
from synopsis.library import Library


@pytest.fixture(scope="module")
def scanned(tmp_path_factory, corpus_file):
    out = tmp_path_factory.mktemp("scan")
    result, index = out / "result", out / "corpus.idx"
    run = CliRunner().invoke(main, ["scan", str(corpus_file), "-o", str(result), "--index", str(index),
                                    "--reports", "2", "--workers", "2", "--format", "json"])
    assert run.exit_code == 0, run.output
    return result, index, json.loads(run.stdout)


def test_the_result_folder_holds_the_tables(scanned, planted):
    result, _, summary = scanned
    reuse = pq.read_table(result / "reuse.parquet").to_pandas()
    pairs = {tuple(sorted(p)) for p in zip(reuse["a_id"], reuse["b_id"])}
    assert planted[1] <= pairs and summary["reuse_pairs"] == len(reuse)
    row = reuse[(reuse["a_id"] == "bbc") & (reuse["b_id"] == "translated")].iloc[0]
    links = json.loads(row["links"])
    assert len(links) == row["shared"] + row["paraphrased"] and row["coverage_a"] > 0.5
    clusters = pq.read_table(result / "clusters.parquet").to_pandas()
    bbc = clusters[clusters["member_ids"].apply(lambda ids: "bbc" in list(ids))].iloc[0]
    assert bbc["source_id"] == "bbc" and bbc["source_date"] == "2025-12-01"      # published first
    documents = pq.read_table(result / "documents.parquet").to_pandas()
    assert len(documents) == summary["articles"] == len(planted[0])
    manifest = json.loads((result / "manifest.json").read_text())
    assert manifest["format"] == "synopsis-scan" and manifest["options"]["settings"]["facts"] is True


def test_each_report_is_a_claim_matrix_with_the_text_escaped(scanned):
    result, _, summary = scanned
    assert len(summary["reports"]) == 2

    class Cells(HTMLParser):
        cells = 0

        def handle_starttag(self, tag, attrs):
            self.cells += tag == "td" and "c " in (dict(attrs).get("class") or "")
    for report in summary["reports"]:
        page = open(report, encoding="utf-8").read()
        parser = Cells()
        parser.feed(page)
        assert "Claim matrix" in page and parser.cells >= 4
        assert "<script" not in page


def test_browse_clusters_and_pairs(scanned):
    result, _, _ = scanned
    runner = CliRunner()
    listing = runner.invoke(main, ["scan", "--result", str(result)])
    assert listing.exit_code == 0 and re.search(r"\d+ clusters in", listing.output)
    cluster = runner.invoke(main, ["scan", "--result", str(result), "--cluster", "0"])
    assert cluster.exit_code == 0 and "likely source" in cluster.output
    numbers = re.search(r"^\s+(\d+) ↔ (\d+)", cluster.output, re.M).groups()
    pair = runner.invoke(main, ["scan", "--result", str(result), "--pair", *numbers])
    assert pair.exit_code == 0 and "aligned pairs" in pair.output


def test_import_a_pair_and_a_cluster_into_the_library(scanned, tmp_path):
    result, _, _ = scanned
    reuse = pq.read_table(result / "reuse.parquet").to_pandas()
    row = reuse[reuse["a_id"] == "bbc"].iloc[0]
    db = tmp_path / "lib.db"
    runner = CliRunner()
    one = runner.invoke(main, ["scan", "--result", str(result), "--pair", str(row["a"]), str(row["b"]),
                               "--import", "--db", str(db)])
    assert one.exit_code == 0, one.output
    cluster = runner.invoke(main, ["scan", "--result", str(result), "--cluster", str(row["cluster"]),
                                   "--import", "--db", str(db)])
    assert cluster.exit_code == 0, cluster.output
    with Library.open(db, readonly=True) as library:
        report = library.get_comparison(1)
        assert {d.source for d in report.documents} == {"bbc", "translated"}
        assert len(report.links) == row["shared"] + row["paraphrased"]
        cases = library.list_cases()
        assert len(cases) == 1 and cases[0]["comparisons"] >= 1


def test_query_the_index(scanned, seeds):
    _, index, _ = scanned
    run = CliRunner().invoke(main, ["scan", "--query", str(seeds / "translated-witkoff-putin-talks.txt"),
                                    "--index", str(index), "--format", "json"])
    assert run.exit_code == 0, run.output
    answer = json.loads(run.stdout)
    assert answer["matches"][0]["id"] in ("translated", "bbc")
    assert {m["id"] for m in answer["matches"]} == {"translated", "bbc"}


def test_a_query_starts_without_the_library_the_cluster_or_pandas(scanned, seeds):
    _, index, _ = scanned
    modules, output = imported_by("scan", "--query", str(seeds / "translated-witkoff-putin-talks.txt"),
                                  "--index", str(index), "--format", "json")
    assert {m["id"] for m in json.loads(output)["matches"]} == {"translated", "bbc"}
    assert not {m for m in modules if m.startswith(HEAVY)}


def test_a_query_names_the_copies_of_what_it_finds(scanned, planted, tmp_path):
    _, index, _ = scanned
    original = next(r for r in planted[0] if r["id"] == "belta-7")
    article = tmp_path / "article.txt"
    article.write_text("Reprinted\n\n" + original["text"], encoding="utf-8")
    run = CliRunner().invoke(main, ["scan", "--query", str(article), "--index", str(index), "--format", "json"])
    assert run.exit_code == 0, run.output
    matches = {m["id"]: m for m in json.loads(run.stdout)["matches"]}
    assert {"belta-7", "copy"} <= set(matches)
    assert matches["copy"]["copy_of"] == matches["belta-7"]["number"] and matches["belta-7"]["copy_of"] is None


@pytest.mark.parametrize("args, message", [
    (["scan", "nowhere.jsonl", "-o", "out"], "nowhere.jsonl: no such file or folder"),
    (["scan", "--result", "."], "is not a scan result"),
    (["scan", "--query", "a.txt", "--index", "."], "is not a scan index"),
])
def test_errors_are_one_line_with_exit_code_2(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Some article text for the query.", encoding="utf-8")
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 2 and message in run.output and len(run.output.strip().splitlines()) == 1


def test_an_existing_output_folder_is_never_written_over(scanned, corpus_file):
    result, _, _ = scanned
    before = sorted(p.name for p in result.iterdir())
    run = CliRunner().invoke(main, ["scan", str(corpus_file), "-o", str(result)])
    assert run.exit_code == 2 and "already exists" in run.output
    assert sorted(p.name for p in result.iterdir()) == before
