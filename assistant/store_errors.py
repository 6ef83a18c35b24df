"""The sessions database's failures as sentences: a full disk, a damaged file, a busy database.

SQLite says "database or disk is full" when a write finds no room, "disk I/O error" when it cannot even grow its
shared-memory file, and "file is not a database" or "database disk image is malformed" for a damaged file. The
person sees one sentence for each, in the chat or as the page's notice, never a bare "Error".
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3

from tools.protocol import ToolError

DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
LOW_SPACE_BYTES = 1 << 20  # below this, an I/O error is taken for a full disk
DISK_FULL = "The disk is full: nothing new can be saved until there is room again (your work so far is kept)."
DAMAGED_WORDS = ("not a database", "malformed", "encrypted", "corrupt")


class StorageError(ToolError):
    """The sessions database could not be written or read; the message is a sentence for the person."""


def damaged_sentence(path: str, detail: str) -> str:
    return (
        f"The sessions database {path} is damaged ({detail}); saved sessions cannot be opened. Restore a copy of "
        "it, or move it away to start with an empty one (its resume keys then stop working)."
    )


def storage_error(err: sqlite3.Error, path: str) -> StorageError:
    """The sentence for a database error on the file at path."""
    detail = str(err)
    if "full" in detail or ("disk I/O" in detail and free_bytes(path) < LOW_SPACE_BYTES):
        return StorageError(DISK_FULL)
    if any(word in detail for word in DAMAGED_WORDS):
        return StorageError(damaged_sentence(path, detail))
    if "locked" in detail or "busy" in detail:
        return StorageError("The sessions database is busy; please try again in a moment.")
    return StorageError(f"The sessions database could not be used ({detail}); your work so far is kept.")


def free_bytes(path: str) -> int:
    """Free space on the disk that holds path (its folder if it does not exist yet)."""
    try:
        return shutil.disk_usage(os.path.dirname(os.path.abspath(path))).free
    except OSError:
        return 0


def is_disk_full(err: BaseException) -> bool:
    return isinstance(err, OSError) and err.errno in DISK_FULL_ERRNOS
