"""From a model's cosines to a meaning score in [0, 1] that means the same for every model.

Cosines are not comparable between models: multilingual-e5-small puts almost any two news
sentences above 0.8, USE spreads them from about 0.1 to 0.9. A raw threshold would be right
for one model only. So each model gets a logistic calibration of two numbers per pair of
passages — its cosine, and its cosine relative to both passages' nearest neighbours
(``2·cos − near_a − near_b``, the CSLS / margin idea of bitext mining, which also removes a
model's narrow band and its "hub" sentences) — fitted on development data only: passages that
translate each other against passages of the same article that do not
(``benchmarks/run_semantic.py --calibrate`` prints the fit; the coefficients below are its
output). The score is then a probability-like "these two passages say the same thing".

The block aligner needs the same care: its costs were tuned on the default model's cosines, in
which a translation sits about 0.66 above an unrelated sentence of the same article (medians
0.80 and 0.14 on the development articles); e5's sit 0.13 apart (0.91 and 0.78). Read raw, e5's
narrow band makes every pairing look nearly as good as the right one, so the aligner pairs
sentences off by one rather than leave a dropped or inserted one out. ``stretch`` widens a
model's band to the default's before the block costs see it (``1 - stretch·(1 - cos)``): the
ratio of the two gaps is 5.1; 3 was best on both development sets (the WMT22 articles and the
Text+Berg development file, ``benchmarks/README.md``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Calibration:
    cosine: float
    relative: float
    bias: float
    stretch: float = 1.0     # the block aligner reads a cosine as 1 - stretch·(1 - cos) (blocks.align_blocks)

    def score(self, cos: np.ndarray | float, relative: np.ndarray | float) -> np.ndarray:
        z = self.cosine * np.asarray(cos, dtype=np.float64) + \
            self.relative * np.asarray(relative, dtype=np.float64) + self.bias
        return 1.0 / (1.0 + np.exp(-z))


# Fitted by benchmarks/run_semantic.py --calibrate on the WMT22 Russian–English development
# articles (813 sentences with their translation against 3,891 other sentences of the same
# articles): 99.6 % (USE) and 99.4 % (e5) of those pairs on the right side of 0.5. Both lean on
# the neighbour-relative cosine; e5's raw cosines (translations 0.92, others 0.81 in the median)
# need a steep scale.
CALIBRATIONS: dict[str, Calibration] = {
    "use-multilingual-v3": Calibration(cosine=-0.076, relative=18.976, bias=-5.582),
    "multilingual-e5-small": Calibration(cosine=-11.298, relative=94.056, bias=4.853, stretch=3.0),
}


def calibration(model: str) -> Calibration:
    return CALIBRATIONS[model]
