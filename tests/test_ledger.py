"""The ledger: recording copies, cross-copy findings across runs, registry imports, the ledger
commands, migrations, security, and concurrent and killed writers — on SQLite and on a throw-away
PostgreSQL server (started from the PostgreSQL binaries when the machine has them)."""

from __future__ import annotations

import glob
import json
import os
import shutil
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import example
from liclint import lint_paths
from liclint.across import LedgerError
from liclint.across.ledger import Ledger
from liclint.across.schema import MIGRATIONS, SCHEMA_VERSION
from liclint.cli.main import main

BASE = example("provincial_icp.md")
NUMBER, COMPANY, DOMAIN = "浙B2-20230517", "杭州青禾云图科技有限公司", "qinghe-yuntu.cn"
_CHARS = "青禾云图赤焰数码蓝鲸星河澄川松柏竹林山海明月清风"


def fictional(i: int, company: str | None = None, number: str | None = None) -> str:
    """Fictional copy number ``i``: its own number, company and domain (unless given)."""
    name = "".join(_CHARS[(i // len(_CHARS) ** k) % len(_CHARS)] for k in range(3))
    text = BASE.replace(NUMBER, number or f"浙B2-2023{i:04d}")
    text = text.replace(COMPANY, company or f"杭州{name}科技有限公司")
    return text.replace(DOMAIN, f"site{i}.cn").replace("青禾云图", name)


def write(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in files]


def run(capsys, *args):
    code = main(["check", "--isolated", "--no-cache", "--as-of", "2025-06-01", *args])
    out, err = capsys.readouterr()
    return code, out, err


def ledger_cmd(capsys, *args):
    code = main(["ledger", *args])
    out, err = capsys.readouterr()
    return code, out, err


# -- the throw-away PostgreSQL server -----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server for this test session, run as an unprivileged user (initdb refuses
    root): yields a function that creates a fresh database and returns its URL."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = shutil.which("initdb") or (found[-1] if found else None)
    if initdb is None:
        if os.environ.get("CI"):  # .ci/run installs them: a skip there would hide the tests
            pytest.fail("no PostgreSQL binaries (initdb) in CI")
        pytest.skip("no PostgreSQL binaries (initdb) on this machine")
    pytest.importorskip("psycopg", reason="psycopg (liclint[postgres]) is not installed")
    import psycopg

    bindir = Path(initdb).parent
    base = Path(tempfile.mkdtemp(prefix="liclint-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", _free_port()
    subprocess.run(
        [*prefix, initdb, "-D", data, "-A", "trust", "-U", "liclint", "--no-sync", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*prefix, bindir / "pg_ctl", "-D", data, "-o", options, "-l", base / "log", "-w", "start"],
        check=True,
        capture_output=True,
    )
    count = iter(range(1_000_000))

    def database() -> str:
        name = f"ledger{next(count)}"
        with psycopg.connect(
            f"host=127.0.0.1 port={port} user=liclint dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://liclint@127.0.0.1:{port}/{name}"

    try:
        yield database
    finally:
        subprocess.run(
            [*prefix, bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    """A new ledger of each engine: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.sqlite")
    return request.getfixturevalue("postgres_server")()


# -- cross-copy findings across runs, through the CLI and the API ------------------------------


def test_a_later_run_names_the_copy_recorded_before(capsys, tmp_path, target):
    [first] = write(tmp_path / "first", {"a.md": BASE})
    swapped = BASE.replace(COMPANY, "杭州赤焰数码科技有限公司")
    [second] = write(tmp_path / "second", {"b.md": swapped})
    code, out, _ = run(capsys, "--ledger", target, first)
    assert code == 0, out
    code, out, _ = run(capsys, "--ledger", target, second)
    assert code == 1
    [finding] = [line for line in out.splitlines() if "CRS001" in line]
    assert finding.startswith(f"{second}:9:6: CRS001 [error]")
    assert f"({first}:9, in the ledger since " in finding and COMPANY in finding


def test_the_api_records_and_compares(tmp_path, target):
    [first] = write(tmp_path / "first", {"a.md": BASE})
    [second] = write(
        tmp_path / "second", {"b.md": BASE.replace(COMPANY, "杭州赤焰数码科技有限公司")}
    )
    assert [f.code for f in lint_paths([first], ledger=target)] == []
    found = lint_paths([second], ledger=target)
    assert {f.code for f in found} == {"CRS001"}  # the domain of the same license: CRS001 only
    assert all(f.path == second for f in found)


def test_the_same_copy_checked_twice_is_one_record(capsys, tmp_path, target):
    paths = write(tmp_path, {"a.md": BASE, "b.md": BASE})  # one copy under two names
    run(capsys, "--ledger", target, *paths)
    code, out, _ = run(capsys, "--ledger", target, paths[0])
    assert code == 0, out
    with Ledger(target) as ledger:
        assert ledger.stats()["copies"] == 1


def test_findings_do_not_depend_on_file_order_or_jobs(tmp_path):
    files = {f"c{i:03d}.md": fictional(i) for i in range(150)}
    files["x1.md"] = fictional(7, company="杭州赤焰数码科技有限公司")  # c007's number
    files["x2.md"] = fictional(900).replace("site900.cn", "site42.cn")  # c042's domain
    paths = write(tmp_path, files)

    def report(*args):
        result = subprocess.run(
            [sys.executable, "-m", "liclint", "check", "--isolated", "--no-cache", "--as-of",
             "2025-06-01", "--format", "json", *args],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        return json.loads(result.stdout)

    one = report("--jobs", "1", *paths)
    assert one == report("--jobs", "2", *reversed(paths))
    codes = sorted((Path(f["path"]).name, f["code"]) for f in one if f["code"][:3] == "CRS")
    assert ("c007.md", "CRS001") in codes and ("x1.md", "CRS001") in codes
    assert ("c042.md", "CRS005") in codes and ("x2.md", "CRS005") in codes


def test_one_file_without_a_ledger_opens_no_database(tmp_path):
    [path] = write(tmp_path, {"a.md": BASE})
    code = (
        "import sys; from liclint.cli.main import main; "
        f"main(['check', '--isolated', '--no-cache', {path!r}]); "
        "print('sqlalchemy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().endswith("False"), result.stdout


# -- the registry -------------------------------------------------------------------------------

REGISTRY = f"""许可证编号,公司名称,发证日期,有效期至,状态,发证机关
{NUMBER},杭州紫檀网络科技有限公司,2023年05月17日,2028-05-17,正常,浙江省通信管理局
浙B2-20190001,杭州某某有限公司,2019/1/1,2024/1/1,吊销,浙江省通信管理局
"""


def test_registry_rows_flag_a_swapped_company_and_a_revoked_license(capsys, tmp_path, target):
    csv = tmp_path / "registry.csv"
    csv.write_text(REGISTRY, encoding="utf-8")
    code, _, err = ledger_cmd(capsys, "import", "--ledger", target, str(csv))
    assert code == 0 and "2 added" in err
    paths = write(tmp_path, {"a.md": BASE, "b.md": fictional(1, number="浙B2-20190001")})
    code, out, _ = run(capsys, "--ledger", target, *paths)
    assert code == 1
    assert f"{paths[0]}:9:6: REG002 [error] the registry (registry.csv:2) lists license " in out
    assert "杭州紫檀网络科技有限公司" in out
    assert f"{paths[1]}:5:9: REG003 [error]" in out and "revoked (吊销)" in out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_registry_csv_in_utf8_with_or_without_bom_or_gbk(tmp_path, encoding):
    csv = tmp_path / "registry.csv"
    csv.write_text(REGISTRY, encoding=encoding)
    with Ledger(str(tmp_path / "l.sqlite")) as ledger:
        ledger.import_registry(str(csv))
        [row] = [r for r in ledger.show(number="浙B2-20190001")]
        assert row["company"] == "杭州某某有限公司" and row["status"] == "吊销"
        assert (row["issue"], row["expiry"]) == ("2019-01-01", "2024-01-01")


def test_english_headers_and_tabs(tmp_path):
    csv = tmp_path / "export.tsv"
    csv.write_text(
        "License Number\tCompany Name\tIssue Date\tExpiry Date\tStatus\n"
        f"{NUMBER}\t{COMPANY}\t2023-05-17\t2028-05-17\texpired\n",
        encoding="utf-8",
    )
    with Ledger(str(tmp_path / "l.sqlite")) as ledger:
        assert ledger.import_registry(str(csv))["added"] == 1
        assert ledger.show(number=NUMBER)[0]["status"] == "过期"


@pytest.mark.parametrize(
    ("row", "column", "why"),
    [
        ("浙B2-2023051,x,2023-01-01,2024-01-01,正常", "许可证编号", "not a license number"),
        (f"{NUMBER},,2023-01-01,2024-01-01,正常", "公司名称", "empty"),
        (f"{NUMBER},x,2023-02-30,2024-01-01,正常", "发证日期", "not a date"),
        (f"{NUMBER},x,2023-01-01,2024-01-01,暂停", "状态", "not one of"),
        (f"{NUMBER},x,2023-01-01,2024-01-01,正常\n{NUMBER},y,2023-01-01,2024-01-01,正常", "许可证编号", "listed again"),
    ],
)  # fmt: skip
def test_a_malformed_row_fails_the_whole_import(capsys, tmp_path, target, row, column, why):
    csv = tmp_path / "bad.csv"
    good = "浙B2-20190001,杭州某某有限公司,2019-01-01,2024-01-01,正常"
    csv.write_text(f"许可证编号,公司名称,发证日期,有效期至,状态\n{good}\n{row}\n", "utf-8")
    code, out, err = ledger_cmd(capsys, "import", "--ledger", target, str(csv))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"column {column!r}" in err and why in err
    assert "row 3" in err or "row 4" in err
    with Ledger(target) as ledger:
        assert ledger.stats()["registry"] == 0  # nothing half-imported


def test_importing_the_same_snapshot_twice_changes_nothing(capsys, tmp_path, target):
    csv = tmp_path / "registry.csv"
    csv.write_text(REGISTRY, encoding="utf-8")
    ledger_cmd(capsys, "import", "--ledger", target, str(csv))
    _, first, _ = ledger_cmd(capsys, "show", "--ledger", target, "--format", "json")
    code, _, err = ledger_cmd(capsys, "import", "--ledger", target, str(csv))
    assert code == 0 and "0 added, 0 changed, 2 unchanged" in err
    _, second, _ = ledger_cmd(capsys, "show", "--ledger", target, "--format", "json")
    assert first == second


def test_a_missing_column_is_named(capsys, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text("许可证编号,公司名称,发证日期\n", encoding="utf-8")
    code, _, err = ledger_cmd(capsys, "import", "--ledger", str(tmp_path / "l.sqlite"), str(csv))
    assert code == 2 and "no column for expiry, status" in err


# -- the ledger commands ------------------------------------------------------------------------


def test_show_forget_and_stats(capsys, tmp_path, target):
    csv = tmp_path / "registry.csv"
    csv.write_text(REGISTRY, encoding="utf-8")
    ledger_cmd(capsys, "import", "--ledger", target, str(csv))
    paths = write(tmp_path, {"a.md": BASE, "b.md": fictional(1)})
    run(capsys, "--ledger", target, *paths)
    code, out, _ = ledger_cmd(capsys, "show", "--ledger", target, "--format", "json")
    records = json.loads(out)
    assert code == 0 and {r["kind"] for r in records} == {"copy", "registry"}
    for r in records:
        assert {"kind", "path", "number", "company", "issue", "expiry"} <= set(r)
    [mine] = [r for r in records if r["kind"] == "copy" and r["path"] == os.path.abspath(paths[0])]
    assert (mine["number"], mine["company"]) == (NUMBER, COMPANY)
    assert (mine["issue"], mine["expiry"]) == ("2023-05-17", "2028-05-17")
    _, out, _ = ledger_cmd(capsys, "show", "--ledger", target, "--company", f" {COMPANY} ")
    assert out.count("\n") == 1 and COMPANY in out and "copy" in out
    _, out, _ = ledger_cmd(capsys, "show", "--ledger", target, "--company", "青禾云图")
    assert out.count("\n") == 1 and COMPANY in out  # a part of the name is enough
    _, out, _ = ledger_cmd(capsys, "show", "--ledger", target, "--number", "浙 B2－2023 0517")
    assert out.count("\n") == 2  # the copy and the registry row, the number in any spelling
    code, _, err = ledger_cmd(capsys, "forget", "--ledger", target, "--path", paths[1])
    assert code == 0 and f"forgot 1 copy of the path {paths[1]}" in err
    code, _, err = ledger_cmd(capsys, "forget", "--ledger", target, "--path", paths[1])
    assert code == 1 and "holds no copy of the path" in err
    code, _, err = ledger_cmd(capsys, "forget", "--ledger", target, "--number", NUMBER)
    assert code == 0 and "forgot 1 copy of the license number" in err
    code, out, _ = ledger_cmd(capsys, "stats", "--ledger", target, "--format", "json")
    stats = json.loads(out)
    # registry rows are the registry's public data: the next import replaces them
    assert (stats["copies"], stats["registry"], stats["schema"]) == (0, 2, SCHEMA_VERSION)


def test_forgotten_data_is_gone_from_the_sqlite_file(capsys, tmp_path):
    target = str(tmp_path / "l.sqlite")
    [path] = write(tmp_path, {"a.md": BASE.replace("林晓舟", "林秘密")})
    run(capsys, "--ledger", target, path)
    assert "林秘密".encode() in Path(target).read_bytes() + _wal(target)
    ledger_cmd(capsys, "forget", "--ledger", target, "--path", path)
    assert "林秘密".encode() not in Path(target).read_bytes() + _wal(target)


def _wal(target: str) -> bytes:
    wal = Path(target + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_ledger_commands_need_an_existing_ledger(capsys, tmp_path):
    code, _, err = ledger_cmd(capsys, "show", "--ledger", str(tmp_path / "none.sqlite"))
    assert code == 2 and "no such file" in err and not (tmp_path / "none.sqlite").exists()
    code, _, err = ledger_cmd(capsys, "stats", "--isolated")
    assert code == 2 and "no ledger" in err


def test_the_configuration_names_the_ledger_beside_itself(capsys, tmp_path, monkeypatch):
    (tmp_path / "liclint.toml").write_text('ledger = "records/ledger.sqlite"\n', "utf-8")
    (tmp_path / "records").mkdir()
    write(tmp_path / "copies", {"a.md": BASE})
    monkeypatch.chdir(tmp_path / "copies")
    assert main(["check", "--no-cache", "--as-of", "2025-06-01", "a.md"]) == 0
    assert (tmp_path / "records" / "ledger.sqlite").exists()
    monkeypatch.chdir(tmp_path)
    code, out, _ = ledger_cmd(capsys, "show")
    assert code == 0 and "a.md" in out


# -- schema migrations --------------------------------------------------------------------------


def test_an_older_ledger_is_upgraded_and_keeps_its_records(tmp_path, target):
    import sqlalchemy as sa

    from liclint.across.facts import facts_of
    from liclint.across.schema import meta
    from liclint.text.extract import parse_document

    url = (
        f"sqlite:///{target}"
        if "://" not in target
        else target.replace("postgresql:", "postgresql+psycopg:")
    )
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # a ledger as the first liclint with a ledger made it
        meta.create(conn)
        MIGRATIONS[0](conn)
        conn.execute(meta.insert().values(key="schema", value="1"))
    engine.dispose()
    with Ledger(target) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION
        facts = facts_of(parse_document("a.md", BASE), "d1")
        ledger.record([("a.md", facts)])
        assert ledger.stats()["copies"] == 1 and ledger.registry_size() == 0


def test_a_newer_ledger_is_refused(tmp_path):
    target = str(tmp_path / "l.sqlite")
    Ledger(target).close()
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE liclint_meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(LedgerError, match="schema version 99 is newer than this liclint's"):
        Ledger(target)


# -- security -----------------------------------------------------------------------------------


def test_hostile_company_names_are_stored_and_shown_verbatim(capsys, tmp_path, target):
    hostile = "杭州'); DROP TABLE copies; --\"科技有限公司"
    [path] = write(tmp_path, {"a.md": BASE.replace(COMPANY, hostile)})
    run(capsys, "--ledger", target, path)
    csv = tmp_path / "r.csv"
    csv.write_text(
        f'number,company,issue,expiry,status\n{NUMBER},"{hostile.replace(chr(34), chr(34) * 2)}",2023-05-17,2028-05-17,正常\n',
        "utf-8",
    )
    assert ledger_cmd(capsys, "import", "--ledger", target, str(csv))[0] == 0
    _, out, _ = ledger_cmd(
        capsys, "show", "--ledger", target, "--format", "json", "--company", hostile
    )
    assert [r["company"] for r in json.loads(out)] == [hostile, hostile]
    with Ledger(target) as ledger:
        assert ledger.stats()["copies"] == 1  # the table is still there


def test_a_new_sqlite_ledger_is_readable_by_its_owner_only(capsys, tmp_path):
    target = tmp_path / "l.sqlite"
    [path] = write(tmp_path, {"a.md": BASE})
    run(capsys, "--ledger", str(target), path)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_password_in_a_url_is_never_printed(capsys, tmp_path):
    url = "postgresql://bob:hunter2secret@127.0.0.1:9/db"
    [path] = write(tmp_path, {"a.md": BASE})
    code, out, err = run(capsys, "--ledger", url, path)
    assert code == 2 and "hunter2secret" not in out + err and "bob:***@" in err
    (tmp_path / "liclint.toml").write_text(f'ledger = "{url}"\n', "utf-8")
    code = main(["check", "--config", str(tmp_path / "liclint.toml"), "--show-settings", path])
    out, err = capsys.readouterr()
    assert "hunter2secret" not in out + err and 'ledger = "postgresql://bob:***@' in out
    code, out, err = ledger_cmd(capsys, "stats", "--ledger", url)
    assert code == 2 and "hunter2secret" not in out + err


def test_unknown_database_kinds_and_unusable_paths_are_one_line_errors(capsys, tmp_path):
    [path] = write(tmp_path, {"a.md": BASE})
    for bad, says in (
        ("mysql://u@h/db", "a SQLite file or a PostgreSQL database"),
        (str(tmp_path / "missing" / "l.sqlite"), "cannot create"),
    ):
        code, out, err = run(capsys, "--ledger", bad, path)
        assert code == 2 and out == "" and says in err and err.count("\n") == 1


# -- concurrency and crashes --------------------------------------------------------------------


def _corpus(folder: Path, start: int, count: int) -> list[str]:
    return write(folder, {f"c{i:04d}.md": fictional(i) for i in range(start, start + count)})


def _check(target: str, folder: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "liclint", "check", "--isolated", "--no-cache", "--as-of",
         "2025-06-01", "--ledger", target, "--format", "json", *extra, str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_concurrent_writers_record_every_copy(tmp_path, target):
    _corpus(tmp_path / "one", 0, 500)
    _corpus(tmp_path / "two", 500, 500)
    Ledger(target).close()  # both find the schema in place… or not: either way works
    runs = [
        _check(target, tmp_path / "one", "--jobs", "1"),
        _check(target, tmp_path / "two", "--jobs", "1"),
    ]
    errors = [run.communicate(timeout=600)[1] for run in runs]
    for run, err in zip(runs, errors, strict=True):
        assert run.returncode in (0, 1), err
        assert "locked" not in err and "error" not in err, err
    with Ledger(target) as ledger:
        assert ledger.stats()["copies"] == 1000
        assert ledger.integrity() == "ok"


def test_two_concurrent_runs_report_every_conflict_between_them(tmp_path, target):
    """Copy i of one run and copy i of the other carry one number and two companies; the runs
    commit their batches while the other does: each conflict is reported by at least one."""
    import threading
    import time

    count = 1200  # five batches each, over a few seconds
    write(tmp_path / "one", {f"a{i:04d}.md": fictional(i) for i in range(count)})
    write(
        tmp_path / "two",
        {f"b{i:04d}.md": fictional(5000 + i, number=f"浙B2-2023{i:04d}") for i in range(count)},
    )
    Ledger(target).close()
    runs, reports, commits = [], [], []
    for name in ("one", "two"):
        report = tmp_path / f"{name}.json"
        reports.append(report)
        command = [
            sys.executable, "-m", "liclint", "check", "--isolated", "--no-cache",
            "--as-of", "2025-06-01", "--ledger", target, "--jobs", "1", "--verbose",
            "--format", "json", "--output-file", str(report), str(tmp_path / name),
        ]  # fmt: skip
        runs.append(
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        )
    times: list[list[float]] = [[], []]

    def watch(index: int) -> None:
        for line in runs[index].stderr:
            if line.startswith("liclint: recorded "):
                times[index].append(time.monotonic())
            commits.append(line)

    watchers = [threading.Thread(target=watch, args=(i,)) for i in range(2)]
    for watcher in watchers:
        watcher.start()
    for run_, watcher in zip(runs, watchers, strict=True):
        run_.wait(timeout=600)
        watcher.join()
        assert run_.returncode == 1, commits
    one, two = times
    assert len(one) == len(two) == count
    # their commits interleaved
    assert one[0] < two[-1] and two[0] < one[-1], (one[0], one[-1], two[0], two[-1])
    flagged = set()
    for report in reports:
        for f in json.loads(report.read_text("utf-8")):
            if f["code"] == "CRS001":
                flagged.add(Path(f["path"]).name)
    missed = [i for i in range(count) if not {f"a{i:04d}.md", f"b{i:04d}.md"} & flagged]
    assert missed == []


def test_a_run_that_reads_before_the_other_commits_is_covered_by_the_other(tmp_path, target):
    """The interleavings that matter, step by step: whichever run reads the ledger first, a
    conflict it could not see is seen by the run that commits after that read."""
    from liclint.across.cross import CrossCheck
    from liclint.across.facts import facts_of
    from liclint.checking.meta import Context
    from liclint.running.cache import digest
    from liclint.running.linter import Linter
    from liclint.text.extract import parse_document

    linter = Linter()
    Ledger(target).close()

    def copy(path: str, text: str):
        return path, facts_of(parse_document(path, text), digest(text))

    ones = [copy(f"a{i}.md", fictional(i)) for i in range(6)]
    twos = [copy(f"b{i}.md", fictional(50 + i, number=f"浙B2-2023{i:04d}")) for i in range(6)]
    context = Context(__import__("datetime").date(2025, 6, 1))
    with (
        CrossCheck(linter.cross_rules, context, target, batch=2) as one,
        CrossCheck(linter.cross_rules, context, target, batch=2) as two,
    ):
        for i in range(0, 6, 2):  # their batches interleave: a0 a1, b0 b1, a2 a3, …
            for path, facts in ones[i : i + 2]:
                one.add(path, facts)
            if i < 4:  # the last batch of the second run comes after the first one's reading
                for path, facts in twos[i : i + 2]:
                    two.add(path, facts)
        first = {f.path for f in one.findings() if f.code == "CRS001"}
        for path, facts in twos[4:]:
            two.add(path, facts)
        second = {f.path for f in two.findings() if f.code == "CRS001"}
    assert first == {f"a{i}.md" for i in range(4)}  # b4, b5 were not committed yet
    assert second == {f"b{i}.md" for i in range(6)}  # the later reader sees all of them


def test_a_killed_run_leaves_a_sound_ledger_with_every_reported_copy(tmp_path, target):
    _corpus(tmp_path / "copies", 0, 1500)
    run = _check(target, tmp_path / "copies", "--jobs", "1", "--verbose")
    reported = []
    assert run.stderr is not None
    for line in run.stderr:
        if line.startswith("liclint: recorded "):
            reported.append(line.removeprefix("liclint: recorded ").rsplit(" in ", 1)[0])
        if len(reported) >= 300:
            break
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    assert run.returncode == -signal.SIGKILL and len(reported) >= 300
    with Ledger(target) as ledger:
        assert ledger.integrity() == "ok"
        held = {r["path"] for r in ledger.show()}
    assert set(reported) <= held
    assert len(held) < 1500  # it was killed mid-run


# -- speed of recording -------------------------------------------------------------------------


def test_records_are_written_in_batches(tmp_path, monkeypatch):
    writes = []
    original = Ledger.record

    def counting(self, items, when=None):
        writes.append(len(items))
        return original(self, items, when)

    monkeypatch.setattr(Ledger, "record", counting)
    paths = write(tmp_path, {f"c{i}.md": fictional(i) for i in range(300)})
    lint_paths(paths, ledger=str(tmp_path / "l.sqlite"))
    assert sum(writes) == 300 and len(writes) <= 3


def test_a_sqlite_ledger_run_makes_no_network_connection(capsys, tmp_path):
    from test_security import _EVENTS, record

    paths = write(tmp_path / "copies", {"a.md": BASE, "b.md": fictional(1)})
    target = str(tmp_path / "l.sqlite")
    record(lambda: run(capsys, "--ledger", target, *paths))
    assert not [e for e, _ in _EVENTS if e in ("socket.connect", "subprocess.Popen", "os.system")]
    with Ledger(target) as ledger:
        assert ledger.stats()["copies"] == 2


def test_the_severity_of_a_number_missing_from_the_registry_is_configurable(capsys, tmp_path):
    target = str(tmp_path / "l.sqlite")
    csv = tmp_path / "registry.csv"
    csv.write_text(REGISTRY, encoding="utf-8")
    ledger_cmd(capsys, "import", "--ledger", target, str(csv))
    [path] = write(tmp_path / "copies", {"a.md": fictional(3)})
    code, out, _ = run(capsys, "--ledger", target, path)
    assert code == 1 and f"{path}:5:9: REG001 [warning]" in out
    config = tmp_path / "liclint.toml"
    config.write_text(f'ledger = "{target}"\n[severity]\nREG001 = "error"\n', "utf-8")
    code = main(["check", "--no-cache", "--config", str(config), "--as-of", "2025-06-01", path])
    out, _ = capsys.readouterr()
    assert code == 1 and f"{path}:5:9: REG001 [error]" in out


def test_copies_served_from_the_cache_are_still_compared(capsys, tmp_path):
    paths = write(
        tmp_path, {"a.md": BASE, "b.md": BASE.replace(COMPANY, "杭州赤焰数码科技有限公司")}
    )
    check = ["check", "--isolated", "--cache-dir", str(tmp_path / "cache"), "--as-of", "2025-06-01"]
    outputs = []
    for _ in range(2):  # the second run reads every file's findings and facts from the cache
        assert main([*check, *paths]) == 1
        outputs.append(capsys.readouterr()[0])
    assert outputs[0] == outputs[1] and outputs[0].count("CRS001") == 2
    assert any((tmp_path / "cache").rglob("*.json"))


def test_a_key_is_summarised_one_record_for_each_distinct_set_of_facts(tmp_path, target):
    """Copies sharing a key are compared once per distinct set of facts: 30 copies of one
    license (the same facts, other bytes) are one Other counting 29, and every one of them is
    still checked."""
    from liclint.across.facts import facts_of
    from liclint.text.extract import parse_document

    one = "杭州赤焰数码科技有限公司"
    texts = [fictional(i, company=one) for i in range(30)]  # 30 numbers, one company
    with Ledger(target) as ledger:
        ledger.record(
            [(f"c{i}.md", facts_of(parse_document("x", t), f"d{i}")) for i, t in enumerate(texts)]
        )
        assert ledger.shared(["d0"]) == {"d0": [("company", one)]}
        # every record sharing the company: no cap
        assert {m.digest for _, m in ledger.members([("company", one)])} == {
            f"d{i}" for i in range(30)
        }
    paths = write(tmp_path / "many", {f"c{i:02d}.md": t for i, t in enumerate(texts)})
    found = [f for f in lint_paths(paths) if f.code == "CRS004"]
    assert len(found) == 30 and "and 28 more numbers" in found[0].message  # one a copy
    # the same license uploaded 30 times (other bytes, the same facts) and one forgery of it
    same = write(tmp_path / "same", {f"s{i:02d}.md": BASE + "\n" * i for i in range(30)})
    [forged] = write(tmp_path / "forged", {"f.md": BASE.replace(COMPANY, one)})
    found = [f for f in lint_paths([*same, forged]) if f.code == "CRS001"]
    assert len(found) == 31  # every upload and the forgery
    assert {f.path for f in found} == {*same, forged}


def test_forget_finds_a_copy_by_any_path_it_was_checked_under(capsys, tmp_path, monkeypatch):
    target = str(tmp_path / "l.sqlite")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "monday", {"a.md": BASE})
    write(tmp_path / "tuesday", {"again.md": BASE})  # the same bytes, another name
    run(capsys, "--ledger", target, "monday/a.md")
    run(capsys, "--ledger", target, "tuesday/again.md")
    monkeypatch.setattr(
        sys, "stdin", type("In", (), {"buffer": __import__("io").BytesIO(BASE.encode())})()
    )
    run(capsys, "--ledger", target, "-")  # piped in: keeps the path it was known by
    _, out, _ = ledger_cmd(capsys, "show", "--ledger", target)
    assert str(tmp_path / "tuesday" / "again.md") in out and "<stdin>" not in out
    code, _, err = ledger_cmd(capsys, "forget", "--ledger", target, "--path", "./monday/a.md")
    assert code == 0 and "forgot 1 copy" in err
    with Ledger(target) as ledger:
        assert ledger.stats()["copies"] == 0


def test_an_import_that_cannot_be_read_creates_no_ledger(capsys, tmp_path):
    target = tmp_path / "l.sqlite"
    code, _, err = ledger_cmd(capsys, "import", "--ledger", str(target), str(tmp_path / "none.csv"))
    assert code == 2 and "cannot be read" in err and not target.exists()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (f"{NUMBER},x,2023-01-01,2024-01-01,正常,吊销\n", "row 2: 6 fields, but the header has 5"),
        (f'{NUMBER},"x,2023-01-01,2024-01-01,正常\n{NUMBER},y,2023-01-01,2024-01-01,正常\n', "unbalanced quote"),
    ],
)  # fmt: skip
def test_rows_of_another_shape_are_refused(capsys, tmp_path, text, says):
    csv = tmp_path / "r.csv"
    csv.write_text("许可证编号,公司名称,发证日期,有效期至,状态\n" + text, "utf-8")
    code, _, err = ledger_cmd(capsys, "import", "--ledger", str(tmp_path / "l.sqlite"), str(csv))
    assert code == 2 and says in err


def test_a_utf16_export_with_tabs_is_read(tmp_path):
    csv = tmp_path / "export.txt"  # Excel's "Unicode text"
    csv.write_text(
        f"许可证编号\t公司名称\t发证日期\t有效期至\t状态\n{NUMBER}\t{COMPANY}\t2023-05-17\t2028-05-17\t正常\n",
        "utf-16",
    )
    with Ledger(str(tmp_path / "l.sqlite")) as ledger:
        assert ledger.import_registry(str(csv))["added"] == 1


def test_postgres_urls_use_the_postgresql_driver():
    from liclint.across.ledger import _url

    assert _url("postgres://u@h/db").drivername == "postgresql+psycopg"


def test_a_ledger_with_every_cross_copy_rule_deselected_is_said(capsys, tmp_path):
    [path] = write(tmp_path, {"a.md": BASE})
    code, _, err = run(capsys, "--ledger", str(tmp_path / "l.sqlite"), "--select", "NUM", path)
    assert code == 0 and "no cross-copy rule (CRS, REG) is selected" in err
