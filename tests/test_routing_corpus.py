from assistant.calls import parse_plan
from assistant.routing_corpus import POOLS, compact, generate


def test_every_example_is_a_valid_plan():
    for split in ("train", "heldout"):
        for ex in generate(split, 300):
            plan = parse_plan(compact(ex.calls))
            assert not plan.errors and len(plan.calls) == len(ex.calls), ex


def test_heldout_shares_no_phrasing_or_vocabulary_with_train():
    for key, train_values in POOLS["train"].items():
        assert not set(train_values) & set(POOLS["heldout"][key]), key
    train = {e.request.lower().strip(".!") for e in generate("train", 3000)}
    heldout = {e.request.lower().strip(".!") for e in generate("heldout", 400)}
    assert not train & heldout


def test_restraint_and_combined_cases_are_present():
    examples = generate("train", 1000)
    assert sum(not e.calls for e in examples) > 50
    assert sum(len(e.calls) >= 2 for e in examples) > 100
