"""The page pipeline against the bare OCR engine, per surface, in one run (issue 19).

    python bench/heldout_images/make.py        # once: writes bench/heldout_images/out/
    python bench/images.py [--engine rapidocr|tesseract] [--out FILE]

For each genuine image of the held-out set (bench/heldout_images/manifest.toml): the seconds
of the bare engine's default call on the image (RapidOCR as it comes, or Tesseract psm 6 on
the grayscale page) and of liclint's page pipeline (liclint.reading.page.read: evened-out
print, overlay separated, seal read, orientation), interleaved so that both see the same load;
and the peak RSS of one `liclint check` process per surface (os.wait4). Ratios, not seconds,
are the result: the machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import tomllib
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
    args = parser.parse_args()
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
