"""Event handlers of the Gradio app: plain functions of (inputs, session) -> outputs, testable without a browser.

The session lives in `gr.State`, so every browser session has its own; it is created on first use.
"""

from __future__ import annotations

import html
import math
import os
import re

from pydantic import ValidationError

from assistant.calls import describe_error
from assistant.orchestrators.base import Orchestrator
from assistant.session import LEGACY_SESSION_FILE, Message, Session, sessions_root
from assistant.turn import Status, check_message, run_call, run_turn
from assistant.versions import Version
from tools.brief import (
    KEYS,
    MOOD_FIELDS,
    NAME_MAX,
    OWN_FIELDS,
    PALETTE_MAX,
    BriefChanges,
    CreativeBrief,
)
from tools.mood_lexicon import read_mood
from tools.mood_mapping import effective_tempo, music_parameters
from tools.palette import read_palette, unknown_colour_message
from tools.protocol import ToolError
from tools.registry import TOOLS
from ui.chat_render import as_written, event_messages, media_messages, shown, text
from ui.file_serving import forget_cached_copies

AUTO = "from mood"


def ensure_session(session: Session | None, root: str | None = None) -> Session:
    return session if session is not None else Session.create(root)


def fresh_session(session: Session | None, root: str | None = None) -> Session:
    """The session as stored now (another tab may have added versions); a new one if it was deleted elsewhere."""
    if session is None:
        return Session.create(root)
    try:
        return session.refresh()
    except KeyError:
        return Session.create(root)


def works_outputs(session: Session) -> tuple:
    """(audio, painting, piano roll, text, downloadable files) of the current versions."""
    melody, painting, words = session.current("melody"), session.current("painting"), session.current("text")
    mfiles = session.absolute_files(melody) if melody else {}
    pfiles = session.absolute_files(painting) if painting else {}
    tfiles = session.absolute_files(words) if words else {}
    downloads = [p for p in [*mfiles.values(), *pfiles.values(), *tfiles.values()] if os.path.exists(p)]
    return (
        mfiles.get("audio"),
        pfiles.get("image"),
        mfiles.get("piano_roll"),
        words.text if words else "",
        downloads or None,
    )


def brief_panel_values(brief: CreativeBrief) -> tuple:
    return (
        brief.mood,
        brief.valence,
        brief.arousal,
        ", ".join(brief.palette),
        brief.subject,
        brief.style or AUTO,
        brief.tempo or effective_tempo(brief),
        brief.key or AUTO,
        brief.mode or AUTO,
        brief.bars,
        brief.instrument,
        brief.accompaniment,
    )


def versions_table(session: Session) -> list[list]:
    rows = []
    for v in session.versions.values():
        current = "●" if session.heads.get(v.kind) == v.id else ""
        rows.append([current, v.id, v.parent or "", v.seed, v.summary])
    return rows


def version_choices(session: Session) -> list[str]:
    return list(session.versions)


def chat_turn(
    message, history: list[dict] | None, session: Session | None, orchestrator: Orchestrator, root: str | None = None
):
    """Run one chat turn; returns the last (history, session) of the stream."""
    *_, last = chat_turn_stream(message, history, session, orchestrator, root)
    return last


def chat_turn_stream(message, history, session, orchestrator: Orchestrator, root: str | None = None):
    """Yield (history, session) after every event of the turn, so the chat shows progress as it happens."""
    session = fresh_session(session, root)
    history = list(history or [])
    if complaint := check_message(message):
        yield history + [text(complaint)], session
        return
    history.append(text(message, role="user"))
    yield history, session
    for event in run_turn(session, message, orchestrator):
        if isinstance(event, Status):
            yield history + [text(f"… {event.text}")], session
            continue
        history.extend(event_messages(session, event))
        yield history, session


def api_turn(message, session, orchestrator: Orchestrator, root: str | None = None) -> tuple[str, list[str], Session]:
    """One chat turn for an API client: (the words said, every file of the versions it made, the session). The
    history stays on the server, so a client never sends files back."""
    session = fresh_session(session, root)
    before = set(session.versions)
    shown, current = list(chat_turn_stream(message, [], session, orchestrator, root))[-1]
    said = [m for m in shown if m["role"] == "assistant" and isinstance(m["content"], str) and not m.get("metadata")]
    words = "\n\n".join(as_written(m["content"]) for m in said)
    made = [v for vid, v in current.versions.items() if vid not in before]
    return words, [path for v in made for path in current.absolute_files(v).values()], current


def brief_summary(session: Session) -> str:
    """What each work is made from now, one line per work and saying which (the melody's key and tempo, the
    painting's palette and subject); before any work, what new works start from."""
    lines = [_work_line(kind, session.current(kind).brief) for kind in ("melody", "painting") if session.current(kind)]
    return "  \n".join(lines) or _work_line("new works", session.brief)


