"""A subject that only points at the studio's own works ("a poem about this painting", "... about both of them",
"about my painting", "about it", "about him") is no subject of its own: the text is about the works, their subject
in the shared settings. The tuned model copied such phrases into the text call (dev v9), and the poem was
then about "this painting", not the fox in it. A subject with a word of its own stays ("the fox in the painting").
"""

from __future__ import annotations

from assistant.orchestrators.asked_works import dumps, loads
from assistant.orchestrators.work_words import words_of, work_of

POINTING = frozenset(
    "this that these those the my mine our your its it them they both all each of one ones everything".split()
    + "him her he she his hers".split()  # who is in the works: "a poem about him" (the dog painted) was about a man
)


def points_at_works(subject: str) -> bool:
    """Every word points at a work or names one, and one of them points ("this painting", "both of them")."""
    words = [w for w in words_of(subject) if w.isalnum() or "'" in w]
    return bool(words) and any(w in POINTING for w in words) and all(w in POINTING or work_of(w) for w in words)


def without_work_subjects(answer: str, shared_subject: str = "") -> str:
    """The answer with every subject that only points at the works replaced by the works' own (the shared
    subject, the last painting's), or taken out of its call where there is none: "now a poem about him" after a
    poem about boats and a painting of a dog was the boats' poem once more."""
    calls = loads(answer)
    pointing = [
        args for _, args in calls or [] if isinstance(args, dict) and points_at_works(args.get("subject") or "")
    ]
    for args in pointing:
        if shared_subject.strip():
            args["subject"] = shared_subject
        else:
            del args["subject"]
    return dumps(calls) if pointing else answer
