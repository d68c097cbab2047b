"""The size-trimming build steps: smoke-test fixtures and the trimmed ICU data library."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PACKAGING, ROOT, load
from synopsis.core import ingest

SEED = ROOT / "seeds" / "bbc-witkoff-putin-talks.txt"


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixtures")
    assert load(PACKAGING / "make_fixtures.py").main([str(SEED), str(out)]) == 0
    return out


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_fixtures_are_read_as_the_article_by_their_own_extractor(fixtures, kind):
    document = ingest.load(fixtures / f"{SEED.stem}.{kind}")
    assert document.format == kind
    seed_words = set(SEED.read_text(encoding="utf-8").split())
    words = document.text.split()
    assert len(words) >= 150
    assert sum(word in seed_words for word in words) / len(words) > 0.9  # the text, not noise


def test_fixture_script_names_a_missing_seed_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, str(PACKAGING / "make_fixtures.py"),
                             str(tmp_path / "nope.txt"), str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr


def _icu_library_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def _icu_probe(folder: Path) -> dict[str, tuple[int, str]]:
    """ICU calls against ``folder``'s libraries, run in a child process: name -> (status, text)."""
    code = f"""
import ctypes, os
os.chdir({str(folder)!r})
uc = ctypes.CDLL("./libicuuc.so.73"); i18n = ctypes.CDLL("./libicui18n.so.73")
err = ctypes.c_int(0)
def status(call, *args):
    err.value = 0
    call(*args, ctypes.byref(err))
    return err.value
out = {{"coll " + loc: (status(i18n.ucol_open_73, loc.encode()), "") for loc in ("de", "sv", "zh", "ar")}}
out |= {{"cnv " + name: (status(uc.ucnv_open_73, name.encode()), "")
        for name in ("UTF-8", "UTF-16LE", "ISO-8859-1", "Shift_JIS", "gb18030", "windows-1251")}}
text = "สวัสดีครับ 你好世界".encode("utf-16-le")
out |= {{f"break {{kind}}": (status(uc.ubrk_open_73, kind, b"th", text, len(text) // 2), "")
        for kind in range(4)}}
buf = ctypes.create_string_buffer(64)
out["name"] = (status(uc.u_charName_73, 0x1F600, 0, buf, 64), buf.value.decode())
shown = ctypes.create_string_buffer(128)  # 64 UChar (UTF-16)
out["display"] = (status(uc.uloc_getDisplayLanguage_73, b"de", b"fr", shown, 64),
                  shown.raw.decode("utf-16-le").split(chr(0))[0])
print(out)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return ast.literal_eval(result.stdout)


# The ICU functions Qt Core may call (by prefix): collation, named encodings, time-zone ids, case.
QT_ICU_CALLS = ("ucol_", "ucnv_", "UCNV_", "ucal_", "u_strToLower", "u_strToUpper")


def test_qt_core_calls_no_icu_function_beyond_what_the_trimmed_data_serves():
    library = _icu_library_dir() / "libQt6Core.so.6"
    table = subprocess.run(["objdump", "-T", str(library)], capture_output=True, text=True, check=True)
    imported = {line.split()[-1] for line in table.stdout.splitlines()
                if "*UND*" in line and line.rstrip().endswith("_73")}
    assert imported and all(name.startswith(QT_ICU_CALLS) for name in imported), sorted(imported)


@pytest.mark.packaging
def test_trimmed_icu_keeps_what_qt_uses_and_drops_the_rest(tmp_path):
    source = _icu_library_dir()
    if not any(source.glob("libicudata.so.73")):
        pytest.fail(f"{source}: this test expects PySide6's bundled ICU 73")
    for name in ("libicudata.so.73", "libicuuc.so.73", "libicui18n.so.73"):
        shutil.copy2(source / name, tmp_path / name)
    before = _icu_probe(tmp_path)
    trim_icu = load(PACKAGING / "trim_icu.py")
    assert trim_icu.main([str(tmp_path / "libicudata.so.73")]) == 0
    after = _icu_probe(tmp_path)
    assert (tmp_path / "libicudata.so.73").stat().st_size < 0.3 * (source / "libicudata.so.73").stat().st_size
    kept = [key for key in before if key.startswith("coll ")] + ["cnv UTF-8", "cnv UTF-16LE", "cnv ISO-8859-1"]
    assert all(after[key] == before[key] and after[key][0] <= 0 for key in kept), after  # no ICU error
    removed = [key for key in before if key.startswith("break ")] + ["cnv Shift_JIS", "cnv windows-1251"]
    assert all(before[key][0] <= 0 < after[key][0] for key in removed), after  # now a clean error
    assert before["name"][1] == "GRINNING FACE" and after["name"][1] == ""
    assert before["display"][1] == "allemand" != after["display"][1]


def test_trim_icu_names_a_file_that_is_not_icu_data_in_one_line(tmp_path, capsys):
    trim_icu = load(PACKAGING / "trim_icu.py")
    bogus = tmp_path / "libicudata.so.73"
    bogus.write_bytes(b"not a shared library\n")
    assert trim_icu.main([str(bogus)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "trim_icu:" in err
