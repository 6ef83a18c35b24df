"""Load and fault runs against a studio on the loopback interface, through gradio_client as real clients.

    python -m evals.load_report --clients 3 --turns 4

Load: N clients x M chat turns with the embedded models; turn time p50/p95, errors, versions lost, peak memory,
and whether any file address shows the server's sessions path or a session id. Faults (panel calls, no language
model, so they are quick): SIGKILL mid-turn, two writers on one session, a disk that fills up (a per-file size
limit, and a really full 3 MB tmpfs where it can be mounted: `evals/storage_faults.py`), one client flooding the
queue while another works, one address flooding it under rotating session hashes, and a damaged database
(truncated, emptied). Prints tables; writes evals/out/load_report.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid

import numpy as np
from gradio_client import Client

from assistant.orchestrators.local_lm import CHAT_BASE
from assistant.session import Session
from assistant.store import DB_FILE
from evals.common import print_table, write_json
from evals.local_studio import LocalStudio
from evals.studio_calls import PANEL, file_urls, panel, problems, resume_key, resumed, version_ids

TURNS = [
    "make a melancholic melody and matching painting",
    "slower",
    "more blue",
    "make it longer",
    "write a short poem about it",
    "a joyful one now, in D major",
]


# -- load --------------------------------------------------------------------------------------
def one_client(url: str, turns: int, record: dict) -> None:
    client = Client(url, download_files=False, verbose=False)
    for message in (TURNS * 2)[:turns]:
        t0 = time.perf_counter()
        try:
            outputs = client.predict(message, [], api_name="/on_message")
        except Exception as err:  # an error the client saw: counted, the run goes on
            record["errors"].append(f"{type(err).__name__}: {err}")
            continue
        record["times"].append(time.perf_counter() - t0)
        record["problems"] += problems(outputs)[-1:]
        record["urls"] += file_urls(outputs)
        record["key"] = resume_key(outputs) or record.get("key")
        record["seen"] = version_ids(outputs)


def versions_lost(root: str, records: list[dict]) -> int:
    """Versions a client was shown that the store no longer has (or whose files are gone)."""
    lost = 0
    for record in records:
        if not record.get("key"):
            lost += len(record.get("seen", []))
            continue
        session = Session.resume(record["key"], root)
        for vid in record.get("seen", []):
            version = session.versions.get(vid)
            ok = version is not None and all(os.path.exists(p) for p in session.absolute_files(version).values())
            lost += not ok
    return lost


def load_run(clients: int, turns: int, lm: str) -> dict:
    root = tempfile.mkdtemp(prefix="artchat-load-")
    studio = LocalStudio(root, lm=lm).start()
    try:
        Client(studio.url, verbose=False).predict("hello", [], api_name="/on_message")  # warm, as after launch
        records = [{"times": [], "errors": [], "problems": [], "urls": [], "seen": []} for _ in range(clients)]
        threads = [threading.Thread(target=one_client, args=(studio.url, turns, r)) for r in records]
        t0 = time.perf_counter()
        [t.start() for t in threads]
        [t.join() for t in threads]
        wall = time.perf_counter() - t0
        memory = studio.peak_memory_mb()
    finally:
        studio.stop()
    times = [t for r in records for t in r["times"]]
    urls = [u for r in records for u in r["urls"]]
    ids = [r["key"].split("-")[0] for r in records if r.get("key")]
    return {
        "clients": clients,
        "turns_each": turns,
        "lm": lm,
        "turns_done": len(times),
        "p50_s": float(np.percentile(times, 50)) if times else None,
        "p95_s": float(np.percentile(times, 95)) if times else None,
        "wall_s": wall,
        "errors": [e for r in records for e in r["errors"]],
        "problem_messages": [p for r in records for p in r["problems"]],
        "versions_seen": sum(len(r["seen"]) for r in records),
        "versions_lost": versions_lost(root, records),
        "peak_memory_mb": memory,
        "file_urls": len(urls),
        "urls_showing_server_paths": sum(root in u for u in urls),
        "urls_showing_session_ids": sum(any(i in u for i in ids) for u in urls),
        "example_url": urls[0] if urls else None,
    }


def first_requests(lm: str, repeats: int = 3) -> list[dict]:
    """Each kind's first request after launch (once warm-up is done) against its warm median."""
    root = tempfile.mkdtemp(prefix="artchat-first-")
    studio = LocalStudio(root, lm=lm).start()
    rows = []
    try:
        warm_up_s = studio.wait_for_log("warm-up done")
        client = Client(studio.url, verbose=False)
        kinds = [("painting", "/panel_paint_variation"), ("melody", "/panel_compose_melody_variation")]
        if lm != "none":
            kinds.append(("poem", "/panel_write_poem"))
        for kind, api in kinds:
            times = []
            for _ in range(1 + repeats):
                t0 = time.perf_counter()
                client.predict([], *PANEL, api_name=api)
                times.append(time.perf_counter() - t0)
            warm = float(np.median(times[1:]))
            rows.append({"kind": kind, "first_s": times[0], "warm_median_s": warm, "ratio": times[0] / warm,
                         "warm_up_s": warm_up_s})
    finally:
        studio.stop()
    return rows


