"""bot/followups.py, bot/data/followups.yml: a question about the list on screen, and which fact it asks."""

from __future__ import annotations

import pytest

from bot import followups, replies


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("how much is it", "cost"),
        ("is it free?", "cost"),
        ("boss ta, is it free tho", "cost"),
        ("do u have to audition", "turn_up"),
        ("wen is it", "time"),
        ("what dates is it running", "time"),
        ("is it a big group or small", "detail"),
        ("What sort of things do they do there?", "detail"),
        ("what sort of thing do they do there", "detail"),
        ("can he come and watch first?", "turn_up"),
        ("do i need a diagnosis to go", "turn_up"),
        ("is it face to face or online", "place"),
        ("what kind of stuff goes on", "detail"),
        ("do i need to be any good at it", "detail"),
        ("have u got their number", "phone"),
        ("can i just turn up or do i need to book", "turn_up"),
        ("do i need to book", "turn_up"),
        ("what time is it on", "time"),
        ("is it every week", "time"),
        ("opening times?", "time"),
        ("wheres that", "place"),
        ("where's the first one", "place"),
        ("tell me more about the second one", "detail"),
        ("can i join it", "turn_up"),
        ("Is there a cost?", "cost"),
        ("are there any fees", "cost"),
        ("whens training", "time"),
        ("what nights is it", "time"),
        ("Do they need an appointment?", "turn_up"),
        ("can i just rock up or do i need to apply", "turn_up"),
        ("How do we refer in?", "turn_up"),
        ("what would she be doing there", "detail"),
        ("what does the mentoring involve", "detail"),
        ("is it dear", "cost"),
        ("can our kid afford it", "cost"),
        ("would she be ok going on her own", "turn_up"),
        ("have they got spaces left", "turn_up"),
        ("should we phone ahead or just go", "turn_up"),
        ("whats the first one like", "detail"),
        ("do i have to bring my own gloves", "detail"),
        ("are the leaders ok with adhd kids", "detail"),
        ("that ones on a tuesday right", "time"),
        ("what number do i ring", "phone"),
        ("hw much", "cost"),
        ("which one is cheapest?", "cost"),
        ("do they take payments by card?", "cost"),
        ("What do those groups actually do?", "detail"),
        ("What kind of support is it exactly?", "detail"),
        ("what does the club offer?", "detail"),
        # How it is run and who it suits: staff, needs, access, what kind of session.
        ("r the leaders trained in autism?", "detail"),
        ("does the coach know about dyslexia and that", "detail"),
        ("is there step free access?", "detail"),
        ("is it proper matches or just a kickabout?", "detail"),
        ("wot do u do there", "detail"),
        ("can i bring my cousin?", "turn_up"),
        ("could my friends come too?", "turn_up"),
        # Prices per head, parts of the day, how to get someone on it, what a service does or is.
        ("how's much for a go", "cost"),
        ("what's it per week roughly", "cost"),
        ("roughly what's the price per child", "cost"),
        ("are they on after school", "time"),
        ("is that one mornings or afternoons", "time"),
        ("does it run in the summer holidays", "time"),
        ("how can we get him on it", "turn_up"),
        ("how would i get my daughter in", "turn_up"),
        ("do they teach you the basics", "detail"),
        ("does the group deal with anxiety stuff", "detail"),
        ("is it a class or more of a social thing", "detail"),
        ("whereabouts is the one in kirkdale", "place"),
        # Who may come along or get in touch: the booking answer, not a phone number.
        ("can my nan come with me the first time", "turn_up"),
        ("can we all go?", "turn_up"),
        ("can his mum ring them herself", "turn_up"),
        ("or could she self refer?", "turn_up"),
        # How many go, whether it is private: what the listing says about itself.
        ("how many young people are in each session", "detail"),
        ("is it anonymous?", "detail"),
        ("would his school find out", "detail"),
        # Which is nearest: where each one is.
        ("which one is closest to us", "place"),
        ("whats nearest out of them", "place"),
        # A question's own words after the one it points at, with no question mark.
        ("the swimming one what time does it start", "time"),
        ("that drama group how much a week", "cost"),
        # Whether it happens online is where it happens; a question about being there points back at the list.
        ("can i talk to them online", "place"),
        ("do they do the sessions over zoom", "place"),
        ("is there a creche while im there", "detail"),
        ("is there childcare while we're in the session", "detail"),
        ("Is there an evening session?", "time"),
        # The fact named first is the one asked.
        ("What times are the free sessions?", "time"),
        ("is it free on saturdays", "cost"),
        ("where is it and is it free", "place"),
        ("is there a saturday one", "time"),
        # How to take part is whether to book or just come.
        ("how do i get involved", "turn_up"),
        ("how do I get her involved", "turn_up"),
        # Where or how it happens, asked as a choice, is the place.
        ("is it indoors or outside", "place"),
        ("is it at school or somewhere else", "place"),
        ("do i have to go in or can it be on the phone", "place"),
        ("is it online or in person", "place"),
        # What comes with it is in the listing's own words.
        ("is food included", "detail"),
        ("do they give them lunch", "detail"),
        ("do we need to bring a packed lunch", "detail"),
    ],
)
def test_a_question_about_the_list(text: str, fact: str) -> None:
    assert followups.about_shown(text)
    assert followups.fact_asked(text) == fact


