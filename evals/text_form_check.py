"""Scoring a text against its request by code: the form asked, and whether the subject's words are there."""

from __future__ import annotations

import re

from models.language.poem_forms import PoemForm, description_in_bounds, has_form, poem_form, title_in_bounds

STOP = set(
    "a an the of in on at by to into over under through with and or its his her their my your our for from "
    "after before near up down out about is are".split()
)


def requested_form(request: dict) -> PoemForm:
    """The form a request asks for (free verse of 4 lines when it names none)."""
    return poem_form(request.get("form", "free"), request.get("lines", 4))


def form_exact(request: dict, text: str) -> bool | None:
    """Form checked where one was asked: a poem's named form or line count, a title's and a description's length."""
    if request["kind"] == "title":
        return title_in_bounds(text)
    if request["kind"] == "description":
        return description_in_bounds(text)
    if "form" not in request and "lines" not in request:
        return None
    return has_form(text, requested_form(request))


def _stem(word: str) -> str:
    word = re.sub(r"'s$", "", word)
    for suffix in ("ing", "ies", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z']+", text.lower()) if w not in STOP]


def subject_present(subject: str, text: str) -> bool:
    """At least half of the subject's content words (stemmed; 'harbor' = 'harbour') appear in the text."""

    def norm(w: str) -> str:
        return w.replace("our", "or")

    wanted = {norm(w) for w in content_words(subject)}
    have = {norm(w) for w in content_words(text)}
    return bool(wanted) and 2 * len(wanted & have) >= len(wanted)
