"""General faults found on the held-out set: German scales and nouns, appositions, numeric dates."""
from __future__ import annotations

import pytest

from synopsis.core.facts import find_fact_changes
from synopsis.core.model import Document, Segment, Span


def kinds(a: str, b: str) -> set[str]:
    return {f.kind for f in find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])}


@pytest.mark.parametrize("a, b", [
    ("Die Schulden liegen bei 1 Billion Euro und steigen.", "Die Schulden liegen bei 1.000 Milliarden Euro und steigen."),
    ("Die Kosten betragen 2 Milliarden Euro für das Projekt.", "Die Kosten betragen 2 Mrd. Euro für das Projekt."),
    ("Der Anteil lag bei 10 Prozent im Jahr.", "Der Anteil lag bei 10 % im Jahr."),
    ("Am 9. August 2014 begann der Prozess.", "Am 09.08.2014 begann der Prozess."),
    ("Er sagte: „Wir haben 50 Milliarden Dollar investiert.“", "Er sagte: „Wir haben 50 Mrd. Dollar investiert.“"),
    ("Die Regierung hat die Zahlung bestätigt und die Zustimmung erteilt.",
     "Die Verwaltung hat die Zahlung bestätigt und die Zustimmung erteilt."),
    ("Die Delegation reiste nach Kiew und traf den Minister.", "Die Delegation reiste nach Kyjiw und traf den Minister."),
])
def test_german_equivalents_are_not_flagged(a, b):
    assert kinds(a, b) - {"name"} == set() or kinds(a, b) == set()
    assert "number" not in kinds(a, b) and "date" not in kinds(a, b)


def test_german_common_noun_swap_is_no_name_change():
    a = "Die Regierung hat die Zahlung bestätigt und die Zustimmung erteilt."
    b = "Die Verwaltung hat die Zahlung bestätigt und die Zustimmung erteilt."
    assert "name" not in kinds(a, b)


def test_german_billion_is_ten_to_the_twelve():
    a = "Die Schulden liegen bei 1 Billion Euro."
    assert "number" in kinds(a, "Die Schulden liegen bei 1 Milliarde Euro.")
    assert "number" not in kinds(a, "Die Schulden liegen bei 1.000 Milliarden Euro.")
    # English "billion" stays 10^9
    assert "number" not in kinds("The debt is one billion euros, the minister says.",
                                 "The debt is 1,000 million euros, the minister says.")


@pytest.mark.parametrize("a, b", [
    ("Ushakov, an aide to Putin, said the talks were useful.", "Peskov, an aide to Putin, said the talks were useful."),
    ("His attorney, Christopher Wilson, said Young is disputing it.", "His attorney, Christopher Halvorsen, said Young is disputing it."),
    ("„Ich war überrascht“, erklärte Ferrell und lachte.", "„Ich war überrascht“, erklärte Okonkwo und lachte."),
    ("The costs will rise, said Dr. Baah.", "The costs will rise, said Dr. Moretti."),
])
def test_speaker_swaps_are_attributions(a, b):
    assert "attribution" in kinds(a, b)


def test_told_names_the_listener_not_the_speaker():
    a = "Marti, the editor, told the New York Post."
    b = "Marti, the editor, told the New York Times."
    got = kinds(a, b)
    assert "name" in got and "attribution" not in got


def test_numeric_date_change_is_a_date():
    assert kinds("Am 09.08.2014 begann der Prozess.", "Am 09.09.2014 begann der Prozess.") == {"date"}


def test_core_spans_only_are_read():
    """Facts computed on Segment.core_span ignore a caption glued to the front of a sentence."""
    text_a = "Photo: 2019 Reuters. The talks lasted 5 hours."
    text_b = "Photo: 2021 AFP. The talks lasted 5 hours."
    core_a = Segment(0, 0, len(text_a), core=Span(text_a.index("The"), len(text_a)))
    core_b = Segment(0, 0, len(text_b), core=Span(text_b.index("The"), len(text_b)))
    assert find_fact_changes(text_a, [core_a.core_span], text_b, [core_b.core_span]) == []
    whole = find_fact_changes(text_a, [Span(0, len(text_a))], text_b, [Span(0, len(text_b))])
    assert whole and all(f.a is None or f.a.start < text_a.index("The") for f in whole)
    assert Document is not None


@pytest.mark.parametrize("a, b", [
    ("Eine Geldbuße von 2.000 Dollar ist möglich.", "Eine Geldbuße von 2000 Dollar ist möglich."),
    ("Er zahlte 1.999 Euro dafür.", "Er zahlte 1999 Euro dafür."),
])
def test_a_year_like_figure_before_a_capitalised_unit_is_a_figure(a, b):
    # found on the blind set: "2000 Dollar" was read as the year 2000 (German capitalises units)
    assert kinds(a, b) == set()
    assert kinds(a, a.replace("Dollar", "Euro").replace("Euro dafür", "Dollar dafür")) == {"number"}


