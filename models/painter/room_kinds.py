"""How each kind of room is fitted out, so that the kind reads at a glance and no two kinds look alike.

Every interior was one template (a beige plaster wall, one window, a small framed picture, floorboards): a
bakery read as "an empty room", a barber's as "a chair and a table in a room". A room is named by what lines
its walls and what stands across it: a baker's shelves of loaves behind a counter, a diner's counter and stools
on a chequered floor, a launderette's row of machines under white tiles, a barber's mirrors. The kinds are the
room names of `tools/data/scenes.yaml` (rooms); a room with no fitting here (or none named) keeps the template.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoomDress:
    """What a kind of room is made of and fitted with (hues in degrees, None: the mood's plaster)."""

    wall: str = "plaster"  # plaster, whitewash, tiles, brick, panelling, wallpaper (`room_surfaces`)
    wall_hue: float | None = None
    floor: str = "boards"  # boards, tiles, chequer, stone
    goods: str | None = None  # what shelves along the back wall hold (`shelf_goods.GOODS`), or a row of machines
    counter: bool = False  # a counter across the front, the asked things on it
    stools: int = 0  # stools in front of the counter
    stool_hue: float = 0.0
    window: str = "sash"  # sash, panes (a shop's many small panes), arched, high (a strip under the ceiling)
    picture: str | None = "landscape"  # on the wall: landscape, mirrors, board (a menu or chalkboard), clock, pans
    curtain: bool = True  # a curtain at the window (a home's, not a shop's or a lab's)
    table: bool = True  # False: no table; what would stand on one stands on the floor (a launderette's machines)
    hall: str | None = None  # a long room down its rows (`halls.HALLS`) or a cockpit, not the one-box template


PLAIN = RoomDress()

DRESSES: dict[str, RoomDress] = {
    "bakery": RoomDress("whitewash", None, "tiles", "loaves", True, 0, 0, "panes", "board", False),
    "cafe": RoomDress("tiles", 175.0, "chequer", "cups", True, 4, 355.0, "panes", "board", False),
    "pub": RoomDress("panelling", 22.0, "boards", "bottles", True, 3, 20.0, "panes", "mirrors", False),
    "laboratory": RoomDress("tiles", 195.0, "tiles", "flasks", True, 2, 210.0, "high", "clock", False),
    "launderette": RoomDress("tiles", 200.0, "chequer", "machines", False, 0, 0, "high", "clock", False, False),
    "salon": RoomDress("wallpaper", 340.0, "chequer", None, False, 0, 0, "arched", "mirrors", False),
    "pottery": RoomDress("whitewash", None, "stone", "pots", False, 0, 0, "panes", None, False),
    "pharmacy": RoomDress("panelling", 150.0, "boards", "jars", True, 0, 0, "arched", "clock", False),
    "shop": RoomDress("panelling", 35.0, "boards", "jars", True, 0, 0, "panes", "board", False),
    "kitchen": RoomDress("tiles", 45.0, "chequer", "jars", False, 0, 0, "sash", "pans", True),
    "bedroom": RoomDress("wallpaper", 210.0, "boards", None, False, 0, 0, "sash", "landscape", True),
    "library": RoomDress("panelling", 25.0, "boards", None, False, 0, 0, "arched", "landscape", True),
    "studio": RoomDress("whitewash", None, "boards", None, False, 0, 0, "panes", "landscape", False),
    "living room": RoomDress("wallpaper", 95.0, "boards", None, False, 0, 0, "panes", "landscape", True),
    "bathroom": RoomDress("tiles", 160.0, "tiles", None, False, 0, 0, "high", "mirrors", False),
    "workshop": RoomDress("brick", 12.0, "stone", None, False, 0, 0, "panes", None, False),
    "classroom": RoomDress("plaster", None, "boards", None, False, 0, 0, "panes", "board", False, False, "classroom"),
    "carriage": RoomDress("panelling", 30.0, "boards", None, False, 0, 0, "sash", None, False, False, "carriage"),
    "theatre": RoomDress("panelling", 5.0, "boards", None, False, 0, 0, "sash", None, False, False, "theatre"),
    "church": RoomDress("whitewash", None, "stone", None, False, 0, 0, "arched", None, False, False, "church"),
    "ward": RoomDress("tiles", 190.0, "tiles", None, False, 0, 0, "sash", None, False, False, "ward"),
    "bus": RoomDress("plaster", 200.0, "tiles", None, False, 0, 0, "sash", None, False, False, "bus"),
    "waiting room": RoomDress("plaster", None, "tiles", None, False, 0, 0, "sash", None, False, False, "waiting room"),
    "station": RoomDress("tiles", 40.0, "stone", None, False, 0, 0, "arched", None, False, False, "station"),
    "office": RoomDress("plaster", None, "boards", None, False, 0, 0, "panes", None, False, False, "office"),
    "cockpit": RoomDress("plaster", None, "boards", None, False, 0, 0, "sash", None, False, False, "cockpit"),
    "garage": RoomDress("plaster", 210.0, "stone", None, False, 0, 0, "panes", "clock", False, False),
    "bike shop": RoomDress("whitewash", None, "stone", None, False, 0, 0, "panes", "board", False, False),
    "wall": RoomDress("brick", 5.0, "stone", None, False, 0, 0, "sash", None, False, False),
    "cellar": RoomDress("brick", 20.0, "stone", None, False, 0, 0, "high", None, False, False),
    "attic": RoomDress("panelling", 30.0, "boards", None, False, 0, 0, "arched", None, False, False),
    "gym": RoomDress("brick", 200.0, "boards", None, False, 0, 0, "high", "clock", False, False),
    "dining room": RoomDress("panelling", 0.0, "boards", None, False, 0, 0, "sash", "landscape", True),
}


def dress_of(room: str | None) -> RoomDress:
    """The fitting-out of a kind of room, or the plain template for a plain room or none."""
    return DRESSES.get(room or "", PLAIN)
