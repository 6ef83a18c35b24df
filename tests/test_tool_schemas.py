"""Each tool its own argument model (#31): the schema a language model sees is the tool's own settings, the
routing limits come from the models, and an argument of another work's tool goes to that tool or is left out."""

from __future__ import annotations

from assistant.calls import parse_plan
from assistant.orchestrators.routed_arguments import once_per_turn, routed_argument_names
from assistant.session import Session
from assistant.turn import Reply, run_turn
from tools.brief import MelodyChanges, MoodChanges, PaintingChanges, TextChanges
from tools.registry import TOOL_OF_KIND, TOOLS

CHANGES = {"melody": MelodyChanges, "painting": PaintingChanges, "text": TextChanges}
SHARED = {"mood", "valence_change", "arousal_change", "new_variation", "variations"}
# assistant/data/routed_arguments.yaml before #31, which decoding read; now derived from the argument models
ROUTED_BEFORE = {
    "compose_melody": {"tempo", "tempo_scale", "tempo_change", "key", "transpose", "mode", "bars", "add_bars"}
    | {"instrument", "accompaniment"},
    "paint": {"palette", "emphasize_colour", "subject", "style", "brightness_change", "saturation_change"},
    "write_text": {"kind", "subject", "lines", "rhyme"},
}


def test_routing_limits_are_the_ones_decoding_had():
    names = routed_argument_names()
    assert {tool: set(names[tool]) for tool in TOOLS} == {t: a | SHARED for t, a in ROUTED_BEFORE.items()}
    assert names["go_to_version"] == {"kind", "number"} and once_per_turn() == {"compose_melody", "paint"}


def test_a_tools_schema_holds_no_other_works_settings():
    own = {kind: set(model.model_fields) - set(MoodChanges.model_fields) for kind, model in CHANGES.items()}
    for kind, tool in TOOL_OF_KIND.items():
        properties = set(TOOLS[tool].schema()["function"]["parameters"]["properties"])
        others = {f for k, fields in own.items() if k != kind for f in fields} - own[kind]
        assert own[kind] <= properties and not properties & others, tool
    assert "palette" not in TOOLS["compose_melody"].schema()["function"]["parameters"]["properties"]


def test_another_works_argument_moves_to_its_call_or_is_left_out_with_a_note():
    plan = parse_plan('[["compose_melody", {"instrument": "cello", "palette": ["teal"]}]]')
    assert [(c.name, c.arguments) for c, _ in plan.calls] == [
        ("compose_melody", {"instrument": "cello"}),
        ("paint", {"palette": ["teal"]}),
    ]
    assert plan.notes == ["palette went to the painting (a melody has none)"] and not plan.errors
    plan = parse_plan('[["compose_melody", {"subject": "the sea"}], ["paint", {"subject": "a lake"}]]')
    assert [c.arguments for c, _ in plan.calls] == [{}, {"subject": "a lake"}]
    assert plan.notes == ["left out the melody's subject (a melody has none)"]


def test_a_palette_given_to_the_melody_paints_the_painting(tmp_path, scripted):
    s = Session.create(str(tmp_path))
    answer = [["compose_melody", {"instrument": "cello", "bars": 2, "palette": ["teal"]}]]
    events = list(run_turn(s, "a tune on the cello and paint it in teal", scripted(answer)))
    assert s.current("melody").data["instrument"] == "cello" and s.current("painting").brief.palette == ["teal"]
    assert isinstance(events[-1], Reply) and "palette went to the painting" in events[-1].text
