"""Decoding that cannot say what the request did not: values the request writes down are carried as written.

A constraint on the tuned model's own decoding (`accept` in `models.language.sub_vocabulary_decoding`, the same
role as a transformers `prefix_allowed_tokens_fn`): for each candidate token it says whether the answer may go on
that way. The model still chooses every token; this only refuses the ones that would
- give a mood that is no mood word when the request writes one ("quick" of "a quick and cheerful tune"), or
  one of several words the studio does not know as a mood ("hot air balloon": the subject's words; "not too much
  trouble"), refused as soon as the request's word being copied is none ("lonely light" of "lighthouse"); a
  request with no mood word may have any of its words as a melody's mood, which the answer then drops
  (`mood_words.with_moods_read`: "a quick little tune" is no mood "quick"), and no mood for a painting or a text;
- end a subject before its phrase ends ("a lighthouse" when the request says "a lighthouse on a rocky cliff
  during a thunderstorm", `assistant.orchestrators.subject_span`), or start a painting's anywhere but where the
  scene the request writes starts ("under the stars" of "a painting of a crib under the stars");
- give a relative tempo the other way than written ("plus lent": slower, never 1.25);
- give a number the request did not write when it writes numbers ("to 60" is a tempo of 60, "16 bars" 16 bars or
  8 more, never 40), a count that is no whole number ("bars": 8.5), the melody's own length as a new one ("bars": 8
  of 8 changes nothing), a change of length the other way than written ("shorten it by 2 bars" is 6 of 8, never
  10), a line count other than the one written or named ("a limerick": 5 lines);
- give a key or a mode other than the one written, or one at all when none is written ("halloween" is no key), or
  an instrument other than the one written ("a dark organ piece": organ; "auf dem Klavier": Klavier or piano);
- type a value that is no JSON ("tempo": 3/4), or a list where the value is none ("variations": ["short"]), or a
  change of mood, colour or light outside -1 to 1;
- close a melody call without the key, mode, bpm, instrument or bar count the request writes or the relative tempo
  ("slower"), a text call without the form or the line count it names ("write a haiku about it"), or a painting
  call without a subject when the request writes the scene ("paint a ballroom with chandeliers" came out as mood
  "ballroom", palette "chandeliers"). Once the model wanted to close such a call, the next argument it names must
  be a missing one; the value then follows the rules above.
A dead end (a value that can neither close nor go on) is backed out of by the decoding, which then tries the next
best token before it.
"""

from __future__ import annotations

import re

from assistant.orchestrators.answer_position import Finished, Position, position
from assistant.orchestrators.bare_subject import bare_subject, joined_scene, written_scene
from assistant.orchestrators.mood_words import has_mood_word, mood_word
from assistant.orchestrators.request_facts import MODE_WORDS, RequestFacts
from assistant.orchestrators.subject_span import may_end_subject, may_start_subject
from tools.mood_lexicon import INTENSIFIERS, NEGATIONS, read_mood

NUMBER_ARGUMENTS = ("tempo", "bars", "add_bars", "lines")
SCALAR = re.compile(r"-?\d*(?:\.\d*)?|t(?:r(?:ue?)?)?|f(?:a(?:l(?:se?)?)?)?|n(?:u(?:ll?)?)?")  # JSON, typed so far
RELATIVE_TEMPO = frozenset({"tempo_scale", "tempo_change"})
LIST_VALUE = re.compile(r'"(\w+)"\s*:\s*\[')
TEXT_KIND = re.compile(
    r"\b(poems?|poetry|haikus?|verses?|limericks?|sonnets?|lines|rhym\w*|titles?|names?|call it|descri\w+|blurb|"
    r"caption|gedicht|titel|beschreibung|poème|titre|poema|título|titulo|descripción)\b",
    re.IGNORECASE,
)


