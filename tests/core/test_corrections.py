from synopsis.core import compare, load
from synopsis.core.corrections import manual_link


def test_manual_link_of_an_unchosen_candidate_has_edits_and_facts(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    linked = {(tuple(link.a), tuple(link.b)) for link in report.links}
    spare = next(c for c in report.candidates if (tuple(c.a), tuple(c.b)) not in linked)
    assert not spare.annotated  # edits and facts are computed lazily
    link = manual_link(report, spare.a, spare.b, "shared")
    assert link.origin == "manual" and link.label == "shared" and link.score == spare.score
    assert link.annotated and link.edits


def test_manual_link_without_candidate(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    pairs = {(tuple(c.a), tuple(c.b)) for c in report.candidates}
    a, b = next((i, j) for i in range(len(report.documents[0].segments))
                for j in range(len(report.documents[1].segments)) if ((i,), (j,)) not in pairs)
    link = manual_link(report, [a], [b])
    assert link.score == 0.0 and link.label == "paraphrased" and link.annotated
