"""No secret in the repository: what git tracks, and new files it would pick up."""

from __future__ import annotations

from pathlib import Path

import pytest
from secret_scan import PATTERNS, Finding, repository_files, scan, scan_text

ROOT = Path(__file__).resolve().parents[2]

# Findings that are not secrets, each with the reason. Matched exactly: (path, kind, matched text).
ALLOWED: dict[tuple[str, str, str], str] = {}


def test_the_repository_holds_no_secrets():
    files = repository_files(ROOT)
    assert len(files) > 100, "git ls-files found almost nothing: is this the repository root?"
    found = [f for f in scan(ROOT, files) if (f.path, f.kind, f.match) not in ALLOWED]
    assert found == [], "secrets in the repository:\n" + "\n".join(map(str, found))


def test_every_allow_list_entry_is_still_needed():
    files = repository_files(ROOT)
    present = {(f.path, f.kind, f.match) for f in scan(ROOT, files)}
    assert set(ALLOWED) <= present, f"stale allow-list entries: {set(ALLOWED) - present}"


# Each pattern must catch a real-looking secret. They are assembled here at run time, so this
# file itself holds none of them.
PLANTED = {
    "private key": "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow...",
    "staff API key": "key = 'fyp" + "_" + "Q" * 43 + "'",
    "AWS access key id": "AKIA" + "ABCDEFGHIJKLMNOP",
    "AWS secret key": "aws_secret_access_key = " + "a" * 20 + "B" * 20,
    "GitHub token": "ghp" + "_" + "x" * 36,
    "Slack token": "xox" + "b-123456789012-abcdef",
    "Google API key": "AIza" + "S" * 35,
    "password in a URL": "postgresql://fyp:" + "hunter2" + "@db.example:5432/directory",
}


@pytest.mark.parametrize("kind", PATTERNS)
def test_each_pattern_catches_its_secret(kind):
    assert [f.kind for f in scan_text("planted.txt", PLANTED[kind])] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://postgres@127.0.0.1:5432/postgres",  # no password: trust auth on loopback
        "postgresql://user:${PGPASSWORD}@db/fyp",  # a placeholder, filled from the environment
        "https://openreferraluk.org/",
        "key = create_key(session, 'x', 'admin')",
        "fyp_ is the prefix of every staff key",
    ],
)
def test_look_alikes_are_not_secrets(text):
    assert scan_text("docs.md", text) == []


def test_env_files_are_found_by_name(tmp_path):
    (tmp_path / ".env").write_text("X=1\n")
    (tmp_path / "prod.env").write_text("X=1\n")
    (tmp_path / "README.md").write_text("see .env.example\n")
    kinds = {(f.path, f.kind) for f in scan(tmp_path, [".env", "prod.env", "README.md"])}
    assert kinds == {(".env", ".env file"), ("prod.env", ".env file")}


def test_findings_do_not_repeat_the_secret():
    assert "Q" * 20 not in str(Finding("x", "staff API key", "fyp_" + "Q" * 43))
