"""validate_parent_form and action_parent_support with the real directory."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

import httpx
import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher
from trackers import ROOT, domain, entity, slot_values, tracker

from actions.parent_support import ActionParentSupport
from actions.validate_parent_form import ValidateParentForm
from bot import worries
from bot.directory_client import DirectoryClient
from bot.replies import SERVICE_FIELDS
from bot.search import Search

FORM = "parent_form"
CHECKED = yaml.safe_load((ROOT / "data" / "crisis_contacts.yml").read_text())
RESOURCES = {r["name"]: r for r in CHECKED["resources"]}
CHILDLINE = next(c for c in CHECKED["contacts"] if c["id"] == "childline")


@pytest.fixture()
def client(directory_url: str) -> DirectoryClient:
    return DirectoryClient(directory_url)


def validate(client: DirectoryClient, **kwargs: Any) -> tuple[dict[str, Any], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateParentForm(client).run(dispatcher, tracker(**kwargs), domain()))
    return slot_values(events), dispatcher


def support(client: DirectoryClient, slots: dict[str, Any]) -> CollectingDispatcher:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionParentSupport(client).run(dispatcher, tracker(slots=slots), domain()))
    return dispatcher


def test_worry_age_and_area_in_one_message(client: DirectoryClient) -> None:
    text = "my 12 year old is being bullied, we're in Kirkby"
    slots, _ = validate(
        client,
        text=text,
        intent="parent_help",
        entities=[entity("age", "12", text), entity("worry", "bullying", text), entity("area", "Kirkby", text)],
        candidates={"worry": "bullying", "child_age": "12", "area": "Kirkby"},
    )
    assert slots == {"worry": "bullying", "child_age": 12, "age_to": None, "area": "Kirkby", "speaker": "parent"}


@pytest.mark.parametrize(
    ("said", "worry"), [("she won't go to school", "parenting"), ("anxeity", "anxiety"), ("my son has autism", "send")]
)
def test_worry_from_a_plain_answer(client: DirectoryClient, said: str, worry: str) -> None:
    slots, _ = validate(client, text=said, form=FORM, requested_slot="worry")
    assert slots["worry"] == worry


def test_the_parents_own_worry_is_not_the_childs(client: DirectoryClient) -> None:
    # "worried" is the speaker's feeling; "anxious" names what worries them.
    slots, _ = validate(client, text="i'm worried about my son", form=FORM, requested_slot="worry")
    assert "worry" not in slots and slots["reasked_slot"] == "worry"
    slots, _ = validate(client, text="i'm worried, he's really anxious", form=FORM, requested_slot="worry")
    assert slots["worry"] == "anxiety"


def test_unclear_worry_offers_the_choices(client: DirectoryClient) -> None:
    slots, dispatcher = validate(client, text="it's complicated", form=FORM, requested_slot="worry")
    assert slots == {"reasked_slot": "worry", "asked": {"worry": 1}}
    payloads = [b["payload"] for b in dispatcher.messages[0]["buttons"]]
    assert '/inform{"worry": "send"}' in payloads and len(payloads) == len(worries.buttons())


def test_child_age_in_school_years(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="he's in year 8", form=FORM, requested_slot="child_age")
    assert slots["child_age"] == 13


def test_support_and_activities_come_as_services(client: DirectoryClient) -> None:
    dispatcher = support(client, {"worry": "anxiety", "child_age": 12, "area": "Anfield"})
    texts = " ".join(m["text"] or "" for m in dispatcher.messages)
    # How CAMHS referral works, from the checked data only.
    assert RESOURCES["Liverpool CAMHS"]["url"] in texts
    assert "referral online" in texts and "While You're Waiting" in texts
    assert RESOURCES["Kooth"]["url"] in texts and RESOURCES["Place2Be"]["url"] in texts
    payloads = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert len(payloads) == 2
    for payload in payloads:
        assert payload["type"] == "services" and payload["services"]
        for service in payload["services"]:
            assert set(service) == set(SERVICE_FIELDS)
    for service in payloads[1]["services"]:  # activities for the child
        assert (service["minimum_age"] or 0) <= 12 <= (service["maximum_age"] or 99)
    assert dispatcher.messages[-1]["buttons"]


def test_two_ages_in_the_first_message_are_kept_for_the_groups(client: DirectoryClient) -> None:
    slots, _ = validate(client, text="they're 8 and 11 and both angry all the time since we split up", form=FORM)
    assert (slots["child_age"], slots["age_to"]) == (8, 11)


def test_two_ages_get_groups_that_suit_both(client: DirectoryClient) -> None:
    slots = {"worry": "behaviour", "child_age": 8, "age_to": 11, "area": "Kirkdale", "speaker": "parent"}
    dispatcher = support(client, slots)
    activities = [m for m in dispatcher.messages if m.get("custom")][-1]
    assert "for 8 to 11 year olds" in activities["text"]
    for service in activities["custom"]["services"]:
        assert (service["minimum_age"] or 0) <= 8 and (service["maximum_age"] or 99) >= 11, service


def test_a_professional_helping_a_young_family_hears_of_family_hubs(client: DirectoryClient) -> None:
    dispatcher = support(client, {"worry": "anxiety", "child_age": 1, "area": "Speke", "speaker": "professional"})
    first = dispatcher.messages[0]["text"]
    assert "Family hubs" in first and "your child" not in first


def test_a_hub_asked_for_beside_a_feeling_is_the_worry(client: DirectoryClient) -> None:
    text = "mum of a toddler, feeling really isolated, is there a family hub in Garston?"
    slots, _ = validate(client, text=text, intent="parent_help")
    assert slots.get("worry") == "family_hub"


def test_what_happened_names_the_worry_before_how_the_child_seems(client: DirectoryClient) -> None:
    # The classifier hears "withdrawn" as low mood; the reading hears a death. A button pressed is still a choice.
    text = "my 14 year old has been really withdrawn since his grandad died"
    slots, _ = validate(client, text=text, intent="parent_help", entities=[entity("worry", "low_mood", text)])
    assert slots.get("worry") == "bereavement"
    pressed = '/inform{"worry": "low_mood"}'
    slots, _ = validate(client, text=pressed, intent="inform", entities=[{"entity": "worry", "value": "low_mood"}])
    assert slots.get("worry") == "low_mood"
    slots, _ = validate(client, text="he's so withdrawn lately", intent="parent_help",
                        entities=[entity("worry", "low_mood", "he's so withdrawn lately")])
    assert slots.get("worry") == "low_mood"
    # A feeling read beside it is how the child seems too: the classifier's choice stands.
    text = "my son's 10 and he's been really angry since me and his dad split"
    slots, _ = validate(client, text=text, intent="parent_help", entities=[entity("worry", "behaviour", text)])
    assert slots.get("worry") == "behaviour"


def test_what_happened_comes_before_how_the_child_seems_in_one_reading(client: DirectoryClient) -> None:
    text = "my son's 10 and he's been really angry since me and his dad split up"
    slots, _ = validate(client, text=text, intent="parent_help")
    assert slots.get("worry") == "family_hub"
    slots, _ = validate(client, text="she's anxious all the time and getting bullied at school", intent="parent_help")
    assert slots.get("worry") == "bullying"
    # A service asked for by name still comes first.
    text = "looking for counselling for my 16 yr old, shes been through a lot with me and her dad splitting up"
    slots, _ = validate(client, text=text, intent="parent_help")
    assert slots.get("worry") == "anxiety"


def test_little_ones_get_services_that_admit_their_age(client: DirectoryClient) -> None:
    dispatcher = support(client, {"worry": "family_hub", "child_age": 1, "area": "Belle Vale", "speaker": "parent"})
    listed = [s for m in dispatcher.messages if m.get("custom") for s in m["custom"]["services"]]
    assert listed and all((s["minimum_age"] or 0) <= 1 for s in listed), listed


def test_send_worry_finds_send_inclusive_groups(client: DirectoryClient) -> None:
    dispatcher = support(client, {"worry": "send", "child_age": 10, "area": "Walton"})
    activities = [m["custom"] for m in dispatcher.messages if m.get("custom")][-1]["services"]
    assert activities


def _support_services(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    return [m["custom"] for m in dispatcher.messages if m.get("custom")][0]["services"]


def _ids_with(client: DirectoryClient, code: str, **search: Any) -> set[str]:
    query = replace(Search(interests=(code,), **search).query(), limit=50)
    return {str(i["id"]) for i in asyncio.run(client.recommendations(query)).items}


def test_a_family_hub_asked_for_comes_first_and_suits_every_child(client: DirectoryClient) -> None:
    # "a family hub for my 10 and 4 year old near Anfield": hubs first, each open to both children.
    dispatcher = support(client, {"worry": "family_hub", "child_age": 4, "age_to": 10, "area": "Anfield"})
    services = _support_services(dispatcher)
    assert services[0]["id"] in _ids_with(client, "family_hub", age=4, age_to=10, area="Anfield")
    for service in services:
        assert (service["minimum_age"] or 0) <= 4 and 10 <= (service["maximum_age"] or 99)


def test_bullying_support_leads_the_support_listed(client: DirectoryClient) -> None:
    dispatcher = support(client, {"worry": "bullying", "child_age": 13, "area": "Speke"})
    assert _support_services(dispatcher)[0]["id"] in _ids_with(client, "bullying_support", age=13, area="Speke")


def test_a_baby_is_0_not_no_age(client: DirectoryClient) -> None:
    dispatcher = support(client, {"worry": "family_hub", "child_age": 0, "area": "L24"})
    for service in _support_services(dispatcher):
        assert (service["minimum_age"] or 0) == 0


def test_other_worries_support_is_searched_as_one(client: DirectoryClient) -> None:
    # SEND support is parents' groups beside inclusive activities, never only the activities.
    dispatcher = support(client, {"worry": "send", "child_age": 10, "area": "Fazakerley"})
    parents_groups = _ids_with(client, "parenting_support", age=10, area="Fazakerley")
    assert any(s["id"] in parents_groups for s in _support_services(dispatcher))


def test_directory_down_still_gives_the_support_text_and_helplines() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    down = DirectoryClient("http://directory.invalid", transport=httpx.MockTransport(refuse))
    dispatcher = support(down, {"worry": "low_mood", "child_age": 15, "area": "Anfield"})
    texts = " ".join(m["text"] or "" for m in dispatcher.messages)
    assert RESOURCES["Liverpool CAMHS"]["url"] in texts
    assert CHILDLINE["phone"] in texts
    assert not any(m.get("custom") for m in dispatcher.messages)
