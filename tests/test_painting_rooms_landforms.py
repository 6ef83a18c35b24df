"""A named room furnished, the subject's head noun and place found, landforms carved."""

import numpy as np
import pytest
from scipy import ndimage

from models.painter.landforms import CARVE, USUAL_LANDFORM, carve_landform
from models.painter.object_library import installed
from models.painter.scene_layout import LAYOUT_SIZE, C

needs_icons = pytest.mark.skipif(
    not installed(), reason="the object drawings are not installed (needs npm once: `make icons`)"
)


def _phrases(subject: str) -> list[tuple[str, str]]:
    from tools.subject_phrases import subject_phrases as cut

    return cut(subject.split(), set())


def test_words_after_a_thing_that_say_how_it_is_are_not_its_name():
    assert _phrases("a ginger cat asleep on a windowsill")[0] == ("a ginger cat", "subject")
    assert _phrases("pots and pans hanging everywhere") == [("pots", "subject"), ("pans", "companion")]


def test_full_of_joins_what_a_place_holds_and_a_place_opening_the_subject_leads():
    assert _phrases("the inside of a greenhouse full of ferns") == [("a greenhouse", "subject"), ("ferns", "companion")]
    assert _phrases("under the sea")[0] == ("the sea", "subject")


@needs_icons
def test_a_named_room_is_furnished_with_what_it_holds_after_what_is_asked():
    from tools.scene_mapping import read_scene

    kitchen = read_scene("a messy kitchen", 0.3, 0.0)
    assert kitchen.stage == "interior" and any("pot" in m.entry.name for m in kitchen.objects)
    library = read_scene("an old library with tall wooden shelves and a rolling ladder", 0.3, 0.0)
    names = [m.entry.name for m in library.objects]
    assert library.stage == "interior" and names[0] == "ladder" and "bookshelf" in names
    assert all(m.role == "building" for m in library.objects if m.entry.name in ("ladder", "bookshelf"))  # floor
    bedroom = read_scene("a small bedroom with a patchwork quilt", 0.3, 0.0)
    assert "bed" in [m.entry.name for m in bedroom.objects]
    cat = read_scene("a ginger cat asleep on a windowsill", 0.3, 0.0)
    assert cat.stage == "interior" and [m.entry.name for m in cat.objects] == ["cat"]


@needs_icons
def test_a_person_by_trade_is_drawn_and_a_street_cafe_is_a_street():
    from tools.scene_mapping import read_scene

    gardener = read_scene("a gardener in a straw hat working in her vegetable patch", 0.3, 0.0)
    assert [m.role for m in gardener.objects] == ["figure"] and gardener.family == "garden"
    assert read_scene("a tiny corner cafe in Paris with little tables outside", 0.3, 0.0).family == "city"
    (girl,) = read_scene("a little girl reading a book under a tree", 0.3, 0.0).objects  # her book is hers
    assert girl.role == "figure" and girl.entry.name.endswith("standing")  # whole, not a head in the grass
    grandmother = read_scene("a grandmother knitting in her rocking chair", 0.3, 0.0)
    assert grandmother.stage == "interior" and grandmother.objects[0].role == "figure"  # knitting in her room
    assert grandmother.objects[0].person.pose == "sit"
    sitter = read_scene("a portrait of a young woman", 0.3, 0.0).objects[0]
    assert sitter.entry.name == "woman"  # a portrait keeps its head and shoulders


@pytest.mark.parametrize(
    "subject,landform,family",
    [
        ("a huge waterfall in the middle of a rainforest", "waterfall", "forest"),
        ("the Grand Canyon", "canyon", "desert"),
        ("white chalk cliffs above a wild sea", "chalk_cliffs", "sea"),
        ("rice terraces on a green hillside", "terraces", "meadow"),
        ("a river winding through a green valley", "river", "meadow"),
        ("a river winding through autumn woods", "river", "forest"),  # the woods were lost to a meadow
        ("a mountain lake with snowy peaks reflected in the water", "peaks", "lake"),
        ("a calm lake at dawn", None, "lake"),
        ("a frozen lake with mountains behind it", "peaks", "lake"),  # a landform asked in two phrases
        ("a winding mountain road", "mountain_road", "mountains"),  # a road, not a drawing of a mountain
    ],
)
def test_a_landform_asked_as_the_subject_is_the_scene_centre(subject, landform, family):
    from tools.scene_mapping import read_scene

    scene = read_scene(subject, 0.3, 0.0)
    assert scene.landform == landform and scene.family == family
    if landform:
        assert scene.objects == ()  # the peaks are carved, not drawn as stickers


def _meadow() -> np.ndarray:
    labels = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"])
    labels[24:] = C["grass"]
    return labels