def _work_line(label: str, b: CreativeBrief) -> str:
    mood = f"**{label}**: {shown(b.mood)} (valence {b.valence:+.2f}, arousal {b.arousal:+.2f})"
    m = music_parameters(b)
    music = f"{m.tonic} {m.mode} · {m.tempo} bpm · {m.bars} bars · {m.instrument}"
    palette = shown(", ".join(b.palette)) or "from the mood"
    subject = shown(b.subject) or "none (abstract)"  # as text: a markdown image in it is never fetched
    picture = f"palette: {palette} · subject: {subject}"
    parts = {"melody": [music], "painting": [picture]}.get(label, [music, picture])
    return " · ".join([mood, *parts])


def resume_key_line(session: Session) -> str:
    """The owner's key to open this session again (shown to the owner only; it is not in any file address)."""
    if session.resume_key is None:
        return ""
    return f"Resume key of this session (keep it private: it opens the session): `{session.resume_key}`"


PALETTE_TEXT_MAX = PALETTE_MAX * (NAME_MAX + 2)  # names and their separators


def _check_free_text(mood: str | None, palette: str | None, subject: str | None) -> None:
    """The panel's free text within the limits the chat's tool arguments have, or a clear ToolError."""
    try:
        BriefChanges(mood=mood or None, subject=subject or None)
    except ValidationError as err:
        raise ToolError(describe_error(err)) from err
    if len(palette or "") > PALETTE_TEXT_MAX:
        raise ToolError(f"palette: at most {PALETTE_MAX} colours, {PALETTE_TEXT_MAX} characters in all")


def _check_numbers(**numbers) -> None:
    """The panel's numbers are numbers (a raw API call can send NaN, infinity or text), or a clear ToolError."""
    for name, value in numbers.items():
        if value is None and name == "tempo":
            continue
        try:
            finite = math.isfinite(float(value))
        except (TypeError, ValueError):
            finite = False
        if not finite:
            raise ToolError(f"{name}: {value!r} is not a number; nothing was changed")


def panel_brief(
    session: Session,
    mood,
    valence,
    arousal,
    palette,
    subject,
    style,
    tempo,
    key,
    mode,
    bars,
    instrument,
    accompaniment=None,
) -> CreativeBrief:
    """The brief the panel describes; a changed mood word re-reads valence/arousal; accompaniment None keeps the
    session's. Raises ToolError."""
    _check_free_text(mood, palette, subject)
    _check_numbers(valence=valence, arousal=arousal, tempo=tempo, bars=bars)
    known, unknown = read_palette(palette or "")
    if unknown:
        raise ToolError(unknown_colour_message(unknown))
    if len(known) > PALETTE_MAX:
        raise ToolError(f"palette: at most {PALETTE_MAX} colours, not {len(known)}")
    colours = [c.name for c in known]
    if mood and mood.strip() != session.brief.mood:
        reading = read_mood(mood, by_meaning=True)
        if not reading.known:
            raise ToolError(f"I don't know the mood {mood!r}; try words like melancholic, joyful, calm, tense")
        valence, arousal = reading.valence, reading.arousal
    data = {
        **session.brief.model_dump(),
        "mood": (mood or session.brief.mood).strip(),
        "valence": valence,
        "arousal": arousal,
        "palette": colours,
        "subject": subject or "",
        "style": None if style == AUTO else style,
        "tempo": _panel_tempo(session.brief, tempo),
        "key": None if key == AUTO else key,
        "mode": None if mode == AUTO else mode,
        "bars": int(bars),
        "instrument": instrument,
        "accompaniment": session.brief.accompaniment if accompaniment is None else bool(accompaniment),
    }
    try:
        return CreativeBrief.model_validate(data)
    except ValidationError as err:
        raise ToolError(describe_error(err)) from err


def panel_settings(session: Session, kind: str, *panel) -> CreativeBrief:
    """What a panel button acts on: the work's own settings with the panel's values of that work's fields (Compose
    the melody's, Paint the painting's), and the panel's mood where the person changed it from the one shown."""
    wanted, shown = panel_brief(session, *panel), session.brief
    fields = list(OWN_FIELDS[kind])
    if any(getattr(wanted, f) != getattr(shown, f) for f in MOOD_FIELDS):
        fields += MOOD_FIELDS
    return session.settings(kind).model_copy(update={f: getattr(wanted, f) for f in fields})


def _panel_tempo(brief: CreativeBrief, tempo) -> int | None:
    """The slider shows the mood's tempo while the brief has none: left there, it stays 'from the mood'."""
    tempo = int(tempo or 0)
    if tempo == 0 or (brief.tempo is None and tempo == effective_tempo(brief)):
        return None
    return tempo


