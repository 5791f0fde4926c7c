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
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot import helplines, worries
from bot.directory_client import Recommendations
from bot.people import PARENT, PROFESSIONAL, UNSAID, YOUNG_PERSON  # who is talking: questions are worded for them
from directory.search import reach  # how a service is reached: the rule the directory's cards follow
from directory.search.ages import span_text  # a service's ages, worded as the directory's cards word them

SERVICE_FIELDS = (
    "id",
    "name",
    "reason",
    "distance_km",
    "minimum_age",
    "maximum_age",
    "free",
    "url",
    "phone",  # a number to call; a text-only line comes as `text` and `sms` instead, never as a phone
    "text",
    "sms",
    "address",
    "schedule",
    # True for an activity of the same family listed because it is near (the exact ones were far).
    "related",
    # True for a fictional listing: the record carries the directory's "Sample data" mark.
    "sample",
)

ALL_SAMPLE = "Heads up: these are sample listings, made up to show how this works, so they're not real places to go."

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

AGE_BAND_BUTTONS = [
    # An age band sends its youngest age, so every suggestion admits the whole band's youngest.
    ("8 to 10", 8),
    ("11 to 13", 11),
    ("14 to 15", 14),
    ("16 to 17", 16),
    ("18 to 25", 18),
]

# --- the form's questions -------------------------------------------------


def ask_interests(speaker: str = YOUNG_PERSON) -> tuple[str, list[Button]]:
    buttons = [button(title, "inform", {"interest": value}) for title, value in INTEREST_BUTTONS]
    buttons.append(text_button("Not sure yet", "anything really"))
    question = {YOUNG_PERSON: "What are you into?", UNSAID: "What kind of things are you looking for?"}.get(
        speaker, "What are they into?"
    )
    text = f"{question} 🙂 Football, drama, gaming, music, art, anything goes. You can say more than one."
    return text, buttons


def ask_age(speaker: str = YOUNG_PERSON) -> str:
    if speaker == PARENT:
        return "How old is your child? Just a number is fine, like 11."
    if speaker == PROFESSIONAL:
        return "How old is the young person? Just a number is fine, like 13."
    if speaker == UNSAID:
        return "What age should I look for? Just a number is fine, like 14."
    return "How old are you? Just a number is fine, like 14."


def ask_area(speaker: str = YOUNG_PERSON) -> tuple[str, list[Button]]:
    question = "Which part of Liverpool are you in?" if speaker == YOUNG_PERSON else "Which area of Liverpool is it?"
    text = (
        f"{question} An area like Anfield, or the start of a postcode like L4, is perfect. "
        "No need for the full postcode."
    )
    return text, [text_button("Anywhere is fine", "anywhere")]


def ask_worry(again: bool = False) -> tuple[str, list[Button]]:
    buttons = [button(title, "inform", {"worry": value}) for title, value in worries.buttons()]
    if again:
        return "Thanks for telling me. So I can point you to the right help, which of these is closest?", buttons
    return "I'm sorry things are hard at the moment. 💛 What's worrying you most?", buttons


# --- re-asks after an answer I could not use, and the defaults after a second miss ---


def age_band_buttons() -> list[Button]:
    """One button per age band; a tap sends the band's youngest age."""
    return [button(title, "inform", {"age": age}) for title, age in AGE_BAND_BUTTONS]


def age_not_understood(speaker: str = YOUNG_PERSON) -> tuple[str, list[Button]]:
    who = "you are" if speaker == YOUNG_PERSON else "they are"
    text = f"Sorry, I didn't catch an age there. 🙂 Tap the one closest to how old {who}."
    return text, age_band_buttons()


def need_age(speaker: str = YOUNG_PERSON) -> tuple[str, list[Button]]:
    """No age, and no list yet to narrow: never guess one, and say why."""
    who = "you" if speaker == YOUNG_PERSON else "them"
    text = (
        f"That's OK. I need an age to pick groups that are right for {who}, because clubs are for set ages. "
        "Tap an age group whenever you're ready, and I'll find things straight away."
    )
    return text, age_band_buttons()


def youth_only_note(speaker: str = YOUNG_PERSON) -> tuple[str, list[Button]]:
    """No age given: the list is for under-18s only, and an age band narrows it."""
    who = "how old you are" if speaker == YOUNG_PERSON else "how old they are"
    text = (
        f"That's OK. As I don't know {who}, these are all groups for under-18s. "
        "Tap an age group to see the ones that fit best."
    )
    return text, age_band_buttons()


