"""Tool `write_text`: a poem, a title or a description about the brief's subject, in its mood and form.

Written by the language model that reads the chat (Qwen2.5-Coder 0.5B Instruct by default, through its chat
template; a base model such as Gemma 3 270M through few-shot prompts), so one model is in memory. The form
comes first (`models.language.poem_forms`): line count, rhyme scheme with CMU-dictionary rhymes, haiku
syllables, enforced while the model fills the lines (`models.language.verse_constraints`). A chat model's
poem is written line by line, a few candidates per line opening on different words, the best line kept; a
rhyme line ends where the model itself ranks a rhyme highest (`tools.poem_lines`); a description is written
sentence by sentence, the painting's then the melody's, of the works made only (`tools.describe`); titles are
sampled whole, several at once.
Drafts with their form, finished, without prompt echo or repeated lines win, ranked by the model's own mean
token log-probability plus the subject's words present.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import ClassVar, Literal

from pydantic import Field

from models.language.core_share import retune_threads, threads_for_load
from models.language.poem_forms import FORMS, PoemForm, has_form, poem_form
from models.language.shared_lm import LM_LOCK
from models.language.text_generation import PREFIX_CACHE
from models.registry import text_language_model
from tools.brief import CreativeBrief, TextChanges, Variations
from tools.melody_character import character_words
from tools.mood_mapping import music_parameters
from tools.poem_lines import drafts as draft_texts
from tools.protocol import PreviousWork, Tool, ToolContext, ToolResult, prepare_brief
from tools.text_drafting import Draft
from tools.text_prompts import chat_prefixes

TextKind = Literal["poem", "title", "description"]
PoemFormName = Literal[FORMS]


class WriteTextArgs(TextChanges, Variations):
    """Write a poem, a title or a description that matches the works: changes to its settings apply first."""

    not_routed: ClassVar[frozenset[str]] = frozenset({"form", "add_lines"})  # the tuned models never learnt them

    kind: TextKind = Field("poem", description="poem, title or description")
    lines: int = Field(4, ge=2, le=16, description="lines of a poem")
    rhyme: bool = Field(False, description="rhyming line endings (couplets unless a form is given)")
    form: PoemFormName | None = Field(None, description="free, couplets, abab or haiku (a poem's form)")
    new_variation: bool = Field(False, description="another text with the same settings (new seed)")
    add_lines: int | None = Field(
        None, ge=-14, le=14, description="lines more (+) or fewer (-) than the poem it changes: 'make it longer'"
    )


def form_of(kind: str, lines: int, rhyme: bool, form: str | None) -> PoemForm | None:
    """The poem's form from the arguments: a named form, else couplets when rhyme is asked, else free verse."""
    if kind != "poem":
        return None
    return poem_form(form or ("couplets" if rhyme else "free"), lines)


def colour_words(palette: list[str]) -> str:
    names = [c for c in palette if c]
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else (names[0] if names else "any")


def describe_music(brief: CreativeBrief) -> str:
    """The melody in words: pace, key, instrument and how it moves ("slow cello melody in A minor that falls
    in small steps")."""
    p = music_parameters(brief)
    pace = "slow" if p.tempo < 85 else "lively" if p.tempo > 115 else "moderate"
    moves = character_words(p.character)
    return f"{pace} {p.instrument} melody in {p.tonic} {p.mode} {moves}".rstrip()


def write(
    kind: str,
    brief: CreativeBrief,
    form: PoemForm | None,
    seed: int,
    rounds: int = 2,
    works: Mapping[str, CreativeBrief] | None = None,
    opening: tuple[str, ...] = (),
) -> Draft:
    """The best draft over up to `rounds` batches of candidates; stops at the first round with a sound one
    (`works`: the settings of each work made, by kind; a description describes those, in their own colours,
    key and tempo, not the text's; `opening`: the lines a poem made longer or shorter keeps)."""
    works = works or {}
    model, tokenizer, key = text_language_model()
    colours = colour_words(works.get("painting", brief).palette if kind == "description" else brief.palette)
    music = describe_music(works.get("melody", brief) if kind == "description" else brief)
    best = None
    for r in range(rounds):
        drafts = draft_texts(
            model,
            tokenizer,
            key,
            kind,
            brief.mood,
            brief.subject,
            colours,
            music,
            form,
            seed * 1000 + r,
            brief.valence,
            brief.arousal,
            tuple(works),
            opening,
        )
        for draft in drafts:
            if best is None or draft.rank > best.rank:
                best = draft
        if best is not None and best.sound:
            break
    return best


def kept_shape(args: WriteTextArgs, previous: PreviousWork | None) -> WriteTextArgs:
    """A refined text keeps the kind, form and line count of the version it refines unless the call sets them
    ("make everything sadder" leaves a haiku a haiku); lines added or taken away count from its line count."""
    if previous is None:
        return with_lines_added(args)
    data = previous.data
    kept = {"kind": data.get("kind"), "form": data.get("form"), "lines": data.get("lines")}
    kept = {k: v for k, v in kept.items() if v is not None and k not in args.model_fields_set}
    changed = args.model_fields_set
    if "form" in kept and ({"rhyme", "kind"} & changed or ("lines" in changed and kept["form"] == "haiku")):
        kept.pop("form")  # "make it rhyme", "now a title", a haiku made longer: the call's own shape
    return with_lines_added(args.model_copy(update=kept))


