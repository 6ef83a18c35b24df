"""Which work a subject phrase of the request belongs to, by the words that govern it.

"a calm melody and a matching painting of a fox in a snowy forest": the phrase follows "painting of", so it is
the painting's subject, whatever call the model typed it into (it typed it into an unasked text call and left the
painting empty). "write a poem about the sea" governs it for the text, "paint a fox" for the painting. The model
still chooses the calls; this only says which of its calls carries the words.
"""

from __future__ import annotations

import re

from assistant.orchestrators.work_words import work_of

LOOK_BACK = 4  # words before the phrase: "a matching painting of", "paint me a"


def owner_tool(request: str, subject: str) -> str | None:
    """The tool whose work governs `subject` where the request says it (the nearest work word or verb before
    it, a few words back), or None when no copy of it has one."""
    pattern = re.compile(r"(?<![\w])" + re.escape(subject.strip()) + r"(?![\w])", re.IGNORECASE)
    for match in pattern.finditer(request):
        before = re.findall(r"[\w']+", request[: match.start()].lower())[-LOOK_BACK:]
        for word in reversed(before):
            if tool := work_of(word):
                return tool
    return None


def placed_subjects(calls: list, request: str) -> list:
    """The calls with each subject on the call of the work that governs it, when that call has none."""
    calls = [[name, dict(args) if isinstance(args, dict) else args] for name, args in calls]
    for name, args in calls:
        subject = args.get("subject") if isinstance(args, dict) else None
        owner = owner_tool(request, subject) if subject else None
        if owner is None or owner == name:
            continue
        target = next((a for n, a in calls if n == owner and isinstance(a, dict) and not a.get("subject")), None)
        if target is not None:
            target["subject"] = args.pop("subject")
    return calls
