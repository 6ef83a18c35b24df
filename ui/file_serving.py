"""Which folders Gradio may serve by path. Session files are never served from where they lie: Gradio copies
each file the studio shows into its cache under a hash of its content, and that copy is what a browser gets,
so a file URL names neither the sessions folder nor a session id, and knowing an id opens nothing.

Gradio accepts a returned file only from its allowed paths, the working directory or the temp directory; a
sessions folder elsewhere (`--sessions /data/artchat`) has to be allowed, and then its files can be fetched by
whoever knows a session id and a file name. `launch` says so when it happens.
"""

from __future__ import annotations

import os
import tempfile


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def allowed_paths_for(sessions_root: str) -> list[str]:
    """[] when Gradio takes the session files without serving their folder, else [sessions_root]."""
    if any(_inside(sessions_root, folder) for folder in (os.getcwd(), tempfile.gettempdir())):
        return []
    return [sessions_root]


def exposure_warning(sessions_root: str) -> str | None:
    """A line for the console when the sessions folder has to be served by path."""
    if not allowed_paths_for(sessions_root):
        return None
    return (
        f"note: the sessions folder {sessions_root} lies outside the working and temp directories, so Gradio must "
        "serve it by path: anyone who knows a session id and a file name can fetch that file. Keep the sessions "
        "folder under the working directory (the default) for a public link."
    )
