"""credentials.yml enables only channels whose messages pass the guard (bot/rest_guard.py)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.channels import SafeRestInput

ROOT = Path(__file__).resolve().parents[2]
GUARDED = {f"{SafeRestInput.__module__}.{SafeRestInput.__name__}"}


def test_only_guarded_channels_are_enabled() -> None:
    channels = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert set(channels) == GUARDED, "a channel without the message guard reaches the NLU unchecked"
