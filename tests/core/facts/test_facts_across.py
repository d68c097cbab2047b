"""Facts across languages: a sentence and its translation compared by what they say.

Each test pairs a faithful translation (no fact above a note) with the same translation with
one fact changed (that fact found), so that a detector that reports nothing, or everything,
fails one of the two.
"""
from __future__ import annotations

import pytest

from synopsis.core import Settings, compare, load
from synopsis.core.annotate import IN_PROCESS
from synopsis.core.facts import clear_cache, find_fact_changes, find_fact_changes_many
from synopsis.core.facts.gazetteer import entity
from synopsis.core.facts.transliteration import alike, cyrillic_language, latin
from synopsis.core.model import Span


def facts(a: str, b: str, language_a: str | None, language_b: str | None):
    clear_cache()
    return find_fact_changes(a, [Span(0, len(a))], b, [Span(0, len(b))], languages=(language_a, language_b))


def kinds(a: str, b: str, language_a: str | None = "en", language_b: str | None = None) -> set[str]:
    """The kinds of the facts above a note (severity 1 is a note: a transliteration, a rounding)."""
    return {f.kind for f in facts(a, b, language_a, language_b) if f.severity > 1}


def check(a: str, faithful: str, changed: str, kind: str, language_b: str, language_a: str = "en") -> None:
    assert kinds(a, faithful, language_a, language_b) == set(), faithful
    assert kind in kinds(a, changed, language_a, language_b), changed


# -- figures and dates by value -----------------------------------------------------------------

@pytest.mark.parametrize("a, faithful, changed, language", [
    ("Russia seized some 701 sq km of territory in November.",
     "В ноябре Россия захватила около 701 кв. км территории.",
     "В ноябре Россия захватила около 710 кв. км территории.", "ru"),
    ("The Commission proposes raising €90bn for Ukraine.",
     "Комиссия предлагает собрать для Украины 90 млрд евро.",
     "Комиссия предлагает собрать для Украины 80 млрд евро.", "ru"),
    ("The Commission proposes raising €90bn for Ukraine.",
     "Комісія пропонує зібрати для України 90 млрд євро.",
     "Комісія пропонує зібрати для України 90 млн євро.", "uk"),
    ("Russian forces now control 19.3% of Ukrainian territory.",
     "Российские войска контролируют 19,3 % территории Украины.",
     "Российские войска контролируют 18,3 % территории Украины.", "ru"),
    ("Russian forces now control 19.3% of Ukrainian territory.",
     "Die russischen Truppen kontrollieren 19,3 Prozent des ukrainischen Gebiets.",
     "Die russischen Truppen kontrollieren 91,3 Prozent des ukrainischen Gebiets.", "de"),
    ("The loss of nearly 62,000 jobs was not offset.",
     "La perte de près de 62 000 emplois n'a pas été compensée.",
     "La perte de près de 26 000 emplois n'a pas été compensée.", "fr"),
    ("Intel predicted sales of between $6.9 billion and $7.5 billion.",
     "Intel había previsto unas ventas de entre 6.900 y 7.500 millones de dólares.",
     "Intel había previsto unas ventas de entre 6.900 y 8.500 millones de dólares.", "es"),
])
def test_figures_are_compared_by_value(a, faithful, changed, language):
    check(a, faithful, changed, "number", language)


@pytest.mark.parametrize("faithful, changed, language", [
    ("Переговоры длились пять часов.", "Переговоры длились шесть часов.", "ru"),
    ("Переговори тривали п'ять годин.", "Переговори тривали сім годин.", "uk"),
    ("Die Gespräche dauerten fünf Stunden.", "Die Gespräche dauerten drei Stunden.", "de"),
    ("Les pourparlers ont duré cinq heures.", "Les pourparlers ont duré huit heures.", "fr"),
    ("Las conversaciones duraron cinco horas.", "Las conversaciones duraron nueve horas.", "es"),
])
def test_number_words_in_each_language(faithful, changed, language):
    check("The talks lasted five hours.", faithful, changed, "number", language)


@pytest.mark.parametrize("faithful, changed, language", [
    ("Переговоры пройдут 24 декабря.", "Переговоры пройдут 25 декабря.", "ru"),
    ("Переговори відбудуться 24 грудня.", "Переговори відбудуться 24 січня.", "uk"),
    ("Die Gespräche finden am 24. Dezember statt.", "Die Gespräche finden am 24. November statt.", "de"),
    ("Les pourparlers auront lieu le 24 décembre.", "Les pourparlers auront lieu le 14 décembre.", "fr"),
    ("Las conversaciones serán el 24 de diciembre.", "Las conversaciones serán el 24 de octubre.", "es"),
])
def test_dates_are_compared_by_value(faithful, changed, language):
    check("The talks will take place on 24 December.", faithful, changed, "date", language)


