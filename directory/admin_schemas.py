"""What staff send: HSDS field names, validated so that bad input changes nothing.

`ServiceCreate` is used for POST and PUT and for every imported row; `ServicePatch`
for PATCH (merged onto the current record, then validated as a whole).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

import phonenumbers
from phonenumbers import shortnumberinfo
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

UK_POSTCODE = re.compile(r"^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?(\d[ABD-HJLNP-UW-Z]{2})?)$", re.I)
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
BYDAY = re.compile(r"^(-?\d?(MO|TU|WE|TH|FR|SA|SU))(,-?\d?(MO|TU|WE|TH|FR|SA|SU))*$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _http_url(value: str | None) -> str | None:
    if value is None:
        return value
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.I):
        raise ValueError("must be an http:// or https:// URL")
    return value


def _uk_phone(value: str) -> str:
    digits = re.sub(r"[\s()-]", "", value)
    if digits.isdigit() and len(digits) <= 6:
        # Short numbers: 999, 111, 116 123; and SMS short codes, which in the UK are 6xxxx-8xxxx.
        sms_code = len(digits) == 5 and digits[0] in "678"
        if sms_code or shortnumberinfo.is_valid_short_number(phonenumbers.parse(digits, "GB")):
            return value
        raise ValueError("is not a valid UK short number")
    try:
        parsed = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        raise ValueError("is not a phone number") from None
    if not phonenumbers.is_valid_number(parsed) or phonenumbers.region_code_for_number(parsed) != "GB":
        raise ValueError("is not a valid UK phone number")
    return value


def _postcode(value: str) -> str:
    if not UK_POSTCODE.match(value.strip()):
        raise ValueError("is not a UK postcode or postcode district (like L4 0TH or L4)")
    return value.strip().upper()


def _email(value: str | None) -> str | None:
    if value is not None and not EMAIL.match(value):
        raise ValueError("is not an email address")
    return value


def _time(value: str | None) -> str | None:
    if value is not None and not HHMM.match(value):
        raise ValueError("must be a 24-hour time like 18:30")
    return value


# Lengths match the database columns, so a long value is a 422 here, never an error in the database.
HttpUrl = Annotated[str | None, Field(max_length=500), AfterValidator(_http_url)]
Email = Annotated[str | None, Field(max_length=255), AfterValidator(_email)]
Phone = Annotated[str, Field(max_length=50), AfterValidator(_uk_phone)]
Postcode = Annotated[str, AfterValidator(_postcode)]
Time = Annotated[str | None, AfterValidator(_time)]
# HSDS 3.0 and the ORUK profile give every id `format: uuid`: anything else would be stored, then
# served by the public API as a record that breaks the standard (the fuzz suite found this).
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
Id = Annotated[
    str,
    Field(min_length=36, max_length=36, pattern=UUID_PATTERN,
          description="A UUID, as HSDS requires; leave it out and one is made for you."),
]
Text = Annotated[str, Field(max_length=5000)]
Name = Annotated[str, Field(min_length=1, max_length=255)]


class Input(BaseModel):
    # Unknown HSDS fields (from other people's data) are ignored rather than refused.
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class AddressIn(Input):
    id: Id | None = None
    attention: Name | None = None
    address_1: Name
    address_2: Name | None = None
    city: Name
    region: Name | None = None
    state_province: Name = "Merseyside"
    postal_code: Postcode
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = "GB"
    address_type: Literal["physical", "postal", "virtual"] = "physical"


class LocationIn(Input):
    id: Id | None = None
    location_type: Literal["physical", "postal", "virtual"] = "physical"
    url: HttpUrl = None
    organization_id: Id | None = None
    name: Name | None = None
    description: Text | None = None
    transportation: Text | None = None
    latitude: Annotated[float | None, Field(ge=-90, le=90)] = None
    longitude: Annotated[float | None, Field(ge=-180, le=180)] = None
    addresses: list[AddressIn] = []

    @model_validator(mode="after")
    def _both_coordinates(self) -> LocationIn:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together: give both or neither")
        return self


class ServiceAtLocationIn(Input):
    id: Id | None = None
    location_id: Id | None = None
    description: Text | None = None
    location: LocationIn | None = None

    @model_validator(mode="after")
    def _one_location(self) -> ServiceAtLocationIn:
        if self.location is None and self.location_id is None:
            raise ValueError("give a location or a location_id")
        return self


class PhoneIn(Input):
    id: Id | None = None
    number: Phone
    extension: Annotated[str | None, Field(max_length=20)] = None
    type: Annotated[str | None, Field(max_length=20)] = None
    description: Text | None = None


class ContactIn(Input):
    id: Id | None = None
    name: Name | None = None
    title: Name | None = None
    department: Name | None = None
    email: Email = None


class ScheduleIn(Input):
    id: Id | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    dtstart: dt.date | None = None
    freq: Literal["WEEKLY", "MONTHLY"] | None = None
    interval: Annotated[int | None, Field(ge=1, le=52)] = None
    byday: Annotated[str | None, AfterValidator(lambda v: _byday(v))] = None
    bymonthday: Annotated[str | None, Field(max_length=100)] = None
    description: Text | None = None
    opens_at: Time = None
    closes_at: Time = None
    attending_type: Annotated[str | None, Field(max_length=500)] = None
    notes: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> ScheduleIn:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError("valid_from must be on or before valid_to")
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValueError("opens_at must be before closes_at")
        return self


def _currency(value: str | None) -> str | None:
    if value is None:
        return value
    if not re.match(r"^[A-Za-z]{3}$", value):
        raise ValueError("must be a three-letter currency code like GBP")
    return value.upper()


def _byday(value: str | None) -> str | None:
    if value is None:
        return value
    value = value.upper().replace(" ", "")
    if not BYDAY.match(value):
        raise ValueError("must be iCalendar days like MO,WE or SA,SU")
    return value


class CostOptionIn(Input):
    id: Id | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    option: Text | None = None
    currency: Annotated[str | None, AfterValidator(lambda v: _currency(v))] = "GBP"
    amount: Annotated[Decimal | None, Field(ge=0, le=100000, decimal_places=2)] = None
    amount_description: Text | None = None


class LanguageIn(Input):
    id: Id | None = None
    name: Annotated[str | None, Field(max_length=100)] = None
    code: Annotated[str | None, Field(max_length=20)] = None
    note: Text | None = None


class AttributeIn(Input):
    id: Id | None = None
    taxonomy_term_id: Id
    link_type: Annotated[str | None, Field(max_length=50)] = None
    value: Text | None = None
    label: Name | None = None


class OrganizationIn(Input):
    id: Id | None = None
    name: Name
    alternate_name: Name | None = None
    description: Text = ""
    email: Email = None
    website: HttpUrl = None
    logo: HttpUrl = None
    uri: HttpUrl = None
    parent_organization_id: Id | None = None


class OrganizationPatch(Input):
    name: Name | None = None
    alternate_name: Name | None = None
    description: Text | None = None
    email: Email = None
    website: HttpUrl = None
    logo: HttpUrl = None
    uri: HttpUrl = None


Status = Literal["active", "inactive", "defunct", "temporarily closed"]


class ServiceFields(Input):
    organization_id: Id | None = None
    name: Name
    alternate_name: Name | None = None
    description: Text | None = None
    url: HttpUrl = None
    email: Email = None
    status: Status = "active"
    interpretation_services: Text | None = None
    application_process: Text | None = None
    fees_description: Text | None = None
    eligibility_description: Text | None = None
    minimum_age: Annotated[float | None, Field(ge=0, le=120)] = None
    maximum_age: Annotated[float | None, Field(ge=0, le=120)] = None
    assured_date: dt.date | None = None
    assurer_email: Email = None
    alert: Text | None = None

    @model_validator(mode="after")
    def _ages(self) -> ServiceFields:
        if self.minimum_age is not None and self.maximum_age is not None and self.minimum_age > self.maximum_age:
            raise ValueError("minimum_age must not be more than maximum_age")
        return self


class ServiceCreate(ServiceFields):
    id: Id | None = None
    organization: OrganizationIn | None = None
    service_at_locations: list[ServiceAtLocationIn] = []
    phones: list[PhoneIn] = []
    schedules: list[ScheduleIn] = []
    cost_options: list[CostOptionIn] = []
    languages: list[LanguageIn] = []
    contacts: list[ContactIn] = []
    attributes: list[AttributeIn] = []

    @model_validator(mode="after")
    def _has_organization(self) -> ServiceCreate:
        if self.organization is None and self.organization_id is None:
            raise ValueError("give an organization or an organization_id")
        return self


class ServicePatch(Input):
    """Any subset of a service's fields; lists replace the whole list."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    organization_id: Id | None = None
    name: Name | None = None
    alternate_name: Name | None = None
    description: Text | None = None
    url: HttpUrl = None
    email: Email = None
    status: Status | None = None
    interpretation_services: Text | None = None
    application_process: Text | None = None
    fees_description: Text | None = None
    eligibility_description: Text | None = None
    minimum_age: Annotated[float | None, Field(ge=0, le=120)] = None
    maximum_age: Annotated[float | None, Field(ge=0, le=120)] = None
    assured_date: dt.date | None = None
    assurer_email: Email = None
    alert: Text | None = None
    service_at_locations: list[ServiceAtLocationIn] | None = None
    phones: list[PhoneIn] | None = None
    schedules: list[ScheduleIn] | None = None
    cost_options: list[CostOptionIn] | None = None
    languages: list[LanguageIn] | None = None
    contacts: list[ContactIn] | None = None
    attributes: list[AttributeIn] | None = None


class LocationPatch(Input):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    location_type: Literal["physical", "postal", "virtual"] | None = None
    url: HttpUrl = None
    name: Name | None = None
    description: Text | None = None
    transportation: Text | None = None
    latitude: Annotated[float | None, Field(ge=-90, le=90)] = None
    longitude: Annotated[float | None, Field(ge=-180, le=180)] = None
    addresses: list[AddressIn] | None = None


class TaxonomyTermIn(Input):
    id: Id | None = None
    code: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[a-z0-9_]+$")]
    name: Name
    description: Text
    parent_id: Id | None = None
    kind: Literal["activity", "group", "support"] | None = None
    synonyms: list[Annotated[str, Field(min_length=1, max_length=100)]] = []


class TaxonomyTermPatch(Input):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: Name | None = None
    description: Text | None = None
    parent_id: Id | None = None
    kind: Literal["activity", "group", "support"] | None = None
    synonyms: list[Annotated[str, Field(min_length=1, max_length=100)]] | None = None


class AssureIn(Input):
    assurer_email: Email = None
    assured_date: dt.date | None = None
