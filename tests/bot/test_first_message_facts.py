"""Facts stated in a first message that the NLU did not tag: ages, worries,
place names cut short, and questions worded for whoever is asking."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher
from trackers import domain, entity, slot_values, tracker

from actions.ask import ActionAskAge, ActionAskInterests
from actions.refine import ActionRefine
from actions.validate_activity_form import ValidateActivityForm
from actions.validate_parent_form import ValidateParentForm
from bot.ages import stated_age
from bot.areas import place_phrase, widened
from bot.directory_client import DirectoryClient
from bot.worries import stated_worry


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("13yo looking for something to do in toxteth", 13),
        ("football in croxteth for a 10yo", 10),
        ("my son has adhd and hes 9 we live in everton", 9),
        ("my daughter is 14 and wont go to school", 14),
        ("any youth clubs for a year 8", 13),
        ("my 10 year old is autistic", 10),
    ],
)
def test_stated_ages(text: str, age: int) -> None:
    assert stated_age(text) == age


@pytest.mark.parametrize("text", ["we are 10 mins away", "L4 2UZ", "i have 2 kids", "after 6pm", None])
def test_numbers_that_are_not_ages(text: object) -> None:
    assert stated_age(text) is None


def test_stated_worry_matches_words_not_typos() -> None:
    assert stated_worry("my daughter is 14 and wont go to school") == "school_avoidance"
    assert stated_worry("where can i get help for my daughters mental health") is None


@pytest.mark.parametrize("text", ["i'm a mum and i'm worried about my son", "we live down the road from anfield",
                                  "can you send me something for my lad", "hes been in trouble at school"])
def test_a_parents_own_words_name_no_worry(text) -> None:
    assert stated_worry(text) is None


def test_widened_spans_and_wirral() -> None:
    assert widened("anything to do in old swan", "swan") == ["old swan"]
    assert widened("any youth clubs in west derby", "youth") == ["any youth", "youth clubs"]
    assert place_phrase("i live on the wirral") == "Birkenhead"


def run_form(form: Any, **kwargs: Any) -> dict[str, Any]:
    events = asyncio.run(form.run(CollectingDispatcher(), tracker(**kwargs), domain()))
    return slot_values(events)


def test_activity_form_reads_an_untagged_age(directory_url: str) -> None:
    text = "13yo looking for something to do in toxteth"
    slots = run_form(
        ValidateActivityForm(DirectoryClient(directory_url)),
        text=text,
        intent="find_activity",
        entities=[entity("area", "toxteth", text)],
        candidates={"area": "toxteth"},
    )
    assert slots["age"] == 13


def test_activity_form_lengthens_a_place_cut_short(directory_url: str) -> None:
    text = "anything to do in old swan"
    slots = run_form(
        ValidateActivityForm(DirectoryClient(directory_url)),
        text=text,
        intent="find_activity",
        entities=[entity("area", "swan", text)],
        candidates={"area": "swan"},
    )
    assert slots["area"] == "Old Swan"


def test_parent_form_reads_an_untagged_worry(directory_url: str) -> None:
    text = "my daughter is 14 and wont go to school"
    slots = run_form(
        ValidateParentForm(DirectoryClient(directory_url)),
        text=text,
        intent="parent_help",
        entities=[entity("age", "14", text)],
        candidates={"child_age": "14"},
    )
    assert slots["worry"] == "school_avoidance"
    assert slots["child_age"] == 14


def ask(action: Any, text: str, intent: str = "find_activity") -> str:
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker(text=text, intent=intent), domain()))
    return dispatcher.messages[0]["text"]


def test_questions_for_a_parent_say_they() -> None:
    assert ask(ActionAskInterests(), "find something for my son").startswith("What are they into?")
    assert ask(ActionAskAge(), "any clubs for my daughter").startswith("How old are they?")
    assert ask(ActionAskAge(), "any clubs near me").startswith("How old are you?")


def test_a_lonely_message_gets_a_kind_word_first() -> None:
    text = ask(ActionAskInterests(), "i have no friends")
    assert "meet people" in text and "What are you into?" in text
    assert ask(ActionAskInterests(), "find me a club").startswith("What are you into?")


def test_refining_before_any_search_starts_one(directory_url: str) -> None:


    dispatcher = CollectingDispatcher()
    state = tracker(text="any free stuff to do", intent="refine", entities=[entity("refinement", "free")])
    events = asyncio.run(ActionRefine(DirectoryClient(directory_url)).run(dispatcher, state, domain()))
    assert {"event": "followup", "name": "activity_form"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events
    ]
    assert slot_values(events)["free_only"] is True
    assert "free" in dispatcher.messages[0]["text"]
