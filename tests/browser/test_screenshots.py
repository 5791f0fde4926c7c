"""Screenshots of the open widget with service cards, on a desktop and on a phone.

Every run writes them under test-artifacts/browser/screenshots/. To refresh the ones the README
shows (docs/screenshots/), run with UPDATE_SCREENSHOTS=1:

    UPDATE_SCREENSHOTS=1 .venv/bin/python -m pytest tests/browser -k screenshots
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from .chat import greeted, load, say, settle
from .stack import ROOT

QUESTION = "I'm 14 from Walton and I like drama"


def _out_dir(artifacts: Path) -> Path:
    out = ROOT / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else artifacts / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def _cards_in_view(page) -> None:
    greeted(page)
    say(page, QUESTION)
    page.locator(".fyp-card").first.wait_for()
    # Show the end of the bot's message and the first cards, not the greeting.
    page.evaluate(
        """() => {
          const log = document.querySelector('#fyp-log');
          const cards = log.querySelector('.fyp-cards').closest('.fyp-msg');
          log.scrollTop = cards.offsetTop - log.offsetTop - 64;
        }"""
    )
    page.locator("#fyp-input").blur()
    settle(page)


def test_screenshots_of_the_open_widget_with_cards(desktop, phone, bot_site, artifacts):
    out = _out_dir(artifacts)
    for watched, name, size in ((desktop, "widget-desktop.png", (1280, 800)), (phone, "widget-phone.png", (750, 1334))):
        page = watched.page
        load(page, bot_site)
        _cards_in_view(page)
        page.screenshot(path=str(out / name))
        assert _png_size(out / name) == size
        assert page.locator(".fyp-card").first.is_visible()
