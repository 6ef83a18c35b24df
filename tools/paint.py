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

from models.painter.finish import finish_painting
from models.registry import PAINTER, register_shipped_models
from tools.brief import BriefChanges
from tools.mood_mapping import PaintingParameters, painting_parameters
from tools.protocol import Tool, ToolContext, ToolError, ToolResult, prepare_brief

OUTPUT_SIZE = 512


class PaintArgs(BriefChanges):
    """Paint a picture, or change the current one. Brief changes (mood, palette, brighter, ...) apply first."""

    new_variation: bool = Field(False, description="a different composition with the same settings (new seed)")
    blend_with: str | None = Field(None, description="another painting's id, e.g. 'painting_1', to blend towards")
    blend_amount: float = Field(0.5, ge=0, le=1, description="0 keeps this painting, 1 gives the other one")


def latent_for_seed(seed: int, dim: int) -> torch.Tensor:
    return torch.randn(1, dim, generator=torch.Generator().manual_seed(seed))


def slerp(a: torch.Tensor, b: torch.Tensor, t: float) -> torch.Tensor:
    """Spherical interpolation: keeps interpolated Gaussian latents at a typical norm."""
    omega = torch.acos((a / a.norm() * b / b.norm()).sum().clamp(-1 + 1e-6, 1 - 1e-6))
    return (torch.sin((1 - t) * omega) * a + torch.sin(t * omega) * b) / torch.sin(omega)


@torch.no_grad()
def render_painting(params: PaintingParameters, seed: int, blend: tuple[PaintingParameters, int, float] | None = None):
    """uint8 [64, 64, 3] from the painter for these parameters and seed, optionally blended towards another."""
    model = register_shipped_models().get(PAINTER)
    device = next(model.parameters()).device
    z = latent_for_seed(seed, model.config.latent_dim)
    cond = torch.from_numpy(params.vector())[None]
    if blend is not None:
        other_params, other_seed, t = blend
        z = slerp(z, latent_for_seed(other_seed, model.config.latent_dim), t)
        cond = (1 - t) * cond + t * torch.from_numpy(other_params.vector())[None]
    image = model.decode(z.to(device), cond.to(device))[0].permute(1, 2, 0).cpu().numpy()
    return (image * 255).round().astype(np.uint8)


def _blend_target(args: PaintArgs, ctx: ToolContext) -> tuple[PaintingParameters, int, float] | None:
    if args.blend_with is None:
        return None
    other = ctx.lookup(args.blend_with)
    if other is None or "hue" not in other.data:
        raise ToolError(f"there is no painting {args.blend_with!r} to blend with")
    fields = PaintingParameters.__dataclass_fields__
    return PaintingParameters(**{k: other.data[k] for k in fields}), other.seed, args.blend_amount


def paint(args: PaintArgs, ctx: ToolContext) -> ToolResult:
    brief, seed, changes = prepare_brief(ctx, args, "painting", args.new_variation)
    params = painting_parameters(brief)
    ctx.progress("painting")
    blend = _blend_target(args, ctx)
    small = render_painting(params, seed, blend)
    os.makedirs(ctx.out_dir, exist_ok=True)
    path = os.path.join(ctx.out_dir, "painting.png")
    finish_painting(small, OUTPUT_SIZE, seed, params.energy).save(path)
    same = ctx.previous is not None and ctx.previous.seed == seed
    how = "same composition, repainted" if same else "new composition"
    if blend is not None:
        how = f"blended {args.blend_amount:.0%} towards {args.blend_with}"
    summary = (
        f"{params.style.replace('_', ' ')} painting, hue {params.hue:.0f}°, brightness {params.brightness:.2f} ({how})"
    )
    return ToolResult(
        "painting", brief, seed, {"image": path}, summary, {"seed": seed, **asdict(params)}, changes=changes + [how]
    )


TOOL = Tool(
    name="paint",
    description="Paint an abstract picture in the brief's mood and palette, or refine the current one: "
    "more of a colour, brighter/darker, calmer/more energetic, another style, a new variation, "
    "or a blend towards another painting.",
    args_model=PaintArgs,
    run=paint,
    kind="painting",
)
