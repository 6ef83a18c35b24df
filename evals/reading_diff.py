"""What the painter reads from each request's subject, in two versions side by side: the requests whose drawn things,
family, stage or landform differ, to look at each before a blind job (no painting, seconds a request).

    python -m evals.reading_diff read --sets dev,test7 --tree /work/main --out runs/read_main.json
    python -m evals.reading_diff read --sets dev,test7 --tree . --out runs/read_branch.json
    python -m evals.reading_diff diff runs/read_main.json runs/read_branch.json

`--tree` puts that checkout's packages first on the import path, as `painting_versions paint` does.
"""

from __future__ import annotations

import argparse
import json
import os
import sys


def reading(subject: str, seed: int) -> dict:
    """The parts of a subject's reading a painting shows: scene, landform and the things drawn (drawing, count)."""
    from tools.scene_mapping import read_scene

    r = read_scene(subject, 0.0, 0.0, seed=seed)
    return {
        "subject": subject,
        "scene": f"{r.stage}/{r.family}/{r.landform}",
        "things": [f"{m.phrase} -> {m.entry.source}:{m.entry.name} x{m.count}" for m in r.objects],
        "left_out": [f"{p} ({n})" for p, n in r.left_out],
    }


def read_sets(sets: str) -> dict:
    """{set:id: reading} of every row of the sets (comma-separated names, as `painting_blind.load_requests`)."""
    from evals.painting_blind import load_requests, seed_for

    found = {}
    for name in sets.split(","):
        for row in load_requests(name):
            found[f"{name}:{row['id']}"] = reading(row["args"].get("subject", ""), seed_for(row["id"]))
    return found


def differences(before: dict, after: dict) -> list[str]:
    """One block per request whose scene or drawn things differ (left-out notes alone do not count)."""
    lines = []
    for key, old in before.items():
        new = after.get(key)
        if new is None or (old["scene"], old["things"]) == (new["scene"], new["things"]):
            continue
        lines += [f"{key} {old['subject']!r}", f"  - {old['scene']} {old['things']} left {old['left_out']}"]
        lines += [f"  + {new['scene']} {new['things']} left {new['left_out']}"]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["read", "diff"])
    parser.add_argument("files", nargs="*", help="diff: the two readings files")
    parser.add_argument("--sets", default="dev")
    parser.add_argument("--tree", default=None)
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.step == "read":
        if args.tree:
            sys.path.insert(0, os.path.abspath(args.tree))
            for name in [m for m in sys.modules if m.split(".")[0] in ("tools", "models", "assistant")]:
                del sys.modules[name]
        with open(args.out, "w") as f:
            json.dump(read_sets(args.sets), f, indent=1)
        return
    with open(args.files[0]) as f, open(args.files[1]) as g:
        lines = differences(json.load(f), json.load(g))
    print("\n".join(lines) or "no reading differs")
    print(f"{sum(1 for line in lines if not line.startswith(' '))} requests differ")


if __name__ == "__main__":
    main()
