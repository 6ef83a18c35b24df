"""Tool `paint`: a painting of the brief's subject in its palette and mood, or a refinement of the current one.

The brief becomes a plan (`painting_mapping`, `scene_mapping`: the scene, its time and weather, the
things asked for with their roles and counts); the painter's pipeline (`models.painter.pipeline`)
lays out the scene from the seed's latent, places the things and paints it all in the spec's colours
and light. The seed is kept on refinement ("more blue", "brighter", "calmer"),
so the same composition is repainted; `new_variation` draws a new latent.
"""

from __future__ import annotations

import os
import re
import tempfile
from typing import ClassVar, Literal

import numpy as np
from pydantic import Field

from models.painter import pipeline
from models.painter.pipeline import ObjectRequest, PaintingPlan
from models.painter.scene_spec import SceneSpec
from models.registry import PAINTER, PLACEMENT, register_shipped_models
from tools import object_matching
from tools.brief import CreativeBrief, PaintingChanges, Variations
from tools.painting_mapping import PaintingParameters, painting_parameters
from tools.protocol import Tool, ToolContext, ToolError, ToolResult, prepare_brief


class PaintArgs(PaintingChanges, Variations):
    """Paint a picture, or change the current one: changes to its settings (mood, palette, subject, brighter, ...)
    apply first."""

    not_routed: ClassVar[frozenset[str]] = frozenset({"blend_with", "blend_amount", "size"})  # never learnt

    new_variation: bool = Field(False, description="a different composition with the same settings (new seed)")
    blend_with: str | None = Field(None, description="another painting's id, e.g. 'painting_1', to blend towards")
    blend_amount: float = Field(0.5, ge=0, le=1, description="0 keeps this painting, 1 gives the other one")
    size: Literal[512, 1024] = Field(512, description="side of the painting in pixels")


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


def layout_probabilities(spec: SceneSpec, seed: int, blend: tuple[SceneSpec, int, float] | None = None) -> np.ndarray:
    """float32 [K, 64, 64] class probabilities of the composition for this seed (and blend)."""
    return pipeline.layout_probabilities(register_shipped_models().get(PAINTER), spec, seed, blend)


def render_painting(
    spec: SceneSpec,
    seed: int,
    size: int = 512,
    blend: tuple[SceneSpec, int, float] | None = None,
    finish: bool = True,
    plan: PaintingPlan | None = None,
):
    """PIL image of size x size: the seed's composition (and the plan's objects) painted for this spec."""
    loader = register_shipped_models()
    plan = plan or PaintingPlan(spec)
    shown = plan.spec if blend is None else blend_specs(plan.spec, blend[0], blend[2])
    return pipeline.paint(
        plan, seed, loader.get(PAINTER), loader.get(PLACEMENT), size, blend=blend, finish=finish, shown=shown
    )


def painting_plan(params: PaintingParameters) -> PaintingPlan:
    """The painter's plan: the spec, the stage, and each asked thing with its role, count and real size."""
    requests = tuple(
        ObjectRequest(m.entry, m.role, m.count, m.colour, m.person, object_matching.real_size(m.entry), m.perch)
        for m in params.scene.objects
    )
    scene = params.scene
    return PaintingPlan(params.spec, scene.stage, requests, scene.landform, scene.setting, scene.room)


def describe(params: PaintingParameters) -> str:
    """What was painted, in words: the things, then the scene."""
    scene = params.description()
    if params.scene.stage != "landscape":
        scene = _indoors(params.scene) if params.scene.stage == "interior" else "a portrait"
        scene += f" in {', '.join(params.colours)}" if params.colours else ""
    place = params.scene.place
    said = [t for t in params.scene.things_in_words() if place is None or t not in place]  # "a bus stop", once
    things = " and ".join(said)
    if place is not None:  # "a petrol station with fuel pump and automobile: a snowy landscape"
        things = f"{place} with {things}" if things else place
    return f"{things}: {scene}" if things else scene


def _indoors(scene) -> str:
    """An interior in words: the room it is ("a kitchen"), a still life when things stand on its table, else a room."""
    if scene.room is not None:
        return f"{'an' if scene.room[0] in 'aeiou' else 'a'} {scene.room} by a window"
    if any(m.role in pipeline.ON_TABLE for m in scene.objects):
        return "a still life on a table by a window"
    return "a room by a window"


def _blend_target(args: PaintArgs, ctx: ToolContext) -> tuple[SceneSpec, int, float] | None:
    if args.blend_with is None:
        return None
    other = ctx.lookup(args.blend_with)
    if other is None or "spec" not in other.data:
        raise ToolError(f"there is no painting {args.blend_with!r} to blend with")
    return SceneSpec(**other.data["spec"]), other.seed, args.blend_amount


def _named_in_phrase(match: object_matching.ObjectMatch) -> bool:
    """The drawing is the very thing the words name ("a heron standing still" painted as a heron), however far the
    whole phrase is by meaning."""
    said = {object_matching.singular(w) for w in re.findall(r"[a-z]+", match.phrase.lower())}
    return {object_matching.singular(w) for w in re.findall(r"[a-z]+", match.entry.words.lower())} <= said


def _scene_notes(params: PaintingParameters, subject: str) -> list[str]:
    if params.chosen_subject:
        return [params.subject_note()]
    notes = [
        f"I can't draw {m.phrase!r} yet, so I painted the nearest I have: {m.entry.words}"
        for m in params.scene.objects
        if not (m.exact or _named_in_phrase(m))
    ]
    notes += [
        f"I can't draw {phrase!r} yet (the nearest I have is {near}), so it is left out"
        for phrase, near in params.scene.left_out
    ]
    if subject.strip() and not object_matching.available():
        notes.append("the object drawings are not installed (make icons), so only the scene is painted")
    if subject.strip() and not params.scene.matched and not params.scene.objects:
        return notes + [f"I can't paint {subject!r} as a scene yet, so this is {params.description()} for the mood"]
    if not subject.strip():
        return ["no subject given: an abstract painting of the mood"]
    return notes


def paint(args: PaintArgs, ctx: ToolContext) -> ToolResult:
    brief, seed, changes = prepare_brief(ctx, args, "painting", args.new_variation)
    blend = _blend_target(args, ctx)
    with pipeline.small_model_threads():
        params = painting_parameters(brief)
        ctx.progress("painting")
        image = render_painting(params.spec, seed, args.size, blend, plan=painting_plan(params))
    os.makedirs(ctx.out_dir, exist_ok=True)
    path = os.path.join(ctx.out_dir, "painting.png")
    image.save(path, compress_level=1)  # a fifth of the default compression time, a few more bytes
    previous_family = ctx.previous.data.get("spec", {}).get("family") if ctx.previous is not None else None
    same = ctx.previous is not None and ctx.previous.seed == seed and previous_family == params.spec.family
    how = "same composition, repainted" if same else "new composition"
    if blend is not None:
        how = f"blended {args.blend_amount:.0%} towards {args.blend_with}"
    summary = f"{describe(params)} ({how})"
    data = {"seed": seed, "spec": params.spec.as_dict(), "description": describe(params), "size": args.size}
    notes = [] if same else _scene_notes(params, brief.subject)  # said once, when the scene is new
    return ToolResult("painting", brief, seed, {"image": path}, summary, data, changes=changes + notes)


def warm_up() -> None:
    """Paint one whole picture into a scratch folder before the first request: the layout network, the sentence
    embedder and its scene examples, the objects (names, placement network, drawings), the brushwork's lazy
    imports, the style network's session, the PNG encoder."""
    brief = CreativeBrief(subject="a sailing boat on the sea at dusk", palette=["soft blue"])
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
