"""What the actions say: texts, buttons and the services payload.

Plain words for a reading age of about 11, warm, never preachy. Phone
numbers are never typed here: they come from data/crisis_contacts.yml
through bot/helplines.py.

Reply contract (DESIGN §4): recommendations are a text plus
`json_message = {"type": "services", "services": [...]}` with exactly the
fields in SERVICE_FIELDS; quick replies are Rasa buttons.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot import helplines

SERVICE_FIELDS = (
    "id",
    "name",
    "reason",
    "distance_km",
    "minimum_age",
    "maximum_age",
    "free",
    "url",
    "phone",
    "address",
    "schedule",
)

Button = dict[str, str]


def button(title: str, intent: str, entities: Mapping[str, Any] | None = None) -> Button:
    payload = f"/{intent}" + (json.dumps(dict(entities)) if entities else "")
    return {"title": title, "payload": payload}


def text_button(title: str, text: str) -> Button:
    """A button that sends plain words through NLU (for "not sure" answers)."""
    return {"title": title, "payload": text}


MAIN_MENU = [
    button("Find something to do", "find_activity"),
    button("I'm a parent or carer", "parent_help"),
    button("What is CAMHS, Kooth...?", "ask_what_is"),
]

REFINE_BUTTONS = [
    button("Show me more", "refine", {"refinement": "more"}),
    button("Something free", "refine", {"refinement": "free"}),
    button("Closer to me", "refine", {"refinement": "closer"}),
    button("At the weekend", "refine", {"refinement": "weekend"}),
    button("Something else", "refine", {"refinement": "other"}),
    button("Start again", "refine", {"refinement": "restart"}),
]

INTEREST_BUTTONS = [
    ("⚽ Football", "football"),
    ("🎭 Drama", "drama"),
    ("🎵 Music", "music"),
    ("🎨 Art", "art"),
    ("🎮 Gaming", "gaming"),
    ("💃 Dance", "dance"),
    ("🏠 Youth club", "youth club"),
]

WORRY_BUTTONS = [
    ("Anxiety or worry", "anxiety"),
    ("Low mood", "low_mood"),
    ("Not going to school", "school_avoidance"),
    ("Behaviour", "behaviour"),
    ("SEND or additional needs", "send"),
    ("Bullying", "bullying"),
    ("Stress at home", "family_stress"),
    ("Grief or loss", "bereavement"),
]


# --- the form's questions -------------------------------------------------


def ask_interests(for_child: bool = False, lonely: bool = False) -> tuple[str, list[Button]]:
    buttons = [button(title, "inform", {"interest": value}) for title, value in INTEREST_BUTTONS]
    buttons.append(text_button("Not sure yet", "anything really"))
    question = "What are they into?" if for_child else "What are you into?"
    text = f"{question} 🙂 Football, drama, gaming, music, art, anything goes. You can say more than one."
    if lonely and not for_child:
        # Answer what they said before asking, so the question doesn't feel like it ignored them.
        text = "A club is a really good way to meet people who like the same stuff as you. 💛 " + text
    return text, buttons


def ask_age(for_child: bool = False) -> str:
    if for_child:
        return "How old are they? Just a number is fine, like 11."
    return "How old are you? Just a number is fine, like 14."


def ask_area(for_parent: bool = False) -> tuple[str, list[Button]]:
    question = "Which area do you live in?" if for_parent else "Which part of Liverpool are you in?"
    text = (
        f"{question} An area like Anfield, or the start of your postcode like L4, is perfect. "
        "No need for the full postcode."
    )
    return text, [text_button("Anywhere is fine", "anywhere")]


def ask_worry() -> tuple[str, list[Button]]:
    buttons = [button(title, "inform", {"worry": value}) for title, value in WORRY_BUTTONS]
    return "I'm sorry things are hard at the moment. 💛 What's worrying you most about your child?", buttons


def ask_child_age() -> str:
    return "How old is your child? Just a number is fine."


# --- re-asks after an answer I could not use ------------------------------


def age_not_understood() -> str:
    return "Sorry, I didn't catch an age there. 🙂"


def interests_not_found(unknown: Sequence[str], suggestions: Sequence[tuple[str, str]]) -> tuple[str, list[Button]]:
    """unknown: what I could not match; suggestions: (name, code) pairs."""
    named = ", ".join(f'"{u}"' for u in unknown[:2]) if unknown else "that"
    text = f"I don't know {named} yet, sorry! 🙈 Is it like one of these? Or tell me something else you enjoy."
    picks = list(suggestions[:5]) or [(title, value) for title, value in INTEREST_BUTTONS]
    buttons = [button(name, "inform", {"interest": code}) for name, code in picks]
    buttons.append(text_button("Anything's fine", "anything really"))
    return text, buttons


def place_not_found(phrase: str | None, suggestions: Sequence[str]) -> tuple[str, list[Button]]:
    where = f'"{phrase}"' if phrase else "that place"
    if suggestions:
        text = f"I couldn't find {where} in Liverpool. Did you mean one of these?"
    else:
        text = (
            f"I couldn't find {where} in Liverpool, sorry. Could you try the name of your area, like Walton, "
            "or the start of your postcode, like L9?"
        )
    buttons = [button(name, "inform", {"area": name}) for name in suggestions[:5]]
    buttons.append(text_button("Anywhere is fine", "anywhere"))
    return text, buttons


def worry_not_understood() -> str:
    return "Thanks for telling me. I want to point you to the right help, so could you pick the closest one?"


# --- ages outside 5 to 25 ---------------------------------------------------


def under_five() -> str:
    return (
        "For little ones under 5, family hubs are the best place to start. 🏡 They're friendly local "
        "places where parents and carers can get support and meet other families."
    )


def over_twenty_five() -> tuple[str, list[Button]]:
    lines = "\n".join(f"• {c.line()}" for c in helplines.pick(["samaritans", "shout", "nhs_111_mental_health"]))
    text = (
        "I'm made for young people up to 25, so the clubs I know about won't fit, sorry. 💛 "
        "If you'd like someone to talk to, these are for everyone:\n"
        f"{lines}\n"
        "If you're asking for someone younger, just tell me their age."
    )
    return text, [
        button("I'm a parent or carer", "parent_help"),
        button("Start again", "refine", {"refinement": "restart"}),
    ]


# --- recommendations -------------------------------------------------------


def service_card(item: Mapping[str, Any]) -> dict[str, Any]:
    """One service in the payload: exactly SERVICE_FIELDS, missing ones None."""
    return {field: item.get(field) for field in SERVICE_FIELDS}


def services_payload(items: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    return {"type": "services", "services": [service_card(item) for item in items]}


def _summary(age: int | None, interests: Sequence[str], place: str | None) -> str:
    parts = []
    if interests:
        parts.append(" and ".join(interests[:3]) if len(interests) <= 3 else ", ".join(interests[:3]) + "...")
    if place:
        parts.append(f"near {place}")
    if age is not None:
        parts.append(f"for a {age} year old")
    return " ".join(parts)


def recommendations_text(
    items: Sequence[Mapping[str, Any]],
    notes: Sequence[str],
    age: int | None,
    interest_names: Sequence[str],
    place: str | None,
    more: bool = False,
) -> str:
    what = _summary(age, interest_names, place)
    head = ("Here are some more" if more else "Here's what I found") + (f": {what}" if what else "") + " 🙌"
    lines = [head]
    lines += [note for note in notes if note]
    # The cards carry the details; the text just names them, for screen readers and text-only chats.
    names = [str(item.get("name")) for item in items if item.get("name")]
    if names:
        lines.append("; ".join(names) + ".")
    lines.append("Want me to change anything?")
    return "\n".join(lines)


def nothing_found(place: str | None) -> tuple[str, list[Button]]:
    where = f" near {place}" if place else ""
    text = (
        f"I couldn't find anything{where} that fits, even after looking further out. 😕 "
        "Want to try something else, or a different area?"
    )
    return text, [
        button("Something else", "refine", {"refinement": "other"}),
        button("Start again", "refine", {"refinement": "restart"}),
    ]


def no_more(place: str | None) -> tuple[str, list[Button]]:
    return (
        "That's everything I've got for that search. 🙂 Want to try something else?",
        [
            button("Something else", "refine", {"refinement": "other"}),
            button("Something free", "refine", {"refinement": "free"}),
            button("Start again", "refine", {"refinement": "restart"}),
        ],
    )


def widened(step: str, place: str | None) -> str:
    return {
        "day": "There was nothing on that day, so I've included other days too.",
        "free": "I couldn't find free ones, so some of these might cost a bit.",
        "interests": "I couldn't find that exact thing, so here are other groups for your age.",
        "near": f"There was nothing near {place}, so here are things across the city and online."
        if place
        else "Here are things across the city and online.",
    }[step]


def ask_what_else() -> tuple[str, list[Button]]:
    buttons = [button(title, "inform", {"interest": value}) for title, value in INTEREST_BUTTONS]
    return "Sure! What else would you like to try? 🙂", buttons


def closer_needs_area() -> tuple[str, list[Button]]:
    return "I can look closer to you if you tell me your area, like Walton or L9. 🙂", []


def refinement_noted(kinds: Iterable[str], day: str | None) -> str:
    # "free things at the weekend" reads naturally; "things free" does not.
    free = "free" in kinds
    if not free and not day:
        return "Got it. 👍"
    what = "free things" if free else "things"
    when = "" if not day else (" at the weekend" if day == "weekend" else f" on {day_name(day)}")
    return f"Got it, I'll look for {what}{when}. 👍"


def day_name(day: str) -> str:
    return {
        "weekend": "the weekend",
        "weekday": "weekdays",
        "mon": "Mondays",
        "tue": "Tuesdays",
        "wed": "Wednesdays",
        "thu": "Thursdays",
        "fri": "Fridays",
        "sat": "Saturdays",
        "sun": "Sundays",
    }.get(day, day)


def start_again() -> tuple[str, list[Button]]:
    return "OK, fresh start! ✨ What would you like to do?", list(MAIN_MENU)


# --- when the directory is down --------------------------------------------


def directory_down() -> tuple[str, list[Button]]:
    lines = "\n".join(f"• {c.line()}" for c in helplines.pick(helplines.APOLOGY_CONTACTS))
    text = (
        "Sorry, I can't look things up right now, something's not working on my side. 😞 "
        "Please try again in a little while.\n"
        "If you want to talk to someone now, these are there for you:\n"
        f"{lines}"
    )
    return text, [
        button("Try again", "refine", {"refinement": "retry"}),
        button("Start again", "refine", {"refinement": "restart"}),
    ]


# --- parent support ----------------------------------------------------------


def parent_support_text(worry_label: str, age: int | None, place: str | None) -> str:
    resources = helplines.resources()
    camhs = resources.get("Liverpool CAMHS")
    kooth = resources.get("Kooth")
    place2be = resources.get("Place2Be")
    lines = [f"Thank you for telling me about {worry_label}. 💛 Here's where you can get support:"]
    if camhs:
        lines.append(
            f"• Liverpool CAMHS: mental health services for ages 0 to 25. You can make a referral online, "
            f"and their While You're Waiting guide has ideas to help in the meantime. {camhs.url}"
        )
    lines.append(
        "• Family hubs: friendly local places where parents and carers can get support and meet other parents."
    )
    if place2be:
        lines.append(f"• Place2Be: resources for families from the children's mental health charity. {place2be.url}")
    if kooth:
        lines.append(
            f"• Kooth: free, anonymous online counselling for young people. Which ages it serves depends on the area, "
            f"so check {kooth.url}"
        )
    return "\n".join(lines)


def parent_services_intro(place: str | None) -> str:
    return "Support services" + (f" near {place}" if place else "") + ":"


def parent_activities_intro(age: int | None) -> str:
    who = f"a {age} year old" if age is not None else "your child"
    return f"Doing something they enjoy with others helps children feel they belong. Here are some groups for {who}:"
