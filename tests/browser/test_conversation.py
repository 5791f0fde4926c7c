"""Whole conversations with the real bot: quick replies, service cards, the crisis panel, a phone."""

from __future__ import annotations

import re

from .chat import (
    BOT_BUBBLES,
    BOT_TIMEOUT_MS,
    USER_BUBBLES,
    crisis_contacts,
    greeted,
    load,
    tel,
    wait_for_bot,
)

WEBHOOK = "**/webhooks/rest/webhook"


def _say_and_capture(page, text: str) -> list[dict]:
    """Send `text` and return the bot's raw REST reply, so the test can compare it with the screen."""
    before = page.locator(BOT_BUBBLES).count()
    box = page.get_by_role("textbox", name="Type your message")
    box.fill(text)
    with page.expect_response(WEBHOOK, timeout=BOT_TIMEOUT_MS) as response:
        box.press("Enter")
    wait_for_bot(page, before)
    return response.value.json()


def _payload(replies: list[dict], kind: str) -> dict:
    found = [r["custom"] for r in replies if isinstance(r.get("custom"), dict) and r["custom"].get("type") == kind]
    assert found, f"the bot sent no {kind} payload: {replies}"
    return found[-1]


def _assert_cards_match(page, services: list[dict]) -> None:
    cards = page.locator(".fyp-card")
    assert cards.count() == len(services)
    for card, service in zip(cards.all(), services, strict=True):
        assert card.get_by_role("heading").inner_text() == service["name"]
        text = card.inner_text()
        assert service["reason"] in text
        if service.get("distance_km") is not None:
            assert f"{service['distance_km']:g} km away" in text
        if service.get("minimum_age") is not None and service.get("maximum_age") is not None:
            assert f"Ages {service['minimum_age']:g}–{service['maximum_age']:g}" in text
        assert (card.locator(".fyp-badge").count() == 1) is (service.get("free") is True)
        assert (card.locator(".fyp-related").count() == 1) is (service.get("related") is True)
        # Sample data says so on its card, in words a screen reader reads out after the name.
        assert ("Sample listing" in text) is (service.get("sample") is True)
        for field in ("schedule", "address"):
            if service.get(field):
                assert service[field] in text
        if service.get("phone") and re.fullmatch(r"\+?\d{3,15}", tel(service["phone"])[4:]):
            assert card.get_by_role("link", name=re.compile("^Call ")).get_attribute("href") == tel(service["phone"])
        elif service.get("phone"):
            assert service["phone"] in text and card.get_by_role("link", name=re.compile("^Call ")).count() == 0
        if service.get("url", "").startswith(("http://", "https://")):
            website = card.get_by_role("link", name=re.compile("^Website for "))
            assert website.get_attribute("href") == service["url"]
            assert website.get_attribute("target") == "_blank"
            assert "noopener" in website.get_attribute("rel")


def test_conversation_with_quick_replies_ends_in_service_cards(desktop, bot_site):
    page = desktop.page
    load(page, bot_site)
    greeted(page)

    chips = page.get_by_role("group", name="Suggested replies").get_by_role("button")
    assert chips.count() >= 2, "the greeting offers quick replies"
    first = chips.first.inner_text()
    before = page.locator(BOT_BUBBLES).count()
    chips.first.click()
    # The chip's title is shown as what the user said; the old chips go; the bot answers.
    assert page.locator(USER_BUBBLES).last.inner_text().endswith(first)
    wait_for_bot(page, before)
    assert page.get_by_role("group", name="Suggested replies").count() <= 1
    assert page.evaluate("document.activeElement.id") == "fyp-input", "focus stays in the chat after a chip"

    replies = _say_and_capture(page, "I'm 14 from Walton and I like drama")

    services = _payload(replies, "services")["services"]
    assert services, "the bot found nothing for drama near Walton"
    _assert_cards_match(page, services)
    assert page.locator(".fyp-cards").get_attribute("aria-label") == f"{len(services)} places to try"
    # No cookies, ever; the only thing kept is a random sender id for this tab.
    assert page.context.cookies() == []
    assert page.evaluate("Object.keys(sessionStorage)") == ["fyp-sender"]
    assert page.evaluate("localStorage.length") == 0


def test_crisis_message_mid_form_shows_the_crisis_panel(desktop, bot_site):
    page = desktop.page
    load(page, bot_site)
    greeted(page)
    _say_and_capture(page, "i want to find something to do, im 13")

    replies = _say_and_capture(page, "actually i dont want to be here anymore i want to kill myself")

    payload = _payload(replies, "crisis")
    panel = page.get_by_role("group", name="People you can talk to now")
    panel.wait_for(state="visible")
    checked = {c["phone"] for c in crisis_contacts()["contacts"] if "phone" in c}
    shown = panel.locator("a[href^='tel:']").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert shown == [tel(c["phone"]) for c in payload["contacts"] if c.get("phone")]
    assert {tel(p) for p in checked} >= set(shown), "a number on the crisis panel is not a checked number"
    for contact in payload["contacts"]:
        assert panel.get_by_role("heading", name=contact["name"], exact=True).is_visible()
    # Help stays one tap away afterwards too.
    assert page.locator(".fyp-header").get_by_role("button", name="Need help now?").is_visible()


def test_phone_conversation(phone, bot_site, artifacts):
    page = phone.page
    load(page, bot_site)
    greeted(page)
    replies = _say_and_capture(page, "im 15 and into football, i live in Walton")
    services = _payload(replies, "services")["services"]
    _assert_cards_match(page, services)
    page.locator(".fyp-card").first.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "phone-conversation.png"))

    # The chat fills the phone screen and nothing spills sideways.
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    panel = page.locator("#fyp-panel").bounding_box()
    assert panel["x"] == 0 and panel["width"] == width
    assert page.evaluate(
        "(() => { const l = document.querySelector('#fyp-log'); return l.scrollWidth <= l.clientWidth; })()"
    )
    # Touch targets are at least 44px tall.
    heights = page.locator(".fyp-card a, .fyp-chip, .fyp-send, .fyp-header button").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 44
