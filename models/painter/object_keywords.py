"""What each colour drawing is also called: the Unicode CLDR English keywords of its emoji.

An emoji's name says little of what people call it: the seal is also "sea lion", the fuel pump "gas station",
the ewe "sheep", the teacup "tea". CLDR's annotations (npm `cldr-annotations-full` 48.2.0, Unicode licence) give
each emoji its short name ("tts", which the colour sets' drawing names are spelled from) and its keywords; the
setup keeps the English file beside the icons. Without it every drawing has no keywords and is known by its name.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys

from models.painter.object_library import SILHOUETTE_SETS, ObjectEntry, icons_dir, unpack_npm

CLDR = ("cldr-annotations-full", "48.2.0")
FOLDER = "cldr"
FILE = "annotations_en.json"


def _path(root: str | None = None) -> str:
    return os.path.join(root or icons_dir(), FOLDER, FILE)


def slug(name: str) -> str:
    """A CLDR short name as the icon sets spell it: "teacup without handle" -> "teacup-without-handle"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@functools.lru_cache(maxsize=2)
def _by_name(root: str) -> dict[str, tuple[str, ...]]:
    path = _path(root)
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        table = json.load(f)["annotations"]["annotations"]
    return {
        slug(row["tts"][0]): tuple(
            dict.fromkeys(w for k in row.get("default", ()) for w in re.findall(r"[a-z]+", k.lower()))
        )
        for row in table.values()
        if row.get("tts")
    }


def keywords(entry: ObjectEntry, root: str | None = None) -> tuple[str, ...]:
    """The drawing's CLDR keywords as lower-case words (the seal: animal, lion, ocean, sea, seal); none for a
    silhouette (game-icons are no emoji) or when the annotations are not installed."""
    if entry.source in SILHOUETTE_SETS:
        return ()
    return _by_name(root or icons_dir()).get(entry.name, ())


def install(root: str | None = None) -> str:
    """Fetch the English annotations with `npm pack` once into root/cldr (the setup's use of the npm registry)."""
    root = root or icons_dir()
    if os.path.exists(_path(root)):
        return f"keywords present in {_path(root)}"
    name, version = CLDR
    members = {"annotations/en/annotations.json": FILE, "LICENSE": "LICENSE"}
    unpack_npm(f"{name}@{version}", members, os.path.join(root, FOLDER))
    _by_name.cache_clear()
    return f"installed {name} {version} (English) into {os.path.join(root, FOLDER)}"


if __name__ == "__main__":
    try:
        print(install())
    except (OSError, KeyError, subprocess.CalledProcessError) as error:  # the drawings are known by name alone
        sys.exit(f"drawing keywords not installed: {error}")
