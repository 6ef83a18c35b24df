"""Works a request tells the studio to leave as they are ("leave the picture alone and speed up the tune", "slow the
melody down, leave the painting", "don't touch the painting"): a check on the tuned model's answer, which changed
the painting too (dev v4, v7). Their calls go; the rest of the answer stays.
"""

from __future__ import annotations

import re

from assistant.orchestrators.asked_works import TOOL_OF_KIND, dumps, loads
from assistant.orchestrators.work_words import words_of, work_of

OWNERS = frozenset("the my your that this our its le la das die den".split())
LEAVE = frozenset("leave lass lasse laisse laissez deja".split())  # "leave the painting", whatever follows
KEEP = frozenset("keep".split())  # "keep the tune" may go on to change it: only with `AS_IT_IS` after
NO_CHANGE = re.compile(r"\b(?:don't|dont|do not) (?:touch|change)\b")  # read as "leave"
AS_IT_IS = frozenset("alone as be untouched unchanged same so tranquille comme".split())
ENDS = frozenset(", . ; ! and but just only und et y".split())


def _left(tokens: list[str], i: int) -> str | None:
    """The tool of the work named after the verb at tokens[i] when the phrase leaves it as it is, else None."""
    j = i + 2 if tokens[i + 1 : i + 2] and tokens[i + 1] in OWNERS else i + 1
    tool = work_of(tokens[j]) if j < len(tokens) else None
    rest = [t for t in tokens[j + 1 :] if t != "the"] + [".", "."]  # "keep the melody the same"
    changed_after_all = rest[0] == "same" and rest[1] not in ENDS  # "the same key, but faster"
    left = rest[0] in AS_IT_IS or (tokens[i] in LEAVE and rest[0] in ENDS)
    return tool if tool and left and not changed_after_all else None


def left_alone_tools(request: str) -> frozenset[str]:
    """The tools whose works the request tells us to leave as they are."""
    tokens = words_of(NO_CHANGE.sub("leave", request.lower()))
    return frozenset(tool for i, t in enumerate(tokens) if (t in LEAVE or t in KEEP) and (tool := _left(tokens, i)))


def without_left_alone(answer: str, request: str) -> str:
    """The answer less the calls that make, change or restore a work the request leaves as it is."""
    calls = loads(answer)
    left = left_alone_tools(request) if calls else frozenset()
    if not left:
        return answer
    return dumps([[name, args] for name, args in calls if _tool_of(name, args) not in left])


def _tool_of(name: str, args) -> str:
    """The tool of the work a call touches (a restore names the work's kind)."""
    return TOOL_OF_KIND.get(args.get("kind"), name) if isinstance(args, dict) else name
