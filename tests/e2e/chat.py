"""Talking to the bot over Rasa's REST channel, and reading its replies."""

from __future__ import annotations

import re
import secrets
from typing import Any

import httpx


class Chat:
    """One person talking to the bot over the REST channel."""

    def __init__(self, rasa_url: str) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.sender = "e2e-" + secrets.token_hex(6)
        self.said: list[str] = []

    def say(self, text: str) -> list[dict[str, Any]]:
        self.said.append(text)
        response = httpx.post(self.url, json={"sender": self.sender, "message": text}, timeout=60.0)
        response.raise_for_status()
        return response.json()


# --- reading replies -----------------------------------------------------------


def texts(replies: list[dict[str, Any]]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


# The form's questions, by meaning: worded for a young person ("What are you into?", "How old are you?"), a
# parent ("What are they into?") or anyone ("What kind of things are you looking for?", "What age should I
# look for?").
INTERESTS_QUESTION = re.compile(r"\bwhat are (?:you|they) into\b|\bwhat kind of things\b", re.I)
AGE_QUESTION = re.compile(r"\bhow old\b|\bwhat age\b", re.I)


def asks_interests(replies: list[dict[str, Any]]) -> bool:
    return bool(INTERESTS_QUESTION.search(texts(replies)))


def asks_age(replies: list[dict[str, Any]]) -> bool:
    return bool(AGE_QUESTION.search(texts(replies)))


def custom(replies: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [r["custom"] for r in replies if isinstance(r.get("custom"), dict) and r["custom"].get("type") == kind]


def buttons(replies: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [b for r in replies for b in r.get("buttons") or []]


def last_services(replies: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The services of the last reply, if it is a services payload."""
    if not replies:
        return None
    last = replies[-1].get("custom")
    if isinstance(last, dict) and last.get("type") == "services":
        return last["services"]
    return None
