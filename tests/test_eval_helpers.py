from assistant.session import Session
from assistant.turn import run_turn
from evals.common import dominant_hue
from evals.routing_report import check_dialogue, set_f1

TURNS = ["melody and painting", "slower", "more blue", "first painting"]
EXPECT = {
    "heads": {"melody": "melody_2", "painting": "painting_1"},
    "melody_2": {"parent": "melody_1", "tempo_below": "melody_1"},
    "painting_2": {"palette0": "blue"},
}


def run_dialogue(tmp_path, scripted, tempo_scale):
    lm = scripted(
        [["compose_melody", {"bars": 2}], ["paint", {}]],
        [["compose_melody", {"tempo_scale": tempo_scale}]],
        [["paint", {"emphasize_colour": "blue"}]],
        [["go_to_version", {"kind": "painting", "number": 1}]],
    )
    session = Session.create(str(tmp_path))
    for turn in TURNS:
        list(run_turn(session, turn, lm))
    return session


def test_dialogue_checker_tells_right_from_wrong(tmp_path, scripted):
    assert check_dialogue(run_dialogue(tmp_path / "a", scripted, 0.8), EXPECT)
    assert not check_dialogue(run_dialogue(tmp_path / "b", scripted, 1.25), EXPECT)


def test_set_f1_and_dominant_hue():
    import numpy as np

    assert set_f1(["paint"], ["paint"]) == 1.0 and set_f1([], []) == 1.0 and set_f1(["paint"], []) == 0.0
    assert abs(set_f1(["a", "b"], ["a"]) - 2 / 3) < 1e-9
    blue = np.zeros((8, 8, 3), dtype=np.uint8)
    blue[..., 2] = 200
    assert abs(dominant_hue(blue) - 240) <= 10 and dominant_hue(np.full((8, 8, 3), 128, np.uint8)) is None


def test_exact_call_comparison_ignores_arguments_left_at_their_default():
    from evals.routing_report import canonical

    assert canonical([("write_text", {"kind": "poem"})]) == canonical([("write_text", {})])
    assert canonical([("write_text", {"kind": "title"})]) != canonical([("write_text", {})])
    assert canonical([("paint", {}), ("compose_melody", {"mood": "sad"})]) == canonical(
        [("compose_melody", {"mood": "sad"}), ("paint", {})]
    )
