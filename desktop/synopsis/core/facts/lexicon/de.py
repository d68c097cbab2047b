"""German fact words."""
from __future__ import annotations

from .record import Lexicon

_DETERMINERS = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner keines im am zum "
    "zur vom beim ins dieser diese dieses diesem diesen jeder jede jedes seine seiner seinem seinen ihre ihrer "
    "ihrem ihren unsere unser sein ihr".split())

LEXICON = Lexicon(
    code="de",
    function_words=frozenset(
        "der die das und ist nicht mit von den dem ein eine sich auf für des im zu wird wurde hat haben sind war "
        "einer eines einem bei nach aus als auch dass werden noch über".split()),

    number_words={
        "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
        "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30,
        "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
    },
    multipliers={"hundert": 100, "tausend": 1000},
    scales={"tausend": 1e3, "mio": 1e6, "millionen": 1e6, "million(en)": 1e6, "mrd": 1e9, "milliarde": 1e9,
            "milliarden": 1e9, "billionen": 1e12, "bio": 1e12},
    scale_overrides={"billion": 1e12},      # the long scale: "Milliarde" is 10^9
    scale_pattern=r"mrd\.?|milliarden?|mio\.?|millionen|billionen|bio\.|tausend",
    units={
        "%": r"prozent", "pp": r"prozentpunkte?n?", "km2": r"quadratkilometer[n]?", "ha": r"hektar",
        "km": r"kilometern", "mi": r"meilen", "m": r"metern", "kg": r"kilogramm", "t": r"tonnen",
        "GBP": r"pfund", "RUB": r"rubel", "UAH": r"hrywnja",
        "s": r"sekunden?", "min": r"minuten?", "h": r"stunden?", "d": r"tagen?|tage", "wk": r"wochen?",
        "mo": r"monaten?|monate", "yr": r"jahren?|jahre",
    },
    figure_unit_words=frozenset(
        "prozent prozentpunkt prozentpunkte prozentpunkten prozentpunktn euro pfund rubel hrywnja".split()),
    qualifiers={
        "approx": r"etwa|rund|ungefähr|knapp|fast|beinahe|annähernd",
        "over": r"mehr\s+als|über|mindestens",
        "under": r"weniger\s+als|bis\s+zu|höchstens",
    },
    both_words=frozenset("beide beiden beider".split()),
    collective_numbers={"zu zweit": 2, "zu dritt": 3, "zu viert": 4, "zu fünft": 5},
    figure_idioms=(r"zum\s+tango\s+gehören\s+(?:immer\s+)?zwei", r"zwei\s+fliegen\s+mit\s+einer\s+klappe"),
    range_words=("bis", "und"),
    number_stems={"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
                  "zehn": 10, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "hundert": 100, "tausend": 1000},
    compound_roots=("jährig", "tägig", "wöchig", "monatig", "stündig", "minütig", "fach", "stöckig", "seitig",
                    "teilig", "köpfig", "prozentig"),
    grouped_by_space=True,

    months={"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
            "august": 8, "september": 9, "oktober": 10, "okt": 10, "november": 11, "dezember": 12, "dez": 12},
    month_names=("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                 "Oktober", "November", "Dezember"),
    month_abbreviations=("Okt", "Dez"),
    lone_months=("Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember"),
    weekdays={"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
              "sonnabend": 5, "sonntag": 6},
    weekday_names=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag"),
    relative={"gestern": "yesterday", "heute": "today", "morgen": "tomorrow", "vorgestern": "day before yesterday",
              "übermorgen": "day after tomorrow", "heute abend": "tonight", "heute nacht": "tonight"},
    relative_pattern=(r"vorgestern|übermorgen|gestern|heute(?:\s+(?:abend|nacht))?|"
                      r"morgen(?=\s+(?:wird|will|soll|beginnt|kommt|findet))|"
                      r"(?:letzte|nächste|diese|kommende|vergangene)[nrs]?\s+(?:Woche|Monat|Jahr|Wochenende)"),
    relative_starts=("vorgestern", "übermorgen", "gestern", "heute", "morgen", "letzte", "nächste", "diese",
                     "kommende", "vergangene"),
    relative_modifiers=frozenset(stem + ending for stem in "letzte nächste diese kommende vergangene".split()
                                 for ending in ("", "n", "r", "s")),
    periods=frozenset("woche monat jahr wochenende".split()),
    modifier_stems={"letzt": "last", "vergangen": "last", "nächst": "next", "kommend": "next", "dies": "this"},
    period_words={"woche": "week", "monat": "month", "jahr": "year", "wochenende": "weekend"},
    parts_of_today=frozenset({"heute früh"}),
    not_year_after=r"prozent|mrd|mio|pfund|meter|metern",

    titles=frozenset("präsident bundeskanzler kanzler außenminister ministerin minister herr frau bundespräsident "
                     "staatschef regierungschef sprecher sprecherin".split()),
    starters=frozenset(
        "der die das den dem des ein eine einen einem einer eines und aber oder doch wenn als wie im am "
        "an auf aus bei mit nach seit von vor zu zur zum für über unter gegen durch ohne er sie es wir "
        "ich ihr man dies diese dieser dieses nun auch noch schon nur da dann dort hier laut zudem "
        "außerdem jedoch trotz während weil dass ob was wer wo".split()),
    demonyms={"amerikanisch": "us", "amerikanische": "us", "deutsche": "germany", "deutschland": "germany",
              "russland": "russia", "russisch": "russia", "russische": "russia", "ukrainisch": "ukraine",
              "ukrainische": "ukraine"},
    determiners=_DETERMINERS,
    # adverbs and conjunctions capitalised only when they open a sentence ("Folglich", "Warum")
    sentence_openers=frozenset(
        "warum weshalb wieso weswegen deshalb deswegen daher darum dadurch damit folglich daraufhin dennoch "
        "trotzdem allerdings inzwischen mittlerweile bereits bisher damals jetzt später zuvor vorher nachdem "
        "bevor obwohl seitdem sobald sofern falls immerhin zumindest vorzugsweise optimalerweise schließlich "
        "letztlich zunächst anschließend danach davor dabei dafür dagegen darauf darüber davon dazu ebenso "
        "ebenfalls gleichzeitig stattdessen vielmehr tatsächlich natürlich leider glücklicherweise "
        "offensichtlich eigentlich insgesamt insbesondere besonders sogar kaum erst außerdem deswegen "
        "allein alle alles viele einige manche mehrere beide jeder jede jedes welche welcher welches "
        "wenn weil dass denn sondern sowie sodass indem ob wie wo wer was wann wohin woher".split()),
    names_with_article=frozenset(
        "schweiz türkei ukraine slowakei mongolei krim iran irak jemen libanon sudan kongo tschad niger "
        "vatikan kreml nato uno hamas hisbollah taliban fifa uefa bundeswehr bundestag bundesrat".split()),
    adjective_endings=("e", "en", "er", "em", "es"),
    role_endings=tuple(
        "minister ministerin präsident präsidentin sprecher sprecherin chef chefin kanzler kanzlerin leiter "
        "leiterin direktor direktorin führer führerin vorsitzende vorsitzender trainer trainerin experte expertin "
        "analyst analystin professor professorin abgeordnete abgeordneter botschafter botschafterin meister "
        "meisterin senator senatorin richter richterin anwalt anwältin autor autorin mitarbeiter mitarbeiterin "
        "gouverneur gouverneurin kandidat kandidatin sekretär sekretärin berater beraterin vertreter vertreterin "
        "kommissar kommissarin manager managerin gründer gründerin".split()),

    speech_verbs=("sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "berichtete", "schrieb", "warnte",
                  "behauptete", "meinte", "bestätigte", "kündigte", "teilte"),
    according_to=("laut",),
    speaker_after=("zufolge",),
    speaker_nouns=frozenset("polizei behörden experten analysten quellen ermittler zeugen anwohner ärzte forscher kritiker beobachter beamte diplomaten anwälte ökonomen aktivisten".split()),
    organisation_heads=frozenset("verband polizei ministerium amt behörde partei gericht kommission unternehmen institut universität bank gruppe union regierung verwaltung stiftung rat ausschuss bundesamt".split()),
    subject_pronouns=("er", "sie", "wir"),
    quote_stop_words=frozenset("der die das und oder zu den dem des ist".split()),

    negations=("nicht", "nie", "niemals", "nichts", "niemand", "weder", "kein", "keine", "keinen", "keinem",
               "keiner", "keines"),
    hedges=("angeblich", "möglicherweise", "mutmaßlich", "vermutlich", "vielleicht", "offenbar", "wahrscheinlich",
            "höchstwahrscheinlich"),
    hedge_phrases=(("soll sollen", r"soll(?:en)?"), ("könnte könnten", r"könnte[n]?"),
                   ("dürfte dürften", r"dürfte[n]?")),
    object_prepositions=("zu", "von", "in", "aus", "mit", "gegen"),
    negation_correlatives=("noch",),
    negation_idioms=(r"nicht\s+nur", r"nicht\s+mehr\s+als", r"nicht\s+weniger\s+als"),
    clause_negations=(r"es\s+sei\s+denn",),
    modal_verbs=("kann", "können", "könnte", "könnten", "dürfte", "dürften", "mag", "soll", "sollen", "sollte",
                 "sollten"),
    filler=frozenset("ein eine der die das zu und oder ist sind war in im an am auf für mit von bei".split()),
)
