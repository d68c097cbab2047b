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
