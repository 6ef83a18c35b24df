"""Whether a new painting request set repeats the requests of the sets before it, and a test set drawn from a pool
without those repeats.

Helper sessions that write test sets never see the earlier sets, yet they reach for the same typical requests ("a
lighthouse on a rocky cliff", "portrait of a girl with curly red hair"): at stop 42, 45 of test set 30's 64 requests
were near-copies of earlier ones, on which the painter had been tuned. A test set must not measure what was chosen
on, so a new one is drawn from a larger pool, leaving out every request this near an earlier one.

    python -m evals.request_overlap check --set test30
    python -m evals.request_overlap draw --pool pool31 --out test31 --counts objects=10,animals=10,...
"""

from __future__ import annotations

import argparse
import difflib
import glob
import os

import yaml

DATA = os.path.join(os.path.dirname(__file__), "data")
NEAR = 0.7  # difflib ratio of two requests' lower-cased texts from which one is a near-copy of the other
COUNTS = "objects=10,animals=10,buildings=8,interiors=7,portraits=6,landscapes=10,time_weather=7,no_subject=6"


def _rows(name: str) -> list[dict]:
    with open(os.path.join(DATA, f"painting_requests_{name}.yaml")) as f:
        return yaml.safe_load(f)["requests"]


def earlier_requests(*but: str) -> list[str]:
    """Every request text of the stored painting request sets other than those named, lower-cased."""
    texts = []
    for path in sorted(glob.glob(os.path.join(DATA, "painting_requests_*.yaml"))):
        name = os.path.basename(path)[len("painting_requests_") : -len(".yaml")]
        if name not in but:
            texts += [r["request"].lower() for r in _rows(name) if "request" in r]
    return texts


def nearest(text: str, others: list[str]) -> tuple[float, str]:
    """(ratio, text) of the earlier request nearest this one."""
    text = text.lower()
    return max(((difflib.SequenceMatcher(None, text, o).ratio(), o) for o in others), default=(0.0, ""))


def near_copies(name: str, threshold: float = NEAR) -> list[tuple[str, float, str]]:
    """(id, ratio, earlier request) of the set's rows at least `threshold` near an earlier set's request."""
    others = earlier_requests(name)
    found = [(r["id"], *nearest(r["request"], others)) for r in _rows(name)]
    return [f for f in found if f[1] >= threshold]


def draw(pool: str, counts: dict[str, int], out: str, threshold: float = NEAR) -> list[dict]:
    """The pool's first rows of each category (in the pool's order) that are no near-copy of an earlier set's
    request (the set `out` aside) nor of one drawn before them, renumbered r01 ..; raises when one runs short."""
    others, chosen = earlier_requests(pool, out), []
    for category, wanted in counts.items():
        taken = []
        for row in (r for r in _rows(pool) if r["category"] == category):
            if len(taken) == wanted:
                break
            if nearest(row["request"], others + [r["request"].lower() for r in chosen + taken])[0] < threshold:
                taken.append(row)
        if len(taken) < wanted:
            raise SystemExit(f"{pool}: only {len(taken)} fresh {category} requests, {wanted} wanted")
        chosen += taken
    return [{**row, "id": f"r{k:02d}"} for k, row in enumerate(chosen, 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["check", "draw"])
    parser.add_argument("--set", help="check: the set whose rows are compared with every other set's")
    parser.add_argument("--pool", help="draw: the pool set to draw from")
    parser.add_argument("--out", help="draw: the new set's name (evals/data/painting_requests_<out>.yaml)")
    parser.add_argument("--counts", default=COUNTS)
    parser.add_argument("--threshold", type=float, default=NEAR)
    args = parser.parse_args()
    if args.step == "check":
        found = near_copies(args.set, args.threshold)
        for row_id, ratio, text in found:
            print(f"{row_id} {ratio:.2f} {text}")
        print(f"{len(found)} of {len(_rows(args.set))} rows are near-copies of earlier requests")
        return
    counts = {k: int(v) for k, v in (item.split("=") for item in args.counts.split(","))}
    rows = draw(args.pool, counts, args.out, args.threshold)
    path = os.path.join(DATA, f"painting_requests_{args.out}.yaml")
    header = (
        f"# Painting request TEST set drawn from the pool `{args.pool}` by evals.request_overlap: per category the\n"
        f"# pool's first requests under {args.threshold} (difflib) of every earlier set's request. TEST only.\n"
    )
    with open(path, "w") as f:
        f.write(header)
        yaml.safe_dump({"requests": rows}, f, sort_keys=False, allow_unicode=True, width=200)
    print(f"{len(rows)} requests -> {path}")


if __name__ == "__main__":
    main()
