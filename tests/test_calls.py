from assistant.calls import extract_json, parse_plan


def test_accepted_shapes():
    for text in (
        '[["compose_melody", {"mood": "sad"}], ["paint", {}]]',
        '{"calls": [{"name": "compose_melody", "arguments": {"mood": "sad"}}, {"name": "paint"}]}',
        'Sure: ```json\n[{"name": "compose_melody", "arguments": {"mood": "sad"}}, ["paint"]]\n```',
    ):
        plan = parse_plan(text)
        assert [c.name for c, _ in plan.calls] == ["compose_melody", "paint"] and not plan.errors, text
    assert parse_plan("[]").calls == [] and not parse_plan("[]").errors


def test_errors_are_specific():
    plan = parse_plan('[["paint", {"brightness_change": 7}], ["fly", {}]]')
    assert not plan.calls and len(plan.errors) == 2
    assert "brightness_change" in plan.errors[0] and "unknown tool 'fly'" in plan.errors[1]
    assert parse_plan("no json here").errors == ["no JSON found in the model's output"]
    assert extract_json('x {"a": [1, 2]} y') == {"a": [1, 2]}