def interests_not_found(unknown: Sequence[str], suggestions: Sequence[tuple[str, str]]) -> tuple[str, list[Button]]:
    """unknown: what I could not match; suggestions: (name, code) pairs."""
    named = ", ".join(f'"{u}"' for u in unknown[:2]) if unknown else "that"
    text = (
        f"I don't know {named} yet, sorry! 🙈 What kind of things do you like doing? "
        "Or pick one of these to try."
    )
    picks = list(suggestions[:5]) or [(title, value) for title, value in INTEREST_BUTTONS]
    buttons = [button(name, "inform", {"interest": code}) for name, code in picks]
    buttons.append(text_button("Anything's fine", "anything really"))
    return text, buttons


def interests_unsure(speaker: str = YOUNG_PERSON) -> tuple[str, list[Button]]:
    """After "not sure" to "what are you into?": one more, easier ask, with ideas to tap."""
    they, them = ("you", "you") if speaker == YOUNG_PERSON else ("they", "them")
    text = (
        f"That's OK, lots of people aren't sure. 🙂 What do {they} like doing, even a little? "
        "Being active, making things, music, games, being outdoors, or just hanging out with people. "
        f"Or tap \"Anything's fine\" and I'll show {them} a mix."
    )
    buttons = [button(title, "inform", {"interest": code}) for title, code in INTEREST_BUTTONS]
    buttons.append(text_button("Anything's fine", "anything really"))
    return text, buttons


def interests_default(speaker: str = YOUNG_PERSON, with_support: bool = False) -> str:
    who = "you" if speaker == YOUNG_PERSON else "them"
    if with_support:
        return (
            f"No problem! I'll show {who} some friendly groups, and some support for what you told me about. "
            "You can always ask for something else. 🙂"
        )
    return (
        f"No problem! I'll show {who} a mix of popular groups where people meet others and try new things. "
        "You can always ask for something else. 🙂"
    )


def place_not_found(phrase: str | None, suggestions: Sequence[str]) -> tuple[str, list[Button]]:
    where = f'"{phrase}"' if phrase else "that place"
    if suggestions:
        text = (
            f"I couldn't find {where} in Liverpool. Did you mean one of these? If not, which area is it? "
            "The start of the postcode, like L9, is fine too."
        )
    else:
        text = (
            f"I couldn't find {where} in Liverpool, sorry. Which area is it? The name of the area, like Walton, "
            "or the start of the postcode, like L9, is perfect."
        )
    buttons = [button(name, "inform", {"area": name}) for name in suggestions[:5]]
    buttons.append(text_button("Anywhere is fine", "anywhere"))
    return text, buttons


def area_default() -> str:
    return "No worries, I'll look across Liverpool and online instead. 🙂"


def worry_default() -> str:
    return "That's OK, you don't have to say. Here's where families can get support."


# --- ages outside 5 to 25 ---------------------------------------------------


def under_five() -> str:
    return (
        "For little ones under 5, family hubs are a good place to start. 🏡 They're places in the community "
        "where families can get support, made to be easy to reach and to ask for without feeling judged."
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


def _summary(age: int | None, interests: Sequence[str], place: str | None, age_to: int | None = None) -> str:
    parts = []
    if interests:
        parts.append(" and ".join(interests[:3]) if len(interests) <= 3 else ", ".join(interests[:3]) + "...")
    if place:
        parts.append(f"near {place}")
    if age is not None and age_to is not None and age_to > age:
        parts.append(f"for {age} to {age_to} year olds")
    elif age is not None:
        parts.append(f"for a {age} year old")
    return " ".join(parts)


def recommendations_text(
    items: Sequence[Mapping[str, Any]],
    notes: Sequence[str],
    age: int | None,
    interest_names: Sequence[str],
    place: str | None,
    more: bool = False,
    age_to: int | None = None,
) -> str:
    what = _summary(age, interest_names, place, age_to)
    head = ("Here are some more" if more else "Here's what I found") + (f": {what}" if what else "") + " 🙌"
    lines = [head]
    lines += [note for note in notes if note]
    if items and all(item.get("sample") is True for item in items):
        lines.append(ALL_SAMPLE)
    # The cards carry the details; the text just names them, for screen readers and text-only chats.
    names = names_with_times(items)
    if names:
        lines.append(names)
    lines.append("Want me to change anything?")
    return "\n".join(lines)


def names_with_times(items: Sequence[Mapping[str, Any]]) -> str:
    """ "Kirkdale Youth Club (Tue 6pm-8pm); ..." for screen readers and text-only chats."""
    names = [
        str(item["name"]) + (f" ({item['schedule']})" if item.get("schedule") else "")
        for item in items
        if item.get("name")
    ]
    return "; ".join(names) + "." if names else ""


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
        "school_year": "Nothing matched every age in that school year, so these suit the older ones.",
        "day": "There was nothing on that day, so I've included other days too.",
        "free": "I couldn't find free ones, so some of these might cost a bit.",
        "interests": "I couldn't find that exact thing, so here are other groups for your age.",
        "near": f"There was nothing near {place}, so here are things across the city and online."
        if place
        else "Here are things across the city and online.",
    }[step]


