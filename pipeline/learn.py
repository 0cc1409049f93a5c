"""Corpus-learned boilerplate: lines repeated across a source's articles, confirmed in the database."""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import psycopg

from pipeline.boilerplate import learned_rule_id, line_key

MIN_ARTICLES = 5
MIN_SHARE = 0.10
WINDOW = timedelta(days=30)
MAX_EXAMPLES = 3
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(slots=True)
class ArticleLines:
    """The lines of one article for learning: body paragraphs (rule None) and removed pieces (with their rule)."""

    source: str
    when: datetime | None
    lines: list[tuple[str, str | None]]


@dataclass(slots=True)
class Candidate:
    """A line key seen in at least MIN_ARTICLES articles and MIN_SHARE of one source's articles within WINDOW."""

    source: str
    key: str
    rule_id: str
    articles: int
    share: float
    window_articles: int
    examples: list[str] = field(default_factory=list)
    covered_by: frozenset[str] = frozenset()  # fixed rules that already remove every occurrence

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)


def _has_letter(key: str) -> bool:
    return any(c.isalpha() for c in key)


def find_candidates(
    articles: Iterable[ArticleLines], min_articles: int = MIN_ARTICLES, min_share: float = MIN_SHARE,
    window: timedelta = WINDOW,
) -> list[Candidate]:
    """Repeated lines per source over the thresholds, best window each, most frequent first."""
    times: dict[str, list[datetime]] = defaultdict(list)
    seen: dict[tuple[str, str], list[datetime]] = defaultdict(list)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    rules: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    for article in articles:
        when = article.when or _EPOCH
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        times[article.source].append(when)
        keys_here: set[str] = set()
        for text, rule in article.lines:
            key = line_key(text)
            if not key or not _has_letter(key):
                continue
            ident = (article.source, key)
            rules[ident].add(None if rule is None or rule.startswith("learned:") else rule)
            if len(examples[ident]) < MAX_EXAMPLES and text not in examples[ident]:
                examples[ident].append(text)
            keys_here.add(key)
        for key in keys_here:
            seen[(article.source, key)].append(when)
    for stamps in times.values():
        stamps.sort()
    found: list[Candidate] = []
    for (source, key), stamps in seen.items():
        if len(stamps) < min_articles:
            continue
        stamps.sort()
        all_times = times[source]
        best: tuple[int, float, int] | None = None
        j = 0
        for i, start in enumerate(stamps):
            while j < len(stamps) and stamps[j] - start <= window:
                j += 1
            count = j - i
            total = bisect.bisect_right(all_times, start + window) - bisect.bisect_left(all_times, start)
            share = count / total if total else 0.0
            if count >= min_articles and share >= min_share and (best is None or (count, share) > best[:2]):
                best = (count, share, total)
        if best:
            applied = rules[(source, key)]
            covered = frozenset(r for r in applied if r) if None not in applied else frozenset()
            found.append(Candidate(
                source=source, key=key, rule_id=learned_rule_id(key), articles=best[0], share=best[1],
                window_articles=best[2], examples=examples[(source, key)], covered_by=covered,
            ))
    found.sort(key=lambda c: (-c.articles, c.source, c.key))
    return found


def article_lines(source: str, when: datetime | None, body: str, removed: Iterable[tuple[str, str]]) -> ArticleLines:
    """An article's learnable lines: its body paragraphs and the pieces cleaning removed."""
    lines: list[tuple[str, str | None]] = [(line, None) for line in body.split("\n") if line.strip()]
    lines.extend((text, rule) for text, rule in removed)
    return ArticleLines(source=source, when=when, lines=lines)


def _articles_from_db(conn: psycopg.Connection) -> list[ArticleLines]:
    removed: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for article_id, text, rule in conn.execute("SELECT article_id, text, rule FROM removed_lines ORDER BY article_id, seq"):
        removed[article_id].append((text, rule))
    return [
        article_lines(source, when, body, removed.get(article_id, ()))
        for article_id, source, when, body in conn.execute(
            "SELECT id, source, coalesce(published_at, created_at), body FROM articles ORDER BY id")
    ]


_UPSERT = """
INSERT INTO boilerplate_rules (source, line_key, rule_id, example, articles, share, status)
VALUES (%s, %s, %s, %s, %s, %s, 'candidate')
ON CONFLICT (source, line_key) DO UPDATE SET
    example = EXCLUDED.example, articles = EXCLUDED.articles, share = EXCLUDED.share, last_seen = now()
RETURNING id, status
"""


def refresh_candidates(conn: psycopg.Connection) -> list[tuple[int, str, Candidate]]:
    """Compute candidates from the stored articles and upsert those no fixed rule covers yet (status kept).

    Returns (id, status, candidate) for every upserted line, in the caller's transaction.
    """
    out = []
    for cand in find_candidates(_articles_from_db(conn)):
        if cand.covered:
            continue
        row = conn.execute(_UPSERT, (cand.source, cand.key, cand.rule_id, cand.examples[0], cand.articles,
                                     cand.share)).fetchone()
        out.append((row[0], row[1], cand))
    return out


def set_status(conn: psycopg.Connection, ident: str, status: str) -> tuple[int, str, str] | None:
    """Accept or reject a learned rule by its id number or `learned:<hash>`; returns (id, source, rule_id)."""
    column = "id" if ident.isdigit() else "rule_id"
    return conn.execute(
        f"UPDATE boilerplate_rules SET status = %s, accepted_at = CASE WHEN %s = 'accepted' THEN now() END "
        f"WHERE {column} = %s RETURNING id, source, rule_id",
        (status, status, int(ident) if ident.isdigit() else ident),
    ).fetchone()


def confirmed_keys(conn: psycopg.Connection) -> dict[str, frozenset[str]]:
    """Accepted learned line keys per source, applied by clean() as `learned:<hash>` rules."""
    found: dict[str, set[str]] = {}
    for source, key in conn.execute("SELECT source, line_key FROM boilerplate_rules WHERE status = 'accepted'"):
        found.setdefault(source, set()).add(key)
    return {s: frozenset(k) for s, k in found.items()}
