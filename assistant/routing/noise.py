"""Typos and text-speak for training requests, never inside the words the calls copy (a mood, a colour)."""

from __future__ import annotations

import random
import re

TEXT_SPEAK = {
    "please": ("pls", "plz"),
    "you": ("u",),
    "your": ("ur",),
    "thanks": ("thx", "ty"),
    "thank you": ("ty",),
    "and": ("&", "n"),
    "with": ("w/",),
    "because": ("cuz",),
    "really": ("rly",),
    "a little": ("a lil",),
    "little": ("lil",),
    "something": ("smth",),
    "tonight": ("2nite",),
    "going to": ("gonna",),
    "want to": ("wanna",),
}


KEEP = set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred half twice double first second third fourth flat sharp major "
    "minor percent semitone semitones octave fifth fourth third both".split()
)


def protected_words(calls: list) -> set[str]:
    """Lower-case words of every string value in the calls, number words and music terms."""
    return KEEP | {w for item in _strings(calls) for w in re.findall(r"\w+", item.lower())}


def _strings(calls: list) -> list[str]:
    return [str(i) for _, args in calls for v in args.values() for i in (v if isinstance(v, list) else [v])]


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def with_typos(rng: random.Random, text: str, calls: list, count: int = 1) -> str:
    """`count` words of 4+ letters misspelled, none that a call copies."""
    keep = protected_words(calls)
    tokens = re.split(r"(\W+)", text)
    candidates = [i for i, t in enumerate(tokens) if len(t) >= 4 and t.isalpha() and t.lower() not in keep]
    for i in rng.sample(candidates, min(count, len(candidates))):
        tokens[i] = _typo(rng, tokens[i])
    return "".join(tokens)


def as_text_speak(rng: random.Random, text: str, calls: list) -> str:
    """Lower case, no end punctuation, common abbreviations (not inside copied words)."""
    keep = protected_words(calls)
    if any(w != w.lower() for w in _strings(calls)):
        return text  # a value with capitals is copied as written
    out = text.lower().rstrip(".!")
    for phrase, shorts in TEXT_SPEAK.items():
        if phrase not in keep and rng.random() < 0.7:
            out = re.sub(rf"\b{phrase}\b", rng.choice(shorts), out)
    return out
