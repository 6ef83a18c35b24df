import re

from assistant.calls import parse_plan
from assistant.routing import natural
from assistant.routing.corpus import compact, five_grams, generate, normalise_request, pools

VOCABULARY_KEYS = ("moods", "colours", "instruments", "subjects", "keys")


def test_every_example_is_a_valid_plan():
    for split in ("train", "heldout"):
        for ex in generate(split, 400):
            plan = parse_plan(compact(ex.calls))
            assert not plan.errors and len(plan.calls) == len(ex.calls), ex


def test_heldout_shares_no_phrasing_or_vocabulary_with_train():
    train_pool, heldout_pool = pools()["train"], pools()["heldout"]
    for key, heldout_values in heldout_pool.items():
        assert not set(train_pool.get(key, [])) & set(heldout_values), key
    train = generate("train", 4000)
    heldout = generate("heldout", 400)
    assert not {normalise_request(e.request) for e in train} & {normalise_request(e.request) for e in heldout}
    train_words = {w for e in train for w in re.findall(r"[a-z]+", e.request.lower())}
    for key in ("moods", "colours", "instruments"):
        assert not train_words & set(heldout_pool[key]), key


def test_training_requests_copy_many_mood_words_and_skip_excluded_requests():
    train = generate("train", 2000, exclude={"slower", "Make it longer!"})
    moods = {args["mood"] for e in train for _, args in e.calls if "mood" in args}
    assert len(moods) > 300
    assert not {normalise_request(e.request) for e in train} & {"slower", "make it longer"}


def test_restraint_and_combined_cases_are_present():
    examples = generate("train", 1000)
    assert sum(not e.calls for e in examples) > 50
    assert sum(len(e.calls) >= 2 for e in examples) > 100


