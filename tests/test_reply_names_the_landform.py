"""The reply names a landform carved as the centre, not its family: "a vineyard at dusk", not "a meadow at dusk"."""

import pytest

from models.painter.object_library import installed
from tools.brief import CreativeBrief
from tools.painting_mapping import painting_parameters

needs_icons = pytest.mark.skipif(not installed(), reason="the object drawings are not installed (`make icons`)")


@needs_icons
@pytest.mark.parametrize(
    "subject,said",
    [
        ("a vineyard at sunset", "a vineyard at dusk"),
        ("icebergs floating in the arctic sea", "icebergs in the sea by day"),
        ("a red fox in a meadow", "a meadow by day"),  # no landform: the family
    ],
)
def test_the_reply_names_the_landform(subject, said):
    assert painting_parameters(CreativeBrief(subject=subject)).description().startswith(said)
