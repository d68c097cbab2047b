import itertools
import json

import pytest

from synopsis.core import Cancelled, Report, Settings, compare, load


def test_seed_pair_report_is_schema_valid(seed_pair, validate_report):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    data = json.loads(report.to_json())
    validate_report(data)
    assert data["settings"]["shared_threshold"] == Settings().shared_threshold
    assert Report.from_dict(data).to_dict()["links"] == data["links"]


def test_progress_and_cancel(seed_pair):
    stages = []
    compare(load(seed_pair[0]), load(seed_pair[1]), progress=lambda s, f: stages.append((s, f)))
    assert stages[0][1] == 0.0 and stages[-1] == ("done", 1.0)
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions)
    with pytest.raises(Cancelled):
        compare(load(seed_pair[0]), load(seed_pair[1]), cancel=lambda: True)


def test_progress_moves_inside_the_alignment(seed_pair, monkeypatch):
    """The alignment reports its own steps and each chunk of its pairs, between 10 % and 80 %."""
    from synopsis.core import align, splits

    monkeypatch.setattr(align, "SCORE_CHUNK", 20)      # the seed pair has a few hundred pairs
    monkeypatch.setattr(splits, "TRIAL_CHUNK", 5)
    stages = []
    compare(load(seed_pair[0]), load(seed_pair[1]), progress=lambda s, f: stages.append((s, f)))
    inside = [f for s, f in stages if s == "align"]
    assert len(inside) > 15, stages                      # not only the step that starts it
    assert inside == sorted(inside) and inside[0] == 0.1 and inside[-1] == pytest.approx(0.8)
    assert len(set(inside)) == len(inside)               # every report is a step forward
    assert [s for s, _ in itertools.groupby(s for s, _ in stages)] == ["segment", "align", "edits", "done"]


@pytest.mark.parametrize("stop_at", ["features", "candidates", "scores", "runs"])
def test_cancel_inside_a_long_step(seed_pair, monkeypatch, stop_at):
    """A cancel asked inside a long step of the alignment (reading the passages, proposing
    candidates, scoring the pairs, growing runs) stops the work before that step ends."""
    from synopsis.core import align, features, splits

    monkeypatch.setattr(align, "SCORE_CHUNK", 20)
    monkeypatch.setattr(splits, "TRIAL_CHUNK", 5)
    monkeypatch.setattr(features, "EVERY", 10)           # the seed pair has a few dozen passages
    shares = align.STEP_SHARES
    before = sum(shares[k] for k in list(shares)[:list(shares).index(stop_at)])
    asked = []

    def progress(stage: str, fraction: float) -> None:
        share = (fraction - 0.1) / 0.7
        if stage == "align" and before + 1e-6 < share < before + shares[stop_at] - 1e-6:
            asked.append(share)

    with pytest.raises(Cancelled):
        compare(load(seed_pair[0]), load(seed_pair[1]), progress=progress, cancel=lambda: bool(asked))
    assert len(asked) == 1          # the next check inside the step stopped it


def _small_ticks(monkeypatch, every: int = 5) -> None:
    """Ticks every few passages or pairs, as a long document's every ``ticks.EVERY``."""
    from synopsis.core import annotate, debris, features, segment
    from synopsis.core.semantic import pair_model

    for module in (annotate, debris, features, segment, pair_model):
        monkeypatch.setattr(module, "EVERY", every)


def test_progress_moves_inside_segmentation_blend_and_diffs(seed_pair, monkeypatch):
    """Segmenting, the meaning blend and the word diffs report parts of their share too (a
    long document's take seconds each), in order, each report a step forward."""
    from synopsis.core import align

    _small_ticks(monkeypatch)
    stages = []
    compare(load(seed_pair[0]), load(seed_pair[1]), progress=lambda s, f: stages.append((s, f)))
    fractions = [f for _, f in stages]
    assert fractions == sorted(fractions)
    shares = align.STEP_SHARES
    blend_from = sum(shares[k] for k in list(shares)[:list(shares).index("blend")])
    inside_blend = [f for s, f in stages if s == "align"
                    and 0.1 + 0.7 * blend_from + 1e-6 < f < 0.1 + 0.7 * (blend_from + shares["blend"]) - 1e-6]
    assert len([f for s, f in stages if s == "segment" and 0.0 < f < 0.1]) >= 4
    assert len(inside_blend) >= 2
    assert len([f for s, f in stages if s == "edits" and 0.8 < f < 1.0]) >= 2


