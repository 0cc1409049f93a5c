"""No secrets in the repository: tracked files hold no keys, tokens, passwords or credentialed URLs, and none of the
files where this project keeps its generated secrets is tracked."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "PyPI/npm token": re.compile(r"\bpypi-[A-Za-z0-9_-]{50,}|\bnpm_[A-Za-z0-9]{36}\b"),
    # Six characters at least: `u:p@db.example` in a test is a placeholder, not a credential.
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]+:(?P<secret>[^\s@/'\"]{6,})@"),
    "assigned secret": re.compile(
        r"(?i)\b(?:password|passwd|secret(?:_key)?|api_?key|token|jwt_secret|fernet_key)\b[\"']?\s*[:=]\s*"
        r"[\"'](?P<secret>[^\"'\s]{8,})[\"']"),
}
# Placeholders and references, not values: ${VAR}, {…} templates, %(…)s, <…>, and words that say "put it here".
PLACEHOLDER = re.compile(r"^(?:\$|\{|%\(|<|\*+$)|^(?:password|pass|secret|changeme|example|xxx+|\.\.\.)$", re.I)
# Generated at run time, mode 600, under .data/ (ignored): never in git.
NEVER_TRACKED = re.compile(r"(^|/)(\.env(\.(?!example$).*)?|.*\.pem|.*\.key|id_(rsa|ed25519|ecdsa)|jwt_secret|api_secret|password"
                           r"|simple_auth_manager_passwords\.json|\.pgpass)$|^\.data/")


def tracked() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [p for p in out.decode().split("\0") if p]


def findings(text: str) -> list[str]:
    found = []
    for what, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            secret = match.groupdict().get("secret")
            if secret is not None and PLACEHOLDER.search(secret):
                continue
            found.append(f"{what}: {match.group(0)[:60]}")
    return found


def test_tracked_files_hold_no_secrets():
    problems = []
    for rel in tracked():
        path = ROOT / rel
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        problems += [f"{rel}: {f}" for f in findings(text)]
    assert problems == []


def test_generated_secret_files_are_not_tracked():
    files = tracked()
    assert len(files) > 50
    assert [f for f in files if NEVER_TRACKED.search(f)] == []


# The leaking examples are assembled at run time (J joins pieces), so this file passes its own scan.
J = "".join


@pytest.mark.parametrize("text, leaks", [
    (J(["url = 'postgresql://news:", "hunter2hunter2@db:5432/news'"]), True),
    ("NEWS_DATABASE_URL: postgresql://news:${POSTGRES_PASSWORD}@postgres:5432/news", False),
    ("DATABASE_URL=postgresql://user:password@host:port/dbname", False),
    ("postgresql://u:p@db.example:5433/postgres", False),
    (J(['password = "', 'correct-horse-battery"']), True),
    (J(['"jwt_secret": "', '0123456789abcdef0123"']), True),
    ("password = secrets.token_urlsafe(24)", False),
    (J(["-----BEGIN OPENSSH ", "PRIVATE KEY-----"]), True),
    (J(["AKIA", "ABCDEFGHIJKLMNOP"]), True),
    ('f"postgresql://postgres:{password}@127.0.0.1:{port}"', False),
])
def test_the_scan_catches_what_it_should(text, leaks):
    assert bool(findings(text)) is leaks