def test_weekdays_and_two_days_of_one_month():
    check("Witkoff met Putin on Tuesday.", "Уиткофф встретился с Путиным во вторник.",
          "Уиткофф встретился с Путиным в среду.", "date", "ru")
    check("Rutte and Tusk visited Kyiv on 3 February and 5 February respectively.",
          "Рютте и Туск посетили Киев 3 и 5 февраля соответственно.",
          "Рютте и Туск посетили Киев 3 и 6 февраля соответственно.", "date", "ru")


def test_a_number_inside_a_compound_or_said_as_both():
    check("It was the end of a two-year operation.", "Этим завершилась двухлетняя операция.",
          "Этим завершилась трёхлетняя операция.", "number", "ru")
    check("It was the end of a two-year operation.", "Це завершило дворічну операцію.",
          "Це завершило трирічну операцію.", "number", "uk")
    assert kinds("Die beiden Routen wurden 1988 geklettert.", "Ces deux voies ont été gravies en 1988.", "de", "fr") == set()


def test_a_number_word_in_an_idiom_is_no_figure_without_a_counterpart():
    """"It takes two to tango" counts nothing: a translation that renders the idiom in its own
    words ("танго танцуют вдвоём", or with no number at all) changed no figure; a two the other
    side has as a figure still pairs with it, and a real figure dropped is still one."""
    a = "Trump said it was too soon to say what would happen because \u201cit does take two to tango.\u201d"
    assert kinds(a, "Трамп сказал, что пока рано, потому что \u00abтанго танцуют вдвоём\u00bb.", "en", "ru") == set()
    assert kinds(a, "Трамп сказал, что пока рано, потому что \u00abэто дело обоюдное\u00bb.", "en", "ru") == set()
    assert kinds(a, "Trump sagte, es sei zu früh, denn \u201eTango tanzt man zu zweit\u201c.", "en", "de") == set()
    assert kinds("On the one hand, the talks went well.", "С одной стороны, переговоры прошли хорошо.", "en", "ru") == set()
    assert kinds("On the one hand, the talks went well.", "Переговоры, впрочем, прошли хорошо.", "en", "ru") == set()
    # outside an idiom, a two with no counterpart is a figure the translation dropped
    assert "number" in kinds("Two envoys met in Geneva.", "Посланники встретились в Женеве.", "en", "ru")
    # and the collective adverb is a two: three against "вдвоём" is a changed figure
    assert "number" in kinds("The three of them went to Moscow.", "Они вдвоём поехали в Москву.", "en", "ru")


def test_a_month_named_in_a_word_no_pattern_reads_alone():
    # ("March" and "May" are no date alone in English: a verb and a modal)
    assert kinds("The index had climbed since its March low.", "El índice había subido desde su mínimo de marzo.",
                 "en", "es") == set()
    assert "date" in kinds("The index had climbed since its March low.",
                           "El índice había subido desde su mínimo de abril.", "en", "es")


# -- names across scripts -----------------------------------------------------------------------

def test_russian_and_ukrainian_transliteration_tables_differ():
    assert latin("кит", "ru") == "kit" and latin("кит", "uk") == "kyt"                # и
    assert latin("генерал", "ru") == "general" and latin("генерал", "uk") == "heneral"  # г
    assert latin("київ", "uk") == "kyiv" and latin("киев", "ru") == "kiyev"      # и, ї; е after a vowel
    assert latin("європа", "uk") == "yevropa" and latin("пєсков", "uk") == "pieskov"     # є
    assert latin("харків", "uk") == "kharkiv"                           # х
    assert cyrillic_language("Сибіга") == "uk" and cyrillic_language("Сибига") == "ru"


def test_spellings_of_one_name_across_scripts():
    assert alike(latin("сибига", "ru"), "sybiha") and alike(latin("сибіга", "uk"), "sybiha")
    assert alike(latin("лавров", "ru"), "lavrov")
    assert alike(latin("уиткофф", "ru"), "witkoff") and alike(latin("віткофф", "uk"), "witkoff")
    assert not alike(latin("шойгу", "ru"), "lavrov")
    assert entity("kiev") == entity(latin("київ", "uk")) == entity("kyiv") is not None


