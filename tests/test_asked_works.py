"""A work only when the request names or implies it; a failed repair asks a question at once (issue #32)."""

import json
import time

from assistant.calls import parse_plan
from assistant.orchestrators import asked_works
from assistant.orchestrators.repair import repair_plan


def scripted_likelihood(monkeypatch, scores: dict[str, float]):
    """answer_logprob from a table of answers (anything else is very unlikely)."""
    monkeypatch.setattr(asked_works, "answer_logprob", lambda m, p, answer, *a: scores.get(answer, -1e9))


def test_an_extra_work_call_goes_when_the_reading_without_it_is_likelier(monkeypatch):
    calls = [["compose_melody", {"mood": "calm"}], ["paint", {}], ["write_text", {"subject": "a fox in the snow"}]]
    answer = asked_works.dumps(calls)
    shorter = asked_works.dumps(calls[:2])
    moved = asked_works.dumps([calls[0], ["paint", {"subject": "a fox in the snow"}]])
    only_melody = asked_works.dumps(calls[:1])
    scripted_likelihood(monkeypatch, {answer: -3.0, shorter: -2.0, moved: -2.5, only_melody: -1.0})
    got = json.loads(asked_works.asked_reading(None, None, answer, None, None, ()))
    assert got == [["compose_melody", {"mood": "calm"}], ["paint", {"subject": "a fox in the snow"}]]  # it stays


def test_the_reading_without_a_call_carries_its_subject(monkeypatch):
    calls = [["compose_melody", {"mood": "calm"}], ["paint", {}], ["write_text", {"subject": "a fox in the snow"}]]
    answer = asked_works.dumps(calls)
    moved = asked_works.dumps([calls[0], ["paint", {"subject": "a fox in the snow"}]])
    scripted_likelihood(monkeypatch, {answer: -3.0, asked_works.dumps(calls[:2]): -2.0, moved: -4.0})
    assert asked_works.asked_reading(None, None, answer, None, None, ()) == answer  # paint {} alone is not asked


def test_asked_works_stay_when_the_full_reading_is_likelier(monkeypatch):
    calls = [["compose_melody", {"mood": "calm"}], ["paint", {"subject": "a lake"}]]
    answer = asked_works.dumps(calls)
    scripted_likelihood(monkeypatch, {answer: -1.0, asked_works.dumps(calls[:1]): -6.0})
    assert json.loads(asked_works.asked_reading(None, None, answer, None, None, ())) == calls
    one = asked_works.dumps(calls[:1])  # a single work is never dropped
    assert asked_works.asked_reading(None, None, one, None, None, ()) == one


def test_answer_logprob_with_a_real_model(tiny_lm):
    import torch

    model, tokenizer = tiny_lm
    prompt = tokenizer("Works: none.\nRequest: a melody\nCalls:", return_tensors="pt").input_ids
    allowed = torch.arange(len(tokenizer))
    short = asked_works.answer_logprob(model, prompt, '[["compose_melody", {}]]', tokenizer, allowed, {1})
    assert short < 0 and short != float("-inf")
    narrow = torch.tensor(sorted(set(tokenizer('[["', add_special_tokens=False).input_ids)))
    assert asked_works.answer_logprob(model, prompt, '[["paint", {}]]', tokenizer, narrow, {1}) == float("-inf")


def test_a_repair_closes_the_arguments_its_errors_name():
    note = "Your previous answer was invalid: mode: Input should be 'major' or 'minor'. Answer with valid JSON."
    repair = repair_plan(note)
    assert repair.closed == {"mode"} and repair.question is None and repair.in_time()


def test_a_repair_that_cannot_work_asks_a_question_at_once():
    t0 = time.perf_counter()
    repair = repair_plan("Your previous answer was invalid: no JSON found. Answer with valid JSON.")
    plan = parse_plan(repair.question)
    assert time.perf_counter() - t0 < 1 and not plan.calls and not plan.errors
    assert plan.reply.endswith("(I could not read: no JSON found)") and "?" in plan.reply
    repair.deadline = time.monotonic() - 1
    assert not repair.in_time() and parse_plan(repair.out_of_time()).reply


