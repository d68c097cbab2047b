"""What every corpus reader shares: the partition a worker reads, the article it makes, the
columns it looks for, and the one-line error for input that cannot be read."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.errors import SynopsisError

TEXT_COLUMNS = ("text", "content", "body", "article")
FIELD_ALIASES = {"id": ("id", "doc_id", "article_id", "key"), "title": ("title", "headline"),
                 "outlet": ("outlet", "publisher", "source", "site"),
                 "date": ("date", "published", "pubdate", "publication_date", "time"),
                 "url": ("url", "link", "final_url")}
FIELDS = ("id", "title", "outlet", "date", "url")
BYTES_PER_BLOCK = 8 * 1024 * 1024


class InputError(SynopsisError):
    """The corpus cannot be read: one line naming the input and the problem."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")


@dataclass(frozen=True)
class Partition:
    """One worker's share of the corpus: ``kind`` with what it needs to find its rows."""

    number: int
    kind: str                     # files | jsonl | parquet | rows | library | url
    source: str
    start: int = 0
    end: int = 0
    items: tuple = field(default=())


@dataclass
class Article:
    """An article as read: its text and what is known of it (strings, possibly empty)."""

    text: str
    id: str
    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""


def columns_of(names: list[str], source: str) -> dict[str, str]:
    lower = {n.lower(): n for n in names}
    text = next((lower[c] for c in TEXT_COLUMNS if c in lower), None)
    if text is None:
        raise InputError(source, f"has no text column (looked for {', '.join(TEXT_COLUMNS)})")
    out = {"text": text}
    for name, aliases in FIELD_ALIASES.items():
        found = next((lower[a] for a in aliases if a in lower), None)
        if found is not None:
            out[name] = found
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN from a table reader
        return ""
    return str(value)


def row_article(row: dict, columns: dict[str, str], fallback_id: str) -> tuple:
    values = [_text(row.get(columns["text"]))]
    for name in FIELDS:
        values.append(_text(row.get(columns[name])) if name in columns else "")
    if not values[1]:
        values[1] = fallback_id
    if not values[2]:
        values[2] = first_line(values[0])
    return tuple(values)


def first_line(text: str) -> str:
    """A title for an article that has none: its first line of some length."""
    for line in text.splitlines():
        line = line.strip()
        if len(line) > 3:
            return line[:120]
    return ""
