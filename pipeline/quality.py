"""Data-quality checks run after each load: SQL that names the offending articles."""
from __future__ import annotations

from dataclasses import dataclass

import psycopg


@dataclass
class Finding:
    check: str
    severity: str  # error | warning
    detail: str


_CHECKS = [
    (
        "empty_statement", "error",
        "SELECT article_id FROM statements WHERE btrim(text) = '' GROUP BY article_id ORDER BY article_id LIMIT 20",
    ),
    (
        "article_without_statements", "error",
        "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id) "
        "ORDER BY a.id LIMIT 20",
    ),
]


def run_checks(conn: psycopg.Connection) -> list[Finding]:
    """Every check whose query returns article ids becomes a finding naming them."""
    findings: list[Finding] = []
    for name, severity, query in _CHECKS:
        ids = [r[0] for r in conn.execute(query)]
        if ids:
            findings.append(Finding(name, severity, "articles " + ", ".join(map(str, ids))))
    return findings
