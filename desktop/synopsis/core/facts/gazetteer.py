"""Places, peoples and organisations whose names differ between languages ("Moscow", "Moskau",
"Москва"; "White House", "Белый дом"; "Russian", "России"): each form, in any of the supported
languages and any case ending, leads to one entity.

A form is looked up by its loose spelling (see ``transliteration.loose``), so "Киева" and
"Kiew" find Kyiv; an inflected or adjectival form ("Харьковской", "Донецкой") finds the entity
whose form it extends by a few letters.
"""
from __future__ import annotations

from functools import lru_cache

from .transliteration import loose

# entity -> its forms ("|" between forms; a form may be several words)
_ENTITIES = {
    "us": "us|u.s.|usa|u.s.a.|united states|america|american|americans|сша|соединённые штаты|соединенные штаты|"
          "соединенных штатов|америка|америки|америке|сполучені штати|сполучених штатів|amerika|amerikanisch|"
          "vereinigte staaten|états-unis|etats-unis|amérique|américain|estados unidos|ee.uu.|norteamérica|"
          "estadounidense|us-based",
    "russia": "russia|russian|russians|russland|russisch|russie|russe|rusia|ruso|rusa|россия|росія|rf|рф",
    "ukraine": "ukraine|ukrainian|ukrainians|ukrainisch|ukrainien|ucrania|ucraniano|украина|україна",
    "eu": "eu|european union|europäische union|ue|union européenne|unión europea|ес|евросоюз|европейский союз|"
          "єс|євросоюз|європейський союз",
    "europe": "europe|european|europeans|europa|europäisch|européen|europeo|европа|європа",
    "nato": "nato|otan|нато",
    "un": "un|united nations|uno|vereinte nationen|onu|nations unies|naciones unidas|оон|организация объединённых наций",
    "kremlin": "kremlin|kreml|кремль|кремля|кремле|кремлі",
    "white house": "white house|weißes haus|weisses haus|maison blanche|casa blanca|белый дом|белого дома|белом доме|"
                   "білий дім|білого дому|білому домі|белом|белого|білому|білого",
    "european commission": "european commission|eu commission|europäische kommission|eu-kommission|"
                           "commission européenne|comisión europea|еврокомиссия|европейская комиссия|єврокомісія|"
                           "європейська комісія",
    "european parliament": "european parliament|europaparlament|europäisches parlament|parlement européen|"
                           "parlamento europeo|европарламент|европейский парламент|європарламент|європейський парламент",
    "moscow": "moscow|moskau|moscou|moscú|москва|москви",
    "kyiv": "kyiv|kiev|kiew|kyjiw|kiiv|киев|київ|києва|києві",
    "kharkiv": "kharkiv|kharkov|charkiw|charkow|kharkiv|харьков|харків",
    "odesa": "odesa|odessa|одесса|одеса",
    "lviv": "lviv|lvov|lemberg|львов|львів",
    "dnipro": "dnipro|dnepr|dnipropetrovsk|dnipropetrowsk|днепр|дніпро|днепропетровск|дніпропетровськ",
    "donetsk": "donetsk|donezk|донецк|донецьк|донеччина",
    "donbas": "donbas|donbass|донбасс|донбас",
    "luhansk": "luhansk|lugansk|luhansk|луганск|луганськ",
    "zaporizhzhia": "zaporizhzhia|zaporozhye|saporischschja|запорожье|запоріжжя|запорожская|запорізька",
    "kherson": "kherson|cherson|херсон",
    "sumy": "sumy|сумы|суми|сумская|сумська",
    "crimea": "crimea|krim|crimée|крым|крим",
    "pokrovsk": "pokrovsk|покровск|покровськ",
    "germany": "germany|german|germans|deutschland|deutsch|deutsche|allemagne|allemand|alemania|alemán|германия|"
               "німеччина|немецкий",
    "france": "france|french|frankreich|französisch|francia|francés|франция|франція|français",
    "uk": "uk|britain|british|united kingdom|great britain|großbritannien|grossbritannien|royaume-uni|reino unido|"
          "великобритания|британия|велика британія|британія",
    "china": "china|chinese|chine|chinois|кнр|китай|китаю",
    "belgium": "belgium|belgian|belgien|belgique|bélgica|бельгия|бельгія",
    "brussels": "brussels|brüssel|bruxelles|bruselas|брюссель",
    "geneva": "geneva|genf|genève|ginebra|женева",
    "beijing": "beijing|peking|pékin|pekín|пекин|пекін",
    "washington": "washington|вашингтон",
    "paris": "paris|париж",
    "london": "london|londres|лондон",
    "berlin": "berlin|берлин|берлін",
    "abu dhabi": "abu dhabi|абу-даби|абу-дабі",
    "alaska": "alaska|аляска",
    "iraq": "iraq|irak|ирак|ірак",
    "italy": "italy|italian|italien|italie|italia|италия|італія",
    "switzerland": "switzerland|swiss|schweiz|suisse|suiza|швейцария|швейцарія",
    "poland": "poland|polish|polen|pologne|polonia|польша|польща",
    "turkey": "turkey|türkei|turquie|turquía|турция|туреччина",
    "indonesia": "indonesia|indonesien|indonésie|индонезия|індонезія",
    "morocco": "morocco|moroccan|marokko|maroc|marruecos|марокко",
    "nevada": "nevada|невада",
    "xi jinping": "xi jinping|xi|jinping|си цзиньпин|сі цзіньпін|си|сі|цзиньпин|цзіньпін",
    "gop": "gop|republican party|republicans|republican|республиканская партия|республіканська партія",
    "latin america": "latin america|lateinamerika|amérique latine|américa latina|латинская америка|латинська америка",
    "caribbean": "caribbean|karibik|caraïbes|caribe|карибский бассейн|карибський басейн",
    "institute for the study of war": "institute for the study of war|институт изучения войны|інститут вивчення війни",
    "national security council": "national security council|совет национальной безопасности|"
                                 "рада національної безпеки",
    "president's office": "president’s office|president's office|офис президента|офіс президента",
    "police": "police|polizei|policía|полиция|поліція",
    "iaea": "iaea|магатэ|магате",
}

_FORMS: dict[str, str] = {}                      # loose form -> entity
_BY_HEAD: dict[str, list[tuple[str, str]]] = {}   # first four letters of a one-word loose form -> (form, entity)
for _entity, _forms in _ENTITIES.items():
    for _form in _forms.split("|"):
        _key = " ".join(loose(w) for w in _form.casefold().split())
        _FORMS.setdefault(_key, _entity)
        if " " not in _key and len(_key) >= 4:
            _BY_HEAD.setdefault(_key[:4], []).append((_key, _entity))


@lru_cache(maxsize=16384)
def entity(key: str) -> str | None:
    """The entity a name (one key, or several joined by spaces) stands for, or None. A word
    that extends a form by up to five letters ("kharkovskoy" / "kharkov", "rossii" / "rossia")
    stands for it too, when the two share at least four letters."""
    k = " ".join(loose(w) for w in key.split())
    found = _FORMS.get(k)
    if found is not None or " " in k or len(k) < 4:
        return found
    best, best_stem = None, 0
    for form, ent in _BY_HEAD.get(k[:4], ()):
        short, long = sorted((form, k), key=len)
        stem = 0
        while stem < len(short) and short[stem] == long[stem]:
            stem += 1
        if stem >= max(4, len(short) - 2) and len(long) - stem <= 5 and stem > best_stem:
            best, best_stem = ent, stem
    return best
