"""``synopsis gui``: the screenshot mode and its errors, run as a user would."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner


def _run(args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SYNOPSIS_SETTINGS_DIR=str(tmp_path / "settings"))
    return subprocess.run([sys.executable, "-c", "from synopsis.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=60)


def test_screenshot_of_the_seed_pair(tmp_path, seed_pair):
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    proc = _run(["gui", str(seed_pair[0]), str(seed_pair[1]), "--screenshot", str(out),
                 "--size", "1000x700", "--theme", "dark"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    colours = {image.pixelColor(x, y).name() for x in range(0, 1000, 25) for y in range(0, 700, 25)}
    assert len(colours) > 20  # text, highlights and bands, not a blank window
    assert image.pixelColor(500, 5).lightness() < 128  # dark theme


def test_screenshot_of_a_missing_file_is_one_line(tmp_path, seed_pair):
    proc = _run(["gui", str(tmp_path / "nope.txt"), str(seed_pair[1]), "--screenshot",
                 str(tmp_path / "x.png")], tmp_path)
    assert proc.returncode == 2
    errors = proc.stderr.splitlines()  # nothing but the one line: no traceback, no Qt warning
    assert len(errors) == 1 and errors[0].startswith("synopsis: "), proc.stderr
    assert "nope.txt" in errors[0] and "no such file" in errors[0]


def test_three_or_more_sources_open_the_claim_matrix(tmp_path, seeds):
    from PySide6.QtGui import QImage

    out = tmp_path / "matrix.png"
    proc = _run(["gui", *map(str, sorted(seeds.glob("*.txt"))), "--screenshot", str(out),
                 "--size", "1200x800", "--theme", "light"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    # the matrix cells: the shared (blue) and paraphrased (orange) tints of the palette are on screen
    from synopsis.palette import CELLS
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 4) for y in range(0, 500, 4)}
    assert {CELLS["shared"].lower(), CELLS["paraphrased"].lower()} <= colours


def test_a_failing_source_among_many_is_one_line(tmp_path, seeds):
    proc = _run(["gui", *map(str, sorted(seeds.glob("*.txt"))[:2]), str(tmp_path / "gone.txt"),
                 "--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert proc.returncode == 2
    errors = proc.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("synopsis: ") and "gone.txt" in errors[0], proc.stderr
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("args, message", [(["--size", "big"], "WIDTHxHEIGHT")])
def test_bad_arguments(args, message):
    from synopsis.cli import main

    result = CliRunner().invoke(main, ["gui", *args])
    assert result.exit_code == 2 and message in result.output


def test_about_lists_versions():
    from synopsis.gui.dialogs.dialogs import versions

    v = versions()
    assert set(v) == {"Synopsis", "Qt", "PySide6", "Python", "rapidfuzz"} and all(v.values())


def test_application_has_the_product_icon(qapp):
    from synopsis.gui.app import _application, icon_path

    assert icon_path() is not None and icon_path().name == "synopsis.svg"
    app = _application()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "synopsis"
