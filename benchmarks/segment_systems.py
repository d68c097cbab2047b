"""Sentence segmenters compared by ``run_segmentation.py``, each as ``split(text, language)``
returning the offsets where a sentence after the first starts.

Libraries are optional: a system whose package is missing is reported as not installed.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

Splitter = Callable[[str, str], set[int]]


def starts_of(text: str, pieces: list[str]) -> set[int]:
    """Map segment strings back to ``text``: the start offset of every piece but the first.

    Libraries that return strings may collapse or drop white space, so the walk matches
    non-space characters only."""
    starts: list[int] = []
    pos = 0
    for piece in pieces:
        chars = [c for c in piece if not c.isspace()]
        if not chars:
            continue
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos < len(text) and text[pos] != chars[0]:
            found = text.find("".join(chars[:8]), pos)
            if found < 0:
                continue
            pos = found
        starts.append(pos)
        for ch in chars:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos < len(text) and text[pos] == ch:
                pos += 1
    return set(starts[1:])


def _first_non_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def synopsis() -> Splitter:
    from synopsis.core.segment import paragraphs, sentences

    def split(text: str, language: str) -> set[int]:
        spans = [s for p_start, p_end in paragraphs(text) for s in sentences(text, p_start, p_end, language)]
        return {s for s, _ in spans[1:]}
    return split


PREVIOUS = "4b46a7f"    # the last commit with the earlier hand-written rules (core/segment.py)


def previous() -> Splitter:
    """Synopsis's rules before this benchmark existed, read from the repository's history."""
    import subprocess
    import types
    try:
        source = subprocess.run(["git", "show", f"{PREVIOUS}:desktop/synopsis/core/segment.py"],
                                capture_output=True, text=True, check=True, cwd=Path(__file__).parent).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        raise ImportError(f"git history with {PREVIOUS}", name=f"git history ({PREVIOUS})") from err
    module = types.ModuleType("segment_previous")
    exec(compile(source.replace("from .model import", "from synopsis.core.model import"),
                 "segment_previous", "exec"), module.__dict__)

    def split(text: str, language: str) -> set[int]:
        spans = [s for p_start, p_end in module.paragraphs(text)
                 for s in module.sentences(text, p_start, p_end, language)]
        return {s for s, _ in spans[1:]}
    return split


_NAIVE = re.compile(r"[.!?]+[\"'”’»)]*\s+(?=[\"'“‘«„(]?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ])")


def naive() -> Splitter:
    """The baseline: terminal punctuation, then white space and a capital letter."""
    def split(text: str, language: str) -> set[int]:
        return {m.end() for m in _NAIVE.finditer(text)}
    return split


def pysbd() -> Splitter:
    import pysbd as lib
    from pysbd.languages import LANGUAGE_CODES
    cache: dict[str, object] = {}

    def split(text: str, language: str) -> set[int]:
        lang = language if language in LANGUAGE_CODES else ("ru" if language == "uk" else "en")
        seg = cache.get(lang) or cache.setdefault(lang, lib.Segmenter(language=lang, clean=False))
        return starts_of(text, seg.segment(text))
    return split


def syntok() -> Splitter:
    from syntok import segmenter

    def split(text: str, language: str) -> set[int]:
        starts = set()
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                if sentence:
                    starts.add(sentence[0].offset)
        return {_first_non_space(text, s) for s in starts} - {_first_non_space(text, 0)}
    return split


def icu() -> Splitter:
    """ICU's BreakIterator with the locale's abbreviation suppressions (``@ss=standard``)."""
    import icu as lib
    cache: dict[str, object] = {}

    def split(text: str, language: str) -> set[int]:
        it = cache.get(language)
        if it is None:
            it = cache.setdefault(language, lib.BreakIterator.createSentenceInstance(
                lib.Locale(f"{language}@ss=standard")))
        it.setText(text)
        units = list(it)
        if any(ord(c) > 0xFFFF for c in text):     # ICU counts UTF-16 code units
            index, to_py = 0, {}
            for i, c in enumerate(text):
                to_py[index] = i
                index += 2 if ord(c) > 0xFFFF else 1
            to_py[index] = len(text)
            units = [to_py[u] for u in units]
        return {_first_non_space(text, u) for u in units if 0 < u < len(text)} - {len(text)}
    return split


def blingfire() -> Splitter:
    import blingfire as lib

    def split(text: str, language: str) -> set[int]:
        return starts_of(text, lib.text_to_sentences(text).split("\n"))
    return split


def spacy_sentencizer() -> Splitter:
    """spaCy's rule-based sentencizer on a blank pipeline (the trained multilingual
    ``xx_sent_ud_sm`` is not on PyPI: it downloads at run time, which an offline app cannot)."""
    import spacy
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")

    def split(text: str, language: str) -> set[int]:
        return {_first_non_space(text, s.start_char) for s in nlp(text).sents} - {_first_non_space(text, 0)}
    return split


SYSTEMS: dict[str, Callable[[], Splitter]] = {
    "synopsis": synopsis, f"synopsis before ({PREVIOUS})": previous, "naive regex": naive, "pySBD": pysbd, "syntok": syntok,
    "ICU (PyICU)": icu, "Blingfire": blingfire, "spaCy sentencizer": spacy_sentencizer,
}
