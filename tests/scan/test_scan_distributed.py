"""A real cluster: a Dask scheduler and two workers started as separate processes on
127.0.0.1 give exactly the result of the embedded cluster; a worker running another
Synopsis is refused."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from synopsis.scan.cluster import ClusterError, check_workers, identity
from synopsis.scan.results import build_tables

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def real_cluster(tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = open(tmp_path / "dask.log", "w")
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=logs, stderr=logs, env=env)]
    for n in range(2):
        procs.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--nworkers", "1",
                                       "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{n}",
                                       "--local-directory", str(tmp_path / f"w{n}")],
                                      stdout=logs, stderr=logs, env=env))
    try:
        from distributed import Client
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="2s", set_as_default=False) as client:
                    if len(client.scheduler_info()["workers"]) == 2:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError((tmp_path / "dask.log").read_text()[-2000:])
            time.sleep(0.3)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        logs.close()


def _scan(corpus: Path, out: Path, *extra: str) -> None:
    run = subprocess.run([str(BIN / "synopsis"), "scan", str(corpus), "-o", str(out), "--reports", "0", *extra],
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr


def test_a_separately_started_cluster_gives_the_embedded_cluster_s_result(real_cluster, corpus_file, tmp_path,
                                                                         scan_result):
    """The command line against the real cluster; the embedded cluster's result (made with
    other partitions, in the test process) must match it table for table."""
    _scan(corpus_file, tmp_path / "remote", "--scheduler", real_cluster)
    local = build_tables(scan_result)
    for table in ("reuse", "clusters", "documents", "texts"):
        remote = pq.read_table(tmp_path / "remote" / f"{table}.parquet")
        assert remote.num_rows > 0 and remote.to_pylist() == local[table].to_pylist(), table


class _Client:
    def __init__(self, answers):
        self.answers = answers

    def run(self, func):
        return self.answers


def test_a_worker_with_another_synopsis_is_refused():
    mine = identity()
    assert check_workers(_Client({"tcp://a:1": mine, "tcp://b:2": mine})) == 2
    with pytest.raises(ClusterError, match="tcp://b:2 runs Synopsis 0.0.1"):
        check_workers(_Client({"tcp://a:1": mine, "tcp://b:2": {"version": "0.0.1", "fingerprint": "x"}}))
    with pytest.raises(ClusterError, match="no workers"):
        check_workers(_Client({}))


def test_an_unreachable_scheduler_is_one_line(corpus_file, tmp_path):
    port = _free_port()
    run = subprocess.run([str(BIN / "synopsis"), "scan", str(corpus_file), "-o", str(tmp_path / "x"),
                          "--scheduler", f"tcp://127.0.0.1:{port}"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "cannot reach the Dask scheduler" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("address, problem", [
    ("tcp://[::1", "not a scheduler address"),
    ("tcp://127.0.0.1:99999", "Port out of range"),
    ("http://127.0.0.1:8786", "the scheme must be tcp://"),
    ("tls://127.0.0.1:8786", "the scheme must be tcp://"),
    ("tcp://", "names no host"),
    ("127.0.0.1:8786", "looks like tcp://HOST:PORT"),
    ("tcp://127.0.0.1", "names no port"),
    ("tcp://127.0.0.1:8786/status", "nothing after the port"),
])
def test_a_malformed_scheduler_address_is_one_line_before_connecting(corpus_file, tmp_path, address, problem):
    run = subprocess.run([str(BIN / "synopsis"), "scan", str(corpus_file), "-o", str(tmp_path / "x"),
                          "--scheduler", address], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"synopsis: {address}: ") and problem in lines[0]
    assert not (tmp_path / "x").exists()
