"""English fact words."""
from __future__ import annotations

from .record import Lexicon

LEXICON = Lexicon(
    code="en",
    function_words=frozenset("the and is of to was with for that has have are were".split()),

    number_words={
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    },
    multipliers={"hundred": 100, "thousand": 1000},
    scales={"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "millions": 1e6,
            "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9, "tn": 1e12, "trillion": 1e12, "trillions": 1e12},
    scale_pattern=r"bn|billions?|mn|mln|m|millions?|k|thousand|tn|trillions?|b",
    number_joiners=("and",),
    units={
        "%": r"per\s?cent|percent|pct",
        "pp": r"percentage\s+points?",
        "km2": r"sq\.?\s?km|square\s+kilomet(?:re|er)s?",
        "mi2": r"sq\.?\s?mi(?:les?)?|square\s+miles?",
        "ha": r"hectares?",
        "km": r"kilomet(?:re|er)s?",
        "mi": r"miles?",
        "m": r"metres?|meters?",
        "kg": r"kilo(?:gram(?:me)?s?)?",
        "t": r"tonnes?|tons?",
        "EUR": r"euros?", "USD": r"(?:us[\s-]?)?dollars?", "GBP": r"pounds?",
        "RUB": r"roubles?|rubles?", "UAH": r"hryvnias?",
        "s": r"seconds?", "min": r"minutes?", "h": r"hours?|hrs?", "d": r"days?", "wk": r"weeks?",
        "mo": r"months?", "yr": r"years?",
    },
    figure_unit_words=frozenset(
        "percent pct euro euros eur dollar dollars usdollar usdollars us-dollar us-dollars usd pound pounds gbp "
        "rouble roubles ruble rubles hryvnia hryvnias".split()),
    qualifiers={
        "approx": r"about|around|some|roughly|approximately|nearly|almost|close\s+to|an\s+estimated|circa|ca\.",
        "over": r"more\s+than|over|at\s+least|upwards\s+of",
        "under": r"less\s+than|fewer\s+than|under|up\s+to|at\s+most",
    },
    both_words=frozenset("both".split()),
    figure_idioms=(r"takes?\s+two\s+to\s+tango", r"took\s+two\s+to\s+tango", r"one\s+another",
                   r"on\s+the\s+one\s+hand", r"one\s+by\s+one", r"two\s+birds\s+with\s+one\s+stone",
                   r"back\s+to\s+square\s+one", r"one\s+step\s+forward,?\s+two\s+steps\s+back"),
    range_words=("to", "and"),

    months={"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
            "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
            "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
    month_names=("January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"),
    month_abbreviations=("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept?", "Oct", "Nov", "Dec"),
    lone_months=("January", "February", "April", "June", "July", "September", "October", "November", "December"),
    weekdays={"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
    weekday_names=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    relative={"yesterday": "yesterday", "today": "today", "tomorrow": "tomorrow", "tonight": "tonight"},
    relative_pattern=(r"yesterday|today|tomorrow|tonight|(?:last|next|this|past|coming)\s+"
                      r"(?:week|month|year|weekend|morning|evening|night)|day before yesterday|day after tomorrow"),
    relative_starts=("yesterday", "today", "tomorrow", "tonight", "last", "next", "this", "past", "coming", "day"),
    relative_modifiers=frozenset("last next this past coming".split()),
    periods=frozenset("week month year weekend morning evening night".split()),
    modifier_stems={"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"},
    period_words={"week": "week", "month": "month", "year": "year", "weekend": "weekend", "morning": "morning",
                  "evening": "evening", "night": "night"},
    parts_of_today=frozenset({"tonight", "this morning", "this evening", "this night"}),
    not_year_after=(r"%|per\s?cent|percent|bn|billion|million|m\b|k\b|euros?|dollars?|pounds?|people|troops|"
                    r"soldiers|sq|square|km|miles|kilomet|tonnes|tons|metres?|meters?"),

    titles=frozenset(
        "president minister foreign prime secretary general secretary-general chancellor envoy special "
        "ambassador mr mrs ms dr prof sir king queen pope senator governor commissioner chief head "
        "deputy vice leader spokesman spokeswoman spokesperson adviser advisor aide chairman director "
        "premier mayor emir sheikh crown prince colonel general lieutenant captain commander".split()),
    starters=frozenset(
        "the a an and but or so yet if when while although though because as after before since until "
        "during in on at by for from with without of to into over under about against between through "
        "ahead amid despite however meanwhile moreover also earlier later then now this that these those "
        "there here it its he she they we i you his her their our my your who what which where why how "
        "some many most all any each every no not one both either neither other another such several "
        "few more less last next first second third new former current according asked speaking "
        "shortly fighting right even only just still yes oh instead once further additional".split()),
    demonyms={"american": "us", "americans": "us", "usa": "us", "america": "us", "british": "uk",
              "britain": "uk", "european": "eu", "europe": "eu", "french": "france", "german": "germany",
              "chinese": "china", "dutch": "netherlands"},

    speech_verbs=("said", "says", "say", "told", "tells", "claimed", "claims", "added", "adds", "stated", "states",
                  "explained", "announced", "insisted", "warned", "argued", "wrote", "writes", "noted", "suggested",
                  "confirmed", "denied", "declared", "stressed", "asserted", "maintained", "acknowledged",
                  "admitted", "tweeted", "posted", "remarked", "replied", "commented", "emphasised", "emphasized",
                  "responded"),
    listener_verbs=frozenset({"told", "tells"}),
    according_to=(r"according\s+to",),
    speaker_nouns=frozenset("police officials authorities analysts sources experts prosecutors investigators witnesses residents doctors scientists researchers critics observers officers diplomats lawyers economists activists protesters organisers organizers officials spokesmen".split()),
    organisation_heads=frozenset("association police department ministry office agency council committee party court commission company institute university bank group union service forces army bureau authority organisation organization foundation network corporation administration government federation board senate parliament congress".split()),
    subject_pronouns=("he", "she", "they", "we", "I"),
    honorifics=("Dr", "Mr", "Mrs", "Ms", "Prof", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Rev", "St"),
    quote_stop_words=frozenset("the a an and or but of to in on at for with by from that this it is was be are "
                               "were has have had will would not".split()),

    negations=("not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "cannot"),
    hedges=("reportedly", "allegedly", "apparently", "possibly", "perhaps", "probably", "likely", "purportedly",
            "supposedly", "seemingly"),
    hedge_modals=("may", "might", "could"),
    hedge_phrases=(("appear appears", r"appears?\s+to"), ("seem seems", r"seems?\s+to"),
                   ("said believed", r"is\s+(?:said|believed)\s+to")),
    object_prepositions=("to", "of", "in", "at", "from", "for", "with", "on", "into", "against", "between"),
    negation_correlatives=("nor",),
    negation_idioms=(r"not\s+only", r"no\s+longer\s+than", r"no\s+more\s+than", r"no\s+fewer\s+than",
                     r"no\s+less\s+than", r"not\s+least"),
    clause_negations=(r"unless",),
    modal_verbs=("can", "could", "may", "might"),
    filler=frozenset("a an the to of and or be been is are was were that this it its their his her "
                     "on in at for with by from as into over about than they he she we you i".split()),
)

