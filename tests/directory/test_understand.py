"""GET /understand: the one reading of a chat message (directory/search/understand.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from directory.search.understand import understand

ROOT = Path(__file__).resolve().parents[2]



def read(text, matcher, gaz, expect=None):
    return understand(text, matcher, gaz, expect)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("14", 14),
        ("fourteen", 14),
        ("Fourteen!", 14),
        ("year 9", 14),
        ("Year 7", 12),
        ("yr 10", 15),
        ("im 14 nearly 15", 14),
        ("14 nearly 15", 14),
        ("nearly 15", 14),
        ("almost sixteen", 15),
        ("14yo", 14),
        ("16 yrs old", 16),
        ("i am 17 years old", 17),
        ("twenty one", 21),
        ("twenty-one", 21),
        ("she's 4", 4),
        ("3", 3),
        ("aged 7", 7),
        ("40", 40),
        ("mostly 15", 15),
        ("about twelve", 12),
        ("around 9 i think", 9),
        ("oh sorry 13", 13),
        ("ok 15", 15),
    ],
)
def test_an_answer_to_how_old(text, age, matcher, gaz):
    assert read(text, matcher, gaz, "age").age == age


@pytest.mark.parametrize(
    ("text", "age", "age_to"),
    [("15 and 16", 15, 16), ("14-16", 14, 16), ("mostly 9, 11 and 13", 9, 13), ("they're 15 and 16", 15, 16)],
)
def test_a_group_answering_how_old(text, age, age_to, matcher, gaz):
    found = read(text, matcher, gaz, "age")
    assert (found.age, found.age_to) == (age, age_to)


@pytest.mark.parametrize("text", ["15 and 16", "14-16", "mostly 9, 11 and 13"])
def test_bare_numbers_are_ages_only_when_asked_how_old(text, matcher, gaz):
    assert read(text, matcher, gaz).age_to is None


@pytest.mark.parametrize(
    "text", ["L4 0TH", "6pm on saturday", "i have 2 brothers", "that one", "dunno", "football", "(1) <b>x</b>"]
)
def test_numbers_that_are_not_ages(text, matcher, gaz):
    assert read(text, matcher, gaz, "age").age is None


@pytest.mark.parametrize("text", ["(1) <b>test</b>", "meet at 6", "10 mins away", "2 of us"])
def test_a_number_in_a_sentence_is_not_an_age(text, matcher, gaz):
    # Only an answer to "how old?" reads a bare number as an age.
    assert read(text, matcher, gaz).age is None


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("grandad here. our Jack is 9, he'd like to try cubs", 9),
        ("my eldest is 12 and loves drama", 12),
        ("the young person living with us is 15 and new to the area", 15),
        ("the lad i mentor is 14, into boxing", 14),
        ("hate school tbh. i like drawing anime. 14 n im in norris green", 14),
        ("teacher here, one of my Year 11s writes poetry", 16),
        ("is there an lgbt group? im bi and 17", 17),
        ("L17 6AB, 14, into skateboarding", 14),
        ("my little one is 18 months, where can we go", 1),
        ("a 9 month old baby", 0),
        ("careers adviser. client is 18, not in work", 18),
        ("mine is 26 now, anything still open to him?", 26),
        ("in sixth form (17) and need volunteering hours", 17),
        ("i play bass and want a band. 15. garston", 15),
        ("moved here and its been rough. 18", 18),
    ],
)
def test_an_age_inside_a_sentence(text, age, matcher, gaz):
    assert read(text, matcher, gaz).age == age


@pytest.mark.parametrize(
    "text",
    ["my mum is 40 and works nights", "my boyfriend is 19", "my best mate is 14", "the bus is 15 minutes away",
     "meet at 6, ok", "it costs 5, right", "L8, 2, free", "about 2.5 miles. ok", "see you at 6. thanks",
     "been on the waiting list 18 months", "we waited 7 months for a call back",
     "i have my granddaughter three days a week"],
)
def test_someone_elses_number_is_not_the_age(text, matcher, gaz):
    assert read(text, matcher, gaz).age is None


@pytest.mark.parametrize(
    ("text", "age", "age_to"),
    [
        ("a group of girls aged 14 to 16 want a dance class", 14, 16),
        ("my kids are 9 and 11, anything for both of them?", 9, 11),
        ("anything for 10-13 year olds in walton", 10, 13),
        ("youth club for young people between the ages of 12 and fourteen", 12, 14),
        ("my 9 and 11 year old love swimming", 9, 11),
        ("a group of girls aged 14 to 16 have asked for dance", 14, 16),
        # Three or more: the youngest to the oldest.
        ("ive got three, aged 6, 8 and 11, anything in the holidays?", 6, 11),
        ("the eldest is 12, the others are 10 and 9", 9, 12),
        ("they're seven, nine and ten", 7, 10),
        ("my three are 4, 6 and 9, is there anything for all of them", 4, 9),
        ("the kids are 5, 7 and 10", 5, 10),
        ("wot is ther for kids in netherton my 2 are 11 and 14", 11, 14),
        ("my two are 6 and 9, anything on saturdays?", 6, 9),
        # The list's last age after a comma, or in brackets after whose they are.
        ("grandkids 5, 8, 11 - anything on in the holidays?", 5, 11),
        ("my lot (6 and 10) are bored stiff", 6, 10),
        # Two going together, each giving an age: both must be admitted.
        ("me and my sister want to do dance, im 12 shes 10", 10, 12),
        ("can we both go? hes 13 and im 14", 13, 14),
    ],
)
def test_two_ages_for_a_group_or_siblings(text, age, age_to, matcher, gaz):
    found = read(text, matcher, gaz)
    assert (found.age, found.age_to) == (age, age_to)


@pytest.mark.parametrize(
    "text",
    ["it's between 5 and 7pm", "open 10-12 on saturday", "for ages 5 to 25", "im 15, my brother is 12", "year 9",
     "it runs 5, 6 and 7 days a week", "the oldest is 11", "the scores are 3, 2 and 1",
     "there are 5, 6 and 7 a side teams", "im 14 and my brother is 9, what is there for me"],
)
def test_one_age_or_none_is_not_a_range(text, matcher, gaz):
    assert read(text, matcher, gaz).age_to is None


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("I'm 62 and bringing up my grandson who's 10, anything for him?", 10),
        ("I am 35, my son is 9 and loves drawing", 9),
        ("im 40 and looking for a book club", 40),  # a grown-up asking for themself: the bot says what it is for
        ("I'm 20 and looking for something for my little brother. He's 11 and into Minecraft", 11),
        ("im 15 looking for something for my sister, shes 9", 9),
        ("im 12 and want something for my brother and me", 12),  # no other age given: their own
        ("I'm 24, our kid is 13 and needs somewhere he can go on a friday", 13),
        ("I have my granddaughter three days a week, she's 8. Anything for her near Speke?", 8),
    ],
)
def test_a_grown_ups_own_age_beside_a_childs(text, age, matcher, gaz):
    assert read(text, matcher, gaz).age == age


@pytest.mark.parametrize(
    ("text", "age"),
    [("wanna try boxing 14 walton", 14), ("garston 12, anything arty", 12), ("dance, 9 norris green", 9)],
)
def test_a_number_beside_a_place_in_a_list_of_facts_is_an_age(text, age, matcher, gaz):
    assert read(text, matcher, gaz).age == age


def test_how_long_they_waited_is_not_the_childs_age(matcher, gaz):
    assert read("waited 6 months for camhs for my son (12), anything while we wait?", matcher, gaz).age == 12


@pytest.mark.parametrize("text", ["anfield 3 miles", "walton 2", "the 14 bus to speke", "wavertree 5pm"])
def test_a_number_beside_a_place_that_is_not_an_age(text, matcher, gaz):
    assert read(text, matcher, gaz).age is None


@pytest.mark.parametrize(
    ("text", "worry", "wanted"),
    [
        ("15 year old girl with worries about food and body image", "cooking", set()),
        ("he's got real problems with gaming and won't leave his room", "gaming", set()),
        ("she has issues with food but loves anything arty", "cooking", {"arts"}),
        # A feeling something brings on, said a few words before it, in the same clause.
        ("i get so stressed about revision n tests, anything that helps", "homework_club", {"mental_health_support"}),
        ("his anxiety is awful during exam season", "homework_club", {"mental_health_support"}),
        ("she gets really nervous before her gcse exams", "homework_club", set()),
    ],
)
def test_what_someone_worries_about_is_not_what_they_want(text, worry, wanted, matcher, gaz):
    found = read(text, matcher, gaz)
    codes = {t.code for t in found.interests}
    assert worry not in codes and worry in {t.code for t in found.not_interests}
    assert wanted <= codes


def test_worrying_about_starting_an_activity_still_wants_it(matcher, gaz):
    assert "football" in {t.code for t in read("he's worried about starting football", matcher, gaz).interests}
    assert "dance" in {t.code for t in read("my 11 yr old is obsessed with kpop dance lol", matcher, gaz).interests}
    # A feeling in another clause is not about the activity: "anxious but wants to try football".
    assert "football" in {t.code for t in read("shes anxious but wants to try football", matcher, gaz).interests}


@pytest.mark.parametrize(
    ("text", "online"),
    [
        ("is there any online support for anxiety", True),
        ("anything she can do from home? she gets too anxious to go out", True),
        ("counselling online", True),
        ("does anyone do it over zoom", True),
        ("online gaming", False),
        ("worried about his online safety", False),
        ("not online, somewhere to go in person", False),
        ("boxing near anfield", False),
    ],
)
def test_wanting_to_take_part_online(text, online, matcher, gaz):
    assert read(text, matcher, gaz).online is online


def test_several_facts_in_one_sentence(matcher, gaz):
    found = read("im 13 from kirkdale and into drawing", matcher, gaz)
    assert found.age == 13
    assert found.place is not None and found.place.name == "Kirkdale"
    assert [t.code for t in found.interests] == ["art"]


@pytest.mark.parametrize(
    ("text", "wanted", "refused"),
    [
        ("not really into sport but i love games", {"gaming"}, {"sport"}),
        ("i hate football but like basketball", {"basketball"}, {"football"}),
        ("no football please, drama instead", {"drama"}, {"football"}),
        ("what clubs are there for 16 yr olds that arent sport, maybe film", {"film"}, {"sport"}),
        ("nothing sporty pls. i like writing n poems", {"writing"}, {"sport"}),
        ("need to get him off the xbox, he used to like boxing", {"boxing"}, {"gaming"}),
        ("anything to get her away from screens and gaming? she likes drawing", {"art"}, {"gaming"}),
        ("hes off to football on saturdays, anything else for him like drama", {"football", "drama"}, set()),
        # Turned down once, then named again in other words: still turned down.
        ("somewhere to talk that isnt camhs, the waiting list is ages", {"mental_health_support"}, {"camhs"}),
        ("no football, but football on saturdays is fine", {"football"}, set()),
        # A "no," answers or takes back what came before it, and turns down nothing after it.
        ("football... actually no, basketball, im better at basketball", {"basketball"}, {"football"}),
        ("art no, music yes", {"music"}, {"art"}),
    ],
)
def test_negation(text, wanted, refused, matcher, gaz):
    found = read(text, matcher, gaz)
    assert {t.code for t in found.interests} == wanted
    assert {t.code for t in found.not_interests} == refused


@pytest.mark.parametrize(
    "text",
    ["not sure, maybe art", "i cant wait to do art", "actually no can we do art instead", "no i want art",
     "dont you have any art", "no, art please", "nah. art"],
)
def test_not_every_not_is_a_negation(text, matcher, gaz):
    assert [t.code for t in read(text, matcher, gaz).interests] == ["art"]


@pytest.mark.parametrize(
    ("text", "code"), [("⚽", "football"), ("🎨 and 🎮", "art"), ("anything ⚽️ near L4", "football")]
)
def test_emoji(text, code, matcher, gaz):
    assert code in [t.code for t in read(text, matcher, gaz).interests]


def test_each_interest_says_which_words_named_it(matcher, gaz):
    found = read("i'm worried about my son, he's really anxious ⚽", matcher, gaz).as_dict()["interests"]
    words = {t["code"]: t["words"] for t in found}
    assert words == {"mental_health_support": ["worried", "anxious"], "football": []}


def test_punctuation_does_not_hide_an_interest(matcher, gaz):
    assert [t.code for t in read("anything for young carers?", matcher, gaz).interests] == ["young_carers"]


@pytest.mark.parametrize(
    ("text", "place"),
    [("kirkdale", "Kirkdale"), ("i live in walton x", "Walton"), ("L4 0TH", "L4"), ("round tuebrook pls", None)],
)
def test_an_answer_to_where(text, place, matcher, gaz):
    found = read(text, matcher, gaz, "area")
    if place is None:
        assert found.place is not None
    else:
        assert found.place is not None and found.place.name == place
    # A full postcode is never echoed back.
    assert "0TH" not in json.dumps(found.as_dict())


@pytest.mark.parametrize(
    "text", ["anywhere", "dunno", "don't mind", "not sure", "online", "idk lol", "not telling you that",
             "thats private"]
)
def test_no_preference(text, matcher, gaz):
    assert read(text, matcher, gaz, "area").anywhere
    assert read(text, matcher, gaz, "interests").anything


def test_an_unknown_interest_gets_suggestions(matcher, gaz):
    found = read("quidditch", matcher, gaz, "interests")
    assert not found.interests and found.interest_suggestions
    assert "quidditch" in found.unknown


def test_an_unknown_place_gets_suggestions(matcher, gaz):
    found = read("anfeeld road", matcher, gaz, "area")
    assert found.place is not None or found.place_suggestions


def test_endpoint(client):
    body = client.get("/understand", params={"q": "free footy near anfield for my 12 year old sat"}).json()
    assert body["age"] == 12 and body["free"] is True
    assert [t["code"] for t in body["interests"]] == ["football"]
    assert body["place"]["name"] == "Anfield" and body["days"] == ["SA"]
    assert client.get("/understand", params={"q": "16", "expect": "age"}).json()["age"] == 16
    assert client.get("/understand", params={"q": "16", "expect": "nonsense"}).status_code == 422
    assert client.get("/understand", params={"q": ""}).status_code == 422


def test_exact_age_never_widens_the_age(client):
    """The bot asks for exact ages: a child is never shown a group for other ages because nothing fitted."""
    query = {"age": 20, "interests": "uniformed_groups", "limit": 50}
    widened = client.get("/recommendations", params=query).json()
    assert any("exact age" in note for note in widened["notes"])  # the public default widens, and says so
    exact = client.get("/recommendations", params={**query, "exact_age": "true"}).json()
    assert not any("exact age" in note for note in exact["notes"])
    for item in exact["items"]:
        assert (item["minimum_age"] or 0) <= 20 <= (item["maximum_age"] or 99)


@pytest.mark.parametrize(("text", "unsure"), [("dunno really", True), ("not sure yet", True), ("idk", True),
                                             ("anything really", False), ("whatever", False), ("i dont mind", False)])
def test_not_sure_is_told_from_anything(text, unsure, matcher, gaz):
    found = read(text, matcher, gaz, "interests")
    assert found.anything and found.unsure is unsure


def test_looking_after_someone_is_a_young_carer_not_a_child_in_care(matcher, gaz):
    carer = read("young carers groups? she helps look after her disabled brother", matcher, gaz)
    codes = {t.code for t in carer.interests}
    assert "young_carers" in codes and "care_experienced" not in codes
    in_care = read("hes a looked after child in foster care", matcher, gaz)
    assert "care_experienced" in {t.code for t in in_care.interests}


@pytest.mark.parametrize(
    "text",
    [
        "im getting picked on online and its getting worse",
        "my son is getting nasty messages online from kids in his class",
        "a man i met online keeps messaging me",
        "i play games online with my mates",
    ],
)
def test_where_something_happens_online_is_not_a_wish_to_take_part_online(text, matcher, gaz):
    assert read(text, matcher, gaz).online is False


def test_the_wish_to_be_online_leaves_the_interest(matcher, gaz):
    found = read("is there any counselling online", matcher, gaz)
    assert found.online is True and [t.code for t in found.interests] == ["counselling"]
    assert "online" not in found.unknown


@pytest.mark.parametrize(
    ("text", "learning"),
    [
        ("We are family from Syria, we arrive last month. My children 9 and 14 need activity and English", True),
        ("just moved here from poland and i want to get better at english", True),
        ("im 15 and new to the uk, anything to help with english and meet people", True),
        ("i need help with my english homework", False),
        ("im rubbish at english and maths", False),
        ("we arrived late to english and got a detention", False),
    ],
)
def test_english_beside_arriving_from_abroad_is_learning_the_language(text, learning, matcher, gaz):
    assert ("languages" in {t.code for t in read(text, matcher, gaz).interests}) is learning



@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("lookin for summat to do in kenny", set()),
        ("im lookin for swimmin lessons", {"swimming"}),
        ("been thinkin about boxin", {"boxing"}),
    ],
)
def test_a_word_with_its_g_dropped_is_that_word_not_a_typo(text, wanted, matcher, gaz):
    assert {t.code for t in read(text, matcher, gaz).interests} == wanted


@pytest.mark.parametrize(
    ("text", "wanted", "turned_down"),
    [
        ("im 13 and i still cant swim and its so embarrassing", {"swimming"}, set()),
        ("my son can not swim yet", {"swimming"}, set()),
        ("i cant stand football", set(), {"football"}),
        ("he cant play football cos of his knee", set(), {"football"}),
    ],
)
def test_what_someone_cannot_do_yet_is_not_turned_down(text, wanted, turned_down, matcher, gaz):
    found = read(text, matcher, gaz)
    assert {t.code for t in found.interests} == wanted
    assert {t.code for t in found.not_interests} == turned_down


@pytest.mark.parametrize(
    ("text", "grief"),
    [
        ("she lost her best friend in a car accident in october", True),
        ("my uncle passed last month and i cant stop thinking about it", True),
        ("since the death of his grandad he wont go out", True),
        ("my mate passed his driving test", False),
        ("i lost my phone on the bus", False),
        ("lost my little brother at the park lol", False),
    ],
)
def test_someone_close_who_died_is_a_loss(text, grief, matcher, gaz):
    assert ("bereavement" in {t.code for t in read(text, matcher, gaz).interests}) is grief


@pytest.mark.parametrize(
    "text",
    [
        "Is there help for a dad bringing up two girls on his own?",
        "any support for single parents",
        "any groups for single parents round here",
    ],
)
def test_a_parent_on_their_own_asks_for_parenting_support(text, matcher, gaz):
    assert "parenting_support" in {t.code for t in read(text, matcher, gaz).interests}


def test_a_parent_saying_who_they_are_is_not_asking_for_parenting_support(matcher, gaz):
    found = read("single dad here, my daughter's 10 and wants to do gymnastics", matcher, gaz)
    assert {t.code for t in found.interests} == {"gymnastics"}
