"""The crisis contacts bundled in widget.js are exactly the checked ones in data/crisis_contacts.yml."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .stack import ROOT

SCRIPT = ROOT / "scripts" / "build_widget_contacts.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_widget_contacts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_contacts_are_in_sync():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_catches_a_changed_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    builder = _builder()
    data = yaml.safe_load(builder.SOURCE.read_text(encoding="utf-8"))
    childline = next(c for c in data["contacts"] if c["id"] == "childline")
    childline["phone"] = "0800 0000"
    changed = tmp_path / "crisis_contacts.yml"
    changed.write_text(yaml.safe_dump(data), encoding="utf-8")
    monkeypatch.setattr(builder, "SOURCE", changed)
    assert builder.main(["--check"]) == 1


def test_bundle_keeps_every_contact_and_drops_maintainer_notes():
    builder = _builder()
    data = yaml.safe_load(builder.SOURCE.read_text(encoding="utf-8"))
    bundled = builder.bundle(data)
    assert {c["id"] for c in bundled["contacts"]} == {c["id"] for c in data["contacts"]}
    for contact in bundled["contacts"]:
        original = next(c for c in data["contacts"] if c["id"] == contact["id"])
        assert contact.get("phone") == original.get("phone")
        assert "notes" not in contact and "source" not in contact
    # Contacts appear in the order the routes name them, so the most urgent comes first.
    assert bundled["contacts"][0]["id"] == next(iter(data["routes"].values()))[0]


def test_a_route_naming_an_unknown_contact_is_refused():
    builder = _builder()
    data = yaml.safe_load(builder.SOURCE.read_text(encoding="utf-8"))
    data["routes"]["suicide_or_self_harm"].append("made_up_helpline")
    with pytest.raises(ValueError, match="made_up_helpline"):
        builder.bundle(data)