def test_the_tuned_orchestrator_asks_at_once_when_a_repair_cannot_work(tiny_lm):
    from assistant.orchestrators.base import PlanRequest
    from assistant.orchestrators.local_lm import LocalLMOrchestrator

    lm = LocalLMOrchestrator(adapter="/nonexistent/adapter", base="gemma")  # the adapter is never opened
    request = PlanRequest([{"role": "user", "content": "A nostalgic waltz, 3/4, on accordion"}], {}, {})
    request.repair_note = "Your previous answer was invalid: no JSON found. Answer with valid JSON."
    t0 = time.perf_counter()
    plan = parse_plan(lm.plan(request))
    assert time.perf_counter() - t0 < 2 and not plan.calls and "Could you say it another way" in plan.reply


def test_a_repair_ends_within_the_turns_time():
    note = "Your previous answer was invalid: mode: Input should be 'major' or 'minor'. Answer with valid JSON."
    late = repair_plan(note, started=time.monotonic() - 3.5)  # the first answer took 3.5 s
    assert late.in_time() and late.deadline - time.monotonic() < 1.01
    assert not repair_plan(note, started=time.monotonic() - 5).in_time()
    assert repair_plan(note, started=time.monotonic()).deadline - time.monotonic() > 2


def test_the_tuned_orchestrator_asks_at_once_when_the_turns_time_is_spent(tiny_lm):
    from assistant.orchestrators.base import PlanRequest
    from assistant.orchestrators.local_lm import LocalLMOrchestrator

    lm = LocalLMOrchestrator(adapter="/nonexistent/adapter", base="gemma")  # the adapter is never opened
    request = PlanRequest([{"role": "user", "content": "A nostalgic waltz in D, 3/4"}], {}, {})
    request.repair_note = "Your previous answer was invalid: mode: Input should be 'major' or 'minor'."
    request.started -= 6  # the first answer took 6 s: a repair that could work has no time left
    t0 = time.perf_counter()
    plan = parse_plan(lm.plan(request))
    assert time.perf_counter() - t0 < 2 and not plan.calls and "Could you say it another way" in plan.reply


def test_a_subject_goes_to_the_work_whose_words_govern_it():
    from assistant.orchestrators.subject_owner import owner_tool, placed_subjects

    request = "a calm melody and a matching painting of a fox in a snowy forest"
    assert owner_tool(request, "a fox in a snowy forest") == "paint"
    assert owner_tool("write a poem about the sea and paint it", "the sea") == "write_text"
    assert owner_tool("the sea, please", "the sea") is None
    fox = "a fox in a snowy forest"
    calls = [["compose_melody", {"mood": "calm"}], ["paint", {}], ["write_text", {"subject": fox}]]
    assert placed_subjects(calls, request) == [
        ["compose_melody", {"mood": "calm"}],
        ["paint", {"subject": "a fox in a snowy forest"}],
        ["write_text", {}],
    ]
    poem = [["write_text", {"subject": "the sea"}], ["paint", {}]]
    assert placed_subjects(poem, "write a poem about the sea and paint it") == poem


def typed(rule, answer: str) -> bool:
    """Whether `rule` accepts `answer` typed one character at a time."""
    return all(rule.ok(answer[:i], answer[i]) for i in range(len(answer)))


def test_an_answer_may_not_end_before_each_work_asked_by_name_has_its_call():
    rule = asked_works.NamedWorks("a sad tune in C minor, a painting of rain, and a haiku about loneliness")
    two = '[["compose_melody", {"key": "C"}], ["paint", {"subject": "rain"}]]'
    assert not rule.ok(two[:-1], "]")
    assert rule.wanted_to_end
    assert not rule.ok(two[:-1] + ', ["', "p")  # the next tool is the missing one
    assert rule.ok(two[:-1] + ', ["', "w")
    assert typed(asked_works.NamedWorks("a haiku and a painting"), '[["write_text", {}], ["paint", {}]]')