def other_ages(found: Recommendations, age: int | None, age_to: int | None = None) -> str:
    """What was asked for exists, but not for this age: say for whom, so nobody thinks it is missing."""
    item = found.items[0]
    what = " and ".join(t.name.lower() for t in found.interests) or "that"
    who = f"{age} to {age_to} year olds" if age_to else f"a {age} year old"
    ages = span_text(item.get("minimum_age"), item.get("maximum_age")) or "other ages"
    return (
        f"I couldn't find {what} for {who}. There is {what} for other ages, like {item.get('name')} ({ages}), "
        "so here are other groups for your age too."
    )


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
    camhs, place2be, kooth = _support_resources()
    lines = [f"Thank you for telling me about {worry_label}. 💛 Here's where you can get support:", *camhs]
    lines.append(f"• {FAMILY_HUBS}")
    return "\n".join([*lines, *place2be, *kooth])


def _support_resources() -> tuple[list[str], list[str], list[str]]:
    """CAMHS, Place2Be and Kooth, each as a line from the checked data only (none if it is not there)."""
    resources = helplines.resources()

    def line(name: str, text: str) -> list[str]:
        resource = resources.get(name)
        return [f"• {text} {resource.url}"] if resource else []

    return (
        line(
            "Liverpool CAMHS",
            "Liverpool CAMHS: mental health services for ages 0 to 25. You can make a referral online, "
            "and they have a While You're Waiting guide.",
        ),
        line("Place2Be", "Place2Be: resources for families from the children's mental health charity."),
        line(
            "Kooth",
            "Kooth: free, anonymous online counselling for young people. Which ages it serves depends on the "
            "area, so check",
        ),
    )


def parent_services_intro(place: str | None) -> str:
    return "Support services" + (f" near {place}" if place else "") + ":"


def parent_activities_intro(age: int | None, age_to: int | None = None) -> str:
    if age is not None and age_to is not None and age_to > age:
        who = f"{age} to {age_to} year olds"
    else:
        who = f"a {age} year old" if age is not None else "your child"
    return f"Doing something they enjoy with others helps children feel they belong. Here are some groups for {who}:"


FAMILY_HUBS = (
    "Family hubs: places in the community where families can get support, made to be easy to reach "
    "and to ask for without feeling judged."
)


def professional_intro(worry_label: str, families: bool = False) -> str:
    """To a professional: where to signpost, and family hubs first when the help is for the family; then the
    referral routes and online help beside the local services (CAMHS while they wait, Place2Be, Kooth)."""
    camhs, place2be, kooth = _support_resources()
    routes = "\n".join([*camhs, *place2be, *kooth])
    if families:
        return (
            f"Thanks. A good place to start for the whole family:\n• {FAMILY_HUBS}\n"
            f"For {worry_label}, the routes and online help beside the local services below:\n{routes}"
        )
    return (
        f"Thanks. For {worry_label}, here are the routes and online help beside the local services below:\n"
        f"{routes}"
    )


# --- a young person who says how they feel --------------------------------

