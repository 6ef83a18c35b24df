"""A story is asked for: the text tool has no story form, so the nearest text it writes in prose, a short
description of the story's subject, is made, and the reply says so.

The adapter answered "write a story about a pirate" with a poem, and "a bedtime story about a sleepy bear" with
nothing (dev v10). A request that asks for a text by a prose word ("story", "tale", "fable", "Geschichte",
"histoire", "cuento": `assistant/data/work_words.yaml`, `prose`) and names no other text (a poem, a title) gets
one text call of kind description, with the subject written after the word ("a story about a pirate": "a
pirate"), or else the model's (one that only points at the works goes: `work_subject`); the turn's reply says that a
description stands in for the story (`assistant.turn.prose_notes`).
"""

from __future__ import annotations

from assistant.orchestrators.asked_works import dumps, loads
from assistant.orchestrators.subject_span import WORD, _phrase_at
from assistant.orchestrators.work_words import _negated, _table, asked_tools, words_of

POEM_ONLY = frozenset({"kind", "lines", "rhyme", "form", "add_lines"})
SUBJECT_AFTER = frozenset({"about", "of", "über", "sur", "sobre"})


def prose_word(request: str) -> str | None:
    """The prose word the request asks a text by, when it names no other text; else None."""
    if "write_text" not in asked_tools(request):
        return None
    tokens, prose, nouns = words_of(request), _table()["prose"], _table()["nouns"]
    named = [(i, t) for i, t in enumerate(tokens) if nouns.get(t) == "write_text" and not _negated(tokens, i)]
    if not named or any(t not in prose for _, t in named):
        return None
    return named[0][1]


def story_subject(request: str) -> str | None:
    """The phrase after the prose word's "about" / "of" ("a story about a pirate who lost his ship": "a pirate who
    lost his ship"), or None."""
    tokens = list(WORD.finditer(request))
    for i, match in enumerate(tokens[:-2]):
        if match.group().lower() in _table()["prose"] and tokens[i + 1].group().lower() in SUBJECT_AFTER:
            phrase = _phrase_at(request, tokens[i + 2].start()).strip()
            return phrase or None
    return None


def as_description(answer: str, request: str) -> str:
    """The answer with one description for the story the request asks for (see the module doc)."""
    calls = loads(answer)
    if calls is None or prose_word(request) is None:
        return answer
    texts = [args for name, args in calls if name == "write_text"]
    subject = story_subject(request) or (texts[0].get("subject") if texts else None)
    kept = {k: v for k, v in (texts[0] if texts else {}).items() if k not in POEM_ONLY}
    call = ["write_text", {"kind": "description", **kept, **({"subject": subject} if subject else {})}]
    out = [[name, args] for name, args in calls if name != "write_text"]
    return dumps([*out, call])
