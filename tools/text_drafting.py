"""Drafting texts with a language model: prompt, form-constrained sampling of a few candidates, checks, ranking.

A poem from a chat model is written line by line (`tools.poem_lines`), its description sentence by sentence
(`tools.describe`). Titles and a base model's poems and descriptions are sampled whole, several at once.

A candidate is sound when it has its form (lines, rhymes, syllables; a title of 2-6 words; a description of
1-3 whole sentences), ends as a finished thought (not on "the", "and", "of" ...), echoes no prompt line or
request words ("The mood is ..."), repeats no line of its own and no word twice in a row. Sound candidates are
ranked by the model's own mean token log-probability plus how many of the subject's words they carry (a
description in one run-on sentence loses a little).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

import torch

from models.language.core_share import threads_for_load
from models.language.poem_forms import PoemForm, description_in_bounds, has_form, sentences, title_in_bounds
from models.language.shared_lm import LM_LOCK, base_only
from models.language.text_generation import SamplingSettings, generate_texts
from models.language.text_vocabulary import decoded_token_texts, prose_token_ids
from models.language.verse_constraints import FormShape
from tools.articles import agreed
from tools.text_prompts import (
    STOP_STRINGS,
    chat_prompt,
    chat_prompt_lines,
    chat_request,
    copied_phrase,
    mood_region,
    normalise,
    prompt_lines,
    prompt_prefix,
    request_text,
    starts_with_field_label,
)

CANDIDATES = {"poem": 4, "title": 4, "description": 6}
TEMPERATURE = {"poem": 0.7, "title": 0.7, "description": 0.6}
ONE_SENTENCE_COST = 1.0  # a description says the painting and the melody in two sentences, not one run-on
SUBJECT_WEIGHT = 1.0  # nats per token that a text naming every subject word may lose to one naming none
ECHO = re.compile(r"\b(mood|colou?rs?|haiku|syllables?|couplets?|rhym\w*|abab|poem|title)\b", re.I)
DESCRIPTION_ECHO = re.compile(r"\b(the mood is|what was made|say first)\b", re.I)  # the request's own words
DOUBLED_WORD = re.compile(r"\b([a-z']+)\s+\1\b", re.I)  # "a purple purple sky"
STOPWORDS = frozenset(
    "a an the of in on at by to into over under through with and or its his her their my your our for from "
    "after before near up down out about is are".split()
)


def _dangling_words() -> frozenset[str]:
    path = os.path.join(os.path.dirname(__file__), "data", "dangling_words.txt")
    with open(path, encoding="utf-8") as f:
        return frozenset(w.strip() for w in f if w.strip() and not w.startswith("#"))


DANGLING = _dangling_words()


@dataclass
class Draft:
    text: str
    log_prob: float
    form_ok: bool
    finished: bool
    leak: bool
    repeated: bool
    subject_words: float
    notes: list[str] = field(default_factory=list)
    shape_cost: float = 0.0  # nats a sound text loses for a weaker shape of its kind (a one-sentence description)
    exchanges: list[tuple[str, str]] = field(default_factory=list)  # (prompt, completion kept) per model request

    @property
    def sound(self) -> bool:
        return self.form_ok and self.finished and not self.leak and not self.repeated

    @property
    def rank(self) -> tuple[bool, float]:
        return self.sound, self.log_prob + SUBJECT_WEIGHT * self.subject_words - self.shape_cost

    def flaws(self) -> list[str]:
        named = (("form", not self.form_ok), ("unfinished", not self.finished), ("prompt echo", self.leak))
        return [n for n, bad in (*named, ("repeated line or word", self.repeated)) if bad]


def _stem(word: str) -> str:
    word = re.sub(r"'s$", "", word.lower()).replace("our", "or")
    return word[:5] if len(word) > 5 else word


def subject_words_present(subject: str, text: str) -> float:
    """Share of the subject's content words (first five letters, 'harbour' = 'harbor') found in the text."""
    wanted = {_stem(w) for w in re.findall(r"[a-z']+", subject.lower()) if w not in STOPWORDS}
    have = {_stem(w) for w in re.findall(r"[a-z']+", text.lower())}
    return len(wanted & have) / len(wanted) if wanted else 0.0


def cut_off(text: str) -> bool:
    """The text stops mid-phrase, on a word like 'the', 'of' or 'and'."""
    words = re.findall(r"[a-z']+", text.lower())
    return not words or words[-1] in DANGLING


def clean_text(raw: str, kind: str) -> str:
    """The text trimmed to its kind's shape (a title's first line, a poem's lines, prose's one paragraph), each 'a'
    or 'an' as the word after it sounds."""
    raw = agreed(raw.strip().strip('"').strip())
    if kind == "title":
        line = raw.splitlines()[0] if raw else ""
        return line.strip().strip("\"'*").rstrip(".").strip()
    if kind == "poem":
        return "\n".join(line.strip().rstrip(" ") for line in raw.splitlines() if line.strip())
    return " ".join(raw.split())


