"""Sample data stays visibly sample from the directory's record to the bot's card and text (issue #16, point 1)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot import replies
from bot.directory_client import DirectoryClient, RecommendationQuery


@pytest.fixture()
def client(directory_url: str) -> DirectoryClient:
    return DirectoryClient(directory_url)


def found(client: DirectoryClient, **filters: Any) -> list[dict[str, Any]]:
    query = RecommendationQuery(limit=10, related_nearby=False, mix=False, **filters)
    return list(asyncio.run(client.recommendations(query)).items)


def text(items: list[dict[str, Any]]) -> str:
    return replies.recommendations_text(items, [], 14, ["football"], "Walton")


def test_fictional_clubs_come_marked_and_the_text_says_so(client: DirectoryClient) -> None:
    items = found(client, age=14, interests=("football",), near="Walton")
    assert items and all(item["sample"] is True for item in items)
    cards = replies.services_payload(items)["services"]
    assert all(card["sample"] is True for card in cards)
    assert replies.ALL_SAMPLE in text(items)


def test_real_services_are_not_marked(client: DirectoryClient) -> None:
    items = found(client, interests=("crisis_support",))
    names = {item["name"]: item for item in items}
    assert {"Childline", "Samaritans", "Shout"} <= set(names)
    assert not any(item["sample"] for item in items)
    assert replies.ALL_SAMPLE not in text(items)


def test_a_mixed_list_marks_each_card_and_says_nothing_of_all(client: DirectoryClient) -> None:
    sample = found(client, age=14, interests=("football",), near="Walton")[:2]
    real = [item for item in found(client, interests=("crisis_support",)) if item["name"] == "Childline"]
    mixed = sample + real
    assert [card["sample"] for card in replies.services_payload(mixed)["services"]] == [True, True, False]
    assert replies.ALL_SAMPLE not in text(mixed)
