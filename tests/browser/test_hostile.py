"""The hostile messages of the REST suite (tests/fuzz/hostile_messages.py), typed into the widget on
the demo page with the real bot behind it: the page stays inert (nothing typed or answered runs,
no dialog, no script error, no new element that could), and usable (a normal message afterwards
still gets service cards)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .chat import BOT_TIMEOUT_MS, USER_BUBBLES, bot_count, greeted, load, wait_for_bot

# Elements that would mean markup from a message or a reply was parsed, not shown.
ACTIVE = "#fyp-root img, #fyp-root script, #fyp-root iframe, #fyp-root object, #fyp-root embed, #fyp-root b"


def _hostile_messages():
    # Shared with tests/e2e; loaded by path so no other folder joins sys.path.
    path = Path(__file__).resolve().parents[1] / "fuzz" / "hostile_messages.py"
    spec = importlib.util.spec_from_file_location("hostile_messages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_messages = _hostile_messages()
HOSTILE, NORMAL = _messages.HOSTILE, _messages.NORMAL


def _send(watched, text: str) -> str:
    """Type and send `text` as a person would; returns what the widget shows and sends (its own
    trim and length cap, computed by the page itself), "" when it sends nothing."""
    page = watched.page
    expected = page.evaluate("t => t.trim().slice(0, 500)", text)
    before_bot, before_requests = bot_count(page), len(watched.bot_requests)
    box = page.get_by_role("textbox", name="Type your message")
    box.fill(text)
    box.press("Enter")
    if not expected:
        page.wait_for_timeout(300)
        assert len(watched.bot_requests) == before_requests, "a blank message was sent"
        return ""
    wait_for_bot(page, before_bot)
    return expected


def test_hostile_messages_leave_the_widget_inert_and_usable(desktop, bot_site):
    page = desktop.page
    load(page, bot_site)
    greeted(page)
    shown = [s for s in (_send(desktop, text) for text in HOSTILE.values()) if s]
    page.wait_for_timeout(300)  # give anything injected the chance to run

    # Every message is on screen exactly as sent: text, not markup.
    bubbles = page.locator(USER_BUBBLES + " .fyp-bubble")
    assert [b.text_content() for b in bubbles.all()] == shown
    assert desktop.dialogs == []
    assert page.locator(ACTIVE).count() == 0
    assert page.locator("#fyp-root svg:not(.fyp-icon)").count() == 0
    assert page.locator("#fyp-root a[href]").evaluate_all(
        "links => links.every(a => /^(https?|tel):/.test(a.getAttribute('href')))"
    )
    # Still usable: the box takes a normal message and the answer comes as cards.
    box = page.get_by_role("textbox", name="Type your message")
    assert box.is_editable()
    before = page.locator(".fyp-card").count()
    box.fill(NORMAL)
    box.press("Enter")
    page.locator(".fyp-card").nth(before).wait_for(timeout=BOT_TIMEOUT_MS)
    assert page.get_by_role("button", name="Need help now?").first.is_visible()
