"""A colour the words give to one thing is that thing's, not the whole picture's (issue 36): "a yellow school bus"
with the palette [yellow] painted sky and street "a sickly yellow-olive haze" around the bus."""

import pytest

from models.painter.object_library import installed
from tools.brief import CreativeBrief
from tools.painting_mapping import painting_parameters

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


@needs_icons
@pytest.mark.parametrize(
    "subject,palette,kept",
    [
        ("a yellow school bus parked by the curb", ["yellow"], ()),  # the bus's yellow, the scene the mood's
        ("a red bicycle leaning against a brick wall in soft blues", ["red", "blue"], ("blue",)),
        ("the sea at dusk in purple and gold", ["purple", "gold"], ("purple", "gold")),  # the picture's colours
    ],
)
def test_a_things_own_colour_leaves_the_scenes_palette(subject, palette, kept):
    assert painting_parameters(CreativeBrief(subject=subject, palette=palette)).colours == kept
