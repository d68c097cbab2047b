"""Translated reuse for the planted-reuse corpus (``scan_corpus.py --translated``).

A translated story is a run of consecutive segments of one WMT news article in its original
language with a professional human translation of the same segments (the extract in
``benchmarks/data/news/``, see ``news_data.py``): a source article prints the original, and
each reuser prints most of the run translated (the story reused in another language, as a
wire story is by a foreign outlet). The splits follow the articles, never mixing them:

- ``dev``: WMT22 Russian originals with their English translations; WMT24 English originals
  (the first eight articles) with their German and Russian translations;
- ``heldout``: WMT23 Russian originals with their English translations; the other nine WMT24
  articles.

Russian filler comes from a word-bigram model of the 1,003 Russian sentences of the speed
extract that are in no news article of either split (other WMT domains), so no filler
sentence is a planted one.
"""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

NEWS = Path(__file__).resolve().parent / "data" / "news"
WMT24_DEV_ARTICLES = 8      # the first eight WMT24 articles (by id) plant dev stories


def _articles(name: str) -> list[dict]:
    with gzip.open(NEWS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _runs(count: int, rng: random.Random, low: int, high: int) -> list[tuple[int, int]]:
    """Consecutive runs of ``low``–``high`` segments covering 0 … count (a short tail dropped)."""
    out, i = [], 0
    while i + low <= count:
        k = min(rng.randint(low, high), count - i)
        out.append((i, i + k))
        i += k
    return out


def translated_stories(split: str) -> list[dict]:
    """{"language", "lines": [original …], "translations": {language: [line …]}} per story."""
    rng = random.Random(17 if split == "dev" else 31)
    out = []
    for article in _articles("wmt22.ru-en" if split == "dev" else "wmt23.ru-en"):
        for lo, hi in _runs(len(article["source"]), rng, 4, 6):
            out.append({"language": "ru", "lines": article["source"][lo:hi],
                        "translations": {"en": article["target"][lo:hi]}})
    german = sorted(_articles("wmt24.en-de"), key=lambda a: a["doc_id"])
    russian = {a["doc_id"]: a for a in _articles("wmt24.en-ru")}
    chosen = german[:WMT24_DEV_ARTICLES] if split == "dev" else german[WMT24_DEV_ARTICLES:]
    for article in chosen:
        other = russian[article["doc_id"]]
        for lo, hi in _runs(len(article["source"]), rng, 3, 4):       # WMT24 segments are paragraphs
            out.append({"language": "en", "lines": article["source"][lo:hi],
                        "translations": {"de": article["target"][lo:hi], "ru": other["target"][lo:hi]}})
    rng.shuffle(out)
    return out


def russian_filler_text() -> list[str]:
    """Russian sentences of the speed extract that no news article of either split prints."""
    news = {s for name in ("wmt22.ru-en", "wmt23.ru-en") for a in _articles(name) for s in a["source"]}
    news |= {s for a in _articles("wmt24.en-ru") for s in a["target"]}
    return [s for s in _articles("speed.ru-en")[0]["source"] if s not in news and len(s.split()) >= 5]


def translated_lines(story: dict, language: str, rng: random.Random) -> dict[int, tuple[str, str]]:
    """The lines a reuser in ``language`` prints: most of the run (three or more), translated."""
    k = len(story["lines"])
    first = rng.randint(0, 1) if k >= 4 else 0
    chosen = range(first, min(k, first + max(3, k - 1)))
    return {i: (f"tr-{language}", story["translations"][language][i]) for i in chosen}


def reuser_languages(story: dict, rng: random.Random) -> list[str]:
    """One or two of the story's translations (each printed by one reuser)."""
    languages = sorted(story["translations"])
    if len(languages) == 1:
        return languages
    return rng.sample(languages, rng.choice((1, 2)))
