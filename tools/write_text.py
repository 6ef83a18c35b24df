"""Tool `write_text`: a poem, a title or a description in the brief's mood, from the Gemma 3 270M LM.

Several candidates are sampled at once; each is cleaned and checked (no prompt leakage, no repeated
lines, length in bounds) and ranked by mood agreement (VADER valence of the text vs the brief's).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from models.language.line_shaping import LineShape
from models.language.shared_lm import LM_LOCK, base_only, model_and_tokenizer
from models.language.text_generation import SamplingSettings, generate_texts
from models.language.text_vocabulary import plain_text_token_ids
from tools.brief import BriefChanges, CreativeBrief, Variations
from tools.mood_lexicon import vader_analyzer
from tools.mood_mapping import music_parameters
from tools.protocol import Tool, ToolContext, ToolResult, prepare_brief
from tools.text_prompts import (
    STOP_STRINGS,
    mood_region,
    normalise,
    prompt_lines,
    prompt_prefix,
    request_text,
    starts_with_field_label,
)

TextKind = Literal["poem", "title", "description"]
MAX_TOKENS = {"poem": 64, "title": 8, "description": 80}
CANDIDATES = {"poem": 5, "title": 3, "description": 3}  # poems fail the checks more often: more per round


class WriteTextArgs(BriefChanges, Variations):
    """Write a poem, a title or a description that matches the brief. Brief changes apply first."""

    kind: TextKind = Field("poem", description="poem, title or description")
    lines: int = Field(4, ge=2, le=8, description="lines of a poem")
    rhyme: bool = Field(False, description="prefer rhyming line endings")
    new_variation: bool = Field(False, description="another text with the same settings (new seed)")


@dataclass
class TextCheck:
    text: str
    leak: bool
    repeated: bool
    in_bounds: bool
    valence: float
    agrees: bool
    rhymes: int
    cut_off: bool = False

    @property
    def clean(self) -> bool:
        return not self.leak and not self.repeated and self.in_bounds and not self.cut_off


def _dangling_words() -> frozenset[str]:
    path = os.path.join(os.path.dirname(__file__), "data", "dangling_words.txt")
    with open(path, encoding="utf-8") as f:
        return frozenset(w.strip() for w in f if w.strip() and not w.startswith("#"))


DANGLING = _dangling_words()


def cut_off(text: str) -> bool:
    """The text stops mid-phrase, on a word like 'the', 'of' or 'and' (a poem's inner lines may run on)."""
    words = re.findall(r"[a-z']+", text.lower())
    return bool(words) and words[-1] in DANGLING


UNCLOSED_BRACKET = re.compile(r"\s*[(\[][^)\]]*$")


def clean_text(raw: str, kind: str, lines: int) -> str:
    raw = re.sub(r"^(poem|title|description)\s*:\s*", "", raw.strip(), flags=re.I)
    raw = re.sub(r"\.{4,}", "...", raw)  # "to be seen...." reads as a slip
    if kind == "title":
        title = raw.splitlines()[0].strip().strip("\"'*") if raw else ""
        return UNCLOSED_BRACKET.sub("", title)  # "A river of ice (" -> "A river of ice"
    if kind == "poem":
        return "\n".join([ln.strip() for ln in raw.splitlines() if ln.strip()][:lines])
    return " ".join(raw.split())


def complete_lines(text: str) -> int:
    """Non-empty lines already ended by a newline."""
    return sum(1 for line in text.split("\n")[:-1] if line.strip())


def text_valence(text: str) -> float:
    analyzer = vader_analyzer()
    return analyzer.polarity_scores(text)["compound"] if analyzer else 0.0


def mood_agrees(text_v: float, brief_v: float) -> bool:
    """Positive brief -> not negative text; negative brief -> not positive text; neutral -> not extreme."""
    if brief_v >= 0.2:
        return text_v >= -0.05
    if brief_v <= -0.2:
        return text_v <= 0.05
    return abs(text_v) < 0.6


def rhyme_pairs(text: str) -> int:
    ends = [re.sub(r"[^a-z]", "", ln.split()[-1].lower())[-2:] for ln in text.splitlines() if ln.split()]
    return sum(a == b and a != "" for a, b in zip(ends[::2], ends[1::2]))


def check(text: str, kind: str, lines: int, brief_v: float) -> TextCheck:
    rows = [normalise(r) for r in text.splitlines() if r.strip()]
    leaked = prompt_lines(kind)
    words = len(text.split())
    bounds = {
        "poem": len(rows) == lines and all(2 <= len(r.split()) <= 14 for r in rows),
        "title": 1 <= words <= 6,
        "description": 12 <= words <= 90,
    }[kind]
    v = text_valence(text)
    return TextCheck(
        text,
        any(r in leaked or starts_with_field_label(r) for r in rows),
        len(set(rows)) < len(rows),
        bounds,
        v,
        mood_agrees(v, brief_v),
        rhyme_pairs(text),
        cut_off(text),
    )


def rank_key(c: TextCheck, rhyme: bool, brief_v: float):
    return (c.clean, c.agrees, c.rhymes if rhyme else 0, -abs(c.valence - brief_v))


def describe_music(brief: CreativeBrief) -> str:
    p = music_parameters(brief)
    pace = "slow" if p.tempo < 85 else "lively" if p.tempo > 115 else "moderate"
    return f"{pace}, in {p.tonic} {p.mode}, on {p.instrument}"


def _acceptable(candidate: TextCheck) -> bool:
    return candidate.clean and candidate.agrees


def write(
    kind: str,
    brief: CreativeBrief,
    lines: int,
    rhyme: bool,
    seed: int,
    rounds: int = 2,
    plain_tokens: bool = True,
    shape_lines: bool = True,
) -> TextCheck:
    """The best candidate over up to `rounds` batches of samples; stops early at a clean, agreeing one.

    `plain_tokens`: sample over plain English tokens only, poems shaped into their lines (`LineShape`),
    each candidate ending when it has its lines, and take the first clean, agreeing one as soon as it
    ends (unless rhymes are asked for, which the ranking weighs); else transformers' `generate` over the
    whole vocabulary (kept for the comparison, as is `shape_lines=False`).
    """
    model, tokenizer = model_and_tokenizer()
    colours = ", ".join(brief.palette) or "any"
    request = request_text(kind, brief.mood, brief.subject, colours, describe_music(brief))
    prefix = prompt_prefix(kind, mood_region(brief.valence, brief.arousal))
    allowed = plain_text_token_ids(tokenizer) if plain_tokens else None
    shape = LineShape(tokenizer, allowed, lines) if plain_tokens and shape_lines and kind == "poem" else None
    best = None
    for r in range(rounds):
        settings = SamplingSettings(
            max_new_tokens=MAX_TOKENS[kind] + 10 * max(0, lines - 4) * (kind == "poem"),
            seed=seed * 1000 + r,
            candidates=CANDIDATES[kind],
        )
        with LM_LOCK, base_only():
            raws = generate_texts(
                model,
                tokenizer,
                prefix,
                request,
                settings,
                STOP_STRINGS,
                allowed=allowed,
                enough=lambda text: complete_lines(text) >= (lines if kind == "poem" else 1),
                good=None
                if rhyme
                else lambda text: _acceptable(check(clean_text(text, kind, lines), kind, lines, brief.valence)),
                shape=shape,
            )
        for raw in raws:
            cand = check(clean_text(raw, kind, lines), kind, lines, brief.valence)
            if best is None or rank_key(cand, rhyme, brief.valence) > rank_key(best, rhyme, brief.valence):
                best = cand
        if _acceptable(best):
            break
    return best


def write_text(args: WriteTextArgs, ctx: ToolContext) -> ToolResult:
    brief, seed, changes = prepare_brief(ctx, args, "text", args.new_variation)
    ctx.progress(f"writing a {args.kind}")
    best = write(args.kind, brief, args.lines, args.rhyme, seed)
    os.makedirs(ctx.out_dir, exist_ok=True)
    path = os.path.join(ctx.out_dir, f"{args.kind}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(best.text + "\n")
    flags = (
        []
        if best.clean
        else [
            "could not avoid every flaw: "
            + ", ".join(
                n
                for n, bad in (
                    ("prompt echo", best.leak),
                    ("repeated line", best.repeated),
                    ("length", not best.in_bounds),
                    ("cut off mid-phrase", best.cut_off),
                )
                if bad
            )
        ]
    )
    summary = f"{args.kind}: " + (best.text if args.kind == "title" else best.text.splitlines()[0] + " ...")
    data = {
        "kind": args.kind,
        "seed": seed,
        "valence": best.valence,
        "mood_agrees": best.agrees,
        "clean": best.clean,
        "lines": args.lines,
    }
    return ToolResult("text", brief, seed, {"text": path}, summary, data, text=best.text, changes=changes + flags)


TOOL = Tool(
    name="write_text",
    description="Write a short poem, a title or a description that carries the brief's mood and subject; "
    "refine with shorter/longer, more hopeful/darker, rhyme, or another one.",
    args_model=WriteTextArgs,
    run=write_text,
    kind="text",
)


def warm_up() -> None:
    """Build the plain-token tables and prompt caches with one short poem, before the first request."""
    write("poem", CreativeBrief(subject="the sea"), 4, False, seed=1, rounds=1)
