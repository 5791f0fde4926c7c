"""Dialogue policy that lets a crisis message override anything, forms included.

The safety layer (bot/safety/) labels a risky message with the intent
`crisis`. Rules then answer with the crisis responses, but Rasa's RulePolicy
gives an active form priority over every rule: the form runs first and only
yields if its validation rejects the message. That needs the action server,
and DESIGN §7 says crisis contacts must come whatever else breaks. This
policy predicts the crisis sequence deterministically, outranks the form
(same "no user" class as loop predictions, higher priority) and needs no
training data and no action server:

    crisis -> utter_crisis -> utter_crisis_followup
           -> action_deactivate_loop (only if a form was active)
           -> action_note_facts -> action_listen

It also reads what the NLU cannot, because it spans turns, and starts the same
sequence with `risk_category` set by its prediction:
- an age said earlier ("im 13") and a much older partner named now ("my
  boyfriend is 20"), the gap computed by bot/safety/age_gap.py;
- "no" or "not really" in answer to the check-in's "Are you safe?"
  (bot/safety/check_in.py): the full reply for immediate danger.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import (
    ACTION_DEACTIVATE_LOOP_NAME,
    ACTION_EXTRACT_SLOTS,
    ACTION_LISTEN_NAME,
)
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.ages import whole_years
from bot.safety import age_gap, check_in
from bot.safety.detector import CHECK_IN

CRISIS_INTENT = "crisis"
RISK_SLOT = "risk_category"
# Slots where the forms keep an age they read; earlier messages are read too.
AGE_SLOTS = ("age", "child_age")
UTTER_CRISIS = "utter_crisis"
UTTER_CRISIS_FOLLOWUP = "utter_crisis_followup"
NOTE_FACTS = "action_note_facts"
# Above RulePolicy (4): ties in confidence are broken by priority.
DEFAULT_PRIORITY = 6


def actions_since_latest_user_message(tracker: DialogueStateTracker) -> list[str]:
    """Names of the actions run after the latest user message, oldest first."""
    names: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name:
            names.append(event.action_name)
    names.reverse()
    # action_extract_slots runs after every message; it is not a reply.
    return [name for name in names if name != ACTION_EXTRACT_SLOTS]


def next_crisis_action(tracker: DialogueStateTracker) -> str | None:
    """The next action of the crisis sequence, or None if it does not apply."""
    latest = tracker.latest_message
    if latest is None:
        return None
    done = actions_since_latest_user_message(tracker)
    if latest.intent.get("name") != CRISIS_INTENT and UTTER_CRISIS not in done:
        return None
    if not done:
        return UTTER_CRISIS
    last = done[-1]
    if last == UTTER_CRISIS:
        return UTTER_CRISIS_FOLLOWUP
    if last == UTTER_CRISIS_FOLLOWUP and tracker.active_loop_name:
        return ACTION_DEACTIVATE_LOOP_NAME
    if last in (UTTER_CRISIS_FOLLOWUP, ACTION_DEACTIVATE_LOOP_NAME):
        # Who is talking, the age and the area are kept ("my partner's son is 15 and..."), so someone who goes
        # on to look for help is not asked again; after a check-in, what they asked for too. With the action
        # server down the replies are out already.
        return NOTE_FACTS
    if last == NOTE_FACTS:
        return ACTION_LISTEN_NAME
    # Something else already answered (e.g. a rule with extra steps): stay out.
    return None


def actions_in_previous_turn(tracker: DialogueStateTracker) -> list[str]:
    """Names of the actions run between the user's last two messages."""
    names: list[str] = []
    users = 0
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            users += 1
            if users == 2:
                break
        elif users == 1 and isinstance(event, ActionExecuted) and event.action_name:
            names.append(event.action_name)
    return names


def risk_across_turns(tracker: DialogueStateTracker) -> str | None:
    """The risk category this message shows only together with earlier turns, if any."""
    latest = tracker.latest_message
    if latest is None or not latest.text or latest.intent.get("name") == CRISIS_INTENT:
        return None
    if actions_since_latest_user_message(tracker):
        return None
    if (
        tracker.get_slot(RISK_SLOT) == CHECK_IN
        and UTTER_CRISIS in actions_in_previous_turn(tracker)
        and check_in.not_safe(latest.text)
    ):
        return check_in.ROUTE
    earlier = [
        e.text for e in tracker.events if isinstance(e, UserUttered) and e.text and e is not latest
    ]
    ages = age_gap.ages_said(earlier)
    ages += [a for a in (whole_years(tracker.get_slot(name)) for name in AGE_SLOTS) if a is not None]
    try:
        finding = age_gap.assess(latest.text, ages)
    except Exception:  # noqa: BLE001 - a bug here must not stop the reply
        return None
    return finding.category if finding is not None else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class CrisisOverridePolicy(Policy):
    """Predicts the crisis replies ahead of forms and every other policy."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": DEFAULT_PRIORITY}

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        # Nothing to learn: the sequence is fixed by design.
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = next_crisis_action(tracker)
        events = []
        if action is None and (category := risk_across_turns(tracker)) is not None:
            action, events = UTTER_CRISIS, [SlotSet(RISK_SLOT, category)]
        if action is None or action not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(action)] = 1.0
        # Loop predictions are "no user" predictions and beat all others;
        # ours must be in the same class to be able to outrank them.
        return self._prediction(probabilities, events=events, is_no_user_prediction=True)