def test_word_lists_with_sharp_s_match_case_folded_words():
    # casefold() writes "ß" as "ss": a word list kept with "ß" never met a passage's words
    assert kinds("Dort lebten dreißig Menschen.", "Dort lebten vierzig Menschen.") == {"number"}
    assert kinds("Dort lebten dreißig Menschen.", "Dort lebten 30 Menschen.") == set()
    # "Außerdem" / "Schließlich" open a sentence (no names); "Außenminister" is a title
    assert kinds("Außerdem kam Müller.", "Schließlich kam Müller.") == set()
    assert kinds("Außenminister Lawrow kam.", "Minister Lawrow kam.") == set()
    assert kinds("Außenminister Lawrow kam.", "Er kam.") == kinds("Minister Lawrow kam.", "Er kam.")


@pytest.mark.parametrize("a, b", [
    ("Er sagte, er sei „zu 99 Prozent gut“.", "Er sagte, er sei „zu 99 % gut“."),
    ('He said: "We sent 2,000 troops."', 'He said: "We sent 2000 troops."'),
    ('He said: "It grew 1.5 per cent."', 'He said: "It grew 1.5%."'),
])
def test_house_style_inside_a_quote_is_no_misquote(a, b):
    # found on the blind set: "Prozent" -> "%" left a double space in the quote's wording
    assert kinds(a, b) == set()
    assert kinds(a, b.replace("99", "89").replace("2000", "3000").replace("1.5", "2.5")) == {"quote", "number"}


def test_a_year_like_figure_read_as_a_year_on_one_side_only_is_one_figure():
    # found on the blind set: "2.000 Soldaten" is a figure, "2000 Soldaten" was read as a year
    a = "Die USA haben ca. 2.000 Soldaten in Syrien."
    assert kinds(a, "Die USA haben ca. 2000 Soldaten in Syrien.") == set()
    assert kinds(a, "Die USA haben ca. 2010 Soldaten in Syrien.") != set()
    assert kinds("The plan dates from 2000 and costs 3,000.", "The plan dates from 2001 and costs 3,000.") == {"date"}


def test_a_part_of_today_is_today():
    a = "The committee approved the legislation this morning."
    assert kinds(a, "The committee passed the bill today.") == set()
    assert kinds(a, "The committee passed the bill tonight.") == {"date"}
    assert kinds(a, "The committee passed the bill yesterday.") == {"date"}


def test_a_pronoun_after_the_verb_speaks_only_at_a_clause_end():
    # found on the blind set: "Judge X said he imposed ..." took "he" for a second speaker,
    # and the named speaker's swap was matched with it
    a = "U.S. District Judge William Barbour said he imposed the maximum."
    assert "attribution" in kinds(a, a.replace("Barbour", "Castellano"))
    assert kinds('"We will win," said he.', '"We will win," said Putin.') == set()
    assert kinds('„Wir gewinnen“, sagte er dem Sender.', '„Wir gewinnen“, sagte Putin dem Sender.') == set()


def test_a_speaker_with_another_first_name_is_another_speaker():
    a = "It was a case about a woman, said Janet Levine."
    assert kinds(a, a.replace("Janet", "Mark")) == {"attribution"}
    assert kinds(a, a.replace("Janet Levine", "Levine")) == set()      # a first name dropped
    assert kinds('"No," said President Donald Trump.', '"No," said US President Trump.') == set()


@pytest.mark.parametrize("a, b", [("Sergej Lawrow", "Sergei Lavrov"), ("Wladimir Putin", "Vladimir Putin"),
                                  ("Juri Uschakow", "Yuri Ushakov")])
def test_transliterated_names_are_variants_not_other_people(a, b):
    found = find_fact_changes(f'"No," said {a}.', [Span(0, len(a) + 12)], f'"No," said {b}.', [Span(0, len(b) + 12)])
    assert found and all(f.kind == "name" and f.severity == 1 for f in found)
    assert {f.kind for f in find_fact_changes(f'"No," said {a}.', [Span(0, len(a) + 12)],
                                              '"No," said Ivan Petrov.', [Span(0, 23)])} == {"attribution"}


def test_a_quote_cut_where_it_stands_is_reported():
    # found on the second blind set: a quotation that lost its last words in place read as a
    # shortened (partial) quotation
    a = '"They did not read footnotes in a 90-page document," said the official.'
    b = '"They did not read footnotes in a 90-page," said the official.'
    facts = find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])
    assert [(f.kind, f.severity) for f in facts] == [("quote", 2)]
    assert facts[0].a.slice(a).startswith("They") and facts[0].b.slice(b).endswith("90-page,")
    assert kinds("„Sie kommen auch nicht mehr wieder“, erklärte Peter Tsouvallaris.",
                 "„Sie kommen auch nicht mehr“, erklärte Peter Tsouvallaris.") == {"quote"}
    # a partial quotation set in other words is no cut
    assert kinds('He said: "We will fight, whatever it takes."', 'He vowed that they would "fight".') == set()
    assert kinds('"We will fight, whatever it takes," he said on Monday.',
                 'Whatever it takes, "we will fight," he said on Monday.') == set()


