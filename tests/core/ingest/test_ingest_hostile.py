"""Hostile files: bombs are refused before they unpack, readers stop at the cap, every
failure is one LoadError line (real archives, PDFs, pipes, devices and pages, made here)."""
from __future__ import annotations

import os
import threading
import tracemalloc

import pytest

import hostile_inputs as hostile
from synopsis.core import LoadError
from synopsis.core.ingest import load, load_bytes
from synopsis.core.ingest.limits import MAX_PDF_CONTENT_BYTES


def refused(data: bytes, source: str, *fragments: str, peak_below: int | None = None) -> str:
    """The one-line LoadError for ``data``; with ``peak_below``, the most memory (bytes)
    Python may have held while refusing it."""
    if peak_below:
        tracemalloc.start()
    try:
        with pytest.raises(LoadError) as err:
            load_bytes(data, source)
        peak = tracemalloc.get_traced_memory()[1] if peak_below else 0
    finally:
        tracemalloc.stop()
    message = str(err.value)
    assert message.startswith(source + ": ") and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    assert not peak_below or peak < peak_below, f"{peak / hostile.MiB:.0f} MiB held while refusing"
    return message


def test_a_zip_bomb_docx_is_refused_from_its_directory():
    data = hostile.docx_bomb(300 * hostile.MiB)
    assert len(data) < 400_000  # a third of a megabyte that unpacks to 300 MiB
    refused(data, "bomb.docx", "would unpack to 300 MiB", "limit is 256 MiB", peak_below=8 * hostile.MiB)


def test_too_much_xml_and_too_many_members_are_refused():
    refused(hostile.docx_xml_heavy(), "heavy.docx", "XML would unpack to", "64 MiB")
    refused(hostile.zip_many_members(), "many.docx", "12,001 files", "10,000")


@pytest.mark.parametrize("make", [hostile.docx_with_entity, hostile.docx_billion_laughs])
def test_xml_entities_are_refused_not_half_read(make):
    """python-docx dropped the text after an entity reference; a DTD is never in a real DOCX."""
    refused(make(), "entity.docx", "word/document.xml", "document type or entities")


def test_an_honest_minimal_docx_still_loads():
    doc = load_bytes(hostile.docx_paragraphs(["Witkoff met Vladimir Putin in Moscow on Tuesday.",
                                              hostile.ARTICLE]), "plain.docx")
    assert doc.format == "docx" and doc.text.startswith("Witkoff met Vladimir Putin in Moscow on Tuesday.")


def test_an_odt_whose_content_is_not_xml():
    refused(hostile.odt_not_xml(), "broken.odt", "not a readable OpenDocument text", "content.xml")


def test_a_pdf_decompression_bomb_and_a_pdf_too_heavy_to_read():
    refused(hostile.pdf_bomb(80 * hostile.MiB), "bomb.pdf", "decompression bomb")
    refused(hostile.pdf_bomb(MAX_PDF_CONTENT_BYTES + 8 * hostile.MiB), "heavy.pdf", "drawing instructions")


@pytest.mark.parametrize("codec", ["base64", "rot13", "zlib", "hex", "uu", "bz2", "punycode", "unicode_escape",
                                   "undefined", "no-such-codec"])
def test_a_page_declaring_a_codec_that_is_not_a_charset(codec):
    doc = load_bytes(hostile.html_page(charset=codec), "page.html")
    assert "Witkoff spent almost five hours" in doc.text


@pytest.mark.parametrize("codec", ["base64", "zlib_codec", "rot-13"])
def test_an_http_header_declaring_a_codec_that_is_not_a_charset(http_server, codec):
    url = http_server.add("/p.html", hostile.html_page(), content_type=f"text/html; charset={codec}")
    assert "Witkoff spent almost five hours" in load(url).text
    url = http_server.add("/p.txt", hostile.ARTICLE.encode(), content_type=f"text/plain; charset={codec}")
    assert load(url).text.startswith("Witkoff spent")


def test_dev_zero_is_read_only_up_to_the_cap():
    with pytest.raises(LoadError, match="did not end within the limit"):
        load("/dev/zero", max_bytes=2 * hostile.MiB)


def test_a_pipe_that_never_ends_is_read_only_up_to_the_cap():
    """What ``<(yes)`` gives: /dev/fd/N, a pipe whose writer never stops."""
    read_end, write_end = os.pipe()
    stop = threading.Event()

    def yes() -> None:
        try:
            while not stop.is_set():
                os.write(write_end, b"y\n" * 4096)
        except OSError:
            pass  # the reader closed its end

    writer = threading.Thread(target=yes, daemon=True)
    writer.start()
    tracemalloc.start()
    try:
        with pytest.raises(LoadError, match="pipe or device .*did not end within the limit"):
            load(f"/dev/fd/{read_end}", max_bytes=hostile.MiB)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        stop.set()
        os.close(read_end)
        writer.join(timeout=5)
        os.close(write_end)
    assert peak < 8 * hostile.MiB


@pytest.mark.parametrize("content", [hostile.manifest(5), hostile.manifest(None), hostile.deep_json(),
                                     hostile.manifest([5, None, {"file": 3}]), b"\xff\xfe"])
def test_a_malformed_sidecar_manifest_is_ignored(tmp_path, content):
    hostile.write(tmp_path / "manifest.json", content)
    article = hostile.write(tmp_path / "a.txt", hostile.ARTICLE)
    assert load(article).text.startswith("Witkoff")


def test_a_nul_byte_is_located(tmp_path):
    path = hostile.write(tmp_path / "n.txt", b"One.\nTwo words\x00 here.\n")
    with pytest.raises(LoadError, match=r"NUL byte \(0x00\) at line 2, column 10 \(byte 14\)"):
        load(path)


def test_names_that_are_not_utf8_become_displayable(tmp_path):
    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(hostile.ARTICLE.encode())
    doc = load(os.fsdecode(raw))
    assert doc.source.endswith("r\ufffdsum\ufffd.txt") and doc.source.encode("utf-8")
    with pytest.raises(LoadError) as err:
        load(os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff.txt"))
    assert str(err.value).encode("utf-8") and "gone\ufffd.txt: no such file" in str(err.value)
