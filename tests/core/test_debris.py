from synopsis.core.debris import glued_caption, kind_of, mark
from synopsis.core.model import Document
from synopsis.core.segment import segment


def test_glued_captions_are_cut_and_ordinary_openings_kept():
    assert glued_caption("fake imagesPresident Volodymyr Zelensky said") == len("fake images")
    assert glued_caption("Reuters/Pool/Sputnikkyiv and its partners") == len("Reuters/Pool/Sputnik")
    assert glued_caption("ReutersUK government officials") == len("Reuters")
    for text in ("Reuters reported on Monday", "APEC leaders met", "Poolside talks", "iPhone sales"):
        assert glued_caption(text) == 0, text


def test_kinds():
    assert kind_of("Laura Gozzi", 1, 40) == "byline"
    assert kind_of("Laura Gozzi", 20, 40) == "text"
    assert kind_of("Additional reporting by Amy Walker", 38, 40) == "byline"
    assert kind_of("Readers in the UK can sign up here.", 39, 40) == "footer"
    assert kind_of("Getty Images", 12, 40) == "caption"
    assert kind_of("The newsletter industry grew fast.", 2, 40) == "text"


def test_mark_sets_core_inside_the_segment():
    text = "Hafsa Khaliland\nReutersUK officials rejected the message.\nFollow our newsletter."
    doc = Document(text=text, title="t", source="s", sha256="", language="en")
    segments = mark(doc.text, segment(doc))
    kinds = [s.kind for s in segments]
    assert kinds == ["byline", "text", "footer"]
    core = segments[1].core_span
    assert text[core.start:core.end] == "UK officials rejected the message."
