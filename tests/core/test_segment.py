import dataclasses

import pytest
from hypothesis import example, given, settings, strategies as st

from synopsis.core.ingest.text import normalise_newlines
from synopsis.core.model import Document
from synopsis.core.segment import MAX_SEGMENT_CHARS, bounded, segment, split


def doc(text, language="en", title="t"):
    return Document(text=text, title=title, source="s", sha256="", language=language)


def texts(d):
    return [d.text[s.start:s.end] for s in d.segments]


def segmented(d, granularity="sentence"):
    """``d`` with its segments (``segment`` gives them; a document is frozen)."""
    return dataclasses.replace(d, segments=segment(d, granularity))


def pieces(text, language, **kw):
    return [text[s.start:s.end] for s in split(text, language, **kw)]


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


@pytest.mark.parametrize("language, text, expected", [
    ("de", "Dass er mir nie begegnet.“ Warum sollte ich? Sie wollen?“ Die Nationals spielen.",
     ["Dass er mir nie begegnet.“", "Warum sollte ich?", "Sie wollen?“", "Die Nationals spielen."]),
    ("de", "Sie sagte: »Das ist das Ende.« Danach ging sie.", ["Sie sagte: »Das ist das Ende.«", "Danach ging sie."]),
    ("ru", "Он сказал: «Всё кончено.» Потом ушёл. «Правда?» Никто не знает.",
     ["Он сказал: «Всё кончено.»", "Потом ушёл.", "«Правда?»", "Никто не знает."]),
    ("uk", "Він сказав: «Усе скінчено». Потім пішов!» Далі тиша.",
     ["Він сказав: «Усе скінчено».", "Потім пішов!»", "Далі тиша."]),
    ("fr", "Il a dit : « C'est fini. » Puis il est parti. « Pourquoi ? » Personne ne sait.",
     ["Il a dit : « C'est fini. »", "Puis il est parti.", "« Pourquoi ? »", "Personne ne sait."]),
    ("pl", "Powiedział: „To koniec.” Potem wyszedł.", ["Powiedział: „To koniec.”", "Potem wyszedł."]),
    ("ja", "今日は晴れです。明日は雨でしょう。「本当ですか？」と彼は聞いた。",
     ["今日は晴れです。", "明日は雨でしょう。", "「本当ですか？」と彼は聞いた。"]),
    ("zh", "他来了。「你好！」她说。", ["他来了。", "「你好！」", "她说。"]),
    ("en", "“Why?” she asked. “Stop!” he said.", ["“Why?” she asked.", "“Stop!” he said."]),
])
def test_closing_quotes_and_marks_end_sentences(language, text, expected):
    assert pieces(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("ar", "ماذا حدث بعد الانتخابات؟ طرح الكثير من التساؤلات. يقول معارضو الرئيس إن الطريقة كانت مثيرة.",
     ["ماذا حدث بعد الانتخابات؟", "طرح الكثير من التساؤلات.", "يقول معارضو الرئيس إن الطريقة كانت مثيرة."]),
    ("ur", "یہ ایک جملہ ہے۔ یہ دوسرا جملہ ہے؟ ہاں۔", ["یہ ایک جملہ ہے۔", "یہ دوسرا جملہ ہے؟", "ہاں۔"]),
    ("fa", "این یک جمله است. آیا این دومی است؟ بله.", ["این یک جمله است.", "آیا این دومی است؟", "بله."]),
    (None, "Er kam. قال الرئيس. Он ушёл.", ["Er kam.", "قال الرئيس.", "Он ушёл."]),
])
def test_right_to_left_and_caseless_scripts(language, text, expected):
    assert pieces(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("en", "He was shot in a robbery. lawyer Marcos Silva said so.",
     ["He was shot in a robbery.", "lawyer Marcos Silva said so."]),
    ("en", "See e.g. the report. Prices rose approx. five per cent. He lives in St. Louis.",
     ["See e.g. the report.", "Prices rose approx. five per cent.", "He lives in St. Louis."]),
    ("de", "Das gilt z. B. die Regel. Der 1. FC Köln gewann am 4. Februar im 6. Stock.",
     ["Das gilt z. B. die Regel.", "Der 1. FC Köln gewann am 4. Februar im 6. Stock."]),
    ("de", "Im 8. Jahrhundert n. Chr. begann es. Das war 512 v. Chr. Die Perser kamen.",
     ["Im 8. Jahrhundert n. Chr. begann es.", "Das war 512 v. Chr.", "Die Perser kamen."]),
    ("ru", "Это, т. е. всё, см. ниже. В 1990 г. Он уехал. Живёт в г. Москве на ул. Ленина.",
     ["Это, т. е. всё, см. ниже.", "В 1990 г.", "Он уехал.", "Живёт в г. Москве на ул. Ленина."]),
    ("en", "Growth was 2.5 per cent. 20 people died. See No. 5 and p. 55.",
     ["Growth was 2.5 per cent.", "20 people died.", "See No. 5 and p. 55."]),
    ("en", "1. The first item\n2. The second item", ["1. The first item", "2. The second item"]),
    ("ru", "Это было в 1600 г. до н. э. Город сгорел. Инфузия длится 30 мин. В 1979 году всё кончилось.",
     ["Это было в 1600 г. до н. э.", "Город сгорел.", "Инфузия длится 30 мин.", "В 1979 году всё кончилось."]),
    ("de", "„Mehr Menschen nehmen Kredite auf … Während das leicht ist, bleibt es.“ Er ging. Warte… Nein.",
     ["„Mehr Menschen nehmen Kredite auf … Während das leicht ist, bleibt es.“", "Er ging.", "Warte…", "Nein."]),
])
def test_lower_case_starts_and_abbreviations(language, text, expected):
    assert pieces(text, language) == expected


