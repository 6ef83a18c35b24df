"""The assistant's short reply after a turn, built from what the tools actually did."""

from __future__ import annotations

from assistant.versions import Version

CLARIFY = (
    "Sorry, I could not turn that into an action. Could you say it another way, "
    "e.g. 'a calm melody in D major' or 'make the painting more blue'?"
)


def describe_version(version: Version, restored: bool = False) -> str:
    if restored:  # a summary is "what (how it was made)": only the what still holds
        return f"Back to {version.id}: {version.summary.split(' (')[0]}."
    if version.parent is None:
        return f"Made {version.id}: {version.summary}."
    changed = [c for c in version.changes if c]
    detail = f"{version.summary}; changed: {'; '.join(changed)}" if changed else version.summary
    return f"{version.id} (from {version.parent}): {detail}."


def compose_reply(
    made: list[Version],
    model_reply: str | None,
    problems: list[str],
    plan_errors: list[str],
    restored: frozenset[str] = frozenset(),
    notes: list[str] = (),
) -> str:
    """One sentence per artifact (made, or restored: an earlier version made current again), or a question when
    nothing was understood; notes say which arguments went to another work's call or were left out. Problems are
    shown as their own events, so they are not repeated here."""
    lines = [describe_version(v, v.id in restored) for v in made]
    if made and notes:
        lines.append("Note: " + "; ".join(notes) + ".")
    if made and plan_errors:
        lines.append("I skipped a part I could not read: " + "; ".join(plan_errors))
    if problems and not made:
        lines.append("Nothing was changed; your earlier work is kept.")
    if not made and not problems:
        if model_reply:
            lines.append(model_reply)
        elif plan_errors:
            lines.append(f"{CLARIFY} (What I read was not usable: {'; '.join(plan_errors)}.)")
        else:
            lines.append("Nothing to do for that. Ask for a melody, a painting or a change to them.")
    return "\n".join(lines)
