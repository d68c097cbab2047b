"""Fuzzing the loaders (hypothesis): whatever the bytes, a loader returns a Document or raises
LoadError with one line naming the source. Anything else (a traceback in the CLI, an
"internal error" in the app) is a new cause this test finds before a user does.

The inputs are random bytes under every name and content type, and random variations of the
formats' skeletons (zip archives with chosen members, HTML with declared charsets, RTF code
pages, damaged PDFs, JSON sidecars), since pure noise rarely gets past a format's first check.
"""
from __future__ import annotations

import io
import json
import os
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import hostile_inputs as hostile
from synopsis.core import LoadError
from synopsis.core.ingest import load, load_bytes

# The suite runs a fixed sample; SYNOPSIS_FUZZ_EXAMPLES=5000 explores further with fresh seeds.
DEEP = int(os.environ.get("SYNOPSIS_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=DEEP or 120, deadline=None, derandomize=not DEEP,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMES = ["a.txt", "a.html", "a.htm", "a.xhtml", "a.md", "a.docx", "a.odt", "a.pdf", "a.rtf", "a", "-",
         "http://127.0.0.1/a?x=1#y", "weird.\u202etxt"]
CONTENT_TYPES = [None, "text/html", "text/plain", "application/pdf", "application/zip", "text/markdown",
                 "application/octet-stream", "image/png", ""]
CHARSETS = ["utf-8", "base64", "rot13", "utf-16", "utf-32", "cp1251", "koi8-r", "x-user-defined", "idna",
            "utf-7", "latin-1", "", "\x00", "a" * 300, "shift_jis", "hz", "iso-2022-jp"]


def check(data: bytes, source: str, **kwargs) -> None:
    try:
        doc = load_bytes(data, source, **kwargs)
    except LoadError as exc:
        message = str(exc)
        assert message.startswith(f"{source}: ") and "\n" not in message, message
        return
    assert isinstance(doc.text, str) and doc.text.strip()
    assert isinstance(doc.title, str) and doc.text.encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.binary(max_size=4096), source=st.sampled_from(NAMES),
       content_type=st.sampled_from(CONTENT_TYPES), charset=st.sampled_from(CHARSETS + [None]))
def test_any_bytes_under_any_name(data, source, content_type, charset):
    check(data, source, content_type=content_type, charset=charset)


_MEMBERS = ["word/document.xml", "mimetype", "content.xml", "META-INF/manifest.xml", "[Content_Types].xml",
            "_rels/.rels", "word/_rels/document.xml.rels", "docProps/core.xml", "meta.xml", "styles.xml",
            "xl/workbook.xml", "Pictures/a.png"]
_XMLISH = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([b"", b"<x/>", b"<?xml version='1.0'?>", b"application/vnd.oasis.opendocument.text",
                     b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", b"<w:document/>", b"\xff\xfe<\x00",
                     hostile.docx_paragraphs(["A sentence of text."])[:200]]),
    st.builds(lambda parts: b"".join(parts), st.lists(st.sampled_from(
        [b"<w:p>", b"</w:p>", b"<w:t>", b"</w:t>", b"text ", b"<office:text>", b"<text:p>", b"</text:p>",
         b"&amp;", b"&nope;", b"<![CDATA[x]]>", b"<", b">"]), max_size=40)),
)


@FUZZ
@given(members=st.lists(st.tuples(st.sampled_from(_MEMBERS), _XMLISH), max_size=6),
       source=st.sampled_from(["a.docx", "a.odt", "a.zip", "a.txt"]), compress=st.booleans())
def test_zip_archives_with_chosen_members(members, source, compress):
    buf = io.BytesIO()
    with warnings.catch_warnings():  # a name twice is part of the game ("Duplicate name")
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as archive:
            for name, content in members:
                archive.writestr(name, content)
    check(buf.getvalue(), source)


@FUZZ
@given(charset=st.one_of(st.sampled_from(CHARSETS), st.text(max_size=20)),
       body=st.text(max_size=400), title=st.text(max_size=80), header=st.sampled_from(CHARSETS + [None]))
def test_html_pages_with_declared_charsets(charset, body, title, header):
    page = (f'<html><head><meta charset="{charset}"><title>{title}</title></head>'
            f"<body><article><p>{body}</p><p>{hostile.ARTICLE}</p></article></body></html>")
    check(page.encode("utf-8", "surrogatepass"), "page.html", charset=header)


@FUZZ
@given(codepage=st.integers(min_value=-10, max_value=10**12), body=st.binary(max_size=300))
def test_rtf_with_any_code_page(codepage, body):
    check(b"{\\rtf1\\ansi\\ansicpg" + str(codepage).encode() + b" " + body + b" Some text.}", "a.rtf")


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory, make):
    path, _ = make.pdf(tmp_path_factory.mktemp("pdf") / "a.pdf", [hostile.ARTICLE, "Talks go on."])
    return path.read_bytes()


@FUZZ
@given(cuts=st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), max_size=4), truncate=st.floats(0.05, 1))
def test_damaged_pdfs(small_pdf, cuts, truncate):
    data = bytearray(small_pdf)
    for where, junk in cuts:
        at = int(where * (len(data) - 1))
        data[at:at + len(junk)] = junk
    check(bytes(data[: max(8, int(len(data) * truncate))]), "a.pdf")


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                     lambda children: st.lists(children, max_size=4) | st.dictionaries(
                         st.sampled_from(["articles", "file", "title", "outlet", "published", "language"]),
                         children, max_size=4), max_leaves=20)


@FUZZ
@given(content=_JSON)
def test_any_sidecar_manifest_leaves_the_article_loadable(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("side")
    (folder / "manifest.json").write_text(json.dumps(content), encoding="utf-8")
    article = hostile.write(folder / "a.txt", hostile.ARTICLE)
    doc = load(str(article))
    assert doc.text.startswith("Witkoff") and isinstance(doc.title, str)
    assert all(isinstance(v, str) for k, v in doc.meta.items() if k in ("outlet", "published", "author"))
