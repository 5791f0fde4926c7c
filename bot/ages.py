"""Which route an age takes. Ages are read from messages by the directory's
/understand, never here: this module only holds the bot's age rules.

5 to 25 is who the service is for; under 5 goes to family hubs; over 25 to
adult contacts.
"""

from __future__ import annotations

from directory.search.ages import ADULT, school_year_ages  # noqa: F401  (ADULT: the one rule, for actions)

MIN_AGE = 5
MAX_AGE = 25
# Someone who would not give an age may be a child: they see only services that end by this age, so nothing
# adults attend, and the age is still never guessed.
YOUTH_ONLY_MAX = 18
# Older than anyone who will type into the widget: a typo or a joke, asked again.
MAX_PLAUSIBLE = 120

UNDER_5 = "under_5"
OVER_25 = "over_25"
IN_RANGE = "ok"


def whole_years(value: object) -> int | None:
    """A slot value as whole years: 14, 14.0 or "14"; None for anything else."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value)
    text = str(value).strip()
    return int(text) if text.isdigit() else None


def school_year_range(age: int, school_year: int | None) -> tuple[int, int]:
    """The ages an age read from a school year stands for ("year 7" is 11 or 12: a list for them must suit
    both), by the shared rule in directory/search/ages.py. Any other age is itself."""
    if school_year is not None and age == school_year_ages(school_year)[1]:
        return school_year_ages(school_year)
    return age, age


def plausible(age: int) -> bool:
    return 0 <= age <= MAX_PLAUSIBLE


def band(age: int) -> str:
    """Which route an age takes: IN_RANGE, UNDER_5 or OVER_25."""
    if age < MIN_AGE:
        return UNDER_5
    if age > MAX_AGE:
        return OVER_25
    return IN_RANGE
