"""The fact layer of a large comparison, run in a second process beside the word diffs.

The fact layer reads every linked pair once more after the word diff; on a 2,000-line pair
that is a fifth of the comparison. The two are independent, so on a machine with a second
core a large comparison hands its pairs to a worker process, which finds the changed facts
while this process makes the word diffs. The worker is started when a large comparison begins
(it boots, ≈ 0.25 s, while the passages are aligned) and is kept for the next one.

``WORKER`` is the :class:`synopsis.core.annotate.FactExecutor` that uses it: the command line
and the app pass it to ``compare``; the engine itself never starts a process.

The worker is a plain child program (this interpreter, or the frozen app, told by an
environment variable to serve) that reads jobs from its standard input and writes the facts
to its standard output, each a length-prefixed pickle. It is not made with ``multiprocessing``:
a spawned child re-imports the caller's main script (a script that compares at the top level
would run again inside it), and a forked one copies a process whose other threads (Qt's) may
hold locks. Small comparisons (most), a single core, ``SYNOPSIS_FACT_WORKER=off``, a worker
busy with another thread's comparison, or any failure of the worker (not tried again in this
process) keep the fact layer in-process: the facts are the same either way, only the
wall-clock time differs.
"""
from __future__ import annotations

import atexit
import gc
import logging
import os
import pickle
import struct
import subprocess
import sys
import threading
from typing import BinaryIO, Callable, Sequence

from ..core.model import Fact, Span

__all__ = ["MIN_LINKS", "WORKER", "Job", "WorkerFacts", "abandon", "clear_cache", "enabled", "find_facts",
           "prepare_for", "serve", "stop", "submit"]

log = logging.getLogger(__name__)

# Below this many linked pairs the round trip (both texts there, the facts back) gains little
# over the word diffs it runs beside, and booting a worker would cost more than it saves.
MIN_LINKS = 200
PROGRESS_STEP = 0.02       # the worker tells a job's progress each time it moves this much
SERVE_VARIABLE = "SYNOPSIS_SERVE_FACTS"     # set for the worker: the frozen app serves instead of starting
_HEADER = struct.Struct("<Q")

Pairs = Sequence[tuple[list[Span], list[Span]]]


def _mode() -> str:
    """``SYNOPSIS_FACT_WORKER``: "off" (always in-process), "on" (a worker for any comparison,
    for tests) or unset / "auto" (a worker for large comparisons on a machine with two cores)."""
    return os.environ.get("SYNOPSIS_FACT_WORKER", "auto").strip().lower()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# -- the worker's side --------------------------------------------------------------------

