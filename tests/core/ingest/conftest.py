"""Builders for real files of each format (made here, by the libraries fact-checkers' tools use)
and a local HTTP server on 127.0.0.1 that serves canned answers; nothing touches the internet."""
from __future__ import annotations

import html
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

CHROME = ("COOKIE_BANNER", "NAV_MENU", "RELATED_LINK", "SCRIPT_CODE", "FOOTER_TEXT", "AD_SLOT",
          "We use cookies", "Most read")


def seed_paragraphs(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(" ".join(a.split()), " ".join(b.split()))


def article_page(paragraphs: list[str], title: str, *, outlet: str = "BBC News",
                 author: str | None = "Hafsa Khalil", published: str | None = "2025-12-03T18:20:00Z",
                 charset: str = "utf-8") -> str:
    """A saved news page: the article inside the chrome real pages carry."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    meta = [f'<meta property="og:site_name" content="{html.escape(outlet)}">',
            f'<meta property="og:title" content="{html.escape(title)}">']
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    related = "".join(f'<li><a href="/news/{i}">RELATED_LINK story number {i} about the war in Europe</a></li>'
                      for i in range(6))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{html.escape(title)} - {html.escape(outlet)}</title>
{chr(10).join(meta)}
<script>window.dataLayer = []; function track() {{ console.log("SCRIPT_CODE"); }}</script>
<style>.nav {{ color: #333 }} .cookie {{ position: fixed }}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to give you the best online experience.
COOKIE_BANNER Please let us know if you agree to all of these cookies.</p><button>Yes, I agree</button></div>
<header><nav class="nav" aria-label="main"><ul>
<li><a href="/">Home</a></li><li><a href="/news">NAV_MENU News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/iplayer">iPlayer</a></li></ul></nav></header>
<div class="ad" id="ad-top">AD_SLOT Advertisement</div>
<main id="main-content"><article>
<h1>{html.escape(title)}</h1>
<div class="byline"><time datetime="2025-12-03">3 December 2025</time></div>
{body}
</article>
<aside class="related-links"><h2>Most read</h2><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>Copyright 2025 BBC. FOOTER_TEXT The BBC is not responsible for the content
of external sites.</p><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
<script async src="/analytics.js"></script><script>track("SCRIPT_CODE");</script>
</body></html>
"""


def make_docx(path: Path, paragraphs: list[str], *, title: str | None = None,
              table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def make_odt(path: Path, paragraphs: list[str], *, heading: str | None = None) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for p in paragraphs:
        document.text.addElement(P(text=p))
    document.save(str(path))
    return path


def _pdf_style():
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    style = getSampleStyleSheet()["Normal"]
    # curly quotes and dashes need a Unicode font; DejaVu ships with reportlab's Debian deps,
    # else reportlab's own Vera (Latin only: the text is then checked against what it can show)
    for candidate in (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),):
        if candidate.exists():
            if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("DejaVu", str(candidate)))
            style.fontName = "DejaVu"
            return style, True
    return style, False


def make_pdf(path: Path, paragraphs: list[str], *, title: str | None = None, encrypt: str | None = None,
             blank: bool = False) -> tuple[Path, list[str]]:
    """Write a PDF; returns it and the paragraphs as they can be shown in its font."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    style, unicode_font = _pdf_style()
    if not unicode_font:
        table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "€": "EUR"})
        paragraphs = [p.translate(table) for p in paragraphs]
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=title or "", author="Synopsis tests",
                            encrypt=encrypt)
    flow = [PageBreak()] if blank else []
    for p in ([] if blank else paragraphs):
        flow += [Paragraph(escape(p), style), Spacer(1, 8)]
    if blank:
        flow.append(Spacer(1, 8))
    doc.build(flow)
    return path, paragraphs


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, headers, body, delay = route
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            for key, value in headers.items():
                if value is not None:  # None: leave the header out (a body streamed until close)
                    self.send_header(key, value)
            if "Content-Length" not in headers and body is not None:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def http_server(monkeypatch):
    """Serve canned routes on 127.0.0.1: ``server.add(path, body, status=, headers=, delay=)``."""
    for name in ("no_proxy", "NO_PROXY"):  # a proxy set in the environment must not catch 127.0.0.1
        monkeypatch.setenv(name, "127.0.0.1,localhost")
    handler = type("Handler", (_Handler,), {"routes": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    class Server:
        base = f"http://127.0.0.1:{server.server_address[1]}"

        @staticmethod
        def add(path: str, body: bytes | None, *, status: int = 200, content_type: str | None = "text/html; charset=utf-8",
                headers: dict | None = None, delay: float = 0.0) -> str:
            all_headers = dict(headers or {})
            if content_type:
                all_headers.setdefault("Content-Type", content_type)
            handler.routes[path] = (status, all_headers, body, delay)
            return Server.base + path

    yield Server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def make():
    """The builders above, for tests: ``make.page``, ``make.docx``, ``make.odt``, ``make.pdf`` …"""
    from types import SimpleNamespace

    return SimpleNamespace(page=article_page, docx=make_docx, odt=make_odt, pdf=make_pdf,
                           paragraphs=seed_paragraphs, similarity=similarity, chrome=CHROME)
