"""The search engine: the index, the interest matcher and the gazetteer behind one API.

Built from the database at start (`load`), kept current by `apply_write` after
each write in this process and by `refresh` (a poll on last_modified) for
writes made by other processes.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from directory import data_status, models
from directory.geo import Gazetteer, Place, PlaceNotFound
from directory.search import ages, documents, reach
from directory.search.documents import DAYS, WEEKDAYS, WEEKEND, ServiceDoc
from directory.search.index import Hit, Query, Result, SearchIndex
from directory.search.interests import InterestMatcher, Term
from directory.search.query import parse, parse_days
from directory.search.related import related_codes
from directory.search.text import terms as text_terms

log = logging.getLogger(__name__)
LONDON = ZoneInfo("Europe/London")
RADII_KM = (3.0, 8.0, 20.0)
# With `related_nearby`, at most this many activities of the same family within the first radius.
RELATED_NEARBY = 2
# With `mix`, how many of the nearest services the spread is drawn from.
MIX_POOL = 40
ANYWHERE = re.compile(
    r"^\s*(anywhere|any where|don'?t know|dont know|idk|not sure|dunno|no idea|online|citywide|city wide|"
    r"all over|anywhere in liverpool|liverpool|doesn'?t matter|dont mind|don'?t mind|any)\s*[.!]*$",
    re.I,
)


def service_load_options():
    return (
        selectinload(models.Service.organization),
        selectinload(models.Service.service_at_locations)
        .joinedload(models.ServiceAtLocation.location)
        .selectinload(models.Location.addresses),
        selectinload(models.Service.phones),
        selectinload(models.Service.schedules),
        selectinload(models.Service.cost_options),
        selectinload(models.Service.attributes).joinedload(models.Attribute.taxonomy_term),
    )


@dataclass
class Recommendation:
    query: dict
    place: Place | None
    interests: list[Term]
    unknown_interests: list[str]
    interest_suggestions: list[Term]
    total: int
    hits: list[Hit]
    notes: list[str] = field(default_factory=list)
    days: int = 0  # the days asked for, from `day` or the free text
    related: int = 0  # how many of the last hits are related activities nearby, not exact matches


@dataclass(frozen=True)
class _Widening:
    name: str  # the Query field widened
    loose: object  # its value once widened
    note: str  # what to tell the person while it is widened


class SearchEngine:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.index = SearchIndex()
        self.matcher = InterestMatcher([])
        self.terms: dict[str, Term] = {}
        self.taxonomy_ids: set[str] = set()
        self.watermark: dt.datetime | None = None

    # -- loading and freshness -------------------------------------------------------
    def load(self, session: Session) -> None:
        self.load_terms(session)
        index = SearchIndex(capacity=max(1024, session.scalar(select(func.count(models.Service.id))) or 0))
        stmt = select(models.Service).where(models.Service.deleted_at.is_(None)).options(*service_load_options())
        latest: dt.datetime | None = None

        def docs():
            nonlocal latest
            for service in session.scalars(stmt.execution_options(yield_per=2000)):
                if latest is None or service.last_modified > latest:
                    latest = service.last_modified
                yield documents.from_service(service)

        index.upsert_many(docs())
        self.index = index
        self.watermark = latest
        # The index is long-lived: keep the garbage collector from walking it again and again.
        gc.collect()
        gc.freeze()
        log.info("search index built: %d services", len(index))

    def load_terms(self, session: Session) -> None:
        rows = session.scalars(select(models.TaxonomyTerm)).all()
        terms = [
            Term(r.id, r.code or r.id, r.name, r.kind, r.parent_id, tuple(r.synonyms or ()))
            for r in rows
            if not data_status.is_status(r.kind)
        ]
        self.terms = {t.id: t for t in terms}
        self.taxonomy_ids = {r.taxonomy_id for r in rows if r.taxonomy_id}
        self.matcher = InterestMatcher(terms)

    def apply_write(self, session: Session, service_id: str) -> None:
        """Make one service's current state searchable at once (the admin API calls this)."""
        service = session.scalars(
            select(models.Service).where(models.Service.id == service_id).options(*service_load_options())
        ).first()
        if service is None or service.deleted_at is not None:
            self.index.remove(service_id)
        else:
            self.index.upsert(documents.from_service(service))

    def refresh(self, session: Session) -> int:
        """Pick up writes made by other processes since the last look."""
        stmt = select(models.Service).options(*service_load_options())
        if self.watermark is not None:
            # Overlap a little: clocks and commit order differ between processes.
            stmt = stmt.where(models.Service.last_modified >= self.watermark - dt.timedelta(seconds=2))
        changed = 0
        for service in session.scalars(stmt):
            slot = self.index.slot_of.get(service.id)
            current = self.index.docs[slot] if slot is not None else None
            if current is not None and current.last_modified == service.last_modified and not service.deleted_at:
                continue
            if service.deleted_at is not None:
                self.index.remove(service.id)
            else:
                self.index.upsert(documents.from_service(service))
            changed += 1
            if self.watermark is None or service.last_modified > self.watermark:
                self.watermark = service.last_modified
        return changed

    # -- queries ---------------------------------------------------------------------
    def resolve_place(self, text: str) -> Place | None:
        if ANYWHERE.match(text):
            return None
        place = self.gazetteer.resolve(text)
        return None if place.citywide else place

    def search(self, query: Query) -> Result:
        return self.index.search(query)

    def text_query(self, text: str) -> tuple[list[str], set[str]]:
        """Tokens and interest terms of a public `search=` string."""
        found = self.matcher.find(text)
        boost = {t.id for term in found.terms for t in self.matcher.with_children(term)}
        return text_terms(text), boost

    def recommend(
        self,
        *,
        age: int | None = None,
        interests: list[str] | None = None,
        near: str | None = None,
        free: bool = False,
        online: bool = False,
        day: str | None = None,
        q: str | None = None,
        limit: int = 5,
        offset: int = 0,
        radius_km: float | None = None,
        exclude: set[str] | None = None,
        exact_age: bool = False,
        max_age: int | None = None,
        related_nearby: bool = False,
        mix: bool = False,
        age_to: int | None = None,
        now: dt.datetime | None = None,
    ) -> Recommendation:
        now = now or dt.datetime.now(LONDON)
        parsed = parse(q, self.matcher, self.gazetteer) if q else None
        resolved = self.matcher.resolve(interests or [])
        chosen: list[Term] = list(resolved.terms)
        if parsed:
            chosen += [t for t in parsed.terms if t not in chosen]
        place = self.resolve_place(near) if near else (parsed.place if parsed else None)
        if place is not None and place.citywide:
            place = None
        age = age if age is not None else (parsed.age if parsed else None)
        free = free or bool(parsed and parsed.free)
        online = online or bool(parsed and parsed.online)
        days = day_mask(day, now) if day else (parsed.days if parsed else 0)
        open_at = now.replace(tzinfo=None) if parsed and parsed.open_now else None
        term_ids = {t.id for term in chosen for t in self.matcher.with_children(term)}
        tokens = parsed.tokens if parsed and not chosen else []
        base = Query(
            tokens=tokens,
            term_ids=term_ids,
            age=age,
            age_to=age_to if age is not None else None,
            free=free,
            online_only=online,
            days=days,
            open_at=open_at,
            point=(place.latitude, place.longitude) if place else None,
            exclude_ids=exclude or set(),
            max_age_at_most=max_age,
            today=now.date(),
            offset=offset,
            limit=limit,
        )
        notes: list[str] = []
        related = 0
        wanted = offset + limit
        # "Anything": a spread of kinds (a sport, an art, a group...) near them, not the five nearest of anything.
        mixing = mix and not term_ids and not tokens
        if mixing:
            base.offset, base.limit = 0, max(MIX_POOL, wanted)
        radii: tuple[float | None, ...] = (radius_km,) if radius_km else RADII_KM if place else (None,)
        i, result = self.index.search_widening(base, radii, wanted)
        base.radius_km = radii[i]
        # Online is near to everyone: how far the search looked says nothing about an online list. A place to
        # go near them still comes after it (below), marked in person, since belonging is what this is for.
        if i > 0 and result.total and not online:
            notes.append(_wider_note(radii, i, place))
            if related_nearby and offset == 0 and place is not None:
                result, note, related = self._with_related_nearby(base, result, chosen, radii[0], place)
                notes.extend(note)
        if related_nearby and offset == 0 and place is not None and radii[0] and result.hits:
            result, note, nearby = self._with_somewhere_near(base, result, chosen, radii[0], place)
            notes.extend(note)
            related += nearby
        if mixing and result.hits:
            first = radii[0] or 0.0
            close = [h for h in result.hits if h.distance_km is not None and h.distance_km <= first]
            spread = self._spread(close) + self._spread(result.hits[len(close):])
            result = Result(result.total, spread[offset:offset + limit])
            base.offset, base.limit = offset, limit
        if result.total == 0:
            result, relaxed = self._relax(base, place, radii, wanted, exact_age)
            notes.extend(relaxed)
        return Recommendation(
            query={
                "age": age,
                "age_to": age_to if age is not None else None,
                "interests": [t.code for t in chosen],
                "near": place.name if place else None,
                "free": free,
                "online": online,
                "days": [DAYS[i] for i in range(7) if days & (1 << i)],
                "open_now": open_at is not None,
                "words": tokens,
            },
            place=place,
            interests=chosen,
            unknown_interests=resolved.unknown,
            interest_suggestions=resolved.suggestions,
            total=result.total,
            hits=result.hits,
            notes=notes,
            days=days,
            related=related,
        )

    def _with_related_nearby(
        self, base: Query, result: Result, chosen: list[Term], radius: float, place: Place
    ) -> tuple[Result, list[str], int]:
        """The search widened past `radius` for the exact thing: add a few related things that are within it,
        after the exact ones. An activity's relatives are its family ("football" is 4 km away; a multi-sport
        club is 1 km away); a group's or a kind of support's are listed in data/directory/related_interests.yml
        (a faith group is 4 km away; a culture group and a youth club are 1 km away)."""
        related_ids = self._related_ids(chosen, base.term_ids)
        if not related_ids:
            return result, [], 0
        # Somewhere to go, so online-only services (near to everyone) do not count here.
        near = replace(
            base, term_ids=related_ids, tokens=[], radius_km=radius, first_km=None, offset=0, limit=RELATED_NEARBY,
            include_online=False, exclude_ids=set(base.exclude_ids) | {h.doc.id for h in result.hits},
        )
        related = self.index.search(near)
        if not related.hits:
            return result, [], 0
        n = len(related.hits)
        note = f"Also within {_km(radius)} of {place.name}: {n} {'place' if n == 1 else 'places'} for "
        note += f"{self._kinds(related.hits, related_ids)}."
        return Result(result.total + n, [*result.hits, *related.hits]), [note], n

    def _related_ids(self, chosen: list[Term], asked: set[str]) -> set[str]:
        """Term ids of what is related to the interests asked for: an activity's family, and the neighbours
        data/directory/related_interests.yml lists for a group or a kind of support."""
        families = {
            parent for term in chosen
            if term.kind == "activity" and (parent := self.matcher.terms.get(term.parent_id or "")) is not None
            and parent.kind == "activity"
        }
        neighbours = {
            other for term in chosen for code in related_codes().get(term.code, ())
            if (other := self.matcher.by_code.get(code)) is not None
        }
        return {t.id for group in (*families, *neighbours) for t in self.matcher.with_children(group)} - asked

    def _kinds(self, hits: list[Hit], related_ids: set[str]) -> str:
        what = {
            _lower(self.terms[t].name) for hit in hits for t in (hit.matched_term_ids or hit.doc.term_ids[:1])
            if t in self.terms and t in related_ids
        }
        return " and ".join(sorted(what)[:2]) or "related"

    def _with_somewhere_near(
        self, base: Query, result: Result, chosen: list[Term], radius: float, place: Place
    ) -> tuple[Result, list[str], int]:
        """A first page of online services, or of places further away, while somewhere to go in person is
        within `radius`: add up to two of those, after the rest. Online help is there for everyone; a place
        to go near home should not be crowded out by it. The same thing in person comes first; failing that,
        something related in person (online mental health support, and a counselling service 1 km away)."""
        if any(h.distance_km is not None and h.distance_km <= radius for h in result.hits):
            return result, [], 0
        near = replace(
            base, radius_km=radius, first_km=None, offset=0, limit=RELATED_NEARBY, include_online=False,
            online_only=False, exclude_ids=set(base.exclude_ids) | {h.doc.id for h in result.hits},
        )
        local = self.index.search(near)
        if local.hits:
            n = len(local.hits)
            note = f"Also within {_km(radius)} of {place.name}, in person: {n} {'place' if n == 1 else 'places'}."
            return Result(result.total, [*result.hits, *local.hits]), [note], 0
        related_ids = self._related_ids(chosen, base.term_ids)
        if not related_ids:
            return result, [], 0
        local = self.index.search(replace(near, term_ids=related_ids, tokens=[]))
        if not local.hits:
            return result, [], 0
        n = len(local.hits)
        note = f"Also within {_km(radius)} of {place.name}, in person: {n} {'place' if n == 1 else 'places'} for "
        note += f"{self._kinds(local.hits, related_ids)}."
        return Result(result.total + n, [*result.hits, *local.hits]), [note], n

    def _family(self, term_id: str) -> Term | None:
        term = self.terms.get(term_id)
        seen = 0
        while term is not None and term.parent_id and term.parent_id in self.terms and seen < 10:
            term, seen = self.terms[term.parent_id], seen + 1
        return term

    def _spread(self, hits: list[Hit]) -> list[Hit]:
        """Hits in turn from each family (sport, arts, groups...), nearest first within each; support and
        family services after every activity and group, since they are not what "anything" means."""
        lanes: dict[str, list[Hit]] = {}
        later: list[Hit] = []
        for hit in hits:
            family = next((f for t in hit.doc.term_ids if (f := self._family(t)) is not None), None)
            if family is None or family.kind in ("support", "family"):
                later.append(hit)
            else:
                lanes.setdefault(family.id, []).append(hit)
        spread: list[Hit] = []
        queues = list(lanes.values())
        while any(queues):
            for queue in queues:
                if queue:
                    spread.append(queue.pop(0))
        return spread + later

    def _relax(
        self, base: Query, place: Place | None, radii: tuple[float | None, ...], wanted: int, exact_age: bool = False
    ) -> tuple[Result, list[str]]:
        """No results: widen one thing at a time until something fits, then put back every earlier widening
        the final list turns out not to need, so each note describes the list shown and nothing else.

        Without the putting back, "Nothing matched nearby" (the radius, widened first and no help on its
        own) would stay above a list that the age slack filled with things 1 km away."""
        steps = self._widenings(base, exact_age)
        tight = {step.name: getattr(base, step.name) for step in steps}
        widened: list[_Widening] = []
        for step in steps:
            setattr(base, step.name, step.loose)
            widened.append(step)
            if self._search_relaxed(base, radii, wanted)[1].total:
                break
        else:
            return Result(0, []), []
        # The last widening is needed (everything before it together found nothing); try the earlier ones back.
        for step in widened[:-1]:
            setattr(base, step.name, tight[step.name])
            if self._search_relaxed(base, radii, wanted)[1].total:
                widened.remove(step)
            else:
                setattr(base, step.name, step.loose)
        i, result = self._search_relaxed(base, radii, wanted)
        notes = [step.note for step in widened]
        if base.radius_km is not None and i > 0:
            # After "not online, so in person" when that came first: the distance is about those places.
            notes.insert(int(bool(widened) and widened[0].name == "online_only"), _wider_note(radii, i, place))
        return result, notes

    def _search_relaxed(self, base: Query, radii: tuple[float | None, ...], wanted: int) -> tuple[int, Result]:
        """The query as widened so far: the radius, while it is not widened away, widens as a first search does."""
        if base.radius_km is None:
            return 0, self.index.search(base)
        return self.index.search_widening(base, radii, wanted)

    @staticmethod
    def _widenings(base: Query, exact_age: bool) -> list[_Widening]:
        """What can be widened, in order, and what to say when it is."""
        steps = []
        if base.tokens:
            # Words we couldn't match shouldn't hide everything else that fits.
            steps.append(_Widening(
                "tokens", [], "I didn't recognise all of those words, so these match the rest of what you asked."
            ))
        if base.point is not None and base.radius_km is not None:
            steps.append(_Widening("radius_km", None, "Nothing matched nearby, so these are from across the city."))
        if base.age is not None and not exact_age:
            steps.append(_Widening(
                "age_slack", 2, "Nothing matched that exact age, so these are for ages close to it."
            ))
        # Online is a wish, not a need like an age: somewhere in person is better than nothing.
        if base.online_only:
            steps.append(_Widening(
                "online_only", False, "I couldn't find that online, so these are places to go in person."
            ))
        # A day someone can't make is no use; the cost is on every card: the day is kept longer than free-only.
        if base.free:
            steps.append(_Widening("free", False, "I couldn't find a free one, so these may cost a little."))
        if base.days:
            steps.append(_Widening("days", 0, "Nothing matched that day, so these run on other days."))
        return steps

    # -- presentation ----------------------------------------------------------------
    def reason(self, hit: Hit, place: Place | None, wanted_days: int = 0) -> str:
        doc = hit.doc
        names = [_lower(self.terms[t].name) for t in (hit.matched_term_ids or doc.term_ids[:1]) if t in self.terms]
        parts = [" & ".join(names[:2])] if names else []
        if hit.distance_km is not None and place is not None:
            parts.append(f"{hit.distance_km:.1f} km from {place.name}")
        else:
            parts.append(where_text(doc))
        parts.append(age_text(doc))
        if wanted_days and doc.days & wanted_days:
            parts.append(documents.describe_days(doc.days & wanted_days))
        parts.append("free" if doc.free else "has a fee" if doc.paid else "")
        return " · ".join(p for p in parts if p)


