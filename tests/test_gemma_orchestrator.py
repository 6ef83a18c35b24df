from assistant.gemma_orchestrator import GemmaOrchestrator, request_line
from assistant.orchestrator import PlanRequest
from assistant.session import Session
from assistant.turn import Reply, run_turn


def test_request_line_carries_the_repair_note():
    req = PlanRequest([{"role": "user", "content": "make  it\nslower"}], {}, {})
    assert request_line(req) == "Request: make it slower\nCalls:"
    req.repair_note = "bad json"
    assert "bad json" in request_line(req)


def test_plans_with_a_real_generation_path_and_never_crashes_the_turn(tiny_lm, tmp_path):
    lm = GemmaOrchestrator(max_new_tokens=12)
    text = lm.plan(PlanRequest([{"role": "user", "content": "slower"}], {}, {}))
    assert isinstance(text, str) and "\n" not in text
    session = Session.create(str(tmp_path))
    events = list(run_turn(session, "make a sad melody", lm))
    assert isinstance(events[-1], Reply) and len(session.messages) == 2
