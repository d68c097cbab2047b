"""Language detection by script and function words: cheap, offline and good enough for news prose.

``detect`` returns an ISO 639-1 code ("en", "ru", "zh", ...) or None when the text is too short
or no language stands out. The script decides first (Arabic, Han, kana, Hangul, Thai, Greek,
Hebrew, Devanagari); text in Latin or Cyrillic letters is told apart by its commonest words and,
for Cyrillic, by the letters only one language uses (Ukrainian і ї є ґ, Russian ы э ё ъ).
"""
from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is was that for on with as by at from said it his her have has "
                    "be are were not this which would will an".split()),
    "de": frozenset("der die das und ist nicht den dem des ein eine einer zu mit sich auf für von im "
                    "auch es wird sind wurde bei aus nach hat dass".split()),
    "fr": frozenset("le la les et des du un une est dans que qui pour pas sur au aux par avec ce "
                    "sont il elle été plus ont".split()),
    "es": frozenset("el la los las y de del que en un una es por con para no se su al lo como más "
                    "pero fue ha".split()),
    "it": frozenset("il di che e la per un una non sono del della le gli al alla ha anche come più "
                    "nel ma".split()),
    "pt": frozenset("o a os as de do da dos das em no na nos um uma que não para com por se foi "
                    "ao à mais mas".split()),
    "nl": frozenset("de het een en van in is op dat die te zijn met voor niet aan er ook als bij "
                    "door werd".split()),
    "pl": frozenset("i w na z się nie do że to jest o po jak przez za od dla które ale już był "
                    "była".split()),
    "tr": frozenset("ve bir bu da de için ile olarak çok daha ne gibi olan ama en kadar sonra "
                    "değil".split()),
    "ru": frozenset("и в не на что с по он она как это к из за от для был была были его но также "
                    "уже".split()),
    "uk": frozenset("і в не на що з по він вона як це до із за від для був була були його але також "
                    "вже та".split()),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC_ONLY = {"uk": frozenset("іїєґ"), "ru": frozenset("ыэёъ")}

# Letter blocks of the scripts that name their language outright, and of Cyrillic and Latin.
_SCRIPTS = tuple((label, re.compile(f"[{ranges}]")) for label, ranges in (
    ("latin", "A-Za-z\u00c0-\u024f"), ("cyrillic", "\u0400-\u04ff"),
    ("ar", "\u0600-\u06ff\u0750-\u077f"), ("zh", "\u4e00-\u9fff"), ("ja", "\u3040-\u30ff"),
    ("ko", "\uac00-\ud7af"), ("th", "\u0e00-\u0e7f"), ("el", "\u0370-\u03ff"),
    ("he", "\u0590-\u05ff"), ("hi", "\u0900-\u097f")))
_SCRIPT_SAMPLE = 4000

NAMES = {
    "ar": "Arabic", "be": "Belarusian", "bg": "Bulgarian", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "ru": "Russian", "sr": "Serbian", "th": "Thai",
    "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}


def language_name(code: str | None) -> str:
    """The English name of a language code, or the code itself when it is not in the table."""
    if not code:
        return "an undetected language"
    return NAMES.get(code, code)


def detect(text: str, *, sample: int = 20000) -> str | None:
    sample_text = text[:sample]
    script = _script(sample_text)
    if script is None:
        return None
    if script not in ("latin", "cyrillic"):
        return _cjk(sample_text) if script in ("zh", "ja") else script
    words = [w.lower() for w in _WORD.findall(sample_text)]
    if len(words) < 5:
        return None
    counts = Counter(words)
    candidates = [lang for lang in _STOPWORDS if (lang in ("ru", "uk")) == (script == "cyrillic")]
    scores = {lang: sum(counts[w] for w in _STOPWORDS[lang]) for lang in candidates}
    if script == "cyrillic":
        letters = Counter(ch for w in words for ch in w)
        for lang, own in _CYRILLIC_ONLY.items():
            scores[lang] += 0.5 * sum(letters[ch] for ch in own)
    best = max(sorted(scores), key=scores.__getitem__)
    if scores[best] < max(2, 0.05 * len(words)):
        return None
    return best


def _script(text: str) -> str | None:
    """The commonest script among the first letters of ``text`` (None below five letters)."""
    head = text[:_SCRIPT_SAMPLE]
    counts = {label: len(pattern.findall(head)) for label, pattern in _SCRIPTS}
    if counts["ja"]:
        counts["zh"] += counts.pop("ja")  # kana and Han together; _cjk tells them apart
    if sum(counts.values()) < 5:
        return None
    return max(sorted(counts), key=counts.__getitem__)


def _cjk(text: str) -> str:
    """Japanese when kana make up a tenth of the CJK letters, else Chinese."""
    kana = sum(1 for ch in text if "\u3040" <= ch <= "\u30ff")
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return "ja" if kana >= 0.1 * (kana + han) else "zh"
