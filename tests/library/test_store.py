"""Round trips through a real library file: documents, comparisons, corrections, verdicts, cases."""
from __future__ import annotations

import pytest

from synopsis.core import load
from synopsis.core.model import Document
from synopsis.library import Library, LibraryError, NotFound, link_key


def test_document_round_trip_and_dedupe(lib, lib_path, seed_pair):
    import dataclasses

    doc = load(seed_pair[0])
    doc.meta.update({"outlet": "BBC", "author": "A. Reporter", "published": "2025-12-03"})
    doc = dataclasses.replace(doc, language="en")
    first = lib.add_document(doc)
    again = lib.add_document(load(seed_pair[0]))
    assert first == again and lib.count_documents() == 1
    lib.close()
    with Library.open(lib_path) as reopened:
        back = reopened.get_document(first)
        info = reopened.document_info(first)
    assert back.text == doc.text and back.sha256 == doc.sha256 and back.title == doc.title
    assert back.meta["outlet"] == "BBC" and back.language == "en"
    assert (info["outlet"], info["author"], info["published"]) == ("BBC", "A. Reporter", "2025-12-03")


def test_list_documents_pages_newest_first(lib):
    ids = [lib.add_document(Document(text=f"Article number {i} about talks.", title=f"T{i}",
                                     source=f"s{i}", sha256="")) for i in range(7)]
    page1, page2 = lib.list_documents(limit=4), lib.list_documents(limit=4, offset=4)
    assert [r["id"] for r in page1 + page2] == ids[::-1]
    assert "text" not in page1[0] and page1[0]["chars"] == len("Article number 6 about talks.")


def test_comparison_round_trip_is_schema_valid(lib, lib_path, report, validate_report):
    cid = lib.save_comparison(report, case="Witkoff talks", note="first look")
    lib.close()
    with Library.open(lib_path) as again:
        back = again.get_comparison(cid)
        info = again.comparison_info(cid)
        case = again.get_case("Witkoff talks")
        assert again.count_documents() == 2
    assert back.to_dict() == report.to_dict()
    validate_report(back.to_dict())
    assert info["note"] == "first look" and info["settings"] == report.to_dict()["settings"]
    assert [c["id"] for c in case["comparisons"]] == [cid]


def test_saving_twice_reuses_documents(lib, report):
    lib.save_comparison(report)
    lib.save_comparison(report)
    assert lib.count_documents() == 2 and len(lib.list_comparisons()) == 2


def test_failed_save_leaves_nothing_behind(lib, report):
    with pytest.raises(NotFound):
        lib.save_comparison(report, case=999)  # no such case: the whole save is rolled back
    assert lib.count_documents() == 0 and lib.list_comparisons() == []


def test_corrections_are_replayed(lib, report, validate_report):
    cid = lib.save_comparison(report)
    first, second = report.links[0], report.links[1]
    lib.record_correction(cid, "unlink", first.a, first.b)
    lib.record_correction(cid, "relabel", second.a, second.b, "shared")
    # link a's first passage with b's last: displaces whatever shared those passages
    last_b = len(report.documents[1].segments) - 1
    lib.record_correction(cid, "link", first.a[:1], [last_b], "paraphrased")
    got = lib.get_comparison(cid)
    keys = {link_key(lk.a, lk.b): lk for lk in got.links}
    assert link_key(first.a, first.b) not in keys
    assert keys[link_key(second.a, second.b)].label == "shared"
    assert keys[link_key(second.a, second.b)].origin == "manual"
    manual = keys[link_key(first.a[:1], [last_b])]
    assert manual.origin == "manual" and manual.edits
    validate_report(got.to_dict())
    assert lib.get_comparison(cid, corrected=False).to_dict() == report.to_dict()


def test_correction_with_bad_ids_is_refused(lib, report):
    cid = lib.save_comparison(report)
    with pytest.raises(ValueError, match="no segment"):
        lib.record_correction(cid, "link", [10_000], [0], "shared")
    with pytest.raises(ValueError, match="unknown correction"):
        lib.record_correction(cid, "merge", [0], [0])
    assert lib.corrections(cid) == []


def test_verdicts_keyed_by_sorted_ids(lib, report):
    cid = lib.save_comparison(report)
    key = lib.set_verdict(cid, [3, 1], [2], "altered", "figure changed")
    assert key == "a:1,3|b:2"
    lib.set_verdict(cid, [1, 3], [2], "misleading", "worse")  # same link, ids in another order
    got = lib.verdicts(cid)
    assert list(got) == [key] and got[key]["verdict"] == "misleading" and got[key]["a"] == [1, 3]
    with pytest.raises(ValueError, match="verdict must be"):
        lib.set_verdict(cid, [1], [2], "fake")
    lib.clear_verdict(cid, [1, 3], [2])
    assert lib.verdicts(cid) == {}


def test_cases_crud(lib, report):
    cid = lib.save_comparison(report)
    case_id = lib.create_case("Geneva", "who said what")
    with pytest.raises(LibraryError, match="already exists"):
        lib.create_case("Geneva")
    lib.add_to_case(case_id, documents=[1, 2], comparisons=[cid])
    lib.add_to_case("Geneva", documents=[1])  # filing twice is harmless
    [row] = lib.list_cases()
    assert (row["name"], row["documents"], row["comparisons"]) == ("Geneva", 2, 1)
    lib.rename_case("Geneva", "Geneva round")
    lib.set_case_note("Geneva round", "new note")
    lib.remove_from_case("Geneva round", "document", 2)
    case = lib.get_case(case_id)
    assert case["note"] == "new note" and [d["id"] for d in case["documents"]] == [1]
    with pytest.raises(NotFound):
        lib.add_to_case(case_id, documents=[42])
    lib.delete_case(case_id)
    assert lib.list_cases() == [] and lib.count_documents() == 2


def test_remove(lib, report):
    cid = lib.save_comparison(report)
    lib.set_verdict(cid, report.links[0].a, report.links[0].b, "accurate")
    with pytest.raises(LibraryError, match="used by comparison"):
        lib.remove_document(1)
    lib.remove_comparison(cid)
    lib.remove_document(1)
    assert lib.count_documents() == 1
    with pytest.raises(NotFound):
        lib.get_comparison(cid)
    assert lib.conn.execute("SELECT count(*) FROM verdicts").fetchone()[0] == 0


def test_recent_follows_opening(lib, report):
    first = lib.save_comparison(report)
    second = lib.save_comparison(report)
    lib.mark_opened(first)
    assert [r["id"] for r in lib.list_comparisons(recent=True)][0] == first
    assert [r["id"] for r in lib.list_comparisons()][0] == second
