"""A weighted blend of LoRA adapters of one base model: delta W = sum_i w_i * delta W_i, exactly.

peft's `add_weighted_adapter(combination_type="cat")` stacks the adapters' ranks (rank = sum of ranks),
so no low-rank approximation is made. Blending an adapter with its own continued training (weight
interpolation, as in model soups / WiSE-FT) keeps what each stage learnt with less of a short
stage's drift.

    python -m models.language.lora_blend --adapters A B --weights 0.5 0.5 --out DIR
"""

from __future__ import annotations

import argparse
import json
import os
import shutil


def blend_adapters(base, adapters: list[str], weights: list[float], out: str) -> str:
    """Save to `out` the blend of `adapters` (folders) over the `base` model; returns `out`."""
    from peft import PeftModel

    if len(adapters) != len(weights) or not adapters:
        raise ValueError("give one weight per adapter")
    names = [f"a{i}" for i in range(len(adapters))]
    model = PeftModel.from_pretrained(base, adapters[0], adapter_name=names[0])
    for name, path in zip(names[1:], adapters[1:]):
        model.load_adapter(path, adapter_name=name)
    model.add_weighted_adapter(names, weights, adapter_name="blend", combination_type="cat")
    model.set_adapter("blend")
    tmp = out + ".partial"
    model.save_pretrained(tmp, selected_adapters=["blend"])
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(os.path.join(tmp, "blend")):
        shutil.move(os.path.join(tmp, "blend", name), os.path.join(out, name))
    shutil.rmtree(tmp)
    with open(os.path.join(out, "blend.json"), "w") as f:
        json.dump({"adapters": adapters, "weights": weights, "combination": "cat (exact)"}, f, indent=1)
    return out


def main() -> None:
    import torch

    from models.language.base_models import load_base

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adapters", nargs="+", required=True)
    parser.add_argument("--weights", nargs="+", type=float, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--base", default="gemma", help="the base model the adapters were trained on")
    args = parser.parse_args()
    base, _ = load_base(args.base, torch.float32)  # the blended adapter is created in the base's dtype: keep float32
    print(f"wrote {blend_adapters(base, args.adapters, args.weights, args.out)}")


if __name__ == "__main__":
    main()
