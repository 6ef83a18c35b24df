"""Session bundles: several downloads at once each get a whole zip, and no zip name carries the session id."""

from __future__ import annotations

import json
import os
import threading
import zipfile

from assistant.bundle import write_bundle
from assistant.session import Session
from assistant.turn import run_call


def test_bundles_made_at_once_are_whole_and_name_no_session_id(tmp_path):
    session = Session.create(str(tmp_path))
    run_call(session, "paint", {"mood": "calm"})
    run_call(session, "compose_melody", {"bars": 2})
    paths: list[str] = []
    threads = [threading.Thread(target=lambda: paths.append(write_bundle(session))) for _ in range(12)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert len(set(paths)) == 12
    for path in paths:
        assert session.id not in os.path.basename(path)
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
            assert json.loads(zf.read("manifest.json"))["current"] == session.heads
            assert len(zf.namelist()) == 1 + sum(len(v.files) for v in session.versions.values())
