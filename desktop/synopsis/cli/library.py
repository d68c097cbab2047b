"""``synopsis library …``: store, find and reopen documents and comparisons.

Ids are written ``d12`` for a document and ``c3`` for a comparison (a bare number means a
document where either could be meant). Every command takes ``--db PATH`` (default: the
``SYNOPSIS_LIBRARY`` variable, else the platform's user-data folder).
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from .. import runtime
from ..core import Settings, SynopsisError
from ..core.ingest import load
from ..library import Library
from ..library.paths import default_path
from .errors import fail
from .options import settings_options

DB_HELP = "Library file (default: $SYNOPSIS_LIBRARY, else the user-data folder)."


def db_option(func):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help=DB_HELP)(func)


def open_library(db_path: Path | None, *, readonly: bool = False) -> Library:
    if db_path is None:     # ``synopsis library --db X list`` as well as ``synopsis library list --db X``
        db_path = click.get_current_context().meta.get("synopsis.library.db")
    try:
        return Library.open(default_path(db_path), readonly=readonly)
    except SynopsisError as exc:
        fail(str(exc))
        raise AssertionError  # unreachable


def parse_id(text: str, default: str = "document") -> tuple[str, int]:
    """``"d12"`` → ("document", 12); ``"c3"`` → ("comparison", 3); ``"12"`` → (default, 12)."""
    t = text.strip().lower()
    kind = {"d": "document", "c": "comparison"}.get(t[:1], default)
    number = t[1:] if t[:1] in ("d", "c") else t
    if not number.isdigit():
        fail(f"{text!r} is not an id like d12 (document) or c3 (comparison)")
    return kind, int(number)


def _run(func, *args, **kwargs):
    """Call a library method, turning its errors into one line and exit status 2."""
    try:
        return func(*args, **kwargs)
    except (SynopsisError, ValueError) as exc:
        fail(str(exc))


def _doc_line(row: dict) -> str:
    extra = ", ".join(str(row[k]) for k in ("outlet", "published", "language") if row.get(k))
    return f"d{row['id']:<6} {row['title'][:70]}" + (f"  ({extra})" if extra else "")


@click.group("library")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help=DB_HELP)
@click.pass_context
def library(ctx: click.Context, db_path: Path | None) -> None:
    """Keep documents, comparisons, verdicts and cases in a local database.

    \b
    Example:
      synopsis library add seeds/*.txt && synopsis library list
      synopsis library --db cases.db list      (--db before or after the command)
    """
    ctx.meta["synopsis.library.db"] = db_path


@library.command("add")
@click.argument("sources", nargs=-1, required=True)
@click.option("--case", default=None, help="Also file the documents in this case (created if new).")
@db_option
def add(sources: tuple[str, ...], case: str | None, db_path: Path | None) -> None:
    """Load files (or URLs) and store them; the same content is stored once.

    \b
    Example:
      synopsis library add seeds/bbc-witkoff-putin-talks.txt --case "Witkoff talks"
    """
    docs = []
    for src in sources:
        try:
            docs.append(load(src))
        except SynopsisError as exc:
            fail(str(exc))
    with open_library(db_path) as lib:
        for doc in docs:
            known = lib.find_document(doc.sha256)
            doc_id = known if known is not None else _run(lib.add_document, doc)
            click.echo(f"d{doc_id}\t{doc.title}" + ("\t(already stored)" if known is not None else ""))
        if case:
            ids = [lib.find_document(d.sha256) for d in docs]
            _run(lib.add_to_case, case, documents=ids)


@library.command("list")
@click.option("--comparisons", is_flag=True, help="List comparisons instead of documents.")
@click.option("--recent", is_flag=True, help="Comparisons, most recently opened first.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@db_option
def list_(comparisons: bool, recent: bool, limit: int, offset: int, db_path: Path | None) -> None:
    """List stored documents (newest first), or comparisons.

    \b
    Examples:
      synopsis library list --limit 20
      synopsis library list --comparisons --recent
    """
    with open_library(db_path) as lib:
        if comparisons or recent:
            for row in _run(lib.list_comparisons, limit, offset, recent=recent):
                click.echo(f"c{row['id']:<6} {row['title'][:80]}  ({row['created'][:16]})")
        else:
            for row in _run(lib.list_documents, limit, offset):
                click.echo(_doc_line(row))


@library.command("search")
@click.argument("query")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@db_option
def search(query: str, limit: int, db_path: Path | None) -> None:
    """Full-text search over texts, titles and notes (the last word matches as a prefix).

    \b
    Examples:
      synopsis library search "Witkoff Kremlin"
      synopsis library search '"five hours"'
    """
    with open_library(db_path) as lib:
        hits = _run(lib.search, query, limit=limit)
        prefix = {"document": "d", "comparison": "c", "verdict": "c", "case": "case "}
        for hit in hits:
            click.echo(f"{prefix[hit['kind']]}{hit['id']}\t{hit['kind']}\t{hit['title'][:60]}\t"
                       f"{' '.join(hit['snippet'].split())}")
        if not hits:
            click.echo("no matches", err=True)


@library.command("show")
@click.argument("item_id", metavar="ID")
@click.option("--text", "with_text", is_flag=True, help="Print a document's whole text.")
@db_option
def show(item_id: str, with_text: bool, db_path: Path | None) -> None:
    """Show a document (d12) or a comparison (c3).

    \b
    Examples:
      synopsis library show d1 --text
      synopsis library show c1
    """
    kind, num = parse_id(item_id)
    with open_library(db_path) as lib:
        if kind == "document":
            info = _run(lib.document_info, num)
            for key in ("title", "source", "url", "outlet", "author", "published", "retrieved",
                        "language", "format", "sha256", "added", "note"):
                if info.get(key):
                    click.echo(f"{key}: {info[key]}")
            click.echo(f"characters: {len(info['text'])}")
            if with_text:
                click.echo("\n" + info["text"])
        else:
            from ..export.terminal import render_summary

            info = _run(lib.comparison_info, num)
            click.echo(f"c{num}: {info['title']}  (d{info['doc_a']} ↔ d{info['doc_b']}, "
                       f"created {info['created']}, engine {info['engine_version'] or '?'})")
            if info["note"]:
                click.echo(f"note: {info['note']}")
            click.echo(render_summary(_run(lib.get_comparison, num)))
            for key, v in _run(lib.verdicts, num).items():
                click.echo(f"verdict {key}: {v['verdict']}" + (f" — {v['note']}" if v["note"] else ""))


@library.command("remove")
@click.argument("item_id", metavar="ID")
@db_option
def remove(item_id: str, db_path: Path | None) -> None:
    """Remove a document (d12, refused while a comparison uses it) or a comparison (c3).

    \b
    Example:
      synopsis library remove c3
    """
    kind, num = parse_id(item_id)
    with open_library(db_path) as lib:
        _run(lib.remove_document if kind == "document" else lib.remove_comparison, num)
        click.echo(f"removed {kind[0]}{num}")


@library.command("compare")
@click.argument("id_a", metavar="ID_A")
@click.argument("id_b", metavar="ID_B")
@click.option("--case", default=None, help="File the comparison in this case (created if new).")
@settings_options
@db_option
def compare(id_a: str, id_b: str, case: str | None, settings: Settings, db_path: Path | None) -> None:
    """Compare two stored documents and store the comparison; prints its id and summary.

    \b
    Example:
      synopsis library compare d1 d2 --case "Witkoff talks"
    """
    from ..export.terminal import render_summary

    (ka, a), (kb, b) = parse_id(id_a), parse_id(id_b)
    if ka != "document" or kb != "document":
        fail("compare takes two document ids (d12)")
    with open_library(db_path) as lib:
        _run(lib.require_writable)
        doc_a, doc_b = _run(lib.get_document, a), _run(lib.get_document, b)
        report = _run(runtime.compare, doc_a, doc_b, settings)
        cid = _run(lib.save_comparison, report, case)
        click.echo(f"c{cid}")
        click.echo(render_summary(report))


@library.command("export")
@click.argument("item_id", metavar="ID")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write; the format follows the extension unless --format is given.")
@click.option("--format", "fmt", default=None, help="Report format: json, text, … (see synopsis compare).")
@db_option
def export(item_id: str, output: Path, fmt: str | None, db_path: Path | None) -> None:
    """Export a stored comparison (with corrections and verdicts) as a report file.

    \b
    Example:
      synopsis library export c1 -o witkoff.json
    """
    from .. import export as export_mod

    kind, num = parse_id(item_id, default="comparison")
    if kind != "comparison":
        fail("export takes a comparison id (c3)")
    try:
        fmt = export_mod.format_for(output, fmt)
    except ValueError as exc:
        fail(str(exc))
    with open_library(db_path) as lib:
        report = _run(lib.get_comparison, num)
        verdicts = _run(lib.verdicts, num)
    try:
        export_mod.write_report(report, output, fmt, annotations={"verdicts": verdicts})
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")
    click.echo(f"wrote {output} ({fmt})", err=True)


@library.group("cases")
def cases() -> None:
    """Named folders of documents and comparisons, each with a note.

    \b
    Example:
      synopsis library cases new "Witkoff talks" --note "BBC vs translated rewrite"
    """


@cases.command("new")
@click.argument("name")
@click.option("--note", default="", help="What the case is about.")
@db_option
def cases_new(name: str, note: str, db_path: Path | None) -> None:
    """Create a case.

    \b
    Example:
      synopsis library cases new "Witkoff talks" --note "check the figures"
    """
    with open_library(db_path) as lib:
        click.echo(f"case {_run(lib.create_case, name, note)}\t{name}")


@cases.command("list")
@db_option
def cases_list(db_path: Path | None) -> None:
    """List cases with how many documents and comparisons each holds.

    \b
    Example:
      synopsis library cases list
    """
    with open_library(db_path) as lib:
        for row in _run(lib.list_cases):
            click.echo(f"case {row['id']}\t{row['name']}\t{row['documents']} documents, "
                       f"{row['comparisons']} comparisons")


@cases.command("add")
@click.argument("case")
@click.argument("items", nargs=-1, required=True, metavar="ID…")
@db_option
def cases_add(case: str, items: tuple[str, ...], db_path: Path | None) -> None:
    """File documents (d12) and comparisons (c3) in a case (by name or number).

    \b
    Example:
      synopsis library cases add "Witkoff talks" d1 d2 c1
    """
    parsed = [parse_id(i) for i in items]
    with open_library(db_path) as lib:
        case_id = _run(lib.add_to_case, case, documents=[n for k, n in parsed if k == "document"],
                       comparisons=[n for k, n in parsed if k == "comparison"])
        click.echo(f"case {case_id}: added {len(parsed)}")


@cases.command("show")
@click.argument("case")
@click.option("--json", "as_json", is_flag=True, help="Print the case as JSON.")
@db_option
def cases_show(case: str, as_json: bool, db_path: Path | None) -> None:
    """Show a case's note, documents and comparisons.

    \b
    Example:
      synopsis library cases show "Witkoff talks"
    """
    with open_library(db_path) as lib:
        info = _run(lib.get_case, case)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(f"case {info['id']}: {info['name']}")
    if info["note"]:
        click.echo(f"note: {info['note']}")
    for row in info["documents"]:
        click.echo(_doc_line(row))
    for row in info["comparisons"]:
        click.echo(f"c{row['id']:<6} {row['title'][:80]}")
