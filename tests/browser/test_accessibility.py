"""WCAG 2.2 AA checks: axe-core on every state of the widget, plus what axe cannot see
(reduced motion, 360px screens, 200% zoom)."""

from __future__ import annotations

import json

from .chat import axe_violations, greeted, load, open_chat, say, settle

BLOCKING = {"serious", "critical"}


def _check_axe(page, state: str, artifacts) -> None:
    violations = axe_violations(page)
    (artifacts / f"axe-{state}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert blocking == [], f"axe ({state}): {json.dumps(blocking, indent=2)}"


def test_axe_without_the_bot(desktop, offline_site, artifacts):
    page = desktop.page
    load(page, offline_site)
    _check_axe(page, "closed", artifacts)

    open_chat(page)
    page.locator(".fyp-error").wait_for()
    _check_axe(page, "open-with-error", artifacts)

    page.locator(".fyp-header").get_by_role("button", name="Need help now?").click()
    _check_axe(page, "help-panel", artifacts)


def test_axe_with_cards_and_crisis_panel(desktop, bot_site, artifacts):
    page = desktop.page
    load(page, bot_site)
    greeted(page)
    _check_axe(page, "greeting", artifacts)
    say(page, "I'm 14 from Walton and I like drama")
    page.locator(".fyp-card").first.wait_for()
    _check_axe(page, "cards", artifacts)
    say(page, "i want to kill myself")
    page.locator(".fyp-crisis").wait_for()
    _check_axe(page, "crisis", artifacts)


def test_conversation_is_a_polite_live_log(desktop, offline_site):
    page = desktop.page
    load(page, offline_site)
    open_chat(page)
    log = page.get_by_role("log", name="Conversation")
    assert log.get_attribute("aria-live") == "polite"
    # Each message says who said it, for screen readers (the bubbles alone only show it visually).
    page.get_by_role("textbox", name="Type your message").fill("hello")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.fyp-typing').hidden")
    assert log.locator(".fyp-user .fyp-sr").first.inner_text() == "You said:"


def test_reduced_motion_is_honoured(desktop, offline_site):
    page = desktop.page
    animated = "() => getComputedStyle(document.querySelector('#fyp-panel')).animationName"

    load(page, offline_site)
    open_chat(page)
    assert page.evaluate(animated) != "none", "the panel animates when motion is fine"

    page.emulate_media(reduced_motion="reduce")
    load(page, offline_site)
    open_chat(page)
    assert page.evaluate(animated) == "none"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.fyp-dot')).animationName") == "none"


def _fits(page) -> None:
    settle(page)
    width = page.viewport_size["width"]
    height = page.viewport_size["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    for name in ("Type your message",):
        box = page.get_by_role("textbox", name=name).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height
    for button in ("Send message", "Need help now?", "Quick exit: leave this site quickly", "Close chat"):
        box = page.locator("#fyp-panel").get_by_role("button", name=button).bounding_box()
        assert box, f"{button} is not visible"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{button} is off screen"
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{button} is off screen"


def test_usable_on_a_360px_screen(desktop, offline_site):
    page = desktop.page
    page.set_viewport_size({"width": 360, "height": 640})
    load(page, offline_site)
    open_chat(page)
    page.locator(".fyp-error").wait_for()
    _fits(page)


def test_usable_at_200_percent_zoom(desktop, offline_site):
    page = desktop.page
    # A 1280x800 window at 200% zoom lays out as 640x400 CSS pixels.
    page.set_viewport_size({"width": 640, "height": 400})
    load(page, offline_site)
    open_chat(page)
    page.locator(".fyp-error").wait_for()
    _fits(page)

    page.locator("#fyp-panel").get_by_role("button", name="Need help now?").click()
    last = page.locator("#fyp-help .fyp-contact").last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box["y"] >= 0 and box["y"] < 400, "the help panel scrolls to its last contact"
