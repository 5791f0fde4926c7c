"""A service card offers only the ways its record gives: a text-only line is an sms: link, never tel:."""

from __future__ import annotations

import json

import httpx

from .chat import load, open_chat

WEBHOOK = "**/webhooks/rest/webhook"


def _recommended(directory_url: str, name: str) -> dict:
    body = httpx.get(
        directory_url + "/recommendations", params={"interests": "crisis_support", "limit": 50}, timeout=10
    ).json()
    return next(item for item in body["items"] if item["name"] == name)


def _show_cards(page, site: str, services: list[dict]) -> None:
    """The widget opened on a bot that answers with these cards (the directory's own items)."""
    reply = [{"text": "Here's what I found", "custom": {"type": "services", "services": services}}]
    body = json.dumps(reply)
    page.route(WEBHOOK, lambda route: route.fulfill(status=200, content_type="application/json", body=body))
    load(page, site)
    open_chat(page)
    page.locator(".fyp-card").first.wait_for()


def test_a_text_only_line_is_an_sms_link_and_never_a_call(desktop, offline_site, live):
    shout = _recommended(live.directory.url, "Shout")
    assert shout["phone"] is None and shout["sms"] == "85258", shout
    page = desktop.page
    _show_cards(page, offline_site, [shout])

    card = page.locator(".fyp-card", has=page.get_by_role("heading", name="Shout", exact=True))
    link = card.get_by_role("link", name="Text SHOUT to 85258")
    assert link.get_attribute("href") == "sms:85258"
    assert card.locator("a[href^='tel:']").count() == 0
    assert "Call" not in card.inner_text()


def test_a_line_you_can_call_is_still_a_tel_link(desktop, offline_site, live):
    samaritans = _recommended(live.directory.url, "Samaritans")
    page = desktop.page
    _show_cards(page, offline_site, [samaritans])

    card = page.locator(".fyp-card", has=page.get_by_role("heading", name="Samaritans", exact=True))
    assert card.locator("a[href^='tel:']").get_attribute("href") == "tel:116123"
    assert card.locator("a[href^='sms:']").count() == 0
