"""Objects placed from the layout network's probability fields: trees, blocks, crests, primitives."""

import numpy as np
from scipy import ndimage

from models.painter.instances import cut_blocks, draw_crests, place_instances, place_trees, snap_shapes
from models.painter.scene_layout import LAYOUT_SIZE, C, K, disc

SIDE = LAYOUT_SIZE


def field(background: str, rows: slice, cls: str, share: float) -> np.ndarray:
    """[K, 64, 64] probabilities: `background` everywhere, `cls` at `share` in the given rows."""
    probs = np.zeros((K, SIDE, SIDE), np.float32)
    probs[C[background]] = 1.0
    probs[C["sky"], : rows.start] = 1.0
    probs[C[background], : rows.start] = 0.0
    probs[C[cls], rows] = share
    probs[C[background], rows] = 1 - share
    return probs


def test_a_diffuse_tree_field_becomes_single_trees():
    probs = field("grass", slice(30, 64), "foliage", 0.35)
    assert (probs.argmax(0) == C["foliage"]).sum() == 0  # argmax alone: no tree at all
    labels = probs.argmax(0)
    place_trees(labels, probs, "forest", np.random.default_rng(1))
    _, trees = ndimage.label(labels == C["trunk"])
    crowns = (labels == C["foliage"]).sum()
    assert trees >= 8 and 0.4 * 0.35 * 34 * SIDE < crowns < 1.3 * 0.35 * 34 * SIDE
    again = probs.argmax(0)
    place_trees(again, probs, "forest", np.random.default_rng(1))
    other = probs.argmax(0)
    place_trees(other, probs, "forest", np.random.default_rng(2))
    assert (again == labels).all() and (other != labels).any()


def test_no_trees_where_the_field_has_none_or_the_family_grows_none():
    probs = field("grass", slice(30, 64), "foliage", 0.002)
    labels = probs.argmax(0)
    place_trees(labels, probs, "forest", np.random.default_rng(0))
    assert not (labels == C["foliage"]).any()
    probs = field("sand", slice(30, 64), "foliage", 0.3)
    labels = probs.argmax(0)
    place_trees(labels, probs, "desert", np.random.default_rng(0))
    assert not (labels == C["foliage"]).any()


def test_a_wavy_skyline_is_cut_into_flat_roofed_blocks():
    probs = field("earth", slice(50, 64), "building", 0.0)
    x = np.arange(SIDE)
    roofline = (25 + 8 * np.sin(x / 5)).astype(int)
    for col, roof in enumerate(roofline):
        probs[:, roof:50, col] = 0
        probs[C["building"], roof:50, col] = 1
    labels = probs.argmax(0)
    cut_blocks(labels, probs, np.random.default_rng(0))
    building = labels == C["building"]
    tops = np.where(building.any(0), np.argmax(building, 0), -1)
    assert building[:, 10:54].any(0).mean() > 0.85 and not building[52:].any()  # a slit of sky now and then
    assert len(set(tops[tops >= 0])) < 20  # blocks share a roof height, not one per column
    assert (np.diff(tops[tops >= 0]) == 0).mean() > 0.6


def test_foam_mass_becomes_rows_of_crests():
    probs = field("water", slice(24, 64), "foam", 0.12)
    labels = probs.argmax(0)
    draw_crests(labels, probs, "sea", np.random.default_rng(0))
    column = labels[:, 32] == C["foam"]
    runs = (np.diff(column.astype(int)) == 1).sum()
    assert runs >= 3 and not (labels[:24] == C["foam"]).any()


def test_geometric_patches_snap_to_the_primitive_they_resemble():
    labels = np.full((SIDE, SIDE), C["field_main"])
    true_disc = disc(0.5, 0.5, 0.2)
    ragged = true_disc ^ (np.random.default_rng(0).random((SIDE, SIDE)) < 0.08) & true_disc
    labels[ragged] = C["field_accent"]
    snap_shapes(labels)
    snapped = labels == C["field_accent"]
    assert (snapped & true_disc).sum() / (snapped | true_disc).sum() > 0.85


def test_place_instances_is_a_pure_function_of_the_seed():
    probs = field("grass", slice(30, 64), "foliage", 0.3)
    assert (place_instances(probs, "forest", 5) == place_instances(probs, "forest", 5)).all()
    assert (place_instances(probs, "forest", 5) != place_instances(probs, "forest", 6)).any()
