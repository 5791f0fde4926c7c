"""bot/safety/age_gap.py: the gap between a child and a partner is computed, not listed."""

from __future__ import annotations

import pytest

from bot.safety import age_gap
from bot.safety.detector import assess


@pytest.mark.parametrize(
    ("child", "partner", "concerning"),
    [
        (13, 20, True), (15, 18, True), (12, 15, True), (14, 17, True),  # adult, or 3+ years older
        (14, 16, False), (15, 17, False), (13, 13, False),
        (16, 21, True), (17, 23, True), (16, 19, False), (17, 18, False),  # 16-17: adult and 5+ older
        (18, 30, False), (22, 40, False),  # adults: not this signal
    ],
)
def test_which_gaps_count(child: int, partner: int, concerning: bool) -> None:
    assert age_gap.concerning(child, partner) is concerning


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        ("my boyfriend is 20", [20]),
        ("me bf's twenty two", [22]),
        ("the guy im seeing is nearly 19 and we kissed", [19]),
        ("im going out with a 19 year old", [19]),
        ("i met a man online who is 30 and wants to meet up", [30]),
        ("hes 21 but we're in love", [21]),
        # no partner: a bully, a brother, a pronoun with nothing about a relationship, a score
        ("a 16 year old lad keeps pushing me at school", []),
        ("my brother is 20", []),
        ("hes 21 and plays for everton", []),
        ("we won 20 3", []),
        ("their dad's new girlfriend is 25", []),
        ("me mams boyfriend is 40 and hes sound", []),
    ],
)
def test_partner_ages(text: str, partners: list[int]) -> None:
    assert age_gap.partner_ages(text)[0] == partners


def test_a_partners_age_is_not_the_childs() -> None:
    assert age_gap.ages_said(["my boyfriend is 20 and im 14", "year 8", "15", "my 20 year old bf"]) == [14, 13, 15]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("me bf is 23 and im only 15 he says not to tell me mum", "abuse_or_exploitation"),
        ("my daughter's 13 and her boyfriend is 19", "parent_worried"),
        ("im 15 and my boyfriend is 16", None),
    ],
)
def test_one_message_through_the_detector(text: str, category: str | None) -> None:
    found = assess(text)
    assert (found.category if found else None) == category
