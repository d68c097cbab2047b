import dataclasses

from hypothesis import given, settings, strategies as st

from synopsis.core.ingest.text import normalise_newlines
from synopsis.core.model import Document
from synopsis.core.segment import segment


def doc(text, language="en"):
    return Document(text=text, title="t", source="s", sha256="", language=language)


def segmented(d, granularity="sentence"):
    """``d`` with its segments (``segment`` gives them and leaves the document as it is)."""
    return dataclasses.replace(d, segments=segment(d, granularity))


def texts(d):
    return [d.text[s.start:s.end] for s in d.segments]


def test_english_abbreviations_initials_decimals_quotes():
    d = doc("Mr. Smith met J. K. Rowling in the U.S. on Monday. Growth was 2.5 per cent. "
            "“It all comes down to this.” He left.\nNew paragraph here.")
    d = segmented(d)
    assert texts(d) == ["Mr. Smith met J. K. Rowling in the U.S. on Monday.", "Growth was 2.5 per cent.",
                        "“It all comes down to this.”", "He left.", "New paragraph here."]
    assert [s.paragraph for s in d.segments] == [0, 0, 0, 0, 1]


def test_german_abbreviations():
    d = doc("Das Treffen fand z. B. in Genf statt. Dr. Müller sagte, es gebe ca. 3,5 Mio. Flüchtlinge. "
            "Am 4. Februar geht es weiter.", "de")
    d = segmented(d)
    assert texts(d)[0] == "Das Treffen fand z. B. in Genf statt."
    assert len(texts(d)) == 3


def test_paragraph_granularity():
    d = doc("One. Two.\n\nThree.")
    d = segmented(d, "paragraph")
    assert texts(d) == ["One. Two.", "Three."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n“”\"'A1,")), max_size=200))
def test_segments_are_ordered_spans_of_the_text(text):
    text = normalise_newlines(text)
    d = doc(text)
    d = segmented(d)
    last = 0
    for i, s in enumerate(d.segments):
        assert s.id == i
        assert last <= s.start < s.end <= len(text)
        piece = text[s.start:s.end]
        assert piece == piece.strip() and "\n" not in piece
        last = s.end
    # every non-space character belongs to some segment
    covered = set()
    for s in d.segments:
        covered.update(range(s.start, s.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
