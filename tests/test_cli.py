"""The command line as a user runs it: formats, exit codes, options, errors."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES
from liclint import __version__
from liclint.cli.main import main

EXPIRED = str(EXAMPLES / "expired_reissue.md")
CLEAN = str(EXAMPLES / "provincial_icp.md")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_file_exits_0(capsys):
    code, out, err = run(capsys, "check", "--as-of", "2025-06-01", CLEAN)
    assert code == 0 and "All checks passed" in out and err == ""


def test_expired_exits_1_with_text_finding(capsys):
    code, out, _ = run(capsys, "check", "--as-of", "2026-11-24", EXPIRED)
    assert code == 1
    assert f"{EXPIRED}:23:6: DAT006 [error] the license expired on 2026-09-12" in out


def test_json_format(capsys):
    code, out, _ = run(capsys, "check", "--format", "json", "--as-of", "2026-11-24", EXPIRED)
    data = json.loads(out)
    assert code == 1
    assert {"path", "line", "column", "code", "severity", "message"} <= set(data[0])
    assert data[0]["code"] == "DAT006" and data[0]["line"] == 23


def test_select_ignore_fail_on_and_exit_zero(capsys):
    args = ["check", "--as-of", "2026-11-24", EXPIRED]
    assert run(capsys, *args, "--ignore", "DAT006")[0] == 0
    assert run(capsys, *args, "--select", "NUM")[0] == 0
    assert run(capsys, *args, "--select", "DAT")[0] == 1
    assert run(capsys, *args, "--exit-zero")[0] == 0


def test_fail_on_levels(capsys):
    readme = str(EXAMPLES / "README.md")
    assert run(capsys, "check", readme)[0] == 0  # DOC001 is info
    assert run(capsys, "check", "--fail-on", "info", readme)[0] == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "--as-of", "2026-13-01", CLEAN], "YYYY-MM-DD"),
        (["check", "--select", "ZZZ", CLEAN], "matches no rule"),
        (["check", "--format", "xml", CLEAN], "invalid choice"),
        (["check", "/nonexistent/file.txt"], "no such file"),
        (["explain", "NOPE999"], "unknown rule code"),
        (["check", "--option", "bogus=1", CLEAN], "unknown rule option 'bogus'"),
        (["check", "--option", "novalue", CLEAN], "NAME=VALUE"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(capsys, args, message):
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_stdin(capsys, monkeypatch):
    import io

    data = (EXAMPLES / "expired_reissue.md").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "check", "--as-of", "2026-11-24", "-")
    assert code == 1 and out.startswith("<stdin>:23:6: DAT006")


def test_parse_prints_the_model(capsys):
    code, out, _ = run(capsys, "parse", EXPIRED)
    model = json.loads(out)
    assert code == 0
    assert model["expiry_date"]["value"] == "2026-09-12" and model["expiry_date"]["line"] == 23
    assert model["numbers"][2]["text"] == "粤 B2-20210934"
    assert model["numbers"][2]["normalized"] == "粤B2-20210934"


def test_rules_and_explain(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "DAT006  expired" in out
    code, out, _ = run(capsys, "explain", "dat006")
    assert code == 0 and out.startswith("DAT006 expired (error)") and "Citation:" in out


@pytest.mark.parametrize("code, name", [("LIC001", "rule-crashed"), ("LIC002", "unreadable-file")])
def test_explain_engine_finding(capsys, code, name):
    status, out, _ = run(capsys, "explain", code)
    assert status == 0 and out.startswith(f"{code} {name} (error)")


def test_output_is_deterministic(capsys):
    first = run(capsys, "check", "--as-of", "2026-11-24", str(EXAMPLES))
    second = run(capsys, "check", "--as-of", "2026-11-24", str(EXAMPLES))
    assert first == second


def test_never_writes_to_inputs(capsys):
    files = sorted(p for p in EXAMPLES.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    mtimes = {p: p.stat().st_mtime_ns for p in files}
    run(capsys, "check", "--as-of", "2026-11-24", str(EXAMPLES))
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert mtimes == {p: p.stat().st_mtime_ns for p in files}


def test_console_script_and_module(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "liclint", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.strip() == f"liclint {__version__}"


def test_internal_error_is_one_line_unless_debug(capsys, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr("liclint.running.linter.parse_document", explode)
    code, _, err = run(capsys, "check", CLEAN)
    assert (
        code == 2
        and err
        == "liclint: error: internal error: RuntimeError: kaboom "
        "(run with --debug for a traceback)\n"
    )
    with pytest.raises(RuntimeError):
        main(["check", "--debug", CLEAN])


class _Terminal:
    def __init__(self):
        import io

        self.buffer = io.StringIO()

    def isatty(self):
        return True

    def write(self, text):
        self.buffer.write(text)

    def flush(self):
        pass


@pytest.mark.parametrize(
    "ci, quiet, shown", [(None, False, True), ("true", False, False), (None, True, False)]
)
def test_progress_only_on_a_terminal_outside_ci_and_not_quiet(monkeypatch, ci, quiet, shown):
    from liclint.cli import check as cli

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.delenv("NO_PROGRESS", raising=False)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    now = [0.0]
    progress = cli._Progress(enabled=not quiet)
    progress.clock = lambda: now[0]
    progress.start = progress.last = 0.0
    for files in range(1, 40):
        now[0] += 0.1
        progress.update(files * 2)
    progress.done()
    text = terminal.buffer.getvalue()
    assert ("files/s" in text and "76 findings" in text) == shown
    assert not shown or text.endswith("\r\033[K")


def test_progress_is_never_shown_when_stderr_is_not_a_terminal(capsys, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    code, _, err = run(capsys, "check", "--as-of", "2025-06-01", CLEAN)
    assert code == 0 and err == ""
