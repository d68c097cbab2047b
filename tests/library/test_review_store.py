"""The library's side of the review desk, on a real SQLite file: notes without a verdict, the
corrections as they stand, finding the review of the same texts, kept claim matrices, and the
migration that brought them (from a library made before it)."""
from __future__ import annotations

import sqlite3

import pytest

from synopsis.core import Settings, compare, corrections, load
from synopsis.core.model import link_key
from synopsis.library import Library, migrations


@pytest.fixture(scope="module")
def pair(seed_pair):
    return compare(load(seed_pair[0]), load(seed_pair[1]), Settings())


def test_a_note_needs_no_verdict_and_an_empty_review_is_removed(tmp_path, pair):
    with Library.open(tmp_path / "l.db") as lib:
        cid = lib.save_comparison(pair)
        link = pair.links[0]
        lib.set_review(cid, link.a, link.b, "", "ask the desk")
        assert lib.verdicts(cid)[link_key(link.a, link.b)]["verdict"] == ""
        assert [hit["id"] for hit in lib.search("desk", kinds=("verdict",))] == [cid]
        lib.set_review(cid, link.a, link.b, "", "")
        assert lib.verdicts(cid) == {}
        with pytest.raises(ValueError):
            lib.set_review(cid, link.a, link.b, "maybe", "")


def test_corrections_as_they_stand_come_back_with_the_comparison(tmp_path, pair):
    ua = next(i for i in pair.unique_segments(0) if not pair.documents[0].segments[i].is_debris)
    ub = next(i for i in pair.unique_segments(1) if not pair.documents[1].segments[i].is_debris)
    victim = pair.links[2]
    corrected = corrections.link(corrections.unlink(pair, victim.a, victim.b), [ua], [ub])
    with Library.open(tmp_path / "l.db") as lib:
        cid = lib.save_comparison(pair)                 # stored before the corrections
        lib.set_corrections_state(cid, corrected)
        back = lib.get_comparison(cid)
        assert back.corrections == corrected.corrections
        assert {(l.a, l.b, l.label, l.origin) for l in back.links} == \
            {(l.a, l.b, l.label, l.origin) for l in corrected.links}
        assert lib.get_comparison(cid, corrected=False).corrections == pair.corrections


def test_the_same_texts_are_found_in_either_order(tmp_path, pair, seed_pair):
    swapped = compare(load(seed_pair[1]), load(seed_pair[0]), Settings())
    with Library.open(tmp_path / "l.db") as lib:
        first = lib.save_comparison(pair)
        second = lib.save_comparison(swapped)
        lib.touch_review(first)
        found = lib.find_reviews(pair.documents[0].sha256, pair.documents[1].sha256)
        assert [(f["id"], f["mirrored"]) for f in found] == [(first, False), (second, True)]
        assert lib.find_reviews("0" * 64, pair.documents[1].sha256) == []


def test_claim_matrices_are_kept(tmp_path, seeds):
    from synopsis.core.collection import compare_collection

    docs = [load(seeds / name) for name in ("bbc-witkoff-putin-talks.txt", "translated-witkoff-putin-talks.txt",
                                            "geneva-round.txt")]
    collection = compare_collection(docs, Settings())
    with Library.open(tmp_path / "l.db") as lib:
        mid = lib.save_collection(collection)
        assert lib.list_collections()[0]["id"] == mid and lib.list_collections()[0]["sources"] == 3
        again = lib.get_collection(mid)
        assert [s.to_dict(again.documents) for s in again.statements] == \
            [s.to_dict(collection.documents) for s in collection.statements]
        assert lib.count_documents() == 3


def test_a_library_made_before_the_review_desk_keeps_its_verdicts(tmp_path, pair, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    from synopsis.library import db as db_mod

    monkeypatch.setattr(db_mod, "MIGRATIONS", migrations.MIGRATIONS[:2])
    monkeypatch.setattr(db_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(db_mod, "KNOWN", {name for name, _ in migrations.MIGRATIONS[:2]})
    with Library.open(path) as old:
        cid = old.save_comparison(pair)
        old.set_verdict(cid, pair.links[0].a, pair.links[0].b, "misleading", "cut short")
    monkeypatch.undo()
    with Library.open(path) as lib:
        assert lib.schema_version == len(migrations.MIGRATIONS) and lib.backup_path is not None
        assert lib.verdicts(cid)[link_key(pair.links[0].a, pair.links[0].b)]["note"] == "cut short"
        assert [hit["id"] for hit in lib.search("cut short", kinds=("verdict",))] == [cid]
        lib.set_review(cid, pair.links[1].a, pair.links[1].b, "", "a note alone")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
