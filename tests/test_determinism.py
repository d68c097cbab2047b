"""The same two files give the same report in every process: byte for byte, apart from the
times it was made, whatever the hash seed (set and dict order must never break a tie).

Each report is made by ``synopsis compare A B --format json`` in a fresh process with another
``PYTHONHASHSEED``; ``created``, ``retrieved`` and ``timings`` are dropped, and the rest is
compared as bytes. The long pair is the 2,000-line WMT19 pair from the evaluation data, or,
where that data is absent, a 2,000-sentence pair generated here (never a skip).
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("SYNOPSIS_DATA") or ROOT.parent / "shared" / "data")
WMT = DATA / "wmt19_paraphrased_refs" / "wmt19" / "ende"
# Before ties were broken by position, hash seeds 0 and 2 gave the WMT19 pair different candidates.
HASH_SEEDS = ("0", "2", "4242")


def _without_times(raw: bytes) -> bytes:
    data = json.loads(raw)
    data.pop("created")
    data.pop("timings", None)
    for doc in data["documents"]:
        doc.pop("retrieved", None)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _report(a: Path, b: Path, hash_seed: str, *extra: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    run = subprocess.run([sys.executable, "-m", "synopsis", "compare", str(a), str(b), "--format", "json", *extra],
                         capture_output=True, env=env, timeout=300, check=False)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    return _without_times(run.stdout)


def _generated_long_pair(folder: Path, n: int = 2000) -> tuple[Path, Path]:
    """Two long articles made from the seed sentences: b reorders, rewords and drops some of a."""
    from synopsis.core import Settings, load, prepare

    rng = random.Random(27)
    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = prepare(load(path), Settings())
        sentences += [doc.segment_text(s.id) for s in doc.segments if len(s.span) > 40]
    a = [rng.choice(sentences) for _ in range(n)]       # repeats too: ties the aligner must break
    b = []
    for sentence in a:
        roll = rng.random()
        if roll < 0.1:
            continue
        words = sentence.split()
        if roll < 0.5 and len(words) > 4:
            i = rng.randrange(len(words) - 1)
            words[i], words[i + 1] = words[i + 1], words[i]
        b.append(" ".join(words))
    rng.shuffle(b[: n // 10])
    out = folder / "long-a.txt", folder / "long-b.txt"
    out[0].write_text("\n".join(a) + "\n", encoding="utf-8")
    out[1].write_text("\n".join(b) + "\n", encoding="utf-8")
    return out


def test_seed_pair_reports_are_byte_identical_under_any_hash_seed(seed_pair):
    reports = {seed: _report(*seed_pair, seed) for seed in HASH_SEEDS}
    assert len(set(reports.values())) == 1
    assert b'"links"' in reports["0"] and b'"candidates"' in reports["0"]


@pytest.mark.slow
def test_long_pair_reports_are_byte_identical_under_any_hash_seed(tmp_path):
    if (WMT / "wmt19-ende-ar.ref").exists():
        pair = WMT / "wmt19-ende-ar.ref", WMT / "wmt19-ende-arp.ref"
    else:
        pair = _generated_long_pair(tmp_path)
    reports = [_report(*pair, seed) for seed in HASH_SEEDS[:2]]
    assert reports[0] == reports[1]
    data = json.loads(reports[0])
    assert len(data["links"]) > 1000
    # every setting that shaped it, and the engine that made it, are in the report
    from synopsis import __version__
    from synopsis.core import Settings
    assert data["settings"] == Settings().to_dict()
    assert data["generator"] == {"name": "synopsis", "version": __version__}


def test_generated_long_pair_is_long_and_differs(tmp_path):
    """The stand-in for the WMT19 pair (used where the evaluation data is absent) is a real test."""
    a, b = _generated_long_pair(tmp_path, n=300)
    lines_a, lines_b = a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()
    assert len(lines_a) == 300 and 200 < len(lines_b) < 300 and lines_a[:50] != lines_b[:50]
