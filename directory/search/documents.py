"""What the search index keeps of a service: filters, ranking inputs and the card fields."""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass

from directory import data_status, models
from directory.search import reach
from directory.search.ages import ADULT

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKEND = 0b1100000
WEEKDAYS = 0b0011111
FREE_WORDS = re.compile(r"\b(free|no cost|no charge)\b", re.I)
# An eligibility that opens with adults ("Adults worried about a child's safety."): the only wording read,
# so "Young people; adults welcome" is not taken for an adults' service.
FOR_ADULTS = re.compile(r"^\s*adults\b", re.I)


@dataclass(slots=True)
class ScheduleSlot:
    days: int  # bit 0 = Monday
    opens_at: str | None
    closes_at: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(slots=True)
class ServiceDoc:
    id: str
    name: str
    organization: str
    organization_id: str | None
    description: str
    status: str
    deleted: bool
    minimum_age: float | None
    maximum_age: float | None
    free: bool
    paid: bool
    valid_from: dt.date | None
    valid_to: dt.date | None
    days: int
    schedules: tuple[ScheduleSlot, ...]
    term_ids: tuple[str, ...]
    points: tuple[tuple[float, float], ...]
    online: bool  # reach.is_online: what the record puts online, never a guess from having no address
    url: str | None
    phone: str | None  # the first number to call; a text-only line is never here
    address: str | None
    location_name: str | None
    schedule_text: str | None
    text_fields: tuple[tuple[str, float], ...]
    last_modified: dt.datetime | None
    text: str | None = None  # a text (SMS) line in the record's words: "Text SHOUT to 85258"
    sms: str | None = None  # its number, for an sms: link
    for_adults: bool = False  # for_adults(): the record says the service is for adults
    sample: bool = False  # the record carries the "Sample data" mark (directory/data_status.py)

    @property
    def placeless(self) -> bool:
        """No point on the map: near to everyone for a radius search (online, a phone line, in schools)."""
        return not self.points


def parse_byday(byday: str | None) -> int:
    mask = 0
    for part in (byday or "").upper().replace(" ", "").split(","):
        code = part[-2:]
        if code in DAYS:
            mask |= 1 << DAYS.index(code)
    return mask


def _time(value: str | None) -> str:
    if not value:
        return ""
    hour, minute = (int(x) for x in value.split(":")[:2])
    suffix = "am" if hour < 12 else "pm"
    hour12 = hour % 12 or 12
    return f"{hour12}{suffix}" if minute == 0 else f"{hour12}:{minute:02d}{suffix}"


def describe_times(opens: str | None, closes: str | None) -> str:
    if not (opens and closes):
        return ""
    if opens[:5] == "00:00" and closes[:5] in ("23:59", "24:00"):
        return " 24 hours"
    return f" {_time(opens)}-{_time(closes)}"


def describe_days(mask: int) -> str:
    if mask == 0b1111111:
        return "Every day"
    if mask == WEEKEND:
        return "Weekends"
    if mask == WEEKDAYS:
        return "Mon-Fri"
    return ", ".join(DAY_NAMES[i] for i in range(7) if mask & (1 << i))


def schedule_text(slots: tuple[ScheduleSlot, ...], descriptions: list[str]) -> str | None:
    parts = []
    for slot in slots:
        if not slot.days:
            continue
        text = describe_days(slot.days) + describe_times(slot.opens_at, slot.closes_at)
        parts.append("24/7" if text == "Every day 24 hours" else text)
    if parts:
        return "; ".join(dict.fromkeys(parts))
    return descriptions[0] if descriptions else None


def is_free(service: models.Service) -> bool:
    if service.cost_options:
        return all((c.amount or 0) == 0 for c in service.cost_options)
    return bool(service.fees_description and FREE_WORDS.search(service.fees_description))


def for_adults(minimum_age: float | None, maximum_age: float | None, eligibility: str | None) -> bool:
    """The record says adults: 18 or over with no upper age, or no ages at all and an eligibility that opens
    with "Adults". Ages the record does give always win over its wording."""
    if maximum_age is not None:
        return False
    if minimum_age is not None:
        return minimum_age >= ADULT
    return bool(FOR_ADULTS.match(eligibility or ""))


def from_service(service: models.Service) -> ServiceDoc:
    slots = tuple(
        ScheduleSlot(parse_byday(s.byday), s.opens_at, s.closes_at, s.valid_from, s.valid_to) for s in service.schedules
    )
    valid_tos = [s.valid_to for s in service.schedules]
    # A service ends when every one of its schedules has ended; one open-ended schedule keeps it going.
    valid_to = max(valid_tos) if valid_tos and all(valid_tos) else None
    valid_froms = [s.valid_from for s in service.schedules]
    valid_from = min(valid_froms) if valid_froms and all(valid_froms) else None
    points: list[tuple[float, float]] = []
    address = location_name = None
    locations = [sal.location for sal in service.service_at_locations if sal.location and not sal.location.deleted_at]
    for loc in locations:
        if loc.location_type == "virtual" or loc.latitude is None or loc.longitude is None:
            location_name = location_name or loc.name
            continue
        points.append((loc.latitude, loc.longitude))
        if address is None:
            location_name = loc.name
            if loc.addresses:
                a = loc.addresses[0]
                address = ", ".join(x for x in (a.address_1, a.address_2, a.city, a.postal_code) if x)
            else:
                address = loc.name
    lines = [reach.Line(p.number, p.type, p.description) for p in service.phones]
    text_line = reach.first_text(lines)
    marks = [a.taxonomy_term for a in service.attributes if a.taxonomy_term is not None]
    terms = [t for t in marks if not data_status.is_status(t.kind)]
    org = service.organization.name if service.organization else ""
    text_fields = (
        (service.name, 3.0),
        (" ".join(t.name for t in terms), 2.0),
        (org, 1.0),
        (service.description or "", 1.0),
        (service.eligibility_description or "", 0.5),
    )
    # Organization names, places and times repeat across services: share one copy of each.
    share = sys.intern
    return ServiceDoc(
        id=service.id,
        name=service.name,
        organization=share(org),
        organization_id=share(service.organization_id) if service.organization_id else None,
        description=(service.description or "")[:400],
        status=service.status,
        deleted=service.deleted_at is not None
        or (service.organization is not None and service.organization.deleted_at is not None),
        minimum_age=service.minimum_age,
        maximum_age=service.maximum_age,
        free=is_free(service),
        paid=any((c.amount or 0) > 0 for c in service.cost_options),
        valid_from=valid_from,
        valid_to=valid_to,
        days=_days(slots),
        schedules=slots,
        term_ids=tuple(dict.fromkeys(t.id for t in terms)),
        points=tuple(points),
        online=reach.is_online((reach.Place(loc.location_type, loc.url) for loc in locations), service.url),
        url=service.url,
        phone=reach.first_voice(lines),
        address=share(address) if address else None,
        location_name=share(location_name) if location_name else None,
        schedule_text=_shared(schedule_text(slots, [s.description for s in service.schedules if s.description])),
        text_fields=text_fields,
        last_modified=service.last_modified,
        text=reach.text_words(text_line) if text_line else None,
        sms=reach.sms_number(text_line) if text_line else None,
        for_adults=for_adults(service.minimum_age, service.maximum_age, service.eligibility_description),
        sample=any(t.code == data_status.SAMPLE_DATA for t in marks),
    )


def _shared(text: str | None) -> str | None:
    return sys.intern(text) if text else None


def _days(slots: tuple[ScheduleSlot, ...]) -> int:
    mask = 0
    for slot in slots:
        mask |= slot.days
    return mask
