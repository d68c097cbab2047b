import csv
import io
import json

from click.testing import CliRunner

from synopsis.cli import main

SEEDS = ["bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt", "geneva-round.txt"]


def _args(seeds):
    return [str(seeds / name) for name in SEEDS]


def test_text_matrix(seeds):
    result = CliRunner().invoke(main, ["compare", *_args(seeds), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "3 sources" in result.output and "Claim matrix" in result.output
    rows = [line for line in result.output.splitlines() if line.strip().startswith(tuple("0123456789"))]
    assert any(" S" in line or " P" in line for line in rows)


def test_json_csv_markdown_html(seeds, tmp_path, validate_report):
    runner = CliRunner()
    out = tmp_path / "c.json"
    assert runner.invoke(main, ["compare", *_args(seeds), "-o", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "synopsis-collection" and len(data["pairs"]) == 3
    validate_report(data["pairs"][0]["report"])
    result = runner.invoke(main, ["compare", *_args(seeds), "--format", "csv"])
    assert result.output.startswith("\ufeff")  # the one CSV rule: UTF-8 with a BOM
    table = list(csv.reader(io.StringIO(result.output[1:])))
    assert table[0][:2] == ["statement", "sources"] and len(table) == len(data["statements"]) + 1
    md = runner.invoke(main, ["compare", *_args(seeds), "--format", "md"]).output
    assert "| # |" in md and "## Claim matrix" in md
    html_path = tmp_path / "c.html"
    assert runner.invoke(main, ["compare", *_args(seeds), "-o", str(html_path)]).exit_code == 0
    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "http" not in html.split("<body>")[1].split("<code>")[0]
    assert "<script" not in html


def test_html_escapes(tmp_path, seeds):
    evil = tmp_path / "evil.txt"
    evil.write_text("<script>alert(1)</script> said the minister on Monday in Geneva.\n", encoding="utf-8")
    args = [str(evil), *_args(seeds)[:2], "--format", "html"]
    result = CliRunner().invoke(main, ["compare", *args])
    assert result.exit_code == 0 and "<script>" not in result.output and "&lt;script&gt;" in result.output


def test_bad_inputs_one_line(tmp_path, seeds):
    runner = CliRunner()
    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["compare", *_args(seeds)[:2], str(missing)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0] and "no such file" in lines[0]
    result = runner.invoke(main, ["compare", *_args(seeds), "-o", str(tmp_path / "x.pdfx")])
    assert result.exit_code == 2 and "extension" in result.output
    result = runner.invoke(main, ["matrix", *_args(seeds), "--manifest", str(missing),
                                  "--screenshot", str(tmp_path / "s.png")])
    assert result.exit_code == 2 and "manifest" in result.output and len(result.output.strip().splitlines()) == 1


def test_matrix_screenshot(seeds, tmp_path, qapp):
    shot = tmp_path / "m.png"
    result = CliRunner().invoke(main, ["matrix", *_args(seeds), "--manifest", str(seeds / "manifest.json"),
                                       "--screenshot", str(shot), "--size", "900x600"])
    assert result.exit_code == 0, result.output
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (900, 600)
    assert CliRunner().invoke(main, ["matrix", *_args(seeds), "--size", "big"]).exit_code == 2
