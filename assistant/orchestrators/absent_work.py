"""A change asks for no new work: "make it longer" or "slower" right after a poem, when there is no melody, changes
the work "it" means; it never makes a tune nobody asked for. The adapter, which learnt changes of the melody and
the painting alone, answered such requests with `compose_melody {"add_bars": 4}` (a dev probe after
"paint a lake", "a short poem about it").

When a call carries only changes (longer, slower, brighter, happier, another take) for a work that does not
exist, while the last turn touched one work and the request names none (by its name or, for the melody, by its
own facts: "16 bars"), the call goes to that work when it takes those changes (a poem made sadder), else it goes
(the turn then answers in words). Before any work exists a bare change still makes its work, as the routing
corpus teaches ("slower": a slow melody).
"""

from __future__ import annotations

from assistant.orchestrators.asked_works import WORK_TOOLS, dumps, loads
from assistant.orchestrators.request_facts import facts_of, music_written
from assistant.orchestrators.work_words import mentioned_tools
from tools.registry import TOOLS

CHANGES = frozenset(
    "add_bars tempo_scale tempo_change transpose brightness_change saturation_change valence_change arousal_change "
    "new_variation variations".split()
)


def change_only(args) -> bool:
    """The arguments change a work and name nothing of a new one (no mood, subject, instrument, key ...)."""
    return isinstance(args, dict) and bool(args) and set(args) <= CHANGES


def writes_music(request: str) -> bool:
    """The request writes a melody's own facts (16 bars, 90 bpm, 4 bars more, a key or mode, an instrument): it
    speaks of the melody as much as by its name."""
    facts = facts_of(request)
    return music_written(request) or bool(facts.bpm or facts.lengths or facts.changes or facts.modes)


def takes(tool: str, args: dict) -> bool:
    """The tool has every one of these arguments."""
    return set(args) <= set(TOOLS[tool].args_model.model_fields)


def changes_to_touched_work(answer: str, request: str, existing: frozenset[str], last: frozenset[str]) -> str:
    """The answer with each change of an absent work moved to the work the last turn touched, or left out (see the
    module doc); `existing` and `last` are tools."""
    calls = loads(answer)
    if not calls or len(last) != 1 or mentioned_tools(request):
        return answer
    (touched,) = last
    out = []
    for name, args in calls:
        spoken_of = name == "compose_melody" and writes_music(request)
        if name not in WORK_TOOLS or name in existing or not change_only(args) or spoken_of:
            out.append([name, args])
        elif takes(touched, args) and all(n != touched for n, _ in calls):
            out.append([touched, args])
    return dumps(out) if out != calls else answer
