"""Formats are found by name and extension, and the CLI writes each of them."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from synopsis import export
from synopsis.cli import main as cli_main

MAGIC = {"html": b"<!DOCTYPE html>", "pdf": b"%PDF-", "csv": "\ufeffrow,class".encode(),
         "markdown": b"# Synopsis comparison", "json": b"{"}


@pytest.mark.parametrize("name,fmt", [("r.html", "html"), ("R.HTM", "html"), ("r.pdf", "pdf"),
                                      ("r.csv", "csv"), ("r.md", "markdown"), ("r.json", "json")])
def test_extension_picks_the_format(name, fmt):
    assert export.format_for(Path(name)) == fmt
    assert export.format_for(Path(name), "csv") == "csv"


def test_unknown_extension_is_one_clear_error():
    with pytest.raises(ValueError, match=r"r\.docx.*\.docx"):
        export.format_for(Path("r.docx"))


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".csv", ".md", ".json"])
def test_cli_writes_every_format(seed_pair, tmp_path, suffix):
    out = tmp_path / f"report{suffix}"
    result = CliRunner().invoke(cli_main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(MAGIC[export.format_for(out)])
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_report_passes_annotations(hostile_report, annotations, tmp_path):
    out = tmp_path / "r.bin"
    assert export.write_report(hostile_report, out, "markdown", annotations=annotations) == "markdown"
    assert "Verdict:" in out.read_text(encoding="utf-8")
