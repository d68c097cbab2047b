import pytest

from synopsis.core import LoadError
from synopsis.core.ingest import load


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
