"""Fetch the SARIF 2.1.0 JSON schema the reporter tests validate against (run once per checkout).

    python tests/data/fetch_schemas.py

The schema is published by OASIS; it is not copied into this repository. It is taken from the npm
package @microsoft/jest-sarif (Microsoft's SARIF matchers, which ship the 2.1.0 schema), fetched
from the package registry with `npm pack`, checked against a pinned SHA-256, and written to
tests/data/sarif-schema-2.1.0.json (ignored by git).
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
SHA256 = "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8"
TARGET = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"


def main() -> int:
    if TARGET.is_file() and hashlib.sha256(TARGET.read_bytes()).hexdigest() == SHA256:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        try:
            done = subprocess.run(
                ["npm", "pack", PACKAGE, "--silent"], cwd=tmp, capture_output=True, text=True
            )
        except FileNotFoundError:
            print("fetch_schemas: npm is not installed (needed once, to fetch the SARIF schema)")
            return 2
        if done.returncode != 0:
            print(f"fetch_schemas: npm pack {PACKAGE} failed: {done.stderr.strip()}")
            return 2
        archive = Path(tmp) / done.stdout.strip().splitlines()[-1]
        with tarfile.open(archive) as tar:
            data = tar.extractfile(MEMBER).read()
    if hashlib.sha256(data).hexdigest() != SHA256:
        print(f"fetch_schemas: {PACKAGE} {MEMBER} does not have the pinned SHA-256")
        return 2
    TARGET.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
