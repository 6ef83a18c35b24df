"""What the running studio serves and accepts as files, wherever the sessions folder lies.

Session files are never served from where they lie: Gradio copies each file the studio shows into its cache under
a hash of its content, and that copy is what a browser gets, so a file URL names neither the sessions folder nor a
session id. Gradio's file route (`/gradio_api/file=PATH`) would also serve, by path, anything under `allowed_paths`,
and a sessions folder outside the working and temp directories has to be allowed (Gradio copies a returned file
only from there): then the sessions database itself could be downloaded. So the app is wrapped
(`ui.app.launch_options`): a middleware answers 403 to every file request whose path lies in the sessions folder,
Gradio's `blocked_paths` holds the database and its WAL files as a second lock, and the upload route, which the
studio never uses, is shut.
A deleted session's cached copies are removed with it (`forget_cached_copies`), and Gradio deletes any cached copy
a day old (`gr.Blocks(delete_cache=CACHE_SWEEP)`), so a copy does not outlive its session.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from urllib.parse import unquote

from gradio.processing_utils import hash_file
from gradio.utils import get_upload_folder
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse

from assistant.store import DB_FILE

DATABASE_FILES = (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}-journal")
FILE_ROUTE_MARKS = ("/file=", "/file/")  # Gradio's file route and its deprecated spelling
NOT_SERVED = "This file is not served: the studio's files reach the browser only through the chat and the Works tab."
NO_UPLOADS = "This studio takes no uploads."
CACHE_SWEEP = (3600, 24 * 3600)  # every hour, Gradio deletes cached copies older than a day


def _inside(path: str, folder: str) -> bool:
    """Whether path lies in folder, as written or with its links followed."""
    for norm in (os.path.abspath, os.path.realpath):
        p, f = norm(path), norm(folder)
        if os.path.commonpath([p, f]) == f:
            return True
    return False


def allowed_paths_for(sessions_root: str) -> list[str]:
    """[] when Gradio takes the session files without being told, else [sessions_root] (so it may copy them)."""
    if any(_inside(sessions_root, folder) for folder in (os.getcwd(), tempfile.gettempdir())):
        return []
    return [sessions_root]


def blocked_paths_for(sessions_root: str) -> list[str]:
    """The sessions database and its journal files: Gradio neither copies nor serves them."""
    return [os.path.join(os.path.abspath(sessions_root), name) for name in DATABASE_FILES]


def requested_file(path: str) -> str | None:
    """The file path a request to Gradio's file route asks for, or None for any other route."""
    for mark in FILE_ROUTE_MARKS:
        if mark in path:
            return unquote(path.split(mark, 1)[1])
    return None


def refusal(method: str, path: str, sessions_root: str) -> tuple[int, str] | None:
    """(status, sentence) for a request the studio refuses, or None for one Gradio may answer."""
    if method == "POST" and path.rstrip("/").endswith("/upload"):
        return 403, NO_UPLOADS
    asked = requested_file(path)
    if asked is not None and not asked.startswith(("http://", "https://")) and _inside(asked, sessions_root):
        return 403, NOT_SERVED
    return None


class SessionFolderGuard:
    """ASGI middleware in front of Gradio's routes: refuses file requests into the sessions folder, and uploads."""

    def __init__(self, app, sessions_root: str):
        self.app = app
        self.sessions_root = os.path.abspath(sessions_root)

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            refused = refusal(scope.get("method", "GET"), scope.get("path", ""), self.sessions_root)
            if refused is not None:
                status, sentence = refused
                await PlainTextResponse(sentence, status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def cached_copy_folder(path: str) -> str:
    """Where Gradio keeps its copy of a file it served: its cache folder, then a hash of the file's content."""
    return os.path.join(get_upload_folder(), hash_file(path))


def forget_cached_copies(folder: str) -> int:
    """Remove Gradio's cached copies of every file under folder (before the folder itself goes); how many."""
    removed = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            try:
                copy = cached_copy_folder(os.path.join(parent, name))
            except OSError:
                continue
            if os.path.isdir(copy):
                shutil.rmtree(copy, ignore_errors=True)
                removed += 1
    return removed


def file_options(sessions_root: str) -> dict:
    """The keyword arguments of `Blocks.launch` that decide which files are served (`ui.app.launch_options`)."""
    return {
        "allowed_paths": allowed_paths_for(sessions_root),
        "blocked_paths": blocked_paths_for(sessions_root),
    }


def file_middleware(sessions_root: str) -> Middleware:
    return Middleware(SessionFolderGuard, sessions_root=os.path.abspath(sessions_root))
