"""A downloadable session bundle: every version's files plus a JSON manifest of all parameters.

Each download is written whole under its own name and then renamed into place, so several tabs downloading at
once each get a complete zip; the name carries the time, never the session id (no file address names it).
Bundles older than an hour are removed when the next one is made.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import time
import zipfile

from assistant.session import Session


def manifest(session: Session) -> dict:
    return {
        "session": session.id,
        "brief": session.brief.model_dump(),
        "current": dict(session.heads),
        "versions": [v.model_dump(exclude={"data"}) | {"data": _small(v.data)} for v in session.versions.values()],
        "messages": [m.model_dump() for m in session.messages],
    }


def _small(data: dict) -> dict:
    """Version data without bulky arrays (melody events stay: they are the melody)."""
    return {k: v for k, v in data.items() if not (isinstance(v, list) and len(v) > 4096)}


BUNDLES = "bundles"
BUNDLE_TTL_S = 3600


def write_bundle(session: Session) -> str:
    """Zip of all versions' files and manifest.json, under the session folder's bundles/; returns its path."""
    folder = os.path.join(session.folder, BUNDLES)
    os.makedirs(folder, exist_ok=True)
    _drop_old_bundles(folder)
    name = f"artchat-session-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}.zip"
    handle, partial = tempfile.mkstemp(suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest(session), indent=1))
            for version in session.versions.values():
                for rel in version.files.values():
                    full = os.path.join(session.folder, rel)
                    if os.path.exists(full):
                        zf.write(full, rel)
        path = os.path.join(folder, name)
        os.replace(partial, path)
    except BaseException:
        if os.path.exists(partial):
            os.remove(partial)
        raise
    return path


def _drop_old_bundles(folder: str) -> None:
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        try:
            if time.time() - os.path.getmtime(path) > BUNDLE_TTL_S:
                os.remove(path)
        except OSError:
            pass
