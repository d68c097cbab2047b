"""``synopsis library …``: store, find and reopen documents and comparisons.

Ids are written ``d12`` for a document and ``c3`` for a comparison (a bare number means a
document where either could be meant). Every command takes ``--db PATH`` (default: the
``SYNOPSIS_LIBRARY`` variable, else the platform's user-data folder).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import click

from .. import runtime
from ..core import Settings
from ..core.ingest import load
from ..library import MAX_ID, Library, LibraryError
from ..library.paths import default_path
from .destination import Destination
from .errors import CliError, note
from .options import settings_options, timeout_option
from .terminal import echo, visible, visible_json, visible_line

DB_HELP = "Library file (default: $SYNOPSIS_LIBRARY, else the user-data folder)."
ID = re.compile(r"([dc]?)([0-9]+)", re.ASCII)


def db_option(func):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help=DB_HELP)(func)


def open_library(db_path: Path | None) -> Library:
    """The library, read-write where the file allows it, read-only otherwise (a read-only file
    can still be listed, searched, shown and exported). ``synopsis library --db X list`` is read
    as well as ``synopsis library list --db X``."""
    if db_path is None:
        db_path = click.get_current_context().meta.get("synopsis.library.db")
    return Library.open(default_path(db_path))


def parse_id(text: str, default: str = "document") -> tuple[str, int]:
    """``"d12"`` → ("document", 12); ``"c3"`` → ("comparison", 3); ``"12"`` → (default, 12)."""
    match = ID.fullmatch(text.strip().lower())
    if not match:
        raise CliError(f"{text!r} is not an id like d12 (document) or c3 (comparison)")
    kind = {"d": "document", "c": "comparison"}.get(match.group(1), default)
    number = int(match.group(2))
    if number > MAX_ID:
        raise CliError(f"{text}: no such {kind} (ids go up to {MAX_ID})")
    return kind, number


def _doc_line(row: dict) -> str:
    extra = ", ".join(visible_line(row[k]) for k in ("outlet", "published", "language") if row.get(k))
    return f"d{row['id']:<6} {visible_line(row['title'])[:70]}" + (f"  ({extra})" if extra else "")


LIMIT = click.IntRange(1, MAX_ID)
OFFSET = click.IntRange(0, MAX_ID)


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
@timeout_option
@db_option
def add(sources: tuple[str, ...], case: str | None, timeout: float, db_path: Path | None) -> None:
    """Load files (or URLs) and store them; the same content is stored once.

    \b
    Example:
      synopsis library add seeds/bbc-witkoff-putin-talks.txt --case "Witkoff talks"
    """
    docs = [load(src, timeout=timeout) for src in sources]  # every source is read before anything is stored
    with open_library(db_path) as lib:
        saved = _store_all(lib, docs, sources)
        if case:
            try:
                lib.add_to_case(case, documents=saved)
            except LibraryError as exc:
                raise CliError(f"{exc}; the documents above were stored, but not filed in the case "
                               f"{case!r}") from None


def _store_all(lib: Library, docs: list, sources: tuple[str, ...]) -> list[int]:
    """Store each document in its own transaction, printing it; a failure says exactly which
    were stored and which were not."""
    lib.require_writable()
    saved: list[int] = []
    for n, doc in enumerate(docs):
        try:
            known = lib.find_document(doc.sha256)
            doc_id = known if known is not None else lib.add_document(doc)
        except LibraryError as exc:
            raise CliError(_partial_save(exc, saved, sources[n:])) from None
        saved.append(doc_id)
        echo(f"d{doc_id}\t{visible_line(doc.title)}" + ("\t(already stored)" if known is not None else ""))
    return saved


def _partial_save(exc: LibraryError, saved: list[int], not_saved: tuple[str, ...]) -> str:
    reason = exc.reason.split(";")[0]
    names = ", ".join(not_saved[:5]) + (f" and {len(not_saved) - 5} more" if len(not_saved) > 5 else "")
    if not saved:
        return f"{exc.path}: {reason}; no document was stored (not stored: {names})"
    ids = f"d{saved[0]}" if len(saved) == 1 else f"{', '.join(f'd{i}' for i in saved[:3])}" + (
        f" … d{saved[-1]}" if len(saved) > 3 else "")
    return (f"{exc.path}: {reason}; {len(saved)} of {len(saved) + len(not_saved)} documents were "
            f"stored ({ids}, listed above), {len(not_saved)} were not: {names}")


@library.command("list")
@click.option("--comparisons", is_flag=True, help="List comparisons instead of documents.")
@click.option("--recent", is_flag=True, help="Comparisons, most recently opened first.")
@click.option("--limit", type=LIMIT, default=50, show_default=True)
@click.option("--offset", type=OFFSET, default=0, show_default=True)
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
            for row in lib.list_comparisons(limit, offset, recent=recent):
                echo(f"c{row['id']:<6} {visible_line(row['title'])[:80]}  ({row['created'][:16]})")
        else:
            for row in lib.list_documents(limit, offset):
                echo(_doc_line(row))


@library.command("search")
@click.argument("query")
@click.option("--limit", type=LIMIT, default=20, show_default=True)
@db_option
def search(query: str, limit: int, db_path: Path | None) -> None:
    """Full-text search over texts, titles and notes (the last word matches as a prefix).

    \b
    Examples:
      synopsis library search "Witkoff Kremlin"
      synopsis library search '"five hours"'
    """
    with open_library(db_path) as lib:
        hits = lib.search(query, limit=limit)
        prefix = {"document": "d", "comparison": "c", "verdict": "c", "case": "case "}
        for hit in hits:
            echo(f"{prefix[hit['kind']]}{hit['id']}\t{hit['kind']}\t{visible_line(hit['title'])[:60]}\t"
                 f"{visible_line(hit['snippet'])}")
        if not hits:
            note("no matches")


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
            info = lib.document_info(num)
            for key in ("title", "source", "url", "outlet", "author", "published", "retrieved",
                        "language", "format", "sha256", "added", "note"):
                if info.get(key):
                    echo(f"{key}: {visible_line(info[key])}")
            echo(f"characters: {len(info['text'])}")
            if with_text:
                echo("\n" + visible(info["text"]))
        else:
            from ..export.terminal import render_summary

            info = lib.comparison_info(num)
            echo(f"c{num}: {visible_line(info['title'])}  (d{info['doc_a']} ↔ d{info['doc_b']}, "
                 f"created {info['created']}, engine {visible_line(info['engine_version'] or '?')})")
            if info["note"]:
                echo(f"note: {visible_line(info['note'])}")
            echo(render_summary(lib.get_comparison(num)))
            for key, v in lib.verdicts(num).items():
                echo(f"verdict {key}: {v['verdict']}" + (f" — {visible_line(v['note'])}" if v["note"] else ""))


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
        (lib.remove_document if kind == "document" else lib.remove_comparison)(num)
        echo(f"removed {kind[0]}{num}")


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
        raise CliError("compare takes two document ids (d12)")
    with open_library(db_path) as lib:
        lib.require_writable()
        doc_a, doc_b = lib.get_document(a), lib.get_document(b)
        stores = (lib.embedding_store(a), lib.embedding_store(b))
        report = runtime.compare(doc_a, doc_b, settings, embeddings=stores, settle=True)
        with runtime.collector_paused():
            cid = lib.save_comparison(report, case)
        echo(f"c{cid}")
        echo(render_summary(report))


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
        raise CliError("export takes a comparison id (c3)")
    try:
        fmt = export_mod.format_for(output, fmt)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    destination = Destination(output, db=db_path)
    destination.check()
    with open_library(db_path) as lib:
        report = lib.get_comparison(num)
        verdicts = lib.verdicts(num)
    destination.write(export_mod.render(report, fmt, annotations={"verdicts": verdicts}), fmt)


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
        echo(f"case {lib.create_case(name, note)}\t{visible_line(name)}")


@cases.command("list")
@db_option
def cases_list(db_path: Path | None) -> None:
    """List cases with how many documents and comparisons each holds.

    \b
    Example:
      synopsis library cases list
    """
    with open_library(db_path) as lib:
        for row in lib.list_cases():
            echo(f"case {row['id']}\t{visible_line(row['name'])}\t{row['documents']} documents, "
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
        case_id = lib.add_to_case(case, documents=[n for k, n in parsed if k == "document"],
                                  comparisons=[n for k, n in parsed if k == "comparison"])
        echo(f"case {case_id}: added {len(parsed)}")


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
        info = lib.get_case(case)
    if as_json:
        echo(visible_json(json.dumps(info, ensure_ascii=False, indent=2)))
        return
    echo(f"case {info['id']}: {visible_line(info['name'])}")
    if info["note"]:
        echo(f"note: {visible_line(info['note'])}")
    for row in info["documents"]:
        echo(_doc_line(row))
    for row in info["comparisons"]:
        echo(f"c{row['id']:<6} {visible_line(row['title'])[:80]}")
