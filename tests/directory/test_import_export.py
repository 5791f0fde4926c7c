"""Bulk import and export: dry runs, all-or-nothing, duplicates, formats, round trips, the CLI,
and other people's HSDS data."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from directory import auth, migrate, models
from directory.app import create_app
from directory.db import session_factory
from directory.importers.hsds_json import load_taxonomy, seed

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "schemas"


class Env:
    def __init__(self, client: TestClient, sessions, key: str, url: str):
        self.client, self.sessions, self.url = client, sessions, url
        self.h = {"Authorization": f"Bearer {key}"}

    def count(self) -> int:
        with self.sessions() as s:
            return s.scalar(select(func.count(models.Service.id)))

    def import_(self, body: bytes | str, **params):
        data = body.encode() if isinstance(body, str) else body
        return self.client.post("/admin/import", content=data, params=params, headers=self.h)


def _env(backend, make_database, settings, with_seed: bool) -> Env:
    db, engine = make_database(backend)
    migrate.upgrade(engine)
    sessions = session_factory(engine)
    with sessions() as s:
        if with_seed:
            seed(s, settings.taxonomy_file, settings.seed_file)
        else:
            load_taxonomy(s, settings.taxonomy_file)
        key = auth.create_key(s, "importer", "admin")
        s.commit()
    client = TestClient(create_app(settings.model_copy(update={"index_poll_seconds": 3600}), engine))
    client.__enter__()
    return Env(client, sessions, key, db.url)


@pytest.fixture(scope="module")
def full(backend, make_database, settings) -> Env:
    env = _env(backend, make_database, settings, with_seed=True)
    yield env
    env.client.__exit__(None, None, None)


@pytest.fixture
def empty(backend, make_database, settings) -> Env:
    env = _env(backend, make_database, settings, with_seed=False)
    yield env
    env.client.__exit__(None, None, None)


def export(env: Env, fmt: str) -> str:
    r = env.client.get("/admin/export", params={"format": fmt}, headers=env.h)
    assert r.status_code == 200
    return r.text


def comparable(services: list[dict]) -> list[dict]:
    # last_modified records when this database last changed the record; everything else must match.
    return sorted(({k: v for k, v in s.items() if k != "last_modified"} for s in services), key=lambda s: s["id"])


def test_export_streams_every_format(full):
    as_json = json.loads(export(full, "json"))["services"]
    lines = [json.loads(x) for x in export(full, "ndjson").splitlines()]
    rows = list(csv.DictReader(io.StringIO(export(full, "csv"))))
    assert len(as_json) == len(lines) == full.count() >= 250
    assert {r["service_id"] for r in rows} == {s["id"] for s in as_json}
    assert full.client.get("/admin/export", params={"format": "xml"}, headers=full.h).status_code == 422


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_round_trip_export_import_export(full, empty, fmt):
    first = export(full, fmt)
    r = empty.import_(first, format=fmt)
    assert r.status_code == 200, r.text[:2000]
    report = r.json()
    assert report["committed"] and report["created"] == full.count() and not report["errors"]
    second = export(empty, fmt)
    parse = (lambda t: json.loads(t)["services"]) if fmt == "json" else (
        lambda t: [json.loads(x) for x in t.splitlines()])
    assert comparable(parse(second)) == comparable(parse(first))
    # Importing the same file again changes nothing.
    again = empty.import_(first, format=fmt).json()
    assert again["unchanged"] == full.count() and again["created"] == again["updated"] == 0


def test_csv_round_trip(full, empty):
    first = export(full, "csv")
    r = empty.import_(first, format="csv")
    assert r.status_code == 200 and r.json()["created"] == full.count(), r.text[:2000]
    assert export(empty, "csv") == first


def test_dry_run_reports_and_writes_nothing(full):
    services = json.loads(export(full, "json"))["services"][:3]
    changed = dict(services[0], name=services[0]["name"] + " (renamed)")
    new = dict(services[1], id="8a0d4a0e-0000-4000-8000-000000000001", name="Brand New Sample Chess Club",
               service_at_locations=[], phones=[], schedules=[], cost_options=[], languages=[], contacts=[],
               attributes=[])
    bad = dict(services[2], minimum_age=30, maximum_age=10)
    before = full.count()
    r = full.import_(json.dumps([changed, new, services[2], bad]), dry_run="true")
    assert r.status_code == 200
    report = r.json()
    assert (report["updated"], report["created"], report["unchanged"]) == (1, 1, 1)
    assert report["errors"][0]["row"] == 4 and not report["committed"]
    assert full.count() == before
    with full.sessions() as s:
        assert s.get(models.Service, services[0]["id"]).name == services[0]["name"]


def test_real_import_is_all_or_nothing(full):
    services = json.loads(export(full, "json"))["services"][:2]
    ok = dict(services[0], name=services[0]["name"] + " (all or nothing)")
    bad = dict(services[1])
    bad["phones"] = [{"number": "not a phone"}]
    r = full.import_("\n".join(json.dumps(x) for x in (ok, bad)), format="ndjson")
    assert r.status_code == 422
    report = r.json()
    assert not report["committed"]
    err = report["errors"][0]
    assert err["row"] == 2 and err["errors"][0]["loc"] == ["phones", 0, "number"]
    with full.sessions() as s:
        assert "(all or nothing)" not in s.get(models.Service, services[0]["id"]).name


def test_duplicates_are_found_and_skipped_unless_allowed(full):
    original = json.loads(export(full, "json"))["services"][0]
    twin = dict(original, id="8a0d4a0e-0000-4000-8000-0000000000d1", name=original["name"].upper() + "!")
    for sal in twin.get("service_at_locations", []):
        sal.pop("id", None)
        sal.pop("location_id", None)
        sal["location"] = {k: v for k, v in sal["location"].items() if k not in ("id",)}
        for a in sal["location"].get("addresses", []):
            a.pop("id", None)
            a.pop("location_id", None)
    for key in ("phones", "schedules", "cost_options", "attributes", "languages", "contacts"):
        for item in twin.get(key, []):
            item.pop("id", None)
            item.pop("service_id", None)
            item.pop("link_id", None)
    before = full.count()
    report = full.import_(json.dumps([twin])).json()
    assert report["skipped_duplicates"] == 1 and report["duplicates"][0]["duplicate_of"]["id"] == original["id"]
    assert full.count() == before
    report = full.import_(json.dumps([twin]), allow_duplicates="true").json()
    assert report["created"] == 1 and report["duplicates"][0]["imported"]
    assert full.count() == before + 1


def test_unreadable_files_get_a_clear_error(full):
    for body, fmt in [(b"{not json", "json"), (b"\xff\xfe\x00", "json"), (b"nom,e\nx,y", "csv")]:
        r = full.import_(body, format=fmt)
        assert r.status_code == 422 and r.json()["errors"][0]["row"] is None


def _example(entity: str, profile: str = "hsds") -> dict:
    schema = json.loads((SCHEMAS / profile / f"{entity}.json").read_text())
    return {k: v["example"] for k, v in schema["properties"].items() if "example" in v and not isinstance(
        v["example"], (list, dict)) and v.get("type") not in ("array", "object")}


def test_import_of_the_standards_own_example_data(empty):
    """The example values in the HSDS schemas, written by Open Referral: our validation must name
    exactly what does not fit (a latitude of 100, a postcode that is not one) and take the rest."""
    service = _example("service")
    service["organization"] = _example("organization")
    location = _example("location") | {"addresses": [_example("address")]}
    service["service_at_locations"] = [{"location": location}]
    service["phones"] = [_example("phone")]
    service["schedules"] = [_example("schedule")]
    service["cost_options"] = [_example("cost_option")]
    r = empty.import_(json.dumps({"services": [service]}), dry_run="true")
    report = r.json()
    bad = {tuple(e["loc"]) for e in report["errors"][0]["errors"]}
    assert bad == {("service_at_locations", 0, "location", "latitude"),
                   ("service_at_locations", 0, "location", "addresses", 0, "postal_code")}
    # Mend just those fields, as an editor would; then the references to records we don't have show.
    location.update(latitude=53.4, longitude=-2.98)
    location["addresses"][0].update(postal_code="L1 8JQ")
    report = empty.import_(json.dumps({"services": [service]}), dry_run="true").json()
    assert {tuple(e["loc"]) for e in report["errors"][0]["errors"]} == {
        ("service_at_locations", 0, "location", "organization_id"), ("organization", "parent_organization_id")}
    del location["organization_id"], service["organization"]["parent_organization_id"]
    assert empty.count() == 0
    r = empty.import_(json.dumps({"services": [service]}))
    assert r.status_code == 200, r.text
    assert r.json()["created"] == 1
    got = empty.client.get(f"/services/{service['id']}").json()
    assert got["name"] == "Community Counselling" and got["organization"]["name"] == "Example Organization Inc."


def test_cli_create_key_import_and_review(empty, tmp_path):
    env = {**os.environ, "DIRECTORY_DATABASE_URL": empty.url}
    run = lambda *args: subprocess.run([sys.executable, "-m", "directory", *args], cwd=ROOT, env=env,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    out = run("create-key", "--name", "cli-editor", "--role", "editor")
    assert out.returncode == 0, out.stderr
    key = out.stdout.strip().splitlines()[-1]
    assert key.startswith("fyp_")
    assert run("create-key", "--name", "cli-editor", "--role", "editor").returncode == 2
    with empty.sessions() as s:
        assert key not in {k.key_hash for k in s.scalars(select(models.ApiKey))}
    seed_file = tmp_path / "one.json"
    services = json.loads((ROOT / "data/directory/services.json").read_text())["services"][:5]
    seed_file.write_text(json.dumps(services))
    out = run("import", str(seed_file), "--dry-run")
    assert out.returncode == 0 and json.loads(out.stdout)["created"] == 5 and empty.count() == 0
    out = run("import", str(seed_file))
    assert out.returncode == 0 and empty.count() == 5
    out = run("review")
    assert out.returncode == 0 and "services need checking" in out.stdout
    assert run("revoke-key", "cli-editor").returncode == 0
    assert run("revoke-key", "nobody").returncode == 2
