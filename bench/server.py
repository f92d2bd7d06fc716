"""The language server's latency: from a ``textDocument/didChange`` of a 10 KB copy to its
``publishDiagnostics``, as an editor sees it (the median of 20 changes).

    python bench/server.py                  # the default debounce (300 ms)
    python bench/server.py --debounce 0     # no debounce: the cost of a check alone
    python bench/server.py --changes 50

The client is a minimal LSP client over stdio written here (the standard library, no pygls), so
the figure includes the server's whole path: reading the message, applying the edit, finding the
configuration, checking, converting the positions, writing the diagnostics. Each change edits one
character of the license number on the front page (incremental sync, as editors send it) and so
changes the findings. The server is ``liclint server`` of this checkout (needs liclint[server]).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "examples" / "forged.md"


class Client:
    """JSON-RPC over a subprocess's stdin and stdout, with LSP's Content-Length framing."""

    def __init__(self, command: list[str], cwd: str | None = None) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd
        )
        self.next_id = 0

    def send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        length = 0
        while (line := self.process.stdout.readline().strip()) != b"":
            if not line and self.process.poll() is not None:
                raise EOFError("the server exited")
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        if not length:
            raise EOFError("the server closed its output")
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id and "method" not in message:
                return message

    def notify(self, method: str, params) -> None:
        self.send({"method": method, "params": params})

    def wait(self, method: str, until=lambda params: True) -> dict:
        while True:
            message = self.receive()
            if message.get("method") == method and until(message["params"]):
                return message["params"]

    def close(self) -> int:
        self.request("shutdown", None)
        self.notify("exit", None)
        return self.process.wait(timeout=10)


def measure(changes: int, debounce: int) -> tuple[list[float], int, int]:
    text = COPY.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines()) if row.startswith("经营许可证编号"))
    column = text.splitlines()[line].index("2023") + 3  # the year's last digit: 2023 → 2024…
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "copy.md"
        path.write_text(text, encoding="utf-8")
        (Path(folder) / "liclint.toml").write_text('as-of = "2025-06-01"\n', encoding="utf-8")
        uri = path.as_uri()
        command = [sys.executable, "-m", "liclint", "server", "--debounce", str(debounce)]
        client = Client(command, cwd=folder)
        client.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": Path(folder).as_uri(), "capabilities": {}},
        )
        client.notify("initialized", {})
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
        )
        first = client.wait("textDocument/publishDiagnostics")
        times = []
        for version in range(2, changes + 2):
            digit = str(version % 10)
            edit = {
                "range": {
                    "start": {"line": line, "character": column},
                    "end": {"line": line, "character": column + 1},
                },
                "text": digit,
            }
            start = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]},
            )
            client.wait(
                "textDocument/publishDiagnostics", lambda p, v=version: p.get("version") == v
            )
            times.append(time.perf_counter() - start)
        code = client.close()
    return times, len(first["diagnostics"]), code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--debounce", type=int, default=300, help="the server's, in ms")
    args = parser.parse_args()
    size = len(COPY.read_bytes())
    times, diagnostics, code = measure(args.changes, args.debounce)
    median = statistics.median(times) * 1000
    print(f"copy: {COPY.relative_to(ROOT)}, {size:,} bytes, {diagnostics} diagnostics on open")
    print(f"debounce: {args.debounce} ms; changes: {len(times)}; server exit code: {code}")
    print(
        f"didChange → publishDiagnostics: median {median:.1f} ms "
        f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}); "
        f"checking beyond the debounce: {median - args.debounce:.1f} ms"
    )
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