@pytest.mark.parametrize("a, faithful, changed, language", [
    ("Foreign Minister Andrii Sybiha accused Putin of wasting time.",
     "Министр иностранных дел Андрей Сибига обвинил Путина в затягивании времени.",
     "Министр иностранных дел Андрей Кулеба обвинил Путина в затягивании времени.", "ru"),
    ("Foreign Minister Andrii Sybiha accused Putin of wasting time.",
     "Міністр закордонних справ Андрій Сибіга звинуватив Путіна в затягуванні часу.",
     "Міністр закордонних справ Андрій Кулеба звинуватив Путіна в затягуванні часу.", "uk"),
    ("Russian Foreign Minister Sergey Lavrov recalled the agreements reached in Anchorage.",
     "Министр иностранных дел России Сергей Лавров напомнил о договорённостях, достигнутых в Анкоридже.",
     "Министр иностранных дел России Сергей Шойгу напомнил о договорённостях, достигнутых в Анкоридже.", "ru"),
])
def test_names_across_scripts(a, faithful, changed, language):
    check(a, faithful, changed, "name", language)


@pytest.mark.parametrize("b, language", [
    ("Путин прибыл в Киев.", "ru"), ("Путін прибув до Києва.", "uk"), ("Putin traf in Kiew ein.", "de"),
])
def test_faithful_spellings_are_at_most_notes(b, language):
    found = facts("Putin arrived in Kyiv.", b, "en", language)
    assert all(f.severity == 1 for f in found), [f.note for f in found]


# -- quotes, speakers, negation -----------------------------------------------------------------

@pytest.mark.parametrize("faithful, unquoted, language", [
    ("Кремль заявил, что переговоры не принесли «никакого компромисса».",
     "Кремль заявил, что переговоры не принесли никакого компромисса.", "ru"),
    ("Der Kreml sagte, die Gespräche hätten „keinen Kompromiss“ gebracht.",
     "Der Kreml sagte, die Gespräche hätten keinen Kompromiss gebracht.", "de"),
    ("Der Kreml sagte, die Gespräche hätten »keinen Kompromiss« gebracht.",
     "Der Kreml sagte, die Gespräche hätten keinen Kompromiss gebracht.", "de"),
])
def test_quotation_marks_of_each_language(faithful, unquoted, language):
    check("The Kremlin said the talks produced “no compromise”.", faithful, unquoted, "quote", language)


def test_a_quotation_cut_short_in_translation():
    a = "“Some of the American proposals seem more or less acceptable, although they need to be discussed further,” Ushakov said."
    check(a, "«Некоторые американские предложения кажутся более или менее приемлемыми, хотя их нужно "
             "дополнительно обсудить», — сказал Ушаков.",
          "«Некоторые американские предложения», — сказал Ушаков.", "quote", "ru")


@pytest.mark.parametrize("faithful, changed, language", [
    ("«Мы поддерживаем это», — заявил Лавров.", "«Мы поддерживаем это», — заявил Шойгу.", "ru"),
    ("«Ми це підтримуємо», — заявив Лавров.", "«Ми це підтримуємо», — заявив Шойгу.", "uk"),
    ("„Wir unterstützen das“, sagte Lawrow.", "„Wir unterstützen das“, sagte Schoigu.", "de"),
    ("« Nous le soutenons », a déclaré Lavrov.", "« Nous le soutenons », a déclaré Choïgou.", "fr"),
    ("«Lo apoyamos», dijo Lavrov.", "«Lo apoyamos», dijo Shoigú.", "es"),
])
def test_who_said_it_across_languages(faithful, changed, language):
    assert {"attribution", "name"} & kinds("“We support it,” Lavrov said.", changed, "en", language)
    assert kinds("“We support it,” Lavrov said.", faithful, "en", language) == set()


@pytest.mark.parametrize("faithful, negated, hedged, language", [
    ("Переговоры принесли результат.", "Переговоры не принесли результата.", "Переговоры якобы принесли результат.", "ru"),
    ("Переговори дали результат.", "Переговори не дали результату.", "Переговори нібито дали результат.", "uk"),
    ("Die Gespräche brachten ein Ergebnis.", "Die Gespräche brachten kein Ergebnis.",
     "Die Gespräche brachten angeblich ein Ergebnis.", "de"),
    ("Les pourparlers ont donné un résultat.", "Les pourparlers n'ont pas donné de résultat.",
     "Les pourparlers ont probablement donné un résultat.", "fr"),
    ("Las conversaciones dieron un resultado.", "Las conversaciones no dieron ningún resultado.",
     "Las conversaciones supuestamente dieron un resultado.", "es"),
])
def test_negation_and_hedging_in_each_language(faithful, negated, hedged, language):
    a = "The talks produced a result."
    assert kinds(a, faithful, "en", language) == set()
    assert any(f.kind == "negation" and f.severity == 3 for f in facts(a, negated, "en", language))
    assert any(f.kind == "negation" and f.severity == 2 for f in facts(a, hedged, "en", language))


