"""The bot down, or the network failing mid-conversation: a clear message, a retry that works,
and nothing lost or sent twice."""

from __future__ import annotations

from .chat import BOT_TIMEOUT_MS, USER_BUBBLES, greeted, load, open_chat, wait_for_bot

WEBHOOK = "**/webhooks/rest/webhook"


def test_bot_down_gives_a_clear_error_and_a_retry(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)
    open_chat(page)

    error = page.locator(".fyp-error")
    error.wait_for(timeout=BOT_TIMEOUT_MS)
    assert "can't reach the chat" in error.inner_text()
    assert "Need help now?" in error.inner_text(), "the error points to the help that still works"
    assert len(desktop.bot_requests) == 1

    # A message typed while it is down is kept; there is still one error, not a pile of them.
    box = page.get_by_role("textbox", name="Type your message")
    box.fill("hello?")
    box.press("Enter")
    page.wait_for_function("() => document.querySelector('.fyp-typing').hidden")
    page.wait_for_function("() => document.querySelector('#fyp-log').lastElementChild.matches('.fyp-error-row')")
    assert len(desktop.bot_requests) == 2
    assert page.locator(".fyp-error").count() == 1

    page.get_by_role("button", name="Try again").click()
    # Still down: both failed messages were tried again, and again exactly one error with a retry.
    page.wait_for_function(
        "() => document.querySelector('.fyp-typing').hidden && document.querySelectorAll('.fyp-error').length === 1"
    )
    assert len(desktop.bot_requests) == 4
    assert page.get_by_role("button", name="Try again").count() == 1
    assert page.evaluate("document.activeElement.id") == "fyp-input"


def test_network_fails_mid_conversation_then_retry(desktop, bot_site):
    page = desktop.page
    load(page, bot_site)
    greeted(page)

    # The next request hangs, then the network drops it.
    held = []
    page.route(WEBHOOK, lambda route: held.append(route))
    box = page.get_by_role("textbox", name="Type your message")
    message = "I'm 14 from Walton and I like drama"
    box.fill(message)
    box.press("Enter")
    page.wait_for_function("() => !document.querySelector('.fyp-typing').hidden")
    assert page.locator("#fyp-log").get_attribute("aria-busy") == "true", "the typing indicator is showing"
    page.wait_for_timeout(100)
    assert len(held) == 1
    held[0].abort("internetdisconnected")

    error = page.locator(".fyp-error")
    error.wait_for()
    assert page.locator(".fyp-typing").is_hidden()
    assert page.locator("#fyp-log").get_attribute("aria-busy") == "false"

    # The network is back; the retry sends the same message once and the real bot answers it.
    page.unroute(WEBHOOK)
    before = page.locator(".fyp-bot:not(.fyp-error-row)").count()
    with page.expect_request(WEBHOOK) as request:
        page.get_by_role("button", name="Try again").click()
    assert request.value.post_data_json["message"] == message
    wait_for_bot(page, before)
    page.locator(".fyp-card").first.wait_for()
    assert page.locator(".fyp-error").count() == 0
    assert page.locator(f"{USER_BUBBLES} .fyp-bubble").all_inner_texts().count(message) == 1