def _write(stream: BinaryIO, message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def _read(stream: BinaryIO) -> object:
    """The next message, or EOFError when the other side has closed the stream."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("fact worker stream closed")
    size, = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("fact worker stream cut short")
    return pickle.loads(data)


def serve(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
    """The worker's loop: answer each job until the input closes. A job is ``("facts", text_a,
    text_b, pairs, groups[, languages])`` (answered ``("ok", facts)`` or ``("error", message)``),
    ``("prepare", text, title, language, settings)`` (see :mod:`.prepare_worker`) or
    ``("clear",)``; spans and facts travel as plain tuples (see ``_pack_pairs``, ``_pack_facts``).
    The fact layer is imported after the first job, while the worker waits: a document to
    prepare may come first, and its answer should not wait for that import."""
    source = stdin or sys.stdin.buffer
    sink = stdout or sys.stdout.buffer
    if stdout is None:
        sys.stdout = sys.stderr     # (a stray print must not corrupt the answers)
    # No cyclic collection while a job runs (its objects all live until the answer is sent, see
    # runtime.collector_paused); the worker collects while it waits for the next job instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _write(sink, ("ready",))
        while True:
            try:
                job = _read(source)
            except EOFError:
                return
            try:
                if job[0] == "clear":
                    from ..core.facts import clear_cache
                    clear_cache()
                    _write(sink, ("ok", None))
                elif job[0] == "prepare":
                    from .prepared import answer
                    _write(sink, ("ok", answer(job)))
                else:
                    from ..core.facts import find_fact_changes_many
                    _, text_a, text_b, pairs, groups, *rest = job
                    found = find_fact_changes_many(text_a, text_b, _unpack_pairs(pairs), groups,
                                                   languages=rest[0] if rest else None, tick=_progress_to(sink))
                    _write(sink, ("ok", _pack_facts(found)))
            except Exception as error:      # (reported to the caller, which finds the facts itself)
                _write(sink, ("error", f"{type(error).__name__}: {error}"))
            gc.collect()
            from ..core import facts  # noqa: F401  (the fact layer's imports, made while waiting)
    finally:
        if collecting:
            gc.enable()


def _progress_to(sink: BinaryIO) -> Callable[[float], None]:
    """A tick that tells the caller the share of a job done, ``("progress", share)``, each time
    it has moved by ``PROGRESS_STEP`` (a few dozen small messages a job: far below what the
    pipe holds while the caller is still making its diffs)."""
    told = [0.0]

    def tick(share: float) -> None:
        if share >= told[0] + PROGRESS_STEP:
            told[0] = share
            _write(sink, ("progress", share))
    return tick


# Spans and facts cross the pipe as tuples of numbers and strings: pickling a dataclass per span
# took five times as long, on both sides.

def _pack_pairs(pairs: Pairs) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    return [([(s.start, s.end) for s in sa], [(s.start, s.end) for s in sb]) for sa, sb in pairs]


def _unpack_pairs(packed: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]) -> list[tuple[list[Span], list[Span]]]:
    return [([Span(*s) for s in sa], [Span(*s) for s in sb]) for sa, sb in packed]


PackedFact = tuple[str, "tuple[int, int] | None", "tuple[int, int] | None", str, int]


def _pack_facts(found: list[list[Fact]]) -> list[list[PackedFact]]:
    return [[(f.kind, f.a and (f.a.start, f.a.end), f.b and (f.b.start, f.b.end), f.note, f.severity)
             for f in facts] for facts in found]


def _unpack_facts(packed: list[list[PackedFact]]) -> list[list[Fact]]:
    return [[Fact(kind, a and Span(*a), b and Span(*b), note, severity) for kind, a, b, note, severity in facts]
            for facts in packed]


# -- the caller's side --------------------------------------------------------------------

class _Worker:
    """One worker process and its pipes; one job at a time."""

    def __init__(self) -> None:
        env = dict(os.environ, **{SERVE_VARIABLE: "1"})
        if getattr(sys, "frozen", False):
            command = [sys.executable]          # the frozen entry point serves when SERVE_VARIABLE is set
        else:
            command = [sys.executable, "-c", "from synopsis.runtime.fact_worker import serve; serve()"]
            package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
            env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)     # (Windows: no console window)
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        env=env, creationflags=flags)
        self.busy = threading.Lock()
        self.ready = False
        self.sender: threading.Thread | None = None
        self.send_error: BaseException | None = None

    def send(self, message: object) -> None:
        """Write ``message`` from a thread of its own: the pipe holds less than a job, and the
        worker may still be booting (reading nothing yet) when it is sent."""
        def write() -> None:
            try:
                _write(self.process.stdin, message)    # type: ignore[arg-type]
            except BaseException as error:
                self.send_error = error
        self.send_error = None
        self.sender = threading.Thread(target=write, name="fact-worker-send", daemon=True)
        self.sender.start()

    def receive(self, on_progress: Callable[[float], None] | None = None) -> object:
        """The answer to the job sent; the progress the worker tells on the way goes to
        ``on_progress`` (which may raise: the caller then gives the worker up)."""
        if not self.ready:
            if _read(self.process.stdout) != ("ready",):    # type: ignore[arg-type]
                raise RuntimeError("fact worker did not start")
            self.ready = True
        answer = _read(self.process.stdout)        # type: ignore[arg-type]
        while isinstance(answer, tuple) and answer[0] == "progress":
            if on_progress is not None:
                on_progress(answer[1])
            answer = _read(self.process.stdout)    # type: ignore[arg-type]
        if self.sender is not None:
            self.sender.join()
        if self.send_error is not None:
            raise self.send_error
        status, value = answer      # type: ignore[misc]
        if status != "ok":
            raise RuntimeError(f"fact worker: {value}")
        return value

    def close(self, kill: bool = False) -> None:
        """End the process: by closing its input (it ends when its job is done), or at once."""
        try:
            if kill:
                self.process.kill()
            self.process.stdin.close()      # type: ignore[union-attr]
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()
            self.process.wait()
        finally:
            self.process.stdout.close()     # type: ignore[union-attr]


_lock = threading.Lock()
_worker: _Worker | None = None
_broken = False


def enabled(n_links: int) -> bool:
    """Whether a comparison with about ``n_links`` linked pairs should use the worker."""
    mode = _mode()
    if _broken or mode in ("off", "0", "no", "false"):
        return False
    if mode in ("on", "1", "yes", "true"):
        return True
    return n_links >= MIN_LINKS and _cores() >= 2


def _start() -> _Worker | None:
    global _worker, _broken
    with _lock:
        if _worker is None and not _broken:
            try:
                _worker = _Worker()
            except Exception as error:      # (no process can be started here: stay in-process)
                log.warning("fact worker not started (%s); facts are found in-process", error)
                _broken = True
        return _worker


def prepare_for(n_links: int) -> None:
    """Start the worker (without waiting for it) if a comparison of about ``n_links`` pairs will use it."""
    if enabled(n_links):
        _start()


def stop() -> None:
    """End the worker (at exit, or for a cold benchmark run); the next large comparison starts another."""
    global _worker
    with _lock:
        worker, _worker = _worker, None
    if worker is not None:
        idle = worker.busy.acquire(timeout=60)      # (another thread's job, answered by then)
        try:
            worker.close(kill=not idle)
        finally:
            if idle:
                worker.busy.release()


atexit.register(stop)


def _give_up(worker: _Worker, error: BaseException) -> None:
    global _broken, _worker
    log.warning("fact worker failed (%s); facts are found in-process from now on", error)
    with _lock:
        _broken = True
        if _worker is worker:
            _worker = None
    worker.close()


# The detector groups (see facts.GROUPS) the worker runs: all of them. This process makes the
# word diffs and then the contained notes meanwhile (``decide``); the figures group ran here
# before those notes were made beside the facts (see benchmarks/results/scaling.md).
WORKER_GROUPS = ("figures", "quotes", "people", "negation")      # facts.GROUPS


Languages = tuple[str | None, str | None] | None


class Job:
    """A comparison's facts being found by the worker (``find_facts`` collects them)."""

    def __init__(self, worker: _Worker, groups: tuple[str, ...]) -> None:
        self.worker = worker
        self.groups = groups