def test_each_landform_is_carved_large_in_the_middle_of_the_picture():
    for name in set(CARVE) - set(USUAL_LANDFORM.values()):  # (a desert's usual swells are no asked landform)
        labels = _meadow()
        carve_landform(labels, name, seed=3)
        assert (labels != _meadow()).mean() > 0.05, name  # not a detail: a large part of the picture changes
    falls = _meadow()
    carve_landform(falls, "waterfall", 0)
    middle = falls[:, 20:44]
    assert (middle == C["snow"]).sum() > 40 and (middle == C["rock"]).sum() > 200  # white water down a cliff
    river = _meadow()
    carve_landform(river, "river", 0)
    water_rows = np.nonzero((river == C["water"]).any(1))[0]
    assert water_rows.min() <= 26 and water_rows.max() == LAYOUT_SIZE - 1  # from the horizon to the near edge
    assert (river[-1] == C["water"]).sum() > 4 * (river[26] == C["water"]).sum()  # wider nearer the eye
    road = _meadow()
    carve_landform(road, "road", 0)
    assert (road[-1] == C["sand"]).sum() > 4 * (road[26] == C["sand"]).sum() > 0  # to the eye, widening
    cliffs = _meadow()
    carve_landform(cliffs, "chalk_cliffs", 0)
    assert (cliffs[:24] == C["snow"]).sum() > 100  # a white face rising above the horizon
    untouched = _meadow()
    carve_landform(untouched, None, 0)
    assert (untouched == _meadow()).all()


def test_a_room_has_side_walls_a_floor_of_boards_and_a_table_with_legs():
    from models.painter.rooms import FLOOR, LEDGE, SIDE_WALL, TABLE, WALL, room_layout

    size = 128
    room = room_layout(size, 0.6, 0.3, 0.3, table=(0.35, 0.75))
    assert room[int(0.3 * size), 3] == SIDE_WALL and room[int(0.3 * size), -4] == SIDE_WALL
    assert room[int(0.3 * size), int(0.8 * size)] == WALL
    assert room[int(0.68 * size), int(0.55 * size)] == TABLE
    legs = room[int(0.9 * size), int(0.35 * size) : int(0.76 * size)] == LEDGE
    assert 2 <= legs.sum() < 0.3 * legs.size  # two legs, floor between them
    assert room[int(0.9 * size), int(0.55 * size)] == FLOOR and room[int(0.68 * size), int(0.2 * size)] == FLOOR


def test_things_on_a_table_stand_on_its_top_beside_the_furniture():
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import PlacedObject
    from models.painter.pipeline import ON_TABLE, table_under
    from models.painter.rooms import FLOOR_BEHIND, TABLE_DEPTH, arrange_room

    bed = PlacedObject(ObjectEntry("noto", "bed"), "building", 0.4, 0.62, 0.44)  # its foot on the wall
    lamp = PlacedObject(ObjectEntry("game-icons", "desk-lamp"), "still_life", 0.55, 0.5, 0.3)  # above the table
    bed, lamp = arrange_room([bed, lamp], 0.6, ON_TABLE)
    assert 0.6 < lamp.base_y <= 0.6 + TABLE_DEPTH and lamp.cx > 0.7 and bed.cx < 0.4
    assert bed.base_y > 0.6 + FLOOR_BEHIND  # on the floor, in front of the wall
    left, right = table_under([bed, lamp])
    assert left < lamp.cx - 0.1 and right > lamp.cx + 0.1 and left > bed.cx


@needs_icons
def test_a_bathroom_and_a_workshop_are_rooms_not_a_coast():
    from tools.scene_mapping import read_scene

    bathroom = read_scene("a bathroom with a clawfoot tub and tiles", 0.3, 0.0)
    assert bathroom.stage == "interior" and "bathtub" in [m.entry.name for m in bathroom.objects]
    forge = read_scene("the inside of a blacksmith workshop with an anvil", 0.3, 0.0)
    assert forge.stage == "interior" and ("anvil", "building") in [(m.entry.name, m.role) for m in forge.objects]


@needs_icons
def test_a_violin_is_a_violin_and_a_violinist_a_person():
    from tools.scene_mapping import read_scene

    violin, chair = read_scene("a violin lying on a velvet armchair", 0.3, 0.0).objects  # on its armchair
    assert violin.entry.name == "violin" and violin.person is None  # was a person playing one
    assert chair.entry.name == "armchair" and chair.role == "building"
    (player,) = read_scene("a violinist playing on a street corner", 0.3, 0.0).objects
    assert player.person is not None and player.person.prop == "violin"


