"""With the bot down, "Need help now?" still gives every checked crisis contact, from the bundle."""

from __future__ import annotations

from .chat import crisis_contacts, load, open_chat, tel


def test_need_help_now_works_with_the_bot_down(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)

    page.get_by_role("button", name="Need help now?").click()

    help_dialog = page.get_by_role("dialog", name="Need help now?")
    help_dialog.wait_for(state="visible")
    # Focus moves into the panel, to its heading, so a screen reader starts there.
    assert page.evaluate("document.activeElement.id") == "fyp-help-title"

    data = crisis_contacts()
    for contact in data["contacts"]:
        card = help_dialog.locator(".fyp-contact", has=page.get_by_role("heading", name=contact["name"], exact=True))
        assert card.count() == 1, f"{contact['name']} is missing from the help panel"
        if "phone" in contact:
            call = card.get_by_role("link", name=f"Call {contact['phone']} ({contact['name']})", exact=True)
            assert call.get_attribute("href") == tel(contact["phone"])
        if "text" in contact:
            assert contact["text"] in card.inner_text()
        if "url" in contact:
            assert (
                card.get_by_role("link", name=f"Website for {contact['name']}").get_attribute("href") == contact["url"]
            )

    # Every number on the panel is one of the checked numbers, and nothing else.
    hrefs = page.eval_on_selector_all("#fyp-help a[href^='tel:']", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(tel(c["phone"]) for c in data["contacts"] if "phone" in c)

    # Opening help talked to nobody: the bot was never asked.
    assert desktop.bot_requests == []

    # Esc closes it; the chat behind it is there and focus is in it.
    page.keyboard.press("Escape")
    help_dialog.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.id") == "fyp-input"


def test_help_opens_from_inside_the_chat_and_gives_focus_back(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)
    open_chat(page)

    opener = page.locator(".fyp-header").get_by_role("button", name="Need help now?")
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    # While help covers the conversation, the conversation cannot be tabbed into.
    assert page.evaluate("document.querySelector('#fyp-log').inert && document.querySelector('.fyp-form').inert")

    page.get_by_role("button", name="Back to chat").click()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "fyp-help"
    assert opener.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.querySelector('#fyp-log').inert") is False
