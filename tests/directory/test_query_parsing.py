"""Free text is parsed into the same filters as the structured parameters."""

from pathlib import Path

import pytest

from directory.search.query import parse, parse_age

ROOT = Path(__file__).resolve().parents[2]



@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my 12 year old", 12),
        ("im 14", 14),
        ("I'm fourteen", 14),
        ("aged 9", 9),
        ("age: 16", 16),
        ("year 9", 14),
        ("Yr 7", 12),
        ("she's 15", 15),
        ("for my 10yo", 10),
        ("13 y/o", 13),
        ("he is turning 11", 11),
        ("twelve year old", 12),
        ("19 years old", 19),
        ("my 7 yr old son", 7),
        ("poetry group? 18 from crosby", 18),
        ("we're both thirteen, from kenny", 13),
        ("L9 7AB 13 footy", 13),
        ("15 L8 boxing", 15),
        ("12, she's in year 8", 12),
        ("Year 11 lad, 15, very anxious", 15),
        ("year 9, 15", 14),
        ("17 m, would like a mentor", 17),
        ("16f looking for a choir", 16),
        ("16 and left school, no college place", 16),
        ("seventeen and skint", 17),
        ("she's 2 years old", 2),
        ("my 18 month old", 1),
        ("he's 9 months", 0),
        ("we moved here 2 years ago and my son is 10", 10),
        ("i came with my family 4 month ago, im 15", 15),
        ("coding club for 13 yr olds in L11?", 13),
        ("activities for 17 year olds in Croxteth", 17),
        ("anything for my 3 month old", 0),
        # Said roughly, it is still the age.
        ("is there any mental health support for uni age like 20", 20),
        ("shes 12ish", 12),
        ("age about 14", 14),
    ],
)
def test_ages(text, age):
    assert parse_age(text)[0] == age


@pytest.mark.parametrize("text", [
        "meet at 6 pm", "football", "within 5 miles", "costs 3 pounds", "L12", "L4 1 footy", "bus 14 from town",
        "there were 10 of us", "both at 6 pm", "2 and a half hours", "5 and over", "swam 17m today",
        "1 and 2 on saturday", "i came from syria with my family 4 month ago", "we moved here 2 years ago",
        "been going for 3 years", "cheap swimming for kids in the holidays? I've got 3", "kids, I have 2",
        "in 6 months", "played for 5 years now", "my two are both mad on football", "our 3 kids love swimming",
        "like 20 minutes away",
    ])
def test_no_age(text):
    assert parse_age(text)[0] is None


def test_the_example_from_the_brief(matcher, gaz):
    p = parse("free footy near anfield for my 12 year old", matcher, gaz)
    assert [t.code for t in p.terms] == ["football"]
    assert p.place.name == "Anfield"
    assert p.age == 12 and p.free
    assert p.tokens == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("making beats", ["music"]),
        ("theatre kid looking for a youth theatre", ["drama"]),
        ("ballin", ["basketball"]),
        ("somewhere to do coding or robotics", ["coding"]),
        ("lgbt group", ["lgbtq"]),
        ("my son is autistic and likes swimming", ["send_inclusive", "swimming"]),
        ("footbal", ["football"]),
        ("drawing and manga", ["art"]),
        ("gamin", ["gaming"]),
    ],
)
def test_interests(matcher, gaz, text, codes):
    assert sorted(t.code for t in parse(text, matcher, gaz).terms) == sorted(codes)


def test_an_age_said_after_the_group_leaves_the_group_asked_for(matcher, gaz):
    p = parse("is there a boys group or like a lads thing, 13", matcher, gaz)
    assert p.age == 13 and [t.code for t in p.terms] == ["boys_group"]
    p = parse("my son is autistic, 9", matcher, gaz)
    assert p.age == 9 and [t.code for t in p.terms] == ["send_inclusive"]


@pytest.mark.parametrize("text", [
    "My lad is 13 and does nothing but sit on his xbox all day, he needs to get out the house",
    "he's always on his ps5",
    "he plays on his xbox for hours, anything else?",
])
def test_someone_elses_screen_time_is_the_complaint_not_the_search(matcher, gaz, text):
    p = parse(text, matcher, gaz)
    assert "gaming" not in [t.code for t in p.terms] and "gaming" in [t.code for t in p.negated]


@pytest.mark.parametrize("text", [
    "i play xbox all day, any gaming clubs", "he loves his xbox, any gaming clubs",
    "my son plays fortnite all day, is there a gaming club",
])
def test_a_gamer_still_wants_gaming(matcher, gaz, text):
    assert "gaming" in [t.code for t in parse(text, matcher, gaz).terms]


@pytest.mark.parametrize("text", [
    "I'm struggling as a single dad at the minute. Is there any support for me, not the kids?",
    "just feel like im doing it all on my own",
    "coping on my own with three of them",
])
def test_a_parent_asking_help_for_themself_is_parenting_support(matcher, gaz, text):
    assert "parenting_support" in [t.code for t in parse(text, matcher, gaz).terms]


def test_twins_of_one_age_are_that_age(matcher, gaz):
    p = parse("my two are 8 and 8 (twins)", matcher, gaz)
    assert (p.age, p.age_to) == (8, None)
    assert (parse("my two are 8 and 11", matcher, gaz).age_to) == 11


def test_send_needs_capitals(matcher, gaz):
    assert [t.code for t in parse("SEND friendly football", matcher, gaz).terms] == ["send_inclusive", "football"]
    assert "send_inclusive" not in [t.code for t in parse("send me some football clubs", matcher, gaz).terms]
    assert "lgbtq" in [t.code for t in parse("she's just told us she's bi", matcher, gaz).terms]
    assert "lgbtq" not in [t.code for t in parse("bi weekly football", matcher, gaz).terms]
    said = "girls in her class keep sending her nasty messages"
    assert "send_inclusive" not in [t.code for t in parse(said, matcher, gaz).terms]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("at the weekend", 0b1100000),
        ("on saturdays", 0b0100000),
        ("tuesday or thursday", 0b0001010),
        ("after school", 0b0011111),
    ],
)
def test_days(matcher, gaz, text, days):
    assert parse(text, matcher, gaz).days == days


@pytest.mark.parametrize("text", ["something free", "im skint", "can't afford much", "no cost please"])
def test_free(matcher, gaz, text):
    assert parse(text, matcher, gaz).free


def test_leftover_words_are_kept_for_text_search(matcher, gaz):
    p = parse("free quidditch near speke", matcher, gaz)
    assert p.place.name == "Speke" and p.free and p.tokens == ["quidditch"]
