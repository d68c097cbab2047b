"""Links made by hand in a translation comparison get a translation verdict as the aligner's do:
from the pair's meaning score where the aligner scored it, else from the facts that changed."""
from __future__ import annotations

import pytest

from synopsis.core import compare, corrections, load
from synopsis.core.model import Report
from synopsis.core.vocab import Origin, Severity, Translation


@pytest.fixture(scope="module")
def en_ru(seed_pair):
    english, _ = seed_pair
    return compare(load(english), load(english.parent / "ru-witkoff-putin-talks.txt"))


def _link_starting(report: Report, side: int, start: str):
    doc = report.documents[side]
    return next(l for l in report.links if doc.segment_text((l.a, l.b)[side][0]).startswith(start))


def _segment(report: Report, side: int, start: str) -> int:
    doc = report.documents[side]
    return next(i for i in range(len(doc.segments)) if doc.segment_text(i).startswith(start))


@pytest.mark.parametrize("expected", [Translation.CHANGED, Translation.FAITHFUL])
def test_a_pair_unlinked_and_linked_again_by_hand_keeps_its_verdict(en_ru, expected):
    auto = next(l for l in en_ru.links if l.translation == expected)
    apart = corrections.unlink(en_ru, auto.a, auto.b)
    assert auto.key not in {l.key for l in apart.links}
    relinked = corrections.link(apart, auto.a, auto.b)
    manual = next(l for l in relinked.links if l.key == auto.key)
    assert manual.origin is Origin.MANUAL
    assert manual.translation == expected and manual.score == auto.score


def test_a_pair_the_aligner_never_scored_is_judged_by_its_facts(en_ru, validate_report):
    belgium = _segment(en_ru, 0, "Belgium has resisted")
    pokrovsk = _segment(en_ru, 0, "Fighting in Pokrovsk")
    moscow = _segment(en_ru, 1, "В Москве заявили, что ответят")
    scored = {(c.a, c.b) for c in en_ru.candidates}
    assert ((belgium,), (moscow,)) not in scored and ((pokrovsk,), (moscow,)) not in scored

    quiet = corrections.link(en_ru, [belgium], [moscow])
    link = next(l for l in quiet.links if l.key == ((belgium,), (moscow,)))
    assert link.score == 0 and not link.facts
    assert link.translation == Translation.FAITHFUL

    negated = corrections.link(en_ru, [pokrovsk], [moscow])
    link = next(l for l in negated.links if l.key == ((pokrovsk,), (moscow,)))
    assert any(f.severity >= Severity.ALARM for f in link.facts)      # "do not control" on one side
    assert link.translation == Translation.CHANGED
    out = negated.to_dict()
    assert all("translation" in l for l in out["links"])
    validate_report(out)


def test_a_relabelled_link_and_a_replayed_correction_keep_their_verdicts(en_ru):
    auto = _link_starting(en_ru, 0, "They seized about 701")
    relabelled = corrections.relabel(en_ru, auto.a, auto.b, "shared")
    link = next(l for l in relabelled.links if l.key == auto.key)
    assert link.origin is Origin.MANUAL and link.translation == Translation.CHANGED
    replayed = corrections.replay(en_ru, [{"action": "unlink", "a": list(auto.a), "b": list(auto.b)},
                                          {"action": "link", "a": list(auto.a), "b": list(auto.b)}])
    assert next(l for l in replayed.links if l.key == auto.key).translation == Translation.CHANGED


def test_a_hand_made_link_in_one_language_has_no_translation_verdict(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    first = report.links[0]
    relinked = corrections.link(corrections.unlink(report, first.a, first.b), first.a, first.b)
    assert all(l.translation is None for l in relinked.links)
