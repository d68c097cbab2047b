"""The report model: JSON round trips, the schema contract, summaries."""
import json
from pathlib import Path

from hypothesis import given, settings, strategies as st

from synopsis.core.model import Document, Edit, Fact, Link, Report, Segment, Span


ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT.parent / "shared" / "design" / "report.schema.json"
LOCAL_SCHEMA = ROOT / "docs" / "report.schema.json"


def test_local_schema_copy_matches_the_contract():
    """docs/report.schema.json is the public contract shipped with the app; it may only extend it."""
    if not SCHEMA_PATH.exists():
        return
    shared = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    local = json.loads(LOCAL_SCHEMA.read_text(encoding="utf-8"))
    assert local["required"] == shared["required"]
    for key, value in shared["properties"].items():
        assert local["properties"][key] == value


@st.composite
def reports(draw):
    docs = []
    for _ in range(2):
        words = draw(st.lists(st.text(alphabet="abcXYZ “”.,0123456789", min_size=1, max_size=8),
                              min_size=1, max_size=12))
        text = "\n".join(words)
        segs, pos = [], 0
        for i, w in enumerate(words):
            segs.append(Segment(id=i, start=pos, end=pos + len(w), paragraph=i))
            pos += len(w) + 1
        docs.append(Document(text=text, title="t", source="s", sha256="0" * 64, segments=segs))
    links = []
    n = min(len(docs[0].segments), len(docs[1].segments))
    for i in range(draw(st.integers(0, n))):
        sa, sb = docs[0].segments[i], docs[1].segments[i]
        links.append(Link(a=[i], b=[i], label=draw(st.sampled_from(["shared", "paraphrased"])),
                          score=draw(st.floats(0, 1)),
                          edits=[Edit("replace", Span(sa.start, sa.end), Span(sb.start, sb.end))],
                          facts=[Fact("number", Span(sa.start, sa.end), None, "n", 3)]))
    return Report(documents=docs, links=links, settings={"granularity": "sentence"},
                  created="2026-01-01T00:00:00+00:00", generator={"name": "synopsis", "version": "0"})


@settings(max_examples=60, deadline=None)
@given(reports())
def test_round_trip_and_schema(validate_report, report):
    data = report.to_dict()
    validate_report(data)
    again = Report.from_json(json.dumps(data)).to_dict()
    assert again == data
    for doc in data["documents"]:
        assert abs(sum(doc["summary"].values()) - 1) < 1e-9



def _closed(schema):
    """The schema with every object that lists its properties closed to others."""
    if isinstance(schema, dict):
        out = {k: _closed(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_closed(v) for v in schema]
    return schema


def test_every_field_a_report_writes_is_declared_in_the_schema(seed_pair):
    """docs/report.schema.json declares all a report holds: links by hand, kept apart, candidates."""
    import jsonschema

    from synopsis.core import compare, load
    from synopsis.core.corrections import link, unlink

    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    first, second = report.links[0], report.links[1]
    report = link(unlink(report, first.a, first.b), second.a, first.b)
    data = json.loads(report.to_json())
    assert data["kept_apart"]["a"] and any(l.get("origin") == "manual" for l in data["links"])
    assert data["candidates"] and "timings" not in data          # decided anew: no stage timed
    assert any("reasons" in c for c in data["candidates"])
    schema = _closed(json.loads(LOCAL_SCHEMA.read_text(encoding="utf-8")))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    timed = json.loads(compare(load(seed_pair[0]), load(seed_pair[1])).to_json())
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(timed))


def test_old_reports_are_still_read():
    """Lifts kept among the views as 1.0 become named reasons; a candidate's old "moved" is ignored."""
    old = {"a": [0], "b": [1], "label": "shared", "score": 0.9, "moved": False, "edits": [], "facts": [],
           "scores": {"chars": 0.95, "words": 0.7, "context": 1.0, "gap": 1.0}}
    link = Link.from_dict(old)
    assert link.reasons == ("context", "gap") and link.scores == {"chars": 0.95, "words": 0.7}
    assert link.to_dict("", "")["reasons"] == ["context", "gap"]
    from synopsis.core.model import Candidate
    cand = Candidate.from_dict({"a": [0], "b": [1], "score": 0.5, "moved": True, "scores": {"edge": 1.0}})
    assert cand.reasons == ("edge",) and cand.scores == {}