MIN_LINES, MAX_LINES = 2, 16
STANZA_STEP = {"couplets": 2, "abab": 4}


def with_lines_added(args: WriteTextArgs) -> WriteTextArgs:
    """The arguments with `add_lines` taken into the poem's line count ("make it longer": 4 lines -> 8), in whole
    couplets or quatrains where the form has them; a haiku made longer or shorter is free verse of that many lines.
    A count no poem can have is refused in words."""
    if not args.add_lines:
        return args
    if args.kind != "poem":
        raise ValueError(f"only a poem is made longer or shorter by lines; a {args.kind} keeps its own length")
    step = STANZA_STEP.get(args.form or "", 1)  # whole couplets and quatrains, or the form would round it back
    added = (1 if args.add_lines > 0 else -1) * max(step, abs(args.add_lines) // step * step)
    lines = args.lines + added
    if not MIN_LINES <= lines <= MAX_LINES:
        way = "longer" if added > 0 else "shorter"
        raise ValueError(
            f"a poem has {MIN_LINES} to {MAX_LINES} lines; this one has {args.lines}, so it cannot be "
            f"{abs(added)} lines {way}"
        )
    form = None if args.form == "haiku" else args.form
    return args.model_copy(update={"lines": lines, "form": form, "add_lines": None})


def kept_lines(previous: PreviousWork | None, asked_lines: int | None) -> tuple[str, ...]:
    """The lines of the poem a change of length starts from ("make it longer": the same poem, going on; "shorter":
    its first lines, and a new last one), or none."""
    path = previous.files.get("text") if previous is not None and asked_lines else None
    if not path or not os.path.exists(path) or previous.data.get("kind") != "poem":
        return ()
    with open(path, encoding="utf-8") as f:
        return tuple(line.strip() for line in f if line.strip())


def _as_before(text: str, previous: PreviousWork | None) -> bool:
    """True when a refinement wrote the very text of the version it refines (a mood change the prompt's words did
    not feel): the person asked for a change and would see none."""
    path = previous.files.get("text") if previous is not None else None
    if not path or not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        return f.read().strip() == text.strip()


def write_text(args: WriteTextArgs, ctx: ToolContext) -> ToolResult:
    asked_lines = args.add_lines
    args = kept_shape(args, ctx.previous)
    brief, seed, changes = prepare_brief(ctx, args, "text", args.new_variation)
    changes = changes + ([f"{args.lines} lines ({asked_lines:+d})"] if asked_lines else [])
    ctx.progress(f"writing a {args.kind}")
    form = form_of(args.kind, args.lines, args.rhyme, args.form)
    best = write(args.kind, brief, form, seed, works=ctx.works, opening=kept_lines(ctx.previous, asked_lines))
    if changes and _as_before(best.text, ctx.previous):  # "sadder" wrote the very same haiku: the next draw
        seed += 1
        brief = brief.model_copy(update={"seeds": {**brief.seeds, "text": seed}})
        best = write(args.kind, brief, form, seed, works=ctx.works)
    os.makedirs(ctx.out_dir, exist_ok=True)
    path = os.path.join(ctx.out_dir, f"{args.kind}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(best.text + "\n")
    flags = [] if best.sound else ["could not avoid every flaw: " + ", ".join(best.flaws())]
    summary = f"{args.kind}: " + (best.text if args.kind == "title" else best.text.splitlines()[0] + " ...")
    data = {
        "kind": args.kind,
        "seed": seed,
        "form": form.name if form else None,
        "lines": form.lines if form else None,
        "form_exact": has_form(best.text, form) if form else None,
        "subject_words": best.subject_words,
        "log_prob": round(best.log_prob, 3),
        "clean": best.sound,
    }
    return ToolResult("text", brief, seed, {"text": path}, summary, data, text=best.text, changes=changes + flags)


TOOL = Tool(
    name="write_text",
    description="Write a short poem (free verse, rhyming couplets, ABAB or haiku), a title or a description "
    "about the brief's subject in its mood; refine with shorter/longer, more hopeful/darker, rhyme, or another one.",
    args_model=WriteTextArgs,
    run=write_text,
    kind="text",
    one_per_turn=False,  # a title and a poem are two calls
)


def warm_up() -> None:
    """Before the first request: the model loaded, the key/value cache of every fixed prompt prefix computed
    (each poem form's, a title's, a description's: ~200 tokens, 0.3-1 s each on first use), and the
    plain-token tables built with one short poem."""
    model, tokenizer, _ = text_language_model()
    if getattr(tokenizer, "chat_template", None):
        with LM_LOCK, threads_for_load():  # two threads only on free cores (they spin on busy ones)
            for prefix in chat_prefixes(tokenizer, FORMS):
                PREFIX_CACHE.get(model, tokenizer, prefix)
                retune_threads()
    write("poem", CreativeBrief(subject="the sea"), poem_form("free", 4), seed=1, rounds=1)
