"""The hostile-input battery: careless commands and hostile inputs, generated here, each run
as its own ``synopsis`` process, as a user (or an attacker) would.

Every case states what must happen: success, or exit status 2 with exactly one line on standard
error (naming the problem). The battery counts, per class of case:

- **tracebacks**: a Python traceback, or an exit status other than the expected one;
- **hangs**: a case still running after its time limit (it is killed);
- **data loss**: a file the case must not change (an input, the library, /dev/null, a FIFO, a
  symbolic link) whose bytes or kind changed;
- **other failures**: a message of more than one line, or without the expected words.

    .venv/bin/python tests/hostile_battery.py [--jobs 2] [--report FILE.md] [--only TEXT]

It exits with status 1 if any case failed. ``tests/test_hostile_battery.py`` runs it in the
suite. The cases are in ``tests/hostile_cases.py``, the input makers in ``tests/hostile_inputs.py``.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import platform
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent


@dataclass
class Case:
    klass: str
    name: str
    args: list
    # "ok" | "error" | "quiet" (exit 1, nothing on standard error: a reader went away) |
    # "closed-error" (exit 2 with standard error closed: nothing can be read back)
    expect: str = "error"
    fragment: str = ""  # words the error line must hold
    stdout: object = None  # None (captured), "full", "closed", or an open binary file
    stdin: object = None  # None (/dev/null) or bytes to feed, or "endless"
    stderr: str | None = None  # None (captured) or "closed"
    env: dict = field(default_factory=dict)
    keep: list = field(default_factory=list)  # paths that must come out byte-identical, same kind
    check: Callable[["Outcome"], str | None] | None = None  # extra check: a failure message or None
    limit: float = 60.0  # seconds before it counts as a hang
    wrap: Callable[[list], list] | None = None
    preexec: Callable[[], None] | None = None
    pass_fds: tuple = ()


@dataclass
class Outcome:
    case: Case
    code: int | None
    stdout: bytes
    stderr: str
    seconds: float
    max_rss_mb: float
    failures: list = field(default_factory=list)  # (kind, text)


def fingerprint(path: Path) -> tuple:
    """What must not change about ``path``: its kind, and its bytes (files), target (links) or
    device number (devices)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return ("missing",)
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(info.st_mode):
        return ("file", hashlib.sha256(Path(path).read_bytes()).hexdigest())
    return (stat.S_IFMT(info.st_mode), info.st_ino, info.st_rdev)


def _stdio(spec, work: Path, name: str):
    """(file object or fd to give the child, what to read back afterwards, fds to close)."""
    if spec is None:
        handle = open(work / f"{name}.out", "w+b")
        return handle, handle, [handle]
    if spec == "full":
        handle = open("/dev/full", "wb")
        return handle, None, [handle]
    if spec == "closed":
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader went away before the first byte
        return write_end, None, [write_end]
    return spec, None, []


def _feed(spec):
    if spec is None:
        return subprocess.DEVNULL, None
    return subprocess.PIPE, spec


def run_case(case: Case, work: Path) -> Outcome:
    try:
        return _run_case(case, work)
    except Exception as exc:  # noqa: BLE001 - a broken case is reported, the others still run
        outcome = Outcome(case, None, b"", "", 0.0, 0.0)
        outcome.failures.append(("other", f"the battery could not run this case: {type(exc).__name__}: {exc}"))
        return outcome


def _run_case(case: Case, work: Path) -> Outcome:
    before = {p: fingerprint(p) for p in case.keep}
    env = dict(os.environ, LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen",
               SYNOPSIS_LIBRARY=str(work / "default-library.db"), SYNOPSIS_SETTINGS_DIR=str(work / "settings"))
    env.update(case.env)
    env = {k: v for k, v in env.items() if v is not None}
    command = [sys.executable, "-m", "synopsis", *map(os.fsdecode, case.args)]
    command = case.wrap(command) if case.wrap else command
    out, out_back, to_close = _stdio(case.stdout, work, "stdout")
    err, err_back, err_close = _stdio(case.stderr, work, "stderr")
    stdin, feed = _feed(case.stdin)
    started = time.monotonic()
    proc = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=err, env=env, cwd=work,
                            preexec_fn=case.preexec, pass_fds=case.pass_fds)
    for handle in to_close + err_close:
        if isinstance(handle, int):
            os.close(handle)
    if feed is not None:
        _start_feeding(proc, feed)
    code, rusage = _wait(proc, case.limit)
    seconds = time.monotonic() - started
    stdout = _read_back(out_back)
    stderr = _read_back(err_back).decode("utf-8", "replace")
    for handle in to_close + err_close:
        if not isinstance(handle, int):
            handle.close()
    outcome = Outcome(case, code, stdout, stderr, seconds, rusage.ru_maxrss / 1024 if rusage else 0.0)
    judge(outcome, before)
    return outcome


def _start_feeding(proc: subprocess.Popen, feed) -> None:
    import threading

    def pump() -> None:
        try:
            if feed == "endless":
                while True:
                    proc.stdin.write(b"y\n" * 65536)
            else:
                proc.stdin.write(feed)
            proc.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass

    threading.Thread(target=pump, daemon=True).start()


def _wait(proc: subprocess.Popen, limit: float):
    """(exit status or None if it hung and was killed, the child's resource usage)."""
    deadline = time.monotonic() + limit
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, rusage
        if time.monotonic() > deadline:
            proc.kill()
            _, status, rusage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            return None, rusage
        time.sleep(0.02)


def _read_back(handle) -> bytes:
    if handle is None:
        return b""
    handle.flush()
    handle.seek(0)
    return handle.read()


