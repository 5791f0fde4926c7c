"""validate_activity_form and the form's questions, with the real directory."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from rasa_sdk.executor import CollectingDispatcher
from trackers import domain, entity, slot_values, tracker

from actions.ask import ActionAskAge, ActionAskArea, ActionAskInterests
from actions.validate_activity_form import ValidateActivityForm
from bot import helplines
from bot.directory_client import DirectoryClient

FORM = "activity_form"


def validate(client: DirectoryClient, **kwargs: Any) -> tuple[dict[str, Any], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateActivityForm(client).run(dispatcher, tracker(**kwargs), domain()))
    return slot_values(events), dispatcher


@pytest.fixture()
def client(directory_url: str) -> DirectoryClient:
    return DirectoryClient(directory_url)


@pytest.fixture()
def down() -> DirectoryClient:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    return DirectoryClient("http://directory.invalid", transport=httpx.MockTransport(refuse))


def test_everything_in_one_message(client: DirectoryClient) -> None:
    text = "I'm 14 from Walton and I like drama"
    slots, dispatcher = validate(
        client,
        text=text,
        entities=[entity("age", "14", text), entity("area", "Walton", text), entity("interest", "drama", text)],
        candidates={"age": "14", "area": "Walton", "interests": ["drama"]},
    )
    assert slots == {"age": 14, "age_to": None, "area": "Walton", "interests": ["drama"], "speaker": "young_person"}
    assert dispatcher.messages == []


def test_slang_interests_become_taxonomy_codes(client: DirectoryClient) -> None:
    slots, _ = validate(
        client,
        text="footy and making beats",
        candidates={"interests": ["footy", "making beats"]},
        form=FORM,
        requested_slot="interests",
    )
    assert slots["interests"] == ["football", "music"]


@pytest.mark.parametrize(
    ("said", "age", "age_to"),
    [("fourteen", 14, None), ("year 9", 13, 14), ("im 14 nearly 15", 14, None), ("y7", 11, 12),
     # Two ages for a group or siblings: the list must suit every age between them.
     ("they're aged 14 to 16", 14, 16), ("my kids are 8 and 11", 8, 11)],
)
def test_age_from_a_plain_answer(client: DirectoryClient, said: str, age: int, age_to: int | None) -> None:
    # A school year is two ages, until or after the birthday in it: the list must suit both.
    slots, dispatcher = validate(client, text=said, form=FORM, requested_slot="age")
    assert slots["age"] == age and slots["age_to"] == age_to
    assert dispatcher.messages == []


def test_nearly_does_not_win_over_the_age(client: DirectoryClient) -> None:
    # DIET may tag both numbers; the whole message is read first.
    text = "im 14 nearly 15"
    slots, _ = validate(
        client,
        text=text,
        entities=[entity("age", "15", text)],
        candidates={"age": "15"},
        form=FORM,
        requested_slot="age",
    )
    assert slots["age"] == 14


def test_an_age_not_given_is_not_asked_again_and_never_guessed(client: DirectoryClient) -> None:
    # The form moves on; the list it ends with holds only groups for under-18s, with age bands to narrow it
    # (test_actions_recommend.py::test_no_age_given_twice_shows_only_groups_for_under_18s).
    for text, intent, asked in (("hmm", "nlu_fallback", 1), ("not saying", "deny", 2)):
        slots, dispatcher = validate(
            client, text=text, intent=intent, form=FORM, requested_slot="age", slots={"asked": {"age": asked}}
        )
        assert slots.get("age") is None and slots["age_declined"] is True
        assert slots["requested_slot"] != "age"
        assert dispatcher.messages == []


def test_wanting_it_online_is_kept_for_the_search(client: DirectoryClient) -> None:
    """"anything online? i dont really go out": the list is what is online, then somewhere near to belong."""
    slots, _ = validate(
        client, text="anything online? i dont really go out", form=FORM, requested_slot="interests",
        slots={"age": 15.0},
    )
    assert slots["online_only"] is True


def test_misspelt_area_is_resolved(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="i live in anfeild", form=FORM, requested_slot="area")
    assert slots["area"] == "Anfield"


def test_full_postcode_is_stored_as_its_district(client: DirectoryClient) -> None:
    text = "my postcode is L4 0TH"
    slots, _ = validate(
        client,
        text=text,
        entities=[entity("area", "L4 0TH", text)],
        candidates={"area": "L4 0TH"},
        form=FORM,
        requested_slot="area",
    )
    assert slots["area"] == "L4"


def test_directory_down_mid_form_apologises_with_helplines(down: DirectoryClient) -> None:
    slots, dispatcher = validate(down, text="CH41 2AB", form=FORM, requested_slot="area")
    assert "area" not in slots and slots["reasked_slot"] == "area"
    [message] = dispatcher.messages
    childline = next(c for c in helplines.contacts().values() if c.id == "childline")
    assert "sorry" in message["text"].lower() and childline.phone in message["text"]


@pytest.mark.parametrize("said", ["anywhere", "don't mind", "dunno"])
def test_anywhere(client: DirectoryClient, said: str) -> None:
    slots, _ = validate(client, text=said, form=FORM, requested_slot="area")
    assert slots["area"] == "anywhere"


def test_no_to_the_area_question_means_anywhere(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="nah", intent="deny", form=FORM, requested_slot="area")
    assert slots["area"] == "anywhere"


def test_unknown_place_gets_suggestions_as_buttons(client: DirectoryClient) -> None:
    slots, dispatcher = validate(client, text="walten vail", form=FORM, requested_slot="area")
    assert slots == {"reasked_slot": "area", "asked": {"area": 1}}
    [message] = dispatcher.messages
    titles = [b["title"] for b in message["buttons"]]
    assert "Anywhere is fine" in titles and len(titles) >= 2
    assert all(b["payload"].startswith('/inform{"area": ') for b in message["buttons"][:-1])


def test_unknown_interest_gets_options_as_buttons(client: DirectoryClient) -> None:
    slots, dispatcher = validate(client, text="quidditch", intent="nlu_fallback", form=FORM, requested_slot="interests")
    assert slots == {"reasked_slot": "interests", "asked": {"interests": 1}}
    [message] = dispatcher.messages
    assert "quidditch" in message["text"]
    payloads = [b["payload"] for b in message["buttons"]]
    assert any(p.startswith('/inform{"interest": ') for p in payloads)


def test_a_second_miss_moves_on_with_a_stated_default(client: DirectoryClient) -> None:
    slots, dispatcher = validate(
        client, text="quidditch", form=FORM, requested_slot="interests", slots={"asked": {"interests": 2}}
    )
    assert slots["interests"] == []
    [message] = dispatcher.messages
    assert "mix" in message["text"] and "?" not in message["text"]


def test_an_answer_to_another_question_is_taken(client: DirectoryClient) -> None:
    slots, dispatcher = validate(client, text="kirkdale", form=FORM, requested_slot="interests")
    assert slots["area"] == "Kirkdale" and "interests" not in slots
    assert dispatcher.messages == []


def test_a_landmark_in_an_area_answer_keeps_the_interests(client: DirectoryClient) -> None:
    slots, _ = validate(
        client, text="walton, near the park", form=FORM, requested_slot="area", slots={"interests": ["football"]}
    )
    assert slots["area"] == "Walton" and "interests" not in slots


def test_a_new_interest_without_a_place_changes_it(client: DirectoryClient) -> None:
    slots, _ = validate(
        client, text="actually drama instead", form=FORM, requested_slot="area", slots={"interests": ["football"]}
    )
    assert slots["interests"] == ["drama"]


def test_facts_in_a_message_read_as_a_question_to_the_bot_are_still_taken(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="anything with computers", intent="bot_challenge", form=FORM,
                        requested_slot="interests")
    assert slots["interests"] == ["coding"]


@pytest.mark.parametrize("said", ["anything really", "whatever tbh", "i dont mind"])
def test_no_preference_for_interests(client: DirectoryClient, said: str) -> None:
    slots, _ = validate(client, text=said, form=FORM, requested_slot="interests")
    assert slots["interests"] == []


@pytest.mark.parametrize("said", ["not sure yet", "dunno really", "idk"])
def test_not_sure_is_asked_once_more_with_ideas_then_a_mix(client: DirectoryClient, said: str) -> None:
    slots, dispatcher = validate(client, text=said, form=FORM, requested_slot="interests",
                                 slots={"asked": {"interests": 1}})
    assert "interests" not in slots and slots["reasked_slot"] == "interests"
    [message] = dispatcher.messages
    assert "What do you like doing" in message["text"]
    titles = [b["title"] for b in message["buttons"]]
    assert "Anything's fine" in titles and len(titles) >= 4
    # Still not sure the second time: a mix, said so, and no third question.
    slots, dispatcher = validate(client, text=said, form=FORM, requested_slot="interests",
                                 slots={"asked": {"interests": 2}})
    assert slots["interests"] == []
    assert "mix" in dispatcher.messages[0]["text"]


def test_a_young_person_who_said_how_they_feel_and_is_not_sure_gets_groups_and_support(
    client: DirectoryClient,
) -> None:
    slots, dispatcher = validate(client, text="dunno", form=FORM, requested_slot="interests",
                                 slots={"asked": {"interests": 2}, "speaker": "young_person"},
                                 earlier=["people keep ganging up on me at school"])
    assert slots["interests"] == ["bullying_support", "peer_support", "youth_club"]
    assert "support" in dispatcher.messages[0]["text"] and "?" not in dispatcher.messages[0]["text"]


def test_a_young_person_anxious_and_not_sure_gets_support_beside_groups(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="not sure", form=FORM, requested_slot="interests",
                        slots={"asked": {"interests": 2}, "speaker": "young_person"},
                        earlier=["i get really anxious and i dont wanna talk to anyone face to face"])
    assert "mental_health_support" in slots["interests"] and "youth_club" in slots["interests"]


def test_a_young_persons_hard_time_at_home_is_not_a_family_hub(client: DirectoryClient) -> None:
    # "parents splitting up" reads as a family hub to the directory, a service for parents: a young person is
    # answered for the feeling and asked what they would like.
    said = "hi im 15 and my parents are splitting up and its just really hard at home"
    slots, _ = validate(client, text=said, form=FORM, requested_slot="age", slots={"speaker": "young_person"})
    assert "interests" not in slots and slots["age"] == 15
    slots, _ = validate(client, text="dunno", form=FORM, requested_slot="interests",
                        slots={"asked": {"interests": 2}, "speaker": "young_person"}, earlier=[said])
    assert "counselling" in slots["interests"]


def test_interests_are_kept_when_the_directory_is_down(down: DirectoryClient) -> None:
    slots, _ = validate(down, text="footy", candidates={"interests": ["footy"]}, form=FORM, requested_slot="interests")
    assert slots["interests"] == ["footy"]


def test_questions_to_the_bot_are_left_to_the_rules(client: DirectoryClient) -> None:
    # Nothing extracted: Rasa then rejects the form and a rule answers.
    slots, dispatcher = validate(
        client,
        text="what is kooth",
        intent="ask_what_is",
        entities=[entity("topic", "kooth")],
        form=FORM,
        requested_slot="area",
    )
    assert slots == {}
    assert dispatcher.messages == []


def test_over_25_needs_only_the_age(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="i'm 30", candidates={"age": "30"}, form=FORM, requested_slot="age")
    assert slots["age"] == 30
    assert slots["requested_slot"] is None  # the form is done: adult contacts next


def test_under_5_goes_to_family_hubs_and_asks_the_area(client: DirectoryClient) -> None:
    slots, dispatcher = validate(
        client, text="she's 3", candidates={"age": "3"}, form=FORM, requested_slot="age", slots={"interests": None}
    )
    assert slots["age"] == 3
    assert slots["requested_slot"] == "area"
    assert "family hubs" in dispatcher.messages[0]["text"]


def test_ask_is_skipped_right_after_a_reask() -> None:
    reasked = tracker(
        text="the park",
        form=FORM,
        requested_slot="area",
        after=[{"event": "slot", "name": "reasked_slot", "value": "area"}],
    )
    fresh = tracker(text="14", form=FORM, requested_slot="area")
    for action in (ActionAskArea(),):
        quiet, asking = CollectingDispatcher(), CollectingDispatcher()
        asyncio.run(action.run(quiet, reasked, domain()))
        asyncio.run(action.run(asking, fresh, domain()))
        assert quiet.messages == []
        assert len(asking.messages) == 1


def test_questions_have_quick_replies() -> None:
    for action, expect_buttons in ((ActionAskInterests(), True), (ActionAskAge(), False), (ActionAskArea(), True)):
        dispatcher = CollectingDispatcher()
        asyncio.run(action.run(dispatcher, tracker(form=FORM), domain()))
        [message] = dispatcher.messages
        assert message["text"]
        assert bool(message["buttons"]) is expect_buttons


@pytest.mark.parametrize("said", ["im 13 and so bored", "14, want to make new friends"])
def test_how_someone_is_leaves_what_they_are_into_to_ask(client: DirectoryClient, said: str) -> None:
    # "bored" reads as a youth club to the directory; the form still asks what they enjoy.
    slots, _ = validate(client, text=said, form=FORM, requested_slot="age")
    assert "interests" not in slots and slots["age"] in (13, 14)


def test_how_someone_is_answers_what_they_are_into_when_asked(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="just somewhere to hang out", form=FORM, requested_slot="interests")
    assert slots["interests"] == ["youth_club"]


@pytest.mark.parametrize(
    ("text", "slots", "interests_q", "age_q"),
    [
        # Nothing says who is talking: a question anyone can answer (a parent asks "for a 10 year old" too).
        ("any tennis for 10 year olds near calderstones?", {}, "What kind of things are you looking for?",
         "What age should I look for?"),
        # Said outright: worded for them.
        ("im 14 and bored", {"speaker": "young_person"}, "What are you into?", "How old are you?"),
        ("my son wants something to do", {"speaker": "parent"}, "What are they into?", "How old is your child?"),
    ],
)
def test_questions_are_worded_for_who_said_they_are_talking(
    text: str, slots: dict[str, Any], interests_q: str, age_q: str
) -> None:
    for action, question in ((ActionAskInterests(), interests_q), (ActionAskAge(), age_q)):
        dispatcher = CollectingDispatcher()
        asyncio.run(action.run(dispatcher, tracker(text=text, slots=slots, form=FORM), domain()))
        assert dispatcher.messages[0]["text"].startswith(question)


def test_a_young_carer_described_in_other_words_is_looking_for_young_carers(client: DirectoryClient) -> None:
    said = "im 14 and my mum is poorly so i do most stuff at home, i never get to go out"
    slots, _ = validate(client, text=said, form=FORM, requested_slot="age")
    assert slots["age"] == 14 and slots["interests"] == ["young_carers"]
