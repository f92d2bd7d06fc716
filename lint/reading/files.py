"""Find the files to check and read them as text. Nothing here ever writes to a file."""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

#: What a directory walk checks: text copies, PDF files and images (read by content, so a
#: ``.txt`` that is really a PDF is still read as a PDF).
DEFAULT_INCLUDE = (
    "*.txt", "*.md", "*.pdf", "*.png", "*.jpg", "*.jpeg", "*.tif", "*.tiff", "*.webp",
)  # fmt: skip
#: Directories a walk never enters (as ruff does): tool caches, environments, VCS data.
WALK_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "node_modules",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    ".mypy_cache",
    "build",
    "dist",
    "site-packages",
    "*.egg-info",
)
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
#: PDF files and images may be larger than text (scans, photos): up to this many bytes.
MEDIA_MAX_BYTES = 50 * 1024 * 1024
#: The first bytes of each kind of file read through liclint.reading.media (text never imports it).
SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
)


def kind(data: bytes) -> str | None:
    """ "pdf", "image", or None for anything else (decided by content, not by the file name)."""
    for signature, name in SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image"
    return None


def is_media(data: bytes) -> bool:
    """Whether bytes are a PDF or an image (by content, not by name)."""
    return kind(data) is not None


STDIN = "-"


class ReadError(Exception):
    """A file that cannot be read as text; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # as the user will see it in reports
    text: str


def discover(
    paths: Sequence[str],
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
) -> Iterator[str]:
    """The files to check, in a deterministic order.

    A path named on the command line is checked whatever its name (unless excluded); directories
    are walked recursively for files matching ``include``, skipping :data:`WALK_EXCLUDE`
    directories (``.git``, ``.venv``, ``node_modules``…). Symbolic links to directories are not
    followed (no loops); broken links, FIFOs, sockets and devices met in a walk are skipped.
    """
    for path in paths:
        if path == STDIN:
            yield path
            continue
        if is_url(path):
            yield from _discover_url(path, include, exclude)
            continue
        if matches(path, exclude):
            continue
        if os.path.isdir(path):
            yield from _walk(path, include, exclude)
        else:
            yield path


def is_url(path: str) -> bool:
    """An fsspec URL (s3://…, gs://…, memory://…), read through fsspec (``liclint[dask]``)."""
    return "://" in path and not os.path.exists(path)


def _fsspec(url: str):
    try:
        import fsspec
    except ImportError:
        raise ReadError(f"{url}: reading URLs needs fsspec: pip install 'liclint[dask]'") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # an unknown protocol, or its driver missing
        raise ReadError(f"{url}: {exc}") from None


def _discover_url(url: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """The files under a URL (a file, or a folder walked for ``include``), as URLs."""
    try:
        fs, root = _fsspec(url)
        if not fs.isdir(root):
            yield url
            return
        found = sorted(fs.find(root))
    except ReadError:
        yield url  # reported when it is read
        return
    except OSError:
        yield url
        return
    protocol = url.split("://", 1)[0]
    base = root.rstrip("/")
    for name in found:
        if name.startswith(base):  # spelled from the user's URL: one file, one name
            full = url.rstrip("/") + name[len(base) :]
        else:
            full = name if "://" in name else f"{protocol}://{name}"
        if matches(full, include) and not matches(full, exclude):
            yield full


def _walk(top: str, include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not matches(os.path.join(root, d), (*WALK_EXCLUDE, *exclude))
        )
        for name in sorted(files):
            path = os.path.join(root, name)
            if not matches(path, include) or matches(path, exclude):
                continue
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    continue  # FIFO, socket, device: never open them
            except OSError:
                continue  # a broken link, or a file that vanished since the listing
            yield path


def matches(path: str, patterns: Sequence[str]) -> bool:
    norm = path.replace(os.sep, "/")
    name = os.path.basename(norm.rstrip("/"))
    return any(
        fnmatch.fnmatchcase(name, p)
        or fnmatch.fnmatchcase(norm, p)
        or fnmatch.fnmatchcase(norm, "*/" + p)
        for p in patterns
    )


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode one file (or standard input for ``-``)."""
    name, data = read_bytes(path, max_bytes)
    return Source(name, decode(data, name))


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes]:
    """The name to report and the bytes of one file (or standard input for ``-``)."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    elif is_url(path):
        name = path
        data = _read_url(path, max_bytes)
    else:
        name = path
        data = _read_file(path, max_bytes)
    limit = max(max_bytes, MEDIA_MAX_BYTES) if is_media(data) else max_bytes
    if len(data) > limit:
        raise ReadError(f"{name}: too large (over {limit} bytes; see --max-size)")
    return name, data


def _read_file(path: str, max_bytes: int) -> bytes:
    with _errors(path):
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(f"{path}: not a regular file (a FIFO, socket or device); not read")
        with open(path, "rb") as handle:
            if info.st_size > max_bytes:
                head = handle.read(16)
                limit = max(max_bytes, MEDIA_MAX_BYTES) if is_media(head) else max_bytes
                if info.st_size > limit:
                    raise ReadError(
                        f"{path}: too large ({info.st_size} bytes, limit {limit}; see --max-size)"
                    )
                return head + handle.read(limit + 1 - len(head))
            return handle.read(max_bytes + 1)


def _read_url(url: str, max_bytes: int) -> bytes:
    fs, path = _fsspec(url)
    with _errors(url), fs.open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes and is_media(data):
            data += handle.read(max(max_bytes, MEDIA_MAX_BYTES) + 1 - len(data))
        return data


@contextlib.contextmanager
def _errors(name: str):
    """OS errors while reading ``name`` as one-line ReadErrors."""
    try:
        yield
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{name}: is a directory") from None
    except PermissionError:
        raise ReadError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{name}: cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    UTF-8 is tried strictly first: a valid UTF-8 text is never read as GB18030.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    if b"\x00" in data:
        raise ReadError(f"{name}: not text (contains NUL bytes; binary or image data?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{name}: not text in UTF-8 or GB18030 (undecodable byte at offset {exc.start})"
        ) from None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: invalid {encoding.upper()} at byte {exc.start}") from None
    if "\x00" in text:
        raise ReadError(f"{name}: not text (contains NUL characters)")
    return text
