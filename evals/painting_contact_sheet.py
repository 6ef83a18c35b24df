"""A contact sheet of paintings made through the `paint` tool, each captioned with its request.

python -m evals.painting_contact_sheet --set dev --out docs/painter_dev.jpg
python -m evals.painting_contact_sheet --ids d01,d06,t44 --out /tmp/sheet.jpg --tile 256
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

from PIL import Image, ImageDraw, ImageFont

from evals.painting_blind import load_requests, paint_request

CAPTION = 30


def _font(size: int):
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default()


def contact_sheet(rows: list[dict], out: str, tile: int = 256, columns: int = 6, size: int = 512) -> list[float]:
    """Paint each row, tile the paintings with their requests under them; returns the seconds of each."""
    count = len(rows)
    lines = (count + columns - 1) // columns
    sheet = Image.new("RGB", (columns * tile, lines * (tile + CAPTION)), (246, 243, 236))
    draw, font = ImageDraw.Draw(sheet), _font(max(9, tile // 22))
    seconds = []
    with tempfile.TemporaryDirectory() as scratch:
        for i, row in enumerate(rows):
            made = paint_request(row, os.path.join(scratch, row["id"]), size)
            seconds.append(made["seconds"])
            x, y = (i % columns) * tile, (i // columns) * (tile + CAPTION)
            sheet.paste(Image.open(made["image"]).convert("RGB").resize((tile, tile), Image.LANCZOS), (x, y))
            draw.text((x + 4, y + tile + 3), _clip(row["request"], draw, font, tile - 8), fill=(40, 40, 40), font=font)
            print(f"{row['id']} {made['seconds']:.2f}s {made['summary']} | {'; '.join(made['notes'][-1:])}", flush=True)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    sheet.save(out, quality=88)
    return seconds


def _clip(text: str, draw: ImageDraw.ImageDraw, font, width: int) -> str:
    while text and draw.textlength(text, font=font) > width:
        text = text[:-2]
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev", choices=["dev", "test", "showcase"])
    parser.add_argument("--ids", default="", help="comma-separated row ids (from both sets); default: the whole set")
    parser.add_argument("--out", required=True)
    parser.add_argument("--tile", type=int, default=256)
    parser.add_argument("--columns", type=int, default=6)
    parser.add_argument("--size", type=int, default=512, choices=[512, 1024])
    args = parser.parse_args()
    rows = load_requests(args.set)
    if args.ids:
        every = {r["id"]: r for r in load_requests("dev") + load_requests("test")}
        rows = [every[i] for i in args.ids.split(",")]
    start = time.perf_counter()
    seconds = sorted(contact_sheet(rows, args.out, args.tile, args.columns, args.size))
    print(
        f"{args.out}: {len(rows)} paintings, median {seconds[len(seconds) // 2]:.2f}s, "
        f"{time.perf_counter() - start:.0f}s in all"
    )


if __name__ == "__main__":
    main()