def panel_call(tool: str, variation: bool, history, session: Session | None, *panel, root: str | None = None):
    """Apply the panel's brief, then call a tool directly (no language model needed); kept as messages."""
    session = fresh_session(session, root)
    history = list(history or [])
    label = f"🎛️ panel: {tool}{' (new variation)' if variation else ''}"
    try:
        args = {"new_variation": True} if variation else {}
        if tool.startswith("write_"):  # write_poem, write_title, write_description
            tool, args = "write_text", {**args, "kind": tool.removeprefix("write_")}
        settings = panel_settings(session, TOOLS[tool].kind, *panel)
        version = run_call(session, tool, args, settings=settings)
        reply, media = _version_line(version), media_messages(session, version)
    except ToolError as err:
        reply, media = f"⚠️ {err}", []
    history += [text(label, role="user"), text(reply), *media]
    session.messages += [Message(role="user", content=label), Message(role="assistant", content=reply)]
    session.save()
    return history, session


def go_to(choice: str | None, history, session: Session | None, root: str | None = None):
    session = fresh_session(session, root)
    history = list(history or [])
    try:
        if not choice:
            raise ToolError("pick a version first")
        version = run_call(
            session, "go_to_version", {"kind": choice.rsplit("_", 1)[0], "number": int(choice.rsplit("_", 1)[1])}
        )
        history += [text(f"Back to {version.id}: {version.summary}"), *media_messages(session, version)]
        session.save()
    except (ToolError, ValueError, IndexError) as err:
        history.append(text(f"⚠️ {err}"))
    return history, session


def undo(kind: str, history, session: Session | None, root: str | None = None):
    session = fresh_session(session, root)
    history = list(history or [])
    try:
        version = run_call(session, "undo", {"kind": kind})
        history += [text(f"Undone: {kind} is back to {version.id}."), *media_messages(session, version)]
        session.save()
    except ToolError as err:
        history.append(text(f"⚠️ {err}"))
    return history, session


def resume(key: str, history, session: Session | None, root: str | None = None):
    """Open a saved session by its resume key (id-secret), e.g. after a restart or in another browser."""
    history = list(history or [])
    try:
        loaded, note = _open(key, root)
    except KeyError as err:
        return history + [text(f"⚠️ {err.args[0]}")], ensure_session(session, root)
    restored = [text(m.content, role=m.role) for m in loaded.messages]
    return restored + [text(f"Resumed the session: {len(loaded.versions)} versions.{note}")], loaded


def _open(key: str, root: str | None) -> tuple[Session, str]:
    """A session by its key; a session saved before keys existed opens by its id once and gets a key."""
    sid = (key or "").strip().lower()
    folder = os.path.join(root or sessions_root(), sid)
    legacy = re.fullmatch(r"[0-9a-f]{32}", sid) and os.path.exists(os.path.join(folder, LEGACY_SESSION_FILE))
    if legacy and not Session.is_stored(sid, root):
        session = Session.load(folder)
        return session, f" It was saved before resume keys; its key is now `{session.resume_key}`."
    return Session.resume(key, root), ""


def delete_session(confirmed: bool, history, session: Session | None, root: str | None = None):
    """Delete the session and every file it made, then start a fresh one; only when the box is ticked."""
    history = list(history or [])
    if not confirmed:
        return history + [text("⚠️ tick 'yes, delete' first: deleting removes every version and file")], session
    if session is not None:
        forget_cached_copies(session.folder)  # the copies Gradio serves, not only the files
        session.delete()
    return [text("Deleted the session and all its files. This is a new, empty session.")], Session.create(root)


def _version_line(version: Version) -> str:
    return f"{version.id}: {version.summary}"


KEY_CHOICES = [AUTO, *KEYS]


def version_details(choice: str | None, session: Session | None) -> dict:
    """Everything about a version (brief snapshot, arguments, seed, files), to read or copy."""
    if session is None or not choice or choice not in session.versions:
        return {}
    return session.versions[choice].model_dump(exclude={"data"}) | {"parameters": _parameters(session, choice)}


def _parameters(session: Session, vid: str) -> dict:
    data = session.versions[vid].data
    return {k: v for k, v in data.items() if k not in ("events",)}


def _cell(value) -> str:
    """A value as markdown table text: no HTML, no column breaks."""
    return html.escape(str(value)).replace("|", "\\|")


def compare_versions(a: str | None, b: str | None, session: Session | None) -> tuple:
    """(picture A, picture B, audio A, audio B, markdown of what differs) for two versions side by side."""
    if session is None or a not in session.versions or b not in session.versions:
        return None, None, None, None, "Pick two versions to compare."
    va, vb = session.versions[a], session.versions[b]
    fa, fb = session.absolute_files(va), session.absolute_files(vb)
    pa, pb = _parameters(session, a), _parameters(session, b)
    differing = [k for k in sorted(set(pa) | set(pb)) if pa.get(k) != pb.get(k)]
    rows = [f"| {k} | {_cell(pa.get(k))} | {_cell(pb.get(k))} |" for k in differing]
    table = "\n".join([f"| | {a} | {b} |", "|---|---|---|", *rows]) if rows else "Same parameters."
    picture = lambda f: f.get("image") or f.get("piano_roll")  # noqa: E731
    return picture(fa), picture(fb), fa.get("audio"), fb.get("audio"), table
