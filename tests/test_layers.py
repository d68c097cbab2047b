"""The package's shape, checked: the layers (import-linter contracts in pyproject.toml), no
import cycle, package data that exists, and modules and functions of a size a reader can hold."""
from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

import synopsis

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(synopsis.__file__).parent
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
# Parts not yet brought within the sizes (none now); a part listed here is skipped.
KNOWN_LARGE: tuple[str, ...] = ()


def test_the_import_contracts_are_kept():
    """core < library, export, runtime < cli, gui; no Qt below the faces (see pyproject.toml)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    kinds = {c["type"] for c in config["tool"]["importlinter"]["contracts"]}
    assert {"layers", "forbidden"} <= kinds
    # (the report of a broken contract is printed, and shown by pytest)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.find_modules_directly_imported_by(v)):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return out


def test_no_import_cycle():
    """No module imports itself through others, even inside a function (type-only imports aside)."""
    graph = grimp.build_graph("synopsis", exclude_type_checking_imports=True, cache_dir=None)
    assert len(graph.modules) > 50
    assert _cycles(graph) == []


def test_package_data_exists_and_holds_the_icon():
    """Every package-data pattern in pyproject.toml matches files, the app icon among them."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["synopsis"]
    matched = {p: sorted(PACKAGE.glob(p)) for p in patterns}
    assert all(matched.values()), {p: m for p, m in matched.items() if not m}
    assert PACKAGE / "resources" / "synopsis.svg" in [f for files in matched.values() for f in files]
    from synopsis.gui.app import icon_path
    assert icon_path() == PACKAGE / "resources" / "synopsis.svg"


def _sizes() -> tuple[list[str], list[str]]:
    long_modules, long_functions = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(KNOWN_LARGE):
            continue
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE_LINES:
            long_modules.append(f"{rel}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long_functions.append(f"{rel}:{node.lineno} {node.name}: {length} lines")
    return long_modules, long_functions


def test_modules_and_functions_stay_small():
    """No module over 500 lines, no function over 60."""
    long_modules, long_functions = _sizes()
    assert long_modules == []
    assert long_functions == []
