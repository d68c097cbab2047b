"""Each detector on short hand-made pairs: what must be flagged, and what must not."""
from __future__ import annotations

import pytest

from synopsis.core.facts import find_fact_changes
from synopsis.core.model import FACT_KINDS, Span


def facts(a: str, b: str):
    return find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])


def kinds(a: str, b: str) -> dict[str, int]:
    """kind -> highest severity found."""
    out: dict[str, int] = {}
    for f in facts(a, b):
        out[f.kind] = max(out.get(f.kind, 0), f.severity)
    return out


@pytest.mark.parametrize("a, b", [
    ("The EU plans to raise €650 billion.", "The EU plans to raise €650bn."),
    ("Russia now controls 19.3% of the territory.", "Russia now controls 19.3 per cent of the territory."),
    ("It cost $5m to build.", "It cost 5 million dollars to build."),
    ("He spent five hours there.", "He spent 5 hours there."),
    ("Die Inflation lag bei 2,5 Prozent.", "Die Inflation lag bei 2,5 %."),
    ("The talks are on 4 February.", "The talks are on February 4."),
    ("The Kremlin said on Wednesday that it agreed.", "The Kremlin said Wednesday that it agreed."),
    ("Troops left Kyiv last week.", "Troops left kyiv last week."),
    ("Die Preise stiegen letztes Jahr stark an.", "Im letzten Jahr stiegen die Preise stark an."),
    ("Der erste Laden öffnete letzte Woche in Croydon.", "Der erste Laden öffnete in der vergangenen Woche in Croydon."),
    ("Sie sollen im nächsten Jahr ausgebaut werden.", "Sie sollen im kommenden Jahr ausgebaut werden."),
    ("Sales rose last week.", "Sales rose over the past week."),
    # German capitalises every noun: a noun the document also writes after an article, or an
    # adverb opening a sentence, is no name
    ("Nach dem Spiel kam der Trainer spät. Am Abend sprach Trainer mit uns.",
     "Nach dem Spiel kam der Coach spät. Am Abend sprach Coach mit uns."),
    ("Folglich stiegen die Preise im Handel.", "Daraufhin stiegen die Preise im Handel."),
    ("Die Zahl der Fälle stieg. Nun gab es Fälle von Angriffen auf Busse.",
     "Die Zahl der Fälle stieg. Nun gab es Fälle von Überfällen auf Busse."),
    ("Putin called it “a key question.”", "Putin called it \"a key question\"."),
    ("“It isn't over,” Putin said.", "“It is not over,” Putin said."),
    ("Vladimir Putin met Donald Trump in Alaska.", "Putin met Trump in Alaska."),
    ("Ushakov said the talks were useful.", "The talks were useful, Ushakov said."),
])
def test_equivalent_rewrites_are_not_flagged(a, b):
    assert kinds(a, b) == {}


@pytest.mark.parametrize("a, b, kind, severity", [
    ("Support rose to 40% in May.", "Support rose to 14% in May.", "number", 3),
    ("They seized 701 sq km (270 sq miles) of land.", "They seized 701 square kilometers of land.", "number", 2),
    ("They seized about 700 sq km of land.", "They seized 700 sq km of land.", "number", 1),
    ("The meeting is on Tuesday.", "The meeting is on Thursday.", "date", 3),
    ("It opened on 4 February 2025.", "It opened on 4 March 2025.", "date", 3),
    ("Die Preise stiegen dieses Jahr stark an.", "Die Preise stiegen letztes Jahr stark an.", "date", 3),
    ("Die Gespräche enden in dieser Woche.", "Die Gespräche enden bald.", "date", 2),
    ("Andrii Sybiha spoke in Kiev.", "Andrii Sybiha spoke in Kyiv.", "name", 1),
    ("Shelling hit Zaporozhzhye overnight.", "Shelling hit Zaporizhzhia overnight.", "name", 1),
    ("The envoy flew to Miami on Thursday.", "The envoy flew to Geneva on Thursday.", "name", 3),
    ("Officials called it a “key question”.", "Officials called it a “key issue”.", "quote", 3),
    ("He said he was “ready for war”.", "He said he was ready for war.", "quote", 2),
    ("Ushakov said the talks were useful.", "Peskov said the talks were useful.", "attribution", 3),
    ("The talks were useful, according to Ushakov.", "The talks were useful.", "attribution", 2),
    ("Die Gespräche waren Uschakow zufolge nützlich.", "Die Gespräche waren Peskow zufolge nützlich.",
     "attribution", 3),
    ("Trump has no intention of letting Kyiv join.", "Trump has every intention of letting Kyiv join.", "negation", 3),
    ("The troops will withdraw.", "The troops will not withdraw.", "negation", 3),
    ("The troops will withdraw.", "The troops may withdraw.", "negation", 2),
    ("Die Truppen ziehen ab.", "Die Truppen ziehen nicht ab.", "negation", 3),
    ("Bundeskanzler Scholz traf die Vertreter der Union.", "Bundeskanzler Merz traf die Vertreter der Union.",
     "name", 3),
])
def test_changes_are_flagged(a, b, kind, severity):
    found = kinds(a, b)
    assert found.get(kind) == severity, found
    # nothing of another kind invented around a single deliberate change
    assert set(found) == {kind}, found


