"""A contact sheet of subjects painted through the `paint` tool, each captioned with the tool's summary.

python -m evals.object_sheet --out runs/objects_sheet.jpg --size 256 "a lighthouse on a cliff at dusk" ...
"""

from __future__ import annotations

import argparse
import tempfile
import time

from PIL import Image, ImageDraw

from tools.brief import CreativeBrief
from tools.protocol import ToolContext
from tools.registry import get_tool

DEFAULT_SUBJECTS = (
    "a lighthouse on a cliff at dusk",
    "fishing boats in a harbour",
    "a red fox in the snow",
    "two cats on a windowsill",
    "a bowl of fruit",
    "a portrait of an old sailor",
    "a hot-air balloon over the hills",
    "a castle on a hill",
    "camels in the desert",
    "a barn in a field",
    "a vase of sunflowers",
    "a whale in the ocean",
    "Venice at night",
    "a cozy cabin in the snow, warm light in the windows",
    "a teapot and a cup",
    "a volcano erupting at night",
)


def paint_subject(subject: str, seed: int, size: int, folder: str) -> tuple[Image.Image, str, float]:
    tool = get_tool("paint")
    brief = CreativeBrief(subject=subject, seeds={"melody": seed, "painting": seed, "text": seed})
    args = tool.args_model.model_validate({"size": size})
    start = time.perf_counter()
    result = tool.run(args, ToolContext(brief=brief, out_dir=folder, seed=seed))
    seconds = time.perf_counter() - start
    caption = "; ".join([result.summary, *result.changes])
    return Image.open(result.files["image"]).convert("RGB"), caption, seconds


def contact_sheet(subjects, seed: int, size: int, thumb: int, columns: int = 4) -> tuple[Image.Image, list[dict]]:
    """(sheet of thumb-sized paintings, each captioned, made at `size`; a row per subject with its timing)."""
    rows = (len(subjects) + columns - 1) // columns
    caption_h = 46
    sheet = Image.new("RGB", (columns * thumb, rows * (thumb + caption_h)), "white")
    draw = ImageDraw.Draw(sheet)
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, subject in enumerate(subjects):
            image, caption, seconds = paint_subject(subject, seed + i, size, f"{tmp}/{i}")
            x, y = (i % columns) * thumb, (i // columns) * (thumb + caption_h)
            sheet.paste(image.resize((thumb, thumb), Image.LANCZOS), (x, y))
            words, width = f"{subject} -> {caption}", thumb // 6
            for line in range(3):
                draw.text((x + 3, y + thumb + 2 + 14 * line), words[line * width : (line + 1) * width], fill="black")
            report.append({"subject": subject, "summary": caption, "seconds": round(seconds, 2)})
            print(f"{seconds:5.2f}s  {subject} -> {caption}", flush=True)
    return sheet, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("subjects", nargs="*", default=list(DEFAULT_SUBJECTS))
    parser.add_argument("--out", default="runs/objects_sheet.jpg")
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--thumb", type=int, default=256)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sheet, _ = contact_sheet(args.subjects, args.seed, args.size, args.thumb)
    sheet.save(args.out, quality=88)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