def _lower(name: str) -> str:
    # "Football" reads as "football" mid-sentence; "LGBTQ+ group" and "CAMHS" keep their capitals.
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def age_text(doc: ServiceDoc) -> str:
    return ages.span_text(whole(doc.minimum_age), whole(doc.maximum_age), doc.for_adults)


def where_text(doc: ServiceDoc) -> str:
    """Where or how to take part when there is no distance to give, only as the record says: "online or by
    phone", "by text", else a placeless location's own name ("In schools"). Nothing for a place on the map:
    its phone number is a way to ask, not a way to take part."""
    if not (doc.online or doc.placeless):
        return ""
    how = reach.ways(doc.online, doc.phone, doc.text)
    return how or ((doc.location_name or "") if doc.placeless else "")


def whole(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _km(value: float | None) -> str:
    return f"{value:g} km" if value else "the city"


def _wider_note(radii: tuple[float | None, ...], i: int, place: Place | None) -> str:
    where = f" of {place.name}" if place else ""
    return f"There wasn't enough within {_km(radii[0])}{where}, so I looked up to {_km(radii[i])} away."


SHORT_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def day_mask(day: str, now: dt.datetime) -> int:
    """'sat', 'saturday', 'SA', 'weekend', 'weekday', 'today', 'tomorrow' -> a Monday-first bitmask."""
    value = day.strip().lower()
    if value in ("today", "tonight"):
        return 1 << now.weekday()
    if value == "tomorrow":
        return 1 << ((now.weekday() + 1) % 7)
    if value.upper() in DAYS:
        return 1 << DAYS.index(value.upper())
    if value in SHORT_DAYS:
        return 1 << SHORT_DAYS.index(value)
    if value in ("weekend", "weekends"):
        return WEEKEND
    if value in ("weekday", "weekdays"):
        return WEEKDAYS
    mask = 0
    for part in re.split(r"[,\s]+", value):
        if part.upper() in DAYS:
            mask |= 1 << DAYS.index(part.upper())
        elif part in SHORT_DAYS:
            mask |= 1 << SHORT_DAYS.index(part)
        else:
            mask |= parse_days(part)
    if not mask:
        raise ValueError(f"'{day}' is not a day: use mon..sun, weekend or weekday")
    return mask


__all__ = ["SearchEngine", "PlaceNotFound", "Recommendation", "age_text", "day_mask", "where_text"]