def _literal_word_grams(template: str, n: int) -> set[str]:
    """Word n-grams of a template's fixed text (never across a slot)."""
    grams = set()
    for part in re.split(r"\{\w+\}", template.lower()):
        words = re.findall(r"[a-z']+", part)
        grams |= {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
    return grams


def test_no_heldout_sentence_shape_occurs_in_training_requests():
    heldout_pool = pools()["heldout"]
    shapes = {
        g
        for key, values in heldout_pool.items()
        if key not in VOCABULARY_KEYS
        for t in values
        for g in _literal_word_grams(t, 4)
    }
    train = {" ".join(re.findall(r"[a-z']+", e.request.lower())) for e in generate("train", 6000)}
    pattern = re.compile(r"\b(" + "|".join(re.escape(g) for g in sorted(shapes)) + r")\b")
    assert not [t for t in train if pattern.search(t)]


HANDWRITTEN = "evals/data/routing_handwritten.jsonl"


def _handwritten() -> list[dict]:
    import json

    with open(HANDWRITTEN, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_the_handwritten_set_is_large_varied_and_kept_out_of_training():
    cases = _handwritten()
    styles = {c["style"] for c in cases}
    assert len(cases) >= 300 and len(styles) >= 10
    natural = [c for c in cases if not c["style"].startswith("plain")]
    phrases = {g for c in natural for g in five_grams(c["request"])}
    train = generate("train", 6000, exclude={c["request"] for c in cases}, exclude_phrases=phrases)
    train_requests = {normalise_request(e.request) for e in train}
    assert not train_requests & {normalise_request(c["request"]) for c in cases}
    # the natural styles (written after the templates grew) share no 5-word phrase with training requests
    train_grams = {g for e in train for g in five_grams(e.request)}
    assert not [c["request"] for c in natural if five_grams(c["request"]) & train_grams]


def test_every_handwritten_answer_is_a_valid_plan():
    for case in _handwritten():
        plan = parse_plan(compact(case["calls"]))
        assert not plan.errors and len(plan.calls) == len(case["calls"]), case


def test_context_decides_what_it_means():
    from assistant.routing.context import Context
    from assistant.routing.natural import target

    assert target(Context(("melody", "painting"), ("painting",))) == "painting"
    assert target(Context(("painting",), ())) == "painting"
    assert target(Context(("melody", "painting"), ())) == "melody"
    assert target(Context(("melody", "painting", "text"), ("text",)), ("melody", "painting", "text")) == "text"


def test_several_changes_to_one_work_make_one_call_with_every_change():
    import random

    from assistant.routing.corpus import SETTING_OF, combined_changes
    from assistant.routing.natural import named_kind

    rng, pool = random.Random(0), pools()["train"]
    for _ in range(200):
        ex = combined_changes(rng, pool)
        assert len(ex.calls) == 1, ex
        tool, args = ex.calls[0]
        kind = "melody" if tool == "compose_melody" else "painting"
        settings = [SETTING_OF.get(k, k) for k in args if k != "mode" or "key" not in args]
        assert len(args) >= 2 and len(settings) == len(set(settings)), ex
        assert kind in ex.context.works and named_kind(ex.request) in (None, kind), ex


def test_training_pairs_each_work_with_its_own_mood_and_heldout_keeps_its_shapes():
    import random

    from assistant.routing.corpus import combined

    rng, pool = random.Random(3), pools()["train"]
    pairs = [ex for ex in (combined(rng, pool) for _ in range(600)) if _own_moods(ex.calls)]
    assert len(pairs) > 15
    assert all(len(ex.calls) == 2 for ex in pairs)
    heldout_rng = random.Random(3)
    assert not [ex for ex in (combined(heldout_rng, pools()["heldout"]) for _ in range(300)) if _own_moods(ex.calls)]


def _own_moods(calls: list) -> bool:
    """A melody and a painting made in one request, each with a mood of its own."""
    moods = {name: args.get("mood") for name, args in calls}
    return bool(moods.get("compose_melody")) and bool(moods.get("paint"))


def _natural_phrasings() -> list[tuple[str, str]]:
    """(intent, sentence) of every natural template; a [sentence, arguments] template gives its sentence."""
    from assistant.routing.natural import TEMPLATES

    return [(i, t[0] if isinstance(t, list) else t) for i, templates in TEMPLATES.items() for t in templates]


def test_no_natural_phrasing_stands_for_two_intents():
    seen: dict[str, str] = {}
    for intent, template in _natural_phrasings():
        sentence = normalise_request(template)
        assert seen.setdefault(sentence, intent) == intent, (sentence, intent, seen[sentence])


def test_natural_phrasings_use_no_heldout_words_or_requests():
    """Every natural phrasing, not just those a sample draws ('more bittersweet' hid from a 4000-draw sample)."""
    heldout_pool = pools()["heldout"]
    heldout_requests = {normalise_request(e.request) for e in generate("heldout", 400)}
    for intent, sentence in _natural_phrasings():
        words = set(re.findall(r"[a-z]+", sentence.lower()))
        for key in ("moods", "colours", "instruments"):
            assert not words & set(heldout_pool[key]), (intent, sentence, key)
        assert normalise_request(sentence) not in heldout_requests, (intent, sentence)


def test_a_complaint_said_twice_is_one_change():
    import random

    from assistant.routing.corpus import RESTATE_JOINS, natural_example

    rng, pool = random.Random(5), pools()["train"]
    examples = [natural_example(rng, pool) for _ in range(3000)]
    restated = [ex for ex in examples if any(join in ex.request for join in RESTATE_JOINS[1:5])]
    assert len(restated) > 40
    single = [ex for ex in restated if len(ex.calls) == 1 and len(ex.calls[0][1]) == 1]
    assert len(single) / len(restated) > 0.9


def test_a_painting_named_first_gets_the_mood_and_the_melody_matches():
    import random

    from assistant.routing.corpus import _intent

    rng, pool = random.Random(7), pools()["train"]
    for _ in range(20):
        ex = _intent(rng, pool, "make_both_painting_first")
        (paint, paint_args), (melody, melody_args) = ex.calls
        assert (paint, melody, melody_args) == ("paint", "compose_melody", {})
        assert paint_args["mood"].lower() in ex.request.lower()
    assert "make_both_painting_first" not in pools()["heldout"]


def test_a_complaint_then_a_text_keeps_the_change_and_adds_the_text():
    import random

    from assistant.routing.corpus import _complaint_and_text

    rng, pool = random.Random(2), pools()["train"]
    for _ in range(30):
        ex = _complaint_and_text(rng, pool)
        (change, change_args), (text, text_args) = ex.calls
        assert change in ("compose_melody", "paint") and len(change_args) == 1
        assert text == "write_text" and text_args["kind"] in ("poem", "title", "description")


def test_a_comparative_colour_asks_for_more_of_the_colour_it_names():
    import random

    from assistant.routing.corpus import natural_example

    rng, pool = random.Random(4), pools()["train"]
    comparatives = natural.NATURAL["comparative_colours"]
    seen = 0
    for ex in (natural_example(rng, pool) for _ in range(6000)):
        found = [c for c in comparatives if c in ex.request.lower()]
        if found and len(ex.calls) == 1:
            seen += 1
            assert ex.calls[0] == ["paint", {"emphasize_colour": comparatives[found[0]]}]
    assert seen >= 10


def test_the_whole_thing_means_what_the_last_turn_touched_else_every_work():
    from assistant.routing.context import Context

    both, text = ("melody", "painting"), "the whole thing feels too gloomy"
    happier = [["compose_melody", {"valence_change": 0.3}], ["paint", {"valence_change": 0.3}]]
    assert natural.natural_calls("whole_happier", text, Context(both, both), {}) == happier
    assert natural.natural_calls("whole_happier", text, Context(both, ()), {}) == happier
    assert natural.natural_calls("whole_happier", text, Context(both, ("painting",)), {}) == happier[1:]
    assert natural.natural_calls("whole_calmer", text, Context(("melody",), ()), {}) == [
        ["compose_melody", {"arousal_change": -0.3}]
    ]
    training = [
        ex for ex in generate("train", 6000) if "whole thing" in ex.request and "Works: none" not in ex.context.line()
    ]
    assert sum(len(ex.calls) == 2 for ex in training) >= 20 and sum(len(ex.calls) == 1 for ex in training) >= 10
