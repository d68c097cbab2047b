"""Every third-party module the package imports is a declared dependency (an install that
resolves only what is declared must run; an optional feature's modules may rely on its extra),
and what the HTML reader needs through trafilatura (lxml_html_clean, which older pip resolvers
drop from ``lxml[html_clean]``) is declared too."""
from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop" / "synopsis"


# Modules under these folders belong to an optional feature and may import its extra's packages.
EXTRAS = {"scan": ("desktop/synopsis/scan/", "desktop/synopsis/cli/scan", "desktop/synopsis/gui/scan/")}


def declared(extra: str | None = None) -> set[str]:
    """Distribution names in ``dependencies`` (plus ``extra``'s optional ones)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"]) + (project["optional-dependencies"][extra] if extra else [])
    return {_norm(re.split(r"[\s<>=!~;\[]", spec, maxsplit=1)[0]) for spec in specs}


def extra_of(where: str) -> str | None:
    return next((name for name, folders in EXTRAS.items() if where.startswith(folders)), None)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_top_level() -> dict[str, list[str]]:
    """Top-level module names imported anywhere in the package → the files importing them."""
    found: dict[str, list[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], []).append(str(path.relative_to(ROOT)))
    return found


def test_every_imported_distribution_is_declared():
    distributions = importlib.metadata.packages_distributions()
    missing = []
    for module, files in sorted(imported_top_level().items()):
        if module in sys.stdlib_module_names or module in ("synopsis", "__future__"):
            continue
        owners = {_norm(d) for d in distributions.get(module, [])}
        assert owners, f"{module} (imported in {files[0]}) is not installed at all"
        for where in files:  # declared for every file that imports it (core code: no extra)
            if not owners & declared(extra_of(where)):
                missing.append(f"{module} ({where}) from {sorted(owners)}")
                break
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)


def test_what_html_reading_needs_at_run_time_is_declared():
    assert {"lxml", "lxml-html-clean", "trafilatura"} <= declared()
