"""Which mood scenes a painting with no subject may paint, from a blind judgement of each scene.

Every scene of `tools/data/mood_scenes.yaml` (and new candidates) is painted twice with its region's mood
(`evals/data/painting_requests_moodscenes37.yaml`, through `evals.painting_versions paint` and `job`); a helper who
sees only the pictures names each one's mood and scores keep 1-5 on `evals/painting_blind_rubric.md`. This script
joins the verdicts to the key and writes, per scene, the mean keep and the moods seen, to choose the scenes a region
keeps (the choice is the table's; it is not made on a test set).

    python -m evals.mood_scene_choice --set moodscenes37 --job ms37-1 --out evals/data/painting_blind_moodscenes37.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics


def scene_rows(set_name: str, job: str, judge_root: str = "/work/judge", key_root: str = "/work/keys") -> list[dict]:
    """One row per scene: its region, whether it was a new candidate, mean keep, the keeps and the moods seen."""
    from evals.painting_blind import load_requests

    rows = {r["id"]: r for r in load_requests(set_name)}
    key = json.load(open(os.path.join(key_root, f"{job}.json")))["works"]
    verdicts = json.load(open(os.path.join(judge_root, job, "verdicts.json")))
    scenes: dict[str, dict] = {}
    for verdict in verdicts:
        row = rows[key[verdict["file"]]["id"]]
        scene = scenes.setdefault(
            row["request"], {"scene": row["request"], "region": row["mood_region"], "new": row["new"], "keeps": []}
        )
        scene["keeps"].append(verdict["keep"])
        scene.setdefault("moods_seen", []).append(verdict["mood"])
    for scene in scenes.values():
        scene["keep_mean"] = statistics.mean(scene["keeps"])
    return sorted(scenes.values(), key=lambda s: (s["region"], -s["keep_mean"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", required=True)
    parser.add_argument("--job", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rows = scene_rows(args.set, args.job)
    with open(args.out, "w") as f:
        json.dump({"set": args.set, "job": args.job, "scenes": rows}, f, indent=1)
    for r in rows:
        print(f"{r['region']:12s} {'new' if r['new'] else '   '} {r['keep_mean']:.1f} {r['scene']} {r['moods_seen']}")


if __name__ == "__main__":
    main()