@pytest.mark.parametrize(
    "text",
    [
        "is there anything free near me",
        "any football near L6?",
        "can i join a football club",
        "is there a drama group near me",
        "are there any boxing clubs",
        "can you do my homework",
        "i love drawing",
        "footy yeah",
        "oh dear i forgot to say",
        "any training for 14s in walton?",
        "is there a club with coaches who get autism",
        "can you help me find something",
        "is there anything on in the holidays",
        # A word with an "x" in it is not a place in the list ("boxing", "anxiety").
        "any online groups for anxiety?",
        "is there a creche anywhere near me",
        "dont matter its online isnt it",
        "is there a drama club on saturday",
        "is there a food bank near me",
    ],
)
def test_a_new_search_or_something_else(text: str) -> None:
    assert not followups.about_shown(text)


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        # No fact named, but a question about what is on screen: the listing's own words answer it.
        ("how many turn up most weeks", True),
        ("do you have to be sporty?", True),
        ("Will she have to talk in front of the group?", True),
        ("do they do snacks or anything", True),
        ("is it all lads", True),
        ("do i need a proper tablet or is my phone ok", True),
        # A new search, a question about a service the bot explains, or a statement.
        ("is there anything else?", False),
        ("any other clubs near me?", False),
        ("how long is the wait for camhs?", False),
        ("i like that one", False),
        ("ok thanks", False),
        ("why?", False),
        ("how come?", False),
    ],
)
def test_an_open_question_about_the_list(text: str, open_: bool) -> None:
    assert followups.open_question(text) is open_


@pytest.mark.parametrize(
    ("text", "about_topic"),
    [
        ("How do I get my son referred to CAMHS? He's 13 and not coping", True),
        ("how long is the wait for camhs at the minute", True),
        ("school nurse here, how do I refer a pupil to CAMHS?", True),
        ("What age is Kooth for?", True),
        ("whats the difference between kooth and camhs", True),
        ("we've been on the camhs waiting list for months, what can we do while we wait", False),
        ("is there a family hub near me", False),
        ("any support groups for anxiety in L8", False),
        ("whats kooth and does it cost anything", True),
        ("does place2be work in our school and how would we get it", True),
        ("tell me about family hubs", True),
        # Whether a service is safe or right for someone asks about it; the same of the list on screen does not.
        ("is kooth safe for a 12 year old to use? my son wants to sign up", True),
        ("is place2be any good for a shy 7 year old", True),
        ("is it safe for a 12 year old", False),
        ("is my son ok to go on his own", False),
        ("Is Place2Be in Liverpool schools? My daughter's school mentioned it", True),
        ("is there football in liverpool", False),
        # Whether someone's school has it, and how to find out: its explanation says.
        ("do all primary schools have wellbeing ambassadors?", True),
        ("kooth, how can i check if we can use it", True),
    ],
)
def test_a_question_about_how_a_service_works(text: str, about_topic: bool) -> None:
    assert followups.asks_about_topic(text) is about_topic


def test_the_listings_own_words_answer_an_open_question() -> None:
    record = {"name": "Anfield Juniors", "description": "Friendly football for beginners.", "email": "hi@example.org"}
    said = replies.listing_says(record)
    assert said.startswith("Here's what the listing for Anfield Juniors says: Friendly football for beginners.")
    assert said.endswith("ask them: email hi@example.org.")
    bare = replies.listing_says({"name": "Quiet Club"})
    assert bare == "The listing for Quiet Club doesn't say much more, so it's best to ask them."


@pytest.mark.parametrize(
    ("text", "refers"),
    [
        ("do you get food", True),
        ("do you have to be religious to go", True),
        ("do u need to bring anything", True),
        ("do you have any football", False),
        ("i want to go to a club on friday", False),
        ("anything for me to go to", False),
    ],
)
def test_going_there_points_back_at_the_list(text: str, refers: bool) -> None:
    assert followups.refers_back(text) is refers


@pytest.mark.parametrize(
    ("text", "wants"),
    [
        ("I run a grassroots football club in Anfield, how do I get us listed on here?", True),
        ("I'd like our school's after-school club added to your directory. Who do I contact?", True),
        ("we run a youth club, can we be listed on your site?", True),
        ("can you list our charity", True),
        ("my son wants to be added to the football team", False),
        ("how do i get my son on the waiting list for camhs", False),
        ("can you put us in touch with a club", False),
        ("can my son get added to the list", False),
    ],
)
def test_someone_asking_for_their_activity_to_be_listed(text: str, wants: bool) -> None:
    assert followups.wants_listing(text) is wants
