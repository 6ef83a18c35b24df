"""Painting report: is the subject there, is it sharp, do seeds differ, does it look like the corpus, do palette
and mood hold, does a refinement keep the composition, how fast; with a contact sheet.

Rows: the shipped painter through the tool path ("generated"), the corpus (procedural layouts painted by the
same brushwork, the ceiling), and the v1 cVAE ("before", measured once from its paintings with --before-dir).

    python -m evals.painting_report [--seeds 4] [--before-dir DIR]

Its "subject recognised" is a classifier trained on the painter's own corpus over its 14 families: it cannot see
a missing lighthouse. Whether a painting shows what was asked is judged blind by `evals/painting_blind.py`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import time

import numpy as np
import yaml
from PIL import Image

from evals.common import OUT_DIR, dominant_hue, median_ms, print_table, rgb_to_hsv, write_json
from evals.painting_classifier import predict, train_classifier
from evals.style_embedding import frechet_distance, style_vectors
from models.painter.render import render_class_map
from models.painter.scene_layout import draw_layout
from models.painter.scene_spec import FAMILIES, random_scene_spec
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.paint import render_painting
from tools.painting_mapping import painting_parameters
from tools.palette import COLOURS, hue_distance

MOODS = ("melancholic", "joyful", "calm", "angry")
DATA = os.path.join(os.path.dirname(__file__), "data")
SUBJECTS = yaml.safe_load(open(os.path.join(DATA, "painting_subjects.yaml")))
BEFORE = os.path.join(DATA, "painting_before.json")
EVAL_SIZE = 128


def brief_for(mood: str, family: str, **changes) -> CreativeBrief:
    return apply_changes(CreativeBrief(), BriefChanges(mood=mood, subject=SUBJECTS[family], **changes))[0]


def small(image: Image.Image) -> np.ndarray:
    """The painting at 128 px, averaged down (pixel grain averages out, edges stay)."""
    return np.asarray(image.resize((EVAL_SIZE, EVAL_SIZE), Image.BOX))


def laplacian_variance(image: np.ndarray) -> float:
    grey = image.astype(np.float32).mean(-1)
    lap = grey[1:-1, :-2] + grey[1:-1, 2:] + grey[:-2, 1:-1] + grey[2:, 1:-1] - 4 * grey[1:-1, 1:-1]
    return float(lap.var())


def paint_set(seeds: range, corpus: bool) -> tuple[list[dict], float]:
    """Paintings for every family x mood x seed: by the painter, or from the corpus's own layouts."""
    rows, times = [], []
    for family, mood, seed in itertools.product(FAMILIES, MOODS, seeds):
        spec = painting_parameters(brief_for(mood, family)).spec
        t0 = time.perf_counter()
        if corpus:
            image = render_class_map(draw_layout(spec, np.random.default_rng(seed)), spec, seed, 512)
        else:
            image = render_painting(spec, seed, 512)
        times.append(time.perf_counter() - t0)
        rows.append({"family": family, "mood": mood, "seed": seed, "image": image, "spec": spec})
    return rows, median_ms(times) / 1000


