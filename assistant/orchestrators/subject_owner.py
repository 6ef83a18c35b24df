"""Which work a subject phrase of the request belongs to, by the words that govern it.

"a calm melody and a matching painting of a fox in a snowy forest": the phrase follows "painting of", so it is
the painting's subject, whatever call the model typed it into (it typed it into an unasked text call and left the
painting empty). "write a poem about the sea" governs it for the text, "paint a fox" for the painting. A work word
before a join governs nothing past it: "a slow cello melody and an autumn forest at dusk" is a scene written bare,
the painting's (`bare_subject.joined_scene`). The model still chooses the calls; this only says which of its calls
carries the words. The same holds for a melody's mood decoded from such a scene ("sunset" of "sand dunes at
sunset and a slow desert melody"): those are the painting's words, and the mood goes, as a mood that is no mood
word goes once decoded (`mood_words.with_moods_read`).
"""

from __future__ import annotations

import json
import re

from assistant.orchestrators.bare_subject import joined_scene
from assistant.orchestrators.work_words import work_of

LOOK_BACK = 4  # words before the phrase: "a matching painting of", "paint me a"
JOINS = frozenset({"and", "plus", "&", ",", ";"})


def owner_tool(request: str, subject: str) -> str | None:
    """The tool whose work governs `subject` where the request says it (the nearest work word or verb before
    it, a few words back and not past a join; the painting for a scene joined bare to another work's part), or
    None when no copy of it has one."""
    pattern = re.compile(r"(?<![\w])" + re.escape(subject.strip()) + r"(?![\w])", re.IGNORECASE)
    for match in pattern.finditer(request):
        before = re.findall(r"[\w']+|[,;&]", request[: match.start()].lower())[-LOOK_BACK:]
        for word in reversed(before):
            if word in JOINS:
                break
            if tool := work_of(word):
                return tool
    scene = joined_scene(request)
    return "paint" if scene and scene.strip().lower() == subject.strip().lower() else None


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


def without_scene_mood(answer: str, request: str) -> str:
    """The answer less a melody's mood made only of words of the scene joined bare to the request (see the module
    doc)."""
    scene = joined_scene(request)
    if not scene or '"mood"' not in answer:
        return answer
    try:
        calls = json.loads(answer)
    except ValueError:
        return answer
    words = set(re.findall(r"[\w'-]+", scene.lower()))
    changed = False
    for call in calls if isinstance(calls, list) else []:
        args = call[1] if isinstance(call, list) and len(call) == 2 and call[0] == "compose_melody" else None
        mood = args.get("mood") if isinstance(args, dict) else None
        if isinstance(mood, str) and set(re.findall(r"[\w'-]+", mood.lower())) <= words:
            del args["mood"]
            changed = True
    return json.dumps(calls, ensure_ascii=False) if changed else answer
