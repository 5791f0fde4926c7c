"""Young people finding something to do, end to end over REST."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import yaml
from chat import Chat, asks_age, asks_interests, buttons, custom, last_services, texts
from conftest import Stack

CHECKED = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "crisis_contacts.yml").read_text())
SAMARITANS = next(c["phone"] for c in CHECKED["contacts"] if c["id"] == "samaritans")

SERVICE_FIELDS = {
    "id",
    "name",
    "reason",
    "distance_km",
    "minimum_age",
    "maximum_age",
    "free",
    "url",
    "phone",
    "text",
    "sms",
    "address",
    "schedule",
    "related",
    "sample",
}


def assert_fits(services: list[dict], age: int, word: str | None = None, max_km: float = 10.0) -> None:
    assert services, "expected at least one service"
    for service in services:
        assert set(service) == SERVICE_FIELDS
        assert (service["minimum_age"] or 0) <= age <= (service["maximum_age"] or 99), service
        if word and not service["related"]:
            # A related activity (another of the same family, listed because it is near) names its own.
            assert word in service["reason"].lower(), service["reason"]
        if service["distance_km"] is not None:
            assert service["distance_km"] <= max_km, service


def test_everything_in_one_message(chat: Chat) -> None:
    replies = chat.say("I'm 14 from Walton and I like drama")
    services = last_services(replies)
    assert services is not None, replies
    assert_fits(services, 14, "drama")
    assert any(b["payload"] == '/refine{"refinement": "more"}' for b in buttons(replies))


def test_one_question_at_a_time(chat: Chat) -> None:
    assert buttons(chat.say("hiya"))
    assert asks_interests(chat.say("can u find me something to do"))
    assert asks_age(chat.say("footy"))
    assert "liverpool" in texts(chat.say("year 9")).lower()
    replies = chat.say("anfeild")
    services = last_services(replies)
    assert services is not None, replies
    assert_fits(services, 14, "football")
    assert "Anfield" in texts(replies)


def test_full_postcode_is_not_repeated_back(chat: Chat) -> None:
    chat.say("im 15 and into music")
    replies = chat.say("my postcode is L8 1AB")
    services = last_services(replies)
    assert services is not None, replies
    assert_fits(services, 15, "music")
    assert "1AB" not in texts(replies).upper()


def test_unknown_interest_gets_options(chat: Chat) -> None:
    chat.say("find me something to do")
    replies = chat.say("quidditch")
    options = [b for b in buttons(replies) if b["payload"].startswith('/inform{"interest"')]
    assert options, replies
    chat.say(options[0]["payload"])
    chat.say("13")
    services = last_services(chat.say("Everton"))
    assert services is not None
    assert_fits(services, 13)


def test_unknown_place_gets_suggestions(chat: Chat) -> None:
    chat.say("i'm 12 and i like dance")
    replies = chat.say("the park")
    suggestions = [b for b in buttons(replies) if b["payload"].startswith('/inform{"area"')]
    assert suggestions, replies
    services = last_services(chat.say(suggestions[0]["payload"]))
    assert services is not None
    assert_fits(services, 12, "dance")


def test_anywhere_gets_citywide_and_online(chat: Chat) -> None:
    chat.say("i'm 17 and into coding")
    services = last_services(chat.say("anywhere"))
    assert services is not None
    assert_fits(services, 17, "coding", max_km=1000)


def test_wanting_something_online_lists_online_first(chat: Chat) -> None:
    chat.say("any online counselling? im 15 and i dont really go out")
    replies = chat.say("garston")
    services = last_services(replies)
    assert services is not None, texts(replies)
    online = [s for s in services if s["distance_km"] is None]
    assert online and services[: len(online)] == online, "what is online first"
    assert any(s["name"] == "Kooth" for s in online)
    assert all(s["distance_km"] <= 3 for s in services[len(online):]), "then only somewhere near, in person"


def test_a_what_is_question_with_somewhere_named_explains_then_searches(chat: Chat) -> None:
    replies = chat.say("What's a family hub and what would they help me with? I've got a 4 year old, near Croxteth")
    assert "family hubs are" in texts(replies).lower()
    assert any(c["services"] for c in custom(replies, "services")), texts(replies)
    assert "near croxteth" in texts(replies).lower()


def test_questions_about_the_list_in_other_words(chat: Chat) -> None:
    listed = last_services(chat.say("im 17 and need help getting a job, in walton"))
    assert listed is not None
    names = [s["name"] for s in listed]
    for question in ("do they help with cvs and that", "hows much a session", "are these in the daytime"):
        answer = texts(chat.say(question))
        assert any(name in answer for name in names), (question, answer)


def test_a_question_no_fact_answers_gets_the_listings_own_words(chat: Chat, stack: Stack) -> None:
    listed = last_services(chat.say("im 13, into football, in anfield"))
    assert listed is not None
    for question in ("how many people usually go", "do i need to be fast lol", "do parents have to stay?"):
        replies = chat.say(question)
        answer = texts(replies)
        named = [s for s in listed if s["name"] in answer]
        assert named, (question, answer)
        record = httpx.get(f"{stack.directory.url}/services/{named[0]['id']}").json()
        # What the listing says, quoted, and who to ask: never a made-up answer.
        assert str(record["description"])[:40] in answer, (question, answer)
        assert "ask them" in answer, (question, answer)
        assert last_services(replies) is None, "a question about the list is not a new search"


def test_refinements(chat: Chat) -> None:
    first = last_services(chat.say("im 14 from anfield and like football"))
    assert first is not None
    shown = {s["id"] for s in first}

    more = chat.say("show me more")
    more_services = last_services(more)
    if more_services is not None:
        assert not shown & {s["id"] for s in more_services}
    else:
        assert "everything" in texts(more).lower()

    free = last_services(chat.say("anything free?"))
    assert free is not None and all(s["free"] for s in free)

    weekend = last_services(chat.say("at the weekend"))
    assert weekend is not None
    assert all(re.search(r"\b(Sat|Sun)", s["schedule"] or "") for s in weekend)

    other = chat.say("something else")
    assert any(b["payload"].startswith('/inform{"interest"') for b in buttons(other))

    again = chat.say("start again")
    assert any(b["payload"] == "/find_activity" for b in buttons(again))


def test_closer(chat: Chat) -> None:
    first = last_services(chat.say("i'm 14 in Anfield and i like football"))
    assert first is not None
    furthest = max(s["distance_km"] for s in first if s["distance_km"] is not None)
    closer = last_services(chat.say("closer pls"))
    assert closer is not None
    assert all(s["distance_km"] <= furthest for s in closer)


def test_under_five_gets_family_hubs(chat: Chat) -> None:
    chat.say("find something to do")
    chat.say("anything really")
    replies = chat.say("she's 3")
    assert "family hub" in texts(replies).lower()
    services = last_services(chat.say("Kirkdale"))
    assert services is not None
    assert all(re.search(r"family|parent", s["reason"].lower()) for s in services)


def test_over_25_is_pointed_kindly_to_adult_support(chat: Chat) -> None:
    replies = chat.say("i'm 32 and i like football, i live in Anfield")
    assert last_services(replies) is None
    assert SAMARITANS in texts(replies)
