"""Meaning keys: reuse in translation is found by ``synopsis scan --meaning`` (and only with it),
with the real sentence encoder in the embedded cluster's workers; the keys are the same in
every process."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from synopsis.cli import main
from synopsis.scan.features import FeatureSettings, featurize
from synopsis.scan.keys import MeaningKeys, generators_for

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# The BBC report, its Russian translation, and two unrelated articles on the same talks.
FOLDER = ("bbc-witkoff-putin-talks.txt", "ru-witkoff-putin-talks.txt", "geneva-round.txt",
          "russia-territorial-conditions.txt")
SENTENCES = ["US special envoy Steve Witkoff will meet the head of Ukraine's security council in Miami on Thursday.",
             "Специальный посланник США Стив Уиткофф в четверг встретится в Майами с секретарём Совета безопасности Украины.",
             "The harvest in the southern provinces was the largest in a decade, the ministry said."]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("translated") / "articles"
    path.mkdir()
    for name in FOLDER:
        shutil.copy(SEEDS / name, path / name)
    return path


def scan(folder: Path, out: Path, *extra: str) -> set[tuple[str, str]]:
    run = CliRunner().invoke(main, ["scan", str(folder), "-o", str(out), "--reports", "0", "--workers", "2",
                                    "--format", "json", *extra])
    assert run.exit_code == 0, run.output
    reuse = pq.read_table(out / "reuse.parquet", columns=["a_id", "b_id"]).to_pydict()
    return {tuple(sorted(Path(x).name for x in pair)) for pair in zip(reuse["a_id"], reuse["b_id"])}


@pytest.fixture(scope="module")
def scanned(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("scans")
    words = scan(folder, out / "words")
    meaning = scan(folder, out / "meaning", "--meaning", "--index", str(out / "meaning.idx"))
    return words, meaning, out


def test_a_translated_article_is_found_only_with_meaning_keys(scanned):
    words, meaning, out = scanned
    translation = ("bbc-witkoff-putin-talks.txt", "ru-witkoff-putin-talks.txt")
    assert translation not in words and not any("ru-witkoff-putin-talks.txt" in pair for pair in words)
    assert translation in meaning
    manifest = json.loads((out / "meaning" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["features"]["meaning"] is True
    assert [g["name"] for g in manifest["options"]["generators"]] == ["shingle", "rare", "meaning"]
    reuse = pq.read_table(out / "meaning" / "reuse.parquet").to_pandas()
    row = reuse[reuse["a_id"].str.endswith("bbc-witkoff-putin-talks.txt")
                & reuse["b_id"].str.endswith("ru-witkoff-putin-talks.txt")].iloc[0]
    assert row["keys_meaning"] >= MeaningKeys().min_shared and row["keys_shingle"] == 0   # made by meaning
    assert {row["language_a"], row["language_b"]} == {"en", "ru"}


def test_a_query_uses_the_meaning_keys_of_an_index_built_with_them(scanned):
    _, _, out = scanned
    run = CliRunner().invoke(main, ["scan", "--query", str(SEEDS / "ru-witkoff-putin-talks.txt"),
                                    "--index", str(out / "meaning.idx"), "--format", "json"])
    assert run.exit_code == 0, run.output
    found = json.loads(run.stdout)["matches"]
    assert any(Path(m["id"]).name == "bbc-witkoff-putin-talks.txt" and m["keys"][2] > 0 for m in found)


def test_a_sentence_and_its_translation_share_meaning_keys_an_unrelated_one_does_not():
    features = featurize(SENTENCES, FeatureSettings(meaning=True))
    keys = [set(features.meaning_keys[features.meaning_doc == i].tolist()) for i in range(3)]
    assert len(keys[0]) == FeatureSettings().meaning_bands
    assert keys[0] & keys[1]
    assert not keys[0] & keys[2] and not keys[1] & keys[2]
    assert generators_for(False) == generators_for(True)[:2] and len(generators_for(True)) == 3


KEYS_CODE = ("import hashlib, sys; from synopsis.scan.features import FeatureSettings, featurize;"
             "f = featurize(sys.argv[1:], FeatureSettings(meaning=True));"
             "print(hashlib.sha256(f.meaning_keys.tobytes() + f.meaning_place.tobytes()).hexdigest())")


def test_meaning_keys_are_the_same_in_processes_with_other_hash_seeds():
    digests = {subprocess.run([sys.executable, "-c", KEYS_CODE, *SENTENCES], env={"PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout.strip() for seed in ("1", "77")}
    here = featurize(SENTENCES, FeatureSettings(meaning=True))
    assert digests == {hashlib.sha256(here.meaning_keys.tobytes() + here.meaning_place.tobytes()).hexdigest()}
    assert len(np.unique(here.meaning_keys)) > 2 * FeatureSettings().meaning_bands      # not a constant
