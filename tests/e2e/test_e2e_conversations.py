"""Parents, what-is questions, small talk and the crisis route, over REST."""

from __future__ import annotations

from pathlib import Path

import yaml
from chat import Chat, asks_age, asks_interests, buttons, custom, last_services, texts

ROOT = Path(__file__).resolve().parents[2]
CHECKED = yaml.safe_load((ROOT / "data" / "crisis_contacts.yml").read_text())
PHONES = {c["phone"] for c in CHECKED["contacts"] if c.get("phone")}


def crisis_payload(replies: list[dict]) -> dict:
    payloads = custom(replies, "crisis")
    assert payloads, replies
    return payloads[0]


def assert_crisis(replies: list[dict]) -> None:
    payload = crisis_payload(replies)
    assert payload["contacts"]
    for contact in payload["contacts"]:
        assert contact.get("phone") is None or contact["phone"] in PHONES
    assert any(c.get("phone") and c["phone"] in texts(replies) for c in payload["contacts"])


# --- parents --------------------------------------------------------------------


def test_parent_step_by_step(chat: Chat) -> None:
    assert buttons(chat.say("i'm a mum and i'm worried about my son"))
    chat.say("he's really anxious")
    chat.say("12")
    replies = chat.say("Anfield")
    assert "liverpoolcamhs.com" in texts(replies)
    payloads = custom(replies, "services")
    assert len(payloads) == 2
    for service in payloads[1]["services"]:
        assert (service["minimum_age"] or 0) <= 12 <= (service["maximum_age"] or 99)
    assert buttons(replies)


def test_parent_all_at_once(chat: Chat) -> None:
    replies = chat.say("my 10 year old daughter is being bullied, we live in Kirkby")
    assert custom(replies, "services"), replies
    assert "bullying" in texts(replies).lower()


def test_an_adult_asking_for_support_is_not_taken_for_a_parent(chat: Chat) -> None:
    replies = chat.say("is there any mental health support for uni age like 20")
    assert "your child" not in texts(replies).lower()
    assert not asks_age(replies)


# --- crisis -------------------------------------------------------------------------


def test_crisis_straight_away(chat: Chat) -> None:
    replies = chat.say("i want to kill myself")
    assert_crisis(replies)
    assert buttons(replies)  # the gentle offer to carry on


def test_crisis_in_the_middle_of_the_activity_form(chat: Chat) -> None:
    chat.say("find me something to do")
    chat.say("football")
    replies = chat.say("my dad hits me and im scared to go home")
    assert_crisis(replies)
    assert last_services(replies) is None
    assert "how old" not in texts(replies).lower()  # the form stopped


def test_crisis_in_the_middle_of_the_parent_form(chat: Chat) -> None:
    chat.say("i need help as a parent")
    replies = chat.say("my daughter has been cutting herself")
    assert_crisis(replies)


def test_an_age_said_earlier_and_an_older_partner_now(chat: Chat) -> None:
    chat.say("find me something to do")
    assert not custom(chat.say("13"), "crisis")
    replies = chat.say("my boyfriend is 20")
    assert_crisis(replies)
    assert crisis_payload(replies)["category"] == "abuse_or_exploitation"
    assert "how old" not in texts(replies).lower()


def test_only_the_second_net_fires_a_gentle_check_in(chat: Chat) -> None:
    from bot.safety.detector import CHECK_IN, assess

    # A training phrase that no rule catches and the net does, whatever the current weights.
    lines = (ROOT / "bot" / "safety" / "data" / "net" / "positive.tsv").read_text(encoding="utf-8").splitlines()
    phrase = next(
        p for line in lines if not line.startswith("#") and (found := assess(p := line.split("\t")[-1]))
        and found.category == CHECK_IN
    )
    replies = chat.say(phrase)
    assert_crisis(replies)
    assert crisis_payload(replies)["category"] == CHECK_IN
    assert "are you safe" in texts(replies).lower()
    assert "not in trouble" not in texts(replies).lower()
    # "No" to "Are you safe?" is a disclosure: the full reply for immediate danger.
    replies = chat.say("no")
    assert_crisis(replies)
    assert crisis_payload(replies)["category"] == "immediate_danger"


def test_idioms_are_not_a_crisis(chat: Chat) -> None:
    replies = chat.say("this homework is killing me")
    assert not custom(replies, "crisis")
    assert replies


# --- what is, small talk, fallback ----------------------------------------------------


def test_what_is_camhs(chat: Chat) -> None:
    replies = chat.say("what is camhs")
    assert "liverpoolcamhs.com" in texts(replies)


def test_what_is_in_the_middle_of_the_form_then_back(chat: Chat) -> None:
    chat.say("find me something to do")
    replies = chat.say("what's kooth")
    assert "kooth.com" in texts(replies)
    assert asks_interests(replies)  # the form asks its question again


def test_out_of_scope_is_never_a_dead_end(chat: Chat) -> None:
    replies = chat.say("can you order me a pizza")
    assert {b["payload"] for b in buttons(replies)} >= {"/find_activity", "/parent_help"}


def test_repeated_misunderstanding(chat: Chat) -> None:
    # Which gibberish DIET happens to reject is not stable, so the fallback
    # intent is sent directly (as the FallbackClassifier would label it).
    first = chat.say("/nlu_fallback")
    second = chat.say("/nlu_fallback")
    assert {b["payload"] for b in buttons(first)} >= {"/find_activity", "/parent_help"}
    assert buttons(second)
    assert texts(first) != texts(second)


def test_bot_challenge(chat: Chat) -> None:
    assert "bot" in texts(chat.say("am i talking to a real person")).lower()


def test_a_comparison_explains_every_service_it_names(chat: Chat) -> None:
    said = texts(chat.say("What's the difference between Kooth and CAMHS? My 15 year old won't talk face to face."))
    assert "kooth.com" in said and "liverpoolcamhs.com" in said


def test_small_talk_that_asks_for_something_is_a_search(chat: Chat) -> None:
    replies = chat.say("anything to get out the house tbh")
    assert "Thanks for telling me" not in texts(replies)
    assert asks_interests(replies) or asks_age(replies)


def test_a_question_about_the_list_is_not_a_bot_challenge(chat: Chat) -> None:
    chat.say("gaming club near aintree, im 17")
    said = texts(chat.say("is it online or in person"))
    assert "I'm a bot" not in said


def test_someone_who_runs_a_club_is_told_how_listings_are_added(chat: Chat) -> None:
    replies = chat.say("I run a grassroots football club in Anfield, how do I get us listed on here?")
    assert "team who run this website" in texts(replies)
    assert not asks_age(replies) and last_services(replies) is None
