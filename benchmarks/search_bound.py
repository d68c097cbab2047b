"""What the search limit (32 words) guards against: FTS5 time as a query grows, on a library of
10,000 articles, with the most common words (the worst case: long lists of matches per word).

    .venv/bin/python benchmarks/library_bench.py --articles 10000 --keep /tmp/lib10k
    .venv/bin/python benchmarks/search_bound.py --db /tmp/lib10k/library.db

The query is sent as the library would send it, but straight to SQLite, so the sizes past the
limit can be timed too. Writes ``benchmarks/results/search_bound.md``.
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))

from synopsis.library.search import MAX_QUERY_WORDS  # noqa: E402

SQL = ("SELECT d.id, snippet(documents_fts, -1, '[', ']', '…', 12) FROM documents_fts JOIN documents d "
       "ON d.id = documents_fts.rowid WHERE documents_fts MATCH ? ORDER BY documents_fts.rank LIMIT 20")
SIZES = (1, 4, 8, 16, MAX_QUERY_WORDS, 128, 512, 2000, 20_000)


def common_words(conn: sqlite3.Connection, count: int) -> list[str]:
    counter: collections.Counter[str] = collections.Counter()
    for (text,) in conn.execute("SELECT text FROM documents LIMIT 500"):
        counter.update(word.lower() for word in re.findall(r"\w+", text))
    words = [w for w, _ in counter.most_common()]
    return (words * (count // max(1, len(words)) + 1))[:count]


def timed(conn: sqlite3.Connection, words: list[str], repeats: int) -> float:
    match = " ".join(f'"{w}"' for w in words)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        conn.execute(SQL, (match,)).fetchall()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    conn = sqlite3.connect(f"file:{options.db}?mode=ro", uri=True)
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    words = common_words(conn, max(SIZES))
    rows = []
    for size in SIZES:
        repeats = 1 if size > 2000 else options.repeats
        seconds = timed(conn, words[:size], repeats)
        rows.append(f"| {size:,} | {seconds * 1000:,.1f} ms | {'allowed' if size <= MAX_QUERY_WORDS else 'refused'} |")
        print(rows[-1])
    load = os.getloadavg()[0]
    out = ROOT / "benchmarks" / "results" / "search_bound.md"
    out.write_text(f"""# Search length bound

Command: `.venv/bin/python benchmarks/search_bound.py --db {options.db}` (library made by
`benchmarks/library_bench.py --articles 10000 --keep {options.db.parent}`: {documents:,} documents).
Median of {options.repeats} runs (one run past 2,000 words); load average {load:.1f} at the end
(the cores were shared, so the times are inflated alike).

The most common words of the library, quoted as the app quotes them, all required (AND):

| words | time | |
|---|---|---|
{chr(10).join(rows)}

Past {MAX_QUERY_WORDS} words a search is refused with one line (`synopsis.library.search`); the
naive baseline is no bound at all (the 20,000-word row).
""", encoding="utf-8")


if __name__ == "__main__":
    main()