def test_a_word_inside_a_name_replaced_is_a_different_name():
    a = "Mayor James Quinn ordered all city flags flown at half-mast."
    assert kinds(a, a.replace("James", "Lindqvist")) == {"name"}
    a = "The Nasdaq Composite Index declined 25.78 points."
    assert kinds(a, a.replace("Composite", "Wojcik")) == {"name"}
    # an abbreviation, or a title moved, is the same name
    assert kinds("Federal Reserve Chairman Alan Greenspan spoke.", "Fed Reserve Chairman Alan Greenspan spoke.") == set()
    assert kinds('"No," said President Donald Trump.', '"No," said US President Trump.') == set()
    # German capitalises nouns: a noun swapped before a kept word is wording
    assert kinds("Sauberes Wasser ist für die Gesundheit der Kinder wichtig, sagt die Studie.",
                 "Reines Wasser ist für die Gesundheit der Kinder wichtig, sagt die Studie.") == set()


def test_a_german_speaker_with_another_first_name_is_another_speaker():
    a = "„Die Tendenz hält an“, erklärte Paul Newman, einer der Analysten."
    assert kinds(a, a.replace("Paul", "Obradovic")) == {"attribution"}
    # a role before the name is no first name
    assert kinds("„Das ist nicht wahr“, sagte Verteidigungsminister Boris Pistorius über die Berichte.",
                 "„Das ist nicht wahr“, sagte Bundesverteidigungsminister Pistorius über die Berichte.") == set()


def test_a_short_line_of_a_german_document_keeps_its_nouns_nouns():
    # a headline has too few function words to read as German by itself: the document decides
    intro = "Die Hilfe für die Menschen und die Personen in der Stadt ist nach dem Sturm nicht angekommen.\n"
    a, b = intro + "Menschen in Not\n", intro + "Personen in Not\n"
    line_a, line_b = Span(len(intro), len(a) - 1), Span(len(intro), len(b) - 1)
    assert find_fact_changes(a, [line_a], b, [line_b]) == []


def test_a_full_date_is_matched_with_the_closest_date_not_a_bare_year():
    # found on the second blind set: "am 19. Juli 1956" was matched with a bare "1956" later in
    # the sentence, and "am 21. Juli 1956" with the other bare year: no change reported
    a = "Also am 19. Juli 1956 machten drei Teilnehmer der Expedition 1956 die zweite Ersteigung."
    facts = find_fact_changes(a, [Span(0, len(a))], a.replace("19. Juli", "21. Juli"),
                              [Span(0, len(a))])
    assert [(f.kind, f.severity, f.a.slice(a)) for f in facts] == [("date", 3, "19. Juli 1956")]


def test_a_quote_with_other_word_forms_is_flagged_below_a_rewording():
    a = 'The minister called it a "reparations loan" for Ukraine.'
    b = 'The minister called it a "reparation loan" for Ukraine.'
    facts = find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])
    assert [(f.kind, f.severity) for f in facts] == [("quote", 2)] and "word forms" in facts[0].note
    reworded = find_fact_changes(a, [Span(0, len(a))], a.replace("reparations", "compensation"),
                                 [Span(0, len(a) + 1)])
    assert [(f.kind, f.severity) for f in reworded] == [("quote", 3)]


def test_an_acronym_and_its_plural_are_one_name():
    a = "Some AMs feared a proposal to change their title to MWPs (Members of the Welsh Parliament)."
    b = "Several AMs were upset by the proposal to change their title to MWP (Members of the Welsh Parliament)."
    assert "name" not in kinds(a, b)
    # a different acronym is still a different name
    c = "Several AMs were upset by the proposal to change their title to MSPs (Members of the Welsh Parliament)."
    assert "name" in kinds(a, c)


def test_one_mention_of_a_repeated_name_swapped_or_misspelt_is_found():
    """The old name still stands elsewhere on the other side, so no word is missing there."""
    a = ('Culturecom is confident it will make an impact," Frank Cheung, chairman of Culturecom, said.')
    b = ('Culturecom is confident it will make an impact," Frank Cheung, chairman of Castellano, said.')
    found = find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])
    assert [(f.kind, f.severity, f.a.slice(a), f.b.slice(b)) for f in found] == [("name", 3, "Culturecom", "Castellano")]
    a = "Wir treffen unsern Freund Kaspar Ochsner, den Spezialisten (Kaspar hat hier Routen eröffnet)."
    b = "Wir treffen unsern Freund Ksapar Ochsner, den Spezialisten (Kaspar hat hier Routen eröffnet)."
    found = find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))])
    assert [(f.kind, f.a.slice(a), f.b.slice(b)) for f in found] == [("name", "Kaspar", "Ksapar")]


@pytest.mark.parametrize("a, b", [
    ("Smith met Jones in Paris, and Smith said the talks went well.",
     "Smith met Jones in Paris, and he said the talks went well."),
    ("Smith met Jones in Paris, and Smith said the talks went well.",
     "Smith met Jones in Paris, and Smith's aide said the talks went well."),
    ("Die Kritiker der Kritiker sagen, die Ergebnisse seien gut.", "Den Kritikern zufolge sind die Ergebnisse gut."),
])
def test_a_repeated_name_mentioned_less_often_is_no_change(a, b):
    assert "name" not in kinds(a, b)
