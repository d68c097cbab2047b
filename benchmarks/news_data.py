"""Real bilingual news for the cross-language benchmark: WMT general-test articles as printed.

The WMT news-translation campaigns publish their test articles with professional human
translations, article by article and paragraph by paragraph (repositories
``wmt-conference/wmt22-news-systems``, ``wmt23-news-systems``, ``wmt24-news-systems``). Only the
``news`` domain is used here. The articles the benchmark reads — the news-domain articles of the
sets below and the 2,000 Russian sentences of the speed benchmark, nothing else — are kept in
``benchmarks/data/news/`` (JSON Lines, gzipped), written by ``python benchmarks/news_data.py
<folder>`` from the upstream files (the folder named by ``SYNOPSIS_NEWS_DATA``; see
``benchmarks/README.md``), so a fresh clone runs the benchmark as it is.

- development (tuning only): WMT22 Russian originals with their English translations;
- test: WMT24 English originals with their German, Russian and Ukrainian translations (one
  English text, three independent translations), and WMT23 Russian and Ukrainian originals with
  their English translations.

The unit of translation is a WMT segment: a paragraph in WMT24, a sentence in the WMT22/23 XML
(whose articles are not split into paragraphs; they are printed here with the headline alone and
then paragraphs of two to four sentences, the same on both sides). A test pair is one article
against its translation with passages dropped and inserted: :func:`make_pair` drops a unit from
the translation (unique in A), drops one from the original when it is long enough (unique in
B) and inserts a unit of another article's translation (unique in B). The gold is which unit of
A each unit of B translates.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

from align_data import ROOT


EXTRACT = Path(__file__).resolve().parent / "data" / "news"
SPEED_LINES = 2000       # sentences of the speed benchmark's Russian article and its translation


def news_dir() -> Path:
    """The folder of the upstream WMT files (only needed to write the extract again)."""
    return Path(os.environ.get("SYNOPSIS_NEWS_DATA") or ROOT / ".." / "shared" / "news").resolve()


def upstream_articles(folder: Path) -> dict[str, list["Article"]]:
    """Every set of articles the benchmark reads, from the upstream files in ``folder``."""
    speed = []
    for year in ("2022", "2023"):
        speed += read_wmt_xml(folder / f"wmttest{year}.ru-en.all.xml", domain=None)
    source = [s for art in speed for s in art.source][:SPEED_LINES]
    target = [s for art in speed for s in art.target][:SPEED_LINES]
    return {
        "wmt22.ru-en": read_wmt_xml(folder / "wmttest2022.ru-en.all.xml"),
        "wmt23.ru-en": read_wmt_xml(folder / "wmttest2023.ru-en.all.xml"),
        "wmt23.uk-en": read_wmt_xml(folder / "wmttest2023.uk-en.all.xml"),
        "wmt24.en-de": read_wmt24(folder, "de"),
        "wmt24.en-ru": read_wmt24(folder, "ru"),
        "wmt24.en-uk": read_wmt24(folder, "uk"),
        "speed.ru-en": [Article("wmt22+23 ru-en, all domains", "ru", "en", source, target, [])],
    }


def write_extract(folder: Path, out: Path = EXTRACT) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, articles in upstream_articles(folder).items():
        with gzip.GzipFile(out / f"{name}.jsonl.gz", "wb", mtime=0) as raw:
            raw.write("".join(json.dumps(asdict(a), ensure_ascii=False) + "\n" for a in articles).encode())


def articles(name: str) -> list["Article"]:
    """The articles of one set (``wmt24.en-de``, …) from the committed extract."""
    with gzip.open(EXTRACT / f"{name}.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [Article(**json.loads(line)) for line in lines]


@dataclass
class Article:
    """One article and its translation, unit by unit (unit i translates unit i); ``layout``
    gives the printed paragraphs as numbers of consecutive units."""

    doc_id: str
    source_language: str
    target_language: str
    source: list[str]
    target: list[str]
    layout: list[int] = field(default_factory=list)


def read_wmt_xml(path: Path, domain: str | None = "news") -> list[Article]:
    """Articles of ``domain`` (None: all) from a WMT ``*.all.xml`` file (source and reference A)."""
    out = []
    for doc in ET.parse(path).getroot().iter("doc"):
        if domain is not None and doc.get("domain") != domain:
            continue
        src = doc.find("src")
        refs = doc.findall("ref")
        if src is None or not refs:
            continue
        ref = next((r for r in refs if r.get("translator") == "A"), refs[0])
        source, target = _segments(src), _segments(ref)
        if len(source) == len(target) and len(source) >= 3:
            layout = _printed_layout(len(source), random.Random(doc.get("id", "")))
            out.append(Article(doc.get("id", ""), src.get("lang", ""), ref.get("lang", ""),
                               source, target, layout))
    return out


def _segments(element: ET.Element) -> list[str]:
    return [(seg.text or "").strip() for seg in element.iter("seg")]


def _printed_layout(units: int, rng: random.Random) -> list[int]:
    """The headline alone, then paragraphs of two to four sentences."""
    layout = [1]
    left = units - 1
    while left > 0:
        size = min(left, rng.randint(2, 4))
        layout.append(size)
        left -= size
    return layout


def read_wmt24(folder: Path, target: str, domain: str = "news") -> list[Article]:
    """WMT24 English articles and their ``target`` translations (one paragraph a line)."""
    docs = (folder / "wmt24.en-de.docs").read_text(encoding="utf-8").splitlines()
    source = (folder / "wmt24.en-de.txt").read_text(encoding="utf-8").splitlines()
    translated = (folder / f"wmt24.en-{target}.refA.txt").read_text(encoding="utf-8").splitlines()
    grouped: dict[str, Article] = {}
    for line, (meta, src, ref) in enumerate(zip(docs, source, translated)):
        doc_domain, doc_id = meta.split("\t")[:2]
        if doc_domain != domain:
            continue
        article = grouped.setdefault(doc_id, Article(doc_id, "en", target, [], []))
        article.source.append(src.strip())
        article.target.append(ref.strip())
    for article in grouped.values():
        article.layout = [1] * len(article.source)
    return [a for a in grouped.values() if len(a.source) >= 3]


@dataclass
class NewsPair:
    """Two printed articles and, for each unit of B, the unit of A it translates."""

    name: str
    language_a: str
    language_b: str
    units_a: list[str]
    units_b: list[str]
    layout_a: list[int]
    layout_b: list[int]
    gold: dict[int, int] = field(default_factory=dict)     # b unit -> a unit

    @property
    def text_a(self) -> str:
        return _print(self.units_a, self.layout_a)[0]

    @property
    def text_b(self) -> str:
        return _print(self.units_b, self.layout_b)[0]

    def unit_starts(self, side: int) -> list[int]:
        """The offset in the text of each unit of side 0 (A) or 1 (B)."""
        units, layout = (self.units_a, self.layout_a) if side == 0 else (self.units_b, self.layout_b)
        return _print(units, layout)[1]


def _print(units: list[str], layout: list[int]) -> tuple[str, list[int]]:
    """Paragraphs of ``layout[k]`` units joined by spaces, separated by blank lines."""
    text, starts, at = "", [], 0
    for size in layout:
        if text:
            text += "\n\n"
        for k in range(at, at + size):
            if k > at:
                text += " "
            starts.append(len(text))
            text += units[k]
        at += size
    return text + "\n", starts


def make_pair(article: Article, others: list[Article], rng: random.Random, *,
              reverse: bool = False) -> NewsPair:
    """The original as A (the translation when ``reverse``), the other as B with one unit
    dropped, one dropped from A when A has six or more, and one unit from another article
    inserted. The headline (unit 0) is never dropped."""
    a, b = (article.target, article.source) if reverse else (article.source, article.target)
    lang_a, lang_b = ((article.target_language, article.source_language) if reverse
                      else (article.source_language, article.target_language))
    owner = _owners(article.layout)
    keep_b = list(range(len(b)))
    if len(b) >= 4:
        keep_b.remove(rng.randrange(1, len(b)))
    keep_a = list(range(len(a)))
    if len(a) >= 6:
        keep_a.remove(rng.choice([k for k in keep_b if k > 0]))
    donor = rng.choice([o for o in others if o.doc_id != article.doc_id])
    donor_side = donor.source if reverse else donor.target
    insert_at = rng.randrange(min(2, len(keep_b)), len(keep_b) + 1)
    b_items: list[tuple[str, int | None, int]] = [(b[k], k, owner[k]) for k in keep_b]
    # sentences in paragraphs: the inserted one joins its predecessor's; paragraphs: it stands alone
    paragraph = b_items[insert_at - 1][2] if max(article.layout) > 1 else -1
    b_items.insert(insert_at, (donor_side[rng.randrange(1, len(donor_side))], None, paragraph))
    a_index = {k: n for n, k in enumerate(keep_a)}
    pair = NewsPair(f"{article.doc_id}{'-r' if reverse else ''}", lang_a, lang_b,
                    [a[k] for k in keep_a], [t for t, _, _ in b_items],
                    _layout([owner[k] for k in keep_a]), _layout([p for _, _, p in b_items]))
    for n, (_, k, _) in enumerate(b_items):
        if k is not None and k in a_index:
            pair.gold[n] = a_index[k]
    return pair


def _owners(layout: list[int]) -> list[int]:
    """The paragraph of each unit."""
    return [p for p, size in enumerate(layout) for _ in range(size)]


def _layout(owners: list[int]) -> list[int]:
    """Paragraph sizes from the paragraph of each unit (consecutive equal owners share one)."""
    sizes: list[int] = []
    for k, owner in enumerate(owners):
        if k and owner == owners[k - 1]:
            sizes[-1] += 1
        else:
            sizes.append(1)
    return sizes


def pairs(articles: list[Article], seed: int, *, reverse: bool = False) -> list[NewsPair]:
    rng = random.Random(seed)
    return [make_pair(article, articles, rng, reverse=reverse) for article in articles]


# name -> (articles, reverse): which way round each benchmark pair reads
def test_sets() -> dict[str, list[NewsPair]]:
    return {
        "en-de": pairs(articles("wmt24.en-de"), 24),
        "en-ru": pairs(articles("wmt24.en-ru"), 24),
        "en-uk": pairs(articles("wmt24.en-uk"), 24),
        "ru-en": pairs(articles("wmt23.ru-en"), 23),
        "uk-en": pairs(articles("wmt23.uk-en"), 23),
    }


def dev_sets() -> dict[str, list[NewsPair]]:
    ru22 = articles("wmt22.ru-en")
    return {"ru-en (dev)": pairs(ru22, 22), "en-ru (dev)": pairs(ru22, 122, reverse=True)}


if __name__ == "__main__":
    write_extract(Path(sys.argv[1]) if len(sys.argv) > 1 else news_dir())
