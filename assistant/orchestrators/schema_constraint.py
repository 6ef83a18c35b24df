"""While an answer is typed: its tool and argument names are the tools' own, and its JSON keeps its shape.

The tuned orchestrator writes `[["tool", {"argument": value, ...}], ...]`. While it decodes, a token is
acceptable only if every tool name typed so far is (or begins) a real tool's name and every argument
name is (or begins) one of that tool's arguments not yet given in that call: "undo" cannot take a "mood", a
tool cannot be "pain", a call cannot give "accompaniment" twice, and a tool in `once` (the media's own tools)
is called at most once per answer: what a request asks of one work goes into one call (#16, item 2).
Brackets close in order ("}" only closes "{"), and nothing follows the answer's last bracket. Values are
left to the copy constraint and to validation. And the answer may end only once it is `closed`:
every bracket and string shut.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _Scan:
    stack: list[str] = field(default_factory=list)
    in_string: bool = False
    escaped: bool = False
    role: str = "value"
    text: str = ""
    tool: str = ""
    expecting_key: bool = False
    call_items: int = 0
    keys: list[set[str]] = field(default_factory=list)  # the keys given in each open object
    started: bool = False
    once: frozenset[str] = frozenset()  # tools that may be called only once per answer
    called: set[str] = field(default_factory=set)
    after_value: bool = False  # a key or value just ended: only ",", ":", a closing bracket or a space may follow
    in_scalar: bool = False  # typing a number, true, false or null
    last: str = ""  # the last character outside strings
    hex_left: int = 0  # hex digits still due in a \u escape

    def callable(self, name: str) -> bool:
        return not (name in self.once and name in self.called)


def closed(answer: str) -> bool:
    """Whether the answer is a finished JSON value: something typed, every bracket and string closed."""
    scan = _Scan()
    for char in answer:
        if scan.in_string:
            _string_char(scan, char, {})
        elif not _structure_char(scan, char):
            return False
    return bool(answer.strip()) and not scan.stack and not scan.in_string


def names_ok(answer: str, arguments: dict[str, set[str]], once: frozenset[str] = frozenset()) -> bool:
    """Whether `answer` (possibly unfinished) is well formed so far and every tool and argument name in it is
    allowed, the last one possibly still being typed; a tool in `once` may not be called a second time."""
    scan = _Scan(once=once)
    for char in answer:
        if scan.in_string:
            if not _string_char(scan, char, arguments):
                return False
        elif not _structure_char(scan, char):
            return False
    if scan.in_string and scan.role == "tool":
        return any(name.startswith(scan.text) and scan.callable(name) for name in arguments)
    if scan.in_string and scan.role == "key":
        return any(key.startswith(scan.text) for key in _unused(scan, arguments))
    return True


def _unused(scan: _Scan, arguments: dict[str, set[str]]) -> set[str]:
    return set(arguments.get(scan.tool, ())) - (scan.keys[-1] if scan.keys else set())


def _string_char(scan: _Scan, char: str, arguments: dict[str, set[str]]) -> bool:
    if scan.hex_left:  # the four hex digits of a \u escape
        scan.hex_left -= 1
        return char in "0123456789abcdefABCDEF"
    if scan.escaped:
        scan.escaped, scan.text = False, scan.text + char
        scan.hex_left = 4 if char == "u" else 0
        return char in '"\\/bfnrtu'  # JSON's escapes only
    if char == "\\":
        scan.escaped = True
        return True
    if char != '"':
        scan.text += char
        return True
    scan.in_string, scan.after_value, scan.last = False, True, '"'
    if scan.role == "tool":
        scan.tool = scan.text
        ok = scan.text in arguments and scan.callable(scan.text)
        scan.called.add(scan.text)
        return ok
    if scan.role == "key":
        ok = scan.text in _unused(scan, arguments)
        if scan.keys:
            scan.keys[-1].add(scan.text)
        return ok
    return True


CLOSES = {"]": "[", "}": "{"}


def _structure_char(scan: _Scan, char: str) -> bool:
    """Follow one character outside strings; False when it breaks the JSON's shape."""
    if scan.started and not scan.stack:
        return char.isspace()  # nothing after the answer's last bracket
    if scan.in_scalar and (char.isspace() or char in '",:[]{}'):
        scan.in_scalar, scan.after_value = False, True
    last, scan.last = scan.last, char
    if char.isspace():  # one space after "," or ":", as the answers are written; never a run of them
        return not scan.started or last in (",", ":")
    if char not in '",:[]{}':  # a scalar's character
        if scan.after_value and not scan.in_scalar:
            return False  # two values without a comma
        scan.in_scalar = True
        return True
    if scan.after_value and char in '"[{':
        return False  # a key or value where a comma, a colon or a closing bracket must come
    if char in "[{" and scan.expecting_key:
        return False  # an object's next item is a key ("arousal_change": -0.3, ["instrument" is no JSON)
    scan.after_value = char in "]}"
    if char == '"':
        in_call = len(scan.stack) == 2 and scan.stack == ["[", "["]
        scan.role = "key" if scan.stack[-1:] == ["{"] and scan.expecting_key else "value"
        if in_call and scan.call_items == 0:
            scan.role = "tool"
        scan.in_string, scan.text, scan.expecting_key = True, "", False
    elif char in "[{":
        scan.stack.append(char)
        scan.started = True
        scan.expecting_key = char == "{"
        if char == "{":
            scan.keys.append(set())
        if len(scan.stack) == 2:
            scan.call_items = 0
    elif char in CLOSES:
        if not scan.stack or scan.stack[-1] != CLOSES[char]:
            return False
        if scan.stack.pop() == "{":
            scan.keys.pop()
    elif char == ",":
        if len(scan.stack) == 2 and scan.stack == ["[", "["]:
            scan.call_items += 1
        scan.expecting_key = scan.stack[-1:] == ["{"]
    return True
