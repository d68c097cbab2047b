"""The fact layer on the headline pair's real differences (BBC original vs translated rewrite)."""
from __future__ import annotations

import pytest

from synopsis.core.facts import find_fact_changes
from synopsis.core.ingest import load
from synopsis.core.model import Span


@pytest.fixture(scope="module")
def texts(seed_pair):
    a, b = seed_pair
    return load(a).text, load(b).text


def sentence(text: str, needle: str) -> Span:
    """The span of the line-level sentence holding ``needle`` (seed lines are short)."""
    at = text.index(needle)
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return Span(start, end)


def facts_for(texts, needle_a: str, needle_b: str):
    text_a, text_b = texts
    return find_fact_changes(text_a, [sentence(text_a, needle_a)], text_b, [sentence(text_b, needle_b)])


def test_reworded_quote_key_question(texts):
    facts = facts_for(texts, "key question", "key issue")
    quote = [f for f in facts if f.kind == "quote"]
    assert len(quote) == 1 and quote[0].severity == 3
    assert quote[0].a.slice(texts[0]) == "key question"
    assert quote[0].b.slice(texts[1]) == "key issue"


def test_reworded_quote_claptrap(texts):
    facts = facts_for(texts, "claptrap", "another Kremlin nonsense")
    quote = [f for f in facts if f.kind == "quote"]
    assert len(quote) == 1 and quote[0].severity == 3
    assert "claptrap" in quote[0].a.slice(texts[0])
    assert "nonsense" in quote[0].b.slice(texts[1])


def test_misspelt_name_is_a_variant(texts):
    facts = facts_for(texts, "Andrii Sybhia", "Andrii Sybiha")
    names = [f for f in facts if f.kind == "name"]
    assert [(f.a.slice(texts[0]), f.b.slice(texts[1]), f.severity) for f in names] == \
        [("Sybhia", "Sybiha", 1)]


def test_dropped_square_miles(texts):
    facts = facts_for(texts, "701 sq km", "701 square kilometers")
    numbers = [f for f in facts if f.kind == "number"]
    assert len(numbers) == 1
    assert numbers[0].a.slice(texts[0]) == "270 sq miles" and numbers[0].b is None
    assert numbers[0].severity == 2


@pytest.mark.parametrize("needle_a, needle_b", [("€90bn", "€90 billion"), ("€140bn", "€140 billion")])
def test_same_amount_written_differently_is_not_flagged(texts, needle_a, needle_b):
    text_a, text_b = texts
    a = text_a.index(needle_a)
    b = text_b.index(needle_b)
    # the bare sentences: nothing but the amount is compared
    facts = find_fact_changes(text_a, [Span(a - 40, a + len(needle_a) + 5)],
                              text_b, [Span(b - 40, b + len(needle_b) + 5)])
    assert not [f for f in facts if f.kind == "number"]
    whole = facts_for(texts, needle_a, needle_b)
    assert not [f for f in whole if f.kind == "number" and needle_a in f.note]


def test_lower_cased_kyiv_is_not_a_change(texts):
    facts = facts_for(texts, "between Moscow and Kyiv", "between Moscow and kyiv")
    assert not [f for f in facts if f.kind == "name"]


def test_facts_sorted_by_severity(texts):
    facts = facts_for(texts, "Andrii Sybhia", "Andrii Sybiha")
    assert [f.severity for f in facts] == sorted((f.severity for f in facts), reverse=True)
