"""Kinds of room fitted out as their kind: shelves of goods, a counter and stools, machines, mirrors, the walls'
and floor's materials; no two kinds alike; the kind reaches the painter from the words."""

from itertools import combinations

import numpy as np
import yaml

from models.painter.room_fittings import ACCENT, FRAME, LEDGE, SKY, fit_out
from models.painter.room_kinds import DRESSES, PLAIN, dress_of
from models.painter.room_surfaces import floor_pattern, wall_pattern
from models.painter.rooms import BOOKS, SHELF_PITCH, SHELF_TOP, TABLE, WALL, _window_box, room_layout
from models.painter.shelf_goods import GOODS, paint_goods

SCENES = "tools/data/scenes.yaml"


def _room(size=256, **kinds):
    return room_layout(size, 0.62, 0.7, 0.3, **kinds)


def test_every_dressed_kind_is_a_room_people_name():
    with open(SCENES) as f:
        rooms = yaml.safe_load(f)["rooms"]
    assert set(DRESSES) <= set(rooms)
    assert dress_of("room") == PLAIN and dress_of(None) == PLAIN and dress_of("bakery") != PLAIN


def test_no_two_kinds_of_room_look_alike():
    looks = {
        k: (d.wall, d.wall_hue, d.floor, d.goods, d.counter, d.window, d.picture, d.hall) for k, d in DRESSES.items()
    }
    for a, b in combinations(looks, 2):
        differ = sum(x != y for x, y in zip(looks[a], looks[b]))
        assert differ >= 2, (a, b)


def test_a_counter_runs_across_the_front_from_the_side_away_from_the_window():
    labels = _room(counter=True)
    rows, cols = np.nonzero(labels == TABLE)
    assert cols.min() == 0 and cols.max() > 0.7 * 255  # window on the right: the counter from the left
    below = labels[rows.max() + 2 : rows.max() + 20, 10:150]
    assert (below == LEDGE).mean() > 0.9  # a solid front, not legs


def test_wall_shelves_line_the_wall_beside_the_window_not_over_it():
    labels = _room(wall_shelves=True)
    assert (labels == BOOKS).any()
    top, bottom, left, right = _window_box(labels)
    assert not (labels[top:bottom, left:right] == BOOKS).any()


def test_shelf_goods_stand_in_the_shelves_only_and_differ_from_the_shelf_back():
    size = 256
    shelves = np.zeros((size, size), bool)
    shelves[int(SHELF_TOP * size) : int(0.6 * size), 20:120] = True
    for goods in GOODS:
        ref = np.zeros((size, size, 3), np.float32)
        paint_goods(ref, shelves, goods, SHELF_TOP, SHELF_PITCH, 1.0, np.random.default_rng(1))
        assert not ref[~shelves].any()
        values = ref[shelves].max(-1)
        assert (values > 0.35).mean() > 0.15, goods  # items, lit, between the shelf's dark back
        assert (values < 0.25).mean() > 0.1, goods


def test_a_launderette_has_a_row_of_machines_and_a_diner_its_stools():
    labels = room_layout(256, 0.62, 0.7, 0.3)
    window = _window_box(labels)
    fitted = fit_out(labels, DRESSES["launderette"], window)
    machines = [f for f in fitted if f[0] == "machine"]
    assert len(machines) >= 4 and all(
        (labels[y0:y1, x0:x1] == FRAME).mean() > 0.9 for _, (y0, y1, x0, x1), _ in machines
    )
    labels = _room(counter=True)
    fitted = fit_out(labels, DRESSES["cafe"], _window_box(labels))
    stools = [f for f in fitted if f[0] == "stool"]
    assert len(stools) == DRESSES["cafe"].stools
    front = np.nonzero((labels == TABLE).any(1))[0].max()
    assert all(y0 > front - 10 and (labels[y0:y1, x0:x1] == ACCENT).any() for _, (y0, y1, x0, x1), _ in stools)


def test_mirrors_hang_on_free_wall_only():
    labels = _room(wall_shelves=False)
    window = _window_box(labels)
    before = labels.copy()
    fitted = fit_out(labels, DRESSES["salon"], window)
    mirrors = [f for f in fitted if f[0] == "mirrors"]
    assert mirrors
    for _, (y0, y1, x0, x1), _ in mirrors:
        assert (before[y0 - 3 : y1 + 3, x0 - 3 : x1 + 3] == WALL).all()
        assert (labels[y0:y1, x0:x1] == ACCENT).all()
    assert (labels == SKY).sum() > 0.5 * (before == SKY).sum()  # the window is still there (an arched head)


def test_a_chequered_floor_alternates_and_its_squares_shrink_towards_the_wall():
    size = 256
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    _, dark = floor_pattern("chequer", x, y, 0.68, 0.42, 7)
    floor = y > 0.68
    assert 0.35 < dark[floor].mean() < 0.65
    changes = lambda row: np.count_nonzero(np.diff(dark[row].astype(int)))  # noqa: E731
    assert changes(int(0.72 * size)) > changes(int(0.98 * size))  # more, narrower squares far away
    tiles = wall_pattern("tiles", x, y, np.random.default_rng(0))
    assert tiles.min() < 0.85 and np.median(tiles) == 1.0  # grout lines between whole tiles


def test_the_kind_of_room_reaches_the_painter():
    from tools.brief import CreativeBrief
    from tools.paint import painting_plan
    from tools.painting_mapping import painting_parameters
    from tools.thing_phrases import room_of

    assert room_of("a potter's studio")[0] == "pottery" and room_of("an artist's studio")[0] == "studio"
    assert room_of("a barber shop")[0] == "salon" and room_of("a coffee shop")[0] == "cafe"
    assert room_of("a chocolate bar") is None and room_of("a black lab") is None
    brief = CreativeBrief(subject="a little bakery with loaves on the shelves")
    assert painting_plan(painting_parameters(brief)).room == "bakery"


def test_a_kitchen_hangs_its_pans_from_a_rail_across_the_top():
    labels = _room(wall_shelves=True)
    fitted = fit_out(labels, dress_of("kitchen"), _window_box(labels))
    pans = [box for what, box, _ in fitted if what == "pan"]
    assert len(pans) >= 5 and all(box[1] < 0.3 * 256 for box in pans)  # high, in front of shelves and window
    assert (labels[: int(0.3 * 256)] == ACCENT).sum() > 1000
