"""Markup in a typed message or in a directory service's name is shown as text and never runs."""

from __future__ import annotations

from .chat import BOT_TIMEOUT_MS, USER_BUBBLES, greeted, load, open_chat, wait_for_bot
from .stack import XSS_NAME, XSS_SERVICE

PAYLOADS = [
    XSS_NAME,
    "<script>alert(2)</script>",
    '"><svg onload=alert(3)>',
    "<a href=javascript:alert(4)>click</a>",
]


def test_typed_markup_is_echoed_as_text(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)
    open_chat(page)
    box = page.get_by_role("textbox", name="Type your message")
    for text in PAYLOADS:
        box.fill(text)
        box.press("Enter")
    bubbles = page.locator(USER_BUBBLES)
    bubbles.nth(len(PAYLOADS) - 1).wait_for()
    page.wait_for_timeout(300)  # give any injected handler the chance to fire

    assert [b.locator(".fyp-bubble").inner_text() for b in bubbles.all()] == PAYLOADS
    assert page.locator("#fyp-root img, #fyp-root script, #fyp-root a[href^='javascript']").count() == 0
    assert page.locator("#fyp-root svg:not(.fyp-icon)").count() == 0
    assert desktop.dialogs == []


def test_service_name_from_the_directory_is_inert(desktop, bot_site):
    page = desktop.page
    load(page, bot_site)
    greeted(page)
    before = page.locator(".fyp-bot").count()
    box = page.get_by_role("textbox", name="Type your message")
    box.fill("I'm 14 from Anfield and I'm into football")
    with page.expect_response("**/webhooks/rest/webhook", timeout=BOT_TIMEOUT_MS) as response:
        box.press("Enter")
    wait_for_bot(page, before)

    # The markup really came from the directory through the bot...
    names = [s["name"] for r in response.value.json() if r.get("custom") for s in r["custom"].get("services", [])]
    assert XSS_NAME in names, f"the test service was not recommended for football near Anfield: {names}"
    # ...and is on screen as plain text in a card heading, with nothing executed.
    card = page.locator(".fyp-card", has=page.get_by_role("heading", name=XSS_NAME, exact=True))
    assert card.count() == 1
    page.wait_for_timeout(300)
    assert desktop.dialogs == []
    assert page.locator("#fyp-root img, #fyp-root b").count() == 0
    text = card.inner_text()
    address = XSS_SERVICE["service_at_locations"][0]["location"]["addresses"][0]["address_1"]
    assert address in text, "markup in the address is shown as text too"
    # Only http(s), tel and sms become links: a javascript: address and a phone "number" with markup stay text.
    assert XSS_SERVICE["url"] in text
    assert XSS_SERVICE["phones"][0]["number"] in text
    assert card.get_by_role("link").count() == 0
    assert page.locator("#fyp-root a[href]").evaluate_all(
        "links => links.every(a => /^(https?|tel|sms):/.test(a.getAttribute('href')))"
    )
