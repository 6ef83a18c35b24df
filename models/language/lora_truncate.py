"""A LoRA adapter cut to a lower rank through the SVD of each module's weight change: the best approximation of
that rank in the Frobenius norm (Eckart-Young), with each module's relative error written beside it.

A blend stacks its adapters' ranks (`lora_blend`). When the adapters are close (a stage and its short
continuation), their mean weight change is nearly of the lower rank, and cutting it keeps the file small.

    python -m models.language.lora_truncate --adapter DIR --rank 32 --out DIR
"""

from __future__ import annotations

import argparse
import json
import os

import torch
from safetensors.torch import load_file, save_file

WEIGHTS, CONFIG, REPORT = "adapter_model.safetensors", "adapter_config.json", "truncation.json"


def low_rank_factors(delta: torch.Tensor, rank: int) -> tuple[torch.Tensor, torch.Tensor, float]:
    """(B, A, relative error) with B @ A the best rank-`rank` approximation of `delta`."""
    delta = delta.double()
    u, s, vh = torch.linalg.svd(delta, full_matrices=False)
    root = s[:rank].sqrt()
    b, a = u[:, :rank] * root, root[:, None] * vh[:rank]
    error = float(torch.linalg.norm(delta - b @ a) / torch.linalg.norm(delta).clamp_min(1e-30))
    return b.float().contiguous(), a.float().contiguous(), error


def truncate_adapter(adapter: str, rank: int, out: str) -> dict:
    """Write to `out` the adapter at `adapter` cut to `rank` (scaling 1); returns the error report."""
    with open(os.path.join(adapter, CONFIG)) as f:
        config = json.load(f)
    if config.get("use_rslora") or config.get("rank_pattern") or config.get("alpha_pattern"):
        raise ValueError("only plain LoRA adapters (one rank and alpha for every module) can be cut")
    scaling = config["lora_alpha"] / config["r"]
    weights, cut, errors = load_file(os.path.join(adapter, WEIGHTS)), {}, {}
    for a_key in sorted(k for k in weights if k.endswith("lora_A.weight")):
        b_key = a_key.replace("lora_A", "lora_B")
        delta = scaling * weights[b_key].double() @ weights[a_key].double()
        cut[b_key], cut[a_key], errors[a_key.removesuffix(".lora_A.weight")] = low_rank_factors(delta, rank)
    os.makedirs(out, exist_ok=True)
    save_file(cut, os.path.join(out, WEIGHTS))
    with open(os.path.join(out, CONFIG), "w") as f:
        json.dump({**config, "r": rank, "lora_alpha": rank}, f, indent=2)
    values = sorted(errors.values())
    report = {
        "from": adapter,
        "rank": rank,
        "median_relative_error": values[len(values) // 2],
        "max_relative_error": values[-1],
        "per_module": errors,
    }
    with open(os.path.join(out, REPORT), "w") as f:
        json.dump(report, f, indent=1)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adapter", required=True)
    parser.add_argument("--rank", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    report = truncate_adapter(args.adapter, args.rank, args.out)
    print(
        f"wrote {args.out}: rank {args.rank}, relative error median {report['median_relative_error']:.2e}, "
        f"max {report['max_relative_error']:.2e}"
    )


if __name__ == "__main__":
    main()
