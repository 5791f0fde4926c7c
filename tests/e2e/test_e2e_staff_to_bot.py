"""A member of staff adds a service with a new key from the CLI; the bot recommends it next message."""

from __future__ import annotations

import os
import subprocess

import httpx
from chat import Chat, last_services
from servers import ROOT, directory_python


def editor_key(stack, name: str) -> str:
    """A new editor key, made with the CLI as staff would."""
    db = f"sqlite:///{stack.directory.log.parent / 'directory.db'}"
    made = subprocess.run(
        [directory_python(), "-m", "directory", "create-key", "--name", name, "--role", "editor"],
        cwd=ROOT, env={**os.environ, "DIRECTORY_DATABASE_URL": db}, capture_output=True, text=True, timeout=120,
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def test_new_key_new_service_recommended_in_the_next_message(stack, chat: Chat) -> None:
    key = editor_key(stack, "e2e-staff")
    football = httpx.get(f"{stack.directory.url}/interests/resolve", params={"q": "football"}).json()["terms"][0]
    body = {
        "name": "Walton Lantern Football Nights",
        "description": "Floodlit five-a-side for anyone who fancies a kickabout. (Sample listing.)",
        "organization": {"name": "Sample Lantern Trust", "description": "Sample organisation (fictional)."},
        "minimum_age": 12, "maximum_age": 16,
        "cost_options": [{"option": "Free", "amount": 0}],
        "attributes": [{"taxonomy_term_id": football["id"]}],
        "service_at_locations": [{"location": {"name": "Sample pitch", "latitude": 53.4547, "longitude": -2.9567}}],
    }
    r = httpx.post(f"{stack.directory.url}/admin/services", json=body, headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 201, r.text
    replies = chat.say("im 14 from walton and i love football")
    services = last_services(replies) or []
    assert "Walton Lantern Football Nights" in [s["name"] for s in services], [s["name"] for s in services]


def test_a_synonym_staff_add_is_understood_by_the_next_message(stack, chat: Chat) -> None:
    """Interests are the directory's data: a word staff teach it needs no retraining of the bot."""
    headers = {"Authorization": f"Bearer {editor_key(stack, 'e2e-synonym')}"}
    climbing = httpx.get(f"{stack.directory.url}/interests/resolve", params={"q": "climbing"}).json()["terms"][0]
    term = httpx.get(f"{stack.directory.url}/admin/taxonomy_terms/{climbing['id']}", headers=headers)
    assert term.status_code == 200, term.text
    assert "spidering" not in term.json().get("synonyms", [])
    patched = httpx.patch(
        f"{stack.directory.url}/admin/taxonomy_terms/{climbing['id']}",
        json={"synonyms": [*term.json()["synonyms"], "spidering"]},
        headers={**headers, "If-Match": term.headers["etag"]},
    )
    assert patched.status_code == 200, patched.text
    replies = chat.say("im 14 from wavertree and i love spidering")
    services = last_services(replies) or []
    assert services, replies
    codes = {
        t["code"]
        for s in services
        for a in httpx.get(f"{stack.directory.url}/services/{s['id']}").json()["attributes"]
        for t in [a["taxonomy_term"]]
    }
    assert "climbing" in codes, [s["name"] for s in services]
