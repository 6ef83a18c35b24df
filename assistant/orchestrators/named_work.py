"""A request that speaks of one work that exists, and of no other, is about that work: "make the melody darker"
changes the melody.

With a melody and a painting on screen the adapter answered "make the melody darker" with a darker painting (dev
v11): "darker" is a painting's word in most of what it learnt. Here, while decoding, the tools an answer may name
are that work's and the restores, when the request names exactly one work (`work_words.mentioned_tools`), that
work exists and is no preposition's object ("a name for the painting" asks for a title; "add a moon to the
painting" is the model's), the request speaks of no set of works ("both"), leaves none alone, and writes no change
that only other works have ("slower, and the painting brighter": a tempo is the melody's;
`own_changes.owned_changes`). The arguments stay the model's: for the melody it writes "darker" as sadder.
"""

from __future__ import annotations

from assistant.orchestrators.last_work import RESTORES
from assistant.orchestrators.work_words import mentioned_tools, words_of, work_of
from tools.registry import TOOLS

PREPOSITIONS = frozenset("for of about to with like from after into onto on at by".split())
OWNERS = frozenset("the my your this that our its a an".split())


def object_of_preposition(request: str, tool: str) -> bool:
    """Whether a word naming `tool`'s work follows a preposition ("for the painting", "to the melody")."""
    tokens = words_of(request)
    for i, token in enumerate(tokens):
        if work_of(token) != tool:
            continue
        j = i - 1
        while j >= 0 and tokens[j] in OWNERS:
            j -= 1
        if j >= 0 and tokens[j] in PREPOSITIONS:
            return True
    return False


def named_work_tools(
    request: str, existing: frozenset[str], every: frozenset[str] = frozenset(), left: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The tools an answer may call when the request is about one existing work (see the module doc), else none
    (no restriction); `left`: the tools of the works it leaves alone (`left_alone.left_alone_tools`)."""
    from assistant.own_changes import owned_changes

    named = mentioned_tools(request)
    if len(named) != 1 or not named <= existing or every or left:
        return frozenset()
    (tool,) = named
    if object_of_preposition(request, tool):
        return frozenset()
    found, _ = owned_changes(request)
    if any(TOOLS[tool].kind not in kinds for _, kinds in found):
        return frozenset()
    return frozenset({tool, *RESTORES})
