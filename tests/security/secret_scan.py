"""A small secret scanner for the repository: the files git tracks, plus new files that are not
ignored (what the next commit could add). Patterns are the kinds of secret this project could leak:
staff API keys, private keys, cloud and forge tokens, passwords inside URLs, and .env files."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PATTERNS: dict[str, re.Pattern[str]] = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"),
    # directory.auth.create_key: "fyp_" + secrets.token_urlsafe(32), 43 characters.
    "staff API key": re.compile(r"\bfyp_[A-Za-z0-9_-]{40,}"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "AWS secret key": re.compile(r"(?i)aws_secret_access_key\s*[=:]\s*['\"]?[A-Za-z0-9/+]{40}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    # user:password@host, where the password is not a ${VARIABLE}, <placeholder> or $VAR.
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@'\"<>]+:(?![$<{*])[^/\s@'\"<>]+@[^\s/'\"<>]+"),
}
ENV_FILE = re.compile(r"(^|/)\.env(\.[^/]*)?$|(^|/)[^/]+\.env$")


@dataclass(frozen=True)
class Finding:
    path: str
    kind: str
    match: str

    def __str__(self) -> str:
        # Only the first characters: the report must not republish the secret.
        return f"{self.path}: {self.kind}: {self.match[:12]}..."


def repository_files(root: Path) -> list[str]:
    """Tracked files, and untracked files that .gitignore does not exclude."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root, capture_output=True, check=True,
    ).stdout.decode()
    return sorted({p for p in out.split("\0") if p})


def scan_text(path: str, text: str) -> list[Finding]:
    return [Finding(path, kind, m.group(0)) for kind, pattern in PATTERNS.items() for m in pattern.finditer(text)]


def scan(root: Path, paths: list[str]) -> list[Finding]:
    findings = []
    for path in paths:
        if ENV_FILE.search(path):
            findings.append(Finding(path, ".env file", path))
        file = root / path
        if not file.is_file():
            continue  # deleted in the work tree, still in the index
        data = file.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary: images, models, fonts
        findings.extend(scan_text(path, data.decode("utf-8", errors="replace")))
    return findings
