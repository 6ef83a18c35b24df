"""How long a painting takes through the `paint` tool: median wall-clock and CPU seconds per size on a request set.

    python -m evals.painting_speed --set dev --sizes 512,1024 --out evals/data/painting_speed.json

The first painting (loading the networks) is not counted. CPU seconds are the process's own (`time.process_time`):
on a shared machine the wall clock also counts everyone else's work, so both are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile

import torch

from evals.painting_blind import load_requests, paint_request


def measure(set_name: str, sizes: list[int], limit: int | None = None) -> dict:
    """{size: {"wall_median", "cpu_median", "n"}} over the set's rows (the first `limit` of them)."""
    rows = load_requests(set_name)[:limit]
    figures = {"set": set_name, "torch_threads": torch.get_num_threads(), "cpus": os.cpu_count(), "sizes": {}}
    with tempfile.TemporaryDirectory() as scratch:
        paint_request(rows[0], os.path.join(scratch, "warm"))
        for size in sizes:
            made = [paint_request(row, os.path.join(scratch, f"{size}-{row['id']}"), size) for row in rows]
            figures["sizes"][str(size)] = {
                "wall_median": round(statistics.median(m["seconds"] for m in made), 3),
                "cpu_median": round(statistics.median(m["cpu_seconds"] for m in made), 3),
                "n": len(made),
            }
            print(size, figures["sizes"][str(size)], flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="dev")
    parser.add_argument("--sizes", default="512,1024")
    parser.add_argument("--limit", type=int, default=None, help="only the first N requests")
    parser.add_argument("--out", default="evals/data/painting_speed.json")
    args = parser.parse_args()
    figures = measure(args.set, [int(s) for s in args.sizes.split(",")], args.limit)
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(figures, f, indent=1)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