def submit(text_a: str, text_b: str, pairs: Pairs, languages: Languages = None) -> Job | None:
    """Hand the fact layer of ``pairs`` to the worker, or None when it is not to be used (too few
    pairs, no worker, or the worker busy with another comparison)."""
    if not enabled(len(pairs)):
        return None
    worker = _start()
    if worker is None or not worker.busy.acquire(blocking=False):
        return None
    worker.send(("facts", text_a, text_b, _pack_pairs(pairs), WORKER_GROUPS, languages))
    return Job(worker, WORKER_GROUPS)


def abandon(job: Job | None) -> None:
    """Give up ``job`` (its comparison failed or was stopped before its facts were collected):
    the worker, whose answer would otherwise be read as the next job's, is ended at once."""
    global _worker
    if job is None:
        return
    with _lock:
        if _worker is job.worker:
            _worker = None
    try:
        job.worker.close(kill=True)
    finally:
        job.worker.busy.release()


def find_facts(job: Job | None, text_a: str, text_b: str, pairs: Pairs,
               languages: Languages = None, tick: Callable[[float], None] | None = None) -> list[list[Fact]]:
    """The facts of ``pairs``: the worker's share of ``job`` and the rest found here, or all of
    them found here when there is no job or the worker failed. ``tick`` is told the share of
    the worker's job done (see ``core.ticks``); when it raises (a cancel), the job is given up."""
    from ..core.errors import Cancelled
    from ..core.facts import GROUPS, find_fact_changes_many, merge
    if job is None:
        return find_fact_changes_many(text_a, text_b, pairs, languages=languages, tick=tick)
    rest = [g for g in GROUPS if g not in job.groups]
    try:
        here = find_fact_changes_many(text_a, text_b, pairs, rest, languages=languages) if rest \
            else [[] for _ in pairs]
    except BaseException as error:      # (the worker's answer, unread, would be the next job's)
        _give_up(job.worker, error)
        job.worker.busy.release()
        raise
    try:
        there = _unpack_facts(job.worker.receive(on_progress=tick))       # type: ignore[arg-type]
    except Cancelled:
        abandon(job)        # (its answer, unread, would be the next job's)
        raise
    except Exception as error:
        _give_up(job.worker, error)
        job.worker.busy.release()
        there = find_fact_changes_many(text_a, text_b, pairs, job.groups, languages=languages)
    except BaseException:
        abandon(job)
        raise
    else:
        job.worker.busy.release()
    return merge(here, there)


class _WorkerJob:
    """A :class:`synopsis.core.annotate.FactJob` whose share may be running in the worker."""

    def __init__(self, text_a: str, text_b: str, pairs: Pairs, languages: Languages) -> None:
        self.args = text_a, text_b, pairs, languages
        self.job = submit(text_a, text_b, pairs, languages)

    def result(self, tick: Callable[[float], None] | None = None) -> list[list[Fact]]:
        job, self.job = self.job, None      # (read once: a cancel after this has nothing to give up)
        return find_facts(job, *self.args, tick=tick)

    def cancel(self) -> None:
        job, self.job = self.job, None
        abandon(job)


class WorkerFacts:
    """The fact executor of the command line and the app: a comparison of ``MIN_LINKS`` pairs or
    more on a machine with two cores runs part of its fact layer in the worker process, beside
    the word diffs; any other runs it in this process (the facts are the same either way)."""

    def expect(self, pairs: int) -> None:
        prepare_for(pairs)

    def submit(self, text_a: str, text_b: str, pairs: Pairs,
               languages: tuple[str | None, str | None]) -> _WorkerJob:
        return _WorkerJob(text_a, text_b, pairs, languages)


WORKER = WorkerFacts()


def clear_cache() -> None:
    """Forget the worker's passage analyses (for timing a cold run), as ``facts.clear_cache`` does here."""
    with _lock:
        worker = _worker
    if worker is None:
        return
    with worker.busy:
        try:
            worker.send(("clear",))
            worker.receive()
        except Exception as error:
            _give_up(worker, error)
