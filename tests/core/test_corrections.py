"""Corrections by hand: manual links, and link / unlink / relabel deciding the report anew."""
from synopsis.core import compare, load
from synopsis.core.corrections import link, manual_link, relabel, replay, unlink


def test_manual_link_of_an_unchosen_candidate_has_edits_and_facts(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    linked = {link.key for link in report.links}
    spare = next(c for c in report.candidates if c.key not in linked)
    assert spare.key not in report.annotations  # edits and facts are made for links only
    made = manual_link(report, spare.a, spare.b, "shared")
    assert made.origin == "manual" and made.label == "shared" and made.score == spare.score
    assert made.edits


def test_manual_link_without_candidate(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    pairs = {c.key for c in report.candidates}
    a, b = next((i, j) for i in range(len(report.documents[0].segments))
                for j in range(len(report.documents[1].segments)) if ((i,), (j,)) not in pairs)
    made = manual_link(report, [a], [b])
    assert made.score == 0.0 and made.label == "paraphrased" and made.edits


def test_corrections_make_new_reports_and_keep_what_a_person_decided(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    keys = [link.key for link in report.links]
    first, second = report.links[0], report.links[1]
    apart = unlink(report, first.a, first.b)
    assert first.key not in [link.key for link in apart.links]
    assert [link.key for link in report.links] == keys                  # the report given is unchanged
    assert set(first.a) <= apart.corrections.apart_a and set(first.b) <= apart.corrections.apart_b
    # the passages taken apart stay apart under any threshold
    from synopsis.core.decide import redecide
    low = redecide(apart, apart.settings.replace(paraphrase_threshold=0.15))
    assert all(set(link.a).isdisjoint(first.a) for link in low.links)
    marked = relabel(apart, second.a, second.b, "shared")
    made = next(link for link in marked.links if link.key == second.key)
    assert made.origin == "manual" and made.label == "shared"
    # a link by hand displaces the links that shared a passage
    joined = link(marked, first.a, second.b)
    assert {link.key for link in joined.links if link.origin == "manual"} == {(first.a, second.b)}
    assert replay(report, [{"action": "unlink", "a": list(first.a), "b": list(first.b)},
                           {"action": "relabel", "a": list(second.a), "b": list(second.b), "label": "shared"},
                           {"action": "link", "a": list(first.a), "b": list(second.b), "label": "paraphrased"}]
                  ).links == joined.links
