"""A portrait's sitter in their own place, with what they wear and hold; figures at play drawn with their things."""

import numpy as np
import pytest

from models.painter.backdrops import SETTINGS, paint_setting
from models.painter.figure import Person, painted_figure
from models.painter.object_library import installed
from models.painter.scene_spec import SceneSpec
from models.painter.sitter import painted_sitter

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


def _place(setting, size=96, seed=0, **spec):
    return paint_setting(setting, size, SceneSpec(**spec), np.random.default_rng(seed))


def test_each_place_is_its_own_out_of_focus_picture():
    places = {s: _place(s) for s in SETTINGS}
    for a in SETTINGS:
        for b in SETTINGS:
            if a < b:
                assert np.abs(places[a] - places[b]).mean() > 0.04, (a, b)
    for rgb in places.values():  # blurred like a lens's far field: no pixel-sharp edges
        assert np.abs(np.diff(rgb, axis=1)).max() < 0.25


def test_the_place_behind_a_sitter_keeps_its_shapes():
    steps = [np.percentile(np.abs(np.diff(_place(s, 512).mean(-1), axis=1)), 99) for s in SETTINGS]
    assert np.median(steps) > 0.02  # masts, shop fronts, doors still read: a lens's far field, not a smear


def test_a_harbour_has_water_below_a_park_grass_and_the_mood_dims_them():
    harbour, park = _place("harbour"), _place("park")
    low = slice(int(0.8 * 96), 96)
    assert harbour[low, ..., 2].mean() > harbour[low, ..., 0].mean() + 0.05  # the water: blue under the sky
    assert park[low, ..., 1].mean() > park[low, ..., 0].mean() + 0.05  # a lawn
    assert _place("street", brightness=0.2).mean() < _place("street", brightness=0.8).mean()


def _head(size=100):
    yy, xx = np.mgrid[0:size, 0:size] / size
    head = np.zeros((size, size, 4), np.float32)
    head[(yy - 0.5) ** 2 + (xx - 0.5) ** 2 <= 0.45**2] = (0.9, 0.7, 0.55, 1)
    return head


def test_glasses_a_pipe_and_a_cup_are_painted_on_the_sitter():
    bare = painted_sitter(_head(), 210.0, person=Person())
    dressed = painted_sitter(_head(), 210.0, person=Person(things=("glasses", "pipe", "cup")))
    h, cx = 100, bare.shape[1] // 2
    eyes = (slice(int(0.42 * h), int(0.54 * h)), slice(cx - 25, cx + 25))
    assert dressed[eyes][..., :3].min() < 0.2 and dressed[eyes][..., :3].mean() < bare[eyes][..., :3].mean()
    chest = (slice(int(1.2 * h), int(1.55 * h)), slice(0, bare.shape[1]))
    light = np.all(dressed[chest][..., :3] > 0.8, -1)
    assert light.sum() > 100 and not np.all(bare[chest][..., :3] > 0.8, -1).any()  # a white cup before the chest


def test_an_old_sitter_with_no_hair_colour_in_words_has_grey_hair_and_beard():
    bust = painted_sitter(_head(), 210.0, person=Person(age="old", beard=True))
    chin = bust[int(0.85 * 100) : int(0.95 * 100), bust.shape[1] // 2 - 5 : bust.shape[1] // 2 + 5, :3]
    grey = chin.max(-1) - chin.min(-1)
    assert grey.mean() < 0.12 and chin.mean() > 0.45  # a grey beard, not one in the skin's colour


def test_a_skater_jumps_on_a_board_and_bubbles_float_beside_a_child():
    rider, _ = painted_figure(Person(pose="jump", prop="skateboard"), 300, 0, 200.0)
    standing, _ = painted_figure(Person(), 300, 0, 200.0)
    low = rider[-rider.shape[0] // 8 :]
    deck = (low[..., 0] > 0.6) & (low[..., 1] < 0.45) & (low[..., 3] > 0.5)
    assert deck.sum() > 50  # the deck under the feet
    assert rider.shape[1] > 1.5 * standing.shape[1]  # arms flung out
    blower, _ = painted_figure(Person(age="child", prop="bubbles"), 300, 0, 200.0)
    child, _ = painted_figure(Person(age="child"), 300, 0, 200.0)
    assert blower.shape[1] > 1.8 * child.shape[1] and blower.shape[0] > child.shape[0]


@needs_icons
@pytest.mark.parametrize(
    "subject,place",
    [
        ("a portrait of an old fisherman with a big beard and a pipe", "harbour"),
        ("a nurse on her break", "corridor"),
        ("a street musician playing the saxophone", "street"),
        ("a portrait of a young woman", None),  # no place in the words: a studio wall
    ],
)
def test_a_portrait_is_painted_in_the_sitters_place(subject, place):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.0, 0.0)
    assert scene.stage == "portrait" and scene.setting == place


@needs_icons
@pytest.mark.parametrize(
    "subject,stage,room",
    [
        ("a baker pulling bread out of the oven", "interior", "bakery"),  # at work: in the room, whole
        ("a cook chopping vegetables", "interior", "kitchen"),
        ("a portrait of a chef", "portrait", None),  # sitting for a portrait: head and shoulders
    ],
)
def test_a_person_at_work_in_a_kitchen_is_painted_in_that_room(subject, stage, room):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.0, 0.0)
    assert (scene.stage, scene.room) == (stage, room)
    assert [m.role for m in scene.objects] == ["figure"]


