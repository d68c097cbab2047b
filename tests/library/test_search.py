"""Full-text search: ranking, prefixes while typing, notes, and user text never breaking FTS5."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from synopsis.core.model import Document
from synopsis.library import Library, link_key, parse_key
from synopsis.library.search import fts_query


def _add(lib, text, title="", note=""):
    doc_id = lib.add_document(Document(text=text, title=title, source="x", sha256=""))
    if note:
        lib.set_document_note(doc_id, note)
    return doc_id


def test_finds_text_titles_and_notes(lib):
    a = _add(lib, "The envoy spent five hours in the Kremlin.", "Envoy in Moscow")
    b = _add(lib, "Talks in Geneva ended without a deal.", "Geneva round", note="check the Kremlin quote")
    c = _add(lib, "Fußball und Straße in Zürich.", "Zürich")
    assert {h["id"] for h in lib.search("kremlin", kinds=("document",))} == {a, b}
    assert [h["id"] for h in lib.search("geneva round")] == [b]
    assert [h["id"] for h in lib.search("zurich")] == [c]  # diacritics folded
    assert lib.search("nonexistentword") == []
    hit = lib.search("five hours")[0]
    assert hit["kind"] == "document" and "[five]" in hit["snippet"] and "[hours]" in hit["snippet"]


def test_prefix_while_typing_and_phrases(lib):
    a = _add(lib, "Witkoff met Putin on Tuesday.")
    b = _add(lib, "Putin met Witkoff on Tuesday.")
    assert {h["id"] for h in lib.search("Witk")} == {a, b}
    assert lib.search("Witk", prefix=False) == []
    assert [h["id"] for h in lib.search('"Witkoff met"')] == [a]


def test_updates_and_deletes_reach_the_index(lib):
    doc_id = _add(lib, "Ceasefire talks resume.")
    lib.set_document_note(doc_id, "verify with Reuters")
    assert [h["id"] for h in lib.search("reuters")] == [doc_id]
    lib.remove_document(doc_id)
    assert lib.search("ceasefire") == [] and lib.search("reuters") == []


def test_verdict_case_and_comparison_notes_are_searchable(lib, report):
    cid = lib.save_comparison(report, note="follow up with the desk")
    lib.set_verdict(cid, [0], [0], "misleading", "Quote attributed to the wrong minister")
    lib.create_case("Ministerial quotes", "minister statements in December")
    kinds = {h["kind"]: h for h in lib.search("minister")}
    assert kinds["verdict"]["id"] == cid and kinds["verdict"]["link_key"] == "a:0|b:0"
    assert kinds["case"]["title"] == "Ministerial quotes"
    assert [h["id"] for h in lib.search("desk", kinds=("comparison",))] == [cid]


def test_fts_query_quotes_everything():
    assert fts_query("Putin AND NOT") == '"Putin" "AND" "NOT"*'
    assert fts_query('say "five hours" xyz') == '"say" "five hours" "xyz"*'
    assert fts_query("  ") == "" and fts_query('"" * ()') == ""
    assert fts_query("done ") == '"done"'
    assert fts_query("K") == '"K"' and fts_query("Kr") == '"Kr"' and fts_query("Kre") == '"Kre"*'


@pytest.fixture(scope="module")
def shared_lib():
    with tempfile.TemporaryDirectory() as tmp:
        lib = Library.open(Path(tmp) / "library.db")
        _add(lib, "Envoy talks about NEAR, OR and AND with \"quotes\" (and) brackets*: colon.")
        yield lib
        lib.close()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_user_text_is_a_valid_query(shared_lib, text):
    hits = shared_lib.search(text)  # never an FTS5 syntax error
    assert isinstance(hits, list)


@given(st.lists(st.integers(0, 500), min_size=1, max_size=5),
       st.lists(st.integers(0, 500), min_size=1, max_size=5))
def test_link_key_round_trip(a, b):
    key = link_key(a, b)
    assert parse_key(key) == (sorted(set(a)), sorted(set(b)))
    assert link_key(reversed(a), reversed(b)) == key
