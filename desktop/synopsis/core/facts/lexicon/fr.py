"""French fact words (also as the Text+Berg yearbooks print them: "d' environ", "l' on")."""
from __future__ import annotations

from .record import Lexicon, forms

_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()

LEXICON = Lexicon(
    code="fr",
    function_words=frozenset("le la les et des du un une est dans que qui pour pas sur au aux par avec ce sont il "
                             "elle été plus ont".split()),
    number_words={
        **forms("zéro", 0), **forms("un une", 1), **forms("deux", 2), **forms("trois", 3), **forms("quatre", 4),
        **forms("cinq", 5), **forms("six", 6), **forms("sept", 7), **forms("huit", 8), **forms("neuf", 9),
        **forms("dix", 10), **forms("onze", 11), **forms("douze", 12), **forms("treize", 13),
        **forms("quatorze", 14), **forms("quinze", 15), **forms("seize", 16), **forms("vingt vingts", 20),
        **forms("trente", 30), **forms("quarante", 40), **forms("cinquante", 50), **forms("soixante", 60),
        **forms("quatre-vingt quatre-vingts", 80), **forms("cent cents", 100), **forms("douzaine", 12),
    },
    article_numerals=frozenset("un une".split()),
    multipliers={"mille": 1000},
    scales={"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9,
            "mds": 1e9, "mrd": 1e9},
    scale_overrides={"billion": 1e12, "billions": 1e12},
    scale_pattern=r"mille|millions?|milliards?|mds?|mrds?",
    number_joiners=("et",),
    fractions={**forms("tiers", 3), **forms("quart quarts", 4), **forms("moitié", 2)},
    units={
        "%": r"pour\s?cent", "pp": r"points?\s+de\s+pourcentage",
        "km2": r"kilomètres?\s+carrés?", "mi2": r"milles?\s+carrés?", "ha": r"hectares?",
        "km": r"kilomètres?", "mi": r"milles?", "m": r"mètres?|m", "kg": r"kilos?|kilogrammes?", "t": r"tonnes?",
        "EUR": r"euros?", "USD": r"dollars?", "GBP": r"livres?(?:\s+sterling)?", "RUB": r"roubles?",
        "UAH": r"hryvnias?", "s": r"secondes?", "min": r"minutes?", "h": r"heures?", "d": r"jours?",
        "wk": r"semaines?", "mo": r"mois", "yr": r"ans|années?",
    },
    qualifiers={"approx": r"environ|près\s+de|presque|quelque|quelques|autour\s+de|d'\s?environ",
                "over": r"plus\s+de|au\s+moins", "under": r"moins\s+de|jusqu'\s?à"},
    range_words=("à", "et"),
    grouped_by_space=True,

    months={w: i + 1 for i, w in enumerate(_MONTHS)},
    weekdays={w: i for i, w in enumerate("lundi mardi mercredi jeudi vendredi samedi dimanche".split())},
    relative={"hier": "yesterday", "aujourd'hui": "today", "demain": "tomorrow", "avant-hier": "day before yesterday",
              "après-demain": "day after tomorrow", "ce soir": "tonight", "ce matin": "this morning",
              "la semaine dernière": "last week", "cette semaine": "this week", "la semaine prochaine": "next week",
              "l'an dernier": "last year", "l'année dernière": "last year", "cette année": "this year",
              "l'an prochain": "next year", "l'année prochaine": "next year", "le mois dernier": "last month",
              "ce mois-ci": "this month", "le mois prochain": "next month"},
    not_year_after=r"euros?|dollars?|personnes|km|mètres|m\b|pour\s?cent|millions|tonnes",

    titles=frozenset("président présidente ministre chancelier ambassadeur ambassadrice porte-parole secrétaire "
                     "envoyé envoyée conseiller conseillère chef directeur directrice gouverneur maire général "
                     "premier roi reine prince pape sénateur sénatrice monsieur madame m mme mm professeur "
                     "docteur dr abbé père".split()),
    starters=frozenset(
        "le la les l un une des du de d au aux et ou mais donc car si quand lorsque alors puis ensuite "
        "selon dans en à pour par avec sans sur sous après avant depuis pendant entre vers chez contre "
        "il elle ils elles on nous je vous ce cet cette ces cela ça son sa ses leur leurs tout toute tous "
        "toutes plusieurs certains certaines aucun aucune cependant toutefois pourtant ainsi enfin déjà "
        "encore aussi hier aujourd'hui demain ici là qui que quoi où comment pourquoi ne n nouveau nouvelle "
        "premier première dernier dernière".split()),

    speech_verbs=tuple(
        "déclaré dit affirmé ajouté souligné expliqué annoncé indiqué estimé assuré précisé confirmé reconnu "
        "averti écrit raconté déclare déclara affirme explique estime souligne ajoute précise".split()),
    according_to=(r"selon", r"d'\s?après"),
    complementizers=("que", "qu'"),
    speaker_nouns=frozenset("police autorités experts analystes sources procureurs enquêteurs témoins habitants médecins chercheurs critiques observateurs diplomates avocats économistes militants".split()),
    subject_pronouns=("il", "elle", "ils", "elles", "nous", "je", "on"),
    object_prepositions=("à", "en", "de", "du", "des", "pour", "avec", "par", "sur", "entre", "vers", "chez"),

    negations=("ne", "n'", "non", "jamais", "rien", "aucun", "aucune", "nullement", "personne"),
    negation_correlatives=("ni", "pas", "plus", "guère"),
    negation_idioms=(r"non\s+seulement", r"n'\s?est-ce\s+pas", r"ne\s+\S+\s+que\b"),
    hedges=("peut-être", "probablement", "apparemment", "prétendument", "vraisemblablement", "supposément"),
    hedge_phrases=(("doute", r"sans\s+doute"),),
    clause_negations=(r"loin\s+d['’]\s?\w+(?:er|ir|re)", r"loin\s+de\s+\w+(?:er|ir|re)"),   # "loin de suffire"
    modal_verbs=("peut", "peuvent", "pourrait", "pourraient", "pouvait", "pouvaient", "pourra", "pourront"),
    filler=frozenset("le la les l un une des du de d à au aux et ou en pour par que qui se sa son ses est sont "
                     "été a ont".split()),
)
