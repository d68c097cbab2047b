"""Word edits inside a linked pair (core.edits): the tokens and the diff, against a plain reading."""
from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, strategies as st

from synopsis.core.edits import _TOKEN, tokens, word_edits
from synopsis.core.model import Span

# words with curly and straight apostrophes, capitals (Greek final sigma too), numbers and marks
PIECES = ["Putin’s", "Putin's", "ΟΔΟΣ", "Straße", "İstanbul", "talks", "Talks", "5,000", "3.5",
          "„Nein“", "«non»", "—", "-", ",", ".", " ", "  ", "\n", "don’t", "l’État", "x"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join)


def _plain_tokens(text: str, spans: list[Span]) -> list[tuple[str, int, int]]:
    """Each token found in the text as written, lower-cased with its apostrophe straightened."""
    return [(m.group().lower().replace("’", "'"), m.start(), m.end())
            for span in spans for m in _TOKEN.finditer(text, span.start, span.end)]


def _plain_edits(text_a: str, spans_a: list[Span], text_b: str, spans_b: list[Span]) -> list[tuple]:
    ta, tb = _plain_tokens(text_a, spans_a), _plain_tokens(text_b, spans_b)
    ops = SequenceMatcher(None, [t[0] for t in ta], [t[0] for t in tb], autojunk=False).get_opcodes()
    return [(ta[i1][1] if i2 > i1 else None, ta[i2 - 1][2] if i2 > i1 else None,
             tb[j1][1] if j2 > j1 else None, tb[j2 - 1][2] if j2 > j1 else None)
            for op, i1, i2, j1, j2 in ops if op != "equal"]


def _spans(text: str, cut: int) -> list[Span]:
    cut = min(cut, len(text))
    return [Span(0, cut), Span(cut, len(text))]


@given(texts, st.integers(0, 200))
def test_tokens_are_the_text_as_written_lower_cased(text, cut):
    spans = _spans(text, cut)
    assert tokens(text, spans) == _plain_tokens(text, spans)
    for form, start, end in tokens(text, spans):
        assert text[start:end].lower().replace("’", "'") == form


@given(texts, texts, st.integers(0, 200), st.integers(0, 200))
def test_edits_are_the_diff_of_the_tokens(text_a, text_b, cut_a, cut_b):
    spans_a, spans_b = _spans(text_a, cut_a), _spans(text_b, cut_b)
    found = [(e.a and e.a.start, e.a and e.a.end, e.b and e.b.start, e.b and e.b.end)
             for e in word_edits(text_a, spans_a, text_b, spans_b)]
    assert found == _plain_edits(text_a, spans_a, text_b, spans_b)


@given(texts, st.integers(0, 200))
def test_the_same_text_has_no_edits_wherever_it_stands(text, cut):
    shifted = "Vorspann. " + text
    spans_a = _spans(text, cut)
    spans_b = [Span(s.start + 10, s.end + 10) for s in spans_a]
    assert word_edits(text, spans_a, shifted, spans_b) == []


def test_the_same_words_cut_differently_are_diffed_not_skipped():
    text_a, text_b = "Witkoff met Putin. Talks went on", "Witkoff met Putin. Talks went on!"
    spans_a = [Span(0, 18), Span(19, 32)]
    spans_b = [Span(0, 18), Span(19, 33)]
    [edit] = word_edits(text_a, spans_a, text_b, spans_b)
    assert edit.op == "insert" and text_b[edit.b.start:edit.b.end] == "!"
