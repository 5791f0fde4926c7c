"""Driving the widget the way a person does: by role and label, not by internal structure,
except where a test must look at what was rendered (cards, bubbles)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .stack import ROOT

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"  # where quick exit goes (issue 4)
BOT_TIMEOUT_MS = 30_000
BOT_BUBBLES = "#fyp-log .fyp-bot:not(.fyp-error-row)"
USER_BUBBLES = "#fyp-log .fyp-user"


def crisis_contacts() -> dict:
    return yaml.safe_load((ROOT / "data" / "crisis_contacts.yml").read_text(encoding="utf-8"))


def tel(phone: str) -> str:
    return "tel:" + re.sub(r"[\s().-]", "", phone)


def load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    # The widget stays invisible until its stylesheet arrives; wait for it to be usable.
    page.get_by_role("button", name="Chat with us").wait_for(state="visible")


def open_chat(page) -> None:
    page.get_by_role("button", name="Chat with us").click()
    page.get_by_role("textbox", name="Type your message").wait_for(state="visible")


def bot_count(page) -> int:
    return page.locator(BOT_BUBBLES).count()


def wait_for_bot(page, more_than: int) -> None:
    """Until the bot has said more than `more_than` things and stopped typing."""
    page.wait_for_function(
        """([selector, n]) => document.querySelectorAll(selector).length > n
             && document.querySelector('.fyp-typing').hidden""",
        arg=[BOT_BUBBLES, more_than],
        timeout=BOT_TIMEOUT_MS,
    )


def wait_idle(page) -> None:
    page.wait_for_function("() => document.querySelector('.fyp-typing').hidden", timeout=BOT_TIMEOUT_MS)


def say(page, text: str) -> None:
    """Type and send a message, then wait for the whole reply."""
    before = bot_count(page)
    box = page.get_by_role("textbox", name="Type your message")
    box.fill(text)
    box.press("Enter")
    wait_for_bot(page, before)


def greeted(page) -> None:
    """Open the chat and wait for the bot's greeting."""
    open_chat(page)
    wait_for_bot(page, 0)


def reply_text(page) -> str:
    return page.locator("#fyp-log").inner_text()


def screenshot(page, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    return path


AXE = ROOT / "tests" / "vendor" / "axe" / "axe.min.js"


def settle(page) -> None:
    """Until every entrance animation has finished (the typing dots loop for ever, so they are left).

    Mid-animation a panel sits a few pixels lower and half faded: boxes and colours read then are wrong.
    """
    page.evaluate(
        """() => Promise.all(document.getAnimations()
             .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
             .map(a => a.finished.catch(() => null)))"""
    )


def axe_violations(page, context: str = "body") -> list[dict]:
    """axe-core's WCAG 2.x A/AA violations on the page once it has settled."""
    settle(page)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (context) => {
            const result = await axe.run(document.querySelector(context), {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
              resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary),
            }));
        }""",
        context,
    )
