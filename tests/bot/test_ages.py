"""bot/ages.py: the bot's age rules. Reading ages from text is the directory's
(/understand, tests/directory/test_understand.py)."""

from __future__ import annotations

import pytest

from bot.ages import IN_RANGE, OVER_25, UNDER_5, band, plausible, whole_years


@pytest.mark.parametrize(
    ("age", "expected"), [(4, UNDER_5), (5, IN_RANGE), (25, IN_RANGE), (26, OVER_25), (0, UNDER_5)]
)
def test_bands(age: int, expected: str) -> None:
    assert band(age) == expected


@pytest.mark.parametrize(("value", "age"), [(14, 14), (14.0, 14), ("14", 14), (" 9 ", 9)])
def test_slot_values_are_whole_years(value: object, age: int) -> None:
    assert whole_years(value) == age


@pytest.mark.parametrize("value", [None, True, "fourteen", "", "14.5x", [14]])
def test_anything_else_is_no_age(value: object) -> None:
    assert whole_years(value) is None


def test_plausible() -> None:
    assert plausible(0) and plausible(120) and not plausible(121) and not plausible(-1)
