import json

from click.testing import CliRunner

from synopsis.cli import main


def test_text_summary(seed_pair):
    result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "shared" in result.output and "paraphrased" in result.output and "Only in A" in result.output


def test_json_to_file(seed_pair, tmp_path, validate_report):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    validate_report(json.loads(out.read_text(encoding="utf-8")))


def test_json_stdout(seed_pair, validate_report):
    result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "--format", "json"])
    assert result.exit_code == 0
    validate_report(json.loads(result.output))


def test_bad_inputs_one_line_no_traceback(tmp_path, seed_pair):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    for bad, reason in ((tmp_path / "missing.txt", "no such file"), (tmp_path, "directory"),
                        (empty, "empty"), (binary, "binary")):
        result = CliRunner().invoke(main, ["compare", str(bad), str(seed_pair[1])])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0], result.output
        assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "--max-size", "100"])
    assert result.exit_code == 2 and "limit" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "synopsis" in result.output


def test_shared_rule_options_shape_and_are_recorded(seed_pair, validate_report):
    def run(*extra):
        result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "--format", "json",
                                           *extra])
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        validate_report(data)
        return data

    default, loose = run(), run("--shared-max-changed-words", "3")
    shared = [sum(1 for link in d["links"] if link["label"] == "shared") for d in (default, loose)]
    assert default["settings"]["shared_max_changed_words"] == 2 and loose["settings"]["shared_max_changed_words"] == 3
    assert shared[1] > shared[0]
    bad = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]), "--shared-max-changed-words", "-1"])
    assert bad.exit_code == 2


def test_a_document_past_the_passage_limit_is_one_error_line(tmp_path, seed_pair, monkeypatch):
    from synopsis.core import align

    monkeypatch.setattr(align, "MAX_PASSAGES", 36)   # A: 40 sentences, 35 paragraphs of text
    result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1])])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(seed_pair[0]) in lines[0] and "more than the 36" in lines[0], result.output
    assert lines[0].startswith("synopsis: ") and "--granularity paragraph" in lines[0]
    result = CliRunner().invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]),
                                       "--granularity", "paragraph"])
    assert result.exit_code == 0, result.output


def test_past_the_passage_limit_by_paragraph_too_the_hint_is_parts(tmp_path, seed_pair, monkeypatch):
    """A document whose every sentence is its own paragraph is not told to compare by paragraph."""
    from synopsis.core import align

    monkeypatch.setattr(align, "MAX_PASSAGES", 36)
    lines_only = tmp_path / "lines.txt"
    lines_only.write_text("".join(f"Line {n} of the list says a thing.\n\n" for n in range(40)), encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(lines_only), str(seed_pair[1])])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "40 passages" in lines[0], result.output
    assert "--granularity" not in lines[0] and lines[0].endswith("compare it in parts")
