"""Tool `paint`: a painting from the brief's palette and mood, or a refinement of the current one.

The latent seed is kept on refinement ("more blue", "brighter", "calmer"), so the same
composition is repainted; `new_variation` draws a new latent.
"""

from __future__ import annotations

import os
from dataclasses import asdict

import numpy as np
import torch
from pydantic import Field

from models.painter_finish import finish_painting
from models.painting_corpus import PaintingSpec
from models.registry import PAINTER, register_shipped_models
from tools.brief import BriefChanges, apply_changes
from tools.mood_mapping import PaintingParameters, painting_parameters
from tools.protocol import Tool, ToolContext, ToolResult

OUTPUT_SIZE = 512


class PaintArgs(BriefChanges):
    """Paint a picture, or change the current one. Brief changes (mood, palette, brighter, ...) apply first."""

    new_variation: bool = Field(False, description="a different composition with the same settings (new seed)")


def latent_for_seed(seed: int, dim: int) -> torch.Tensor:
    return torch.randn(1, dim, generator=torch.Generator().manual_seed(seed))


def spec_of(params: PaintingParameters) -> PaintingSpec:
    return PaintingSpec(params.hue, params.accent_hue, params.saturation, params.brightness, params.energy, params.style)


@torch.no_grad()
def render_painting(params: PaintingParameters, seed: int, latent: np.ndarray | None = None) -> np.ndarray:
    """uint8 [64, 64, 3] from the painter for these parameters and a seed (or an explicit latent)."""
    model = register_shipped_models().get(PAINTER)
    device = next(model.parameters()).device
    z = torch.from_numpy(latent)[None].float() if latent is not None else latent_for_seed(seed, model.config.latent_dim)
    cond = torch.from_numpy(spec_of(params).vector())[None]
    image = model.decode(z.to(device), cond.to(device))[0].permute(1, 2, 0).cpu().numpy()
    return (image * 255).round().astype(np.uint8)


def paint(args: PaintArgs, ctx: ToolContext) -> ToolResult:
    brief, changes = apply_changes(ctx.brief, args)
    seed = ctx.seed if args.new_variation else brief.seeds.get("painting", 1)
    brief = brief.model_copy(update={"seeds": {**brief.seeds, "painting": seed}})
    params = painting_parameters(brief)
    ctx.progress("painting")
    small = render_painting(params, seed)
    os.makedirs(ctx.out_dir, exist_ok=True)
    path = os.path.join(ctx.out_dir, "painting.png")
    finish_painting(small, OUTPUT_SIZE, seed, params.energy).save(path)
    same = ctx.previous is not None and ctx.previous.seed == seed
    how = "same composition, repainted" if same else "new composition"
    summary = f"{params.style.replace('_', ' ')} painting, hue {params.hue:.0f}°, brightness {params.brightness:.2f} ({how})"
    return ToolResult("painting", brief, seed, {"image": path}, summary, {"seed": seed, **asdict(params)},
                      changes=changes + [how])


TOOL = Tool(
    name="paint",
    description="Paint an abstract picture in the brief's mood and palette, or refine the current one: "
    "more of a colour, brighter/darker, calmer/more energetic, another style, or a new variation.",
    args_model=PaintArgs,
    run=paint,
    kind="painting",
)
