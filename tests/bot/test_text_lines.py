"""A text-only line (Shout) is offered as a text, never as a call: on its card and when asked for its number."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from trackers import tracker

from actions.answer import answer_about_shown
from bot import replies
from bot.directory_client import DirectoryClient, RecommendationQuery


@pytest.fixture()
def client(directory_url: str) -> DirectoryClient:
    return DirectoryClient(directory_url)


def crisis_items(client: DirectoryClient) -> dict[str, dict[str, Any]]:
    query = RecommendationQuery(interests=("crisis_support",), limit=50, related_nearby=False, mix=False)
    recs = asyncio.run(client.recommendations(query))
    return {str(item["name"]): item for item in recs.items}


def asked(client: DirectoryClient, shown: dict[str, Any], text: str) -> str:
    dispatcher = CollectingDispatcher()
    state = tracker(text=text, intent="ask_about_service", slots={"last_shown_ids": [shown["id"]]})
    assert asyncio.run(answer_about_shown(dispatcher, client, state, "phone"))
    [message] = dispatcher.messages
    return str(message["text"])


def test_shouts_card_is_a_text_and_never_a_call(client: DirectoryClient) -> None:
    card = replies.services_payload([crisis_items(client)["Shout"]])["services"][0]
    assert set(card) == set(replies.SERVICE_FIELDS)
    assert card["phone"] is None
    assert (card["text"], card["sms"]) == ("Text SHOUT to 85258", "85258")
    assert "by text" in card["reason"] and "phone" not in card["reason"]


def test_a_line_you_can_call_keeps_its_number(client: DirectoryClient) -> None:
    card = replies.services_payload([crisis_items(client)["Samaritans"]])["services"][0]
    assert card["phone"] == "116 123" and card["text"] is None and card["sms"] is None


def test_asked_for_shouts_number_it_says_text(client: DirectoryClient) -> None:
    answer = asked(client, crisis_items(client)["Shout"], "what's their number")
    assert "Text SHOUT to 85258" in answer
    assert "call" not in answer.lower().replace("not calls", ""), answer


def test_asked_for_a_helplines_number_it_says_call(client: DirectoryClient) -> None:
    answer = asked(client, crisis_items(client)["Samaritans"], "what's their number")
    assert answer == "You can call Samaritans on 116 123."


def test_the_facts_follow_the_record_not_the_first_phone() -> None:
    record = {
        "name": "A text line",
        "phones": [{"number": "85258", "type": "text", "description": "Text HELLO to 85258"}],
        "service_at_locations": [{"location": {"location_type": "virtual", "name": "Text message"}}],
    }
    assert replies.service_fact(record, "phone") == "A text line takes texts, not calls: Text HELLO to 85258."
    # Asked how much it costs, it points to the one way in: a text, in the record's words.
    assert "text HELLO to 85258" in replies.service_fact(record, "cost")
    # A virtual location with no URL is no place online: it is not called one.
    assert "online" not in replies.service_fact(record, "place")
