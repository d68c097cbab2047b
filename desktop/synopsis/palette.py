"""The colours of Synopsis, one palette for the window and every export.

Okabe–Ito, safe for the common colour-vision deficiencies: one hue per class (shared blue,
paraphrased orange, unique reddish purple), with pale tints of the same hues for backgrounds
and lighter ones for lines on a dark background. Colour is never the only cue: each class also
has its own underline or hatching, and its name.
"""
from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design"
BLUE = "#0072B2"
SKY_BLUE = "#56B4E9"
ORANGE = "#E69F00"
REDDISH_PURPLE = "#CC79A7"
VERMILLION = "#D55E00"
YELLOW = "#F0E442"

STRONG = {"shared": BLUE, "paraphrased": ORANGE, "unique": REDDISH_PURPLE}      # lines, light background
ON_DARK = {"shared": SKY_BLUE, "paraphrased": "#F0C040", "unique": "#E3A3C8"}   # lines, dark background
TINT_LIGHT = {"shared": "#D3E9F7", "paraphrased": "#FBE8C2", "unique": "#F4DDEA"}
TINT_DARK = {"shared": "#123E5C", "paraphrased": "#5A4210", "unique": "#56304A"}
# The claim matrix's cells: the light tints, and grey for a source that lacks the statement
# ("unique": a statement only that source carries).
CELLS = {"shared": TINT_LIGHT["shared"], "paraphrased": TINT_LIGHT["paraphrased"], "unique": TINT_LIGHT["unique"],
         "absent": "#F2F2F2"}
FACT = VERMILLION        # a changed fact's words
DIFF = YELLOW            # a word edit's background
