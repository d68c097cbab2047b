"""Where a split's whole has the words of one half (core.splits._covered_median), against numpy."""
from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import given, strategies as st

from synopsis.core.features import _ALL_STOP, SegmentFeatures
from synopsis.core.model import Span
from synopsis.core.splits import _covered_median

STEMS = ["putin", "kreml", "gesprach", "die", "und", "witkoff", "moskau", "5", "der"]


def _features(stems: list[str]) -> SegmentFeatures:
    return SegmentFeatures(ids=(0,), span=Span(0, 1), text=" ".join(stems), stems=stems,
                           numbers=frozenset(), names=frozenset(), bag=Counter(stems))


@given(st.lists(st.sampled_from(STEMS), min_size=1, max_size=20), st.lists(st.sampled_from(STEMS), max_size=8))
def test_the_median_position_is_numpys(single, seed):
    covered = [i for i, t in enumerate(single) if t not in _ALL_STOP and t in set(seed)]
    expected = float(np.median(covered)) / len(single) if covered else -1.0
    assert _covered_median(_features(seed), _features(single)) == expected
