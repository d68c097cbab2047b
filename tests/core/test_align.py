"""The alignment engine on the seed pair, related articles and constructed text."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from synopsis.core import Cancelled, Settings, compare, load
from synopsis.core.align import _best_path, _gaps
from synopsis.core.order import in_order, longest_increasing
from synopsis.core.model import Document, Link


def seg_of(doc: Document, prefix: str) -> int:
    hits = [s.id for s in doc.segments if doc.segment_text(s.id).startswith(prefix)]
    assert len(hits) == 1, prefix
    return hits[0]


def link_of(report, doc: int, seg: int):
    index = report.link_of_segment(doc)
    return report.links[index[seg]] if seg in index else None


def mkdoc(text: str, language: str = "en") -> Document:
    return Document(text=text, title="t", source="s", sha256="", language=language)


@pytest.fixture(scope="module")
def seed_report(seed_pair):
    return compare(load(seed_pair[0]), load(seed_pair[1]))


def test_split_sentence_is_one_to_many(seed_report):
    a, b = seed_report.documents
    link = link_of(seed_report, 0, seg_of(a, "“Right now, the world"))
    assert link is not None
    assert sorted(link.b) == sorted([seg_of(b, "“Right now, the world"), seg_of(b, "But he added that")])


def test_a_reworded_split_that_gives_the_quote_to_another_speaker_is_linked_whole(seed_report):
    """BBC's "Witkoff spent almost five hours … the Kremlin said produced “no compromise”" is two
    sentences of the other version, the second reworded and said by Ushakov: the link holds
    both, so the fact layer sees the whole and reports the speaker changed."""
    a, b = seed_report.documents
    link = link_of(seed_report, 0, seg_of(a, "Witkoff spent almost five hours"))
    assert link is not None
    assert sorted(link.b) == [seg_of(b, "President Donald Trump’s special envoy"), seg_of(b, "Later, Putin’s adviser")]
    assert link.label == "paraphrased"
    assert any(f.kind == "attribution" and "Ushakov" in f.note for f in link.facts)
    # the neighbours on a's side share words of b's sentence that a's leaves out, but no
    # quotation: they stay unique
    for prefix in ("US special envoy Steve Witkoff will meet", "US President Trump said the talks"):
        assert link_of(seed_report, 0, seg_of(a, prefix)) is None, prefix


def test_listed_passages_are_unique(seed_report):
    a, b = seed_report.documents
    for prefix in ("Meanwhile, French President Emmanuel Macron", "US President Trump said the talks"):
        assert link_of(seed_report, 0, seg_of(a, prefix)) is None, prefix
    for prefix in ("European Commission chief Ursula von der Leyen", "We stand firm with Ukraine",
                   "“We have chosen energy security"):
        assert link_of(seed_report, 1, seg_of(b, prefix)) is None, prefix


def test_ninety_billion_sentence_is_linked(seed_report):
    a, b = seed_report.documents
    link = link_of(seed_report, 0, seg_of(a, "The European Commission is also proposing"))
    assert link is not None and link.b == (seg_of(b, "The Commission also proposes raising €90"),)
    assert link.label == "paraphrased"


def test_near_verbatim_is_shared_and_reworded_is_paraphrased(seed_report):
    a, _ = seed_report.documents
    assert link_of(seed_report, 0, seg_of(a, "Nato foreign ministers met")).label == "shared"
    assert link_of(seed_report, 0, seg_of(a, "The Kremlin on Wednesday said")).label == "paraphrased"


def test_debris_is_marked_and_never_linked(seed_report):
    a, b = seed_report.documents
    assert a.segments[seg_of(a, "Hafsa Khaliland")].kind == "byline"
    assert a.segments[seg_of(a, "Readers in the UK")].kind == "footer"
    glued = b.segments[seg_of(b, "ReutersUK")]
    assert b.text[glued.core_span.start:].startswith("UK government")
    linked = {i for link in seed_report.links for i in link.a}
    assert not any(a.segments[i].is_debris for i in linked)


def test_related_articles_barely_link(seeds):
    report = compare(load(seeds / "russia-territorial-conditions.txt"), load(seeds / "geneva-round.txt"))
    assert len(report.links) <= 1


def test_repeats_in_one_document(seeds):
    belta = seeds / "belta-abu-dhabi-round.txt"
    report = compare(load(belta), load(seeds / "geneva-round.txt"))
    doc = report.documents[0]
    groups = [r.segments for r in report.repeats if r.doc == 0]
    assert len(groups) >= 3
    for group in groups:
        texts = {doc.segment_text(i) for i in group}
        assert len(texts) == 1 or min(map(len, texts)) > 30


LINES = ["The harbour authority said ferries would resume sailing on Monday morning.",
         "Farmers in the valley reported the worst harvest in thirty years.",
         "A new bridge across the river will cost about 40 million euros.",
         "The city council voted to extend library opening hours until nine.",
         "Police closed the motorway after a lorry overturned near the tunnel.",
         "Scientists found a rare orchid growing on the abandoned railway line.",
         "The football club confirmed its coach had signed a two-year contract."]


def test_moved_paragraph_is_linked_and_marked():
    a = mkdoc("\n".join(LINES))
    b = mkdoc("\n".join(LINES[1:] + LINES[:1]))
    report = compare(a, b)
    assert len(report.links) == len(LINES)
    moved = [link for link in report.links if link.moved]
    assert [link.a for link in moved] == [(0,)]


def test_split_and_merge_on_constructed_text():
    a = mkdoc("The minister resigned on Friday after the audit found missing funds, and the "
              "prime minister appointed her deputy to lead the department.\n" + "\n".join(LINES[:3]))
    b = mkdoc("The minister resigned on Friday after the audit found missing funds. "
              "The prime minister appointed her deputy to lead the department.\n" + "\n".join(LINES[:3]))
    report = compare(a, b)
    first = report.links[0]
    assert first.a == (0,) and first.b == (0, 1)
    merged = compare(b, a)  # the same the other way round: many-to-one
    assert merged.links[0].a == (0, 1) and merged.links[0].b == (0,)


def test_cancel_mid_align(seed_pair):
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # past segmenting, inside the aligner's checks
    with pytest.raises(Cancelled):
        compare(load(seed_pair[0]), load(seed_pair[1]), cancel=cancel)


def test_longest_increasing():
    assert longest_increasing([0, 5, 1, 2, 3]) == [0, 2, 3, 4]
    assert longest_increasing([]) == []
    assert longest_increasing([3, 3, 3]) == [2]           # strictly increasing


WORDS = st.sampled_from(["talks", "Putin", "Kyiv", "peace", "deal", "the", "was", "€90bn", "said",
                         "ReutersUK", "Nato", "war", "2027", "loan"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
ARTICLE = st.lists(SENTENCE, min_size=0, max_size=10).map("\n".join)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE, ARTICLE, st.floats(0.05, 0.95))
def test_links_never_reuse_segments_and_spans_stay_in_bounds(text_a, text_b, threshold):
    report = compare(mkdoc(text_a), mkdoc(text_b), Settings(paraphrase_threshold=threshold, facts=False))
    used = (set(), set())
    for link in report.links:
        for side, ids in ((0, link.a), (1, link.b)):
            assert not used[side] & set(ids)
            used[side].update(ids)
            assert all(0 <= i < len(report.documents[side].segments) for i in ids)
    for doc in report.documents:
        for seg in doc.segments:
            core = seg.core_span
            assert 0 <= seg.start <= core.start <= core.end <= seg.end <= len(doc.text)
    for cand in report.candidates:
        assert 0.0 <= cand.score <= 1.0 and 0.0 <= cand.scores["chars"] <= 1.0


# -- context: gaps between anchors, block-wise moved marking ---------------------------------

REWORDED = "Councillors agreed that the town library should stay open later at night."
UNRELATED = "Tickets for the jazz festival sold out within minutes of going on sale."


def test_heavy_paraphrase_between_anchors_is_linked():
    a = mkdoc("\n".join(LINES))
    b = mkdoc("\n".join(LINES[:3] + [REWORDED] + LINES[4:]))
    report = compare(a, b)
    link = link_of(report, 0, 3)
    assert link is not None and link.b == (3,) and link.label == "paraphrased"
    assert "gap" in link.reasons and "gap" not in link.scores


def test_unrelated_passage_between_anchors_stays_unique():
    a = mkdoc("\n".join(LINES))
    b = mkdoc("\n".join(LINES[:3] + [UNRELATED] + LINES[4:]))
    report = compare(a, b)
    assert link_of(report, 0, 3) is None and link_of(report, 1, 3) is None
    assert len(report.links) == len(LINES) - 1


def test_gaps_are_bracketed_in_both_documents():
    # anchors (0,0) (4,3) bracket a 3×2 gap; (4,3) (5,9) are neighbours in both documents
    # but a has nothing between them, so b 4-8 stay open; (6,10) and the ends bracket the tail
    gaps = _gaps([(0, 0), (4, 3), (5, 9), (6, 10)], 8, 12)
    assert ([1, 2, 3], [1, 2]) in gaps
    assert all(not (set(ga) & {0, 4, 5, 6}) and not (set(gb) & {0, 3, 9, 10}) for ga, gb in gaps)
    assert ([7], [11]) in gaps
    assert len(gaps) == 2


@hsettings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.data())
def test_gap_path_is_in_order_one_to_one_and_best(n, m, data):
    scores = data.draw(st.lists(st.floats(0.0, 1.0), min_size=n * m, max_size=n * m))
    gap_a, gap_b = list(range(10, 10 + n)), list(range(20, 20 + m))
    base = {(p, q): scores[i * m + j] for i, p in enumerate(gap_a) for j, q in enumerate(gap_b)}
    path = sorted(_best_path(gap_a, gap_b, base, lambda p, q: 0.0))
    assert all(p in gap_a and q in gap_b for p, q in path)
    assert all(p1 < p2 and q1 < q2 for (p1, q1), (p2, q2) in itertools.pairwise(path))
    assert all(base[pq] > 0.2 or (n == m and base[pq] > 0.1) for pq in path)
    floor = 0.1 if n == m else 0.2

    def total(pairs) -> float:
        return sum(base[pq] - floor for pq in pairs)
    every = [list(zip(xs, ys)) for k in range(1, min(n, m) + 1)
             for xs in itertools.combinations(gap_a, k) for ys in itertools.combinations(gap_b, k)]
    assert total(path) >= max((total(c) for c in every), default=0.0) - 1e-9


def test_gap_path_leaves_passages_with_a_better_partner_elsewhere():
    base = {(1, 1): 0.25}
    assert _best_path([1], [1], base, lambda p, q: 0.0) == [(1, 1)]
    assert _best_path([1], [1], base, lambda p, q: 0.4) == []


def _links(pairs: list[tuple[int, int, float]]) -> list[Link]:
    return [Link(a=[p], b=[q], label="paraphrased", score=s, scores={"chars": 0.5}) for p, q, s in pairs]


def test_block_moved_as_a_whole_is_marked_whole():
    # a 0-9 in order, except a 2-4 moved to the end of b; two of the moved links are weak
    order = [0, 1, 5, 6, 7, 8, 9, 2, 3, 4]
    strength = {2: 0.9, 3: 0.35, 4: 0.4, 6: 0.35}
    links = in_order(_links([(p, q, strength.get(p, 0.95)) for q, p in enumerate(order)]))
    assert sorted(link.a[0] for link in links if link.moved) == [2, 3, 4]


def test_weak_links_do_not_shape_the_order():
    # three weak links out of order cannot outvote the strong chain they contradict
    pairs = [(0, 0, 0.9), (1, 4, 0.35), (2, 5, 0.35), (3, 6, 0.35), (4, 1, 0.9), (5, 2, 0.9),
             (6, 3, 0.9), (7, 7, 0.9)]
    links = in_order(_links(pairs))
    assert sorted(link.a[0] for link in links if link.moved) == [1, 2, 3]


# -- splits and merges -------------------------------------------------------------------
_STORY = [
    "The harbour authority closed the northern pier on Monday after divers found cracks in two of its pillars.",
    "Engineers from the regional office inspected the structure for six hours, and they said repairs would take at least three months.",
    "Fishing boats were moved to the southern quay, where space is limited.",
    "The mayor promised compensation to the cooperative that rents the pier.",
    "A spokesman for the cooperative said its members would lose about a fifth of their income.",
    "Tourist ferries will keep running from the old terminal until the end of the season.",
]


def _pair_with(b_sentences: list[str]) -> tuple[Document, Document]:
    return mkdoc(" ".join(_STORY) + "\n"), mkdoc(" ".join(b_sentences) + "\n")


def _link_holding(report, doc: int, prefix: str):
    d = report.documents[doc]
    return link_of(report, doc, seg_of(d, prefix))


def test_a_sentence_split_in_two_is_one_shared_link():
    b = _STORY[:1] + ["Engineers from the regional office inspected the structure for six hours.",
                      "They said repairs would take at least three months."] + _STORY[2:]
    report = compare(*_pair_with(b))
    link = _link_holding(report, 0, "Engineers from the regional")
    _, doc_b = report.documents
    assert sorted(link.b) == [seg_of(doc_b, "Engineers from"), seg_of(doc_b, "They said repairs")]
    assert link.label == "shared"
    assert report.unique_segments(1) == []


def test_two_sentences_merged_into_one_is_one_shared_link():
    b = _STORY[:2] + ["Fishing boats were moved to the southern quay, where space is limited; the mayor "
                      "promised compensation to the cooperative that rents the pier."] + _STORY[4:]
    report = compare(*_pair_with(b))
    link = _link_holding(report, 1, "Fishing boats were moved")
    doc_a, _ = report.documents
    assert sorted(link.a) == [seg_of(doc_a, "Fishing boats"), seg_of(doc_a, "The mayor promised")]
    assert link.label == "shared"
    assert report.unique_segments(0) == []


def test_a_sentence_split_in_three():
    story = list(_STORY)
    story[1] = ("Engineers from the regional office inspected the structure for six hours, they measured "
                "every pillar, and they said repairs would take at least three months.")
    b = story[:1] + ["Engineers from the regional office inspected the structure for six hours.",
                     "They measured every pillar.", "They said repairs would take at least three months."] + story[2:]
    report = compare(mkdoc(" ".join(story) + "\n"), mkdoc(" ".join(b) + "\n"))
    link = _link_holding(report, 0, "Engineers from the regional")
    assert len(link.b) == 3 and report.unique_segments(1) == []


def test_an_added_sentence_next_to_a_pair_stays_unique():
    b = _STORY[:2] + ["Critics said the authority had ignored warnings about the pier for years."] + _STORY[2:]
    report = compare(*_pair_with(b))
    _, doc_b = report.documents
    assert seg_of(doc_b, "Critics said") in report.unique_segments(1)
    assert all(len(link.a) == 1 and len(link.b) == 1 for link in report.links)


def test_long_runs_of_one_sentence_are_linked_in_bounded_work():
    """No stem is rare when one sentence is said again and again; its copies are still linked
    (the same text is always a candidate), each to one copy, and the repeats are one group."""
    text = "The council approved the budget for the new bridge on Tuesday evening. " * 3000
    report = compare(mkdoc(text), mkdoc(text))
    assert len(report.links) == 3000
    assert sum(len(r.segments) for r in report.repeats) == 6000 and len(report.repeats) == 2
    assert all(link.label == "shared" for link in report.links)


def test_the_meaning_view_leaves_out_passages_their_words_settle():
    """Passages the meaning view need not embed: a strong pair by words, a fair pair that is each
    passage's best both ways, and the halves of a split sentence with the whole they came from.
    A passage whose fair partner prefers another stays unsettled, and so does one without a
    partner."""
    from synopsis.core.align import _score, _settled_scores
    from synopsis.core.features import Span, Weights, extract

    def feats(sentences):
        return [extract(s, (k,), Span(0, len(s)), "en") for k, s in enumerate(sentences)]

    a = feats(["The council approved the new bridge budget on Monday after a long debate.",
               "Fishing boats were moved to the southern quay before the storm arrived.",
               "The mayor promised compensation to the owners of damaged shops.",
               "Nobody expected the river to rise so fast."])
    b = feats(["The council approved the new bridge budget on Monday after a long debate.",
               "Fishing boats were moved to the southern quay",
               "before the storm arrived.",
               "Shop owners were promised money by the city mayor, officials said on Tuesday.",
               "Tickets for the concert sold out within minutes."])
    weights = Weights([f.bag for f in a + b])
    pairs = {(p, q) for p in range(len(a)) for q in range(len(b))}
    scored = _score(pairs, a, b, weights)
    best_a, best_b = _settled_scores(scored, (a, b), weights)
    assert scored[2, 3][0] < 0.8 and best_a[2] == best_b[3] == 1.0      # fair, best both ways
    assert scored[1, 2][0] < 0.8 and scored[1, 1][0] > scored[1, 2][0] and best_b[2] == 1.0  # a split half
    assert best_a[3] < 0.5 and best_b[4] < 0.5                             # no partner: embedded
