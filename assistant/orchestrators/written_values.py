"""Decoding that cannot say what the request did not: values the request writes down are carried as written.

A constraint on the tuned model's own decoding (`accept` in `models.language.sub_vocabulary_decoding`, the same
role as a transformers `prefix_allowed_tokens_fn`): for each candidate token it says whether the answer may go on
that way. The model still chooses every token; this only refuses the ones that would
- give a mood of several words the studio does not know as a mood ("hot air balloon": the subject's words);
- end a subject before its phrase ends ("a lighthouse" when the request says "a lighthouse on a rocky cliff
  during a thunderstorm", `assistant.orchestrators.subject_span`);
- give a number the request did not write when it writes numbers ("to 60" is a tempo of 60, "16 bars" 16 bars or
  8 more, never 40);
- give a key or a mode other than the one written, or one at all when none is written ("halloween" is no key);
- type a value that is no JSON ("tempo": 3/4);
- close a melody call without the key, mode or bpm the request writes, or a text call without the form or the line
  count it names ("write a haiku about it"). Once the model wanted to close such a call, the next argument it names
  must be a missing one; the value then follows the rules above.
"""

from __future__ import annotations

import re

from assistant.orchestrators.answer_position import Finished, Position, position
from assistant.orchestrators.request_facts import MODE_WORDS, RequestFacts
from assistant.orchestrators.subject_span import may_end_subject, may_start_subject
from tools.mood_lexicon import read_mood

NUMBER_ARGUMENTS = ("tempo", "bars", "add_bars", "lines")
SCALAR = re.compile(r"-?\d*(?:\.\d*)?|t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?")  # JSON, typed so far
RELATIVE_TEMPO = frozenset({"tempo_scale", "tempo_change"})


class WrittenValues:
    """The constraint for one request; `ok(answer, piece)` is asked once per candidate token."""

    def __init__(self, request: str, facts: RequestFacts):
        self.request, self.facts = request, facts
        self.wanted_to_close: set[int] = set()  # calls (by index) the model tried to close with arguments missing

    def closed_arguments(self) -> dict[str, frozenset[str]]:
        """Per tool, arguments the request gives no ground for: a key or a mode it does not write, a relative
        tempo when it writes the bpm."""
        melody = set()
        if not self.facts.keys:
            melody.add("key")
        if not self.facts.modes:
            melody.add("mode")
        if self.facts.bpm:
            melody |= RELATIVE_TEMPO
        if self.facts.numbers and not self.numbers_for("tempo"):
            melody.add("tempo")  # "a waltz, 3/4": numbers, none a tempo
        return {"compose_melody": frozenset(melody)}

    def opened_arguments(self) -> dict[str, frozenset[str]]:
        """Per tool, arguments the model never learnt but the request asks for (a poem's form)."""
        return {"write_text": frozenset({"form"})} if self.facts.form else {}

    def required(self, tool: str) -> set[str]:
        """The arguments a call of `tool` must carry because the request writes them."""
        facts = self.facts
        if tool == "compose_melody":
            return {n for n, given in (("key", facts.keys), ("mode", facts.modes), ("tempo", facts.bpm)) if given}
        if tool == "write_text":
            lines = facts.lines if facts.form != "haiku" else None
            return {n for n, given in (("form", facts.form), ("lines", lines)) if given}
        return set()

    def numbers_for(self, argument: str) -> set[int] | None:
        """The values a number argument may take (None: any, as the request writes no number)."""
        written, bars = set(self.facts.numbers), self.facts.bars
        if not written:
            return None
        if argument == "tempo":
            return {n for n in written if n >= 20} or None
        if argument == "bars":  # a total as written, or the length now changed by a written change
            totals = written - self.facts.changes
            return totals | {bars + n for n in written} | {bars - n for n in written if n < bars} | {2 * bars}
        if argument == "add_bars":
            return (written | {-n for n in written} | {n - bars for n in written} | {bars}) - {0}
        return written

    def value_ok(self, argument: str, text: str, finished: bool) -> bool:
        """A value of `argument` typed so far (`finished`: complete) is one the request allows."""
        if argument == "mood" and finished:  # a mood the studio knows, or one word it may not ("düsteres")
            if text.strip().lower() in MODE_WORDS:
                return False  # "A minor would be better": the word is the mode's
            return bool(read_mood(text).known) or len(text.split()) == 1
        if argument == "subject":
            return may_start_subject(self.request, text) and (not finished or may_end_subject(self.request, text))
        if argument in NUMBER_ARGUMENTS:
            allowed = self.numbers_for(argument)
            if allowed is None:
                return True
            return any(str(n) == text if finished else str(n).startswith(text) for n in allowed)
        options = {"key": self.facts.keys, "mode": self.facts.modes, "form": {self.facts.form or ""}}.get(argument)
        if options is None:
            return True
        text = text.strip().lower()
        return any(o.lower() == text if finished else o.lower().startswith(text) for o in options)

    def ok(self, answer: str, piece: str) -> bool:
        before = position(answer)
        after = before.then(piece)
        for done in after.finished:
            if not self._finished_ok(done, after, len(before.calls)):
                return False
        opened = after.open_value()
        if opened and not self.value_ok(*opened, finished=False):
            return False
        if opened and not after.in_string and not SCALAR.fullmatch(opened[1]):
            return False
        return self._key_ok(after)

    def _finished_ok(self, done: Finished, after: Position, call_index: int) -> bool:
        if done.what == "value":
            return self.value_ok(done.argument, done.text, finished=True)
        if done.what == "call":
            given = after.calls[call_index][1] if call_index < len(after.calls) else {}
            if self.required(done.tool) - set(given):
                self.wanted_to_close.add(call_index)
                return False
        return True

    def _key_ok(self, after: Position) -> bool:
        """After the model wanted to close a call with arguments missing, it names a missing one."""
        if not (after.in_call_object and after.in_string and after.role == "key"):
            return True
        if len(after.calls) not in self.wanted_to_close:
            return True
        missing = self.required(after.tool) - set(after.arguments)
        return any(name.startswith(after.text) for name in missing)
