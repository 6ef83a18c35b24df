"""Tool and argument names in an answer must be the tools' own, as they are typed.

The tuned orchestrator writes `[["tool", {"argument": value, ...}], ...]`. While it decodes, a token is
acceptable only if every tool name typed so far is (or begins) a real tool's name and every argument
name is (or begins) one of that tool's arguments: "undo" cannot take a "mood", a tool cannot be "pain".
Values are left to the copy constraint and to validation. And the answer may end only once it is
`closed`: every bracket and string shut.
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


def closed(answer: str) -> bool:
    """Whether the answer is a finished JSON value: something typed, every bracket and string closed."""
    scan = _Scan()
    for char in answer:
        if scan.in_string:
            _string_char(scan, char, {})
        else:
            _structure_char(scan, char)
    return bool(answer.strip()) and not scan.stack and not scan.in_string


def names_ok(answer: str, arguments: dict[str, set[str]]) -> bool:
    """Whether every tool and argument name in `answer` (the last possibly unfinished) is allowed."""
    scan = _Scan()
    for char in answer:
        if scan.in_string:
            if not _string_char(scan, char, arguments):
                return False
        else:
            _structure_char(scan, char)
    if scan.in_string and scan.role == "tool":
        return any(name.startswith(scan.text) for name in arguments)
    if scan.in_string and scan.role == "key":
        return any(key.startswith(scan.text) for key in arguments.get(scan.tool, ()))
    return True


def _string_char(scan: _Scan, char: str, arguments: dict[str, set[str]]) -> bool:
    if scan.escaped:
        scan.escaped, scan.text = False, scan.text + char
        return True
    if char == "\\":
        scan.escaped = True
        return True
    if char != '"':
        scan.text += char
        return True
    scan.in_string = False
    if scan.role == "tool":
        scan.tool = scan.text
        return scan.text in arguments
    if scan.role == "key":
        return scan.text in arguments.get(scan.tool, ())
    return True


def _structure_char(scan: _Scan, char: str) -> None:
    if char == '"':
        in_call = len(scan.stack) == 2 and scan.stack == ["[", "["]
        scan.role = "key" if scan.stack[-1:] == ["{"] and scan.expecting_key else "value"
        if in_call and scan.call_items == 0:
            scan.role = "tool"
        scan.in_string, scan.text, scan.expecting_key = True, "", False
    elif char in "[{":
        scan.stack.append(char)
        scan.expecting_key = char == "{"
        if len(scan.stack) == 2:
            scan.call_items = 0
    elif char in "]}":
        if scan.stack:
            scan.stack.pop()
    elif char == ",":
        if len(scan.stack) == 2 and scan.stack == ["[", "["]:
            scan.call_items += 1
        scan.expecting_key = scan.stack[-1:] == ["{"]
