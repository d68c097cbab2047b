"""The decoded copy of the default model (``model_cache``): written once, read back memory-mapped,
giving exactly the vectors of the model as the package ships it; a damaged copy is never used."""
from __future__ import annotations

import numpy as np
import pytest

from synopsis.core.semantic import encoders, model_cache
from synopsis.core.semantic.models import DEFAULT

SENTENCES = ["Witkoff spent almost five hours with Vladimir Putin in the Kremlin on Tuesday.",
             "Уиткофф провёл почти пять часов с Владимиром Путиным в Кремле во вторник.",
             "Die Minimärkte werden überall geplündert.", "«Никакого компромисса» достигнуто не было.",
             "The territory – 701 sq km – would be demilitarised."]


@pytest.fixture(scope="module")
def shipped():
    """The encoder as the package ships it (no cache), and its states of SENTENCES."""
    encoder = encoders._UseEncoder()
    return encoder, encoder.states(SENTENCES)


def _copy(encoder, folder):
    return model_cache.folder_of(folder, DEFAULT.name, encoder.version)


def test_the_cached_model_gives_the_shipped_models_states_and_vectors(shipped, tmp_path):
    reference, states = shipped
    first = encoders._UseEncoder(tmp_path)             # decodes the model, writes the copy
    assert (_copy(first, tmp_path) / "table.npy").is_file()
    assert isinstance(first._net.table, np.memmap)       # even the first run maps the written table
    second = encoders._UseEncoder(tmp_path)            # reads the copy only
    assert second._use is None and second.pooled
    assert isinstance(second._net.table, np.memmap)
    for encoder in (first, second):
        assert np.array_equal(encoder.states(SENTENCES), states)
        assert np.array_equal(encoder.vectors(states), reference.vectors(states))
        assert np.array_equal(encoder.block_vectors(states, SENTENCES, 2),
                              reference.block_vectors(states, SENTENCES, 2))


def test_a_damaged_copy_is_not_used(shipped, tmp_path):
    reference, states = shipped
    encoders._UseEncoder(tmp_path)
    folder = _copy(reference, tmp_path)
    probe = np.load(folder / "probe.npy")
    np.save(folder / "probe.npy", probe[::-1])          # vectors the copy does not reproduce
    assert encoders._UseEncoder(tmp_path)._use is not None
    table = folder / "table.npy"
    table.write_bytes(table.read_bytes()[:4096])        # a file cut short
    assert model_cache.load(tmp_path, DEFAULT.name, reference.version) is None
    fallback = encoders._UseEncoder(tmp_path)
    assert fallback._use is not None
    assert np.array_equal(fallback.states(SENTENCES), states)


def test_an_unwritable_cache_folder_only_costs_the_copy(shipped, tmp_path):
    reference, states = shipped
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    encoder = encoders._UseEncoder(blocked)
    assert encoder._use is not None and np.array_equal(encoder.states(SENTENCES), states)
    assert not any(p.name.startswith(".partial-") for p in tmp_path.iterdir())