def check(text: str, kind: str, form: PoemForm | None, subject: str, log_prob: float, leaked: set[str]) -> Draft:
    rows = [normalise(r) for r in text.splitlines() if r.strip()]
    form_ok = {
        "poem": form is not None and has_form(text, form),
        "title": title_in_bounds(text),
        "description": description_in_bounds(text),
    }[kind]
    echo = bool((DESCRIPTION_ECHO if kind == "description" else ECHO).search(text)) or copied_phrase(text, kind)
    finished = (
        not cut_off(text)
        and text.rstrip()[-1:] not in ",;:-"
        and (kind != "description" or text.rstrip()[-1:] in ".!?")
    )
    return Draft(
        text,
        log_prob,
        form_ok,
        finished,
        echo or any(r in leaked or starts_with_field_label(r) for r in rows),
        len(set(rows)) < len(rows) or bool(DOUBLED_WORD.search(text)),
        subject_words_present(subject, text),
        shape_cost=ONE_SENTENCE_COST if kind == "description" and sentences(text) < 2 else 0.0,
    )


def _prompt(tokenizer, kind, mood, subject, colours, music, form, brief_region):
    """(prefix, request, stop strings, leak lines): the chat template where the model has one, else few-shot."""
    if getattr(tokenizer, "chat_template", None):
        name, lines = (form.name, form.lines) if form else ("free", 4)
        request = chat_request(kind, mood, subject, colours, music, name, lines)
        prefix, tail = chat_prompt(tokenizer, kind, request, name if kind == "poem" else None)
        return prefix, tail, ("<|im_end|>", "<|im_start|>"), chat_prompt_lines(kind)
    region = "any" if kind == "description" else brief_region
    prefix = prompt_prefix(kind, region)
    return prefix, request_text(kind, mood, subject, colours, music), STOP_STRINGS, prompt_lines(kind)


class OneParagraph:
    """Shape for a description: no line breaks (its sentences stay one paragraph)."""

    def __init__(self, tokenizer, allowed: torch.Tensor):
        texts = decoded_token_texts(tokenizer)
        self.bias = torch.tensor([float("-inf") if "\n" in texts[int(i)] else 0.0 for i in allowed])

    def __call__(self, tokens: list[int]) -> torch.Tensor:
        return self.bias


def _enough(kind: str, form: PoemForm | None):
    if kind == "poem":
        return lambda text: sum(1 for line in text.lstrip("\n").split("\n")[:-1] if line.strip()) >= form.lines
    if kind == "title":
        return lambda text: "\n" in text.strip(" ")
    return lambda text: sentences(text) >= 3 and text.rstrip()[-1:] in ".!?" and text.endswith((".", "!", "?"))


_one_paragraph = lru_cache(maxsize=4)(OneParagraph)


def _shape(kind: str, tokenizer, allowed, form: PoemForm | None):
    if kind == "poem":
        return FormShape(tokenizer, allowed, form, DANGLING, min_words=1 if form.syllables else 3)
    if kind == "title":
        return FormShape(tokenizer, allowed, PoemForm("free", 1), DANGLING, min_words=2, soft_words=4, max_words=6)
    return _one_paragraph(tokenizer, allowed)


def max_tokens(kind: str, form: PoemForm | None) -> int:
    if kind == "poem":
        return 14 * form.lines + 6
    return {"title": 12, "description": 90}[kind]


def prose_sampling(max_new_tokens: int, temperature: float, candidates: int, seed: int, **more) -> SamplingSettings:
    """How the chat model samples our texts, lines and sentences: no repetition penalty (the prompt names the
    subject: penalising its words would push them out), no 3-gram of its own repeated, and the request's phrases
    may be copied ("in C major", "an old dog"); `more`: further `SamplingSettings` fields."""
    return SamplingSettings(
        max_new_tokens=max_new_tokens,
        temperature=temperature,
        top_p=0.92,
        repetition_penalty=1.0,
        no_repeat_ngram_size=3,
        block_prompt_ngrams=False,
        candidates=candidates,
        seed=seed,
        **more,
    )


def draft_texts(model, tokenizer, key, kind, mood, subject, colours, music, form, seed, valence=0.0, arousal=0.0):
    """Sample `CANDIDATES[kind]` drafts at once under the form, checked, best first (a chat model's poem is
    written line by line instead: `tools.poem_lines.drafts`)."""
    prefix, request, stops, leaked = _prompt(
        tokenizer, kind, mood, subject, colours, music, form, mood_region(valence, arousal)
    )
    allowed = prose_token_ids(tokenizer)
    settings = prose_sampling(max_tokens(kind, form), TEMPERATURE[kind], CANDIDATES[kind], seed)
    log_probs: list[list[float]] = []
    with LM_LOCK, base_only(key), threads_for_load():
        raws = generate_texts(
            model,
            tokenizer,
            prefix,
            request,
            settings,
            stops,
            allowed=allowed,
            enough=_enough(kind, form),
            shape=_shape(kind, tokenizer, allowed, form),
            log_probs=log_probs,
        )
    drafts = []
    for raw, lp in zip(raws, log_probs):
        mean = sum(lp) / len(lp) if lp else -99.0
        drafts.append(check(clean_text(raw, kind), kind, form, subject, mean, leaked))
        drafts[-1].exchanges = [(prefix + request, drafts[-1].text)]
    return sorted(drafts, key=lambda d: d.rank, reverse=True)
