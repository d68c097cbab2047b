"""Hand-built reports for the export tests: text that tries to break out of HTML, Markdown, CSV."""
from __future__ import annotations

import hashlib

from synopsis.core import Document, Segment, Span

HOSTILE_A = [
    "Officials said 5 people died on Monday.",
    "<script>document.title='PWNED'</script> was found in the page.",
    "An image <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> appeared.",
    "Style break </style><b>bold</b> & more &amp; entities.",
    "Visit https://evil.example/x.js for *more* _info_ [link](http://x.example) # now.",
    "1. Only in A, this sentence stands alone.",
]
HOSTILE_B = [
    "Officials said 7 people died on Monday.",
    "Style break </style><b>bold</b> & more &amp; entities.",
    "<script>document.title='PWNED'</script> was found in the page.",
    "- Only in B, a new claim | with a pipe.",
    "An image <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> appeared.",
    "=HYPERLINK(\"http://x.example\",\"click\")",
]


def make_document(sentences: list[str], name: str) -> Document:
    text, segments = "", []
    for i, sentence in enumerate(sentences):
        if text:
            text += " "
        segments.append(Segment(id=i, start=len(text), end=len(text) + len(sentence), paragraph=i // 2))
        text += sentence
    return Document(text=text, title=f"{name} <i>title</i>", source=f"https://news.example/{name}?a=1&b=2",
                    sha256=hashlib.sha256(text.encode()).hexdigest(), language="en",
                    retrieved="2025-12-03T10:00:00+00:00", meta={"outlet": "Example & Co"},
                    segments=segments)


def span_of(doc: Document, seg: int, word: str) -> Span:
    start = doc.text.index(word, doc.segments[seg].start)
    return Span(start, start + len(word))


