"""Shared fixtures: the sample articles, the report schema, a schema validator."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = SHARED / "design" / "report.schema.json"
LOCAL_SCHEMA = ROOT / "docs" / "report.schema.json"


@pytest.fixture(scope="session", autouse=True)
def model_cache(tmp_path_factory) -> Path:
    """The app's decoded-model cache in a temporary folder for the whole run (programs the tests
    start inherit it): a test never writes into the user's cache folder."""
    folder = tmp_path_factory.mktemp("model-cache")
    os.environ["SYNOPSIS_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_pair() -> tuple[Path, Path]:
    return SEEDS / "bbc-witkoff-putin-talks.txt", SEEDS / "translated-witkoff-putin-talks.txt"


@pytest.fixture(scope="session")
def report_schema() -> dict:
    path = SCHEMA_PATH if SCHEMA_PATH.exists() else LOCAL_SCHEMA
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_report(report_schema):
    """Validate a report dict against the public schema (raises on any violation)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(report_schema)

    def check(data: dict) -> None:
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        for doc in data["documents"]:
            n = len(doc["text"])
            for seg in doc["segments"]:
                assert 0 <= seg["start"] <= seg["end"] <= n
        used_a: set[int] = set()
        used_b: set[int] = set()
        for link in data["links"]:
            assert not used_a & set(link["a"]) and not used_b & set(link["b"]), "segment in two links"
            used_a |= set(link["a"])
            used_b |= set(link["b"])
            for item in link.get("edits", []) + link.get("facts", []):
                for side, doc in (("a", data["documents"][0]), ("b", data["documents"][1])):
                    if side in item:
                        span = item[side]
                        assert 0 <= span["start"] <= span["end"] <= len(doc["text"])
                        if "text" in span:
                            assert doc["text"][span["start"]:span["end"]] == span["text"]
        for doc in data["documents"]:
            total = sum(doc["summary"].values())
            assert abs(total - 1.0) < 1e-6

    return check


@pytest.fixture(scope="session")
def as_ordinary_user():
    """A command run so that file permissions apply to it: as is for an ordinary user; for root,
    without the capabilities that let root write read-only files (``setpriv``, util-linux)."""
    def wrap(command: list[str]) -> list[str]:
        if os.geteuid() != 0:
            return command
        return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--", *command]

    return wrap


@pytest.fixture
def synopsis_cmd(tmp_path):
    """Run ``python -m synopsis …`` as a user would (its own process, a library in tmp_path,
    Qt offscreen); ``synopsis_cmd(*args, stdin=, stdout=, env=, timeout=)`` → CompletedProcess
    with text output (stdout None when redirected)."""
    import subprocess
    import sys

    def run(*args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, env=None, timeout=120,
            wrap=lambda cmd: cmd):
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8",
                           SYNOPSIS_LIBRARY=str(tmp_path / "default-library.db"),
                           SYNOPSIS_SETTINGS_DIR=str(tmp_path / "settings"), **(env or {}))
        command = wrap([sys.executable, "-m", "synopsis", *map(os.fsdecode, args)])
        proc = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, stdin=stdin,
                              env=environment, timeout=timeout)
        proc.stdout = proc.stdout.decode("utf-8", "replace") if isinstance(proc.stdout, bytes) else proc.stdout
        proc.stderr = proc.stderr.decode("utf-8", "replace")
        return proc

    return run


def assert_one_line_error(proc, *fragments: str, code: int = 2) -> str:
    """The README's promise: exit status ``code`` and exactly one line on standard error."""
    lines = proc.stderr.splitlines()
    assert proc.returncode == code, (proc.returncode, proc.stderr[-2000:])
    assert len(lines) == 1 and lines[0].startswith("synopsis: "), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


@pytest.fixture(scope="session")
def one_line_error():
    return assert_one_line_error
