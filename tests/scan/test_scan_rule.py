"""The reuse rule on real comparisons: a name phrase two unrelated articles both print is not
reuse; a reworded passage is."""
from __future__ import annotations

from synopsis.core import Settings
from synopsis.scan.pairs import PairComparer, ReuseRule, _text_links, spread_words

FERRY = {"id": "ferry", "text": (
    "Harbour council delays the budget vote.\n\n"
    "The ferry timetable changed on Monday after the regional planning commissioner, Tamsin "
    "Olawale-Kerr, asked for a review of the winter routes.\n\n"
    "A new bakery opened near the station and sold out of rye bread before noon, the owner, "
    "Rasmus Feldberg-Quint, from Aarhus, told reporters.\n\nWeather will stay mild.")}
CHOIR = {"id": "choir", "text": (
    "School choir wins regional prize.\n\n"
    "Parents gathered in the gym to hear the regional planning commissioner, Tamsin Olawale-Kerr, "
    "praise the young singers for their discipline.\n\n"
    "The choir's conductor thanked the owner, Rasmus Feldberg-Quint, from Aarhus, who paid for "
    "the new robes and the bus.\n\nThe next concert is in May.")}
REWORDED = {"id": "reworded", "text": (
    "Ferry routes under review.\n\n"
    "On Monday the ferry timetable was changed, after Tamsin Olawale-Kerr, the regional planning "
    "commissioner, called for the winter routes to be reviewed.\n\n"
    "Rasmus Feldberg-Quint, from Aarhus, owner of a new bakery near the station, said it had sold "
    "out of rye bread before noon.\n\nMore on page four.")}


def _compare(first, second, rule=ReuseRule(), settings=Settings()):
    comparer = PairComparer(settings, rule)
    return comparer.report(comparer.ready(first["id"], first), comparer.ready(second["id"], second))


def test_a_shared_name_phrase_in_two_places_is_not_reuse():
    # by their words alone the engine links both phrases (the meaning view keeps one of the two
    # pairs apart: they say different things); the rule must not call either way reuse
    words_only = Settings(meaning=False)
    report, reuse = _compare(FERRY, CHOIR, settings=words_only)
    links = _text_links(report)
    assert len(links) >= 2 and all(link.score >= 0.5 for link in links)   # the engine links the phrases
    assert all(spread_words(report, link) < 2 for link in links)
    assert not reuse
    _, without_spread = _compare(FERRY, CHOIR, ReuseRule(near_verbatim_score=0.0), settings=words_only)
    assert without_spread            # the rule before the spread condition called it reuse
    report, reuse = _compare(FERRY, CHOIR)
    assert len(_text_links(report)) < len(links) and not reuse


def test_a_reworded_story_is_reuse():
    report, reuse = _compare(FERRY, REWORDED)
    assert reuse
    assert any(spread_words(report, link) >= 2 for link in _text_links(report))


def _recording(monkeypatch) -> list[bool]:
    """The ``meaning`` setting of every alignment the scan's comparer runs (the real one runs)."""
    from synopsis.scan import pairs
    seen: list[bool] = []
    real = pairs.align

    def align(doc_a, doc_b, settings):
        seen.append(settings.meaning)
        return real(doc_a, doc_b, settings)
    monkeypatch.setattr(pairs, "align", align)
    return seen


def test_the_second_look_by_meaning_is_spent_only_on_pairs_the_words_leave_open(monkeypatch):
    seen = _recording(monkeypatch)
    words = Settings(meaning=False)
    comparer = PairComparer(words, ReuseRule(), words.replace(meaning=True))
    ferry, choir = comparer.ready("ferry", FERRY), comparer.ready("choir", CHOIR)
    _, reuse = comparer.report(ferry, choir, look_again=True)        # not reuse by words: a second look
    assert not reuse and seen == [False, True]
    seen.clear()
    comparer.report(ferry, choir)                                    # no meaning keys shared: none
    assert seen == [False]
    seen.clear()
    _, reuse = comparer.report(ferry, comparer.ready("reworded", REWORDED), look_again=True)
    assert reuse and seen == [False]                                 # reuse by words: settled
    seen.clear()
    without = PairComparer(words, ReuseRule())
    without.report(without.ready("ferry", FERRY), without.ready("choir", CHOIR), look_again=True)
    assert seen == [False]                                           # no second look configured


def test_two_languages_are_not_looked_at_twice(monkeypatch):
    from pathlib import Path
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    seen = _recording(monkeypatch)
    words = Settings(meaning=False)
    comparer = PairComparer(words, ReuseRule(), words.replace(meaning=True))
    english = {"id": "bbc", "text": (seeds / "bbc-witkoff-putin-talks.txt").read_text(encoding="utf-8")}
    russian = {"id": "ru", "text": (seeds / "ru-witkoff-putin-talks.txt").read_text(encoding="utf-8")}
    report, reuse = comparer.report(comparer.ready("bbc", english), comparer.ready("ru", russian), look_again=True)
    assert reuse and seen == [False]           # aligned by meaning the first time (a translation)
    assert report.comparison.kind.value == "translation"