def _corpus_paintings(args: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """(images uint8 [n, 128, 128, 3], family indices [n]) of random corpus specs, painted at 512 as the painter
    paints, seen at 128 as the report sees every painting."""
    n, seed = args
    rng = np.random.default_rng(seed)
    specs = [random_scene_spec(rng) for _ in range(n)]
    images = [small(render_class_map(draw_layout(s, rng), s, seed + i, 512)) for i, s in enumerate(specs)]
    return np.stack(images), np.array([FAMILIES.index(s.family) for s in specs])


def classifier_and_accuracy(n: int, seed: int = 7, workers: int = 2) -> tuple[object, float]:
    """A family classifier trained on corpus paintings, and its held-out accuracy."""
    from multiprocessing import get_context

    chunks = [(n // workers, seed * 1000 + w) for w in range(workers)]
    with get_context("spawn").Pool(workers) as pool:
        parts = pool.map(_corpus_paintings, chunks)
    images, labels = np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    cut = int(0.85 * n)
    model = train_classifier(images[:cut], labels[:cut])
    predicted, _ = predict(model, images[cut:])
    return model, float((predicted == labels[cut:]).mean())


def row_metrics(rows: list[dict], classifier) -> dict:
    images = np.stack([r["small"] for r in rows])
    predicted, feats = predict(classifier, images)
    wanted = np.array([FAMILIES.index(r["family"]) for r in rows])
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault((r["family"], r["mood"]), []).append(i)
    spreads = [
        np.mean([np.linalg.norm(feats[a] - feats[b]) for a, b in itertools.combinations(idx, 2)])
        for idx in groups.values()
        if len(idx) > 1
    ]
    return {
        "paintings": len(rows),
        "recognised": float((predicted == wanted).mean()),
        "recognised_by_family": {f: float((predicted[wanted == i] == i).mean()) for i, f in enumerate(FAMILIES)},
        "sharpness": float(np.median([laplacian_variance(r["small"]) for r in rows])),
        "variety": float(np.mean(spreads)),
    }


def frechet_rows(rows: list[dict], reference: list[dict]) -> dict:
    a, b = style_vectors([r["image"] for r in rows]), style_vectors([r["image"] for r in reference])
    fams_a = np.array([r["family"] for r in rows])
    fams_b = np.array([r["family"] for r in reference])
    per_family = {f: frechet_distance(a[fams_a == f], b[fams_b == f]) for f in FAMILIES}
    return {
        "fd_all": frechet_distance(a, b),
        "fd_family_mean": float(np.mean(list(per_family.values()))),
        **{f"fd_{f}": v for f, v in per_family.items()},
    }


def palette_following(trials: int) -> dict:
    """A random chromatic colour named as the palette, random family, mood and seed: dominant hue within 30 degrees."""
    rng = np.random.default_rng(0)
    chromatic = [c for c, (_, s, _) in COLOURS.items() if s >= 0.4]
    hits = []
    for seed in range(1, trials + 1):
        colour, family, mood = (str(rng.choice(x)) for x in (chromatic, FAMILIES, MOODS))
        spec = painting_parameters(brief_for(mood, family, palette=[colour])).spec
        found = dominant_hue(small(render_painting(spec, seed, 512)))
        hits.append(found is not None and hue_distance(found, spec.hue) <= 30)
    return {"trials": trials, "main_colour_dominant": float(np.mean(hits))}


def mood_pairs(rows: list[dict]) -> dict:
    """Melancholic darker, cooler (dominant hue nearer 220) and less saturated than joyful: same family and seed."""
    by_key = {(r["family"], r["mood"], r["seed"]): r for r in rows}
    ok = []
    for (family, mood, seed), sad in by_key.items():
        if mood != "melancholic":
            continue
        happy = by_key[(family, "joyful", seed)]
        hs, hh = rgb_to_hsv(sad["small"]), rgb_to_hsv(happy["small"])
        cool = hue_distance(dominant_hue(sad["small"]) or 220, 220) < hue_distance(
            dominant_hue(happy["small"]) or 0, 220
        )
        ok.append(hs[..., 2].mean() < hh[..., 2].mean() and hs[..., 1].mean() < hh[..., 1].mean() and cool)
    return {"pairs": len(ok), "melancholic_darker_cooler_more_muted": float(np.mean(ok))}


def edge_map(image: Image.Image) -> np.ndarray:
    grey = np.asarray(image.convert("L").resize((64, 64), Image.BOX), dtype=np.float32)
    gy, gx = np.gradient(grey)
    return np.hypot(gx, gy).ravel()


def layout_similarity(a: Image.Image, b: Image.Image) -> float:
    """Correlation of edge-strength maps at 64 px: the composition's structure, whatever its colours."""
    return float(np.corrcoef(edge_map(a), edge_map(b))[0, 1])


def refinements(seeds: int) -> dict:
    """ "more blue" / "brighter" on one seed keep the layout; a new seed does not."""
    kept, brighter, other = [], [], []
    for family, seed in itertools.product(FAMILIES, range(1, seeds + 1)):
        base_brief = brief_for("calm", family)
        base = render_painting(painting_parameters(base_brief).spec, seed)
        bluer = apply_changes(base_brief, BriefChanges(emphasize_colour="blue"))[0]
        lighter = apply_changes(base_brief, BriefChanges(brightness_change=0.6))[0]
        kept.append(layout_similarity(base, render_painting(painting_parameters(bluer).spec, seed)))
        brighter.append(layout_similarity(base, render_painting(painting_parameters(lighter).spec, seed)))
        other.append(layout_similarity(base, render_painting(painting_parameters(base_brief).spec, seed + 100)))
    return {
        "more_blue_same_seed": float(np.mean(kept)),
        "brighter_same_seed": float(np.mean(brighter)),
        "new_seed": float(np.mean(other)),
    }


def contact_sheet(rows: list[dict], path: str, tile: int = 96) -> str:
    """Families down, moods x seeds across."""
    seeds = sorted({r["seed"] for r in rows})[:2]
    sheet = Image.new("RGB", (tile * len(MOODS) * len(seeds), tile * len(FAMILIES)), "white")
    for r in rows:
        if r["seed"] in seeds:
            col = MOODS.index(r["mood"]) * len(seeds) + seeds.index(r["seed"])
            sheet.paste(
                r["image"].resize((tile, tile), Image.LANCZOS), (col * tile, FAMILIES.index(r["family"]) * tile)
            )
    os.makedirs(os.path.dirname(path), exist_ok=True)
    sheet.save(path)
    return path


def before_rows(folder: str) -> tuple[list[dict], float]:
    manifest = json.load(open(os.path.join(folder, "manifest.json")))
    rows = []
    for r in manifest["rows"]:
        image = Image.open(os.path.join(folder, r["image"])).convert("RGB")
        rows.append({**r, "image": image, "small": small(image)})
    return rows, float(np.median(manifest["seconds"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--classifier-images", type=int, default=2800)
    parser.add_argument("--palette-trials", type=int, default=60)
    parser.add_argument("--before-dir", default=None, help="v1 paintings + manifest.json: measure the before row")
    args = parser.parse_args()
    t0 = time.time()
    classifier, held_out_accuracy = classifier_and_accuracy(args.classifier_images)
    print(f"classifier: held-out accuracy {held_out_accuracy:.3f} ({time.time() - t0:.0f} s)", flush=True)
    generated, gen_seconds = paint_set(range(1, args.seeds + 1), corpus=False)
    corpus, corpus_seconds = paint_set(range(1, args.seeds + 1), corpus=True)
    held_out, _ = paint_set(range(101, 101 + args.seeds), corpus=True)
    for r in generated + corpus + held_out:
        r["small"] = small(r["image"])
    rows = {
        "generated": {
            **row_metrics(generated, classifier),
            **frechet_rows(generated, held_out),
            "seconds": gen_seconds,
        },
        "corpus": {**row_metrics(corpus, classifier), **frechet_rows(corpus, held_out), "seconds": corpus_seconds},
    }
    if args.before_dir:
        before, before_seconds = before_rows(args.before_dir)
        rows["before"] = {
            **row_metrics(before, classifier),
            **frechet_rows(before, held_out),
            "seconds": before_seconds,
        }
        json.dump(rows["before"], open(BEFORE, "w"), indent=1)
    elif os.path.exists(BEFORE):
        rows["before"] = {**json.load(open(BEFORE)), "measured": "earlier, with --before-dir"}
    extra = {
        "classifier_held_out_accuracy": held_out_accuracy,
        "classifier_on_512_corpus": rows["corpus"]["recognised"],
        "palette": palette_following(args.palette_trials),
        "mood": mood_pairs(generated),
        "refinement": refinements(2),
        "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20,
        "contact_sheet": contact_sheet(generated, os.path.join(OUT_DIR, "painting_contact_sheet.png")),
    }
    report(rows, extra)
    write_json("painting_report", {"rows": rows, **extra, "seeds": args.seeds, "seconds": time.time() - t0})


def report(rows: dict, extra: dict) -> None:
    headers = [
        "row",
        "paintings",
        "subject recognised",
        "sharpness (lap. var. @128)",
        "variety (feature dist.)",
        "FD style, all",
        "FD style, family mean",
        "s / painting (512)",
    ]
    table = [
        [
            name,
            r["paintings"],
            r["recognised"],
            r["sharpness"],
            r["variety"],
            r["fd_all"],
            r["fd_family_mean"],
            r["seconds"],
        ]
        for name, r in rows.items()
    ]
    print_table("Painter: generated vs corpus vs before (v1 cVAE)", headers, table)
    gen = rows["generated"]
    print_table(
        "Recognised by family (generated)",
        ["family", "share"],
        [[f, v] for f, v in gen["recognised_by_family"].items()],
    )
    print_table(
        "Palette, mood, refinement, memory",
        ["measure", "value"],
        [
            ["classifier held-out accuracy (corpus paintings)", extra["classifier_held_out_accuracy"]],
            ["classifier on the corpus row (same conditions as generated)", extra["classifier_on_512_corpus"]],
            ["named main colour dominant within 30 deg", extra["palette"]["main_colour_dominant"]],
            [
                "melancholic darker, cooler, more muted than joyful",
                extra["mood"]["melancholic_darker_cooler_more_muted"],
            ],
            ["layout similarity: more blue, same seed", extra["refinement"]["more_blue_same_seed"]],
            ["layout similarity: brighter, same seed", extra["refinement"]["brighter_same_seed"]],
            ["layout similarity: new seed", extra["refinement"]["new_seed"]],
            ["sharpness vs corpus", gen["sharpness"] / rows["corpus"]["sharpness"]],
            ["variety vs corpus", gen["variety"] / rows["corpus"]["variety"]],
            ["peak RSS of this process (GB)", extra["peak_rss_gb"]],
        ],
    )
    print(f"\ncontact sheet: {extra['contact_sheet']}")


if __name__ == "__main__":
    main()
