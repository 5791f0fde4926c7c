"""bot/ages.py: ages as young people and parents type them."""

from __future__ import annotations

import pytest

from bot.ages import IN_RANGE, OVER_25, UNDER_5, band, parse_age


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("14", 14),
        ("fourteen", 14),
        ("Fourteen!", 14),
        ("year 9", 14),
        ("Year 7", 12),
        ("yr 10", 15),
        ("y11", 16),
        ("im in year nine", 14),
        ("im 14 nearly 15", 14),
        ("14 nearly 15", 14),
        ("nearly 15", 14),
        ("almost sixteen", 15),
        ("14yo", 14),
        ("16 yrs old", 16),
        ("i am 17 years old", 17),
        ("twenty one", 21),
        ("twenty-one", 21),
        ("I'm 14 from Walton and I like drama", 14),
        ("my 12 year old", 12),
        ("she's 4", 4),
        ("she is two", 2),
        ("3", 3),
        ("aged 7", 7),
        ("40", 40),
        (14, 14),
        (14.0, 14),
    ],
)
def test_reads_ages(text: object, age: int) -> None:
    assert parse_age(text) == age


@pytest.mark.parametrize(
    "text",
    [None, "", "L4 0TH", "CH41 2AB", "6pm on saturday", "i have 2 brothers", "that one", "dunno", "football", True],
)
def test_ignores_things_that_are_not_ages(text: object) -> None:
    assert parse_age(text) is None


@pytest.mark.parametrize(
    ("age", "expected"), [(4, UNDER_5), (5, IN_RANGE), (25, IN_RANGE), (26, OVER_25), (0, UNDER_5)]
)
def test_bands(age: int, expected: str) -> None:
    assert band(age) == expected