@needs_icons
def test_a_rooms_furniture_stands_side_by_side_along_the_wall():
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import PlacedObject
    from models.painter.pipeline import ON_TABLE
    from models.painter.placement_rules import aspect
    from models.painter.rooms import CROWDED, arrange_room

    shelf, fire = ObjectEntry("game-icons", "bookshelf"), ObjectEntry("game-icons", "fireplace")
    piled = [PlacedObject(e, "building", x, 0.7, 0.44) for e, x in ((shelf, 0.3), (shelf, 0.36), (fire, 0.4))]
    pieces = sorted(arrange_room(piled, 0.62, ON_TABLE), key=lambda o: o.cx)
    for a, b in zip(pieces, pieces[1:]):  # at most a little overlap between neighbours
        half = (a.height * min(1, aspect(a.entry)) + b.height * min(1, aspect(b.entry))) / 2
        assert b.cx - a.cx >= CROWDED * half - 1e-6
    assert pieces[0].cx - pieces[0].height / 2 > 0 and pieces[-1].cx + pieces[-1].height / 2 < 1


@needs_icons
def test_an_animal_in_a_room_stands_beside_the_furniture():
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import PlacedObject
    from models.painter.pipeline import ON_TABLE
    from models.painter.rooms import arrange_room

    fire = PlacedObject(ObjectEntry("game-icons", "fireplace"), "building", 0.5, 0.7, 0.5)
    dog = PlacedObject(ObjectEntry("noto", "dog"), "stands", 0.95, 0.68, 0.3)
    fire, dog = arrange_room([fire, dog], 0.6, ON_TABLE)
    assert abs(dog.cx - fire.cx) < 0.45 and dog.base_y > fire.base_y  # by the fire, a little in front


@needs_icons
def test_fruit_and_flowers_drawn_as_silhouettes_keep_their_usual_colours():
    from tools.scene_mapping import read_scene

    oranges = read_scene("a bowl of oranges on a blue checked tablecloth", 0.3, 0.0).objects[-1]
    assert not oranges.entry.silhouette and oranges.perch == "bowl"  # the orange stencil was teal, then brown
    flowers = read_scene("a vase of flowers on a table by a window", 0.3, 0.0).objects[-1]
    assert flowers.entry.name == "flowers" and flowers.colour is not None and flowers.colour[1] > 0.3
    balloons = read_scene("hot air balloons over green hills on a sunny day", 0.6, 0.3).objects[0]
    assert balloons.colour is not None and (balloons.colour[0] < 20 or balloons.colour[0] > 340)  # were dull teal


def test_a_bookcase_is_built_into_the_wall_full_of_books():
    from models.painter.object_library import ObjectEntry
    from models.painter.objects import PlacedObject
    from models.painter.rooms import BOOKS, LEDGE, room_layout, wall_shelves

    case = PlacedObject(ObjectEntry("game-icons", "bookshelf"), "building", 0.7, 0.75, 0.4)
    book = PlacedObject(ObjectEntry("game-icons", "open-book"), "still_life", 0.3, 0.7, 0.3)
    rest, shelves = wall_shelves([case, book])
    assert rest == [book] and len(shelves) == 1 and shelves[0][0] < 0.7 < shelves[0][1]
    size = 128
    room = room_layout(size, 0.62, 0.3, 0.3, shelves=shelves)
    column = room[:, int(0.7 * size)]
    assert (column == BOOKS).sum() > 0.3 * size and (column == LEDGE).sum() > 4  # rows of books between boards
    assert (column[: int(0.08 * size)] != BOOKS).all()  # the wall above it


def test_the_window_moves_beside_a_bookcase_that_would_cover_it():
    from models.painter.rooms import room_layout

    size = 128
    room = room_layout(size, 0.62, 0.3, 0.3, shelves=((0.12, 0.5),))
    sky = np.nonzero((room == C["sky"]).any(0))[0] / size
    assert len(sky) and sky.min() > 0.5  # the window in the free stretch of wall, not behind the books


@pytest.mark.parametrize("seed", range(4))
def test_sea_cliffs_stand_alone_in_the_sea(seed):
    """The layout's own rock stack, far hills and beach went on being painted beside and before the cliff."""
    from models.painter.landforms import _horizon

    sea = np.full((LAYOUT_SIZE, LAYOUT_SIZE), C["sky"])
    sea[26:] = C["water"]
    sea[14:26, 50:] = C["rock"]  # a stack standing in the sky's band
    sea[20:26, 40:] = C["far"]
    sea[54:] = C["sand"]  # a beach across the foot
    carve_landform(sea, "cliffs", seed)
    h = _horizon(sea)
    parts, count = ndimage.label(sea == C["rock"])
    big = max(range(1, count + 1), key=lambda i: (parts == i).sum())
    assert not np.isin(sea, (C["sand"], C["far"])).any()
    assert (parts == big).sum() > 400 and not ((sea[:h] == C["rock"]) & (parts[:h] != big)).any()  # no stack
    assert all((parts == i).sum() < 30 for i in range(1, count + 1) if i != big)  # the fallen rocks only
