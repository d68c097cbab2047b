"""Fuzzing the command line (hypothesis): any command of the real click tree with any of its
options and careless or hostile values ends with status 0, or 2 and exactly one line on
standard error; never an exception. The grammar is read from the commands themselves, so a new
option is fuzzed the day it is added.

``gui`` and ``matrix`` open a window and are left to ``tests/hostile_battery.py``, which runs
them in their own processes; ``scan`` starts a Dask cluster and has tests of its own.
"""
from __future__ import annotations

import os
import shutil

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

import hostile_inputs as hostile
from synopsis.cli import main

DEEP = int(os.environ.get("SYNOPSIS_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=DEEP or 80, deadline=None, derandomize=not DEEP,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SEPARATE = {"gui", "matrix", "scan"}


def commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if not prefix and name in SEPARATE:
            continue
        if isinstance(command, click.Group):
            yield from commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


COMMANDS = list(commands(main))


@pytest.fixture(scope="module")
def playground(tmp_path_factory, seed_pair):
    """Files the values point at: two articles, a hostile one, a folder, a library with c1."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copy(seed_pair[0], root / "a.txt")
    shutil.copy(seed_pair[1], root / "b.txt")
    hostile.write(root / "evil.txt", hostile.terminal_attack())
    hostile.write(root / "bomb.docx", hostile.docx_bomb(300 * hostile.MiB))
    hostile.write(root / "deep.json", hostile.deep_json())
    (root / "folder").mkdir()
    for name, target in (("null", "/dev/null"), ("full", "/dev/full"), ("stdout", "/proc/self/fd/1")):
        (root / name).symlink_to(target)  # devices through links: a regression replaces a link, not /dev
    db = root / "lib.db"
    runner = CliRunner()
    assert runner.invoke(main, ["library", "add", str(root / "a.txt"), str(root / "b.txt"), "--db", str(db)]).exit_code == 0
    assert runner.invoke(main, ["library", "compare", "d1", "d2", "--db", str(db)]).exit_code == 0
    return root


HOSTILE = ["d0", "d" + "9" * 25, "d²", "d١", "c-1", "0", "-1", str(2**63), str(2**64), "inf", "nan", "-inf",
           "1e400", "", " ", "x" * 3000, "http://[::1/x", "http://127.0.0.1:99999/", "ftp://x/y", "-",
           "null", "full", "stdout", "/dev/zero", "\x1b]0;t\x07", "a" * 5 + " b" * 40]


def _files(root) -> list[str]:
    return [str(root / n) for n in ("a.txt", "b.txt", "evil.txt", "bomb.docx", "deep.json", "folder", "lib.db",
                                    "missing.txt")]


def _plausible(root, name: str, param: click.Parameter):
    """Values a user would type for this parameter (most runs then get past the parser)."""
    kind = param.type
    if isinstance(kind, click.Choice):
        return st.sampled_from(list(kind.choices))
    if name == "max_bytes":
        return st.sampled_from(["20000000", "100000", "5000"])
    if name == "timeout":
        return st.sampled_from(["5", "0.5", "600"])
    if isinstance(kind, click.types.IntRange) or kind is click.INT:
        return st.integers(min_value=-3, max_value=60).map(str)
    if isinstance(kind, click.types.FloatRange) or kind is click.FLOAT:
        return st.floats(min_value=0, max_value=1.5).map(lambda f: f"{f:.2f}")
    if name in ("output", "screenshot"):
        return st.sampled_from([str(root / n) for n in ("out.json", "out.csv", "out.html", "out.md", "out.txt",
                                                        "out", "a.txt", "lib.db", "folder/x.json", "no/x.json")])
    if name == "sources":
        return st.sampled_from([str(root / n) for n in ("a.txt", "b.txt", "evil.txt")] * 4
                               + _files(root) + ["d1", "d2", "c1"])
    if name in ("manifest", "db_path"):
        return st.sampled_from([str(root / "lib.db")] * 4 + _files(root))
    if name in ("item_id", "id_a", "id_b", "items"):
        return st.sampled_from(["d1", "d2", "c1", "c2", "d3", "1", "x9"])
    if name in ("query",):
        return st.sampled_from(["Kremlin", '"five hours"', "Putin Witkoff", "Krem", "zz", "the"])
    return st.sampled_from(["Witkoff talks", "Case 1", "1", "note text", "json", "csv", "text"])


def value_for(root, name: str, param: click.Parameter):
    return st.one_of(_plausible(root, name, param), _plausible(root, name, param),
                     _plausible(root, name, param), st.sampled_from(HOSTILE), st.text(max_size=12))


@st.composite
def command_lines(draw, root):
    path, command = draw(st.sampled_from(COMMANDS))
    args = list(path)
    for param in command.params:
        value = value_for(root, param.name, param)
        if isinstance(param, click.Argument):
            count = draw(st.integers(1, 3)) if param.nargs == -1 else param.nargs
            args += [draw(value) for _ in range(count)]
        elif isinstance(param, click.Option) and (param.required or not draw(st.integers(0, 2))) \
                and "--help" not in param.opts:
            name = draw(st.sampled_from(param.opts))
            args += [name] if param.is_flag else [name, draw(value)]
    if not draw(st.integers(0, 7)):  # a careless extra now and then
        args.append(draw(st.sampled_from(["--foo", "-x", "extra", "--limit"])))
    if path[0] == "library" and "--db" not in args:
        args += ["--db", str(root / "lib.db")]
    return args


def _prints_text(args: list[str]) -> bool:
    """Whether the command prints its text summary (not a file format) on standard output."""
    if "-o" in args or "--output" in args:
        return False
    fmt = args[args.index("--format") + 1] if "--format" in args[:-1] else "text"
    return fmt == "text"


@FUZZ
@given(data=st.data())
def test_any_command_line_ends_in_one_line_or_success(playground, data, monkeypatch):
    monkeypatch.chdir(playground)
    args = data.draw(command_lines(playground))
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    assert result.exit_code in (0, 2), (args, result.exit_code, result.output[-500:])
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("synopsis: "), (args, result.stderr[-1000:])
    if _prints_text(args):  # what is read on a terminal; file formats on a pipe stay verbatim
        assert "\x1b]" not in result.output and "\x07" not in result.output, args
    assert (playground / "a.txt").exists() and (playground / "lib.db").read_bytes().startswith(b"SQLite format 3")
    assert all((playground / name).is_symlink() for name in ("null", "full", "stdout")), args
