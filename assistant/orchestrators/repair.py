"""The one repair after an invalid answer: fast, and a question when it cannot work.

The tuned adapter never saw a repair note, so asking it again with the errors appended gave the same answer or a
new wrong one, and failing turns took 40-50 s. Instead the repair decodes the same request once more with the
arguments the errors name closed ("mode: Input should be 'major' or 'minor'" -> no mode: the model's next reading
without it), within `REPAIR_SECONDS` of decoding. When the errors name no argument (the answer was cut off, no
JSON), decoding again would give the same answer, so the repair answers at once with a question; so it does when
its time runs out, which ends `TURN_SECONDS` after the turn asked: a failing repair answers within 5 s of the
request, however long the first answer took.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field

from assistant.replies import CLARIFY

REPAIR_SECONDS = 2.5
TURN_SECONDS = 4.5  # the first answer and the repair together; the reply is written in the last half second
WORD = re.compile(r"[a-z_]+")


def question(errors: str) -> str:
    """A reply that asks again, saying what could not be read."""
    return json.dumps({"calls": [], "reply": f"{CLARIFY} (I could not read: {errors.strip()})"})


@dataclass
class Repair:
    closed: frozenset[str] = frozenset()  # argument names the errors name
    errors: str = ""
    deadline: float = field(default_factory=lambda: time.monotonic() + REPAIR_SECONDS)

    @property
    def question(self) -> str | None:
        return None if self.closed else question(self.errors)

    def in_time(self) -> bool:
        return time.monotonic() < self.deadline

    def out_of_time(self) -> str:
        return question(self.errors)


def repair_plan(note: str, started: float | None = None) -> Repair:
    """The repair for a turn whose first answer failed with `note` (the turn loop's list of errors), its time ending
    `REPAIR_SECONDS` from now or `TURN_SECONDS` after the turn `started` (time.monotonic), whichever comes first."""
    from assistant.orchestrators.routed_arguments import routed_argument_names

    known = {name for names in routed_argument_names().values() for name in names}
    errors = note.removeprefix("Your previous answer was invalid: ").removesuffix(". Answer with valid JSON.")
    deadline = time.monotonic() + REPAIR_SECONDS
    if started is not None:
        deadline = min(deadline, started + TURN_SECONDS)
    return Repair(frozenset(w for w in WORD.findall(errors) if w in known), errors, deadline)
