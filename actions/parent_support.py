"""action_parent_support: the help a parent, carer or professional named, and
belonging activities for the child when their age is known."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import UsesDirectory, speaker_of
from bot import ages, people, replies, worries
from bot.directory_client import DirectoryError
from bot.search import Search, find, find_named_first

logger = logging.getLogger(__name__)

NEXT_STEPS = [
    replies.button("Find activities for them", "find_activity"),
    replies.button("What is CAMHS?", "ask_what_is", {"topic": "camhs"}),
    replies.button("Start again", "refine", {"refinement": "restart"}),
]


class ActionParentSupport(UsesDirectory, Action):
    def name(self) -> str:
        return "action_parent_support"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        key = tracker.get_slot("worry")
        worry = worries.get(key)
        age = ages.whole_years(tracker.get_slot("child_age"))
        if age is None:
            # A baby is 0: only a missing age falls back to the one the activity form kept.
            age = ages.whole_years(tracker.get_slot("age"))
        # Two ages (siblings, a group, a school year) came with the age slot: groups must suit both.
        age_to = ages.whole_years(tracker.get_slot("age_to"))
        if age is None or age_to is None or age_to <= age:
            age_to = None
        area = tracker.get_slot("area")
        if age is not None and ages.band(age) == ages.OVER_25:
            text, buttons = replies.over_twenty_five()
            dispatcher.utter_message(text=text, buttons=buttons)
            return []

        label = worry.label if worry else "this"
        under_five = age is not None and ages.band(age) == ages.UNDER_5
        if speaker_of(tracker) == people.PROFESSIONAL:
            for_families = under_five or bool({"family_hub", "parenting_support"} & set(worry.support if worry else ()))
            dispatcher.utter_message(text=replies.professional_intro(label, families=for_families))
        else:
            # Built from data/crisis_contacts.yml only, so it works even when the directory is down.
            dispatcher.utter_message(text=replies.parent_support_text(label, age, None))

        if under_five:
            # Families with little ones: family hubs and parenting help, in the order a family service they
            # asked for names them ("where's the nearest family hub": hubs first).
            support_codes: tuple[str, ...] = worry.support if worry and worry.for_families else worries.GENERAL_SUPPORT
        elif worry:
            support_codes = worry.support
        elif key and key != "general":
            support_codes = (key,)  # a term they named that is not one of our worries
        else:
            support_codes = worries.GENERAL_SUPPORT
        online = bool(tracker.get_slot("online_only"))
        # A family service is for both children, as the groups are: "a family hub for my 10 and 4 year old".
        support = Search(age=age, age_to=age_to, interests=support_codes, area=area, online=online)
        # A worry whose own service leads comes first ("the nearest family hub": hubs, then the parenting help
        # beside them; bullying: bullying support, then wellbeing); other worries' support is searched as one.
        named = tuple(worry.codes) if worry and worry.leads else ()
        activities = Search(
            age=age, age_to=age_to, interests=worry.activities if worry else worries.GENERAL_ACTIVITIES, area=area
        )
        try:
            found_support = await find_named_first(self.client, support, named)
            found_activities = None if under_five or age is None else await find(self.client, activities)
        except DirectoryError as error:
            logger.warning("directory unavailable for parent support: %s %s", type(error).__name__, error.status)
            text, buttons = replies.directory_down()
            dispatcher.utter_message(text=text, buttons=buttons)
            return []

        shown: list[str] = []
        support_recs = found_support.recommendations
        place = support_recs.place.name if support_recs.place else support.near
        if support_recs.items:
            dispatcher.utter_message(
                text=replies.parent_services_intro(place) + " " + replies.names_with_times(support_recs.items),
                json_message=replies.services_payload(support_recs.items),
            )
            shown += [str(i.get("id")) for i in support_recs.items]
        if found_activities and found_activities.recommendations.items:
            items = found_activities.recommendations.items
            dispatcher.utter_message(
                text=replies.parent_activities_intro(age, age_to) + " " + replies.names_with_times(items),
                json_message=replies.services_payload(items),
            )
            shown += [str(i.get("id")) for i in items]
        dispatcher.utter_message(text="Is there anything else I can help with?", buttons=NEXT_STEPS)
        return [SlotSet("last_shown_ids", shown), SlotSet("asked", None)]
