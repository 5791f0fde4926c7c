"""action_route: the first reading of a message outside a form, and where it leads.

Rasa's NLU says what the person wants (the intent); the directory's reading says
what facts they gave; bot/people.py says who is talking and what they feel.
From those: a question about the services just shown is answered; a question
naming a kind of place, an area and an age is searched at once; a parent, carer or
professional who names the help they need goes straight to it; everyone else
goes to the activity form, which takes every fact already given. A young person
who said how they feel hears that first.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import answer_about_shown, open_question_about_shown
from actions.common import (
    ACTIVITY_FORM,
    MAX_TOPICS,
    PARENT_FORM,
    UsesDirectory,
    age_slots,
    day_value,
    is_payload,
    latest_intent,
    latest_text,
    read_message,
    user_texts,
    what_is_reply,
)
from actions.recommend import present
from actions.refine import ActionRefine
from bot import ages, followups, people, replies, worries
from bot.directory_client import Reading
from bot.search import Search

# How utter_default and utter_default_again (domain.yml) begin.
NOT_UNDERSTOOD_STARTS = ("Sorry, I didn't quite get that", "I'm still not getting it")
# The rules that run this action do not wait for the person (a form may follow): when it has answered
# by itself, it says so, or a policy would add a reply of its own.
DONE = FollowupAction("action_listen")


def _last_bot_text(tracker: Tracker) -> str:
    """What the bot said just before this message."""
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen > 1:
                return ""
        elif event.get("event") == "bot" and users_seen == 1:
            return str(event.get("text") or "")
    return ""


def _has_facts(reading: Reading | None) -> bool:
    return bool(reading and (reading.interests or reading.age is not None or reading.place or reading.free))


def _wants_help(reading: Reading | None, intent: str | None, speaker: str) -> bool:
    """A parent, carer or professional asking for help rather than for an activity."""
    if speaker == people.YOUNG_PERSON:
        return False
    # An activity or a group to belong to (LGBTQ+, young carers) is searched for like any activity, even beside
    # a worry ("young carers groups? she helps look after her disabled brother"), and so is a service that no
    # worry stands for, asked for by name ("any mentoring?", "help with jobs").
    if reading is not None and any(
        not worries.is_worry(t) and (t.kind in ("activity", "group") or worries.asked_for(t))
        for t in reading.interests
    ):
        return False
    if reading is not None and worries.named(reading.interests):
        return True
    return intent == "parent_help"


def _topics_asked(tracker: Tracker, domain: dict[str, Any], text: str) -> list[str]:
    """The topics (CAMHS, Kooth...) this message asks how they work, of those the domain explains."""
    if not (followups.asks_about_topic(text) or worries.asks_what_it_is(text)):
        return []
    named = [
        str(e.get("value")) for e in (tracker.latest_message or {}).get("entities") or [] if e.get("entity") == "topic"
    ]
    # The classifier's entities first; the names themselves where it found none in a long message, or where
    # the message compares them ("the difference between Kooth and CAMHS"), which the classifier may half-tag.
    topics: list[str] = []
    in_words = worries.topics_named(text)
    for value in [*named, *in_words] if worries.compares(text) else named or in_words:
        if value not in topics and what_is_reply(domain, value)[0]:
            topics.append(value)
    return topics[:MAX_TOPICS]


class ActionRoute(UsesDirectory, Action):
    def name(self) -> str:
        return "action_route"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text, intent = latest_text(tracker), latest_intent(tracker)
        payload = is_payload(text)
        earlier = [t for t in user_texts(tracker)[:-1] if not is_payload(t)]
        known = tracker.get_slot("speaker") or people.speaker_in(earlier)
        reading = await read_message(self.client, tracker)
        # With nothing said of who they are, asking for parents' help ("I'm a parent or carer", the button) or
        # for a family hub or parenting help is a parent or carer; anyone else is taken for a young person.
        family_asks = reading is not None and worries.for_families(reading.interests)
        said = None if payload else people.speaker(text, known, for_families=family_asks)
        # The classifier's "parent_help" alone does not make a parent of someone who only names things to do
        # ("camping and hiking stuff"): nothing in it says who is talking, and most who do that are young.
        only_activities = reading is not None and bool(reading.interests) and all(
            t.kind in ("activity", "group") for t in reading.interests
        )
        # Nor does it make a parent of someone who gives an adult age and names no child ("mental health
        # support for uni age like 20"): they ask for themself.
        adult_age = reading is not None and reading.age is not None and reading.age >= ages.ADULT
        asked_parents_help = intent == "parent_help" and not only_activities and not adult_age
        speaker = said or known or (
            people.PARENT if asked_parents_help or family_asks else people.YOUNG_PERSON
        )
        events: list[EventType] = [SlotSet("speaker", speaker)]
        fact = None if payload else followups.fact_asked(text)
        acknowledged = False

        if (
            not payload
            and tracker.get_slot("last_shown_ids")
            and (reading is None or reading.place is None or followups.refers_back(text))
            and followups.about_shown(text)
            and await answer_about_shown(dispatcher, self.client, tracker, fact, reading)
        ):
            # "do I need to book?" with a list on screen: about the list, even if "book" reads as an interest;
            # "whereabouts in speke is it" too, though it names a place, since "it" is what was shown.
            return events + [DONE]
        if not payload and followups.wants_listing(text):
            # "how do I get us listed on here?": someone who runs an activity, not one looking for one.
            text_, buttons = replies.add_listing()
            dispatcher.utter_message(text=text_, buttons=buttons)
            return events + [DONE]
        if not payload and (topics := _topics_asked(tracker, domain, text)):
            # "how do I get my son referred to CAMHS?": the explanation answers it, with the next steps as
            # buttons; a form here would answer a question nobody asked. "The difference between Kooth and
            # CAMHS" gets both.
            if ack := replies.acknowledge(people.feelings(text), speaker):
                dispatcher.utter_message(text=ack)
                acknowledged = True
            for topic in topics:
                text_, buttons = what_is_reply(domain, topic)
                dispatcher.utter_message(text=text_, buttons=buttons if topic == topics[-1] else [])
            # What the message said besides the question is kept for the search that may follow.
            kept = [SlotSet(slot, value) for slot, value in age_slots(reading).items()]
            if reading is None or reading.place is None:
                return events + kept + [SlotSet("topic", topics[-1]), DONE]
            # "What's a family hub? I've got a 4 year old and I'm near Croxteth": the explanation, then what
            # is near them, as anyone who says where they are expects.
            events += [SlotSet("topic", topics[-1])]
        if (
            not payload
            and fact is None
            and tracker.get_slot("last_shown_ids")
            and (intent != "out_of_scope" or followups.refers_back(text))
            and open_question_about_shown(text, reading)
            and not people.feelings(text)
            and await answer_about_shown(dispatcher, self.client, tracker, None)
        ):
            # "how many people usually go?", "do parents have to stay?": nothing the bot reads names the fact,
            # but the list on screen is what they are asking about, so its own words answer, with who to ask.
            return events + [DONE]
        if intent == "out_of_scope":
            # Not a question about the list: facts in it ("the weather in Anfield") are not a search either.
            dispatcher.utter_message(response="utter_out_of_scope")
            return events + [DONE]
        if tracker.get_slot("last_shown_ids") and reading is not None and (reading.free or reading.days):
            if not (reading.codes or reading.place or reading.age is not None):
                # "anything free?", "what about saturdays" after a list: change that search.
                return events + await ActionRefine(self.client).run(dispatcher, tracker, domain) + [DONE]
        age = reading.age if reading is not None and reading.age is not None else ages.whole_years(
            tracker.get_slot("age")
        )
        # "what time does the youth club in kirkdale open, im 14": search now, with the times in the reply and
        # on the cards. Without an age the form asks it first, even of a direct question: a junior club (7 to 11)
        # and a senior one (16 to 25) have different times and prices, and a 13 year old is never shown a group
        # for adults. The age is never guessed.
        now = followups.is_question(text) and age is not None
        # Under 5 or over 25, the form takes them where they belong (family hubs, adult contacts).
        in_range = age is None or ages.band(age) == ages.IN_RANGE
        searching_now = reading is not None and bool(reading.codes) and reading.place is not None and now and in_range
        feelings = [] if payload else people.feelings(text)
        # A feeling named is answered first, whatever comes next: a search, a form, a question.
        if not acknowledged and (ack := replies.acknowledge(feelings, speaker)):
            dispatcher.utter_message(text=ack)
        if searching_now:
            said = age_slots(reading) or {"age": age, "age_to": ages.whole_years(tracker.get_slot("age_to"))}
            search = Search(
                age=said["age"],
                age_to=said["age_to"],
                interests=tuple(reading.codes),
                area=reading.place.name,
                free=reading.free,
                online=reading.online,
                day=day_value(reading.days),
            )
            return events + await present(dispatcher, self.client, search) + [DONE]
        if (fact or intent == "ask_about_service") and not _has_facts(reading) and not feelings:
            if await answer_about_shown(dispatcher, self.client, tracker, fact):
                return events + [DONE]
            if intent == "ask_about_service":
                text_, buttons = replies.nothing_shown_yet()
                dispatcher.utter_message(text=text_, buttons=buttons)
                return events + [DONE]

        if intent == "nlu_fallback" and not _has_facts(reading) and not feelings:
            again = _last_bot_text(tracker).startswith(NOT_UNDERSTOOD_STARTS)
            dispatcher.utter_message(response="utter_default_again" if again else "utter_default")
            return events + [DONE]
        if _wants_help(reading, intent, speaker):
            return events + [FollowupAction(PARENT_FORM)]
        return events + [FollowupAction(ACTIVITY_FORM)]
