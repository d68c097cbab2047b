"""Gold sentence boundaries for the segmentation benchmark, as running text.

Universal Dependencies treebanks give one sentence per ``# text =`` line. A benchmark of one
sentence a line measures nothing, so the sentences are put back together as articles print
them: consecutive sentences of a document form paragraphs of 2–5 sentences (the treebank's own
paragraphs where it marks them, ``# newpar``), joined by one space; a sentence that ends
without terminal punctuation (a headline, a caption, a list item) stands on its own line, as it
does on a page; so does one that ends in a colon or semicolon, which in these treebanks
introduces a quotation, a list or a dialogue line. The gold is the offset where each sentence after the first of a paragraph
starts; paragraphs are handed to every segmenter one at a time, so only boundaries inside a
paragraph are scored. A treebank that makes a list marker ("1.") a sentence of its own is
not scored on the boundary after it: keeping "1. The first item" together is as right.

The treebanks are read from ``$SYNOPSIS_UD`` or ``../shared/data/ud`` (a flat folder of
``*.conllu`` files, plus pySBD's golden-rule test files in ``pysbd/``); nothing is copied into
the repository. See ``benchmarks/README.md`` for how to fetch them.
"""
from __future__ import annotations

import ast
import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "de", "fr", "ru", "uk", "es", "ar")
# language -> treebank file stem; the dev split is tuned on, the test split is held out.
TREEBANKS = {"en": "en_ewt", "de": "de_gsd", "fr": "fr_gsd", "ru": "ru_gsd", "uk": "uk_iu",
             "es": "es_gsd", "ar": "ar_pud"}
# EWT mixes genres; only its news-like ones (blogs and newsgroups) are used.
EWT_GENRES = ("weblog-", "newsgroup-")
# Parallel UD (news and Wikipedia, 1,000 sentences, test only): its even documents are a second
# dev set, its odd documents a second held-out set.
PUD = ("en", "de", "fr", "ru", "es")
_TERMINAL = re.compile(r"[.!?…؟۔。！？][\"'”’»«“)\]」』`]*$")


@dataclass
class Paragraph:
    text: str
    gold: frozenset[int]        # offsets where a sentence other than the first starts
    sentences: int
    unscored: frozenset[int] = frozenset()   # after a list marker the treebank made a sentence


@dataclass
class Corpus:
    name: str
    language: str
    paragraphs: list[Paragraph]

    @property
    def sentences(self) -> int:
        return sum(p.sentences for p in self.paragraphs)

    @property
    def characters(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)


def ud_dir() -> Path:
    env = os.environ.get("SYNOPSIS_UD")
    return Path(env).resolve() if env else (ROOT / ".." / "shared" / "data" / "ud").resolve()


def read_conllu(path: Path) -> list[tuple[str, str, bool]]:
    """(document id, sentence text, starts a paragraph) for every sentence of a CoNLL-U file."""
    out: list[tuple[str, str, bool]] = []
    doc, new_par = "", False
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# newdoc"):
                # PUD repeats "newdoc" with the same id before each sentence of a document
                doc = line.split("=", 1)[1].strip() if "=" in line else f"doc{len(out)}"
            elif line.startswith("# newpar"):
                new_par = True
            elif line.startswith("# text ="):
                out.append((doc, line[len("# text ="):].strip(), new_par))
                new_par = False
    return out


def _documents(rows: list[tuple[str, str, bool]]) -> list[list[tuple[str, bool]]]:
    docs: list[list[tuple[str, bool]]] = []
    last = None
    for doc, text, new_par in rows:
        if doc != last or not docs:
            docs.append([])
            last = doc
        docs[-1].append((text, new_par))
    return docs


