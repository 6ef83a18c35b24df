"""How many torch threads text generation uses on a shared machine: retuned while it runs, from what the
other processes take of the cores.

A second intra-op thread helps only while no other process wants a core. In blind test 7 on our 2 shared cores
a couplet took 4.4 s wall (8.4 s CPU) on 2 threads at load 0.5, but haiku took 16-24 s (15-20 s CPU) on 2
threads at load 2.8-3.8, where each thread's barrier spins while the other waits for a core; free verse on one
thread at load 3.4 took 6.4 s. The 1-minute load average reacts slowly and counts our own threads, so the cores
the others used are read from /proc/stat less this process's own time (/proc/self/stat), every `RETUNE_S`
seconds of sampling; generation starts on one thread until the first look.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager

import torch

RETUNE_S = 0.3  # seconds between looks (a decoding step of Qwen 0.5B is 0.06-0.15 s)
OTHERS_BUSY = 0.4  # cores other processes used, above which a second thread would wait for one
BUSY_LOAD = 1.5  # without /proc: load average per core above which one thread is used
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_ticks() -> tuple[int, int] | None:
    """(busy clock ticks of the whole machine, ticks of this process), or None where /proc cannot be read."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            machine = [int(x) for x in f.readline().split()[1:9]]
        with open("/proc/self/stat", encoding="ascii") as f:
            own = f.read().rsplit(")", 1)[1].split()
        return sum(machine) - machine[3] - machine[4], int(own[11]) + int(own[12])  # less idle, iowait
    except (OSError, ValueError, IndexError):
        return None


def others_cores(before: tuple[int, int], after: tuple[int, int], seconds: float) -> float:
    """Cores other processes used between two `cpu_ticks` readings `seconds` apart."""
    return ((after[0] - before[0]) - (after[1] - before[1])) / (TICKS * max(seconds, 1e-6))


class ThreadGovernor:
    """One thread to start with, then up to `most` while the others leave the cores free (`tick` each step)."""

    def __init__(self, most: int):
        self.most = most
        self.at, self.ticks = time.monotonic(), cpu_ticks()
        if self.ticks is None:  # no /proc: the load average decides once
            busy = os.getloadavg()[0] > BUSY_LOAD * (os.cpu_count() or 1)
            torch.set_num_threads(1 if busy else most)
        elif most > 1:
            torch.set_num_threads(1)

    def tick(self) -> None:
        now = time.monotonic()
        if self.ticks is None or self.most == 1 or now - self.at < RETUNE_S:
            return
        ticks = cpu_ticks()
        if ticks is None:
            return
        want = self.most if others_cores(self.ticks, ticks, now - self.at) < OTHERS_BUSY else 1
        if torch.get_num_threads() != want:
            torch.set_num_threads(want)
        self.at, self.ticks = now, ticks


_governor: ThreadGovernor | None = None


@contextmanager
def threads_for_load():
    """Sampling inside runs on one torch thread while other processes hold a core, on all of torch's own
    while the cores are free (looked at again at each `retune_threads`)."""
    global _governor
    before = torch.get_num_threads()
    _governor = ThreadGovernor(before)
    try:
        yield
    finally:
        _governor = None
        torch.set_num_threads(before)


def retune_threads() -> None:
    """Called at each decoding step: lets the running governor look at the cores again."""
    if _governor is not None:
        _governor.tick()
