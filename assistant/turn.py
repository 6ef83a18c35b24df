"""The turn loop: message -> calls -> validate (one repair) -> run tools -> reply, as a stream of events.

The UI, the evals and the tests consume the same events. Nothing here raises to the caller:
a bad message, a bad call or a failing tool becomes a `Problem` and the session keeps its work.
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from assistant.actions import ACTIONS
from assistant.calls import ParsedPlan, ToolCall, describe_error, parse_plan
from assistant.help_answers import help_answer
from assistant.named_versions import with_named_versions
from assistant.orchestrators.base import Orchestrator, PlanRequest
from assistant.orchestrators.prose_asks import prose_word
from assistant.orchestrators.request_facts import unplayable_instruments
from assistant.orchestrators.work_words import only_starts_over, says_clean_slate
from assistant.own_changes import with_own_changes
from assistant.replies import compose_reply
from assistant.same_change import with_same_change
from assistant.session import Message, Session
from assistant.steps_back import with_steps_back
from assistant.versions import Version
from assistant.work_settings import TurnSettings, after_clean_slate
from tools.brief import BriefChanges, CreativeBrief, impossible_values
from tools.protocol import ToolContext, ToolError
from tools.registry import TOOLS

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
HISTORY_MESSAGES = 8
CLEARED = (
    "Starting over: the studio is clear (what you made is still in the versions list, to restore). "
    "What shall we make: a melody, a painting, a poem?"
)


@dataclass
class Status:
    text: str


@dataclass
class CallStarted:
    call: ToolCall


@dataclass
class VersionMade:
    version: Version
    seconds: float


@dataclass
class Problem:
    text: str


@dataclass
class Reply:
    text: str


Event = Status | CallStarted | VersionMade | Problem | Reply


def check_message(message) -> str | None:
    """A clear complaint about an unusable message, or None."""
    if not isinstance(message, str):
        return "Please send text."
    if not message.strip():
        return "The message is empty: tell me what to make, e.g. 'a melancholic melody and a matching painting'."
    if len(message) > MAX_MESSAGE_CHARS:
        return f"The message is {len(message)} characters long; please keep it under {MAX_MESSAGE_CHARS}."
    return impossible_values(message)


def run_call(
    session: Session,
    name: str,
    arguments: dict | BaseModel,
    progress: Callable[[str], None] = lambda m: None,
    settings: CreativeBrief | None = None,
    fresh: bool = False,
) -> Version:
    """Run one tool or action on the session; raises ToolError with a clear message on any failure.

    A tool changes its own work's settings (`settings` overrides them, as the panel does); `fresh` makes a new
    work from the shared settings alone, as after 'start over'."""
    try:
        if name in ACTIONS:
            action = ACTIONS[name]
            args = arguments if isinstance(arguments, BaseModel) else action.args_model.model_validate(arguments)
            return action.run(args, session)
        if name not in TOOLS:
            raise ToolError(f"unknown tool {name!r}; available: {', '.join([*TOOLS, *ACTIONS])}")
        tool = TOOLS[name]
        args = arguments if isinstance(arguments, BaseModel) else tool.args_model.model_validate(arguments)
        return _run_tool(session, name, tool, args, progress, settings, fresh)
    except ToolError:
        raise
    except ValidationError as err:
        raise ToolError(f"{name}: {describe_error(err)}") from err
    except KeyError as err:
        raise ToolError(str(err.args[0]) if err.args else str(err)) from err
    except ValueError as err:  # our tools say what was wrong with a value in a sentence
        raise ToolError(str(err)) from err
    except OSError as err:
        if err.errno not in DISK_FULL:
            log.exception("tool %s failed", name)
            raise ToolError(f"{KIND_WORDS.get(name, name)} did not work this time; {KEPT}") from err
        raise ToolError(f"{KIND_WORDS.get(name, name)} could not be saved: the disk is full ({KEPT})") from err
    except Exception as err:  # a tool bug must not take the session down; the details go to the log
        log.exception("tool %s failed", name)
        raise ToolError(f"{KIND_WORDS.get(name, name)} did not work this time; {KEPT}") from err


def _run_tool(session: Session, name: str, tool, args: BaseModel, progress, settings, fresh: bool) -> Version:
    """Run a tool into a version folder reserved for it; a failure gives the reservation back."""
    vid, folder = session.reserve_dir(tool.kind)
    try:
        ctx = ToolContext(
            brief=settings or (session.brief if fresh else session.settings(tool.kind)),
            out_dir=folder,
            previous=None if fresh else session.previous_work(tool.kind),
            seed=session.take_seed(),
            progress=progress,
            lookup=session.work,
            works={kind: session.settings(kind) for kind in session.heads},
        )
        result = tool.run(args, ctx)
        return session.add_version(vid, name, args.model_dump(exclude_defaults=True), result, fresh)
    except BaseException:
        session.release(vid)
        raise


DISK_FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
KEPT = "your work so far is kept"
KIND_WORDS = {name: f"The {tool.kind}" for name, tool in TOOLS.items()}


def plan_with_repair(orchestrator: Orchestrator, request: PlanRequest) -> tuple[ParsedPlan, int]:
    """Ask the model; on an invalid answer ask once more with the errors. Returns the plan and attempts."""
    plan = parse_plan(orchestrator.plan(request))
    if not plan.errors:
        return plan, 1
    request.repair_note = "Your previous answer was invalid: " + " | ".join(plan.errors) + ". Answer with valid JSON."
    return parse_plan(orchestrator.plan(request)), 2


def each_version(call: ToolCall, args: BaseModel) -> Iterator[tuple[ToolCall, BaseModel]]:
    """A call asking for n variations runs n times: first as asked, then n-1 new variations of its result
    (the brief changes apply once)."""
    count = getattr(args, "variations", 1)
    if count <= 1:
        yield call, args
        return
    yield call, args.model_copy(update={"variations": 1})
    keep = {k: v for k, v in args.model_dump(exclude_defaults=True).items() if k not in BriefChanges.model_fields}
    again = type(args).model_validate({**keep, "variations": 1, "new_variation": True})
    for _ in range(count - 1):
        yield ToolCall(name=call.name, arguments=again.model_dump(exclude_defaults=True)), again


def unplayable_notes(message: str, made: list[Version]) -> list[str]:
    """A note for each instrument the request asked a tune to be played on that we have none of ("on kazoo"),
    naming the one the melody is played on instead."""
    melody = next((v for v in made if v.kind == "melody"), None)
    if melody is None:
        return []
    return [
        f"I have no {word} yet, so the tune is played on the {melody.brief.instrument}"
        for word in unplayable_instruments(message)
    ]


def prose_notes(message: str, made: list[Version]) -> list[str]:
    """A note when a description stands in for the story the request asked for (`prose_asks`)."""
    described = any(v.kind == "text" and v.data.get("kind") == "description" for v in made)
    if not described or prose_word(message) is None:
        return []
    return ["I cannot write a story yet, so this is a short prose description instead"]


def _request_for(session: Session) -> PlanRequest:
    recent = [m.model_dump() for m in session.messages[-HISTORY_MESSAGES:]]
    return PlanRequest(recent, session.brief.model_dump(), dict(session.heads))


def run_turn(session: Session, message, orchestrator: Orchestrator) -> Iterator[Event]:
    """One chat turn as events; the session is saved at the end whatever happened."""
    if complaint := check_message(message):
        yield Problem(complaint)
        return
    session.messages.append(Message(role="user", content=message))
    yield Status(f"thinking ({orchestrator.describe()})")
    try:
        plan, _ = plan_with_repair(orchestrator, _request_for(session))
    except Exception:
        log.exception("the language model failed")
        plan = ParsedPlan(errors=["the language model could not read that request this time; please say it again"])
    calls = with_steps_back(with_named_versions(plan.calls, session, message), session, message)
    calls, cannot = with_same_change(calls, session, message)
    plan.calls, left = with_own_changes(calls, message)
    left = cannot + left
    plan.notes += left
    if left and not plan.calls:
        plan.reply = "Nothing changed: " + "; ".join(left) + "."
    made: list[Version] = []
    problems: list[str] = []
    restored: set[str] = set()
    if says_clean_slate(message):  # "start over": what was made so far leaves the screen (kept, restorable)
        session.start_over()
        plan.calls = after_clean_slate(plan.calls, message)
        if only_starts_over(message):  # a bare "start over" makes nothing: the next request says what
            plan.calls, plan.reply = [], CLEARED
    settings = TurnSettings(session, plan.calls, message)
    for call, args in (pair for planned in plan.calls for pair in each_version(*planned)):
        yield CallStarted(call)
        t0 = time.perf_counter()
        existing = set(session.versions)
        try:
            start, fresh = settings.for_call(call, args)
            made.append(run_call(session, call.name, args, settings=start, fresh=fresh))
            settings.made(call, args, made[-1])
            if made[-1].id in existing:
                restored.add(made[-1].id)
            yield VersionMade(made[-1], time.perf_counter() - t0)
        except ToolError as err:
            problems.append(str(err))
            yield Problem(str(err))
    settings.finish(made)
    if not plan.calls and not plan.errors and not plan.reply:  # a question, small talk, or a request we refuse
        plan.reply = help_answer(message).text
    notes = plan.notes + unplayable_notes(message, made) + prose_notes(message, made)
    text = compose_reply(made, plan.reply, problems, plan.errors, frozenset(restored), notes)
    record = "\n".join([text, *(f"Problem: {p}" for p in problems)])
    session.messages.append(Message(role="assistant", content=record))
    session.save()
    yield Reply(text)