# Answered first, in the spirit of the seed articles: belonging is fragile, it is not their fault, and
# doing something with others around a shared interest is what helps.
FEELINGS = {
    "bullied": (
        "I'm really sorry you're being bullied. 💛 That's not OK, and it's not your fault. "
        "Finding a group where people are kind and like the same things as you can really help."
    ),
    "lonely": (
        "That sounds really hard, and lots of young people feel like that. 💛 "
        "A club or group around something you enjoy is one of the best ways to meet people who get you."
    ),
    "not_fitting_in": (
        "Feeling like you don't fit in is really tough, and you're not the only one who feels it. 💛 "
        "There are groups where you can just be yourself, with people who like the same stuff."
    ),
    "new": (
        "Moving somewhere new is a big thing, and it takes time to find your people. 💛 "
        "Joining a group is a good way to meet others nearby."
    ),
    "anxiety": (
        "Anxiety can be really hard to live with, and lots of young people go through it. 💛 It's OK to ask "
        "for help, and small, friendly groups where you can go at your own pace can help too."
    ),
    "anxious": (
        "That's completely OK, lots of people feel nervous about trying something new. 💛 "
        "Lots of groups are small and friendly, and you can go at your own pace."
    ),
    "low": (
        "I'm sorry you're feeling like this. 💛 Lots of young people go through it, and it's OK to ask for help. "
        "Doing something with others, around something you enjoy, can really help too."
    ),
    "angry": (
        "Feeling angry a lot is really hard, and it doesn't make you a bad person. 💛 Lots of young people "
        "find that something active, or someone to talk to, really helps."
    ),
    "scared": (
        "I'm sorry you're scared. 💛 That's a lot to carry, and you don't have to carry it on your own."
    ),
    "caring": (
        "Looking after someone at home is a big thing to do, and it's OK to want time for you too. 💛 "
        "Young carers groups are a place to have fun, take a break and meet people who get it."
    ),
    "worried": (
        "It's OK to feel worried, and you don't have to sort it out on your own. 💛 "
        "Lots of young people feel like this, and there are people and groups who can help."
    ),
    "grief": (
        "I'm so sorry. 💛 Losing someone is really hard. Being around people, doing something you enjoy, "
        "can help, and there are people who understand what you're going through."
    ),
    "neurodivergent": (
        "Thanks for telling me. 💛 Some groups are set up to be relaxed and welcoming for autistic "
        "and neurodivergent young people, and I can look for those."
    ),
    "told_identity": (
        "Thanks for telling me. 💛 There are groups run with and for young people like you, where you can just "
        "be yourself and meet people who get it."
    ),
    "hard": (
        "That sounds really tough, and thank you for telling me. 💛 You don't have to sort it out on your own, "
        "and spending time with people who get you can really help."
    ),
}
# Where a feeling can weigh on someone, a line to talk to as well, from data/crisis_contacts.yml.
TALK_TO = (
    "bullied", "lonely", "not_fitting_in", "anxiety", "low", "angry", "scared", "worried", "caring", "grief", "hard",
)
# Named by a parent or professional about a young person, these are what Childline and Kooth are there for.
THEIR_STRUGGLES = ("bullied", "lonely", "not_fitting_in", "anxiety", "low", "grief")
# Named by a parent or professional, these are a need to meet rather than something hard to acknowledge.
NOT_A_HARDSHIP = ("neurodivergent", "told_identity")
# To a parent, carer or professional, about the young person or themselves.
FEELINGS_FOR_OTHERS = (
    "Thank you for telling me. 💛 That sounds really hard, and you don't have to sort it out on your own. "
    "Let's find some support."
)


def acknowledge(feelings: Sequence[str], speaker: str = YOUNG_PERSON) -> str | None:
    """The first thing said to someone who named a feeling, or None."""
    first = next((f for f in feelings if f in FEELINGS), None)
    if first is None:
        return None
    if speaker != YOUNG_PERSON:
        # "Any autism-friendly clubs for my son?" names a need, not a hardship.
        hard = [f for f in feelings if f in FEELINGS and f not in NOT_A_HARDSHIP]
        if not hard:
            return None
        # "One of my students told me she's been feeling really low": where the young person can turn too.
        named = _who_to_talk_to() if any(f in THEIR_STRUGGLES for f in hard) else ""
        return FEELINGS_FOR_OTHERS + (f" If they'd like to talk to someone themselves, {named}." if named else "")
    text = FEELINGS[first]
    if first in TALK_TO and (named := _who_to_talk_to()):
        text += f" If you want to talk to someone about it, {named}."
    return text


def _who_to_talk_to() -> str:
    """Childline and Kooth, in only the words data/crisis_contacts.yml gives: Childline is 24/7; Kooth's hours
    depend on the area."""
    childline = helplines.pick(["childline"])
    kooth = helplines.resources().get("Kooth")
    extras = [f"Childline is there any time on {childline[0].phone}" if childline and childline[0].phone else None]
    extras.append(f"Kooth has free online support for young people at {kooth.url}" if kooth else None)
    return ", and ".join(e for e in extras if e)


# --- questions about the services just shown --------------------------------


def _sentences_with(text: str, pattern: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if re.search(pattern, s, re.I)]


def _place(record: Mapping[str, Any]) -> str | None:
    for sal in record.get("service_at_locations") or []:
        location = sal.get("location") or {}
        for address in location.get("addresses") or []:
            parts = [address.get("address_1"), address.get("city"), address.get("postal_code")]
            line = ", ".join(str(p) for p in parts if p)
            if line:
                return line
        if location.get("location_type") == "virtual":
            return None
    return None


