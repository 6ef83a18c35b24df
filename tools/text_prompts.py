"""Prompts for poems, titles and descriptions: a chat prompt for an instruction-tuned model (Qwen2.5-Coder
0.5B Instruct, the default writer), few-shot completion prompts for a base model (Gemma 3 270M).

Chat: a fixed system line and one worked exchange (the cached prefix), then the request in words: the kind,
the mood, the form, the subject, the works it goes with. Few-shot: a small model copies the feeling of its examples more than it follows a mood word, so the examples
are chosen by the brief's region of the valence/arousal plane (sorrow, tension, joy, calm): each
region has its own fixed prefix (its key/value cache is computed once). All examples are our own
lines; output lines that repeat any prompt line count as leakage and are rejected.
"""

from __future__ import annotations

import os
import re

import yaml

EXAMPLES_PATH = os.path.join(os.path.dirname(__file__), "data", "text_examples.yaml")


def _read_examples() -> dict:
    with open(EXAMPLES_PATH) as f:
        return yaml.safe_load(f)


_EXAMPLES = _read_examples()
# region -> [(request line, poem)] and [(mood, subject, title)]
POEMS: dict[str, list[tuple[str, str]]] = {
    region: [(e["request"], e["poem"]) for e in examples] for region, examples in _EXAMPLES["poems"].items()
}
TITLES: dict[str, list[tuple[str, str, str]]] = {
    region: [(e["mood"], e["subject"], e["title"]) for e in examples]
    for region, examples in _EXAMPLES["titles"].items()
}
DESCRIPTION_PREFIX: str = _EXAMPLES["description_prefix"]
CHAT: dict = _EXAMPLES["chat"]

REGIONS = tuple(POEMS)
STOP_STRINGS = ("\n\nMood:", "Mood:", "\n\n\n", "Poem:", "Title:", "Description:")


def mood_region(valence: float, arousal: float) -> str:
    """Which examples suit a brief: sorrow and tension (unpleasant, calm or aroused), joy, calm."""
    if valence <= -0.2:
        return "tension" if arousal > 0.3 else "sorrow"
    return "joy" if arousal > 0.2 else "calm"


def poem_prefix(region: str) -> str:
    shots = "\n\n".join(f"Mood: {head}\nPoem:\n{poem}" for head, poem in POEMS[region])
    return f"Short poems. Each poem has four lines and matches its mood.\n\n{shots}\n"


def title_prefix(region: str) -> str:
    shots = "\n".join(f"Mood: {m}. Subject: {s}. Title: {t}" for m, s, t in TITLES[region])
    return f"Titles for works of art, two to five words, matching the mood.\n\n{shots}\n"


def prompt_prefix(kind: str, region: str) -> str:
    if kind == "poem":
        return poem_prefix(region)
    if kind == "title":
        return title_prefix(region)
    return DESCRIPTION_PREFIX


PREFIXES = {(kind, region): prompt_prefix(kind, region) for kind in ("poem", "title") for region in REGIONS}
PREFIXES[("description", "any")] = DESCRIPTION_PREFIX


def request_text(kind: str, mood: str, subject: str, colours: str, music: str) -> str:
    head = f"\nMood: {mood}. Subject: {subject or 'untitled'}."
    if kind == "poem":
        return f"{head} Colours: {colours}.\nPoem:\n"
    if kind == "title":
        return f"Mood: {mood}. Subject: {subject or 'untitled'}. Title:"
    return f"{head} Melody: {music}. Painting: {colours}.\nDescription:"


FIELD_LABEL = re.compile(r"^\W*(mood|subject|colou?rs?|poem|title|description|melody|painting)\s*[-:]", re.I)


def starts_with_field_label(line: str) -> bool:
    """A line that opens like a field of the prompt ("Mood: ...", "Title - ..."): the format leaking."""
    return bool(FIELD_LABEL.match(line))


def prompt_lines(kind: str) -> set[str]:
    """Normalised lines of every prompt of a kind and their parts ("Title: Where the Boats Were" gives the
    title), to detect leakage of the examples into the output."""
    parts = set()
    for (k, _), prefix in PREFIXES.items():
        if k != kind:
            continue
        for line in prefix.splitlines():
            parts.add(line)
            parts.update(re.split(r"[:.]", line))
    return {normalise(p) for p in parts if len(normalise(p)) > 8}