class WrittenValues:
    """The constraint for one request; `ok(answer, piece)` is asked once per candidate token."""

    def __init__(self, request: str, facts: RequestFacts, existing: frozenset[str] = frozenset()):
        self.request, self.facts, self.existing = request, facts, existing  # existing: the tools of works held
        self.wanted_to_close: set[int] = set()  # calls (by index) the model tried to close with arguments missing
        self.has_mood_word = has_mood_word(request)

    def closed_arguments(self) -> dict[str, frozenset[str]]:
        """Per tool, arguments the request gives no ground for: a key or a mode it does not write, a relative
        tempo when it writes the bpm, a mood of a painting or a text when none of its words is a mood word, a text's
        kind when a text exists and the request names no kind (a poem made sadder stays a poem). A
        melody's mood stays open then: closing it made the model write the rest of the call off its learnt path
        ("a quick little tune" came out 0.6 times the tempo, "something nice and slow" lost its slower tempo); such
        a mood is dropped once decoded (`mood_words.with_moods_read`)."""
        melody = set()
        if not self.facts.keys:
            melody.add("key")
        if not self.facts.modes:
            melody.add("mode")
        if self.facts.bpm:
            melody |= RELATIVE_TEMPO
        if self.facts.numbers and not self.numbers_for("tempo"):
            melody.add("tempo")  # "a waltz, 3/4": numbers, none a tempo
        mood = frozenset() if self.has_mood_word else frozenset({"mood"})  # "paint a big red barn"
        kept_kind = "write_text" in self.existing and not TEXT_KIND.search(self.request)  # "make everything sadder"
        text = mood | ({"kind"} if kept_kind else frozenset())
        return {"compose_melody": frozenset(melody), "paint": mood, "write_text": text}

    def opened_arguments(self) -> dict[str, frozenset[str]]:
        """Per tool, arguments the model never learnt but the request asks for (a poem's form)."""
        return {"write_text": frozenset({"form"})} if self.facts.form else {}

    def required(self, tool: str) -> set[str]:
        """The arguments a call of `tool` must carry because the request writes them."""
        facts = self.facts
        if tool == "compose_melody":
            relative = len(facts.tempo_signs) == 1 and not facts.numbers  # "the other one should be slower"
            written = (
                ("key", facts.keys),
                ("mode", facts.modes),
                ("tempo", facts.bpm),
                ("tempo_scale", relative),
                ("instrument", facts.instruments),
                ("bars", facts.lengths),
            )
            return {n for n, given in written if given}
        if tool == "paint":
            return {"subject"} if written_scene(self.request) else set()
        if tool == "write_text":
            lines = facts.lines if facts.form != "haiku" else None
            return {n for n, given in (("form", facts.form), ("lines", lines)) if given}
        return set()

    def numbers_for(self, argument: str) -> set[int] | None:
        """The values a number argument may take (None: any, as the request writes no number)."""
        written, bars, signs = set(self.facts.numbers), self.facts.bars, self.facts.change_signs
        if argument == "lines" and self.facts.lines:
            return {self.facts.lines}
        if not written:
            return None
        if argument == "tempo":
            return {n for n in written if n >= 20} or None
        changed = {bars + sign * n for n in written for sign in signs if 0 < bars + sign * n}  # by a written change
        if argument == "bars":  # a total as written, or the length now changed by a written change
            twice = {2 * bars} if 1 in signs else set()  # "twice as long", unless the request says shorter
            return (written - self.facts.changes) | changed | twice
        if argument == "add_bars":  # a written change, or what a written total adds ("longer, 16 bars": 8 more)
            by_change = {sign * n for n in self.facts.changes or written - self.facts.lengths for sign in signs}
            return (by_change | {n - bars for n in written - self.facts.changes} | {bars}) - {0}
        return written

    def value_ok(self, argument: str, text: str, finished: bool, tool: str = "") -> bool:
        """A value of `argument` of a `tool` call typed so far (`finished`: complete) is one the request allows."""
        if argument == "mood":
            return self.mood_ok(text, finished, tool)
        if argument == "subject":
            bare = (bare_subject(self.request) or joined_scene(self.request)) if tool == "paint" else None
            if bare:  # a scene written bare is the painting's whole subject ("..., morning light" too)
                said = " ".join(text.lower().split())
                return bare.lower().startswith(said) and (not finished or said == " ".join(bare.lower().split()))
            scene = written_scene(self.request) if tool == "paint" else None
            if scene and not _aligned(scene, text):
                return False  # the painting's subject starts where its written scene starts ("a crib under ...")
            return may_start_subject(self.request, text) and (not finished or may_end_subject(self.request, text))
        if argument in RELATIVE_TEMPO:
            return self.tempo_ok(argument, text, finished)
        if argument.endswith("_change"):
            return _unit_change(text, finished)
        if argument in NUMBER_ARGUMENTS:
            allowed = self.numbers_for(argument)
            if not text.isdigit():
                return False  # a count is a whole number ("bars": 8.5 and "add_bars": -1 are none)
            if allowed is None:  # any number, but a length is no length the melody has now ("bars": 8 of 8)
                return not (finished and argument == "bars" and text == str(self.facts.bars))
            return any(str(n) == text if finished else str(n).startswith(text) for n in allowed)
        options = {"key": self.facts.keys, "mode": self.facts.modes, "form": {self.facts.form or ""}}.get(argument)
        if argument == "instrument" and self.facts.instruments:
            options = self.facts.instruments
        if options is None:
            return True
        if argument in ("key", "instrument"):  # any case ("g minor", "Cello"); a form or a mode as the schema spells it
            text, options = text.lower(), {o.lower() for o in options}
        return any(o == text if finished else o.startswith(text) for o in options)  # as typed: no spaces added

    def tempo_ok(self, argument: str, text: str, finished: bool) -> bool:
        """A relative tempo goes the way the request writes it ("plus lent": a scale under 1, a change below 0)."""
        if len(self.facts.tempo_signs) != 1 or not text:
            return True
        down, origin = -1 in self.facts.tempo_signs, 1.0 if argument == "tempo_scale" else 0.0
        if finished:
            try:
                return float(text) < origin if down else float(text) > origin
            except ValueError:
                return False
        if argument == "tempo_scale":
            return text[0] in "0." if down else text[0] not in "0.-"
        return text[0] == "-" if down else text[0] != "-"

    def mood_ok(self, text: str, finished: bool, tool: str = "") -> bool:
        """One mood word (`mood_words.mood_word`: known, inflected, or a typo of one); several words only when every
        one is a mood word, a negation, an intensifier or a joining word ("warm and gentle", "very sad"; never "not
        too much trouble" or "rainy street"), checked as each word is complete. A melody's, when the request has no
        mood word at all: any words of its own (the answer drops them as no mood)."""
        if finished and text.strip().lower() in MODE_WORDS:
            return False  # "A minor would be better": the word is the mode's
        if not self.has_mood_word and tool == "compose_melody":
            return self.own_words(text)
        words = text.split()
        if finished:
            if len(words) == 1:
                return mood_word(words[0]) is not None  # "quick", "big", "video" are no moods
            return bool(read_mood(text).known) and not read_mood(text).unknown
        complete = words if text.endswith(" ") else words[:-1]
        if len(words) < 2:  # the first word is one of the request's, never the state line's ("bars),")
            return not words or text.endswith(" ") or self.may_be_mood_word(words[0], first=True)
        if not text.endswith(" ") and not self.may_be_mood_word(words[-1]):
            return False  # "lonely light" of "a lonely lighthouse keeper": the word copied can only be "lighthouse"
        return not read_mood(" ".join(complete)).unknown

    def own_words(self, text: str) -> bool:
        """Every word typed so far begins a word of the request (never the state line's)."""
        request = set(re.findall(r"[^\W\d_][\w\-']*", self.request.lower()))
        return all(any(w.startswith(t) for w in request) for t in text.lower().split())

    def may_be_mood_word(self, typed: str, first: bool = False) -> bool:
        """A word being typed (and copied from the request) can still end as a mood word, an intensifier or a
        negation ("very", "not"; after the `first`, any word `read_mood` passes over: "and"): some word of the
        request it begins is one, or, after the first, none does (the copy constraint then speaks)."""
        words = {w for w in re.findall(r"[^\W\d_][\w\-']*", self.request.lower()) if w.startswith(typed.lower())}
        if not words:
            return not first
        leading = INTENSIFIERS.keys() | NEGATIONS  # "very sad", "not happy"
        return any(mood_word(w) is not None or (w in leading if first else not read_mood(w).unknown) for w in words)

    def ok(self, answer: str, piece: str) -> bool:
        if any(m.end() > len(answer) and m.group(1) != "palette" for m in LIST_VALUE.finditer(answer + piece)):
            return False  # only the palette is a list ("variations": ["short", ...] is no count)
        before = position(answer)
        after = before.then(piece)
        for done in after.finished:
            if not self._finished_ok(done, after, len(before.calls)):
                return False
        opened = after.open_value()
        if opened and not self.value_ok(*opened, finished=False, tool=after.tool):
            return False
        if opened and not after.in_string and not SCALAR.fullmatch(opened[1]):
            return False
        return self._key_ok(after)

    def _finished_ok(self, done: Finished, after: Position, call_index: int) -> bool:
        if done.what == "value":
            return self.value_ok(done.argument, done.text, finished=True, tool=done.tool)
        if done.what == "call":
            given = after.calls[call_index][1] if call_index < len(after.calls) else {}
            if self.required(done.tool) - set(given) - ({"bars"} if "add_bars" in given else set()):
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


def _aligned(scene: str, typed: str) -> bool:
    """The typed subject is the start of the scene, or the scene and more."""
    scene, typed = scene.lower(), typed.lstrip().lower()
    return scene.startswith(typed) or typed.startswith(scene)


UNIT_CHANGE = re.compile(r"-?(?:0?(?:\.\d*)?|1(?:\.0*)?)")


def _unit_change(text: str, finished: bool) -> bool:
    """A change of mood, colour or light is a number from -1 to 1 ("arousal_change": 12 is a bar count misplaced)."""
    if not UNIT_CHANGE.fullmatch(text):
        return False
    return not finished or text not in ("", "-", ".", "-.")