def test_headline_glued_to_the_lead_is_cut_only_by_a_known_title():
    text = "Ukraine talks end without deal Witkoff spent almost five hours in Moscow. He left."
    title = "Ukraine talks end without deal"
    assert pieces(text, "en", title=title) == [title, "Witkoff spent almost five hours in Moscow.", "He left."]
    assert pieces(text, "en")[0].startswith("Ukraine talks end without deal Witkoff")
    assert pieces(text, "en", title="Ukraine talks")[0] == pieces(text, "en")[0]     # under three words
    # ingest's fallback title is the first 120 characters of the first line: never a cut
    long_line = "A " * 70 + "Then more."
    assert pieces(long_line, "en", title=long_line[:120]) == [long_line.strip()]
    d = doc(text, title=title)
    d = segmented(d)
    assert texts(d)[0] == title


def test_a_long_passage_without_punctuation_is_cut_at_white_space():
    words = ("alpha", "beta", "gamma", "delta", "epsilon")
    text = " ".join(words[i % 5] for i in range(800_000))          # 4.3 MB, one line
    segs = split(text, "en")
    assert len(segs) > len(text) // MAX_SEGMENT_CHARS
    assert all(s.end - s.start <= MAX_SEGMENT_CHARS for s in segs)
    assert all(text[s.start:s.end].split()[0] in words and text[s.start:s.end].split()[-1] in words
               for s in segs)                                        # no word cut in two
    assert all(text[a.end:b.start].isspace() for a, b in zip(segs, segs[1:]))
    assert segs[0].start == 0 and segs[-1].end == len(text)


def test_a_passage_without_white_space_is_cut_at_the_bound():
    text = "x" * (3 * MAX_SEGMENT_CHARS + 5)
    assert [(s.start, s.end) for s in split(text, "en", "paragraph")] == [
        (0, MAX_SEGMENT_CHARS), (MAX_SEGMENT_CHARS, 2 * MAX_SEGMENT_CHARS),
        (2 * MAX_SEGMENT_CHARS, 3 * MAX_SEGMENT_CHARS), (3 * MAX_SEGMENT_CHARS, len(text))]


def test_split_is_pure_and_segment_gives_it():
    d = doc("One sentence here. Another one there.\nThird.")
    result = split(d.text, d.language, "sentence", d.title)
    assert d.segments == ()
    assert segment(d) == result and d.segments == ()
    assert [s.id for s in result] == [0, 1, 2]


def test_paragraph_granularity():
    d = doc("One. Two.\n\nThree.")
    d = segmented(d, "paragraph")
    assert texts(d) == ["One. Two.", "Three."]


def _check_spans(text, segs):
    last = 0
    for i, s in enumerate(segs):
        assert s.id == i
        assert last <= s.start < s.end <= len(text)
        piece = text[s.start:s.end]
        assert piece == piece.strip() and "\n" not in piece
        last = s.end
    covered = set()
    for s in segs:
        covered.update(range(s.start, s.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
    # segments stay inside their paragraph, numbered in order
    assert [s.paragraph for s in segs] == sorted(s.paragraph for s in segs)


_ALPHABET = list("ab Ab .?!…\n“”„«»\"'`()1,-") + list("。？「」؟۔قل") + ["Mr", "z. B.", "e.g.", "т. е.", "  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=80), st.sampled_from([None, "en", "de", "fr", "ru", "uk", "es", "ar", "ja"]),
       st.sampled_from(["sentence", "paragraph"]), st.sampled_from([None, "Ab ab ab", "a b c d"]))
def test_segments_are_ordered_spans_of_the_text(parts, language, granularity, title):
    text = normalise_newlines("".join(parts))
    _check_spans(text, split(text, language, granularity, title))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab  \t.")), max_size=120), st.integers(1, 30))
def test_bounded_pieces_cover_the_span_and_respect_the_limit(text, limit):
    text = text.strip()
    spans = list(bounded(text, 0, len(text), limit))
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text) and end - start <= limit
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[last:start].strip() == ""
        last = end
    assert text[last:].strip() == ""


# a sentence's start, then a run of word characters, stops and apostrophes of any length
_BEFORE = st.tuples(st.text(alphabet="aB.' ,\n", max_size=40),
                    st.text(alphabet="aB.'’-_1éß", max_size=120)).map("".join)


@given(_BEFORE)
@example("Er sagte: " + "ab'c-" * 20 + "d.")       # a run longer than the tail read first
@example("x " + "a" * 100)
def test_the_word_before_a_stop_is_read_from_the_tail_as_from_the_whole(before):
    from synopsis.core.segment.rules import _WORD_BEFORE, _word

    whole = _WORD_BEFORE.search(before)
    assert _word(before) == (whole.group(1).lower() if whole else "")