def running_text(sentences: list[tuple[str, bool]], rng: random.Random,
                 marked_paragraphs: bool) -> list[Paragraph]:
    """Group one document's sentences into printed paragraphs with their gold boundaries."""
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    target = rng.randint(2, 5)

    def close() -> None:
        nonlocal current, target
        if current:
            text, gold, unscored = "", set(), set()
            for i, sent in enumerate(current):
                if i:
                    text += " "
                    gold.add(len(text))
                    if not any(ch.isalpha() for ch in current[i - 1]):
                        unscored.add(len(text))
                text += sent
            paragraphs.append(Paragraph(text, frozenset(gold), len(current), frozenset(unscored)))
        current = []
        target = rng.randint(2, 5)

    for text, new_par in sentences:
        if marked_paragraphs and new_par:
            close()
        elif not marked_paragraphs and len(current) >= target:
            close()
        current.append(text)
        if not _TERMINAL.search(text):
            close()          # a headline or caption: its own line
    close()
    return paragraphs


def corpus(language: str, split: str) -> Corpus:
    """``split``: "dev" or "test" of the language's treebank, or PUD's even documents
    ("pud-dev", tuned on) or odd documents ("pud", held out)."""
    folder = ud_dir()
    rng = random.Random(f"{language}-{split}")
    if split in ("pud", "pud-dev"):
        rows = read_conllu(folder / f"{language}_pud-ud-test.conllu")
        name = f"{language}_pud {'even' if split == 'pud-dev' else 'odd'} documents"
    elif language == "ar":
        # PUD is the only Arabic treebank here: its documents alternate dev / test.
        rows = read_conllu(folder / "ar_pud-ud-test.conllu")
        name = f"ar_pud {'even' if split == 'dev' else 'odd'} documents"
    else:
        rows = read_conllu(folder / f"{TREEBANKS[language]}-ud-{split}.conllu")
        name = f"{TREEBANKS[language]} {split}"
    docs = _documents(rows)
    if split in ("pud", "pud-dev") or language == "ar":
        docs = docs[0 if split in ("dev", "pud-dev") else 1::2]
    if language == "en" and split not in ("pud", "pud-dev"):
        docs = [d for d, rows_doc in zip(docs, _doc_ids(rows)) if rows_doc.startswith(EWT_GENRES)]
    marked = any(new_par for d in docs for _, new_par in d[1:])
    paragraphs = [p for d in docs for p in running_text(d, rng, marked)]
    return Corpus(name, language, paragraphs)


def _doc_ids(rows: list[tuple[str, str, bool]]) -> list[str]:
    ids: list[str] = []
    last = None
    for doc, _, _ in rows:
        if doc != last or not ids:
            ids.append(doc)
            last = doc
    return ids


GOLDEN_FILES = {"en": ("english_golden_rules.py", "test_english.py"), "de": ("test_deutsch.py",),
                "fr": ("test_french.py",), "ru": ("test_russian.py",), "es": ("test_spanish.py",),
                "ar": ("test_arabic.py",), "fa": ("test_persian.py",), "ur": ("test_urdu.py",),
                "pl": ("test_polish.py",)}


def golden_rules(language: str) -> list[tuple[str, list[str]]]:
    """pySBD's golden rules for ``language``: (text, expected sentences), read as literals."""
    cases: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    for name in GOLDEN_FILES.get(language, ()):
        path = ud_dir() / "pysbd" / name
        if not path.exists():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.List):
                continue
            target = getattr(node.targets[0], "id", "")
            if "PDF" in target or "SPAN" in target:
                continue       # cases that expect pySBD's PDF cleaning, not segmentation
            for element in node.value.elts:
                try:
                    item = ast.literal_eval(element)
                except ValueError:
                    continue   # pytest.param(..., marks=xfail): cases pySBD itself fails
                if (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                        and isinstance(item[1], list) and item[0] not in seen
                        and _same_characters(item[0], item[1])):
                    seen.add(item[0])
                    cases.append((item[0], [s.strip() for s in item[1]]))
    return cases


def _same_characters(text: str, pieces: list[str]) -> bool:
    """Whether the expected sentences are the text itself (not a cleaned copy of it)."""
    return "".join(text.split()) == "".join("".join(pieces).split())
