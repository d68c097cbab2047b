import pytest
from hypothesis import given, settings, strategies as st

from synopsis.core import LoadError
from synopsis.core.ingest import load
from synopsis.core.ingest.text import join_paragraphs, repair_mojibake


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_utf8_bom_and_crlf(tmp_path):
    p = write(tmp_path, "a.txt", "\ufeffFirst line.\r\nSecond – “quoted”.\r\n".encode("utf-8"))
    doc = load(p)
    assert doc.text == "First line.\nSecond – “quoted”.\n"
    assert doc.meta["encoding"] == "utf-8"
    assert len(doc.sha256) == 64


def test_utf16_with_bom(tmp_path):
    p = write(tmp_path, "a.txt", "Київ і Одеса.\n".encode("utf-16"))
    assert load(p).text == "Київ і Одеса.\n"


def test_cp1251_russian(tmp_path):
    text = ("Президент России Владимир Путин заявил, что переговоры с американской делегацией "
            "были полезными, но компромисса по территориальному вопросу пока не найдено.\n")
    p = write(tmp_path, "ru.txt", text.encode("cp1251"))
    assert load(p).text == text


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
])
def test_bad_input_named(tmp_path, data, reason):
    p = write(tmp_path, "bad.txt", data)
    with pytest.raises(LoadError) as err:
        load(p)
    assert str(p) in str(err.value) and reason in str(err.value)


def test_missing_directory_and_size(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="directory"):
        load(tmp_path)
    p = write(tmp_path, "big.txt", b"word " * 1000)
    with pytest.raises(LoadError, match="limit"):
        load(p, max_bytes=100)


def test_cp1251_ukrainian(tmp_path):
    text = ("Міністр закордонних справ України Андрій Сибіга звинуватив Путіна в тому, що він марнує "
            "час усього світу, а посол України у США заявила, що прогресу поки небагато.\n")
    p = write(tmp_path, "uk.txt", text.encode("cp1251"))
    doc = load(p)
    assert doc.text == text and doc.meta["encoding"] == "cp1251"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_legacy_encodings(tmp_path, encoding):
    text = ("Le président français Emmanuel Macron a exhorté son homologue chinois à œuvrer pour un "
            "cessez-le-feu; à Genève, les négociateurs ont déjà prévu une réunion à Zürich.\n")
    if encoding == "latin-1":
        text = text.replace("œ", "oe")
    p = write(tmp_path, "fr.txt", text.encode(encoding))
    assert load(p).text == text


def test_mojibake_repaired_when_certain(tmp_path):
    clean = "Ukraine’s envoy said “no compromise” – talks in Zürich, café.\n"
    garbled = garble(clean)
    assert "â€™" in garbled
    doc = load(write(tmp_path, "m.txt", garbled.encode("utf-8")))
    assert doc.text == clean
    assert doc.meta["mojibake_repaired"] >= 3


def test_mojibake_repair_leaves_real_accents():
    text = "Été à Zürich – “ok” ’” Ñandú São Paulo naïve Ÿ ‰ †\n"
    assert repair_mojibake(text) == (text, 0)


def garble(text: str) -> str:
    """What a wrong decoder does: UTF-8 bytes read as Windows-1252 (undefined bytes as Latin-1)."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
@settings(max_examples=200, deadline=None)
def test_mojibake_round_trip(original):
    """Any text garbled that way is restored exactly; clean text is never touched."""
    assert repair_mojibake(garble(original))[0] == original


@given(st.text(alphabet=st.characters(codec="cp1252"), max_size=60))
@settings(max_examples=200, deadline=None)
def test_repair_only_changes_valid_utf8_runs(text):
    fixed, count = repair_mojibake(text)
    assert (fixed == text) == (count == 0)
    if count:  # runs of several bytes became one character each; ASCII is never touched
        assert len(fixed) < len(text)
    assert [c for c in fixed if c.isascii()] == [c for c in text if c.isascii()]


@given(st.lists(st.text(min_size=0, max_size=40), max_size=8))
def test_join_paragraphs_one_per_line(paragraphs):
    text = join_paragraphs(paragraphs)
    expected = [" ".join(p.split()) for p in paragraphs if p.split()]
    assert text.splitlines() == expected
    assert text == "" or text.endswith("\n")


def test_manifest_beside_text_supplies_metadata(tmp_path):
    import json

    (tmp_path / "a.txt").write_text("Some article text here. And more.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another article text. With words.\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"articles": [
        {"file": "a.txt", "title": "A title", "outlet": "BBC News", "published": "2025-12-03",
         "language": "en"}]}), encoding="utf-8")
    doc = load(tmp_path / "a.txt")
    assert doc.title == "A title" and doc.meta["outlet"] == "BBC News"
    assert doc.meta["published"] == "2025-12-03" and doc.language == "en"
    other = load(tmp_path / "b.txt")
    assert "outlet" not in other.meta
    (tmp_path / "manifest.json").write_text("{broken", encoding="utf-8")
    assert load(tmp_path / "a.txt").title != "A title"
