"""Free-text helpers: areas, interests, worries and refinements."""

from __future__ import annotations

import pytest

from bot.areas import has_full_postcode, means_anywhere, place_phrase, reduce_postcode
from bot.interests import interest_phrase, means_anything
from bot.refinements import CLOSER, FREE, MORE, OTHER, RESTART, RETRY, parse
from bot.worries import WORRIES, activity_interests, normalise_worry, support_interests


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("i live in walton x", "walton"),
        ("L4 0TH", "L4"),
        ("l40th", "L4"),
        ("my postcode is L8 1AB", "L8"),
        ("im from anfield", "anfield"),
        ("near old swan", "old swan"),
        ("in the city centre", "city centre"),
        ("Walton area", "Walton"),
        ("round tuebrook pls", "tuebrook"),
        ("St Helens", "St Helens"),
    ],
)
def test_place_phrase(text: str, phrase: str) -> None:
    assert place_phrase(text) == phrase


def test_full_postcodes_never_survive() -> None:
    for text in ("L4 0TH", "ch41 2ab", "I'm at WA10 1AB near the park", "l40th"):
        assert has_full_postcode(text)
        assert not has_full_postcode(reduce_postcode(text))
        assert not has_full_postcode(place_phrase(text) or "")


@pytest.mark.parametrize("text", ["anywhere", "Anywhere is fine", "dunno", "don't mind", "idk", "not sure", "online"])
def test_means_anywhere(text: str) -> None:
    assert means_anywhere(text)


@pytest.mark.parametrize("text", ["Anfield", "L4", "walton", "kirkby"])
def test_places_are_not_anywhere(text: str) -> None:
    assert not means_anywhere(text)


@pytest.mark.parametrize("text", ["anything really", "not sure yet", "idk lol", "Anything", "whatever", "surprise me"])
def test_means_anything(text: str) -> None:
    assert means_anything(text)


@pytest.mark.parametrize("text", ["football", "drama and music", "anything with football"])
def test_interests_are_not_anything(text: str) -> None:
    assert not means_anything(text)


def test_interest_phrase_drops_filler() -> None:
    assert interest_phrase("i'm into footy") == "footy"
    assert interest_phrase("I like drama and music") == "drama and music"
    assert interest_phrase("football") == "football"


@pytest.mark.parametrize(
    ("text", "worry"),
    [
        ("anxious", "anxiety"),
        ("she has panic attacks", "anxiety"),
        ("anxeity", "anxiety"),
        ("she wont go to school", "school_avoidance"),
        ("he's been really down", "low_mood"),
        ("bulied at school", "bullying"),
        ("his nan died", "bereavement"),
        ("autistic", "send"),
        ("ADHD", "send"),
        ("we're going through a divorce", "family_stress"),
        ("kicking off all the time", "behaviour"),
        ("low_mood", "low_mood"),
    ],
)
def test_normalise_worry(text: str, worry: str) -> None:
    assert normalise_worry(text) == worry


@pytest.mark.parametrize("text", [None, "", "xyz", "hello there"])
def test_unknown_worries(text: object) -> None:
    assert normalise_worry(text) is None


def test_every_worry_points_at_support_and_activities() -> None:
    for worry in WORRIES:
        assert support_interests(worry) and activity_interests(worry)


@pytest.mark.parametrize(
    ("entities", "text", "kinds", "day"),
    [
        (["more"], "show me more", {MORE}, None),
        ([], "anything free at the weekend", {FREE}, "weekend"),
        (["sat"], "on saturday", set(), "sat"),
        ([], "something else pls", {OTHER}, None),
        ([], "start again", {RESTART}, None),
        (["closer"], "closer", {CLOSER}, None),
        ([], "thats too far", {CLOSER}, None),
        (["retry"], "", {RETRY}, None),
        ([], "only on fridays", set(), "fri"),
    ],
)
def test_refinements(entities: list[str], text: str, kinds: set[str], day: object) -> None:
    parsed = parse(entities, text)
    assert set(parsed.kinds) == kinds
    assert parsed.day == day
