"""Checking on a Dask cluster, and reading copies through fsspec: the same findings, in the same
order, as a run in one process — even when a worker dies in the middle of the run."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
import uuid
import warnings

import pytest

import liclint
from conftest import EXAMPLES
from liclint.cli.main import main
from liclint.running.run import _check_batch

distributed = pytest.importorskip("distributed")  # installed by the `test` extra
fsspec = pytest.importorskip("fsspec")

AS_OF = dt.date(2026, 11, 24)
#: The license copies among the examples (README.md is not one).
NAMES = sorted(
    p.name for p in EXAMPLES.iterdir() if p.suffix in (".md", ".txt") and p.name != "README.md"
)
#: The license numbers of the examples; each copy gets its own (same year, another serial).
NUMBERS = ("20230517", "20210934", "20220088")


def write_corpus(root, count):
    """``count`` license copies with distinct numbers, and one unreadable (binary) file."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        name = NAMES[i % len(NAMES)]
        text = (EXAMPLES / name).read_text("utf-8")
        for number in NUMBERS:
            text = text.replace(number, f"{number[:4]}{i:04d}")
        (root / f"{i:04d}_{name}").write_text(text, "utf-8")
    (root / "0075_scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("dask") / "corpus", 160)


@pytest.fixture(scope="module")
def expected(corpus):
    """Each file's result, checked in this process."""
    return list(liclint.check_files([str(corpus)], as_of=AS_OF))


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes (each under a nanny, which restarts it if it dies)."""
    with warnings.catch_warnings():  # the scheduler's HTTP server moves off a busy port 8787
        warnings.filterwarnings("ignore", "Port 8787 is already in use", UserWarning)
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    with cluster, distributed.Client(cluster) as client:
        yield cluster, client


@pytest.fixture
def client(cluster):
    _, client = cluster
    client.wait_for_workers(2, timeout=60)  # a worker killed by an earlier test is back
    return client


def batch_tasks(stream):
    return [t for t in stream.data if t["key"].startswith("_check_batch")]


def test_the_api_on_a_cluster_gives_the_findings_of_one_process(corpus, expected, client):
    assert len(expected) == 161 and sum(r.unreadable for r in expected) == 1
    one = liclint.lint_paths([str(corpus)], as_of=AS_OF)
    # lint_paths adds the cross-copy findings (CRS, REG) to each file's own
    own = [f for f in one if not f.code.startswith(("CRS", "REG"))]
    assert own == [f for r in expected for f in r.findings]
    assert {f.code for f in one} >= {"LIC002", "NUM005", "DAT006", "PRV005", "CRS004"}

    with distributed.get_task_stream(client) as stream:
        on_cluster = liclint.lint_paths([str(corpus)], as_of=AS_OF, executor=client.get_executor())
    assert on_cluster == one
    assert len(batch_tasks(stream)) == 3  # 161 files in batches of 64

    with distributed.get_task_stream(client) as stream:
        results = list(
            liclint.check_files(
                [str(corpus)], as_of=AS_OF, executor=client.get_executor(), batch_size=16
            )
        )
    assert results == expected  # same files, same order, same findings
    tasks = batch_tasks(stream)
    assert len(tasks) == 11  # many batches, spread over both workers
    assert {t["worker"] for t in tasks} == set(client.scheduler_info()["workers"])


def test_fsspec_urls_are_read_on_the_workers(corpus, expected, client):
    url = f"file://{corpus}"
    results = list(
        liclint.check_files([url], as_of=AS_OF, executor=client.get_executor(), batch_size=16)
    )
    assert [r.path for r in results] == [f"file://{r.path}" for r in expected]
    assert [[f.path for f in r.findings] for r in results] == [
        [f"file://{f.path}" for f in r.findings] for r in expected
    ]
    strip = [[(f.line, f.column, f.code, f.message) for f in r.findings] for r in results]
    assert strip == [[(f.line, f.column, f.code, f.message) for f in r.findings] for r in expected]


def run(capsys, *args):
    code = main(["check", "--isolated", "--as-of", "2026-11-24", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_cli_on_a_cluster_prints_the_report_of_one_process(corpus, cluster, client, capsys):
    local = run(capsys, "--jobs", "1", "--no-cache", str(corpus))
    remote = run(capsys, "--scheduler", cluster[0].scheduler_address, str(corpus))
    assert remote == local
    code, out, err = local
    assert code == 2 and len(json.loads(out)) > 160
    assert err.splitlines() == [
        f"liclint: error: {corpus / '0075_scan.md'}: not a readable image (UnidentifiedImageError)"
    ]


def wait_until(condition, what, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.02)


class GatedExecutor:
    """``client.get_executor()``, whose batches after the first ``free`` ones wait on the
    workers until the test opens the gate (a ``distributed.Event``): the worker killed is
    certainly in the middle of a batch."""

    def __init__(self, client, free: int) -> None:
        self.inner = client.get_executor()
        self.free = free
        self.gate = f"liclint-gate-{uuid.uuid4().hex}"

    def submit(self, fn, /, *args):
        assert fn is _check_batch
        gate = self.gate if self.free <= 0 else None
        self.free -= 1

        def gated(*args):  # a closure: pickled by value, run by the worker
            if gate is not None:
                distributed.Event(gate).wait()
            return fn(*args)

        return self.inner.submit(gated, *args)


def test_a_worker_dying_mid_run_loses_and_duplicates_nothing(corpus, expected, client):
    pids = client.run(os.getpid)
    executor = GatedExecutor(client, free=2)
    stream = liclint.check_files([str(corpus)], as_of=AS_OF, executor=executor, batch_size=8)
    got = [next(stream)]  # the first batch is done; the next ones are blocked on the workers
    wait_until(lambda: all(client.processing(workers=list(pids)).values()), "both workers busy")
    busy = client.processing()
    victim = sorted(pids)[0]
    os.kill(pids[victim], signal.SIGKILL)
    wait_until(lambda: victim not in client.scheduler_info()["workers"], "the worker is lost")
    retried = client.run_on_scheduler(
        lambda dask_scheduler: {k for k, ts in dask_scheduler.tasks.items() if ts.suspicious}
    )
    assert retried & set(busy[victim])  # its batches are scheduled again, elsewhere
    distributed.Event(executor.gate, client=client).set()
    got += list(stream)
    assert got == expected
    client.wait_for_workers(2, timeout=60)  # its nanny started a new worker process
    assert pids[victim] not in client.run(os.getpid).values()


def test_memory_urls_in_one_process(tmp_path):
    folder = f"lics-{uuid.uuid4().hex}"
    memory = fsspec.filesystem("memory")
    local = tmp_path / folder
    local.mkdir()
    for name in NAMES:
        data = (EXAMPLES / name).read_bytes()
        memory.pipe(f"/{folder}/{name}", data)
        (local / name).write_bytes(data)
    memory.pipe(f"/{folder}/sub/scan.md", b"\x89PNG\r\n\x1a\n\x00\x00")
    (local / "sub").mkdir()
    (local / "sub" / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    try:
        found = liclint.lint_paths([f"memory://{folder}/"], as_of=AS_OF)
    finally:
        memory.rm(f"/{folder}", recursive=True)
    want = liclint.lint_paths([str(local)], as_of=AS_OF)
    assert len(found) == len(want) and {f.code for f in want} >= {"LIC002", "DAT006", "NUM005"}
    for got, was in zip(found, want, strict=True):
        assert got.path.startswith("memory://") and got.path.endswith(
            was.path.removeprefix(str(tmp_path))
        )
        ignore = {"path": ""} | ({"fingerprint": ""} if was.code == "LIC002" else {})  # of the path
        assert got.as_dict() | ignore == was.as_dict() | ignore


def test_an_unknown_protocol_is_an_unreadable_file(capsys):
    url = "nosuch-protocol://bucket/licenses/a.md"
    findings = liclint.lint_paths([url], as_of=AS_OF)
    assert [(f.path, f.code) for f in findings] == [(url, "LIC002")]
    assert "nosuch-protocol" in findings[0].message
    code, out, err = run(capsys, "--jobs", "1", "--no-cache", url)
    assert code == 2 and [f["code"] for f in json.loads(out)] == ["LIC002"]
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_a_scheduler_that_does_not_answer_is_one_line_and_exit_2(tmp_path):
    copy = tmp_path / "a.md"
    copy.write_bytes((EXAMPLES / "provincial_icp.md").read_bytes())
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "liclint", "check", "--isolated", "--scheduler",
         "tcp://127.0.0.1:1", str(copy)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert time.monotonic() - started < 20
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("liclint: error: --scheduler tcp://127.0.0.1:1: cannot connect")
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr
