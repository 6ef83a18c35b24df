"""The painter v2: colours as written, subjects by meaning, layouts, brushwork and the paint tool."""

import numpy as np
import pytest
import torch

from evals.painting_report import laplacian_variance
from models.painter.layout_vae import LayoutVAE
from models.painter.render import render_class_map
from models.painter.scene_layout import LAYOUT_SIZE, draw_layout
from models.painter.scene_spec import FAMILIES, SceneSpec
from tools.brief import BriefChanges, CreativeBrief, apply_changes
from tools.paint import PaintArgs, blend_specs, layout_probabilities, paint
from tools.painting_mapping import painting_parameters
from tools.palette import COLOURS, hue_distance, read_colour, read_palette, unknown_colour_message
from tools.protocol import ToolContext
from tools.scene_mapping import read_scene


def test_colours_as_people_write_them():
    known, unknown = read_palette(["purples and greys"])
    assert [c.name for c in known] == ["purple", "grey"] and unknown == []
    assert [c.name for c in read_palette("pinks and golds")[0]] == ["pink", "gold"]
    soft, green = read_colour("soft greens"), read_colour("green")
    assert soft.name == "soft green" and soft.saturation < green.saturation
    assert read_colour("deep crimson").value < read_colour("crimson").value
    assert read_colour("muted browns").saturation < read_colour("brown").saturation
    assert hue_distance(read_colour("bluish grey").hue, 210) < 30 and read_colour("turquoise") is not None
    assert hue_distance(read_colour("blue-green").hue, (COLOURS["blue"][0] + COLOURS["green"][0]) / 2) < 40


def test_unknown_colour_names_the_nearest_known_ones():
    assert "turquoise" in unknown_colour_message(["turqoise"])
    _, notes = apply_changes(CreativeBrief(), BriefChanges(palette=["blorange", "teal"]))
    assert any("blorange" in n and "nearest I know" in n for n in notes)


@pytest.mark.parametrize(
    "subject,family,time,weather",
    [
        ("stormy sea at dusk", "sea", "dusk", "stormy"),
        ("foggy forest", "forest", None, "misty"),
        ("city at night", "city", "night", None),
        ("a lake with a rowing boat", "lake", None, None),
        ("sunflowers", "garden", None, None),
        ("zen garden", "garden", None, None),
        ("the sahara", "desert", None, None),
    ],
)
def test_subjects_map_to_scenes_by_meaning(subject, family, time, weather):
    scene = read_scene(subject, 0.3, 0.0)
    assert scene.matched and scene.family == family
    assert time is None or scene.time == time
    assert weather is None or scene.weather == weather


def test_no_subject_or_no_match_gives_the_moods_abstract_kind():
    assert read_scene("", -0.6, -0.5).family == "colour_field"
    far = read_scene("the meaning of freedom", 0.6, 0.7)
    assert not far.matched and far.family == "gestural"
    assert read_scene("my grandmother's kitchen", 0.6, 0.7).stage == "interior"  # a room: the painter's interior


def test_description_says_what_was_painted():
    brief = apply_changes(CreativeBrief(), BriefChanges(subject="stormy sea at dusk", palette=["purples and greys"]))[0]
    assert painting_parameters(brief).description() == "a stormy sea at dusk in purple and grey"


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_draws_a_layout_with_its_own_regions(family):
    spec = SceneSpec(family=family, time="night", weather="rain")
    layouts = [draw_layout(spec, np.random.default_rng(s)) for s in range(3)]
    assert all(lay.shape == (LAYOUT_SIZE, LAYOUT_SIZE) for lay in layouts)
    assert len(np.unique(layouts[0])) >= 2 and not np.array_equal(layouts[0], layouts[1])


def test_brushwork_paints_sharp_strokes_at_any_size():
    spec = SceneSpec(family="sea", time="dusk", weather="cloudy")
    layout = draw_layout(spec, np.random.default_rng(0))
    small, big = render_class_map(layout, spec, 1, 128), render_class_map(layout, spec, 1, 256)
    assert small.size == (128, 128) and big.size == (256, 256)
    smooth = np.asarray(small.resize((32, 32)).resize((128, 128)))
    assert laplacian_variance(np.asarray(small)) > 4 * laplacian_variance(smooth)


def test_layout_vae_saves_and_loads_as_a_diffusers_model(tmp_path):
    model = LayoutVAE(latent_dim=4, base_channels=8)
    model.save_pretrained(tmp_path)
    again = LayoutVAE.from_pretrained(tmp_path)
    z, cond = torch.randn(2, 4), torch.randn(2, again.config.cond_dim)
    assert torch.allclose(model.decode(z, cond), again.decode(z, cond))
    assert again.decode(z, cond).shape == (2, again.config.num_classes, 64, 64)


def test_same_seed_same_composition_under_new_colours_new_seed_another():
    warm = SceneSpec(family="lake", hue=30, palette_strength=0.85)
    cool = SceneSpec(family="lake", hue=220, palette_strength=0.85, brightness=0.8)
    assert np.array_equal(layout_probabilities(warm, 3), layout_probabilities(cool, 3))
    assert not np.allclose(layout_probabilities(warm, 3), layout_probabilities(warm, 4))


def test_blend_goes_the_short_way_round_the_hue_circle():
    a, b = SceneSpec(family="sea", hue=350), SceneSpec(family="city", hue=30)
    mid = blend_specs(a, b, 0.5)
    assert hue_distance(mid.hue, 10) < 1e-6 and mid.family == "city"


def test_paint_tool_reports_subject_palette_and_size(tmp_path):
    brief = CreativeBrief()
    args = PaintArgs(subject="foggy forest at dawn", palette=["soft greens"], size=1024)
    result = paint(args, ToolContext(brief=brief, out_dir=str(tmp_path / "p"), seed=2))
    assert result.summary.startswith("a misty forest at dawn in soft green")
    assert result.data["spec"]["family"] == "forest" and result.data["size"] == 1024
    from PIL import Image

    assert Image.open(result.files["image"]).size == (1024, 1024)


def test_colours_named_lift_the_mist_a_sad_mood_brings_but_not_a_mist_asked():
    """'more blue' on a melancholic lighthouse gave a pale lavender mist (stop 39's make run)."""
    sad, _ = apply_changes(CreativeBrief(), BriefChanges(mood="melancholic", subject="a lighthouse on a cliff at dusk"))
    assert painting_parameters(sad).spec.weather == "misty"
    assert painting_parameters(sad.model_copy(update={"palette": ["blue"]})).spec.weather == "cloudy"
    fog = sad.model_copy(update={"palette": ["blue"], "subject": "a lighthouse on a cliff in thick fog"})
    assert painting_parameters(fog).spec.weather == "misty"
