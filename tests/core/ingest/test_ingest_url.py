"""Fetching by URL from a local server (127.0.0.1 only): provenance, limits, every failure."""
from __future__ import annotations

import hashlib
import json
import re
import socket

import pytest
from click.testing import CliRunner

from synopsis.cli import main
from synopsis.core import LoadError
from synopsis.core.ingest import load

TITLE = "Witkoff to meet Umerov in Miami after Putin talks"


@pytest.fixture(scope="module")
def page_bytes(seed_pair, make):
    return make.page(make.paragraphs(seed_pair[0]), TITLE).encode("utf-8")


def test_html_page_with_provenance(http_server, page_bytes, seed_pair, make):
    url = http_server.add("/news/page.html", page_bytes)
    doc = load(url)
    assert doc.format == "html" and doc.source == url
    assert doc.text.splitlines() == make.paragraphs(seed_pair[0])
    assert doc.sha256 == hashlib.sha256(page_bytes).hexdigest()
    assert doc.meta["url"] == url and doc.meta["final_url"] == url and doc.meta["http_status"] == 200
    assert doc.meta["outlet"] == "BBC News" and doc.retrieved and doc.retrieved[:2] == "20"


def test_redirect_is_followed_and_recorded(http_server, page_bytes):
    target = http_server.add("/final.html", page_bytes)
    start = http_server.add("/short", b"", status=301, headers={"Location": "/final.html"})
    doc = load(start)
    assert doc.meta["url"] == start and doc.meta["final_url"] == target


def test_too_many_redirects(http_server):
    for i in range(8):
        http_server.add(f"/r{i}", b"", status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(LoadError, match="redirect"):
        load(http_server.base + "/r0")


@pytest.mark.parametrize("content_type,body,kind", [
    ("text/plain; charset=windows-1251", "Путин встретился с Уиткоффом в Кремле.\n".encode("cp1251"), "text"),
    ("application/pdf", None, "pdf"),
    ("application/octet-stream", None, "pdf"),  # a mislabelled PDF is still a PDF
])
def test_content_type_dispatch(http_server, tmp_path, make, content_type, body, kind):
    if body is None:
        path, _ = make.pdf(tmp_path / "a.pdf", ["Witkoff met Putin in Moscow on Tuesday.", "No compromise was reached."])
        body = path.read_bytes()
    doc = load(http_server.add("/doc", body, content_type=content_type))
    assert doc.format == kind
    assert "Путин" in doc.text if kind == "text" else doc.text.splitlines()[1] == "No compromise was reached."


@pytest.mark.parametrize("setup,reason", [
    (lambda s: s.base + "/missing", "HTTP 404"),
    (lambda s: s.add("/img", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, content_type="image/png"), "content type image/png"),
    (lambda s: s.add("/big", b"x" * 5000, content_type="text/plain"), "limit"),
    (lambda s: s.add("/stream", b"y " * 5000, content_type="text/plain", headers={"Content-Length": None}),
     "passed the limit of 1,000 bytes"),
    (lambda s: s.add("/slow", b"<p>late</p>", delay=2.0), "timed out after 0.5 s"),
    (lambda s: s.add("/empty", b"", content_type="text/html"), "empty"),
    (lambda s: s.add("/err", b"oops", status=500), "HTTP 500"),
])
def test_fetch_failures_are_one_line(http_server, setup, reason):
    url = setup(http_server)
    with pytest.raises(LoadError) as err:
        load(url, max_bytes=1000, timeout=0.5)
    message = str(err.value)
    assert url in message and "\n" not in message
    assert re.search(reason, message), message


def test_refused_and_unsupported_scheme():
    with socket.socket() as sock:  # a port nobody listens on: bind, then close
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(LoadError, match="connection refused"):
        load(f"http://127.0.0.1:{port}/x.html", timeout=2)
    with pytest.raises(LoadError, match="only http"):
        load("ftp://127.0.0.1/file.txt")


def test_cli_compare_url_against_file(http_server, page_bytes, seed_pair, tmp_path):
    url = http_server.add("/page.html", page_bytes)
    runner = CliRunner()
    by_url = runner.invoke(main, ["compare", url, str(seed_pair[1]), "--format", "json"])
    assert by_url.exit_code == 0, by_url.output

    report = json.loads(by_url.output)
    doc = report["documents"][0]
    assert doc["format"] == "html" and doc["meta"]["final_url"] == url and doc["retrieved"]
    by_file = json.loads(runner.invoke(main, ["compare", str(seed_pair[0]), str(seed_pair[1]),
                                              "--format", "json"]).output)
    assert [(l["a"], l["b"], l["label"]) for l in report["links"]] == \
           [(l["a"], l["b"], l["label"]) for l in by_file["links"]]


def test_cli_url_error_is_one_line_exit_2(http_server, seed_pair):
    result = CliRunner().invoke(main, ["compare", http_server.base + "/gone.html", str(seed_pair[1])])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "HTTP 404" in lines[0] and "Traceback" not in result.output
