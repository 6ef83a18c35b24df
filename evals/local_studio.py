"""A studio process on the loopback interface for the load and fault runs: start, wait, measure, kill."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

from assistant.orchestrators.local_lm import CHAT_BASE


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LocalStudio:
    root: str
    lm: str = CHAT_BASE
    file_size_limit: int | None = None  # bytes per file written (RLIMIT_FSIZE): a disk that fills up
    log_dir: str | None = None  # where the studio's log goes (default: the sessions folder)
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout_s: float = 300) -> LocalStudio:
        self.port = free_port()
        command = [sys.executable, "-u", "-m", "ui.cli", "--port", str(self.port), "--sessions", self.root]
        command += ["--lm", self.lm]
        self.process = subprocess.Popen(
            command,
            stdout=open(self.log_path, "w"),
            stderr=subprocess.STDOUT,
            preexec_fn=self._limits,
        )
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the studio exited with {self.process.returncode}; see {self.root}")
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return self
            except OSError:
                time.sleep(0.5)
        raise TimeoutError("the studio did not answer in time")

    @property
    def log_path(self) -> str:
        return os.path.join(self.log_dir or self.root, f"studio-{self.port}.log")

    def wait_for_log(self, text: str, timeout_s: float = 300) -> float:
        """Seconds until the studio's log holds a line (e.g. 'warm-up done')."""
        t0 = time.time()
        while time.time() - t0 < timeout_s:
            with open(self.log_path) as f:
                if text in f.read():
                    return time.time() - t0
            time.sleep(0.5)
        raise TimeoutError(f"{text!r} did not appear in {self.log_path}")

    def _limits(self) -> None:
        if self.file_size_limit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (self.file_size_limit, self.file_size_limit))

    def peak_memory_mb(self) -> float:
        """The studio process's peak resident memory (VmHWM)."""
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def kill(self) -> None:
        """SIGKILL: no clean-up, as when the machine loses power or the process is OOM-killed."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
