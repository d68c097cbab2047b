"""``synopsis library …`` end to end on a real library file (click's CliRunner)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from synopsis.cli import main
from synopsis.library import Library


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("SYNOPSIS_LIBRARY", raising=False)
    db = tmp_path / "lib.db"

    def invoke(*args):
        return CliRunner().invoke(main, ["library", *args, "--db", str(db)])
    invoke.db = db
    return invoke


def test_add_list_search_show(run, seed_pair):
    out = run("add", str(seed_pair[0]), str(seed_pair[1]), "--case", "Witkoff")
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].startswith("d1\t")
    again = run("add", str(seed_pair[0]))
    assert "already stored" in again.output
    listing = run("list")
    assert [line.split()[0] for line in listing.output.splitlines()] == ["d2", "d1"]
    hits = run("search", "Kreml")
    assert hits.exit_code == 0 and "[Kremlin]" in hits.output
    shown = run("show", "d1", "--text")
    assert "sha256:" in shown.output and "Witkoff" in shown.output
    case = run("cases", "show", "Witkoff", "--json")
    assert [d["id"] for d in json.loads(case.output)["documents"]] == [1, 2]


def test_compare_export_and_remove(run, seed_pair, tmp_path, validate_report):
    run("add", str(seed_pair[0]), str(seed_pair[1]))
    out = run("compare", "d1", "d2", "--case", "Talks")
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0] == "c1" and "shared" in out.output
    with Library.open(run.db) as lib:
        report = lib.get_comparison(1)
        link = report.links[0]
        lib.set_verdict(1, link.a, link.b, "altered", "the figure changed")
    target = tmp_path / "report.json"
    exported = run("export", "c1", "-o", str(target))
    assert exported.exit_code == 0, exported.output
    data = json.loads(target.read_text(encoding="utf-8"))
    validate_report(data)
    assert len(data["links"]) == len(report.links)
    assert "verdict a:" in run("show", "c1").output
    assert run("list", "--comparisons").output.startswith("c1")
    refused = run("remove", "d1")
    assert refused.exit_code == 2 and "used by comparison c1" in refused.output
    assert run("remove", "c1").exit_code == 0 and run("remove", "d1").exit_code == 0


def test_cases_commands(run, seed_pair):
    run("add", str(seed_pair[0]))
    assert run("cases", "new", "Geneva", "--note", "who said what").exit_code == 0
    dup = run("cases", "new", "Geneva")
    assert dup.exit_code == 2 and "already exists" in dup.output
    assert run("cases", "add", "Geneva", "d1").exit_code == 0
    assert "1 documents, 0 comparisons" in run("cases", "list").output
    shown = run("cases", "show", "Geneva")
    assert "note: who said what" in shown.output and "d1" in shown.output


@pytest.mark.parametrize("args, message", [
    (("show", "d9"), "no document d9"),
    (("show", "x9"), "not an id"),
    (("compare", "d1", "c2"), "two document ids"),
    (("export", "c4", "-o", "out.json"), "no comparison c4"),
    (("add", "missing-file.txt"), "missing-file.txt: no such file"),
])
def test_errors_are_one_line(run, args, message):
    run("list")  # create the library
    out = run(*args)
    assert out.exit_code == 2 and message in out.output
    assert "Traceback" not in out.output and len(out.output.strip().splitlines()) == 1


def test_corrupt_library_refused(run):
    run.db.write_bytes(b"garbage" * 100)
    out = run("list")
    assert out.exit_code == 2 and "not an SQLite database" in out.output
    assert run.db.read_bytes() == b"garbage" * 100


def test_env_var_chooses_the_file(tmp_path, monkeypatch, seed_pair):
    monkeypatch.setenv("SYNOPSIS_LIBRARY", str(tmp_path / "env.db"))
    out = CliRunner().invoke(main, ["library", "add", str(seed_pair[0])])
    assert out.exit_code == 0 and (tmp_path / "env.db").exists()


def _commands(group, prefix=()):
    import click

    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))
        else:
            yield prefix + (name,), cmd


def test_every_command_has_an_example_and_db_option():
    from synopsis.cli.library import library

    found = list(_commands(library))
    assert len(found) >= 11
    for name, cmd in found:
        assert "Example" in (cmd.help or ""), name
        assert "--db" in {opt for p in cmd.params for opt in p.opts}, name


def test_exported_html_carries_verdicts_set_in_the_library(tmp_path, seed_pair):
    """A verdict stored in the library reaches the file `library export` writes."""
    db = tmp_path / "lib.db"

    def run(*args):
        result = CliRunner().invoke(main, ["library", *args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        return result

    run("add", str(seed_pair[0]), str(seed_pair[1]))
    run("compare", "d1", "d2")
    lib = Library.open(db)
    try:
        cid = lib.list_comparisons()[0]["id"]
        link = lib.get_comparison(cid).links[0]
        lib.set_verdict(cid, link.a, link.b, "altered", "Checked against the wire copy")
    finally:
        lib.close()
    out = tmp_path / "r.html"
    run("export", f"c{cid}", "-o", str(out))
    html = out.read_text(encoding="utf-8")
    assert "Checked against the wire copy" in html and "altered" in html


def test_compare_names_stored_documents_by_id(tmp_path, seed_pair, seeds):
    db = tmp_path / "lib.db"
    added = CliRunner().invoke(main, ["library", "add", str(seed_pair[0]), str(seed_pair[1]),
                                      str(seeds / "geneva-round.txt"), "--db", str(db)])
    assert added.exit_code == 0, added.output
    by_id = CliRunner().invoke(main, ["compare", "d1", "d2", "--db", str(db), "--format", "json"])
    by_path = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "--format", "json"])
    assert by_id.exit_code == 0, by_id.output
    links = lambda out: [(link["a"], link["b"], link["label"]) for link in json.loads(out)["links"]]
    assert links(by_id.output) == links(by_path.output)
    many = CliRunner().invoke(main, ["compare", "d1", "d2", "d3", "--db", str(db), "--no-color"])
    assert many.exit_code == 0, many.output
    missing = CliRunner().invoke(main, ["compare", "d1", "d99", "--db", str(db)])
    assert missing.exit_code == 2 and "d99" in missing.output and "Traceback" not in missing.output


def test_db_option_before_or_after_the_command(tmp_path, seed_pair, monkeypatch):
    monkeypatch.delenv("SYNOPSIS_LIBRARY", raising=False)
    db = tmp_path / "cases.db"
    added = CliRunner().invoke(main, ["library", "--db", str(db), "add", str(seed_pair[0])])
    assert added.exit_code == 0, added.output
    before = CliRunner().invoke(main, ["library", "--db", str(db), "list"])
    after = CliRunner().invoke(main, ["library", "list", "--db", str(db)])
    assert before.exit_code == after.exit_code == 0 and before.output == after.output
    assert before.output.startswith("d1")