FORM_WORDS = {
    "free": "of {lines} lines",
    "couplets": "of {lines} lines in rhyming couplets",
    "abab": "of {lines} lines with alternating rhymes (ABAB)",
    "haiku": "",
}
NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def chat_request(
    kind: str, mood: str, subject: str, colours: str, music: str, form: str = "free", lines: int = 4
) -> str:
    """The request in words, as a person would ask an instruction-tuned model."""
    mood = mood or "gentle"
    subject = subject or "the mood itself"
    if kind == "title":
        return f"Give a {mood} title of two to five words for a painting of {subject}."
    if kind == "description":
        painted = f" in {colours}" if colours and colours != "any" else ""
        return (
            f"In two or three sentences, describe what was made: a painting of {subject}{painted}, and a {music}. "
            f"The mood is {mood}. Say first what the painting shows, then how the melody sounds."
        )
    article = "an" if mood[:1].lower() in "aeiou" else "a"
    if form == "haiku":
        return f"Write {article} {mood} haiku about {subject}: three lines of 5, 7 and 5 syllables."
    shape = FORM_WORDS[form].format(lines=NUMBERS.get(lines, lines))
    paint = f" It goes with a painting in {colours}." if colours and colours != "any" else ""
    return f"Write {article} {mood} poem {shape} about {subject}.{paint}"


def sentence_request(part: str, mood: str, subject: str, colours: str, music: str, beside_painting: bool = True) -> str:
    """The request for one sentence of a description: what the painting shows, or how the melody sounds (beside
    a painting of the subject, or alone, about the subject)."""
    mood = mood or "gentle"
    subject = subject or "the mood itself"
    painted = f" in {colours}" if colours and colours != "any" else ""
    if part == "painting":
        return f"In one sentence, say what the painting shows: {subject}{painted}. The mood is {mood}."
    beside = f"It goes with a painting of {subject}." if beside_painting else f"It was made about {subject}."
    return f"In one sentence, say how the melody sounds: a {music}. The mood is {mood}. {beside}"


def worked_examples(kind: str, form: str | None = None) -> list[dict]:
    """The worked exchanges of a prompt: a poem's are in its own form (two each); a title's and a
    description's are three of different shapes (the model copies the shape of a lone example)."""
    if kind == "poem" and form in CHAT["poem_forms"]:
        return CHAT["poem_forms"][form]
    return [CHAT[kind], *CHAT.get("more", {}).get(kind, [])]


def _all_example_texts(kind: str) -> list[str]:
    texts = [e["text"] for e in worked_examples(kind)]
    if kind == "poem":
        texts += [e["text"] for examples in CHAT["poem_forms"].values() for e in examples]
    return texts


def chat_prompt(tokenizer, kind: str, request: str, form: str | None = None) -> tuple[str, str]:
    """(fixed prefix, request part) in the model's chat template; the prefix holds the worked exchanges."""
    head = [{"role": "system", "content": " ".join(CHAT["system"].split())}]
    for example in worked_examples(kind, form):
        head += [
            {"role": "user", "content": example["ask"]},
            {"role": "assistant", "content": example["text"].strip()},
        ]
    prefix = tokenizer.apply_chat_template(head, tokenize=False)
    full = tokenizer.apply_chat_template(
        [*head, {"role": "user", "content": request}], tokenize=False, add_generation_prompt=True
    )
    if not full.startswith(prefix):
        raise ValueError("this chat template does not extend a conversation by appending to it")
    return prefix, full[len(prefix) :]


def chat_prefixes(tokenizer, forms: tuple[str, ...]) -> list[str]:
    """The fixed prefix of every chat prompt the writer uses: a poem's in each of `forms`, a title's, and each
    description sentence's (the painting's, the melody's)."""
    asked = [("poem", form) for form in forms] + [("title", None), ("painting", None), ("melody", None)]
    return [chat_prompt(tokenizer, kind, "", form)[0] for kind, form in asked]


def chat_prompt_lines(kind: str) -> set[str]:
    """Normalised lines of every worked exchange of a kind: output repeating one is leakage."""
    return {
        normalise(line) for text in _all_example_texts(kind) for line in text.splitlines() if len(normalise(line)) > 8
    }


def copied_phrase(text: str, kind: str, words: int = 5) -> bool:
    """The text shares a run of `words` words with a worked exchange (a near-copy of its lines)."""

    def runs(t: str) -> set[tuple[str, ...]]:
        w = re.findall(r"[a-z']+", t.lower())
        return {tuple(w[i : i + words]) for i in range(len(w) - words + 1)}

    mine = runs(text)
    return any(mine & runs(example) for example in _all_example_texts(kind))


def normalise(line: str) -> str:
    return " ".join(line.lower().strip(" ,.;:!?\"'").split())
