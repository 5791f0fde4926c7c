"""`make run` and `make run-cluster` listen on loopback only unless BIND_HOST says otherwise: the
action server has no authentication of its own, and nothing but the widget's page needs the others."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def processes(procfile: str) -> dict[str, str]:
    lines = (ROOT / procfile).read_text(encoding="utf-8").splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#"))


@pytest.mark.parametrize("procfile", ["Procfile", "Procfile.cluster"])
def test_every_process_binds_loopback_by_default(procfile):
    found = processes(procfile)
    assert found
    for name, command in found.items():
        if "directory serve" in command:
            assert "--host 127.0.0.1" in command, name
        elif "rasa run actions" in command:
            assert "SANIC_HOST=${BIND_HOST:-127.0.0.1}" in command, name
        elif "rasa run" in command:
            assert "--interface ${BIND_HOST:-127.0.0.1}" in command, name
            assert "--enable-api --auth-token=$RASA_AUTH_TOKEN" in command, name
        else:
            pytest.fail(f"{procfile}: {name} is a process this check does not know: {command}")
