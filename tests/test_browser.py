"""End to end in headless Chromium: the chat request gives audio and a painting inline; "slower" gives melody_2.

Runs in `make test` when Chromium and Playwright's Python package are present (the setup installs Chromium
where apt-get works); skipped with the reason otherwise. The language model is scripted here: this tests
the studio, not the router (evals/routing_report.py measures that).
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# A turn on 2 busy cores can take minutes; a passing wait returns at once, so the limits only guard against a hang.
WAIT_MS = 300_000
SCREENSHOTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "evals", "out", "screenshots")
PLANS = {
    "make a melancholic melody and matching painting": [
        {"name": "compose_melody", "arguments": {"mood": "melancholic", "bars": 4}},
        {"name": "paint", "arguments": {}},
    ],
    "slower": [{"name": "compose_melody", "arguments": {"tempo_scale": 0.8}}],
}

pytestmark = [pytest.mark.browser]


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    return sync_playwright


def serving(tmp_path, plans: dict, pauses: dict | None = None):
    """The scripted studio's base URL (no trailing '/') while it runs."""
    from tests.studio_server import Scripted, served

    with served(Scripted(plans, pauses), str(tmp_path / "sessions")) as url:
        yield url.rstrip("/")


@pytest.fixture
def studio(tmp_path):
    yield from serving(tmp_path, PLANS)


needs_browser = pytest.mark.skipif(
    CHROMIUM is None or _playwright() is None,
    reason="Chromium (make system installs it where apt-get works) or playwright's Python package is not installed",
)


@contextmanager
def opened(url: str):
    """A headless Chromium page on the studio, once its message box is there; the browser closes after."""
    with _playwright()() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url, wait_until="domcontentloaded")
            page.get_by_placeholder("make a melancholic melody and matching painting").wait_for(timeout=WAIT_MS)
            yield page
        finally:
            browser.close()


def send(page, text: str) -> None:
    box = page.get_by_placeholder("make a melancholic melody and matching painting")
    box.fill(text)
    box.press("Enter")


@needs_browser
def test_chat_turn_shows_audio_and_painting_then_refines(studio):
    with opened(studio) as page:
        send(page, "make a melancholic melody and matching painting")
        page.get_by_text("Made painting_1").first.wait_for(timeout=WAIT_MS)  # the turn's reply: its work is made
        chat = page.locator(".bubble-wrap, [role=log]").first
        chat.locator("audio").first.wait_for(state="attached", timeout=WAIT_MS)
        chat.locator("img[src*='painting']").first.wait_for(state="attached", timeout=WAIT_MS)
        duration = chat.locator("audio").first.evaluate(
            "async (a) => { if (a.readyState < 1) { await new Promise((ok, bad) => "
            "{ a.onloadedmetadata = ok; a.onerror = () => bad(new Error('audio failed: ' + a.error?.code)); "
            "a.load(); }); } return a.duration; }"
        )
        assert duration > 1.0
        send(page, "slower")
        page.get_by_text("melody_2 (from melody_1)").first.wait_for(timeout=WAIT_MS)
        os.makedirs(SCREENSHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SCREENSHOTS, "chat.png"), full_page=True)


CROSS_WORK_PLANS = {
    "a melancholic melody and a matching painting": [
        {"name": "compose_melody", "arguments": {"mood": "melancholic", "bars": 4}},
        {"name": "paint", "arguments": {}},
    ],
    "make the painting brighter": [{"name": "paint", "arguments": {"brightness_change": 0.3}}],
    "slower": [{"name": "compose_melody", "arguments": {"tempo_scale": 0.8}}],
}
BPM = re.compile(r"melody_(\d)\b[^\n]*? at (\d+) bpm")


@pytest.fixture
def cross_work_studio(tmp_path):
    yield from serving(tmp_path, CROSS_WORK_PLANS)


@needs_browser
def test_a_painting_change_then_slower_keeps_the_melodys_notes_and_slows_it(cross_work_studio):
    """#31: the melody's settings are its own, so 'slower' after a painting change is slower than the melody
    heard, with the same notes."""
    with opened(cross_work_studio) as page:
        send(page, "a melancholic melody and a matching painting")
        page.get_by_text("Made painting_1").first.wait_for(timeout=WAIT_MS)
        send(page, "make the painting brighter")
        page.get_by_text("painting_2 (from painting_1)").first.wait_for(timeout=WAIT_MS)
        send(page, "slower")
        page.get_by_text("melody_2 (from melody_1)").first.wait_for(timeout=WAIT_MS)
        said = page.locator(".bubble-wrap, [role=log]").first.inner_text()
        tempos = {int(n): int(bpm) for n, bpm in BPM.findall(said)}
        assert tempos[2] < tempos[1], said
        assert "same melody" in said.split("melody_2 (from melody_1)")[1], said


@pytest.fixture
def slow_studio(tmp_path):
    yield from serving(tmp_path, PLANS, pauses={"melancholic": 6.0})


@needs_browser
def test_a_message_sent_while_a_turn_runs_is_answered_after_it(slow_studio):
    """Typing the next request while the studio is still thinking neither loses it nor has it wiped from the box."""
    with opened(slow_studio) as page:
        send(page, "make a melancholic melody and matching painting")
        page.get_by_text("… thinking").first.wait_for(timeout=WAIT_MS)  # the first turn has begun and is planning
        send(page, "slower")
        page.get_by_text("Made painting_1").first.wait_for(timeout=WAIT_MS)
        page.get_by_text("melody_2 (from melody_1)").first.wait_for(timeout=WAIT_MS)