def _text_words(record: Mapping[str, Any]) -> str | None:
    line = reach.first_text(reach.lines_of(record))
    return reach.text_words(line) if line else None


def _contact(record: Mapping[str, Any]) -> str:
    number = reach.first_voice(reach.lines_of(record))
    if number:
        return f"call {number}"
    if words := _text_words(record):
        return words[:1].lower() + words[1:]
    if record.get("email"):
        return f"email {record['email']}"
    if record.get("url"):
        return f"see {record['url']}"
    return "ask them"


def service_fact(record: Mapping[str, Any], fact: str) -> str:
    """One fact about one service, only from its own record (never invented)."""
    name = str(record.get("name") or "That one")
    if fact == "cost":
        fees = record.get("fees_description")
        amounts = [c.get("amount") for c in record.get("cost_options") or [] if c.get("amount") is not None]
        if fees:
            return f"{name}: {fees}"
        if amounts and all(float(a) == 0 for a in amounts):
            return f"{name} is free. 🙌"
        return f"The listing for {name} doesn't say what it costs, so it's worth asking them: {_contact(record)}."
    if fact == "time":
        times = [s.get("description") for s in record.get("schedules") or [] if s.get("description")]
        if times:
            return f"{name} is on: " + "; ".join(times) + "."
        return f"The listing for {name} doesn't give times, so it's best to check with them: {_contact(record)}."
    if fact == "place":
        place = _place(record)
        if place:
            return f"{name} is at {place}."
        if reach.record_is_online(record):
            where = f" at {record['url']}" if record.get("url") else ""
            return f"{name} is online, so you can join from anywhere{where}."
        return f"The listing for {name} doesn't give an address: {_contact(record)} to ask."
    if fact == "phone":
        number = reach.first_voice(reach.lines_of(record))
        if number:
            return f"You can call {name} on {number}."
        if words := _text_words(record):
            # A text-only line: saying "call" would send someone to a number that never answers.
            return f"{name} takes texts, not calls: {words}."
        other = f" You can reach them at {record.get('email') or record.get('url')}." if (
            record.get("email") or record.get("url")
        ) else ""
        return f"{name} doesn't list a phone number.{other}"
    if fact == "turn_up":
        fields = ("description", "eligibility_description", "fees_description")
        said = " ".join(str(record.get(k) or "") for k in fields)
        found = _sentences_with(said, r"drop[ -]?in|turn up|just come|book|booking|sign up|referr|register")
        if found:
            return f"{name}: " + " ".join(found[:2])
        return (
            f"The listing for {name} doesn't say whether you need to book, so it's best to get in touch first: "
            f"{_contact(record)}."
        )
    description = str(record.get("description") or "")
    eligibility = record.get("eligibility_description")
    return f"{name}: {description}" + (f" {eligibility}" if eligibility else "")


def listing_says(record: Mapping[str, Any]) -> str:
    """A question no field answers ("how many people go?"): what the listing says, and who to ask. Never a
    guess at the answer."""
    name = str(record.get("name") or "That one")
    description = str(record.get("description") or "").strip()
    eligibility = str(record.get("eligibility_description") or "").strip()
    said = " ".join(part for part in (description, eligibility) if part)
    contact = _contact(record)
    ask = "ask them" if contact == "ask them" else f"ask them: {contact}"
    if not said:
        return f"The listing for {name} doesn't say much more, so it's best to {ask}."
    return f"Here's what the listing for {name} says: {said} If that doesn't answer it, {ask}."


def which_one() -> str:
    return "Which one do you mean? You can say \"the first one\" or its name. 🙂"


def nothing_shown_yet() -> tuple[str, list[Button]]:
    return (
        "I haven't shown you anything yet! Tell me what you're into, how old you are and where you live, "
        "and I'll find some groups. 🙂",
        [button("Find something to do", "find_activity")],
    )


def add_listing() -> tuple[str, list[Button]]:
    """To someone who runs an activity and asks for it to be listed: what the bot can and cannot do. It knows of
    no contact for the team behind the website, so it names none."""
    return (
        "Thanks for wanting to be on here! 🙌 I can't add or change listings myself. The directory is kept up to "
        "date by the team who run this website, so please get in touch with them through the site where you "
        "found me, and they can add your activity.",
        [button("Find something to do", "find_activity"), button("I'm a parent or carer", "parent_help")],
    )
