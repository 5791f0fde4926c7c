"""Everything by keyboard alone: Tab, Shift+Tab, Enter and Esc, from the top of the page."""

from __future__ import annotations

from .chat import BOT_TIMEOUT_MS, load, wait_for_bot

FOCUSED = """() => {
  const el = document.activeElement;
  return {id: el.id, text: (el.innerText || '').trim(), label: el.getAttribute('aria-label') || '', tag: el.tagName};
}"""


def _tab_to(page, predicate, key: str = "Tab", limit: int = 40) -> dict:
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        if predicate(focused):
            return focused
    raise AssertionError(f"{key} never reached the control (last focus: {page.evaluate(FOCUSED)})")


def test_keyboard_only_help_and_closing(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)

    _tab_to(page, lambda f: f["text"] == "Need help now?")
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "fyp-help-title"
    # Inside help, Tab reaches the first call link.
    focused = _tab_to(page, lambda f: f["tag"] == "A")
    assert focused["text"].startswith("Call 999")
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUSED)["id"] == "fyp-input"
    page.keyboard.press("Escape")
    assert page.evaluate(FOCUSED)["text"] == "Chat with us", "closing the chat returns focus to its launcher"
    assert page.locator("#fyp-panel").is_hidden()


def test_keyboard_only_conversation(desktop, bot_site):
    page = desktop.page
    load(page, bot_site)

    _tab_to(page, lambda f: f["text"] == "Chat with us")
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "fyp-input", "opening the chat puts focus in the message box"
    wait_for_bot(page, 0)

    # Back from the message box to the greeting's quick replies, and pick the first.
    first_chip = page.locator(".fyp-chip").first.inner_text()
    _tab_to(page, lambda f: f["text"] == first_chip, key="Shift+Tab")
    before = page.locator(".fyp-bot").count()
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED)["id"] == "fyp-input"
    wait_for_bot(page, before)

    before = page.locator(".fyp-bot").count()
    page.keyboard.type("I'm 14 from Walton and I like drama")
    page.keyboard.press("Enter")
    wait_for_bot(page, before)
    page.locator(".fyp-card").first.wait_for(timeout=BOT_TIMEOUT_MS)

    # The cards' links are reachable, and the header controls after them in reverse order.
    focused = _tab_to(page, lambda f: f["label"].startswith("Website for "), key="Shift+Tab")
    assert focused["tag"] == "A"
    _tab_to(page, lambda f: f["label"] == "Close chat", key="Shift+Tab", limit=80)
    page.keyboard.press("Enter")
    assert page.locator("#fyp-panel").is_hidden()
    assert page.evaluate(FOCUSED)["text"] == "Chat with us"
