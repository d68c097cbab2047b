"""Spanish fact words."""
from __future__ import annotations

from .record import Lexicon, forms

_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split()

LEXICON = Lexicon(
    code="es",
    function_words=frozenset("el la los las y de del que en un una es por con para no se su al lo como más pero "
                             "fue ha sus este esta".split()),
    number_words={
        **forms("cero", 0), **forms("un uno una", 1), **forms("dos", 2), **forms("tres", 3), **forms("cuatro", 4),
        **forms("cinco", 5), **forms("seis", 6), **forms("siete", 7), **forms("ocho", 8), **forms("nueve", 9),
        **forms("diez", 10), **forms("once", 11), **forms("doce", 12), **forms("trece", 13), **forms("catorce", 14),
        **forms("quince", 15), **forms("dieciséis", 16), **forms("diecisiete", 17), **forms("dieciocho", 18),
        **forms("diecinueve", 19), **forms("veinte", 20), **forms("veintiuno veintiún veintiuna", 21),
        **forms("veintidós", 22), **forms("veintitrés", 23), **forms("veinticuatro", 24), **forms("veinticinco", 25),
        **forms("treinta", 30), **forms("cuarenta", 40), **forms("cincuenta", 50), **forms("sesenta", 60),
        **forms("setenta", 70), **forms("ochenta", 80), **forms("noventa", 90), **forms("cien ciento", 100),
        **forms("doscientos doscientas", 200), **forms("trescientos trescientas", 300),
        **forms("cuatrocientos cuatrocientas", 400), **forms("quinientos quinientas", 500), **forms("docena", 12),
    },
    article_numerals=frozenset("un uno una".split()),
    multipliers={"mil": 1000},
    scales={"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "millardo": 1e9, "millardos": 1e9,
            "billón": 1e12, "billones": 1e12},
    scale_pattern=r"mil\s+millones|mil|millón|millones|millardos?|billón|billones",
    number_joiners=("y",),
    fractions={**forms("tercio tercios", 3), **forms("cuarto cuartos", 4), **forms("mitad", 2)},
    units={
        "%": r"por\s+ciento", "pp": r"puntos?\s+porcentuales?",
        "km2": r"kilómetros?\s+cuadrados?", "mi2": r"millas?\s+cuadradas?", "ha": r"hectáreas?",
        "km": r"kilómetros?", "mi": r"millas?", "m": r"metros?", "kg": r"kilos?|kilogramos?", "t": r"toneladas?",
        "EUR": r"euros?", "USD": r"dólares|dólar", "GBP": r"libras?(?:\s+esterlinas?)?", "RUB": r"rublos?",
        "UAH": r"grivnas?", "s": r"segundos?", "min": r"minutos?", "h": r"horas?", "d": r"días?",
        "wk": r"semanas?", "mo": r"mes(?:es)?", "yr": r"años?",
    },
    qualifiers={"approx": r"unos|unas|alrededor\s+de|aproximadamente|casi|cerca\s+de|en\s+torno\s+a",
                "over": r"más\s+de|al\s+menos|por\s+lo\s+menos", "under": r"menos\s+de|hasta"},
    both_words=frozenset("ambos ambas".split()),
    range_words=("a", "y"),

    months={w: i + 1 for i, w in enumerate(_MONTHS)} | {"setiembre": 9},
    weekdays={w: i for i, w in enumerate("lunes martes miércoles jueves viernes sábado domingo".split())},
    relative={"ayer": "yesterday", "hoy": "today", "mañana": "tomorrow", "anteayer": "day before yesterday",
              "pasado mañana": "day after tomorrow", "esta noche": "tonight", "esta mañana": "this morning",
              "la semana pasada": "last week", "esta semana": "this week", "la próxima semana": "next week",
              "la semana que viene": "next week", "el año pasado": "last year", "este año": "this year",
              "el próximo año": "next year", "el año que viene": "next year", "el mes pasado": "last month",
              "este mes": "this month", "el próximo mes": "next month"},
    not_year_after=r"euros?|dólares|personas|km|por\s+ciento|millones|toneladas|metros",

    titles=frozenset("presidente presidenta ministro ministra canciller embajador embajadora portavoz secretario "
                     "secretaria enviado enviada asesor asesora jefe jefa director directora gobernador gobernadora "
                     "alcalde alcaldesa general primer rey reina príncipe papa senador senadora señor señora sr sra "
                     "don doña profesor profesora fiscal".split()),
    starters=frozenset(
        "el la los las lo un una unos unas y e o u pero sino que si cuando mientras aunque porque pues como "
        "en de del al a con sin por para desde hasta hacia sobre entre tras según durante ante contra "
        "él ella ellos ellas nosotros yo usted este esta estos estas ese esa esos esas aquel aquella su sus "
        "no ni ya también además sin embargo así luego después antes ahora hoy ayer mañana aquí allí "
        "todo toda todos todas cada varios varias algunos algunas otro otra otros otras mucho muchos muchas "
        "quién qué dónde cuándo cómo cuál nuevo nueva nuevos primer primera último última".split()),

    speech_verbs=tuple(
        "dijo dijeron afirmó afirmaron declaró declararon señaló señalaron añadió añadieron explicó explicaron "
        "informó informaron confirmó confirmaron aseguró aseguraron indicó indicaron anunció anunciaron advirtió "
        "advirtieron reconoció reconocieron admitió escribió escribieron subrayó destacó dice dicen afirma "
        "afirman asegura aseguran declara señala explica dicho afirmado declarado señalado añadido explicado "
        "informado confirmado asegurado indicado anunciado advertido reconocido admitido escrito".split()),
    according_to=(r"según", r"de\s+acuerdo\s+con"),
    complementizers=("que",),
    speaker_nouns=frozenset("policía autoridades expertos analistas fuentes fiscales investigadores testigos vecinos médicos científicos críticos observadores diplomáticos abogados economistas activistas".split()),
    subject_pronouns=("él", "ella", "ellos", "ellas", "nosotros", "yo"),
    object_prepositions=("a", "en", "de", "del", "al", "desde", "para", "con", "por", "sobre", "entre", "hacia"),

    negations=("no", "nunca", "jamás", "nada", "nadie", "ningún", "ninguno", "ninguna", "tampoco"),
    negation_correlatives=("ni",),
    negation_idioms=(r"no\s+solo", r"no\s+sólo", r"no\s+obstante"),
    hedges=("posiblemente", "probablemente", "quizá", "quizás", "supuestamente", "presuntamente", "aparentemente",
            "previsiblemente"),
    hedge_phrases=(("parecer", r"al\s+parecer"), ("vez", r"tal\s+vez"), ("probable", r"lo\s+más\s+probable")),
    clause_negations=(r"lejos\s+de\s+\w+(?:ar|er|ir)",),      # "lejos de bastar"
    modal_verbs=("puede", "pueden", "podría", "podrían", "pudo", "pudieron", "podrá", "podrán"),
    filler=frozenset("el la los las un una y o de del a al en con por para que se su sus es son fue era "
                     "ha han lo".split()),
)
