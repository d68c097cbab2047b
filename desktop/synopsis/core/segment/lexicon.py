"""Word lists the sentence rules consult: abbreviations, titles and sentence openers.

All entries are lower case and without their final full stop. Dotted abbreviations
("z.b", "u.s") are also caught by shape, so only the common ones are listed.
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words written before a name: a full stop after them never ends a sentence when a
# capitalised word follows ("Mr. Smith", "Dr. Müller", "ул. Ленина", "м. Київ").
TITLES: dict[str, frozenset[str]] = {
    "en": _words("mr mrs ms messrs dr prof st mt ft gen col lt sgt capt cmdr adm maj brig rep sen "
                 "gov pres rev hon supt insp det cpl pvt fr sr jr"),
    "de": _words("hr hrn fr frl dr prof st dipl ing mag"),
    "fr": _words("m mm mme mmes mlle mlles me mgr dr pr st ste mr"),
    "es": _words("sr sra srta sres dr dra st mt lic ing arq gral cnel tte sto sta d dña fr mons"),
    "ru": _words("г гг ул пр пгт просп пер пл наб им св ст акад проф доц тов гр д-р пос дер с"),
    "uk": _words("м вул просп пров пл наб ім св ст акад проф доц д-р смт с р оз"),
    "ar": _words("د م أ"),
}

# Abbreviations that may sit inside a sentence: a full stop after them ends one only when
# a clear sentence opener follows ("… etc. The …", "… usw. Die …").
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": _words("inc ltd co corp bros llc plc vs etc e.g i.e u.s u.k u.n no nos approx est dept "
                 "jan feb mar apr jun jul aug sep sept oct nov dec fig figs al cf ca ed eds vol vols "
                 "pp ch chap sec art misc govt univ assn ave blvd rd hwy tel ext min max avg incl "
                 "excl orig repr"),
    "de": _words("z.b d.h u.a bzw ca nr str tel usw usf vgl ggf evtl bspw inkl zzgl jh mio mrd abs "
                 "art s.o s.u u.ä o.ä sog z.t v.a bzgl ebd gest geb verh ehem mind max min sek std "
                 "tsd ggü lt allg etc med jr sen rer nat phil hrsg bd bde kap abb anm chr hl jan feb mär "
                 "apr jun jul aug sep sept okt nov dez"),
    "fr": _words("av bd env cf etc p ex c.-à-d n° no vol t éd chap fig boul apr av.-j.-c"),
    "es": _words("etc a.c d.c p.ej pág págs párr párrf núm no cap vol ej aprox av avda admón tel dpto "
                 "depto cía art ee uu ee.uu fig min ene feb mar abr may jun jul ago sep sept oct "
                 "nov dic lun mié jue vie sáb dom"),
    "ru": _words("т е д п см букв стр рис табл гл разд род ум ок англ нем франц фр лат греч сокр напр "
                 "др пр тыс млн млрд руб коп долл обл р-н мин сек чел кв т.е т.д т.п и.о"),
    "uk": _words("т е д п див стор мал табл гл розд нар пом бл англ нім франц фр лат грец скор "
                 "напр ін тис млн млрд грн коп дол обл р-н хв сек чол кв т.д т.п тощо"),
    "ar": _words("ص ج"),
}

# Abbreviations that commonly close a sentence: before a capitalised word they end it.
SENTENCE_FINAL = _words("etc usw usf u.ä o.ä т.д т.п тощо др пр ін")

# Frequent first words of a sentence that are not nouns or names: after an ambiguous full
# stop (an abbreviation, an initial, a German ordinal) they show that a sentence began.
OPENERS: dict[str, frozenset[str]] = {
    "en": _words("the a an he she it they we i you this that these those there his her its their "
                 "our my but and or so yet in on at for by with from as if when while after "
                 "before since although though however meanwhile then also some many most all "
                 "no one two three what who how why where which"),
    "de": _words("der die das den dem des ein eine einen einem einer er sie es wir ich ihr man "
                 "dies diese dieser dieses das dass aber und oder doch denn so auch nun dann da "
                 "als wenn weil obwohl in im am auf an mit nach bei für von vom zu zum zur aus "
                 "um über unter vor seit gegen bis trotz hier dort heute damals jetzt noch nicht "
                 "kein keine was wer wie wo warum sein seine ihre unsere mein meine"),
    "fr": _words("le la les l un une des du il elle ils elles on nous je vous ce cette ces cela "
                 "mais et ou donc car puis ensuite en dans au aux pour par avec sur sous depuis "
                 "selon après avant si quand lorsque alors"),
    "es": _words("el la los las un una unos unas él ella ellos ellas se no lo este esta estos "
                 "estas eso pero y o sin en con por para de del desde según tras cuando si "
                 "también además sin embargo así luego"),
    "ru": _words("в во на с со по из за к от для о об при после до он она оно они мы я вы это "
                 "этот эта эти но и а или однако поэтому потом тогда также тогда затем так как когда если не"),
    "uk": _words("в у на з із зі по до від для про при після він вона воно вони ми я ви це цей "
                 "ця ці але і й а або однак тому також тоді потім так як коли якщо не"),
}

# German month names: "am 4. Februar" is a date, not a sentence end.
MONTHS_DE = _words("januar jänner februar märz april mai juni juli august september oktober "
                   "november dezember jan feb mär apr jun jul aug sep sept okt nov dez")


def _union(table: dict[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*table.values())


ALL_TITLES = _union(TITLES)
ALL_ABBREVIATIONS = _union(ABBREVIATIONS) | ALL_TITLES
ALL_OPENERS = _union(OPENERS)


def titles(language: str | None) -> frozenset[str]:
    """The language's titles plus the English ones, which translated news keeps ("Mr.", "Lt. Col.")."""
    return TITLES[language] | TITLES["en"] if language in TITLES else ALL_TITLES


def abbreviations(language: str | None) -> frozenset[str]:
    if language in ABBREVIATIONS:
        return ABBREVIATIONS[language] | TITLES.get(language, frozenset())
    return ALL_ABBREVIATIONS


def openers(language: str | None) -> frozenset[str]:
    return OPENERS[language] if language in OPENERS else ALL_OPENERS
