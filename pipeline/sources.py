"""The sources table, seeded from the rules search path, and resolving names and aliases to a source."""
from __future__ import annotations

import psycopg
from psycopg.types.json import Jsonb

from pipeline.normalize import match_key
from pipeline.ruleset import load_sources

_UPSERT = """
INSERT INTO sources (name, aliases, kind, url, language, time_zone, profile, expected_interval_minutes, active, fetch_settings)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (name) DO UPDATE SET
    aliases = EXCLUDED.aliases, kind = EXCLUDED.kind, url = EXCLUDED.url, language = EXCLUDED.language,
    time_zone = EXCLUDED.time_zone, profile = EXCLUDED.profile,
    expected_interval_minutes = EXCLUDED.expected_interval_minutes, active = EXCLUDED.active,
    fetch_settings = EXCLUDED.fetch_settings
"""


def seed_sources(conn: psycopg.Connection) -> int:
    """Upsert every source from sources.yaml layers; returns how many were declared."""
    entries = load_sources()
    rows = [
        (
            e["name"], list(e.get("aliases", [])), e.get("kind", "inbox"), e.get("url"), e.get("language"),
            e.get("time_zone", "UTC"), e.get("profile", e["name"]), e.get("expected_interval_minutes"),
            bool(e.get("active", True)), Jsonb(e.get("fetch") or {}),
        )
        for e in entries
    ]
    with conn.cursor() as cur:
        cur.executemany(_UPSERT, rows)
    return len(rows)


class _Aliases:
    """match_key(name or alias) → source name for one parsed sources list, and the names already resolved."""

    def __init__(self, entries: list[dict]) -> None:
        self.entries = entries  # held: identity of the list load_sources() returns tells when it changed
        self.by_key = {match_key(n): e["name"] for e in reversed(entries) for n in (e["name"], *e.get("aliases", []))}
        self.resolved: dict[str, str] = {}


_ALIASES: _Aliases | None = None
MAX_RESOLVED = 10_000  # names remembered per sources list (inbox folders and records name a handful)


def _aliases() -> _Aliases:
    """The alias table, rebuilt only when load_sources() parsed the files anew."""
    global _ALIASES
    entries = load_sources()
    if _ALIASES is None or _ALIASES.entries is not entries:
        _ALIASES = _Aliases(entries)
    return _ALIASES


def _alias_map() -> dict[str, str]:
    return _aliases().by_key


def resolve(name: str | None, default: str = "inbox") -> str:
    """Map a name or alias (`was`, `واس`, `SANA`) to the source's canonical name; unknown names pass through."""
    if not name:
        return default
    aliases = _aliases()
    found = aliases.resolved.get(name)
    if found is None:
        key = match_key(name)
        found = aliases.by_key.get(key) or key.replace(" ", "_")
        if len(aliases.resolved) >= MAX_RESOLVED:
            aliases.resolved.clear()
        aliases.resolved[name] = found
    return found or default


def ensure_source(conn: psycopg.Connection, name: str) -> None:
    """Make sure a source row exists for a name seen in input (inbox folders may name new outlets)."""
    conn.execute("INSERT INTO sources (name, kind) VALUES (%s, 'inbox') ON CONFLICT (name) DO NOTHING", (name,))
