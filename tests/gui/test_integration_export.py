"""File ▸ Export…: filters from the registry, real files written, verdicts included, errors."""
from __future__ import annotations

import json

import pytest
from synopsis import export
from synopsis.gui import export_controller
from synopsis.gui.dialogs import Dialogs

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def save_to(monkeypatch):
    """Make the save dialog answer ``(path, filter)``; records the filters it was offered."""
    offered: list[list[str]] = []
    answer: dict[str, object] = {}

    def fake(cls, parent, title, filters, suggested=""):
        offered.append(list(filters))
        answer["suggested"] = suggested
        return answer.get("value")

    monkeypatch.setattr(Dialogs, "save_file", classmethod(fake))
    return answer, offered


def test_filters_follow_the_registry(monkeypatch):
    texts = [f for f, _ in export_controller.filters()]
    assert [fmt for _, fmt in export_controller.filters()] == [
        f for f in export.formats() if export_controller.extensions_of(f)]
    assert any("*.json" in t for t in texts)
    monkeypatch.setitem(export.WRITERS, (export.REPORT, "yaml"), "nowhere")
    monkeypatch.setitem(export.EXTENSIONS, ".yaml", "yaml")
    assert any("*.yaml" in f for f, _ in export_controller.filters())


def test_export_json_writes_a_valid_report(compared, tmp_path, save_to, errors, validate_report):
    answer, offered = save_to
    out = tmp_path / "report.json"
    answer["value"] = (str(out), "")
    compared.act_export.trigger()
    assert offered and len(offered[0]) == len(export_controller.filters())
    assert out.exists() and errors == []
    data = json.loads(out.read_text(encoding="utf-8"))
    validate_report(data)
    assert len(data["links"]) == len(compared.report.links)
    assert str(out) in compared.statusBar().currentMessage()


def test_export_html_by_filter_carries_the_verdict(compared, tmp_path, save_to, errors):
    assert "html" in export.formats()
    answer, _ = save_to
    compared.session.select_link(0)
    compared.verdict.set_verdict("misleading", "a telling note")
    html_filter = next(f for f, fmt in export_controller.filters() if fmt == "html")
    answer["value"] = (str(tmp_path / "report"), html_filter)  # no extension: the filter decides
    compared.act_export.trigger()
    out = tmp_path / "report.html"
    assert out.exists() and errors == []
    text = out.read_text(encoding="utf-8")
    assert "misleading" in text and "a telling note" in text and "<html" in text.lower()


def test_export_failure_is_one_line(compared, tmp_path, save_to, errors):
    answer, _ = save_to
    answer["value"] = (str(tmp_path / "missing-folder" / "r.json"), "")
    compared.act_export.trigger()
    assert len(errors) == 1 and "missing-folder" in errors[0][1] and "\n" not in errors[0][1]
    assert not (tmp_path / "missing-folder").exists()


def test_cancelled_dialog_writes_nothing(compared, tmp_path, save_to, errors):
    compared.act_export.trigger()
    assert errors == [] and list(tmp_path.glob("*.json")) == []


def test_suggested_name_is_safe_everywhere():
    stem = export_controller.suggested_stem(["Zelensky: Ukrainian officials preparing to meet US negotiators",
                                             'A/B "test" <x>?', "", "   "])
    assert not set(stem) & set('<>:"/\\|?*')
    assert stem.split("-vs-") == ["Zelensky Ukrainian officials preparing", "A B test x", "source", "source"]


def test_dialog_offers_html_first_and_remembers_the_folder(compared, tmp_path, save_to, errors):
    answer, offered = save_to
    compared.act_export.trigger()                      # cancelled: nothing remembered
    assert offered[0][0].endswith("(*.html *.htm)") and answer["suggested"].endswith(".html")
    folder = tmp_path / "exports"
    folder.mkdir()
    answer["value"] = (str(folder / "first.html"), offered[0][0])
    compared.act_export.trigger()
    assert (folder / "first.html").exists() and errors == []
    answer["value"] = None
    compared.act_export.trigger()
    assert answer["suggested"].startswith(str(folder.resolve()))
