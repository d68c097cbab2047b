"""The fast fact detectors find what the plain reference detector (``facts.reference``) finds.

The reference tries every pattern on every chunk, looks at every token and applies each rule as
written; the fast path skips, batches and keeps. Texts are drawn from pieces that trigger every
detector (figures, dates, English and German names and nouns, quotes, speakers, negation and
hedging, and the same in Russian, Ukrainian, Spanish and French), with stray characters between,
and the second side of a pair is the first with a few pieces swapped, so that facts change; each
side's language is drawn too (or left to the fact layer to judge), so pairs in two languages are
compared as such.
"""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from synopsis.core.facts import clear_cache, find_fact_changes, find_fact_changes_many, reference
from synopsis.core.facts import analysis, dates, names, negation, numbers, quotes
from synopsis.core.facts.common import Passage
from synopsis.core.model import Span

PIECES = [
    # figures and dates
    "40%", "14 per cent", "€90bn", "€90 billion", "701 sq km", "(270 sq miles)", "five", "Twelve", "2,5 Prozent",
    "3,6 Milliarden", "eine Billion Euro", "about 700", "10-15%", "2.000", "2000 Dollar", "one", "half",
    "on Tuesday", "4 February", "February 4, 2025", "yesterday", "last week", "am 4. Februar", "9.8.2014",
    "letzten Jahr", "heute Abend", "3pm", "10:30 Uhr", "May", "Mai", "in 2019", "this morning",
    # names, titles, German nouns
    "Putin", "Vladimir Putin", "President Trump", "Kyiv", "kiev", "Sybhia", "Sybiha", "Ursula von der Leyen",
    "the ECB", "European Central Bank", "MWPs", "Die Regierung", "die neue Regierung", "der Trainer",
    "Trainer", "Bundeskanzler Scholz", "Merz", "Mayor James Quinn", "Lindqvist", "The", "After", "Folglich",
    "Mr. Smith", "Trump’s", "die Ukraine", "Culturecom",
    # quotes and speakers
    "“key question”", "\"key issue\"", "‘quoted’", "«zitiert»", "„so“", "»nie«", "Peskov said", "said Ushakov",
    "according to Rustem Umerov", ", he said.", "sagte er", "erklärte Merz", "laut Peskow", "Uschakow zufolge",
    "told Reuters", ", an aide to Putin, said",
    # negation and hedging
    " not ", " no ", "never", "n't", "nicht", "keine", " may ", "might", "reportedly", "könnte", "soll",
    "is said to",
    # other languages: figures, dates, names in Cyrillic, speech, quotes, negation
    "701 кв. км", "90 млрд евро", "17 000", "пять часов", "п’ять годин", "19,3%", "90.000 millones de euros",
    "24 декабря 2024 года", "у середу", "4–5 марта", "el 4 y 5 de marzo", "le 1er mai", "4 h 45", "на прошлой неделе",
    "Сибига", "Сибіга", "Лавров", "Путин", "Путіна", "Київ", "Киев", "Рустем Умеров", "Антонио Монтейру де Кастру",
    "Белом доме", "— заявил Лавров", "сказал он", "по словам Кремля", "dijo Sánchez", "según el Kremlin",
    "a déclaré M. Macron", "«ключевой вопрос»", "«Эрика»", " не ", " ни ", "не только", "якобы", "может", " no ",
    "n' est pas", "supuestamente", "unless", "що", " que ",
    # glue
    " the ", " und ", " and ", ". ", ", ", "\n", "  ", "—", "’s", " in ", " der ", " die ", " в ", " с ",
]

pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), min_size=1, max_size=14)


@st.composite
def pairs(draw):
    """Two texts, the second the first with a few pieces swapped, and a passage of each."""
    a = draw(pieces)
    b = list(a)
    for _ in range(draw(st.integers(0, 3))):
        b[draw(st.integers(0, len(b) - 1))] = draw(st.sampled_from(PIECES))
    text_a, text_b = "".join(a), "".join(b)
    return text_a, draw(spans(text_a)), text_b, draw(spans(text_b))


@st.composite
def spans(draw, text):
    """The whole text, or some of its pieces cut at random places, in order."""
    if draw(st.booleans()):
        return [Span(0, len(text))]
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0] + cuts + [len(text)]
    return [Span(s, e) for s, e in zip(bounds, bounds[1:]) if e > s and draw(st.booleans())]


languages = st.sampled_from([None, None, "en", "de", "ru", "uk", "es", "fr"])


@settings(max_examples=400, deadline=None)
@given(pairs(), languages, languages)
@example(("Die Regierung sagte am 4. Februar, Merkel sei nicht da.", [Span(0, 54)],
          "Die Polizei sagte am 5. Februar, Scholz sei da.", [Span(0, 46)]), None, None)
@example(("Peskov said 40% left Kyiv.", [Span(0, 26)], "Ushakov said 14% left Kiev.", [Span(0, 27)]), "en", "en")
def test_the_fast_path_finds_what_the_reference_finds(pair, language_a, language_b):
    text_a, spans_a, text_b, spans_b = pair
    clear_cache()
    expected = reference.find_fact_changes(text_a, spans_a, text_b, spans_b, languages=(language_a, language_b))
    assert find_fact_changes(text_a, spans_a, text_b, spans_b, languages=(language_a, language_b)) == expected


@settings(max_examples=300, deadline=None)
@given(pieces.map("".join), languages)
def test_each_fast_detector_finds_what_the_plain_one_finds(text, language):
    whole = [Span(0, len(text))]
    fast = Passage.of(text, whole, language)
    plain = reference.analyse(text, whole, language)
    assert fast.words == plain.passage.words
    found = dates.extract(fast)
    assert [(d.span, d.parts) for d in found] == [(d.span, d.parts) for d in plain.dates]
    assert numbers.extract(fast, [d.span for d in found]) == plain.numbers
    assert quotes.extract(fast) == plain.quotes
    every = names.extract(fast)
    def seen(found):
        return [(list(n.keys), list(n.starts), list(n.ends), n.noun, n.common_head, n.prev, n.next) for n in found]
    assert seen(every) == seen(reference.names_in(plain.passage))
    assert analysis.speakers_of(fast, every) == plain.speakers
    assert negation.extract(fast) == plain.cues


@st.composite
def link_sets(draw):
    """Two texts and links between some of their passages; a passage may be in several links."""
    text_a, text_b = "".join(draw(pieces)), "".join(draw(pieces))
    pool_a = [draw(spans(text_a)) for _ in range(draw(st.integers(1, 3)))]
    pool_b = [draw(spans(text_b)) for _ in range(draw(st.integers(1, 3)))]
    return text_a, text_b, draw(st.lists(st.tuples(st.sampled_from(pool_a), st.sampled_from(pool_b)), max_size=5))


@settings(max_examples=150, deadline=None)
@given(link_sets(), languages)
def test_many_links_at_once_give_what_the_reference_gives_for_each(case, language):
    text_a, text_b, links = case
    clear_cache()
    found = find_fact_changes_many(text_a, text_b, links, languages=(language, language))
    assert found == [reference.find_fact_changes(text_a, sa, text_b, sb, languages=(language, language))
                     for sa, sb in links]
