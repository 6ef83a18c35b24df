"""Development talks played turn by turn: what each turn called and made, and whether the talk ends where a person
wanted. For development sets only (`evals/data/routing_dialogues_dev_v*.json`); the frozen talks are scored by
`evals.routing_outcomes` alone.

    python -m evals.routing_dialogue_turns --dialogues evals/data/routing_dialogues_dev_v10.json [--out FILE]

`expect_end` holds `works` (versions of each kind) and, each optional: `current` (the version number on screen),
`longer` / `shorter` (works whose version on screen is longer / shorter than their first: a text's lines, a
melody's bars), `kept` / `changed` (settings of a work's version on screen that are / are not its first's:
{"text": ["arousal"]}),
`subject` (a word of the subject of a work's version on screen), `text_kind` (the kind of the text on screen) and
`reply_says` (a word of the last reply).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile

from assistant.session import Session
from assistant.turn import CallStarted, Problem, Reply, VersionMade, run_turn
from evals.routing_outcomes import dialogue_right
from evals.routing_report import backends

FROZEN = ("routing_dialogues_v3", "routing_test_v3")


def size(session: Session, kind: str, number: int | None = None) -> int:
    """A text's lines or a melody's bars, of version `number` (the one on screen when None)."""
    versions = session.of_kind(kind)
    version = session.current(kind) if number is None else next(v for v in versions if v.number == number)
    if kind == "text":
        return len([line for line in (version.text or "").splitlines() if line.strip()])
    return version.brief.bars


def _version(session: Session, kind: str, number: int):
    return next((v for v in session.of_kind(kind) if v.number == number), None)


def end_checks(session: Session, expect: dict, last_reply: str) -> dict[str, bool]:
    """Each expectation of the talk's end, by name."""
    checks = {"works": dialogue_right(session, expect)}  # the frozen scorer's own check
    for kind, number in expect.get("current", {}).items():
        checks[f"current.{kind}"] = getattr(session.current(kind), "number", None) == number
    for way, sign in (("longer", 1), ("shorter", -1)):
        for kind in expect.get(way, []):
            ok = session.current(kind) is not None and sign * (size(session, kind) - size(session, kind, 1)) > 0
            checks[f"{way}.{kind}"] = ok
    for way, same in (("kept", True), ("changed", False)):
        for kind, fields in expect.get(way, {}).items():
            first, now = _version(session, kind, 1), session.current(kind)
            for name in fields:
                equal = None not in (first, now) and getattr(first.brief, name) == getattr(now.brief, name)
                checks[f"{way}.{kind}.{name}"] = None not in (first, now) and equal == same
    for kind, word in expect.get("subject", {}).items():
        now = session.current(kind)
        checks[f"subject.{kind}"] = now is not None and word.lower() in now.brief.subject.lower()
    if "text_kind" in expect:
        text = session.current("text")
        checks["text_kind"] = text is not None and text.data.get("kind") == expect["text_kind"]
    if "reply_says" in expect:
        checks["reply_says"] = expect["reply_says"].lower() in last_reply.lower()
    return checks


def played_turns(orchestrator, turns: list[str], root: str) -> tuple[Session, list[dict], str]:
    """The session after the talk, what each turn called, made and said, and the last reply."""
    session, notes, reply = Session.create(root), [], ""
    for turn in turns:
        note: dict = {"said": turn, "calls": [], "made": [], "problems": []}
        for event in run_turn(session, turn, orchestrator):
            if isinstance(event, CallStarted):
                note["calls"].append([event.call.name, event.call.arguments])
            elif isinstance(event, VersionMade):
                note["made"].append(event.version.id)
            elif isinstance(event, Problem):
                note["problems"].append(event.text)
            elif isinstance(event, Reply):
                reply = note["reply"] = event.text
        notes.append(note)
    return session, notes, reply


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dialogues", required=True)
    parser.add_argument("--backend", default="qwen-lora")
    parser.add_argument("--out", default=None, help="write every talk's turns and checks to this JSON file")
    parser.add_argument("--only", default=None, help="comma-separated talk indices to play")
    args = parser.parse_args()
    if any(name in args.dialogues for name in FROZEN):
        sys.exit("The frozen talks are scored by the lead with evals.routing_outcomes only.")
    with open(args.dialogues) as f:
        talks = json.load(f)
    chosen = [int(i) for i in args.only.split(",")] if args.only else range(len(talks))
    (_, orchestrator), *_ = backends([args.backend]).items()
    rows = []
    with tempfile.TemporaryDirectory() as root:
        for i in chosen:
            session, notes, reply = played_turns(orchestrator, talks[i]["turns"], root)
            checks = end_checks(session, talks[i].get("expect_end", {}), reply)
            rows.append({"talk": i, "right": all(checks.values()), "checks": checks, "turns": notes})
            print(f"{i:3d} {'RIGHT' if rows[-1]['right'] else 'WRONG'} {checks}", flush=True)
            for note in notes:
                print(f"      {note['said']!r}: {note['calls']} -> {note['made']} {note['problems'] or ''}", flush=True)
    print(f"talks right: {sum(r['right'] for r in rows)} of {len(rows)}")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
