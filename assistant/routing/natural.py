"""Requests as people write them (training pool): indirect wording, relative amounts, context references,
other languages, questions and refusals, each with the exact calls it stands for in its context.

The phrasings are data (`data/natural.yaml`, `data/languages.yaml`); this module fills their slots, draws a
context (which works exist, what the last turn touched) and resolves "it", "both", "that" against it.
"""

from __future__ import annotations

import os
import random

import yaml

from assistant.routing.context import KINDS, Context
from tools.translations import translations

DATA_DIR = os.path.join(os.path.dirname(__file__), "data")


def _read(name: str) -> dict:
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        return yaml.safe_load(f)


NATURAL = _read("natural.yaml")
LANGUAGES = _read("languages.yaml")
TEMPLATES: dict[str, list[str]] = NATURAL["templates"]

SMALL, PLAIN, LARGE = 0.15, 0.3, 0.6
MELODY_WORDS = ("melody", "tune", "music", "song", "piece", "melodie", "mélodie", "melodía")
PAINTING_WORDS = ("painting", "picture", "image", "canvas", "bild", "tableau", "peinture", "cuadro", "pintura")

TOOL_OF_KIND = {"melody": "compose_melody", "painting": "paint", "text": "write_text"}
KIND_OF_TOOL = {tool: kind for kind, tool in TOOL_OF_KIND.items()}

# Fixed single calls of the natural intents (the rest depend on slots or on the context).
FIXED = {
    "slower_small": {"tempo_scale": 0.9},
    "slower_large": {"tempo_scale": 0.6},
    "faster_small": {"tempo_scale": 1.1},
    "faster_large": {"tempo_scale": 1.5},
    "half_tempo": {"tempo_scale": 0.5},
    "double_tempo": {"tempo_scale": 2.0},
    "slower_indirect": {"tempo_scale": 0.8},
    "faster_indirect": {"tempo_scale": 1.25},
    "accompaniment_on": {"accompaniment": True},
    "accompaniment_off": {"accompaniment": False},
}
PAINT_FIXED = {
    "brighter_small": {"brightness_change": SMALL},
    "brighter_large": {"brightness_change": LARGE},
    "darker_small": {"brightness_change": -SMALL},
    "darker_large": {"brightness_change": -LARGE},
    "vivid_large": {"saturation_change": LARGE},
    "muted_large": {"saturation_change": -LARGE},
    "brighter_indirect": {"brightness_change": PLAIN},
    "darker_indirect": {"brightness_change": -PLAIN},
    "vivid_indirect": {"saturation_change": PLAIN},
    "muted_indirect": {"saturation_change": -PLAIN},
}
# Mood changes: (argument, amount) and which medium a sentence names, if any.
MOOD_CHANGES = {
    "happier": ("valence_change", PLAIN),
    "sadder": ("valence_change", -PLAIN),
    "calmer": ("arousal_change", -PLAIN),
    "energetic": ("arousal_change", PLAIN),
}
NO_CALL = ("help_questions", "chit_chat", "out_of_scope", "hostile")


def random_context(rng: random.Random, needs: tuple[str, ...] = ()) -> Context:
    """Works that exist (always those a refinement needs), what the last turn touched, the melody's length."""
    works = tuple(k for k in KINDS if k in needs or rng.random() < 0.5)
    last = tuple(k for k in works if rng.random() < 0.4)
    return Context(works, last, rng.choice([4, 8, 8, 8, 12, 16, 16, 32]))


def target(ctx: Context, kinds: tuple[str, ...] = ("melody", "painting")) -> str:
    """The work "it" means: the one the last turn touched, else the only one there is, else the first kind."""
    touched = [k for k in kinds if k in ctx.last]
    if len(touched) == 1:
        return touched[0]
    present = [k for k in kinds if k in ctx.works]
    return present[0] if len(present) == 1 else kinds[0]


def whole_kinds(ctx: Context) -> list[str]:
    """The works "the whole thing" means: the melody and painting the last turn touched, else every one there is."""
    kinds = ("melody", "painting")
    return [k for k in kinds if k in ctx.last] or [k for k in kinds if k in ctx.works]


def named_kind(text: str) -> str | None:
    lowered = text.lower()
    if any(w in lowered for w in MELODY_WORDS):
        return "melody"
    if any(w in lowered for w in PAINTING_WORDS):
        return "painting"
    return None


def mood_call(change: str, kind: str) -> list:
    argument, amount = MOOD_CHANGES[change]
    return [TOOL_OF_KIND[kind], {argument: amount}]


def targeted_calls(intent: str, text: str, ctx: Context, fill: dict) -> list:
    """Calls of intents that act on 'it': the context decides which work."""
    base = intent.removesuffix("_ctx")
    if base in MOOD_CHANGES:
        return [mood_call(base, named_kind(text) or target(ctx))]
    kind = target(ctx, KINDS)
    if base == "another":
        args = {"kind": _text_kind(fill)} if kind == "text" else {}
        return [[TOOL_OF_KIND[kind], {**args, "new_variation": True}]]
    if base == "undo":
        return [["undo", {"kind": kind}]]
    if base == "first":
        return [["go_to_version", {"kind": kind, "number": 1}]]
    if base == "version":
        return [["go_to_version", {"kind": kind, "number": fill["number"]}]]
    raise KeyError(intent)