def test_a_negation_that_negates_nothing():
    a = "Hostilities will continue until Kyiv makes appropriate decisions."
    assert kinds(a, "Боевые действия продолжатся, пока Киев не примет соответствующих решений.", "en", "ru") == set()
    assert kinds(a, "Бойові дії триватимуть, доки Київ не ухвалить відповідних рішень.", "en", "uk") == set()
    # "пока ещё не": "not yet", a negation
    assert "negation" in kinds("The results are known.", "Результаты пока ещё не известны.", "en", "ru")


@pytest.mark.parametrize("a, b, language", [
    ("Putin said reaching a consensus would not be an “easy task”.",
     "Путин заявил, что достичь консенсуса будет «непростой задачей».", "ru"),
    ("Putin said reaching a consensus would not be easy.", "Путин заявил, что достичь консенсуса будет непросто.", "ru"),
    ("Putin said reaching a consensus would not be an “easy task”.",
     "Путін заявив, що досягти консенсусу буде «непростим завданням».", "uk"),
])
def test_a_negating_prefix_answers_not(a, b, language):
    """"not an easy task" is "непростой задачей": the prefix negates as "not" does (the seed
    translation's sentence, flagged as a negation only in A before)."""
    assert kinds(a, b, "en", language) == set()
    assert "negation" in kinds(a.replace("not ", ""), b, "en", language)


def test_a_noun_with_the_prefix_negates_nothing():
    a = "He died of kidney failure on Sunday."
    assert kinds(a, "Он умер в воскресенье от почечной недостаточности.", "en", "ru") == set()
    assert kinds(a, "Він помер у неділю від ниркової недостатності.", "en", "uk") == set()


def test_modal_verbs_are_no_hedge_between_languages():
    assert kinds("The vote could take place in May.", "Голосование может пройти в мае.", "en", "ru") == set()
    assert kinds("Players like Shaq play forward as often as they can.",
                 "Spieler wie Shaq spielen so oft wie möglich nach vorne.", "en", "de") == set()


# -- the languages: given, or judged --------------------------------------------------------------

def test_the_language_is_judged_when_not_given():
    a = "The Commission proposes raising €90bn for Ukraine."
    assert kinds(a, "Комиссия предлагает собрать для Украины 90 млрд евро.", None, None) == set()
    assert "number" in kinds(a, "Комиссия предлагает собрать для Украины 80 млрд евро.", None, None)


def test_languages_are_keyword_arguments_of_both_entry_points():
    a, b = "Talks lasted five hours.", "Переговоры длились шесть часов."
    whole_a, whole_b = [Span(0, len(a))], [Span(0, len(b))]
    clear_cache()
    many = find_fact_changes_many(a, b, [(whole_a, whole_b)], languages=("en", "ru"))
    one = find_fact_changes(a, whole_a, b, whole_b, languages=("en", "ru"))
    assert many == [one] and {f.kind for f in one} == {"number"}
    with pytest.raises(TypeError):
        find_fact_changes(a, whole_a, b, whole_b, "en", "ru")       # (keyword only)


def test_a_regional_tag_reads_as_its_language():
    a = "Talks lasted five hours."
    assert kinds(a, "Переговоры длились пять часов.", "en-GB", "ru-RU") == set()
    assert kinds(a, "Переговоры длились шесть часов.", "en-GB", "ru_RU") == {"number"}
    # a German document tagged by region still has its nouns read as nouns, not as names
    a = "Am Montag sagte der Sprecher, die Regierung werde den Vertrag prüfen."
    b = a.replace("Regierung", "Kommission")
    assert kinds(a, b, "en", "en") == {"name"}         # (read as English: two different names)
    assert kinds(a, b, "de-AT", "de-AT") == set()


class _Recording:
    """The in-process fact layer, noting the languages each comparison hands it."""

    def __init__(self) -> None:
        self.languages: list[tuple[str | None, str | None]] = []

    def expect(self, pairs: int) -> None:
        pass

    def submit(self, text_a, text_b, pairs, languages):
        self.languages.append(languages)
        return IN_PROCESS.submit(text_a, text_b, pairs, languages)


def test_the_engine_hands_the_fact_layer_each_prepared_documents_language(seed_pair):
    """The fact layer reads each document in the language the engine settled on (given or
    detected once, in prepare), not in one it judges again."""
    recording = _Recording()
    report = compare(load(seed_pair[0]), load(seed_pair[1]), facts=recording)
    assert recording.languages == [(report.documents[0].language, report.documents[1].language)] == [("en", "en")]
    recording = _Recording()
    report = compare(load(seed_pair[0]), load(seed_pair[1]), Settings(language="de"), facts=recording)
    assert recording.languages == [("de", "de")]
