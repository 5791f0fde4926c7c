"""HSDS 3.0 (Open Referral UK profile) as a typed SQLAlchemy 2 model.

Field names follow HSDS so that serialising is a matter of copying attributes.
Ids are the HSDS string UUIDs. `deleted_at` and `version` are our own: soft
delete and optimistic concurrency for the admin API.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, Numeric, String, Text, and_
from sqlalchemy.orm import DeclarativeBase, Mapped, foreign, mapped_column, relationship


def utcnow() -> dt.datetime:
    # Naive UTC: both SQLite and PostgreSQL "timestamp" columns round-trip it unchanged.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {str: String(255), dict: JSON, list: JSON}


Id = String(36)


class Taxonomy(Base):
    __tablename__ = "taxonomy"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    uri: Mapped[str | None]
    version: Mapped[str | None]
    terms: Mapped[list[TaxonomyTerm]] = relationship(back_populates="taxonomy_obj")


class TaxonomyTerm(Base):
    __tablename__ = "taxonomy_term"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    code: Mapped[str | None] = mapped_column(String(100), unique=True)
    name: Mapped[str]
    description: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(Id, ForeignKey("taxonomy_term.id"))
    taxonomy: Mapped[str | None]
    taxonomy_id: Mapped[str | None] = mapped_column(Id, ForeignKey("taxonomy.id"))
    term_uri: Mapped[str | None]
    # Our extension: the words people really type for this term ("footy", "making beats").
    synonyms: Mapped[list] = mapped_column(JSON, default=list)
    kind: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}
    taxonomy_obj: Mapped[Taxonomy | None] = relationship(back_populates="terms")


class Organization(Base):
    __tablename__ = "organization"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    name: Mapped[str]
    alternate_name: Mapped[str | None]
    description: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str | None]
    website: Mapped[str | None] = mapped_column(String(500))
    logo: Mapped[str | None] = mapped_column(String(500))
    uri: Mapped[str | None] = mapped_column(String(500))
    parent_organization_id: Mapped[str | None] = mapped_column(Id)
    last_modified: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    services: Mapped[list[Service]] = relationship(back_populates="organization")
    __mapper_args__ = {"version_id_col": version}


class Service(Base):
    __tablename__ = "service"
    __table_args__ = (Index("ix_service_last_modified", "last_modified"),)
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    organization_id: Mapped[str | None] = mapped_column(Id, ForeignKey("organization.id"), index=True)
    name: Mapped[str]
    alternate_name: Mapped[str | None]
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(30), default="active")
    interpretation_services: Mapped[str | None] = mapped_column(Text)
    application_process: Mapped[str | None] = mapped_column(Text)
    fees_description: Mapped[str | None] = mapped_column(Text)
    eligibility_description: Mapped[str | None] = mapped_column(Text)
    minimum_age: Mapped[float | None]
    maximum_age: Mapped[float | None]
    assured_date: Mapped[dt.date | None]
    assurer_email: Mapped[str | None]
    alert: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[dt.datetime] = mapped_column(default=utcnow)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    # UPDATE ... WHERE version = :seen: a concurrent write is refused, never silently overwritten.
    __mapper_args__ = {"version_id_col": version}

    organization: Mapped[Organization | None] = relationship(back_populates="services")
    service_at_locations: Mapped[list[ServiceAtLocation]] = relationship(
        back_populates="service", cascade="all, delete-orphan", order_by="ServiceAtLocation.id"
    )
    phones: Mapped[list[Phone]] = relationship(cascade="all, delete-orphan", order_by="Phone.id")
    schedules: Mapped[list[Schedule]] = relationship(cascade="all, delete-orphan", order_by="Schedule.id")
    cost_options: Mapped[list[CostOption]] = relationship(cascade="all, delete-orphan", order_by="CostOption.id")
    languages: Mapped[list[Language]] = relationship(cascade="all, delete-orphan", order_by="Language.id")
    contacts: Mapped[list[Contact]] = relationship(cascade="all, delete-orphan", order_by="Contact.id")
    attributes: Mapped[list[Attribute]] = relationship(
        primaryjoin=lambda: and_(Service.id == foreign(Attribute.link_id), Attribute.link_entity == "service"),
        cascade="all, delete-orphan",
        order_by="Attribute.id",
    )


class Location(Base):
    __tablename__ = "location"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    location_type: Mapped[str] = mapped_column(String(20), default="physical")
    url: Mapped[str | None] = mapped_column(String(500))
    organization_id: Mapped[str | None] = mapped_column(Id, ForeignKey("organization.id"))
    name: Mapped[str | None]
    alternate_name: Mapped[str | None]
    description: Mapped[str | None] = mapped_column(Text)
    transportation: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    external_identifier: Mapped[str | None]
    external_identifier_type: Mapped[str | None]
    last_modified: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    __mapper_args__ = {"version_id_col": version}
    addresses: Mapped[list[Address]] = relationship(cascade="all, delete-orphan", order_by="Address.id")
    accessibility: Mapped[list[Accessibility]] = relationship(cascade="all, delete-orphan", order_by="Accessibility.id")


class Address(Base):
    __tablename__ = "address"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    location_id: Mapped[str] = mapped_column(Id, ForeignKey("location.id", ondelete="CASCADE"), index=True)
    attention: Mapped[str | None]
    address_1: Mapped[str]
    address_2: Mapped[str | None]
    city: Mapped[str]
    region: Mapped[str | None]
    state_province: Mapped[str]
    postal_code: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))
    address_type: Mapped[str] = mapped_column(String(20), default="physical")


class Accessibility(Base):
    __tablename__ = "accessibility"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    location_id: Mapped[str] = mapped_column(Id, ForeignKey("location.id", ondelete="CASCADE"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(500))


class ServiceAtLocation(Base):
    __tablename__ = "service_at_location"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    service_id: Mapped[str] = mapped_column(Id, ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str] = mapped_column(Id, ForeignKey("location.id"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    service: Mapped[Service] = relationship(back_populates="service_at_locations")
    location: Mapped[Location] = relationship(lazy="joined")


class Phone(Base):
    __tablename__ = "phone"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    service_id: Mapped[str | None] = mapped_column(Id, ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str | None] = mapped_column(Id, ForeignKey("location.id", ondelete="CASCADE"))
    organization_id: Mapped[str | None] = mapped_column(Id, ForeignKey("organization.id"))
    contact_id: Mapped[str | None] = mapped_column(Id)
    number: Mapped[str] = mapped_column(String(50))
    extension: Mapped[str | None] = mapped_column(String(20))
    type: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)


class Contact(Base):
    __tablename__ = "contact"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    service_id: Mapped[str | None] = mapped_column(Id, ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None]
    title: Mapped[str | None]
    department: Mapped[str | None]
    email: Mapped[str | None]


class Schedule(Base):
    __tablename__ = "schedule"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    service_id: Mapped[str | None] = mapped_column(Id, ForeignKey("service.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str | None] = mapped_column(Id)
    service_at_location_id: Mapped[str | None] = mapped_column(Id)
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    dtstart: Mapped[dt.date | None]
    timezone: Mapped[float | None]
    until: Mapped[dt.date | None]
    count: Mapped[int | None]
    wkst: Mapped[str | None] = mapped_column(String(2))
    freq: Mapped[str | None] = mapped_column(String(10))
    interval: Mapped[int | None]
    byday: Mapped[str | None] = mapped_column(String(50))
    byweekno: Mapped[str | None] = mapped_column(String(100))
    bymonthday: Mapped[str | None] = mapped_column(String(100))
    byyearday: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    opens_at: Mapped[str | None] = mapped_column(String(8))
    closes_at: Mapped[str | None] = mapped_column(String(8))
    schedule_link: Mapped[str | None] = mapped_column(String(500))
    attending_type: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)


class CostOption(Base):
    __tablename__ = "cost_option"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    service_id: Mapped[str] = mapped_column(Id, ForeignKey("service.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    option: Mapped[str | None] = mapped_column(Text)
    currency: Mapped[str | None] = mapped_column(String(3))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    amount_description: Mapped[str | None] = mapped_column(Text)


class Language(Base):
    __tablename__ = "language"
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    service_id: Mapped[str | None] = mapped_column(Id, ForeignKey("service.id", ondelete="CASCADE"), index=True)
    name: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)


class Attribute(Base):
    """Links any record (HSDS link_type/link_id) to a taxonomy term."""

    __tablename__ = "attribute"
    __table_args__ = (Index("ix_attribute_link", "link_id", "link_entity"),)
    id: Mapped[str] = mapped_column(Id, primary_key=True)
    link_id: Mapped[str] = mapped_column(Id)
    link_type: Mapped[str | None] = mapped_column(String(50))
    # The table the link_id points into; HSDS 3.0 calls it link_entity.
    link_entity: Mapped[str] = mapped_column(String(50), default="service")
    taxonomy_term_id: Mapped[str] = mapped_column(Id, ForeignKey("taxonomy_term.id"), index=True)
    value: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None]
    taxonomy_term: Mapped[TaxonomyTerm] = relationship(lazy="joined")


class ApiKey(Base):
    """A staff key. Only a SHA-256 of the key is stored: keys are long random strings, shown once."""

    __tablename__ = "api_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))  # editor | admin
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[dt.datetime | None]
    last_used_at: Mapped[dt.datetime | None]


class AuditEvent(Base):
    """Who changed what, when: written in the same transaction as the change itself."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_resource", "resource_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    key_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))  # create | update | delete | restore | assure | import | purge
    resource_type: Mapped[str] = mapped_column(String(30))
    resource_id: Mapped[str] = mapped_column(String(36))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
