"""The page pipeline against the bare OCR engine, per surface, in one run (issue 19).

    python bench/heldout_images/make.py        # once: writes bench/heldout_images/out/
    python bench/images.py [--engine rapidocr|tesseract] [--out FILE]
    python bench/images.py --accuracy [--engine rapidocr|tesseract] [--out FILE]

--accuracy: how well the text is read. For each genuine file of the held-out set (images,
scanned and text PDFs), the license text its pages print, from make.py's own layout (the items
of the pages the file shows, in reading order: by baseline, then left to right; not the
merchant's watermark, not the seal), against the content lines liclint reads
(liclint.reading.media.extract, lines of kind "text") and against the bare engine's reading of
the same images (of a text PDF: pypdfium2's text of the page). Character accuracy is
1 - edit distance / characters of the truth, page by page, after NFKC and without whitespace,
summed over a surface's pages (below 0: more characters read beyond the truth than it has).
Watermark and seal characters in content: characters read that the alignment matches to nothing
of the truth, of the copy's watermark text (manifest) or its seal's authority, counted in a run of
such characters that holds two of them side by side as that text has them (not digits). Each
engine reads each file once; --readings keeps the texts read, --again recounts from them.

For each genuine image of the held-out set (bench/heldout_images/manifest.toml): the seconds
of the bare engine's default call on the image (RapidOCR as it comes, or Tesseract psm 6 on
the grayscale page) and of liclint's page pipeline (liclint.reading.page.read: evened-out
print, overlay separated, seal read, orientation), interleaved so that both see the same load;
and the peak RSS of one `liclint check` process per surface (os.wait4). Ratios, not seconds,
are the result: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import tomllib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
SET = HERE / "heldout_images"


def bare(engine: str, image):
    """The engine's default call on the image, as a user of the engine would make it."""
    import numpy

    if engine == "tesseract":
        from liclint.reading.media import _Tesseract

        return _Tesseract(1, "bench").read(numpy.asarray(image.convert("L")))
    from rapidocr import RapidOCR

    if not hasattr(bare, "rapid"):
        bare.rapid = RapidOCR(params={"Global.log_level": "warning"})
    return bare.rapid(numpy.asarray(image.convert("RGB")))


def pipeline(engine: str, image):
    from liclint.reading.media import _ocr
    from liclint.reading.page import read

    return read(_ocr(engine, 0, "bench"), image)


# -- accuracy ------------------------------------------------------------------------------------


