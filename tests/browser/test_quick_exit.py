"""Quick exit, by button and by Shift three times: chat cleared, sessionStorage cleared, neutral site,
and no way Back to the chat."""

from __future__ import annotations

import json

from .chat import NEUTRAL_SITE, USER_BUBBLES, load, open_chat

# The Navigation API's navigate event fires the moment the page asks to leave, while it is still the
# old page: what the widget left behind then, and how it navigated, is reported through the console.
REPORT_ON_LEAVE = """() => navigation.addEventListener('navigate', (event) => console.log('LEAVING ' + JSON.stringify({
  how: event.navigationType,
  to: event.destination.url,
  messages: document.querySelectorAll('.fyp-msg').length,
  widget: !!document.getElementById('fyp-root'),
  storage: sessionStorage.length,
  visible: getComputedStyle(document.body).visibility,
})))"""


def _with_a_conversation(page, site: str) -> list[str]:
    reports: list[str] = []
    page.on("console", lambda msg: reports.append(msg.text) if msg.text.startswith("LEAVING ") else None)
    load(page, site)
    page.evaluate("sessionStorage.setItem('host-page-note', 'something private')")
    open_chat(page)
    box = page.get_by_role("textbox", name="Type your message")
    box.fill("i like football")
    box.press("Enter")
    page.locator(USER_BUBBLES).first.wait_for()
    assert page.evaluate("sessionStorage.getItem('fyp-sender')"), "the widget keeps its sender id in sessionStorage"
    page.evaluate(REPORT_ON_LEAVE)
    return reports


def _left_cleanly(page, reports: list[str]) -> None:
    page.wait_for_url(NEUTRAL_SITE)
    assert len(reports) == 1, reports
    assert json.loads(reports[0].removeprefix("LEAVING ")) == {
        "how": "replace",  # location.replace: Back cannot bring the chat page up again
        "to": NEUTRAL_SITE,
        "messages": 0,
        "widget": False,
        "storage": 0,
        "visible": "hidden",
    }


def test_quick_exit_button(desktop, offline_site):
    page = desktop.page
    reports = _with_a_conversation(page, offline_site)
    page.get_by_role("button", name="Quick exit: leave this site quickly").click()
    _left_cleanly(page, reports)


def test_shift_three_times(desktop, offline_site):
    page = desktop.page
    reports = _with_a_conversation(page, offline_site)
    for _ in range(3):
        page.keyboard.press("Shift")
    _left_cleanly(page, reports)


def test_typing_capitals_does_not_exit(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)
    open_chat(page)
    box = page.get_by_role("textbox", name="Type your message")
    box.focus()
    # Three Shift presses within a second, but each holding a capital: ordinary typing, not an exit.
    for word in ("I ", "Am ", "From"):
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{word[0]}")
        page.keyboard.up("Shift")
        page.keyboard.type(word[1:].lower())
    page.wait_for_timeout(300)
    assert page.url.startswith(offline_site)
    assert box.input_value() == "I Am From"