def _text_kind(fill: dict) -> str:
    return fill.get("text", "poem")


def natural_calls(intent: str, text: str, ctx: Context, fill: dict) -> list:
    """The exact calls a natural request stands for, in its context."""
    if intent in NO_CALL:
        return []
    if intent in FIXED:
        return [["compose_melody", dict(FIXED[intent])]]
    if intent in PAINT_FIXED:
        return [["paint", dict(PAINT_FIXED[intent])]]
    if intent.endswith("_ctx"):
        return targeted_calls(intent, text, ctx, fill)
    for change in MOOD_CHANGES:
        if intent in (f"{change}_melody",):
            return [mood_call(change, "melody")]
        if intent == f"{change}_painting_natural":
            return [mood_call(change, "painting")]
        if intent == f"both_{change}":
            return [mood_call(change, "melody"), mood_call(change, "painting")]
        if intent == f"whole_{change}":
            return [mood_call(change, kind) for kind in whole_kinds(ctx)]
    return _slot_calls(intent, ctx, fill)


def _slot_calls(intent: str, ctx: Context, fill: dict) -> list:
    table = {
        "tempo_pct_up": lambda: [["compose_melody", {"tempo_scale": round(1 + fill["pct_value"] / 100, 2)}]],
        "tempo_pct_down": lambda: [["compose_melody", {"tempo_scale": round(1 - fill["pct_value"] / 100, 2)}]],
        "tempo_bpm_up": lambda: [["compose_melody", {"tempo_change": fill["d"]}]],
        "tempo_bpm_down": lambda: [["compose_melody", {"tempo_change": -fill["d"]}]],
        "tempo_times_up": lambda: [["compose_melody", {"tempo_scale": float(fill["times"])}]],
        "tempo_times_down": lambda: [["compose_melody", {"tempo_scale": round(1 / fill["times"], 2)}]],
        "tempo_words": lambda: [["compose_melody", {"tempo": fill["bpm_value"]}]],
        "double_length": lambda: [["compose_melody", {"add_bars": ctx.bars}]],
        "shorter": lambda: [["compose_melody", {"bars": max(1, ctx.bars // 2)}]],
        "transpose": lambda: [["compose_melody", {"transpose": fill["tr_value"]}]],
        "key_natural": lambda: [["compose_melody", {"key": fill["key_text"]}]],
        "palette_natural": lambda: [["paint", fill["pair_args"]]],
        "colour_comparative": lambda: [["paint", fill["pair_args"]]],
        "more_takes": lambda: [[TOOL_OF_KIND[(k := target(ctx, KINDS))], _takes(k, fill)]],
        "start_over": lambda: [
            [TOOL_OF_KIND[k], {"new_variation": True}] for k in ("melody", "painting") if k in ctx.works
        ],
        "multi_melody": lambda: [["compose_melody", fill["pair_args"]]],
        "multi_painting": lambda: [["paint", fill["pair_args"]]],
    }
    return table[intent]()


def _takes(kind: str, fill: dict) -> dict:
    args = {"kind": _text_kind(fill)} if kind == "text" else {}
    return {**args, "new_variation": True, "variations": fill["takes"]}


def filled_arguments(template_args: dict, fill: dict) -> dict:
    """A [sentence, arguments] template's arguments with its slots filled ('{bpm}' becomes the number)."""

    def value(v):
        if isinstance(v, list):
            return [value(x) for x in v]
        if isinstance(v, str) and v.startswith("{") and v.endswith("}") and v.count("{") == 1:
            return fill[v[1:-1]]
        return v.format(**fill) if isinstance(v, str) else v

    return {k: value(v) for k, v in template_args.items()}


def needs(intent: str) -> tuple[str, ...]:
    """Works a natural intent refers to (they exist in its context)."""
    if intent.startswith(("both_", "whole_")) or intent == "start_over":
        return ("melody", "painting")
    if intent in FIXED or intent.startswith(("tempo_", "double_length", "shorter", "transpose", "key_natural")):
        return ("melody",)
    if intent.endswith("_painting_natural"):
        return ("painting",)
    if intent.endswith("_melody"):
        return ("melody",)
    if intent in PAINT_FIXED or intent.startswith("palette_") or intent in ("multi_painting", "colour_comparative"):
        return ("painting",)
    return ()


def language_pool(language: str) -> dict:
    """A language's templates and its mood, colour and instrument words."""
    words = {kind: sorted(translations()[kind][language]) for kind in ("mood", "colour", "instrument")}
    return {"templates": LANGUAGES[language], **words}
