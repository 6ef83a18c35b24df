"""Where an unfinished tool-call answer stands: which call is open, which arguments it has, which value is typed.

The tuned orchestrator writes `[["tool", {"argument": value, ...}], ...]`. The decoding constraints ask, for each
candidate token, where the answer would then stand; `position(answer)` follows the text once (cached), `then(piece)`
follows one more piece from there and reports the values it finished on the way.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field


@dataclass
class Finished:
    """A value or a call finished by the last piece: ('value', tool, argument, text) or ('call', tool, '', '')."""

    what: str
    tool: str
    argument: str = ""
    text: str = ""


@dataclass
class Position:
    stack: list[str] = field(default_factory=list)
    in_string: bool = False
    escaped: bool = False
    role: str = "value"  # of the open string: tool, key or value
    text: str = ""  # the open string so far, or the scalar value (number, true) being typed
    tool: str = ""  # the open call's tool
    arguments: dict[str, str] = field(default_factory=dict)  # the open call's arguments so far (values as text)
    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # finished calls
    key: str = ""  # the argument whose value is being typed
    expecting_key: bool = False
    finished: list[Finished] = field(default_factory=list)

    @property
    def in_call_object(self) -> bool:
        return self.stack == ["[", "[", "{"]

    def open_value(self) -> tuple[str, str] | None:
        """(argument, text so far) while a value of the open call is being typed (a string or a scalar)."""
        if not self.in_call_object or not self.key or self.expecting_key:
            return None
        if self.in_string and self.role == "value":
            return self.key, self.text
        return (self.key, self.text) if not self.in_string and self.text else None

    def then(self, piece: str) -> Position:
        after = copy.deepcopy(self)
        after.finished = []
        for char in piece:
            after._feed(char)
        return after

    def _feed(self, char: str) -> None:
        if self.in_string:
            self._string_char(char)
        elif char == '"':
            depth_two = self.stack == ["[", "["]
            self.role = "key" if self.in_call_object and self.expecting_key else ("tool" if depth_two else "value")
            self.in_string, self.text = True, ""
        elif char in "[{":
            self.stack.append(char)
            self.expecting_key = char == "{"
            if self.in_call_object:
                self.arguments = {}
        elif char in "]}" or char == ",":
            self._end_scalar()
            if char == "}" and self.in_call_object:
                self.calls.append((self.tool, dict(self.arguments)))
                self.finished.append(Finished("call", self.tool))
            if char != "," and self.stack:
                self.stack.pop()
            self.expecting_key = char == "," and self.in_call_object
        elif char == ":":
            self.text = ""
        elif not char.isspace() and self.in_call_object and self.key and not self.expecting_key:
            self.text += char

    def _end_scalar(self) -> None:
        if self.in_call_object and self.key and self.text and self.key not in self.arguments:
            self.arguments[self.key] = self.text
            self.finished.append(Finished("value", self.tool, self.key, self.text))
        self.text = ""

    def _string_char(self, char: str) -> None:
        if self.escaped or char == "\\":
            self.escaped = not self.escaped
            self.text += char if not self.escaped else ""
            return
        if char != '"':
            self.text += char
            return
        self.in_string = False
        if self.role == "tool":
            self.tool = self.text
        elif self.role == "key":
            self.key, self.expecting_key = self.text, False
        elif self.in_call_object and self.key:
            self.arguments[self.key] = self.text
            self.finished.append(Finished("value", self.tool, self.key, self.text))
        elif self.stack == ["[", "[", "{", "["] and self.key:  # a list's item (the palette)
            self.finished.append(Finished("item", self.tool, self.key, self.text))
        self.text = ""


@functools.lru_cache(maxsize=256)
def position(answer: str) -> Position:
    """Where `answer` stands (cached: decoding asks for the same answer once per candidate token)."""
    if not answer:
        return Position()
    head = position(answer[:-1])
    return head.then(answer[-1])
