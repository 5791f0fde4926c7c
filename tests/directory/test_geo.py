"""Place resolution: names, typos, postcodes and districts; unknown places never guessed far away."""

from pathlib import Path

import pytest

from directory.geo import PlaceNotFound, haversine_km

ROOT = Path(__file__).resolve().parents[2]



RESOLVES = [
    ("Anfield", "Anfield", "ward"),
    ("anfeild", "Anfield", "ward"),
    ("ANFIELD", "Anfield", "ward"),
    ("kensington", "Kensington & Fairfield", "ward"),
    ("Kensington and Fairfield", "Kensington & Fairfield", "ward"),
    ("city centre", "Central", "district"),
    ("town centre", "Central", "district"),
    ("tuebrook", "Tuebrook and Stoneycroft", "district"),
    ("Tuebrook Larkhill", "Tuebrook Larkhill", "ward"),
    ("Old swan", "Old Swan", "district"),
    ("old swan east", "Old Swan East", "ward"),
    ("West Derby", "West Derby", "district"),
    ("west derbyy", "West Derby", "district"),
    ("Norris Green", "Norris Green", "ward"),
    ("norris grn", "Norris Green", "ward"),
    ("toxteth", "Toxteth", "ward"),
    ("Dingle", "Dingle", "ward"),
    ("the dingle", "Dingle", "ward"),
    ("speke", "Speke", "ward"),
    ("garston", "Garston", "ward"),
    ("Garston area", "Garston", "ward"),
    ("walton", "Walton", "ward"),
    ("everton", "Everton", "district"),
    ("Everton North", "Everton North", "ward"),
    ("childwal", "Childwall", "ward"),
    ("wavetree", "Wavertree", "district"),
    ("Wavertree Village", "Wavertree Village", "ward"),
    ("st michael's", "St Michaels", "ward"),
    ("Saint Michaels", "St Michaels", "ward"),
    ("knotty ash", "Knotty Ash", "district"),
    ("croxteth", "Croxteth", "ward"),
    ("crocky", "Croxteth", "ward"),
    ("kenny", "Kensington & Fairfield", "ward"),
    ("tocky", "Toxteth", "ward"),
    ("liverpool one", "Central", "district"),
    ("bold street", "City Centre South", "ward"),
    ("fazakerly", "Fazakerley", "district"),
    ("Belle vale", "Belle Vale", "ward"),
    ("woolton", "Woolton", "district"),
    ("Bootle", "Bootle", "town"),
    ("kirkby", "Kirkby", "town"),
    ("Huyton", "Huyton", "town"),
    ("Birkenhead", "Birkenhead", "town"),
    ("aintree", "Aintree", "neighbourhood"),
    ("new brighton", "New Brighton", "neighbourhood"),
    ("in anfield", "Anfield", "ward"),
    ("near Allerton", "Allerton", "ward"),
]


@pytest.mark.parametrize(("text", "name", "kind"), RESOLVES)
def test_names_resolve(gaz, text, name, kind):
    place = gaz.resolve(text)
    assert (place.name, place.kind) == (name, kind)
    assert place.in_area


POSTCODES = [
    ("L4 0TH", "L4"),
    ("l40th", "L4"),
    ("L4", "L4"),
    ("l8", "L8"),
    ("L15 8HX", "L15"),
    ("CH41 1AA", "CH41"),
    ("liverpool 8", "L8"),
    ("L1", "L1"),
    ("WA8", "WA8"),
    ("L25 5", "L25"),
]


@pytest.mark.parametrize(("text", "district"), POSTCODES)
def test_postcodes_become_districts(gaz, text, district):
    place = gaz.resolve(text)
    assert place.kind == "postcode_district"
    assert place.name == place.outcode == district
    # A full postcode is never echoed back: only its district is kept.
    assert " " not in place.query and len(place.query) <= 4


def test_l4_matches_reference_centroid(gaz):
    place = gaz.resolve("L4")
    assert (place.latitude, place.longitude) == (53.4378, -2.96201)


@pytest.mark.parametrize("text", ["London", "Manchester", "Narnia", "xyzzy", "the moon", "asdfgh", "Glasgow", "Leeds"])
def test_unknown_places_are_not_guessed(gaz, text):
    with pytest.raises(PlaceNotFound) as err:
        gaz.resolve(text)
    assert text in str(err.value)


def test_not_found_offers_close_suggestions(gaz):
    with pytest.raises(PlaceNotFound) as err:
        gaz.resolve("Anfeeeeldd road estate")
    assert "Anfield" in err.value.suggestions


def test_unknown_liverpool_district_is_not_found(gaz):
    with pytest.raises(PlaceNotFound):
        gaz.resolve("L99")


def test_outside_area_postcode_is_flagged(gaz):
    place = gaz.resolve("M1 1AA")
    assert place.name == "M1" and not place.in_area


def test_typo_match_is_close_to_the_real_place(gaz):
    for typo, real in [("anfeild", "Anfield"), ("tuebrok", "Tuebrook and Stoneycroft"), ("childwal", "Childwall")]:
        a, b = gaz.resolve(typo), gaz.resolve(real)
        assert haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) < 0.01


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("free footy near anfeild for my 12 year old", "Anfield"),
        ("drama in L6", "L6"),
        ("im from walton", "Walton"),
        ("something in west derby on saturdays", "West Derby"),
        ("I live in tuebrok", "Tuebrook and Stoneycroft"),
        ("boxing near church", "Church"),
        ("anything round old swan?", "Old Swan"),
        ("we're in L8 3AB", "L8"),
    ],
)
def test_places_found_in_sentences(gaz, sentence, name):
    place, _words = gaz.find_in_text(sentence)
    assert place is not None and place.name == name


@pytest.mark.parametrize("sentence", ["church youth group", "coding club for 12 year olds", "i like drama", "year 9"])
def test_no_place_in_sentences_without_one(gaz, sentence):
    assert gaz.find_in_text(sentence)[0] is None


def test_a_ward_split_by_compass_point_answers_to_its_old_name(gaz):
    clubmoor = gaz.resolve("clubmoor")
    east, west = gaz.resolve("Clubmoor East"), gaz.resolve("Clubmoor West")
    assert clubmoor.name == "Clubmoor"
    # Between its parts: within a couple of km of each, so "near clubmoor" finds both.
    assert haversine_km(clubmoor.latitude, clubmoor.longitude, east.latitude, east.longitude) < 2.5
    assert haversine_km(clubmoor.latitude, clubmoor.longitude, west.latitude, west.longitude) < 2.5
    # A name that is a place already keeps it.
    assert gaz.resolve("everton").name == "Everton"