# -- faults ------------------------------------------------------------------------------------
def integrity(root: str) -> str:
    with sqlite3.connect(f"{root}/{DB_FILE}") as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def fault_sigkill(root: str) -> dict:
    """Kill the studio while it composes; restart; what the person had before is all there."""
    studio = LocalStudio(root, lm="none").start()
    client = Client(studio.url, verbose=False)
    panel(client)
    out = panel(client, "/panel_paint_variation")
    key, before = resume_key(out), version_ids(out)
    client.submit([], *PANEL[:9], 64, PANEL[10], api_name="/panel_compose_melody")  # 64 bars: seconds
    time.sleep(0.8)
    studio.kill()
    studio = LocalStudio(root, lm="none").start()
    try:
        client = Client(studio.url, verbose=False)
        after = version_ids(client.predict(key, [], api_name="/resume"))
        again = version_ids(panel(client))
    finally:
        studio.stop()
    return {
        "fault": "SIGKILL mid-turn, restart, resume",
        "before": before,
        "after_restart": after,
        "lost": len(set(before) - set(after)),
        "next_version_after_restart": sorted(set(again) - set(after)),
        "integrity": integrity(root),
    }


def fault_two_writers(root: str) -> dict:
    """Two clients (two tabs) on one session make versions at the same moment."""
    studio = LocalStudio(root, lm="none").start()
    try:
        key = resume_key(panel(Client(studio.url, verbose=False)))
        tabs = [resumed(studio.url, key) for _ in range(2)]
        jobs = [tab.submit([], *PANEL, api_name="/panel_paint_variation") for tab in tabs for _ in range(3)]
        for job in jobs:
            job.result(timeout=300)
        seen = version_ids(panel(tabs[0], "/panel_paint_variation"))
    finally:
        studio.stop()
    session = Session.resume(key, root)
    images = [session.absolute_files(v)["image"] for v in session.of_kind("painting")]
    return {
        "fault": "two clients on one session, 3 new paintings each at once",
        "versions": len(session.of_kind("painting")),
        "expected": 1 + 6 + 1,
        "distinct_files": len(set(images)),
        "distinct_seeds": len({v.seed for v in session.of_kind("painting")}),
        "tab_sees_all": len(seen),
        "integrity": integrity(root),
    }


def fault_disk_full(root: str) -> dict:
    """A disk that fills up: files over 150 kB cannot be written. The person gets a sentence; nothing is lost."""
    studio = LocalStudio(root, lm="none").start()
    try:
        key = resume_key(panel(Client(studio.url, verbose=False)))
    finally:
        studio.stop()
    studio = LocalStudio(root, lm="none", file_size_limit=150_000).start()
    try:
        client = resumed(studio.url, key)
        try:
            out = panel(client, "/panel_compose_melody", bars=64)
            said = problems(out)[-1:] or ["(no problem reported)"]
        except Exception as err:
            said = [f"client error {type(err).__name__}: {err}"]
        alive = studio.process.poll() is None
    finally:
        studio.stop()
    studio = LocalStudio(root, lm="none").start()
    try:
        after = version_ids(panel(resumed(studio.url, key)))
    finally:
        studio.stop()
    return {
        "fault": "files over 150 kB fail to write (disk full), then space comes back",
        "message": said[0],
        "studio_alive": alive,
        "versions_after": after,
        "lost": int("painting_1" not in after),
        "integrity": integrity(root),
    }


def fault_flood(root: str, jobs: int = 12) -> dict:
    """One client joins many jobs at once; another client's single request meanwhile."""
    studio = LocalStudio(root, lm="none").start()
    try:
        flood_client, other = Client(studio.url, verbose=False), Client(studio.url, verbose=False)
        flood = [flood_client.submit([], *PANEL, api_name="/panel_paint_variation") for _ in range(jobs)]
        time.sleep(0.5)
        t0 = time.perf_counter()
        try:
            panel(other)
            other_said = "served"
        except Exception as err:  # on one address the flood's 6 queued jobs refuse it with a sentence (429)
            other_said = f"{type(err).__name__}: {str(err)[:120]}"
        other_wait = time.perf_counter() - t0
        outputs = [_result(job) for job in flood]
    finally:
        studio.stop()
    at_join = sum(o is None for o in outputs)
    refused = sum(o is not None and any("requests waiting" in p for p in problems(o)) for o in outputs)
    return {
        "fault": f"one client joins {jobs} paintings at once",
        "ran": jobs - refused - at_join,
        "refused_at_join": at_join,
        "refused_at_start": refused,
        "other_client": other_said,
        "other_client_s": other_wait,
    }


def _result(job):
    """A job's outputs, or None when the studio refused to queue it."""
    try:
        return job.result(timeout=600)
    except Exception:
        return None


