"""Who is talking (bot/people.py, bot/data/people.yml): read by how people speak, not by the topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import people

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("im 14 and i get bullied at school", people.YOUNG_PERSON),
        ("alright la, our kid sez theres a footy team round ere for lads my age", people.YOUNG_PERSON),
        ("my kid brother wants to go too", people.YOUNG_PERSON),
        ("anything for people my age near anfield", people.YOUNG_PERSON),
        ("my son is 9 and loves lego", people.PARENT),
        ("our kids love swimming", people.PARENT),
        ("grandad here. our Jack is 9, he'd like to try cubs", people.PARENT),
        ("Mum here, any ideas for the summer?", people.PARENT),
        ("Is there a young carers group near L11? Asking for a pupil", people.PROFESSIONAL),
        ("do you have info on wellbeing ambassadors for my school?", people.PROFESSIONAL),
        ("personal adviser for care leavers. mine is 26 now", people.PROFESSIONAL),
        ("careers adviser. client is 18, wants to volunteer", people.PROFESSIONAL),
        ("a lad on my caseload needs something to do", people.PROFESSIONAL),
        ("I'm a receptionist at a GP surgery. Parents ask where to get help with behaviour", people.PROFESSIONAL),
        ("we work for a housing association and want something for the lads on the estate", people.PROFESSIONAL),
        ("im a volunteer at the food bank in walton, families ask about free stuff", people.PROFESSIONAL),
        ("I've got a toddler and a teenager and it's chaos in ours", people.PARENT),
        ("free activities in half term? Mine are 8 and 11", people.PARENT),
        ("School counsellor. Are there any bullying services for primary-age kids?", people.PROFESSIONAL),
        ("head of year 9, a group of my girls keep falling out", people.PROFESSIONAL),
        ("Primary head here. What's the nearest family hub to our school?", people.PROFESSIONAL),
        ("Youth offending team. Looking for diversionary activities for 17 year olds", people.PROFESSIONAL),
        ("Our sixth form students are looking for volunteering placements", people.PROFESSIONAL),
        ("me and my fellow students want to start a society", people.YOUNG_PERSON),
        ("Is there help for a dad bringing up two girls on his own?", people.PARENT),
        ("he wont come off the ps5 and im at my wits end, hes 12, L4", people.PARENT),
        ("my mate wants to come too, he's 14", people.YOUNG_PERSON),
        ("Hiya, I'm a PE teacher and one of mine is 13", people.PROFESSIONAL),
        ("my teacher said i should join a choir", people.YOUNG_PERSON),
    ],
)
def test_who_is_talking(text: str, who: str) -> None:
    assert people.speaker(text) == who


def test_a_topic_does_not_say_who_is_talking() -> None:
    # A young person who names a worry is still a young person; with nothing else to go by, nobody is decided.
    assert people.speaker("is there anything for anxiety near me") in (None, people.YOUNG_PERSON)
    assert people.speaker("i'm being bullied, is there a group") == people.YOUNG_PERSON


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("im 19, first year at uni and i dont really know anyone here", "new"),
        ("ngl i dont really have any mates at school", "lonely"),
        ("i havent really got any friends", "lonely"),
        ("i dont fit in anywhere", "not_fitting_in"),
        ("people at school call me names every day", "bullied"),
        ("he barely leaves his room and I'm worried about him", "worried"),
        ("he's been excluded and I don't know where to turn", "worried"),
        ("I'm finding it hard to cope with her behaviour", "worried"),
        ("i look after my mum cos shes ill and never get time for me", "caring"),
        ("im trans and tbh it feels like no one round here gets it", "not_fitting_in"),
        ("my lad hasnt got any mates, he eats his dinner sat on his own", "lonely"),
        ("the other mums at the school gate all know each other, i dont know any other parents", "lonely"),
        ("we split up last year and shes been through loads", "hard"),
        ("honestly feel like im failing her", "hard"),
        ("its been proper rough at home lately", "hard"),
        ("my son helps look after me since my stroke", "caring"),
        ("care leaver, 18, looking for people in the same boat", "told_identity"),
        ("im bi and my family dont know", "told_identity"),
        ("he kicks off every night and im exhausted", "hard"),
        ("i cant swim yet and its so embarassing", "anxious"),
        ("my anxiety's through the roof since year 10 started", "anxiety"),
        ("he loses his temper over nothing and the school keep ringing me", "angry"),
        ("im terrified about my dads operation tbh", "scared"),
        ("she feels so different to the other girls in her class", "not_fitting_in"),
        ("honestly i'm drowning, three kids and no help", "hard"),
        ("we came over from syria in the summer and she misses her mates", "new"),
        ("he's been getting really anxious lately, won't go in to school", "anxiety"),
        ("exams are stressing me out so bad", "low"),
        ("me mam and dad are always fighting and i hate being in", "hard"),
        ("somewhere to talk that isnt camhs, the waiting list is ages and im fed up", "low"),
        # Everyone else has friends; nobody understands; a feeling as the whole message; their temper.
        ("all the other girls have a group except me", "lonely"),
        ("every1 has a best friend but me", "lonely"),
        ("honestly nobody understands", "not_fitting_in"),
        ("unhappy", "low"),
        ("im just really upset all the time", "low"),
        ("always feel like such a let down", "low"),
        ("my temper is getting worse and i hate it", "angry"),
        ("keep getting myself into trouble in lessons", "angry"),
        ("a lad in year 9 keeps pushing me in the corridor", "bullied"),
        # Hard things told without a feeling word.
        ("my mum got sent to prison in march", "hard"),
        ("i might get excluded if it happens again", "hard"),
        # A loss, read by the directory's own rule.
        ("my granddaughter lives with me since her mum passed in the spring", "grief"),
        ("she lost her best friend in a car accident", "grief"),
        # Caring told as what they do for someone at home.
        ("i do loads for my dad cos hes in a wheelchair", "caring"),
        ("i do most of the cooking for my mum", "caring"),
        # A parent who has lost touch with their child.
        ("Mine is 14 and I feel like I've lost her", "worried"),
        ("i cant get through to him anymore", "worried"),
    ],
)
def test_a_feeling_said_in_passing_is_heard(text: str, feeling: str) -> None:
    assert feeling in people.feelings(text)


@pytest.mark.parametrize(
    "text", ["no im not lonely", "i'm not really anxious, just bored", "never been bullied", "i dont feel left out"]
)
def test_a_feeling_said_only_to_deny_it_is_not_told(text: str) -> None:
    assert people.feelings(text) == []


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("i hate feeling lonely", "lonely"),
        ("i dont want to be lonely anymore", "lonely"),
        ("im lonely, not bullied", "lonely"),
    ],
)
def test_a_feeling_told_beside_a_denial_is_still_heard(text: str, feeling: str) -> None:
    assert feeling in people.feelings(text)
    assert "bullied" not in people.feelings(text)


def test_saying_my_while_asking_for_a_family_service_is_not_a_young_person() -> None:
    assert people.speaker("where's my nearest family hub?") == people.YOUNG_PERSON
    assert people.speaker("where's my nearest family hub?", for_families=True) is None
    assert people.speaker("my son needs a family hub", for_families=True) == people.PARENT


def test_a_feeling_is_not_read_into_an_ordinary_request() -> None:
    assert "grief" not in people.feelings("my mate passed his driving test, any car clubs")
    assert people.feelings("its hard to find clubs near me") == []
    assert people.feelings("football in anfield") == []
    assert people.feelings("just came from school, anything on tonight in walton?") == []
    assert people.feelings("is the sports centre hard to get to") == []
    assert people.feelings("its difficult to choose between drama and dance") == []
    assert people.feelings("do they split up into groups by age") == []
    assert people.feelings("im ace at football, any teams near me") == []
    assert people.feelings("fed up of waiting for the bus, is it far") == []
    assert people.feelings("is the new spiderman film that came out any good") == []
    assert people.feelings("my angry birds high score is boss") == []
    assert people.feelings("i do a lot for my school team") == []
    assert people.feelings("i cant talk to him about football, he hates it") == []
    assert people.feelings("the team lost and everyone was sad for a bit") == []
    assert people.feelings("im down for trying climbing") == []
    assert people.feelings("my mate keeps messing with me on fifa lol") == []
    assert people.feelings("everyone at school has a phone except me lol") == []
    assert "scared" not in people.feelings("im a bit scared to walk in on my own the first time")
    assert "scared" not in people.feelings("im scared of heights so no climbing")


def test_asking_for_a_family_service_says_a_family_is_asking() -> None:
    from bot import worries
    from bot.directory_client import Term

    assert worries.for_families([Term("family_hub", "Family hub", words=("family hub",))])
    assert worries.for_families([Term("parenting_support", "Parenting support", words=("tantrums",))])
    assert not worries.for_families([Term("bullying_support", "Bullying support", words=("bullied",))])
    # A hard time at home told is not asking for a family service: "my parents are splitting up".
    assert not worries.for_families([Term("family_hub", "Family hub", words=("splitting up",))])
    assert not worries.for_families([Term("football", "Football", words=("footy",))])


def test_a_service_the_bot_explains_stands_for_kinds_of_support() -> None:
    from bot import worries

    assert set(worries.topic_codes("kooth")) == {"mental_health_support", "counselling"}
    assert worries.topic_codes("place2be") and worries.topic_codes(None) == [] and worries.topic_codes("x") == []
    taxonomy = __import__("json").loads((ROOT / "data" / "directory" / "taxonomy.json").read_text())
    codes = {t["code"] for t in taxonomy["terms"]}
    assert all(set(worries.topic_codes(t)) <= codes for t in worries._topics())


@pytest.mark.parametrize("text", ["he's 7", "shes 15", "she's in year 10", "he is nine", "they're 12 and 14"])
def test_an_age_said_of_someone_else_is_a_parent_answering(text: str) -> None:
    assert people.speaker(text) == people.PARENT
    assert people.speaker(text, people.YOUNG_PERSON) == people.PARENT
    # A professional answering for a pupil is still a professional.
    assert people.speaker(text, people.PROFESSIONAL) is None


def test_a_school_year_in_an_introduction_is_kept_for_the_reading() -> None:
    assert "year 9" in people.without_introductions("head of year 9, a few of my girls keep falling out")
    assert people.without_introductions("Year 4 teacher in Dingle, any coding clubs").startswith("Year 4 in Dingle")
    intro = "I'm a youth worker, anything for 15 year olds"
    assert people.without_introductions(intro) == ", anything for 15 year olds"


@pytest.mark.parametrize(
    "text",
    [
        "I'm a PCSO in Kensington, got a group of lads hanging round",
        "Health visitor - any stay and play?",
        # A post at a school, and pointing others to help.
        "I'm head at a primary in Anfield and want to find our kids some coding clubs",
        "deputy head of a secondary in walton, any mentoring?",
        "looking to signpost some of our families to parenting groups",
    ],
)
def test_more_professions_introduce_a_professional(text: str) -> None:
    assert people.speaker(text) == people.PROFESSIONAL


def test_a_pupil_talking_about_school_is_not_a_professional() -> None:
    assert people.speaker("my teacher at school is mean to me") != people.PROFESSIONAL
    assert people.speaker("everyone in my class has mates apart from me") == people.YOUNG_PERSON
    assert people.speaker("a pupil in my class is being bullied") == people.PROFESSIONAL
    assert people.speaker("can you signpost my son to something") == people.PARENT


def test_a_feeling_told_with_the_pronoun_dropped_is_the_speakers_own() -> None:
    assert people.speaker("struggling with revision and feel like a failure") == people.YOUNG_PERSON
    assert people.speaker("sad") == people.YOUNG_PERSON
    assert people.speaker("really worried, she won't eat") is None
    assert people.speaker("stressed, any groups for parents") == people.PARENT


def test_asking_for_other_parents_is_a_parent() -> None:
    assert people.speaker("is there anywhere for parents of autistic kids to meet up") == people.PARENT


def test_only_what_is_said_outright_counts_as_said() -> None:
    assert people.said_in(["any tennis for 10 year olds near calderstones?"]) is None
    assert people.said_in(["i want to do something", "kirkdale"]) is None
    assert people.said_in(["football", "she's 9"]) == people.PARENT


def test_services_the_bot_explains_are_found_by_name_without_the_classifier() -> None:
    from bot import worries

    assert worries.topics_named("how long is the wait for CAMHS? she was referred in the summer") == ["camhs"]
    assert worries.topics_named("whats the difference between kooth and cahms") == ["kooth", "camhs"]
    assert worries.topics_named("any football near me") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Hi, I'm a dance teacher. One of my students (15) told me she's been feeling really low", people.PROFESSIONAL),
        ("my daughter is so lonely since we moved", people.PARENT),
    ],
)
def test_someone_telling_of_a_young_persons_struggle_hears_where_they_can_turn(text: str, speaker: str) -> None:
    from bot import helplines, replies

    said = replies.acknowledge(people.feelings(text), speaker)
    assert said is not None and said.startswith(replies.FEELINGS_FOR_OTHERS)
    childline = helplines.pick(["childline"])[0]
    assert childline.phone and childline.phone in said and "Kooth" in said


def test_a_need_or_a_parents_own_worry_gets_no_helplines() -> None:
    from bot import replies

    assert replies.acknowledge(people.feelings("any autism-friendly clubs for my son?"), people.PARENT) is None
    said = replies.acknowledge(["hard"], people.PARENT)
    assert said == replies.FEELINGS_FOR_OTHERS


def test_asking_for_others_in_the_same_boat_as_me_is_a_young_person() -> None:
    said = "is there a group for kids whose mum and dad are getting divorced, its doing my head in"
    assert people.speaker(said, for_families=True) == people.YOUNG_PERSON
    assert people.speaker("anything for teens like me") == people.YOUNG_PERSON
    assert people.speaker("a group for children whose dad is in prison, my daughter is 7") == people.PARENT


def test_a_job_asked_for_alone_is_a_request_not_an_introduction() -> None:
    assert people.speaker("mentor?") is None
    assert people.speaker("a counsellor") is None
    assert people.speaker("school nurse - any drop ins for a year 8 girl") == people.PROFESSIONAL


def test_a_clinicians_job_is_an_introduction_and_not_what_they_ask_for() -> None:
    said = "CAMHS clinician here - any youth clubs for a 13 year old girl in Walton?"
    assert people.speaker(said) == people.PROFESSIONAL
    assert "camhs" not in people.without_introductions(said).lower()
    assert people.speaker("a counsellor for my son, he's 10") == people.PARENT