def _make():
    """bench/heldout_images/make.py as a module (its layout needs Pillow and the CJK fonts)."""
    if not hasattr(_make, "module"):
        import importlib.util

        spec = importlib.util.spec_from_file_location("heldout_make", SET / "make.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look themselves up there
        spec.loader.exec_module(module)
        _make.module = module
    return _make.module


def _flat(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def truth(name: str) -> list[str]:
    """The license text each page of a genuine file prints, in reading order."""
    make = _make()
    spec = next(s for s in make.GENUINE if s.name == name)
    pages = make.layout(make.BASES[spec.base])
    out = []
    for i in make.page_indices(spec, pages):
        items = sorted(pages[i].items, key=lambda it: (it.base, it.x))
        out.append(_flat("".join(it.text for it in items)))
    return out


def align(truth: str, read: str) -> tuple[int, list[tuple[int, int]], int, int]:
    """Levenshtein distance, the runs (start, end) of characters read that match nothing of the
    truth (inserted or substituted), how many characters of the truth were not read at all
    (deleted) and how many were read beyond it (inserted); by a DP over rows (numpy) and one
    path back."""
    import numpy

    n, m = len(truth), len(read)
    t = numpy.frombuffer(truth.encode("utf-32-le"), numpy.uint32)
    r = numpy.frombuffer(read.encode("utf-32-le"), numpy.uint32)
    cols = numpy.arange(m + 1, dtype=numpy.int32)
    d = numpy.empty((n + 1, m + 1), numpy.int32)
    d[0] = cols
    for i in range(1, n + 1):
        row = numpy.empty(m + 1, numpy.int32)
        row[0] = i
        row[1:] = numpy.minimum(d[i - 1, 1:] + 1, d[i - 1, :-1] + (r != t[i - 1]))
        d[i] = numpy.minimum.accumulate(row - cols) + cols  # an insertion after the best so far
    i, j, unmatched, deleted, inserted = n, m, [], 0, 0
    while i or j:
        if i and j and d[i, j] == d[i - 1, j - 1] + (truth[i - 1] != read[j - 1]):
            if truth[i - 1] != read[j - 1]:
                unmatched.append(j - 1)
            i, j = i - 1, j - 1
        elif j and d[i, j] == d[i, j - 1] + 1:
            unmatched.append(j - 1)
            inserted += 1
            j -= 1
        else:
            deleted += 1
            i -= 1
    runs: list[tuple[int, int]] = []
    for k in sorted(unmatched):
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return int(d[n, m]), runs, deleted, inserted


def foreign(read: str, runs, text: str) -> int:
    """Characters of the unmatched runs that belong to a text laid over the page (the watermark,
    the seal's authority): every character of the text in a run that holds two of the text's
    characters as the text has them side by side (not two digits: a date or a status bar)."""
    pairs = {text[i : i + 2] for i in range(len(text) - 1)}
    pairs = {p for p in pairs if not (p[0].isdigit() or p[1].isdigit())}
    total = 0
    for a, b in runs:
        run = read[a:b]
        if any(run[i : i + 2] in pairs for i in range(len(run) - 1)):
            total += sum(c in text for c in run)
    return total


def readings(engine: str, path: Path) -> tuple[list[str], list[str]]:
    """liclint's content lines and the bare engine's reading, per page, of one file."""
    from PIL import Image

    from liclint.reading.media import MIN_TEXT_LAYER, RENDER_SCALE, _ocr, extract

    data = path.read_bytes()
    got = extract(data, path.name, engine)
    texts = got.text.split("\n")
    assert len(texts) == len(got.lines), path
    ours: dict[int, list[str]] = {}
    for text, line in zip(texts, got.lines, strict=True):
        if line.kind == "text":
            ours.setdefault(line.page, []).append(text)
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        theirs = []
        for page in document:
            textpage = page.get_textpage()
            layer = textpage.get_text_range()
            textpage.close()
            if len("".join(layer.split())) >= MIN_TEXT_LAYER:  # a text PDF: its layer, as is
                theirs.append(layer)
                continue
            scale = RENDER_SCALE  # a scan: the page as liclint renders it, to the bare engine
            side = _ocr(engine, None, path.name).max_side
            if side:
                scale = min(scale, side / max(page.get_size()))
            theirs.append(_bare_text(engine, page.render(scale=scale).to_pil()))
        document.close()
    else:
        image = Image.open(path)
        image.load()
        theirs = [_bare_text(engine, image)]
    pages = max(len(theirs), max(ours, default=0))
    return ["".join(ours.get(k + 1, [])) for k in range(pages)], theirs


def _bare_text(engine: str, image) -> str:
    result = bare(engine, image)
    if engine == "tesseract":
        return "".join(p.text for p in result)
    return "".join(result.txts or ()) if result is not None else ""


def accuracy(engine: str, keep: str | None = None, again: str | None = None) -> str:
    """The figure, from a reading of every genuine file (or from the readings kept by an
    earlier run: again)."""
    manifest = tomllib.loads((SET / "manifest.toml").read_text("utf-8"))["file"]
    files = [f for f in manifest if f["kind"] == "genuine"]
    if again:
        kept = json.loads(Path(again).read_text("utf-8"))
    else:
        if not (SET / files[0]["path"]).exists():
            sys.exit("bench/images.py: run bench/heldout_images/make.py first")
        import liclint

        kept = {
            "engine": engine,
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "liclint": str(Path(liclint.__file__).parent),
            "files": {},
        }
    make = _make()
    seal_of = {b.id: make.AUTH[b.prov] for b in make.BASES.values()}
    order = ("scan", "photo", "screenshot", "rotated", "scanpdf", "textpdf")
    sums: dict[str, list[int]] = {}
    detail = [
        "| file | pages | truth chars | pipeline | bare | watermark chars (pipeline / bare) "
        "| seal chars | truth chars lost | chars inserted |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for f in sorted(files, key=lambda f: (order.index(f["surface"]), f["path"])):
        path = SET / f["path"]
        want = truth(path.stem)
        if path.name not in kept["files"]:
            ours, theirs = readings(engine, path)
            kept["files"][path.name] = [
                {"truth": page, "pipeline": ours[k] if k < len(ours) else "", "bare": theirs[k]}
                for k, page in enumerate(want)
            ]
        wm = _flat(f.get("watermark", ""))
        seal = seal_of[f["base"]]
        # per side (pipeline, bare): distance, watermark chars, seal chars, lost, inserted
        row = [[0] * 5, [0] * 5]
        for page in kept["files"][path.name]:
            for side, key in enumerate(("pipeline", "bare")):
                read = _flat(page[key])
                dist, runs, deleted, inserted = align(page["truth"], read)
                got = (dist, foreign(read, runs, wm), foreign(read, runs, seal), deleted, inserted)
                row[side] = [a + b for a, b in zip(row[side], got, strict=True)]
        chars = sum(len(p) for p in want)
        s = sums.setdefault(f["surface"], [0] * 13)
        for k, v in enumerate([1, len(want), chars, *row[0], *row[1]]):
            s[k] += v
        (d0, w0, s0, l0, i0), (d1, w1, s1, l1, i1) = row
        detail.append(
            f"| {path.name} | {len(want)} | {chars} | {1 - d0 / chars:.3f} | {1 - d1 / chars:.3f} "
            f"| {w0} / {w1} | {s0} / {s1} | {l0} / {l1} | {i0} / {i1} |"
        )
        print(detail[-1], file=sys.stderr, flush=True)
    engine = kept["engine"]
    bare_name = {"rapidocr": "bare RapidOCR", "tesseract": "bare Tesseract (psm 6)"}[engine]
    rows = [
        f"| surface | files | pages | truth chars | pipeline char accuracy | {bare_name} "
        "| watermark chars in content: pipeline / bare | seal chars: pipeline / bare "
        "| truth chars lost: pipeline / bare | chars inserted: pipeline / bare |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for surface in order:
        if surface not in sums:
            continue
        n, pages, chars, d0, w0, s0, l0, i0, d1, w1, s1, l1, i1 = sums[surface]
        note = " (text layer; bare: pypdfium2's text)" if surface == "textpdf" else ""
        rows.append(
            f"| {surface}{note} | {n} | {pages} | {chars} | {1 - d0 / chars:.3f} "
            f"| {1 - d1 / chars:.3f} | {w0} / {w1} | {s0} / {s1} | {l0} / {l1} | {i0} / {i1} |"
        )
    if keep:
        Path(keep).write_text(json.dumps(kept, ensure_ascii=False, indent=1), "utf-8")
    head = (
        f"Engine: {engine}; read {kept['when']}; 2 cores, shared; "
        f"liclint from {kept['liclint']}.\n\n"
    )
    return head + "\n".join(rows) + "\n\nPer file (pipeline / bare):\n\n" + "\n".join(detail) + "\n"


def peak_rss(command: list[str]) -> float:
    """Peak RSS of one process, in MB, measured by a small interpreter that starts it (a child
    forked from this process would count this process's models as its own memory)."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", probe, *command], capture_output=True, text=True
    )
    return int(done.stdout.strip() or 0) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default="rapidocr", choices=("rapidocr", "tesseract"))
    parser.add_argument("--out", default=None)
    parser.add_argument("--accuracy", action="store_true", help="character accuracy, not time")
    parser.add_argument("--readings", default=None, help="--accuracy: keep the texts read (JSON)")
    parser.add_argument("--again", default=None, help="--accuracy from the texts a run kept")
    args = parser.parse_args()
    if args.accuracy:
        text = accuracy(args.engine, args.readings, args.again)
        print(text)
        if args.out:
            Path(args.out).write_text(text, "utf-8")
        return
    from PIL import Image

    manifest = tomllib.loads((SET / "manifest.toml").read_text("utf-8"))["file"]
    images = [
        f for f in manifest if f["kind"] == "genuine" and f["path"].endswith((".jpg", ".png"))
    ]
    if not images or not (SET / images[0]["path"]).exists():
        sys.exit("bench/images.py: run bench/heldout_images/make.py first")
    by_surface: dict[str, list[tuple[float, float]]] = {}
    for f in images:
        image = Image.open(SET / f["path"])
        image.load()
        pipeline(args.engine, image)  # warm: models loaded once
        bare(args.engine, image)
        t0 = time.perf_counter()
        bare(args.engine, image)
        t1 = time.perf_counter()
        pipeline(args.engine, image)
        t2 = time.perf_counter()
        by_surface.setdefault(f["surface"], []).append((t1 - t0, t2 - t1))
    liclint = str(Path(sys.executable).parent / "liclint")
    rows = [
        "| surface | images | bare engine s/page | pipeline s/page | pipeline / bare | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for surface, times in sorted(by_surface.items()):
        sample = next(f for f in images if f["surface"] == surface)
        rss = peak_rss([liclint, "check", "--isolated", "--no-cache", "--jobs", "1",
                        "--ocr-engine", args.engine, str(SET / sample["path"])])  # fmt: skip
        b = statistics.median(t for t, _ in times)
        p = statistics.median(t for _, t in times)
        rows.append(f"| {surface} | {len(times)} | {b:.2f} | {p:.2f} | {p / b:.2f} | {rss:.0f} |")
    head = f"Engine: {args.engine}; {time.strftime('%Y-%m-%d %H:%M')}; 2 cores, shared.\n\n"
    text = head + "\n".join(rows) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, "utf-8")


if __name__ == "__main__":
    main()
