"""People painted by our own hand in a pose (`models/painter/figure.py`), read from the request's words
(`tools/figure_words.py`), and put into scenes in place of the nearest drawing of their words."""

import numpy as np
import pytest

from models.painter.figure import Person, painted_figure
from models.painter.object_library import installed
from models.painter.sitter import painted_sitter

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def _ink(rgba):
    ys, xs = np.nonzero(rgba[..., 3] > 0.5)
    return ys.min(), ys.max(), xs.min(), xs.max()


def test_a_seated_figure_is_lower_than_a_standing_one_and_a_child_smaller():
    standing, _ = painted_figure(Person(), 140, 0, 200)
    seated, _ = painted_figure(Person(pose="sit", seated_on="ground"), 140, 0, 200)
    child, _ = painted_figure(Person(age="child"), 140, 0, 200)
    top, bottom, _, _ = _ink(standing)
    assert 125 <= bottom - top <= 150  # the stature asked
    assert _ink(seated)[1] - _ink(seated)[0] < 0.85 * (bottom - top)
    assert _ink(child)[1] - _ink(child)[0] < 0.8 * (bottom - top)


def test_a_kite_flier_reaches_up_and_a_mirrored_figure_keeps_its_hand():
    rgba, (hx, hy) = painted_figure(Person(pose="reach", prop="kite"), 140, 1, 200)
    top = _ink(rgba)[0]
    assert hy < top + 0.12 * rgba.shape[0]  # the hand at the top of the figure, above the head
    mirrored, (mx, my) = painted_figure(Person(pose="reach", prop="kite"), 140, 1, 200, facing_left=True)
    assert my == hy and abs(mx - (rgba.shape[1] - 1 - hx)) < 1e-6
    assert mirrored[int(hy), int(mx), 3] > 0.5  # the hand is painted where it is said to be


def test_what_a_person_holds_widens_the_figure():
    plain, _ = painted_figure(Person(pose="sit", seated_on="ground"), 140, 2, 200)
    fishing, _ = painted_figure(Person(pose="sit", prop="rod", seated_on="ground"), 140, 2, 200)
    assert fishing.shape[1] > 1.5 * plain.shape[1]  # the rod reaches out over the water


def test_the_words_colour_the_clothes_and_hair():
    red, _ = painted_figure(Person(dress=True, clothes=(0.0, 0.85)), 140, 3, 200)
    rgb = red[..., :3][red[..., 3] > 0.9]
    reddish = (rgb[:, 0] > rgb[:, 1] + 0.25) & (rgb[:, 0] > rgb[:, 2] + 0.25)
    assert reddish.mean() > 0.3  # the red dress is most of the figure


def test_a_raincoat_and_scrubs_are_clothes_and_a_yellow_one_is_painted_yellow():
    import re

    from tools.figure_words import _clothes

    for words, hue in (("an old fisherman in a yellow raincoat", 56.0), ("a nurse in blue scrubs", 220.0)):
        colour, _ = _clothes(re.findall(r"[a-z]+", words))
        assert colour is not None and abs(colour[0] - hue) < 1  # both were the painting's accent colour
    head = np.zeros((100, 100, 4), np.float32)
    yy, xx = np.mgrid[0:100, 0:100] / 100
    head[(yy - 0.5) ** 2 + (xx - 0.5) ** 2 <= 0.45**2] = (0.9, 0.7, 0.55, 1)
    coat = painted_sitter(head, 200.0, person=Person(clothes=(56.0, 0.85)))[125:150, 30:120, :3].reshape(-1, 3)
    r, g, b = coat.mean(0)
    assert r > b + 0.15 and g > b + 0.15 and min(r, g) > 0.45  # yellow, not the olive a dark yellow is


def test_a_sitters_beard_and_hair_follow_the_words():
    head = np.zeros((100, 100, 4), np.float32)
    yy, xx = np.mgrid[0:100, 0:100] / 100
    head[(yy - 0.5) ** 2 + (xx - 0.5) ** 2 <= 0.45**2] = (0.9, 0.7, 0.55, 1)
    plain = painted_sitter(head, 200.0)
    bearded = painted_sitter(head, 200.0, person=Person(beard=True, hair=(0.09, 0.08, 0.08)))
    chin = (slice(80, 95), slice(80, 110))  # below the mouth, in the middle of the face
    assert bearded[chin][..., :3].mean() < 0.6 * plain[chin][..., :3].mean()


@needs_icons
def test_a_persons_words_say_who_they_are_and_what_they_do():
    from tools.figure_words import read_person

    reader = read_person("a woman", "a woman reading a book in an armchair by the window", 0)
    assert (reader.pose, reader.prop, reader.dress) == ("sit", "book", True)
    old = read_person("an old man", "a portrait of an old man with a long white beard", 0)
    assert old.age == "old" and old.beard and old.hair is not None and min(old.hair) > 0.8 and not old.long_hair
    dancer = read_person("a flamenco dancer", "a flamenco dancer in a red dress", 0)
    assert dancer.pose == "dance" and dancer.dress and dancer.clothes is not None and dancer.clothes[1] > 0.5
    kid = read_person("a child", "a child flying a kite in a green meadow", 0)
    assert (kid.pose, kid.prop, kid.age) == ("reach", "kite", "child")


@needs_icons
@pytest.mark.parametrize(
    "subject,prop,stage",
    [
        ("a violinist playing on a street corner", "violin", "landscape"),  # not a violin alone on the street
        ("a grandmother knitting in her rocking chair", "knitting", "interior"),  # in her room, not a bust
        ("a shepherd with his flock of sheep on a hillside", "staff", "landscape"),
    ],
)
def test_a_person_asked_is_painted_as_a_person_doing_it(subject, prop, stage):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.3, 0.0)
    assert scene.objects[0].role == "figure" and scene.objects[0].person.prop == prop
    assert scene.stage == stage
    assert not any(m.role == "still_life" for m in scene.objects)  # what they hold is in their hands


