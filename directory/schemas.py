"""Public response shapes: HSDS 3.0 / Open Referral UK field names, built from the ORM."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_serializer

T = TypeVar("T")


class HSDSModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TaxonomyPublic(HSDSModel):
    id: str
    name: str
    description: str
    uri: str | None = None
    version: str | None = None


class TaxonomyTermPublic(HSDSModel):
    id: str
    code: str | None = None
    name: str
    description: str
    parent_id: str | None = None
    taxonomy: str | None = None
    taxonomy_id: str | None = None
    term_uri: str | None = None
    synonyms: list[str] = Field(default_factory=list, description="Words people use for this term.")


class AttributePublic(HSDSModel):
    id: str
    link_id: str
    link_type: str | None = None
    link_entity: str | None = None
    taxonomy_term_id: str
    value: str | None = None
    label: str | None = None
    taxonomy_term: TaxonomyTermPublic | None = None


class AddressPublic(HSDSModel):
    id: str
    location_id: str
    attention: str | None = None
    address_1: str
    address_2: str | None = None
    city: str
    region: str | None = None
    state_province: str
    postal_code: str
    country: str
    address_type: str


class AccessibilityPublic(HSDSModel):
    id: str
    location_id: str
    description: str | None = None
    details: str | None = None
    url: str | None = None


class LocationPublic(HSDSModel):
    id: str
    location_type: str
    url: str | None = None
    organization_id: str | None = None
    name: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    transportation: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    external_identifier: str | None = None
    external_identifier_type: str | None = None
    addresses: list[AddressPublic] = []
    accessibility: list[AccessibilityPublic] = []


class ServiceAtLocationPublic(HSDSModel):
    id: str
    service_id: str
    location_id: str
    description: str | None = None
    location: LocationPublic | None = None


class PhonePublic(HSDSModel):
    id: str
    service_id: str | None = None
    number: str
    extension: str | None = None
    type: str | None = None
    description: str | None = None


class ContactPublic(HSDSModel):
    id: str
    service_id: str | None = None
    name: str | None = None
    title: str | None = None
    department: str | None = None
    email: str | None = None


class SchedulePublic(HSDSModel):
    id: str
    service_id: str | None = None
    location_id: str | None = None
    service_at_location_id: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    dtstart: dt.date | None = None
    until: dt.date | None = None
    count: int | None = None
    wkst: str | None = None
    freq: str | None = None
    interval: int | None = None
    byday: str | None = None
    byweekno: str | None = None
    bymonthday: str | None = None
    byyearday: str | None = None
    description: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    schedule_link: str | None = None
    attending_type: str | None = None
    notes: str | None = None


class CostOptionPublic(HSDSModel):
    id: str
    service_id: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    option: str | None = None
    currency: str | None = None
    amount: float | None = None
    amount_description: str | None = None

    @field_serializer("amount")
    def _amount(self, value: Decimal | float | None) -> float | None:
        return None if value is None else float(value)


class LanguagePublic(HSDSModel):
    id: str
    service_id: str | None = None
    name: str | None = None
    code: str | None = None
    note: str | None = None


class OrganizationPublic(HSDSModel):
    id: str
    name: str
    alternate_name: str | None = None
    description: str
    email: str | None = None
    website: str | None = None
    logo: str | None = None
    uri: str | None = None
    parent_organization_id: str | None = None


class ServicePublic(HSDSModel):
    id: str
    organization_id: str | None = None
    name: str
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str
    interpretation_services: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    assured_date: dt.date | None = None
    assurer_email: str | None = None
    alert: str | None = None
    last_modified: dt.datetime | None = None
    organization: OrganizationPublic | None = None
    service_at_locations: list[ServiceAtLocationPublic] = []
    phones: list[PhonePublic] = []
    schedules: list[SchedulePublic] = []
    cost_options: list[CostOptionPublic] = []
    languages: list[LanguagePublic] = []
    contacts: list[ContactPublic] = []
    attributes: list[AttributePublic] = []

    @field_serializer("last_modified")
    def _utc(self, value: dt.datetime | None) -> str | None:
        return None if value is None else value.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"

    @field_serializer("minimum_age", "maximum_age")
    def _age(self, value: float | None) -> int | float | None:
        if value is None:
            return None
        return int(value) if float(value).is_integer() else value


class OrganizationFull(OrganizationPublic):
    services: list[ServicePublic] = []


class ServiceAtLocationFull(ServiceAtLocationPublic):
    service: ServicePublic | None = None


class Page(BaseModel, Generic[T]):
    """The HSDS 3.0 Page envelope."""

    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[T]


class ApiInfo(BaseModel):
    version: str
    profile: str
    openapi_url: str


class PlacePublic(BaseModel):
    query: str
    name: str
    kind: str
    latitude: float
    longitude: float
    outcode: str
    in_area: bool


class InterestTerm(BaseModel):
    id: str
    code: str
    name: str
    kind: str | None = Field(default=None, description="activity, group or support.")


class InterestResolution(BaseModel):
    terms: list[InterestTerm]
    unknown: list[str]
    suggestions: list[InterestTerm]


class UnderstoodTerm(InterestTerm):
    words: list[str] = Field(description="The words of the message that named it (empty for an emoji).")


class Understanding(BaseModel):
    """Everything GET /understand read in one message."""

    age: int | None = Field(description="Age in years, from digits, words ('fourteen') or a school year.")
    age_to: int | None = Field(
        None, description="With `age`, the top of two ages given for a group or siblings ('aged 14 to 16'): "
        "a service must admit every age between them."
    )
    school_year: int | None = Field(description="The school year the age came from, if it came from one.")
    interests: list[UnderstoodTerm] = Field(description="Interests named, through synonyms, typos and emoji.")
    not_interests: list[InterestTerm] = Field(description="Interests turned down ('not really into sport').")
    anything: bool = Field(description="Asked what they like, they have no preference ('anything', 'dunno').")
    unsure: bool = Field(
        default=False, description="Of those, they said they don't know yet ('not sure', 'dunno'), not 'anything'."
    )
    interest_suggestions: list[InterestTerm] = Field(description="Close terms when an answer matched none.")
    place: PlacePublic | None = Field(description="The place or postcode district named (full postcodes reduced).")
    anywhere: bool = Field(description="Asked where, they have no preference, or named the whole city.")
    place_suggestions: list[str] = Field(description="Close place names when an answer to 'where?' matched none.")
    free: bool
    days: list[str] = Field(description="HSDS day codes (MO..SU) the message asks for.")
    after_school: bool
    open_now: bool
    online: bool = Field(
        False, description="They asked to take part online ('anything online?', 'support from home'); not "
        "'online gaming' or 'online safety', where the word is part of the interest."
    )
    unknown: list[str] = Field(description="Content words that named nothing the directory knows.")


class RecommendedService(BaseModel):
    id: str
    name: str
    organization: str
    description: str
    reason: str
    distance_km: float | None
    minimum_age: int | float | None
    maximum_age: int | float | None
    free: bool
    url: str | None
    phone: str | None = Field(description="A number to call. Never a text-only line: that is `text` and `sms`.")
    text: str | None = Field(
        None, description="A text (SMS) line, in the record's words where it gives them: 'Text SHOUT to 85258'."
    )
    sms: str | None = Field(None, description="The number of that text line, for an sms: link (never tel:).")
    address: str | None
    schedule: str | None
    taxonomy_terms: list[str]
    online: bool = Field(
        description="A virtual location with a URL, or no location at all and a website: somewhere to take part "
        "online. Not true of a phone line or a service in schools."
    )
    related: bool = Field(
        False, description="Not the activity asked for but one of its family, listed because it is near "
        "(related_nearby=true)."
    )
    sample: bool = Field(
        False, description="Fictional sample data: the record carries the 'Sample data' attribute of the "
        "data-status taxonomy. Show it as sample, never as a real place to go."
    )


class Recommendations(BaseModel):
    query: dict
    place: PlacePublic | None
    interests: list[InterestTerm]
    unknown_interests: list[str]
    interest_suggestions: list[InterestTerm]
    total: int
    items: list[RecommendedService]
    notes: list[str]


class Health(BaseModel):
    status: str
    database: str
    services_indexed: int


# -- admin API bodies that are not HSDS records ---------------------------------------------------
class AuditEventOut(BaseModel):
    id: int
    at: str
    key_name: str
    action: str
    resource_type: str
    resource_id: str
    before: dict | None
    after: dict | None


class ReviewItem(BaseModel):
    id: str
    name: str
    organization: str | None
    status: str
    assured_date: str | None
    assurer_email: str | None
    days_since_assured: int | None
    last_modified: str
    last_edited_by: list[str]


class ReviewQueue(BaseModel):
    review_days: int
    total: int
    items: list[ReviewItem]


class ImportReport(BaseModel):
    """What an import did, or (422) why it wrote nothing: row-level errors and duplicates."""

    dry_run: bool
    committed: bool
    rows: int
    created: int
    updated: int
    unchanged: int
    skipped_duplicates: int
    errors: list[dict]
    duplicates: list[dict]
    message: str
