"""action_refine: "show more", "something free", "closer", "at the weekend",
"something else" and "start again", applied to the last search."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answer import answer_about_shown, open_question_about_shown
from actions.common import ACTIVITY_FORM, UsesDirectory, active_form, latest_text, read_message
from actions.recommend import present, slot_events
from bot import followups, replies
from bot.refinements import CLOSER, FREE, MORE, OTHER, RESTART, RETRY, parse
from bot.search import PAGE_SIZE, Search


class ActionRefine(UsesDirectory, Action):
    def name(self) -> str:
        return "action_refine"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = latest_text(tracker)
        if tracker.get_slot("last_shown_ids") and followups.about_shown(text):
            # "is it free?" after a list is a question about it, not "something free".
            await answer_about_shown(dispatcher, self.client, tracker, followups.fact_asked(text))
            return slot_events({"refinement": None})
        wanted = parse(tracker.get_latest_entity_values("refinement"), text)
        kinds = wanted.kinds
        if not kinds and not wanted.day and tracker.get_slot("last_shown_ids") and followups.open_question(text):
            # "how many people usually go?" names no change to make: it asks about the list on screen.
            if open_question_about_shown(text, await read_message(self.client, tracker)):
                await answer_about_shown(dispatcher, self.client, tracker, None)
                return slot_events({"refinement": None})

        if RESTART in kinds:
            text, buttons = replies.start_again()
            dispatcher.utter_message(text=text, buttons=buttons)
            return [AllSlotsReset()]

        search = Search.from_slots(tracker.current_slot_values())
        # A search has run once the area is known and the age is known, or was not given (youth only).
        ready = search.area is not None and (search.age is not None or search.youth_only)

        if active_form(tracker) or not ready:
            # Nothing to refine yet: remember "free" / the day for the search
            # the form is about to run, and let the form carry on.
            noted = replace(search, free=search.free or FREE in kinds, day=wanted.day or search.day)
            if active_form(tracker):
                dispatcher.utter_message(text=replies.refinement_noted(kinds, wanted.day))
                return slot_events({"free_only": noted.free, "day": noted.day, "refinement": None})
            # No search yet ("any free stuff to do" as a first message): start
            # one rather than send them back to a button, keeping what they asked for.
            if noted.free or noted.day:
                dispatcher.utter_message(text=replies.refinement_noted(kinds, wanted.day))
            events = slot_events({"free_only": noted.free, "day": noted.day, "refinement": None})
            return events + [FollowupAction(ACTIVITY_FORM)]

        if OTHER in kinds:
            reading = await read_message(self.client, tracker)
            new_interests = reading.codes if reading else []
            if not new_interests:
                # Ask what else; the answer refills interests and the form
                # runs again, leaving out everything already shown.
                text, buttons = replies.ask_what_else()
                dispatcher.utter_message(text=text, buttons=buttons)
                return slot_events(
                    {"interests": None, "excluded_ids": list(search.shown), "refinement": None, "asked": None}
                )
            search = replace(search, interests=tuple(new_interests), exclude=search.shown, shown=(), offset=0)

        if RETRY in kinds:
            events = await present(dispatcher, self.client, search)
            return events + [SlotSet("refinement", None)]

        more = MORE in kinds and len(kinds) == 1 and not wanted.day
        if more:
            search = replace(search, offset=search.offset + PAGE_SIZE)
        if FREE in kinds:
            search = replace(search, free=True, offset=0, shown=())
        if wanted.day:
            search = replace(search, day=wanted.day, offset=0, shown=())
        if CLOSER in kinds:
            if not search.near:
                text, buttons = replies.closer_needs_area()
                dispatcher.utter_message(text=text, buttons=buttons or None)
                return slot_events({"refinement": None})
            search = search.closer(tracker.get_slot("max_distance_km"))
        if not kinds and not wanted.day:
            # A refine message I could not read: offer the choices.
            dispatcher.utter_message(text="What would you like to change? 🙂", buttons=replies.REFINE_BUTTONS)
            return slot_events({"refinement": None})

        events = await present(dispatcher, self.client, search, more=more)
        return events + [SlotSet("refinement", None)]
