"""The CSV format for import and export: one row per service at a location.

Rows that share a `service_id` are one service with several locations. Each row
repeats the service's own fields; the first row of a service is the one read.

| column | meaning |
| --- | --- |
| service_id | HSDS id (UUID); empty makes a new service |
| name, description, status, url, email | the service's fields (status: active, inactive, defunct, temporarily closed) |
| organization_id, organization_name | an existing organization's id, or a name to create one |
| minimum_age, maximum_age | ages in years |
| eligibility_description, fees_description | free text |
| cost_amount | 0 for free, an amount in pounds, or empty when unknown |
| phone | a UK number |
| taxonomy_terms | term codes or ids separated by `;` (e.g. `football;send_inclusive`) |
| assured_date, assurer_email | when and by whom the record was last checked |
| location_id, location_name, location_type | the location (physical or virtual) |
| latitude, longitude | WGS84 decimal degrees |
| address_1, city, postal_code | the address (postcode or postcode district) |
| byday, opens_at, closes_at | one weekly schedule (byday like `TU` or `SA,SU`, times as 18:00) |
| valid_from, valid_to, schedule_description | when the schedule runs, and in words |
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

COLUMNS = [
    "service_id", "name", "description", "status", "url", "email", "organization_id", "organization_name",
    "minimum_age", "maximum_age", "eligibility_description", "fees_description", "cost_amount", "phone",
    "taxonomy_terms", "assured_date", "assurer_email", "location_id", "location_name", "location_type", "latitude",
    "longitude", "address_1", "city", "postal_code", "byday", "opens_at", "closes_at", "valid_from", "valid_to",
    "schedule_description",
]


def _num(value: object) -> str:
    if value is None:
        return ""
    f = float(value)
    return str(int(f)) if f.is_integer() else str(f)


def service_rows(service: dict, term_codes: dict[str, str]) -> Iterator[dict]:
    """CSV rows for one HSDS service dict (as the public API shows it)."""
    costs = service.get("cost_options") or []
    sched = (service.get("schedules") or [{}])[0]
    base = {
        "service_id": service["id"], "name": service["name"], "description": service.get("description", ""),
        "status": service.get("status", "active"), "url": service.get("url", ""), "email": service.get("email", ""),
        "organization_id": service.get("organization_id", ""),
        "organization_name": (service.get("organization") or {}).get("name", ""),
        "minimum_age": _num(service.get("minimum_age")), "maximum_age": _num(service.get("maximum_age")),
        "eligibility_description": service.get("eligibility_description", ""),
        "fees_description": service.get("fees_description", ""),
        "cost_amount": _num(max((c.get("amount") or 0) for c in costs)) if costs else "",
        "phone": (service.get("phones") or [{}])[0].get("number", ""),
        "taxonomy_terms": ";".join(sorted(term_codes.get(a["taxonomy_term_id"], a["taxonomy_term_id"])
                                          for a in service.get("attributes") or [])),
        "assured_date": service.get("assured_date", ""), "assurer_email": service.get("assurer_email", ""),
        "byday": sched.get("byday", ""), "opens_at": sched.get("opens_at", ""), "closes_at": sched.get("closes_at", ""),
        "valid_from": sched.get("valid_from", ""), "valid_to": sched.get("valid_to", ""),
        "schedule_description": sched.get("description", ""),
    }
    sals = sorted(service.get("service_at_locations") or [{}],
                  key=lambda sal: (sal.get("location") or {}).get("id", ""))
    for sal in sals:
        loc = sal.get("location") or {}
        addr = (loc.get("addresses") or [{}])[0]
        yield base | {
            "location_id": loc.get("id", ""), "location_name": loc.get("name", ""),
            "location_type": loc.get("location_type", ""), "latitude": _num(loc.get("latitude")),
            "longitude": _num(loc.get("longitude")), "address_1": addr.get("address_1", ""),
            "city": addr.get("city", ""), "postal_code": addr.get("postal_code", ""),
        }


def write_rows(rows: Iterable[dict], header: bool) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buf.getvalue()


def read_services(text: str, term_ids: dict[str, str]) -> Iterator[tuple[int, dict]]:
    """(first line number, HSDS service dict) for each service in a CSV text."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"name"} - set(reader.fieldnames or [])
    if missing:
        raise ValueError(f"CSV is missing the column(s): {', '.join(sorted(missing))}")
    grouped: dict[str, tuple[int, dict]] = {}
    order: list[str] = []
    for line, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        key = row.get("service_id") or f"line-{line}"
        if key not in grouped:
            grouped[key] = (line, _service_from_row(row, term_ids))
            order.append(key)
        location = _location_from_row(row)
        if location:
            grouped[key][1]["service_at_locations"].append(location)
    for key in order:
        yield grouped[key]


def _opt(row: dict, key: str) -> str | None:
    return row.get(key) or None


def _service_from_row(row: dict, term_ids: dict[str, str]) -> dict:
    data: dict = {k: _opt(row, k) for k in ("name", "description", "url", "email", "eligibility_description",
                                           "fees_description", "assured_date", "assurer_email")}
    data["id"] = _opt(row, "service_id")
    data["status"] = row.get("status") or "active"
    for key in ("minimum_age", "maximum_age"):
        data[key] = row.get(key) or None
    if row.get("organization_id"):
        data["organization_id"] = row["organization_id"]
    if row.get("organization_name"):
        data["organization"] = {"name": row["organization_name"], **(
            {"id": row["organization_id"]} if row.get("organization_id") else {})}
    if row.get("phone"):
        data["phones"] = [{"number": row["phone"]}]
    if row.get("cost_amount"):
        amount = row["cost_amount"]
        data["cost_options"] = [{"option": "Free" if amount in ("0", "0.0", "0.00") else "Fee", "amount": amount}]
    data["attributes"] = [{"taxonomy_term_id": term_ids.get(t.strip(), t.strip())}
                          for t in row.get("taxonomy_terms", "").split(";") if t.strip()]
    if row.get("byday") or row.get("opens_at") or row.get("valid_to"):
        data["schedules"] = [{
            "freq": "WEEKLY" if row.get("byday") else None, "byday": _opt(row, "byday"),
            "opens_at": _opt(row, "opens_at"), "closes_at": _opt(row, "closes_at"),
            "valid_from": _opt(row, "valid_from"), "valid_to": _opt(row, "valid_to"),
            "description": _opt(row, "schedule_description"),
        }]
    data["service_at_locations"] = []
    return {k: v for k, v in data.items() if v is not None}


def _location_from_row(row: dict) -> dict | None:
    if not (row.get("location_id") or row.get("location_name") or row.get("latitude") or row.get("address_1")):
        return None
    loc = {
        "id": _opt(row, "location_id"), "name": _opt(row, "location_name"),
        "location_type": row.get("location_type") or "physical",
        "latitude": _opt(row, "latitude"), "longitude": _opt(row, "longitude"),
    }
    if row.get("address_1"):
        loc["addresses"] = [{"address_1": row["address_1"], "city": row.get("city") or "Liverpool",
                             "postal_code": row.get("postal_code", "")}]
    return {"location": {k: v for k, v in loc.items() if v is not None}}
