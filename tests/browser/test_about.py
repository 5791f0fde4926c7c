"""'About this chat': in plain words, a bot, what it keeps and for how long, and which listings are
sample data (ICO Children's code; Algorithmic Transparency Recording Standard). It is static, so it
works with the bot down, and axe finds nothing in it."""

from __future__ import annotations

import json

from .chat import axe_violations, crisis_contacts, load, open_chat


def test_about_this_chat_says_what_it_is_and_keeps(desktop, offline_site, artifacts):
    page = desktop.page
    load(page, offline_site)
    open_chat(page)
    button = page.locator("#fyp-panel").get_by_role("button", name="About this chat")
    assert button.get_attribute("aria-expanded") == "false"
    asked = len(desktop.bot_requests)  # opening the chat asks the bot for its greeting
    button.click()

    about = page.get_by_role("dialog", name="About this chat")
    about.wait_for(state="visible")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "fyp-about-title"
    text = about.inner_text()
    for said in ("computer program, not a person", "a day after your last message", "like L4",
                 "phone numbers and email addresses are taken out", "No cookies", "Sample listing",
                 "sample data", str(crisis_contacts()["checked"]), "call 999"):
        assert said in text, f"'About this chat' does not say {said!r}"
    # The conversation behind it cannot be reached until it closes.
    assert page.evaluate("document.querySelector('#fyp-log').inert && document.querySelector('.fyp-form').inert")

    violations = axe_violations(page, "#fyp-about")
    (artifacts / "axe-about.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
    assert violations == [], json.dumps(violations, indent=2)
    # Opening it asked the bot for nothing more.
    assert len(desktop.bot_requests) == asked

    page.keyboard.press("Escape")
    about.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "About this chat"
    assert not page.evaluate("document.querySelector('#fyp-log').inert")

    # "Need help now?" from inside it replaces it.
    button.click()
    about.wait_for(state="visible")
    page.locator(".fyp-header").get_by_role("button", name="Need help now?").click()
    page.get_by_role("dialog", name="Need help now?").wait_for(state="visible")
    assert about.is_hidden() and button.get_attribute("aria-expanded") == "false"
