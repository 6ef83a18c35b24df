"""The things the painter draws by its own hand instead of their library drawing, and the shape of each.

A lighthouse, a windmill, a log cabin, a water tower, a petrol station, a parking garage, a greenhouse, a silo, a
bus shelter, washing on a line, a market stall, a typewriter and a grand piano read as clip-art or as something else
when their library drawing is painted (`lighthouses`, `windmills`, `cabins`, `water_towers`, `fuel_stations`,
`car_parks`, `glasshouses`, `silos`, `bus_shelters`, `clotheslines`, `market_stalls`, `typewriters`, `grand_pianos`
say why). Each is recognised by its drawing's name and painted in its own module (a typewriter, which no set draws,
and a piano, whose nearest colour drawing is an electric keyboard, by their words: `BY_NAME`); this is the one list
of them, read by the object painter, by placement (for the drawing's width over height) and by the reading (each is
a thing of its own size: a petrol station is no pump the height of a person).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from models.painter import (
    bus_shelters,
    cabins,
    car_parks,
    clotheslines,
    fuel_stations,
    glasshouses,
    grand_pianos,
    lighthouses,
    market_stalls,
    silos,
    typewriters,
    water_towers,
    windmills,
)

HAND_DRAWN = (  # (is it one, its painter, its width over its height, its longer side in metres or None: by meaning,
    # the name a reply calls it by, or None: its drawing's)
    (lighthouses.is_lighthouse, lighthouses.painted_lighthouse, lighthouses.ASPECT, None, None),
    (windmills.is_windmill, windmills.painted_windmill, windmills.ASPECT, None, None),
    (cabins.is_cabin, cabins.painted_cabin, cabins.ASPECT, None, None),
    (water_towers.is_water_tower, water_towers.painted_water_tower, water_towers.ASPECT, 25.0, None),
    (fuel_stations.is_fuel_station, fuel_stations.painted_fuel_station, fuel_stations.ASPECT, 25.0, "petrol station"),
    (car_parks.is_car_park, car_parks.painted_car_park, car_parks.ASPECT, 30.0, "car park"),
    (glasshouses.is_glasshouse, glasshouses.painted_glasshouse, glasshouses.ASPECT, 30.0, "greenhouse"),
    (silos.is_silo, silos.painted_silo, silos.ASPECT, 20.0, "silo"),
    (bus_shelters.is_bus_shelter, bus_shelters.painted_bus_shelter, bus_shelters.ASPECT, 4.5, "bus shelter"),
    (clotheslines.is_clothesline, clotheslines.painted_clothesline, clotheslines.ASPECT, 3.0, "washing line"),
    (market_stalls.is_market_stall, market_stalls.painted_market_stall, market_stalls.ASPECT, 3.5, "market stall"),
    (typewriters.is_typewriter, typewriters.painted_typewriter, typewriters.ASPECT, 0.45, "typewriter"),
    (grand_pianos.is_grand_piano, grand_pianos.painted_grand_piano, grand_pianos.ASPECT, 2.0, "grand piano"),
)
# things no icon set draws, by the word that names them: the drawing each is read as (painted by hand above), and
# the role it is placed by
BY_NAME = {"typewriter": (typewriters.NAME, "still_life"), "piano": (("game-icons", "grand-piano"), "still_life")}


def named_by_hand(word: str) -> tuple[tuple[str, str], str] | None:
    """((source, name) of the drawing, role) a thing no set draws is read as ("typewriter"), or None."""
    return BY_NAME.get(word)


def hand_drawn(entry) -> tuple[Callable, float] | None:
    """(painter, width over height) of a thing we draw by hand, or None for a library drawing."""
    return next(((painter, ratio) for kind, painter, ratio, *_ in HAND_DRAWN if kind(entry)), None)


def built_size(entry) -> float | None:
    """The longer side in metres of a thing we build by hand where it is set here, else None (read by meaning)."""
    return next((metres for kind, _, _, metres, _ in HAND_DRAWN if kind(entry)), None)


def painted_name(entry) -> str:
    """What a reply calls the thing: the name of what we paint by hand for it ("market stall" for the shop
    stencil), else its drawing's words."""
    return next((name for kind, *_, name in HAND_DRAWN if kind(entry) and name), entry.words)


def drawn_by_hand(entry, longer: float, seed: int, light_left: bool) -> np.ndarray | None:
    """float32 RGBA of the thing painted by hand with its longer side `longer` pixels, or None when it is not one."""
    shape = hand_drawn(entry)
    if shape is None:
        return None
    painter, ratio = shape
    return painter(int(longer / max(1.0, ratio)), seed, light_left)