@needs_icons
def test_a_cook_at_work_with_no_place_named_is_indoors_and_at_a_campfire_outdoors():
    from tools.scene_mapping import read_scene

    oven = read_scene("a baker taking croissants out of the oven", 0.0, 0.0)  # was a baker in a meadow
    assert oven.stage == "interior" and oven.room in ("bakery", "kitchen")
    assert read_scene("a chef cooking at a campfire in the woods", 0.0, 0.0).stage == "landscape"


@needs_icons
def test_a_skater_mid_jump_is_a_person_on_a_skateboard():
    from tools.figure_words import read_person
    from tools.scene_mapping import read_scene

    scene = read_scene("a teenage skateboarder mid jump", 0.3, 0.3)
    person = scene.objects[0].person
    assert person.pose == "jump" and person.prop == "skateboard" and not person.dress
    assert read_person("a man", "an old man with glasses smoking a pipe", 0).things == ("glasses", "pipe")
    assert not any(gone[0] == scene.objects[0].phrase for gone in scene.left_out)  # no "can't draw" for them


def test_after_a_person_a_noun_like_doing_word_is_what_they_do():
    from tools.subject_phrases import subject_phrases

    def cut(subject):
        return subject_phrases(subject.split(), set())

    assert cut("a woman painting at an easel in a garden")[0] == ("a woman", "subject")
    assert cut("an old man building a wall")[0] == ("an old man", "subject")
    assert cut("a landscape painting of hills") == [("a landscape painting of hills", "subject")]  # the noun
    assert cut("a tall building by the river")[0] == ("a tall building", "subject")


@needs_icons
def test_a_woman_painting_in_a_garden_is_a_painter_in_a_garden_not_an_abstract():
    from tools.scene_mapping import read_scene

    scene = read_scene("a woman painting at an easel in a garden", 0.0, 0.0)
    assert scene.family == "garden" and scene.objects[0].person.prop == "easel"


@needs_icons
def test_a_campfire_is_out_in_the_land_and_a_hearth_in_a_room():
    from tools.scene_mapping import read_scene

    camp = read_scene("a man playing guitar by a campfire at night", 0.0, 0.0)
    assert camp.stage == "landscape" and camp.objects[0].person.prop == "guitar"
    assert [m.entry.name for m in camp.objects[1:]] == ["campfire"] and camp.objects[1].role == "stands"
    assert read_scene("a cat by the fire", 0.0, 0.0).stage == "interior"


def test_every_sitter_thing_word_names_a_thing_the_sitter_paints():
    """A word that reads as glasses, a pipe or a cup reaches a thing `sitter_things` paints, never a silent one."""
    from models.painter.sitter_things import THINGS
    from tools.figure_words import THING_WORDS

    assert set(THING_WORDS.values()) <= set(THINGS)


@needs_icons
def test_a_person_walking_in_the_rain_is_out_in_it_and_a_potter_stays_at_her_wheel():
    from tools.scene_mapping import read_scene

    walker = read_scene("a man walking in the rain", 0.0, 0.0)
    assert walker.stage == "landscape" and walker.family == "city"  # was a bust before a studio wall, no rain
    assert read_scene("an old woman standing in the snow", 0.0, 0.0).family == "snow"
    assert read_scene("a potter shaping wet clay", 0.0, 0.0).stage == "interior"  # "wet" reads as rain


@needs_icons
def test_a_setting_heard_as_indoors_is_no_outdoor_place():
    from tools.scene_mapping import read_scene

    chef = read_scene("a chef tossing pasta in a pan in a restaurant kitchen", 0.0, 0.0)
    assert chef.stage == "interior"  # "in a pan" was the salt pan's desert (test 29)


@needs_icons
def test_an_idle_person_on_an_outdoor_seat_is_out_there_and_one_at_work_keeps_the_room():
    from tools.scene_mapping import read_scene

    reader = read_scene("a woman reading a book on a park bench", 0.0, 0.0)
    assert reader.stage == "landscape" and reader.family == "garden"  # was a room
    assert read_scene("a kid on a sled", 0.0, 0.0).family == "snow"  # was a portrait's bust
    assert read_scene("a sweaty jazz drummer mid-solo in a dark club", 0.0, 0.0).stage == "interior"
