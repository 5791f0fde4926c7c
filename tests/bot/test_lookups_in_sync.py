"""The lookup tables in data/nlu/lookups/ must match their sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_lookups.py"


def test_generated_tables_are_up_to_date(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True)
    for generated in sorted(tmp_path.iterdir()):
        committed = ROOT / "data" / "nlu" / "lookups" / generated.name
        assert committed.is_file(), f"{committed} is missing: run scripts/build_lookups.py"
        assert committed.read_text() == generated.read_text(), f"{committed} is stale: run scripts/build_lookups.py"


def test_check_mode_notices_a_stale_table(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True)
    places = tmp_path / "places.yml"
    places.write_text(places.read_text().replace("    - Anfield\n", ""))
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--out", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "places.yml" in result.stderr


def test_tables_cover_the_sources() -> None:
    def items(name: str) -> set[str]:
        data = yaml.safe_load((ROOT / "data" / "nlu" / "lookups" / name).read_text())
        return {line[2:].strip() for line in data["nlu"][0]["examples"].splitlines() if line.startswith("- ")}

    places = items("places.yml")
    assert {
        "Anfield",
        "Kensington & Fairfield",
        "Kensington and Fairfield",
        "Birkenhead",
        "L4",
        "CH41",
        "WA10",
        "PR8",
    } <= places
    assert not {"L80", "L67", "M1", "CH1"} & places  # non-geographic or outside Merseyside
    interests = items("interests.yml")
    assert {"football", "footy", "making beats", "theatre kid", "drama and theatre"} <= interests
