"""action_note_facts: a question a rule answers keeps who is talking, the age and the area."""

from __future__ import annotations

import asyncio

import httpx
from rasa_sdk.executor import CollectingDispatcher
from trackers import domain, slot_values, tracker

from actions.note_facts import ActionNoteFacts
from bot.directory_client import DirectoryClient


def note(client: DirectoryClient, text: str) -> tuple[dict, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionNoteFacts(client).run(dispatcher, tracker(text=text, intent="ask_what_is"), domain()))
    return slot_values(events), dispatcher


def test_a_parent_asking_what_a_service_is_keeps_the_childs_age(directory_url: str) -> None:
    said = "Do you know anything about Place2Be? My daughter's school mentioned it. She's 10."
    slots, dispatcher = note(DirectoryClient(directory_url), said)
    assert slots == {"speaker": "parent", "age": 10, "age_to": None}
    assert dispatcher.messages == []


def test_a_school_year_and_an_area_are_kept_too(directory_url: str) -> None:
    slots, _ = note(DirectoryClient(directory_url), "what's kooth? im in year 9 and live in walton")
    assert slots["age"] == 13 and slots["age_to"] == 14 and slots["area"] == "Walton"


def test_with_the_directory_down_it_keeps_who_is_talking_and_says_nothing() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    down = DirectoryClient("http://directory.invalid", transport=httpx.MockTransport(refuse))
    slots, dispatcher = note(down, "what is camhs? my son is 12")
    assert slots == {"speaker": "parent"} and dispatcher.messages == []


def test_after_a_check_in_what_they_asked_for_is_kept_too(directory_url: str) -> None:
    said = "My girl is 12 and some girls in her class have been bullying her online. I'm so worried."
    after = [{"event": "action", "name": "utter_crisis"}, {"event": "action", "name": "utter_crisis_followup"}]
    dispatcher = CollectingDispatcher()
    checked_in = tracker(text=said, after=after, slots={"risk_category": "check_in"})
    run = ActionNoteFacts(DirectoryClient(directory_url)).run(dispatcher, checked_in, domain())
    slots = slot_values(asyncio.run(run))
    assert slots["speaker"] == "parent" and slots["age"] == 12
    assert "bullying_support" in slots["interests"]
    # Answering what a service is, the topic is not taken for what they want to find.
    assert "interests" not in note(DirectoryClient(directory_url), "what's kooth? im 14")[0]


def test_after_a_full_crisis_reply_the_age_is_kept_but_not_what_they_asked_for(directory_url: str) -> None:
    said = "Step dad here. My partner's son is 15 and hangs round with older lads, I'm worried he'll carry a knife"
    after = [{"event": "action", "name": "utter_crisis"}, {"event": "action", "name": "utter_crisis_followup"}]
    full = tracker(text=said, after=after, slots={"risk_category": "abuse_or_exploitation"})
    run = ActionNoteFacts(DirectoryClient(directory_url)).run(CollectingDispatcher(), full, domain())
    slots = slot_values(asyncio.run(run))
    assert slots["age"] == 15 and slots["speaker"] == "parent"
    assert "interests" not in slots


def test_a_feeling_beside_a_what_is_question_is_answered_after_the_explanation(directory_url: str) -> None:
    said = "is kooth actually any good? ive been feeling really low lately"
    dispatcher = CollectingDispatcher()
    explained = tracker(text=said, intent="ask_what_is", after=[{"event": "action", "name": "utter_what_is"}])
    asyncio.run(ActionNoteFacts(DirectoryClient(directory_url)).run(dispatcher, explained, domain()))
    [said_back] = [m["text"] for m in dispatcher.messages]
    assert "sorry" in said_back.lower() or "hard" in said_back.lower(), said_back


def test_no_acknowledgement_after_a_crisis_reply(directory_url: str) -> None:
    said = "what is camhs, ive been feeling really low"
    after = [{"event": "action", "name": "utter_crisis"}, {"event": "action", "name": "utter_crisis_followup"}]
    dispatcher = CollectingDispatcher()
    run = ActionNoteFacts(DirectoryClient(directory_url)).run(dispatcher, tracker(text=said, after=after), domain())
    asyncio.run(run)
    assert dispatcher.messages == []


def test_a_comparison_explains_the_other_services_it_names(directory_url: str) -> None:
    said = "What's the difference between Kooth and CAMHS? My 15 year old won't talk face to face."
    after = [{"event": "action", "name": "utter_what_is"}]
    dispatcher = CollectingDispatcher()
    explained = tracker(text=said, intent="ask_what_is", after=after, slots={"topic": "camhs"})
    asyncio.run(ActionNoteFacts(DirectoryClient(directory_url)).run(dispatcher, explained, domain()))
    said_back = " ".join(m["text"] for m in dispatcher.messages)
    assert "kooth.com" in said_back and "liverpoolcamhs.com" not in said_back  # CAMHS was explained already
    # Naming one service is no comparison: nothing more is said.
    one = CollectingDispatcher()
    asked = tracker(text="is kooth better than nothing", intent="ask_what_is", after=after, slots={"topic": "kooth"})
    asyncio.run(ActionNoteFacts(DirectoryClient(directory_url)).run(one, asked, domain()))
    assert one.messages == []
