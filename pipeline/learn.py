"""Corpus-learned boilerplate: lines repeated across a source's articles, confirmed in the database."""
from __future__ import annotations

import psycopg


def confirmed_keys(conn: psycopg.Connection) -> dict[str, frozenset[str]]:
    """Accepted learned line keys per source, applied by clean() as `learned:<hash>` rules."""
    found: dict[str, set[str]] = {}
    for source, key in conn.execute("SELECT source, line_key FROM boilerplate_rules WHERE status = 'accepted'"):
        found.setdefault(source, set()).add(key)
    return {s: frozenset(k) for s, k in found.items()}