@pytest.mark.parametrize("stage, start, end", [("segment", 0.0, 0.1), ("edits", 0.8, 1.0)])
def test_cancel_while_segmenting_or_diffing(seed_pair, monkeypatch, stage, start, end):
    """A cancel asked while the documents are segmented or the links diffed stops the work at
    the next tick, before that stage ends."""
    _small_ticks(monkeypatch)
    asked = []

    def progress(at: str, fraction: float) -> None:
        if at == stage and start < fraction < end:
            asked.append(fraction)

    with pytest.raises(Cancelled):
        compare(load(seed_pair[0]), load(seed_pair[1]), progress=progress, cancel=lambda: bool(asked))
    assert len(asked) == 1


def test_edit_spans_point_into_text(seed_pair):
    report = compare(load(seed_pair[0]), load(seed_pair[1]))
    a, b = report.documents
    paraphrased = [link for link in report.links if link.edits]
    assert paraphrased
    for link in paraphrased:
        for e in link.edits:
            if e.a:
                assert a.text[e.a.start:e.a.end].strip() == a.text[e.a.start:e.a.end]
            if e.b:
                assert b.text[e.b.start:e.b.end].strip() == b.text[e.b.start:e.b.end]


def test_the_engine_leaves_the_collector_alone(seed_pair):
    """Pausing the garbage collector is the calling program's choice (synopsis.runtime)."""
    import gc

    seen = []
    compare(load(seed_pair[0]), load(seed_pair[1]), progress=lambda s, f: seen.append(gc.isenabled()))
    assert seen and all(seen)


def test_the_engine_changes_no_process_wide_state():
    """No collector switch, no child process, no exit hook, no environment written in synopsis.core."""
    from pathlib import Path
    import re

    import synopsis.core

    root = Path(synopsis.core.__file__).parent
    pattern = re.compile(r"gc\.(disable|enable|freeze)\(|\bsubprocess\b|\bmultiprocessing\b|\batexit\b|"
                         r"os\.environ\[[^]]+\]\s*=|os\.(putenv|chdir)\(|sys\.setrecursionlimit")
    offenders = [f"{p.relative_to(root)}: {m.group()}" for p in sorted(root.rglob("*.py"))
                 for m in pattern.finditer(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_prepare_gives_a_new_document_and_leaves_its_input(seed_pair):
    from synopsis.core import prepare

    loaded = load(seed_pair[0])
    prepared = prepare(loaded, Settings())
    assert loaded.segments == () and prepared.segments and prepared is not loaded
    assert prepared.language == "en"
    with pytest.raises(AttributeError):
        prepared.segments = ()                                  # frozen: nothing changes it later


def test_the_stages_one_way_give_what_compare_gives(seed_pair):
    from synopsis.core import Document, Link, Report  # noqa: F401  (the names a program imports)
    from synopsis.core.pipeline import align, decide, prepare, redecide

    settings = Settings()
    a, b = (prepare(load(path), settings) for path in seed_pair)
    alignment = align(a, b, settings)
    assert all(not hasattr(c, "label") for c in alignment.candidates)     # scored candidates only
    report = decide(alignment, settings)
    assert report.links == compare(load(seed_pair[0]), load(seed_pair[1]), settings).links
    assert isinstance(report.settings, Settings)
    stricter = redecide(report, settings.replace(shared_threshold=0.99))
    assert [l.key for l in stricter.links] == [l.key for l in report.links]
    assert sum(l.label == "shared" for l in stricter.links) < sum(l.label == "shared" for l in report.links)
    assert stricter.annotations.keys() == report.annotations.keys()      # no pair diffed twice


def test_embedding_moves_the_progress(seed_pair, monkeypatch):
    """The meaning step reports each chunk of passages embedded (from the embedding's thread),
    so a long embedding does not hold the bar still; the bar still only moves forward."""
    from synopsis.core import align
    from synopsis.core.semantic import vectors

    monkeypatch.setattr(vectors, "CHUNK", 2)
    vectors.CACHE.clear()
    shares = align.STEP_SHARES
    start = sum(shares[k] for k in list(shares)[:list(shares).index("meaning")])
    inside = []
    compare(load(seed_pair[0]), load(seed_pair[1]), Settings(meaning=True),
            progress=lambda s, f: s == "align" and inside.append((f - 0.1) / 0.7))
    during = [x for x in inside if start + 1e-6 < x < start + shares["meaning"] - 1e-6]
    assert len(during) >= 3, inside
    assert inside == sorted(inside) and len(set(inside)) == len(inside)
