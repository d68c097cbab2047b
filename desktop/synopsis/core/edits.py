"""Word-level differences inside a linked pair, as spans of each document's text."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from .model import Edit, Span

_TOKEN = re.compile(r"\w+(?:[.,'’]\w+)*|[^\w\s]", re.UNICODE)


def tokens(text: str, spans: list[Span]) -> list[tuple[str, int, int]]:
    """(normalised token, start, end) for every word or punctuation mark inside ``spans``.

    The curly apostrophe is read as the straight one before tokenising: the pattern treats the
    two alike, and one replacement per span costs less than one per token."""
    out: list[tuple[str, int, int]] = []
    for span in spans:
        start = span.start
        piece = text[start:span.end].replace("’", "'")
        out += [(m.group().lower(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(piece)]
    return out


def word_edits(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span]) -> list[Edit]:
    """Insert/delete/replace operations turning the a-passages into the b-passages.

    Passages of the same text, span by span, have none (most links of an edited copy): they
    are not diffed."""
    if _same_text(text_a, spans_a, text_b, spans_b):
        return []
    ta = tokens(text_a, spans_a)
    tb = tokens(text_b, spans_b)
    matcher = SequenceMatcher(None, [t[0] for t in ta], [t[0] for t in tb], autojunk=False)
    edits: list[Edit] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        a = Span(ta[i1][1], ta[i2 - 1][2]) if i2 > i1 else None
        b = Span(tb[j1][1], tb[j2 - 1][2]) if j2 > j1 else None
        if a is None and b is not None:
            edits.append(Edit("insert", None, b))
        elif b is None and a is not None:
            edits.append(Edit("delete", a, None))
        else:
            edits.append(Edit("replace", a, b))
    return edits


def _same_text(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span]) -> bool:
    """Whether the two lists of spans hold the same strings, one for one."""
    return len(spans_a) == len(spans_b) and all(
        sa.end - sa.start == sb.end - sb.start and text_a[sa.start:sa.end] == text_b[sb.start:sb.end]
        for sa, sb in zip(spans_a, spans_b))
