import json
import os

from assistant.orchestrators.argument_gates import closed_arguments, without
from assistant.orchestrators.routed_arguments import routed_argument_names
from assistant.routing.corpus import generate

HANDWRITTEN = os.path.join(os.path.dirname(__file__), "..", "evals", "data", "routing_handwritten.jsonl")


def _sets(calls: list, name: str) -> bool:
    return any(name in args for _, args in calls)


def test_accompaniment_opens_only_when_the_request_speaks_of_it():
    assert "accompaniment" in closed_arguments("compose a nostalgic tune on the cello and paint it in sepia")
    assert "accompaniment" in closed_arguments("something on the bassoon")
    for request in (
        "can u add sum chords",
        "just the melody on its own",
        "mit Begleitung bitte",
        "ajoute une basse et des accords",
        "con acompañamiento",
        "with a bass line",
        "harmonise it",
    ):
        assert "accompaniment" not in closed_arguments(request), request
    assert "instrument" in closed_arguments("a harbour at dawn") and "instrument" not in closed_arguments("on the oboe")
    names = without(routed_argument_names(), closed_arguments("a sad tune"))
    assert not {"accompaniment", "instrument"} & names["compose_melody"] and "mood" in names["compose_melody"]


def test_every_hand_written_and_held_out_request_keeps_the_arguments_it_needs():
    with open(HANDWRITTEN, encoding="utf-8") as f:
        cases = [(c["request"], c["calls"]) for c in map(json.loads, f)]
    cases += [(e.request, e.calls) for e in generate("heldout", 400)]
    for request, calls in cases:
        closed = closed_arguments(request)
        assert not any(_sets(calls, name) for name in closed), (request, calls)


def test_the_gate_closes_on_few_training_requests_that_set_the_argument():  # the typo'd ones ("chrods")
    examples = [e for e in generate("train", 3000) if _sets(e.calls, "accompaniment")]
    blocked = [e.request for e in examples if "accompaniment" in closed_arguments(e.request)]
    assert examples and len(blocked) <= 0.05 * len(examples), blocked
