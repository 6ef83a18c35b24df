"""Tool `paint`: a painting of the brief's subject in its palette and mood, or a refinement of the current one.

The layout network draws the composition from the seed's latent; the brushwork renderer paints it
in the spec's colours and light. The seed is kept on refinement ("more blue", "brighter", "calmer"),
so the same composition is repainted; `new_variation` draws a new latent.
"""

from __future__ import annotations

import os
import tempfile
from typing import Literal

import numpy as np
import torch
from pydantic import Field

from models.painter.instances import place_instances
from models.painter.render import render_layout
from models.painter.scene_layout import one_hot
from models.painter.scene_spec import FAMILIES, SceneSpec
from models.registry import PAINTER, register_shipped_models
from tools.brief import BriefChanges, CreativeBrief, Variations
from tools.painting_mapping import PaintingParameters, painting_parameters
from tools.protocol import Tool, ToolContext, ToolError, ToolResult, prepare_brief


class PaintArgs(BriefChanges, Variations):
    """Paint a picture, or change the current one. Brief changes (mood, palette, subject, brighter, ...) apply first."""

    new_variation: bool = Field(False, description="a different composition with the same settings (new seed)")
    blend_with: str | None = Field(None, description="another painting's id, e.g. 'painting_1', to blend towards")
    blend_amount: float = Field(0.5, ge=0, le=1, description="0 keeps this painting, 1 gives the other one")
    size: Literal[512, 1024] = Field(512, description="side of the painting in pixels")


def latent_for_seed(seed: int, dim: int) -> torch.Tensor:
    return torch.randn(1, dim, generator=torch.Generator().manual_seed(seed))


def blend_specs(a: SceneSpec, b: SceneSpec, t: float) -> SceneSpec:
    """Numbers in between (hues the short way round); the scene's kind, time and weather from the nearer one."""
    mix = {}
    for field, value in a.as_dict().items():
        other = getattr(b, field)
        if isinstance(value, str):
            mix[field] = value if t < 0.5 else other
        elif field in ("hue", "accent_hue"):
            mix[field] = (value + t * (((other - value + 180) % 360) - 180)) % 360
        else:
            mix[field] = (1 - t) * value + t * other
    return SceneSpec(**mix)


@torch.no_grad()
def layout_probabilities(spec: SceneSpec, seed: int, blend: tuple[SceneSpec, int, float] | None = None) -> np.ndarray:
    """float32 [K, 64, 64] class probabilities of the composition for this seed (and blend)."""
    model = register_shipped_models().get(PAINTER)
    device = next(model.parameters()).device

    def condition(s: SceneSpec) -> torch.Tensor:
        return torch.from_numpy(s.layout_condition())[None].to(device, model.dtype)

    def latent(s: SceneSpec, sd: int) -> torch.Tensor:
        noise = latent_for_seed(sd, model.config.latent_dim).to(device, model.dtype)
        return model.latent(noise, FAMILIES.index(s.family), condition(s))

    z, cond = latent(spec, seed), condition(spec)
    if blend is not None:
        other_spec, other_seed, t = blend
        z = (1 - t) * z + t * latent(other_spec, other_seed)
        cond = (1 - t) * cond + t * condition(other_spec)
    logits = model.decode(z, cond)
    return torch.softmax(logits.float(), 1)[0].cpu().numpy()


def render_painting(
    spec: SceneSpec, seed: int, size: int = 512, blend: tuple[SceneSpec, int, float] | None = None, finish: bool = True
):
    """PIL image of size x size: the seed's composition painted for this spec (optionally blended)."""
    shown = spec if blend is None else blend_specs(spec, blend[0], blend[2])
    layout = place_instances(layout_probabilities(spec, seed, blend), shown.family, seed)
    return render_layout(one_hot(layout), shown, seed, size, finish)


def _blend_target(args: PaintArgs, ctx: ToolContext) -> tuple[SceneSpec, int, float] | None:
    if args.blend_with is None:
        return None
    other = ctx.lookup(args.blend_with)
    if other is None or "spec" not in other.data:
        raise ToolError(f"there is no painting {args.blend_with!r} to blend with")
    return SceneSpec(**other.data["spec"]), other.seed, args.blend_amount


def _scene_notes(params: PaintingParameters, subject: str) -> list[str]:
    if params.chosen_subject:
        return [params.subject_note()]
    if subject.strip() and not params.scene.matched:
        return [f"I can't paint {subject!r} as a scene yet, so this is {params.description()} for the mood"]
    if not subject.strip():
        return ["no subject given: an abstract painting of the mood"]
    return []


def paint(args: PaintArgs, ctx: ToolContext) -> ToolResult:
    brief, seed, changes = prepare_brief(ctx, args, "painting", args.new_variation)
    params = painting_parameters(brief)
    ctx.progress("painting")
    blend = _blend_target(args, ctx)
    image = render_painting(params.spec, seed, args.size, blend)
    os.makedirs(ctx.out_dir, exist_ok=True)
    path = os.path.join(ctx.out_dir, "painting.png")
    image.save(path)
    previous_family = ctx.previous.data.get("spec", {}).get("family") if ctx.previous is not None else None
    same = ctx.previous is not None and ctx.previous.seed == seed and previous_family == params.spec.family
    how = "same composition, repainted" if same else "new composition"
    if blend is not None:
        how = f"blended {args.blend_amount:.0%} towards {args.blend_with}"
    summary = f"{params.description()} ({how})"
    data = {"seed": seed, "spec": params.spec.as_dict(), "description": params.description(), "size": args.size}
    notes = [] if same else _scene_notes(params, brief.subject)  # said once, when the scene is new
    return ToolResult("painting", brief, seed, {"image": path}, summary, data, changes=changes + notes)


def warm_up() -> None:
    """Paint one whole picture into a scratch folder before the first request: the layout network, the sentence
    embedder and its scene examples, the brushwork's lazy imports, the style network's session, the PNG encoder."""
    brief = CreativeBrief(subject="the sea at dusk", palette=["soft blue"])
    with tempfile.TemporaryDirectory() as scratch:
        paint(PaintArgs(), ToolContext(brief=brief, out_dir=scratch))


TOOL = Tool(
    name="paint",
    description="Paint a picture of the brief's subject (sea, mountains, forest, city, flowers, night sky ... or "
    "abstract) in its mood and palette, or refine the current one: more of a colour, brighter/darker, "
    "calmer/more energetic, another subject, a new variation, or a blend towards another painting.",
    args_model=PaintArgs,
    run=paint,
    kind="painting",
)
