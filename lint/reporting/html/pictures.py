"""The part of a page image a finding's box is on, for the review page: a reviewer sees the
print itself (the retyped value, the seal), with the box drawn, beside the message.

The picture is cut from the original file, decoded or rendered again (no OCR: the boxes are the
run's), scaled down and embedded as a JPEG data URI. A file that cannot be read again, or a run
without the imaging extras, shows no pictures: the page sketch stays.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

#: Pictures a copy shows at most (one per distinct box), and their width at most in pixels.
MOST = 40
WIDTH = 640
#: Around the box, this share of the box's height of the page is shown too, between PAD
#: pixels (a line above and below) and four times as many.
MARGIN = 1.5
PAD = 40
#: The box's colour by severity, as the page's own.
COLOURS = {"error": (198, 40, 40), "warning": (178, 106, 0), "info": (21, 101, 192)}


def pictures(path: str, media, findings) -> dict[int, str]:
    """Data URIs by finding index (into ``findings``), for the findings whose line has a box on
    a page image."""
    wanted = []
    for i, f in enumerate(findings):
        line = media[f.line - 1] if 1 <= f.line <= len(media) else None
        if getattr(line, "frame", None) is None:
            continue  # not a line read off a page image (or not a liclint Line at all)
        extra = dict(f.extra)
        box = extra.get("box")
        if box and extra.get("page") == line.page:
            wanted.append((i, line, tuple(box), f.severity.value))
    if not wanted:
        return {}
    try:
        from liclint.reading.media import page_image

        data = Path(path).read_bytes()
    except (ImportError, OSError):
        return {}
    out: dict[int, str] = {}
    pages: dict[int, object] = {}
    made: dict[tuple, str] = {}
    for i, line, box, severity in wanted:
        key = (line.page, box, severity)
        if key not in made:
            if len(made) == MOST:
                continue
            try:
                if line.page not in pages:
                    pages.clear()  # one page image in memory at a time
                    pages[line.page] = page_image(data, path, line)
                made[key] = _cut(pages[line.page], box, COLOURS.get(severity, (0, 0, 0)))
            except Exception:  # a file changed or unreadable since the run: no picture
                continue
        out[i] = made[key]
    return out


def _cut(image, box, colour) -> str:
    from PIL import ImageDraw

    x0, y0, x1, y1 = box
    pad = min(max(MARGIN * (y1 - y0), PAD), 4 * PAD)
    left, top = max(0, int(x0 - pad)), max(0, int(y0 - pad))
    right, bottom = min(image.width, int(x1 + pad)), min(image.height, int(y1 + pad))
    part = image.crop((left, top, right, bottom)).convert("RGB")
    ImageDraw.Draw(part).rectangle(
        (x0 - left - 3, y0 - top - 3, x1 - left + 3, y1 - top + 3),
        outline=colour,
        width=min(max(2, int((y1 - y0) / 12)), 6),
    )
    if part.width > WIDTH:
        part = part.resize((WIDTH, max(1, round(part.height * WIDTH / part.width))))
    buffer = io.BytesIO()
    part.save(buffer, format="JPEG", quality=80)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
