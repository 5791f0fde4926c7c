"""action_recommend: the first list of suggestions once the form is full."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import UsesDirectory, speaker_of
from bot import ages, replies
from bot.directory_client import DirectoryClient, DirectoryError
from bot.refinements import DAY_VALUES, FREE, parse
from bot.search import Found, Search, distances, find

logger = logging.getLogger(__name__)

FAMILY_HUB_INTERESTS = ("family_hub", "parenting_support")


def slot_events(values: dict[str, Any]) -> list[EventType]:
    return [SlotSet(name, value) for name, value in values.items()]


async def present(
    dispatcher: CollectingDispatcher,
    client: DirectoryClient,
    search: Search,
    more: bool = False,
) -> list[EventType]:
    """Search, send the text + services payload + refine buttons, and return
    the slot events that remember this search. Shared with action_refine."""
    try:
        found: Found = await find(client, search)
    except DirectoryError as error:
        # Class and status only: the message may echo what the person typed.
        logger.warning("directory unavailable for recommendations: %s %s", type(error).__name__, error.status)
        text, buttons = replies.directory_down()
        dispatcher.utter_message(text=text, buttons=buttons)
        return []

    recs, used = found.recommendations, found.search
    place = recs.place.name if recs.place else used.near
    if not recs.items:
        text, buttons = replies.no_more(place) if more else replies.nothing_found(place)
        dispatcher.utter_message(text=text, buttons=buttons)
        return slot_events(used.slots())

    notes = [
        replies.other_ages(found.other_ages, used.age, used.age_to)
        if step == "interests" and found.other_ages
        else replies.widened(step, search.near)
        for step in found.relaxed
    ] + list(recs.notes)
    text = replies.recommendations_text(
        recs.items, notes, used.age, [t.name for t in recs.interests], place, more=more, age_to=used.age_to
    )
    dispatcher.utter_message(
        text=text, buttons=replies.REFINE_BUTTONS, json_message=replies.services_payload(recs.items)
    )
    shown = used.shown + tuple(str(item.get("id")) for item in recs.items)
    near_items = distances(recs.items)
    remembered = replace(used, shown=shown).slots()
    remembered["max_distance_km"] = max(near_items) if near_items else None
    # The list on screen, for questions about it ("how much is the second one?").
    remembered["last_shown_ids"] = [str(item.get("id")) for item in recs.items]
    return slot_events(remembered)


def first_search(tracker: Tracker) -> Search:
    """A new search from the form's answers. Keeps what the person asked for
    on the way ("free footy at the weekend", "something free" mid-form) and
    what they set aside with "something else"; starts paging afresh."""
    search = Search.from_slots(tracker.current_slot_values())
    refinement = parse([tracker.get_slot("refinement")] if tracker.get_slot("refinement") else [])
    day = refinement.day if refinement.day in DAY_VALUES else search.day
    return replace(
        search,
        free=search.free or FREE in refinement.kinds,
        day=day,
        radius_km=None,
        offset=0,
        shown=(),
    )


class ActionRecommend(UsesDirectory, Action):
    def name(self) -> str:
        return "action_recommend"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        age: int | None = ages.whole_years(tracker.get_slot("age"))
        if age is None and not tracker.get_slot("age_declined"):
            text, buttons = replies.need_age(speaker_of(tracker))
            dispatcher.utter_message(text=text, buttons=buttons)
            return [SlotSet("asked", None)]
        if age is not None and ages.band(age) == ages.OVER_25:
            text, buttons = replies.over_twenty_five()
            dispatcher.utter_message(text=text, buttons=buttons)
            return []

        search = first_search(tracker)
        if age is None:
            # Not given when asked: never guessed. Someone who may be a child sees only groups for under-18s,
            # and an age band narrows them (Search.youth_only).
            text, buttons = replies.youth_only_note(speaker_of(tracker))
            dispatcher.utter_message(text=text, buttons=buttons)
        if age is not None and ages.band(age) == ages.UNDER_5:
            # Family hubs and parenting help, or the one of them they asked for ("stay and play" is a hub's);
            # the age stays, so a group for parents of older children is not shown.
            named = tuple(code for code in search.interests if code in FAMILY_HUB_INTERESTS)
            search = replace(search, interests=named or FAMILY_HUB_INTERESTS)
        events = await present(dispatcher, self.client, search)
        # A new search starts its questions afresh.
        return events + [SlotSet("refinement", None), SlotSet("asked", None)]