@needs_icons
def test_a_fisherman_on_the_pier_sits_on_its_edge_and_a_straw_hat_is_straw():
    from tools.figure_words import STRAW, read_person

    assert read_person("a fisherman", "a fisherman sitting on the pier with his rod", 0).seated_on == "dock"
    assert read_person("a fisherman", "a fisherman fishing at the edge of a pond", 0).seated_on == "ground"
    gardener = read_person("a gardener", "a gardener in a straw hat working in her vegetable patch", 0)
    assert gardener.hat == STRAW and gardener.pose == "bend" and gardener.dress
    assert read_person("a man", "a man reading", 0).hat is None


@needs_icons
def test_a_person_said_to_sit_sits_though_their_words_are_nearer_standing():
    from tools.figure_words import read_person

    assert read_person("an old man", "an old man sitting on a bench in the park", 0).pose == "sit"  # before: stand
    assert read_person("a girl", "a girl standing in the rain", 0).pose == "stand"
    assert read_person("a fisherman", "a fisherman sitting on the pier with his rod", 0).prop == "rod"
    assert read_person("a kid", "a kid on a sled", 0).prop is None  # before: bubbles ("a child blowing bubbles")
    assert read_person("a dog", "a dog playing on the beach", 0).prop is None  # no game of chess


def test_a_dock_widens_a_seated_figure_behind_it():
    on_ground, _ = painted_figure(Person(pose="sit", seated_on="ground"), 140, 4, 200)
    on_dock, _ = painted_figure(Person(pose="sit", seated_on="dock"), 140, 4, 200)
    assert on_dock.shape[1] > 1.4 * on_ground.shape[1]  # its planks reach behind the sitter


def test_a_couple_is_a_man_and_a_woman_and_two_of_one_person_are_alike():
    from models.painter.figure import partner

    she = Person(dress=True, long_hair=True, couple=True)
    assert partner(she, 0) == she and not partner(she, 1).dress and not partner(she, 1).long_hair
    assert partner(Person(), 1) == Person()  # two farmers stay two farmers


@needs_icons
def test_a_couple_is_read_as_a_couple():
    from tools.figure_words import read_person

    assert read_person("a couple", "a couple walking hand in hand on the beach", 0).couple
    assert not read_person("two farmers", "two farmers in a field", 0).couple


@needs_icons
def test_a_trade_dresses_the_person_and_the_words_win_over_it():
    from tools.figure_words import STRAW, read_person

    chef = read_person("a chef", "a chef tossing vegetables in a pan", 0)
    assert chef.headwear == "toque" and chef.clothes_value > 0.85  # a chef in whites, not the accent's blue
    fisher = read_person("an old fisherman", "an old fisherman mending his nets", 0)
    assert fisher.headwear == "sou'wester" and abs(fisher.clothes[0] - 50) < 10
    keeper = read_person("a beekeeper", "a beekeeper holding up a honeycomb frame", 0)
    assert keeper.headwear == "veil"
    straw = read_person("a chef", "a chef in a straw hat", 0)
    assert straw.hat == STRAW and straw.headwear == "hat"  # the hat the words give
    assert read_person("a woman", "a woman reading a book", 0).hat is None


def test_black_and_white_clothes_are_painted_as_dark_or_light_as_said():
    black, _ = painted_figure(Person(clothes=(0.0, 0.0), clothes_value=0.08), 140, 3, 200)
    white, _ = painted_figure(Person(clothes=(0.0, 0.0), clothes_value=0.98), 140, 3, 200)
    body = (slice(30, 70), slice(None))  # the torso's rows (head at the top, legs below)
    dark = black[body][..., :3][black[body][..., 3] > 0.9].mean()
    light = white[body][..., :3][white[body][..., 3] > 0.9].mean()
    assert dark < light - 0.3  # a black suit was painted white


def test_headwear_of_a_trade_is_drawn_on_the_sitter():
    head = np.zeros((100, 100, 4), np.float32)
    yy, xx = np.mgrid[0:100, 0:100] / 100
    head[(yy - 0.5) ** 2 + (xx - 0.5) ** 2 <= 0.45**2] = (0.9, 0.7, 0.55, 1)
    plain = painted_sitter(head, 200.0, person=Person())
    hat = painted_sitter(head, 200.0, person=Person(hat=(0.95, 0.94, 0.9)))
    toque = painted_sitter(head, 200.0, person=Person(hat=(0.95, 0.94, 0.9), headwear="toque"))
    lift = toque.shape[0] - hat.shape[0]
    assert lift > 30 and toque[: lift // 2, ..., 3].sum() > 100  # a tall toque over the crown, in the picture
    veil = painted_sitter(head, 200.0, person=Person(hat=(0.9, 0.87, 0.78), headwear="veil"))
    face = (slice(50, 70), slice(55, 95))
    assert veil[face][..., :3].mean() < 0.8 * plain[face][..., :3].mean()  # the face dim behind the net


def test_every_trades_headwear_is_one_the_painter_draws():
    import yaml

    from models.painter.figure import HEADWEAR

    with open("tools/data/costumes.yaml") as f:
        trades = yaml.safe_load(f)
    worn = {t["headwear"] for t in trades.values() if t["headwear"] is not None}
    assert worn <= set(HEADWEAR) and all(t["colour"] for t in trades.values() if t["headwear"])  # a typo: a felt hat
