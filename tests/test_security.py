"""The promises of SECURITY.md that can be tested."""

from __future__ import annotations

import socket
import sys

from conftest import EXAMPLES
from liclint.cli.main import main

_EVENTS: list[tuple[str, tuple]] = []
_RECORDING = False


def _hook(event, args):
    if _RECORDING and event in (
        "open",
        "socket.connect",
        "import",
        "subprocess.Popen",
        "os.system",
    ):
        _EVENTS.append((event, args))


sys.addaudithook(_hook)


def record(func):
    global _RECORDING
    _EVENTS.clear()
    _RECORDING = True
    try:
        return func()
    finally:
        _RECORDING = False


def test_a_document_naming_a_module_does_not_import_it(tmp_path, capsys):
    text = (EXAMPLES / "provincial_icp.md").read_text(encoding="utf-8")
    text += (
        "\n__import__('liclint_evil_module')\nimport liclint_evil_module\n"
        '[project.entry-points.liclint]\nevil = "liclint_evil_module"\n'
    )
    path = tmp_path / "named.md"
    path.write_text(text, encoding="utf-8")
    record(lambda: main(["check", "--as-of", "2025-06-01", str(path)]))
    capsys.readouterr()
    assert "liclint_evil_module" not in sys.modules
    assert not any(e == "import" and "evil" in str(a[0]) for e, a in _EVENTS)


def test_no_writes_no_network_no_processes(tmp_path, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("liclint opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    # no cache: its writes (allowed, atomic) would depend on what earlier tests left in it
    check = ["check", "--no-cache", "--as-of", "2026-11-24", "--format", "json", str(EXAMPLES)]
    record(lambda: main(check))
    capsys.readouterr()
    writes = [
        a
        for e, a in _EVENTS
        if e == "open" and isinstance(a[1], str) and any(m in a[1] for m in "wax+")
    ]
    assert writes == []
    assert not [e for e, _ in _EVENTS if e in ("socket.connect", "subprocess.Popen", "os.system")]
    opened = {str(a[0]) for e, a in _EVENTS if e == "open"}
    assert any(p.endswith("forged.md") for p in opened)  # the hook did see the reads
