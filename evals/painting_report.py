"""Painting report: colour statistics per mood, palette following, mood separation, diversity between seeds,
distance to the nearest training image, a contact sheet per mood, and time per 512x512 painting.

    python -m evals.painting_report [--seeds 20]
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile
import time

import numpy as np
from PIL import Image

from evals.common import OUT_DIR, colour_stats, median_ms, print_table, write_json
from models.painter.corpus import make_corpus
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.mood_mapping import painting_parameters
from tools.paint import PaintArgs, paint, render_painting
from tools.palette import COLOURS, hue_distance
from tools.protocol import ToolContext

MOODS = ("melancholic", "joyful", "calm", "energetic")


def brief_for(mood: str, palette: list[str] | None = None) -> CreativeBrief:
    return apply_changes(CreativeBrief(), BriefChanges(mood=mood, palette=palette))[0]


def per_mood(seeds: int) -> tuple[dict, dict]:
    stats, images = {}, {}
    for mood in MOODS:
        params = painting_parameters(brief_for(mood))
        images[mood] = [render_painting(params, seed) for seed in range(1, seeds + 1)]
        rows = [colour_stats(img) for img in images[mood]]
        hits = [hue_distance(r["dominant_hue"], params.hue) <= 30 for r in rows if r["dominant_hue"] is not None]
        stats[mood] = {
            "asked_hue": params.hue,
            "rows": rows,
            "hue_within_30": float(np.mean(hits)) if hits else 0.0,
            "pairwise_distance": pairwise_distance(images[mood]),
        }
    return stats, images


def pairwise_distance(images: list[np.ndarray]) -> float:
    flat = [i.astype(np.float32).ravel() / 255 for i in images]
    return float(np.mean([np.sqrt(np.mean((a - b) ** 2)) for a, b in itertools.combinations(flat, 2)]))


def palette_following(seeds: int) -> dict:
    """Random chromatic colour names as the main colour, random moods: dominant hue within 30 degrees."""
    rng = np.random.default_rng(0)
    chromatic = [c for c, (_, s, _) in COLOURS.items() if s >= 0.4]
    hits, trials = 0, 0
    for seed in range(1, 5 * seeds + 1):
        colour, mood = str(rng.choice(chromatic)), str(rng.choice(MOODS))
        params = painting_parameters(brief_for(mood, [colour]))
        found = colour_stats(render_painting(params, seed))["dominant_hue"]
        trials += 1
        hits += found is not None and hue_distance(found, params.hue) <= 30
    return {"trials": trials, "hue_within_30": hits / trials}


def separation(stats: dict, seeds: int) -> dict:
    """Melancholic darker, cooler (hue nearer 220) and less saturated than joyful, per seed pair."""
    ok = 0
    for a, b in zip(stats["melancholic"]["rows"], stats["joyful"]["rows"]):
        cooler = hue_distance(a["dominant_hue"] or 0, 220) < hue_distance(b["dominant_hue"] or 0, 220)
        ok += a["brightness"] < b["brightness"] and a["saturation"] < b["saturation"] and cooler
    return {"melancholic<joyful": ok / seeds}


def nearest_training_distance(images: dict, n_train: int = 4000) -> dict:
    """RMS distance of samples to their nearest procedural training image vs between training images."""
    train, _, _ = make_corpus(n_train, seed=0)
    flat = train.reshape(len(train), -1).astype(np.float32) / 255
    samples = (
        np.stack([i for imgs in images.values() for i in imgs]).reshape(-1, flat.shape[1]).astype(np.float32) / 255
    )
    nearest = [float(np.sqrt(((flat - s) ** 2).mean(1)).min()) for s in samples]
    within = [float(np.sqrt(((np.delete(flat, i, 0) - flat[i]) ** 2).mean(1)).min()) for i in range(50)]
    return {"sample_to_nearest_train": float(np.median(nearest)), "train_to_nearest_train": float(np.median(within))}


def contact_sheets(images: dict) -> str:
    rows = [np.concatenate(imgs[:10], axis=1) for imgs in images.values()]
    sheet = Image.fromarray(np.concatenate(rows, axis=0)).resize((10 * 128, len(rows) * 128), Image.NEAREST)
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, "painting_contact_sheet.png")
    sheet.save(path)
    return path


def timing(runs: int) -> dict:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            ctx = ToolContext(brief=CreativeBrief(), out_dir=os.path.join(tmp, str(i)), seed=i + 1)
            t0 = time.perf_counter()
            paint(PaintArgs(mood="melancholic", new_variation=True), ctx)
            times.append(time.perf_counter() - t0)
    return {"median_ms": median_ms(times), "p90_ms": float(np.percentile(times, 90) * 1000)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args()
    stats, images = per_mood(args.seeds)
    rows = []
    for mood, s in stats.items():
        mean = {
            k: float(np.mean([r[k] for r in s["rows"] if r[k] is not None]))
            for k in ("brightness", "saturation", "colour_diversity")
        }
        rows.append(
            [
                mood,
                s["asked_hue"],
                mean["brightness"],
                mean["saturation"],
                mean["colour_diversity"],
                s["hue_within_30"],
                s["pairwise_distance"],
            ]
        )
    print_table(
        "Paintings per mood (64x64 model output, means over seeds)",
        ["mood", "asked hue", "brightness", "saturation", "colour div.", "hue<=30°", "seed diversity"],
        rows,
    )
    follow, sep = palette_following(args.seeds), separation(stats, args.seeds)
    print_table(
        "Palette following and mood separation",
        ["metric", "value"],
        [
            ["palette: dominant hue within 30°", follow["hue_within_30"]],
            ["trials", follow["trials"]],
            *[[f"separation {k}", v] for k, v in sep.items()],
        ],
    )
    copy = nearest_training_distance(images)
    print_table("Copying check (RMS distance, [0,1] pixels)", list(copy), [list(copy.values())])
    times = timing(20)
    print_table("One 512x512 painting (decode + finish + PNG), CPU", list(times), [list(times.values())])
    sheet = contact_sheets(images)
    print(f"contact sheet: {sheet}")
    write_json(
        "painting_report",
        {
            "per_mood": stats,
            "palette_following": follow,
            "separation": sep,
            "copying": copy,
            "timing": times,
            "contact_sheet": sheet,
        },
    )


if __name__ == "__main__":
    main()