def _join(url: str, fn_index: int, data: list, session_hash: str, forwarded_for: str | None = None) -> int:
    """A raw join of the queue, as a script would send it (no event stream read afterwards); the HTTP status.
    forwarded_for: the address a proxy on the studio's machine (the share tunnel) says the request came from."""
    body = json.dumps({"data": data, "fn_index": fn_index, "session_hash": session_hash}).encode()
    headers = {"Content-Type": "application/json", **({"X-Forwarded-For": forwarded_for} if forwarded_for else {})}
    request = urllib.request.Request(f"{url}gradio_api/queue/join", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def _done_versions(root: str) -> int:
    with sqlite3.connect(f"{root}/{DB_FILE}") as db:
        return db.execute("SELECT COUNT(*) FROM versions WHERE state = 'done'").fetchone()[0]


def fault_rotating_hashes(root: str, jobs: int = 34) -> dict:
    """One address joins many paintings, each under a new session hash, and never reads them; then a person at
    another address, and one at the same address, ask for a painting. Their waits, and how many abandoned jobs ran."""
    studio = LocalStudio(root, lm="none").start()
    try:
        config = json.load(urllib.request.urlopen(f"{studio.url}config", timeout=30))
        fn = next(d["id"] for d in config["dependencies"] if d.get("api_name") == "panel_paint_variation")
        data = [[], None, *PANEL, False]

        def ask(address: str, made_before: int) -> tuple[int, float]:
            """(status, seconds until this painting, queued after whatever is queued, is made)."""
            t0 = time.perf_counter()
            status = _join(studio.url, fn, data, uuid.uuid4().hex, address)
            while status == 200 and _done_versions(root) < made_before + 1:
                time.sleep(0.2)
            return status, round(time.perf_counter() - t0, 1)

        ask("203.0.113.9", 0)  # the first painting also loads the painter
        alone = ask("203.0.113.9", 1)
        statuses = [_join(studio.url, fn, data, uuid.uuid4().hex, "198.51.100.7") for _ in range(jobs)]
        same = ask("198.51.100.7", 2 + statuses.count(200))  # the flooding address, at once
        other = ask("203.0.113.9", 2 + statuses.count(200) + (same[0] == 200))
        made = _done_versions(root) - 2 - (other[0] == 200) - (same[0] == 200)
    finally:
        studio.stop()
    return {
        "fault": f"one address joins {jobs} paintings with a new session hash each, reads none",
        "joined": statuses.count(200),
        "refused_at_join": sum(s != 200 for s in statuses),
        "painting_alone_s": alone[1],
        "person_other_address_status_s": other,
        "person_same_address_status_s": same,
        "abandoned_jobs_that_ran": made,
    }


def _safely(case):
    """A fault case's result, or what stopped the run itself (a client timing out on a loaded machine)."""
    try:
        return case(tempfile.mkdtemp(prefix="artchat-fault-"))
    except Exception as err:
        return {"fault": case.__name__, "run_failed": f"{type(err).__name__}: {str(err)[:200]}"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--turns", type=int, default=4)
    parser.add_argument("--lm", default=CHAT_BASE)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--faults", default="", help="comma-separated fault functions to run (default: all)")
    args = parser.parse_args(argv)
    report: dict = {}
    if not args.skip_load:
        report["load"] = load = load_run(args.clients, args.turns, args.lm)
        print_table(
            "Load (loopback, real clients)",
            ["clients x turns", "done", "p50 s", "p95 s", "errors", "problems", "lost", "peak MB", "path/id in URL"],
            [[f"{args.clients} x {args.turns}", load["turns_done"], load["p50_s"], load["p95_s"], len(load["errors"]),
              len(load["problem_messages"]), load["versions_lost"], round(load["peak_memory_mb"]),
              f"{load['urls_showing_server_paths']}/{load['urls_showing_session_ids']} of {load['file_urls']}"]],
        )
        report["first_requests"] = first = first_requests(args.lm)
        print_table("First request of each kind after launch (warm-up done) vs its warm median",
                    ["kind", "first s", "warm median s", "ratio"],
                    [[r["kind"], r["first_s"], r["warm_median_s"], r["ratio"]] for r in first])
    from evals.storage_faults import fault_damaged_database, fault_full_disk

    cases = (fault_sigkill, fault_two_writers, fault_disk_full, fault_full_disk, fault_flood, fault_rotating_hashes)
    only = set(args.faults.split(",")) if args.faults else None
    faults = [_safely(f) for f in cases if not only or f.__name__ in only]
    if not only or "fault_damaged_database" in only:
        damaged = _safely(fault_damaged_database)
        faults += damaged if isinstance(damaged, list) else [damaged]
    report["faults"] = faults
    print_table("Faults", ["fault", "outcome"],
                [[f["fault"], ", ".join(f"{k}={v}" for k, v in f.items() if k != "fault")] for f in faults])
    write_json("load_report", report)


if __name__ == "__main__":
    main()