def test_a_request_that_commands_a_work_gets_a_call_and_praise_may_get_none():
    assert not typed(asked_works.NamedWorks("paint anything you like"), "[]")
    assert typed(asked_works.NamedWorks("thanks, a lovely painting!"), "[]")
    assert typed(asked_works.NamedWorks("a lovely painting!"), "[]")  # named, but only due beside another call
    assert not typed(asked_works.NamedWorks("a lovely painting and a poem"), '[["write_text", {}]]')


def test_calls_that_can_only_be_unasked_go_before_any_weighing():
    existing = frozenset({"compose_melody", "paint"})
    calls = [["compose_melody", {"tempo_scale": 1.25}], ["paint", {}]]
    request = "speed up the music but leave the picture alone"
    assert asked_works.without_unasked(calls, request, existing) == calls[:1]  # changes nothing of the painting
    both = [["compose_melody", {"mood": "happy"}], ["paint", {}]]  # the painting takes the new mood
    assert asked_works.without_unasked(both, "make both happier", existing) == both
    music = [["compose_melody", {"tempo": 120}], ["paint", {}]]
    assert asked_works.without_unasked(music, "I need some background music", frozenset()) == music[:1]
    waltz = [["compose_melody", {"key": "A", "tempo": 90}], ["paint", {"subject": "a ballroom"}]]
    waltz_request = "a waltz in A at 90 bpm and a painting of a ballroom"
    assert asked_works.without_unasked(waltz, waltz_request, frozenset()) == waltz
    told = [["compose_melody", {}], ["paint", {}]]
    assert asked_works.without_unasked(told, "a melancholic melody and matching painting", frozenset()) == told
    typo = [["compose_melody", {"mood": "calm"}], ["paint", {}]]  # a misspelt melody keeps its mood
    assert asked_works.without_unasked(typo, "make a calm melodyy and a matchng painting", frozenset()) == typo


def test_an_answer_speaking_of_both_works_may_not_end_with_one():
    rule = asked_works.NamedWorks("both of them a bit brighter", frozenset({"compose_melody", "paint"}))
    one = '[["paint", {"brightness_change": 0.3}]]'
    assert not rule.ok(one[:-1], "]")
    assert typed(rule, '[["paint", {"brightness_change": 0.3}], ["compose_melody", {"arousal_change": 0.3}]]')


def test_a_take_or_a_restore_of_it_goes_to_the_work_the_last_turn_touched():
    from assistant.orchestrators.last_work import of_last_work

    works = ("melody", "painting")
    take = '[["compose_melody", {"new_variation": true}]]'
    painting_take = '[["paint", {"new_variation": true}]]'
    assert of_last_work(take, "one more version of that", ("painting",), works) == painting_take
    undo = '[["undo", {"kind": "melody"}]]'
    assert of_last_work(undo, "undo that", ("painting",), works) == '[["undo", {"kind": "painting"}]]'
    assert of_last_work(take, "do the same for the music", ("painting",), works) == take  # a work named
    assert of_last_work(take, "again", ("melody", "painting"), works) == take  # the last turn touched both
    slower = '[["compose_melody", {"tempo_scale": 0.8}]]'
    assert of_last_work(slower, "slower", ("painting",), works) == slower  # a change: the model's reading


def test_a_bare_call_left_by_a_junk_mood_goes_at_the_end():
    request = "any chance of a peom about autumn leaves?"
    answer = '[["compose_melody", {}], ["write_text", {"kind": "poem"}]]'  # its mood "autumn leaves" read away
    assert asked_works.answer_without_unasked(answer, request, frozenset()) == '[["write_text", {"kind": "poem"}]]'
    both = '[["compose_melody", {}], ["paint", {}]]'
    assert asked_works.answer_without_unasked(both, "a melody and a painting", frozenset()) == both