def judge(outcome: Outcome, before: dict) -> None:
    case, fail = outcome.case, outcome.failures
    lines = outcome.stderr.splitlines()
    if outcome.code is None:
        fail.append(("hang", f"still running after {case.limit:g} s"))
    elif "Traceback" in outcome.stderr or outcome.code not in (0, 1, 2):
        fail.append(("traceback", f"exit {outcome.code}: {outcome.stderr.strip()[-300:]}"))
    elif case.expect == "ok" and outcome.code != 0:
        fail.append(("other", f"expected success, got exit {outcome.code}: {outcome.stderr.strip()[:300]}"))
    elif case.expect == "error" and (outcome.code != 2 or len(lines) != 1 or not lines[0].startswith("synopsis: ")):
        fail.append(("other", f"expected one error line and exit 2, got exit {outcome.code}: {outcome.stderr[:300]!r}"))
    elif case.expect == "error" and case.fragment and case.fragment not in lines[0]:
        fail.append(("other", f"error line lacks {case.fragment!r}: {lines[0][:300]}"))
    elif case.expect == "quiet" and (outcome.code != 1 or outcome.stderr):
        fail.append(("other", f"expected a quiet exit 1, got exit {outcome.code}: {outcome.stderr[:300]!r}"))
    elif case.expect == "closed-error" and outcome.code != 2:
        fail.append(("other", f"expected exit 2 with standard error closed, got exit {outcome.code}"))
    for path, print_before in before.items():
        if fingerprint(path) != print_before:
            fail.append(("data loss", f"{path} changed ({print_before[0]} → {fingerprint(path)[0]})"))
    if case.check is not None and outcome.code is not None:
        problem = case.check(outcome)
        if problem:
            fail.append(("data loss" if problem.startswith("lost:") else "other", problem))


KINDS = ("traceback", "hang", "data loss", "other")


def summarise(outcomes: list[Outcome]) -> tuple[str, dict]:
    classes: dict[str, dict] = {}
    for outcome in outcomes:
        row = classes.setdefault(outcome.case.klass, {"cases": 0, **{k: 0 for k in KINDS}})
        row["cases"] += 1
        for kind in {kind for kind, _ in outcome.failures}:
            row[kind] += 1
    totals = {k: sum(row[k] for row in classes.values()) for k in ("cases", *KINDS)}
    table = ["| class | cases | tracebacks | hangs | data loss | other failures |", "|---|---|---|---|---|---|"]
    for klass, row in classes.items():
        table.append(f"| {klass} | {row['cases']} | {row['traceback']} | {row['hang']} | {row['data loss']} | {row['other']} |")
    table.append(f"| **all** | {totals['cases']} | {totals['traceback']} | {totals['hang']} | "
                 f"{totals['data loss']} | {totals['other']} |")
    return "\n".join(table), totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    parser.add_argument("--report", type=Path, help="also write the results as Markdown here")
    parser.add_argument("--only", default="", help="run only the cases whose class or name holds this")
    options = parser.parse_args(argv)
    from hostile_cases import make_cases

    started = time.monotonic()
    cpu_before = os.times()
    with tempfile.TemporaryDirectory(prefix="synopsis-battery-") as folder, make_cases(Path(folder)) as cases:
        cases = [c for c in cases if options.only in f"{c.klass} {c.name}"]
        works = []
        for n, case in enumerate(cases):
            works.append(Path(folder) / "runs" / f"{n:03d}")
            works[-1].mkdir(parents=True)
        with ThreadPoolExecutor(max_workers=options.jobs) as pool:
            outcomes = list(pool.map(run_case, cases, works))
    wall = time.monotonic() - started
    cpu = sum(getattr(os.times(), k) - getattr(cpu_before, k)
              for k in ("user", "system", "children_user", "children_system"))
    table, totals = summarise(outcomes)
    print(table)
    for outcome in outcomes:
        for kind, text in outcome.failures:
            print(f"FAIL [{kind}] {outcome.case.klass} / {outcome.case.name}: {text}")
    slowest = sorted(outcomes, key=lambda o: -o.seconds)[:3]
    heaviest = max(outcomes, key=lambda o: o.max_rss_mb)
    summary = (f"{totals['cases']} cases in {wall:.1f} s wall, {cpu:.1f} s CPU ({options.jobs} at once); "
               f"{totals['traceback']} tracebacks, {totals['hang']} hangs, {totals['data loss']} data loss, "
               f"{totals['other']} other failures")
    print(summary)
    print("slowest: " + "; ".join(f"{o.case.name} {o.seconds:.1f} s" for o in slowest)
          + f"; most memory: {heaviest.case.name} {heaviest.max_rss_mb:.0f} MB")
    if options.report:
        for outcome in outcomes:  # the temporary folder's name says nothing: shorten it
            outcome.stderr = outcome.stderr.replace(folder + "/", "…/")
        write_report(options.report, table, summary, outcomes)
    return 0 if not any(o.failures for o in outcomes) else 1


def write_report(path: Path, table: str, summary: str, outcomes: list[Outcome]) -> None:
    load = os.getloadavg()[0]
    rows = "\n".join(f"| {o.case.klass} | {o.case.name} | {o.code} | {o.seconds:.1f} | {o.max_rss_mb:.0f} | "
                     f"{(o.stderr.strip().splitlines() or [''])[0][:110].replace('|', '/')} |" for o in outcomes)
    path.write_text(f"""# Hostile-input battery

Command: `.venv/bin/python tests/hostile_battery.py --jobs 2 --report {path}`
Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; load average
{load:.1f} when it finished (other work shared the cores, so wall times are inflated).

{summary}

{table}

Each case, with its exit status, time, peak memory of its process and the first line it printed
on standard error:

| class | case | exit | seconds | MB | standard error |
|---|---|---|---|---|---|
{rows}
""", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
