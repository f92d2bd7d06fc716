"""Find the files to check and read them as text. Nothing here ever writes to a file."""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import os
import re
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
    ".liclint_cache",
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
    *,
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    root: str | os.PathLike | None = None,
) -> Iterator[str]:
    """The files to check, in a deterministic order.

    A path named on the command line is checked whatever its name (unless it matches
    ``exclude`` itself; with ``force_exclude``, also when a folder it is in matches, between it
    and ``root`` — the project's folder, else the working directory — as ruff's
    ``--force-exclude``: pre-commit names every file). Directories are walked recursively for
    files matching ``include``, skipping :data:`WALK_EXCLUDE` directories (``.git``, ``.venv``,
    ``node_modules``…), the ``exclude`` patterns (``drafts/``, with a trailing slash, is a
    folder only) and, with ``respect_gitignore``, what the ``.gitignore`` files of the git work
    tree (and ``.git/info/exclude``) ignore. Symbolic links to directories are not followed (no
    loops); FIFOs, sockets and devices met in a walk are skipped, a broken link is yielded (its
    reading fails: a LIC002 finding, not a silent skip).
    """
    for path in paths:
        if path == STDIN:
            yield path
            continue
        if is_url(path):
            yield from _discover_url(path, include, exclude)
            continue
        directory = os.path.isdir(path)
        if matches(path, exclude, directory=directory):
            continue
        if force_exclude and _excluded_folder(path, exclude, root):
            continue
        if directory:
            yield from _walk(path, include, exclude, respect_gitignore)
        else:
            yield path


def _excluded_folder(path: str, exclude: Sequence[str], root) -> bool:
    """Whether a folder ``path`` is in, below ``root`` (or the working directory), matches
    ``exclude`` or :data:`WALK_EXCLUDE`."""
    base = os.path.abspath(root if root is not None else os.curdir)
    try:
        relative = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive
        return False
    if relative == os.curdir or relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        return False
    parts = relative.split(os.sep)[:-1]
    patterns = (*WALK_EXCLUDE, *exclude)
    return any(
        matches("/".join(parts[: i + 1]), patterns, directory=True) for i in range(len(parts))
    )


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


def _walk(
    top: str, include: Sequence[str], exclude: Sequence[str], respect_gitignore: bool = True
) -> Iterator[str]:
    ignores = _GitIgnores(top) if respect_gitignore else None
    for root, dirs, files in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = sorted(
            d
            for d in dirs
            if not matches(os.path.join(root, d), (*WALK_EXCLUDE, *exclude), directory=True)
            and not (ignores and ignores.ignored(os.path.join(root, d), directory=True))
        )
        for name in sorted(files):
            path = os.path.join(root, name)
            if not matches(path, include) or matches(path, exclude):
                continue
            if ignores and ignores.ignored(path, directory=False):
                continue
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    continue  # FIFO, socket, device: never open them
            except OSError:
                if not os.path.islink(path):
                    continue  # a file that vanished since the listing
                # a broken link (or a loop of links): yielded, so that its reading is reported
            yield path


def matches(path: str, patterns: Sequence[str], directory: bool = False) -> bool:
    """Whether ``path`` matches one of the glob ``patterns``: by its name, by the whole path or
    by its end (``archive/2019/*``). A pattern with a trailing slash (``drafts/``) matches a
    directory only (``directory``: ``path`` is one)."""
    norm = path.replace(os.sep, "/").rstrip("/")
    name = os.path.basename(norm)
    for p in patterns:
        if p.endswith("/"):
            if not directory:
                continue
            p = p.rstrip("/")
            if not p:
                continue
        if (
            fnmatch.fnmatchcase(name, p)
            or fnmatch.fnmatchcase(norm, p)
            or fnmatch.fnmatchcase(norm, "*/" + p)
        ):
            return True
    return False


# -- .gitignore ------------------------------------------------------------------------------------


def git_root(start: str | os.PathLike) -> str | None:
    """The top of the git work tree ``start`` is in (the folder holding ``.git``), or None."""
    here = os.path.abspath(start)
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


class _GitIgnores:
    """What git ignores in a walk: ``.git/info/exclude`` and the ``.gitignore`` of every folder
    from the work tree's top down (a deeper file, and a later line, decide over earlier ones;
    ``!`` re-includes). Outside a git work tree nothing is ignored."""

    def __init__(self, top: str) -> None:
        self.git = git_root(top)
        self.top = os.path.abspath(top)
        self._above: list[tuple[int, re.Pattern[str], bool, bool]] = []
        self._rules: dict[str, list[tuple[int, re.Pattern[str], bool, bool]]] = {}
        if self.git is None:
            return
        rules = _read_ignore(os.path.join(self.git, ".git", "info", "exclude"), self.git)
        here = self.top
        chain = []
        while True:
            chain.append(here)
            if here == self.git or os.path.dirname(here) == here:
                break
            here = os.path.dirname(here)
        for folder in reversed(chain[1:]):  # the folders above the walk's top
            rules = rules + _read_ignore(os.path.join(folder, ".gitignore"), folder)
        self._above = rules

    def _of(self, folder: str) -> list[tuple[int, re.Pattern[str], bool, bool]]:
        """The rules that apply in ``folder`` (the walk's top or a folder below it)."""
        rules = self._rules.get(folder)
        if rules is None:
            inherited = self._above if folder == self.top else self._of(os.path.dirname(folder))
            rules = inherited + _read_ignore(os.path.join(folder, ".gitignore"), folder)
            self._rules[folder] = rules
        return rules

    def ignored(self, path: str, directory: bool) -> bool:
        if self.git is None:
            return False
        full = os.path.abspath(path).replace(os.sep, "/")
        result = False
        for start, pattern, negate, folder_only in self._of(os.path.dirname(os.path.abspath(path))):
            if folder_only and not directory:
                continue
            if pattern.match(full, start):  # the path relative to the rule's folder
                result = not negate
        return result


def _read_ignore(path: str, base: str) -> list[tuple[int, re.Pattern[str], bool, bool]]:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return []
    rules = []
    for line in lines:
        if not line.endswith("\\ "):
            line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate or line.startswith(("\\!", "\\#")):
            line = line[1:]
        folder_only = line.endswith("/")
        line = line.rstrip("/")
        if line:
            start = len(base.replace(os.sep, "/").rstrip("/")) + 1  # where the relative path starts
            rules.append((start, _ignore_pattern(line), negate, folder_only))
    return rules


def _ignore_pattern(pattern: str) -> re.Pattern[str]:
    """A .gitignore pattern (without its ``!`` and trailing slash) as a regular expression over
    a path relative to the .gitignore's folder."""
    anchored = "/" in pattern
    pattern = pattern.removeprefix("/")
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    body = "".join(out)
    return re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z")


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
    if not data:
        raise ReadError(f"{name}: empty file (0 bytes): there is no license to check")
    if not data.removeprefix(codecs.BOM_UTF8).strip(b" \t\r\n\x0b\x0c"):
        raise ReadError(f"{name}: blank file (only white space): there is no license to check")
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
    except UnicodeDecodeError as exc:
        invalid = exc  # where UTF-8 fails is what the user can look for
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        byte = data[invalid.start]
        raise ReadError(
            f"{name}: not text in UTF-8 or GB18030 (byte 0x{byte:02X} at offset "
            f"{invalid.start} is not valid UTF-8, and the text is not GB18030 either)"
        ) from None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: invalid {encoding.upper()} at byte {exc.start}") from None
    if "\x00" in text:
        raise ReadError(f"{name}: not text (contains NUL characters)")
    return text