def test_changed_figure_carries_both_spans():
    a, b = "Support rose to 40% in May.", "Support rose to 14% in May."
    (fact,) = facts(a, b)
    assert (fact.a.slice(a), fact.b.slice(b)) == ("40%", "14%")


def test_one_sided_place_name_is_not_reported():
    assert "name" not in kinds("Talks resumed in Moscow on Monday.", "Talks resumed on Monday.")


def test_one_sided_person_is_reported():
    found = facts("Talks resumed with Rustem Umerov on Monday.", "Talks resumed on Monday.")
    assert [(f.kind, f.severity, f.b) for f in found] == [("name", 2, None)]


def test_kinds_are_the_public_ones():
    found = facts("Ushakov said 40% of “the key question” was not settled on Tuesday in Kiev.",
                  "Peskov said 14% of “the key issue” was settled on Monday in Kyiv.")
    assert {f.kind for f in found} <= set(FACT_KINDS)
    assert {f.kind for f in found} == {"attribution", "number", "quote", "negation", "date", "name"}


def test_several_passages_per_side():
    text_a = "Intro. The toll rose to 12. Then it fell."
    text_b = "The toll rose to 21. Later it fell."
    spans_a = [Span(7, 27), Span(28, 41)]
    spans_b = [Span(0, 20), Span(21, 35)]
    found = find_fact_changes(text_a, spans_a, text_b, spans_b)
    assert [(f.a.slice(text_a), f.b.slice(text_b)) for f in found if f.kind == "number"] == [("12", "21")]


@pytest.mark.parametrize("a, b, severity", [
    # a flip inside words both sides have: alarming
    ("Moscow has no intention of ending the war.", "Moscow has every intention of ending the war.", 3),
    ("The minister did not approve the deal.", "The minister approved the deal.", 3),
    # the negated clause is simply not in B: noted, lowest severity
    ("Envoys met for five hours, and the Kremlin said it produced no compromise on ending the war.",
     "Envoys met for five hours in Moscow on Tuesday.", 1),
    ("He accused Putin of wasting time, while the ambassador said they do not need to wait for promises.",
     "He accused Putin of wasting time.", 1),
])
def test_negation_severity_depends_on_whether_its_words_are_on_both_sides(a, b, severity):
    found = [f for f in facts(a, b) if f.kind == "negation"]
    assert found and max(f.severity for f in found) == severity
    assert ("does not have" in found[0].note) == (severity == 1)


def test_a_name_after_a_preposition_is_not_the_speaker():
    a = "Sybiha accused Putin of stalling, while Ukraine's ambassador to the US said they do not need to wait."
    b = "Sybiha accused Putin of stalling."
    assert not [f for f in facts(a, b) if f.kind == "attribution"]
    # the speaker right before the verb still counts
    a2 = "Peskov said the talks were useful."
    b2 = "Ushakov said the talks were useful."
    assert [f.kind for f in facts(a2, b2) if f.severity == 3] == ["attribution"]
