"""The Dask side: an embedded ``LocalCluster`` by default, or a running scheduler by address.

Every worker must run the same Synopsis as the client (same version and the same source of
the engine and the scan), or the same corpus would give different results on different
machines; :func:`check_workers` refuses to go on otherwise.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .. import __version__
from ..core.errors import Cancelled, SynopsisError

ProgressCallback = Callable[[str, float], None]
CancelCheck = Callable[[], bool]


class ClusterError(SynopsisError):
    """The cluster cannot be reached or does not run the same Synopsis."""


_FINGERPRINT: str | None = None
POLL_SECONDS = 0.1
CONNECT_TIMEOUT = "5s"     # to reach a named scheduler


# The embedded cluster's configuration. A worker spills its data to disk past 60 % of its memory
# limit (Dask's default) but is never paused: a paused worker with nothing left to spill waits
# forever, and with one worker per core the whole scan would. No statistical profiler in the
# workers, and the event loops' health checked every half second rather than every 20 ms: the
# two are half of what an idle cluster costs in CPU (benchmarks/results/scan.md).
LOCAL_CONFIG = {"distributed.worker.memory.pause": False, "distributed.worker.profile.enabled": False,
                "distributed.admin.tick.interval": "500ms", "distributed.admin.system-monitor.interval": "2s"}

SCHEDULER_SCHEMES = ("tcp",)  # tls:// would need certificates the command cannot be given


def scheduler_problem(address: str) -> str | None:
    """Why ``address`` cannot name a Dask scheduler (``tcp://host:port``), or None.

    Checked before connecting: Dask's own client waits out its timeout on an address it cannot
    parse and then fails again while closing, which would print a traceback.
    """
    from urllib.parse import urlsplit

    if "://" not in address:
        return "a scheduler address looks like tcp://HOST:PORT"
    try:
        parts = urlsplit(address)
        port = parts.port
    except ValueError as exc:
        return f"not a scheduler address ({exc})"
    if parts.scheme not in SCHEDULER_SCHEMES:
        return f"the scheme must be tcp://, not {parts.scheme}://"
    if not parts.hostname:
        return "the address names no host"
    if port is None:
        return "the address names no port (tcp://HOST:PORT; Dask's default is 8786)"
    if port == 0:
        return "port 0 cannot be connected to"
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return "a scheduler address has nothing after the port"
    return None


def fingerprint() -> str:
    """A hash of the engine's and the scan's source files (same code, same results)."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        root = Path(__file__).resolve().parent.parent
        digest = hashlib.blake2b(digest_size=8)
        for folder in ("core", "scan"):
            for path in sorted((root / folder).rglob("*.py")):
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
        _FINGERPRINT = digest.hexdigest()
    return _FINGERPRINT


def identity() -> dict[str, str]:
    """What a process runs: Synopsis's version and the fingerprint of its engine."""
    return {"version": __version__, "fingerprint": fingerprint()}


def check_workers(client) -> int:
    """The number of workers, once each has been found to run this Synopsis."""
    found = client.run(identity)
    if not found:
        raise ClusterError("the scheduler has no workers")
    mine = identity()
    for address, theirs in sorted(found.items()):
        if theirs != mine:
            raise ClusterError(f"worker {address} runs Synopsis {theirs['version']} "
                               f"(engine {theirs['fingerprint']}), not {mine['version']} "
                               f"(engine {mine['fingerprint']}); install the same version on every worker")
    return len(found)


def dashboard_available() -> bool:
    return importlib.util.find_spec("bokeh") is not None


def local_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None,
            memory_limit: str | None = None) -> Iterator:
    """A Dask client: to ``scheduler`` (``tcp://host:port``) or to a new local cluster."""
    import logging

    from distributed import Client, LocalCluster
    if scheduler:
        problem = scheduler_problem(scheduler)
        if problem:
            raise ClusterError(f"{scheduler}: {problem}")
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except Exception as exc:  # distributed raises OSError, TimeoutError, ValueError… by address
            raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from None
        try:
            check_workers(client)
            yield client
        finally:
            client.close()
        return
    import dask
    with dask.config.set(LOCAL_CONFIG):
        cluster = LocalCluster(n_workers=workers or local_workers(), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address="127.0.0.1:0",
                               memory_limit=memory_limit or "auto", silence_logs=logging.ERROR)
    client = Client(cluster, set_as_default=False)
    try:
        check_workers(client)
        yield client
    finally:
        with _quiet():
            client.close()
            cluster.close()


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence Dask's loggers while a local cluster shuts down (its workers' last heartbeats
    report closed connections, which is how a shutdown looks, not an error)."""
    import logging
    loggers = [logging.getLogger(name) for name in ("distributed", "tornado")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def dashboard_link(client) -> str | None:
    try:
        return client.dashboard_link if dashboard_available() else None
    except Exception:   # no dashboard on this scheduler
        return None


def gather(client, futures: list, stage: str, progress: ProgressCallback | None,
           cancelled: CancelCheck | None, span: tuple[float, float]) -> list:
    """The results of ``futures`` in order, reporting progress and honouring cancel.

    Polls (every 0.1 s) rather than using ``as_completed``, which needs a process-wide
    default client that the app and tests must not set.
    """
    total = max(1, len(futures))
    lo, hi = span
    while True:
        if cancelled is not None and cancelled():
            client.cancel(futures)
            raise Cancelled()
        finished = [f for f in futures if f.done()]
        if progress is not None:
            progress(stage, lo + (hi - lo) * len(finished) / total)
        if len(finished) == len(futures) or any(f.status == "error" for f in finished):
            return client.gather(futures)
        time.sleep(POLL_SECONDS)
