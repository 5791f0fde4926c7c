"""action_parent_support: support for a parent or carer, and belonging
activities for their child, once the parent form is full."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import UsesDirectory
from bot import ages, replies, worries
from bot.directory_client import DirectoryError
from bot.search import Search, find

logger = logging.getLogger(__name__)

NEXT_STEPS = [
    replies.button("Find activities for my child", "find_activity"),
    replies.button("What is CAMHS?", "ask_what_is", {"topic": "camhs"}),
    replies.button("Start again", "refine", {"refinement": "restart"}),
]


class ActionParentSupport(UsesDirectory, Action):
    def name(self) -> str:
        return "action_parent_support"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        worry: str | None = tracker.get_slot("worry")
        age = ages.parse_age(tracker.get_slot("child_age"))
        area = tracker.get_slot("area")
        if age is not None and ages.band(age) == ages.OVER_25:
            text, buttons = replies.over_twenty_five()
            dispatcher.utter_message(text=text, buttons=buttons)
            return []

        label = worries.label(worry) if worry in worries.WORRIES else "your child"
        # Built from data/crisis_contacts.yml only, so it works even when the
        # directory is down.
        dispatcher.utter_message(text=replies.parent_support_text(label, age, None))

        under_five = age is not None and ages.band(age) == ages.UNDER_5
        support = Search(
            age=None if under_five else age,
            interests=("family_hub", "parenting_support") if under_five else worries.support_interests(worry),
            area=area,
        )
        child_interests = tuple(tracker.get_slot("interests") or ()) or worries.activity_interests(worry)
        activities = Search(age=age, interests=child_interests, area=area)
        try:
            found_support = await find(self.client, support)
            found_activities = None if under_five else await find(self.client, activities)
        except DirectoryError as error:
            logger.warning("directory unavailable for parent support: %s %s", type(error).__name__, error.status)
            text, buttons = replies.directory_down()
            dispatcher.utter_message(text=text, buttons=buttons)
            return []

        support_recs = found_support.recommendations
        place = support_recs.place.name if support_recs.place else support.near
        if support_recs.items:
            dispatcher.utter_message(
                text=replies.parent_services_intro(place),
                json_message=replies.services_payload(support_recs.items),
            )
        if found_activities and found_activities.recommendations.items:
            dispatcher.utter_message(
                text=replies.parent_activities_intro(age),
                json_message=replies.services_payload(found_activities.recommendations.items),
            )
        dispatcher.utter_message(text="Is there anything else I can help with?", buttons=NEXT_STEPS)
        return []
