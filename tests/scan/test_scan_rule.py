"""The reuse rule on real comparisons: a name phrase two unrelated articles both print is not
reuse; a reworded passage is."""
from __future__ import annotations

from synopsis.core import Settings
from synopsis.scan.pairs import PairComparer, ReuseRule, _text_links, run_share, spread_words

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
    _, without_spread = _compare(FERRY, CHOIR, ReuseRule(near_verbatim_score=0.0, near_verbatim_run=None),
                                 settings=words_only)
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


HARBOUR = {"id": "harbour", "text": (
    "Harbour dispute drags on.\n\n"
    "The regional ferry operator said on Tuesday that the winter timetable for the northern islands "
    "would start in October, a spokesman told the council.\n\n"
    "The Lindqvist Harbour Maritime Authority raised fares 4.5 percent, to the anger of the fishing "
    "crews who met in the town hall.\n\nWeather will stay mild.")}
SCHOOL = {"id": "school", "text": (
    "Choir wins a prize.\n\n"
    "Parents gathered in the school gym on Tuesday to hear the singers, and the winter timetable for "
    "the northern islands was read out by a teacher.\n\n"
    "The board of the Lindqvist Harbour Maritime Authority raised fares 4.5 percent, then closed.\n\n"
    "The next concert is in May.")}


def test_a_stock_phrase_scoring_near_verbatim_is_still_a_phrase():
    words_only = Settings(meaning=False)
    report, reuse = _compare(HARBOUR, SCHOOL, settings=words_only)
    links = _text_links(report)
    phrase = [link for link in links if link.score >= ReuseRule().near_verbatim_score]
    assert len(links) >= 2 and phrase                  # one link scores as near-verbatim …
    assert all(spread_words(report, link) == 0 and run_share(report, link) < 0.9 for link in phrase)
    assert not reuse                                   # … but it is one run of words in different sentences
    _, by_score = _compare(HARBOUR, SCHOOL, ReuseRule(near_verbatim_run=None), settings=words_only)
    assert by_score                                    # the rule before the run condition called it reuse


def test_the_words_needed_outside_a_phrase_grow_with_the_corpus():
    rule = ReuseRule()
    assert [rule.for_corpus(n).spread_needed for n in (1_000, 100_000, 999_999, 10_000_000)] == [2, 2, 3, 4]
    assert rule.spread_needed == 2 and rule.for_corpus(10**6).for_corpus(10**6).spread_needed == 3
    two_words = {**SCHOOL, "text": SCHOOL["text"].replace(
        "was read out by a teacher.", "was read out by a spokesman.")}   # two words beyond the run
    words_only = Settings(meaning=False)
    report, at_100k = _compare(HARBOUR, two_words, rule.for_corpus(100_000), settings=words_only)
    assert at_100k and max(spread_words(report, link) for link in _text_links(report)) == 2
    _, at_1m = _compare(HARBOUR, two_words, rule.for_corpus(1_000_000), settings=words_only)
    assert not at_1m
