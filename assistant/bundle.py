"""A downloadable session bundle: every version's files plus a JSON manifest of all parameters."""

from __future__ import annotations

import json
import os
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


def write_bundle(session: Session) -> str:
    """Zip of all versions' files and manifest.json, written into the session folder."""
    path = os.path.join(session.folder, f"artchat-{session.id}.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest(session), indent=1))
        for version in session.versions.values():
            for rel in version.files.values():
                full = os.path.join(session.folder, rel)
                if os.path.exists(full):
                    zf.write(full, rel)
    return path
