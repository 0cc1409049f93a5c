"""The analysts' reports in sql/reports/: install the views idempotently, refresh, run one, format the rows.

Views are not migrations: their definitions change with the questions asked. `install` creates every view and
materialized view from its file, re-creates the ones whose file changed (hash kept in `report_views`) and grants
the `news_reader` role SELECT on the report views only.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import psycopg
from psycopg import errors, sql

from pipeline import settings

log = logging.getLogger(__name__)

REPORTS = settings.PROJECT_ROOT / "sql" / "reports"
READER_ROLE = "news_reader"
PARAMS = ("since", "until", "source", "term", "limit")
_LOCK = 7461020
_HEADER = re.compile(r"^--\s*(name|kind|answers|filters|order):\s*(.*)$")
_PARAM = re.compile(r":'(" + "|".join(PARAMS) + r")'")
HIDDEN_COLUMNS = frozenset({"tsv"})

_CREATE_ROLE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
        CREATE ROLE {READER_ROLE} NOLOGIN;
    END IF;
END
$$
"""


@dataclass(frozen=True)
class Report:
    name: str
    kind: str  # view | materialized view | query
    answers: str
    sql: str
    filters: tuple[str, ...] = ()
    order: str = ""

    @property
    def relation(self) -> str:
        return f"report_{self.name}"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def parse(path: Path) -> Report:
    """A report file: header comments (name, kind, answers, filters, order) and its SQL."""
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    last = None
    for line in text.splitlines():
        match = _HEADER.match(line)
        if match:
            last = match.group(1)
            meta[last] = match.group(2).strip()
        elif line.startswith("--") and last == "answers":
            meta["answers"] += " " + line.lstrip("-").strip()
        elif not line.startswith("--"):
            break
    kind = meta.get("kind", "query")
    if kind not in ("view", "materialized view", "query"):
        raise ValueError(f"{path.name}: unknown kind {kind!r}")
    filters = tuple(f.strip() for f in meta.get("filters", "").split(",") if f.strip())
    return Report(name=meta.get("name", path.stem), kind=kind, answers=meta.get("answers", ""), sql=text,
                  filters=filters, order=meta.get("order", ""))


def reports(folder: Path = REPORTS) -> dict[str, Report]:
    return {r.name: r for r in (parse(p) for p in sorted(folder.glob("*.sql")))}


def _relkind(conn: psycopg.Connection, name: str) -> str | None:
    row = conn.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", (name,)).fetchone()
    return row[0] if row else None


def install(conn: psycopg.Connection, folder: Path = REPORTS) -> list[str]:
    """Create or re-create the report views whose file is new or changed; grant news_reader. Returns those made."""
    made: list[str] = []
    stored = {r.name: r for r in reports(folder).values() if r.kind != "query"}
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        known = dict(conn.execute("SELECT name, sha256 FROM report_views").fetchall())
        for name, r in stored.items():
            kind = _relkind(conn, r.relation)
            if known.get(name) == r.sha256 and kind is not None:
                continue
            if kind == "m":
                conn.execute(sql.SQL("DROP MATERIALIZED VIEW {} CASCADE").format(sql.Identifier(r.relation)))
            elif kind == "v":
                conn.execute(sql.SQL("DROP VIEW {} CASCADE").format(sql.Identifier(r.relation)))
            conn.execute(r.sql)
            conn.execute(
                "INSERT INTO report_views (name, kind, sha256) VALUES (%s, %s, %s) ON CONFLICT (name) DO UPDATE "
                "SET kind = EXCLUDED.kind, sha256 = EXCLUDED.sha256, installed_at = now()",
                (name, r.kind, r.sha256),
            )
            made.append(name)
        grant_reader(conn, [r.relation for r in stored.values()])
    conn.commit()
    return made


def grant_reader(conn: psycopg.Connection, relations: list[str]) -> bool:
    """The news_reader role (created if missing) may SELECT the report views and nothing else.

    Where the server refuses to create the role or grant, warn and go on: reports still work for their owner.
    """
    try:
        with conn.transaction():
            conn.execute(_CREATE_ROLE)
            role = sql.Identifier(READER_ROLE)
            conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {}").format(role))
            conn.execute(sql.SQL("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {}").format(role))
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role))
            if relations:
                conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(
                    sql.SQL(", ").join(sql.Identifier(r) for r in relations), role))
        return True
    except (errors.InsufficientPrivilege, errors.DuplicateObject) as exc:
        log.warning("could not set up the %s role (%s); reports work, but without a read-only role",
                    READER_ROLE, str(exc).strip())
        return False


def refresh(conn: psycopg.Connection, folder: Path = REPORTS) -> list[str]:
    """Refresh every materialized report view (CONCURRENTLY once populated, so readers are never blocked)."""
    done = []
    for r in reports(folder).values():
        if r.kind != "materialized view":
            continue
        populated = conn.execute("SELECT ispopulated FROM pg_matviews WHERE matviewname = %s", (r.relation,)).fetchone()
        if populated is None:
            continue
        how = sql.SQL("CONCURRENTLY ") if populated[0] else sql.SQL("")
        conn.execute(sql.SQL("REFRESH MATERIALIZED VIEW {}{}").format(how, sql.Identifier(r.relation)))
        done.append(r.name)
    conn.commit()
    return done


def query_sql(report: Report) -> str:
    """A query file with psql-style :'name' parameters as psycopg %(name)s placeholders."""
    body = "\n".join(line for line in report.sql.splitlines() if not line.lstrip().startswith("--"))
    return _PARAM.sub(lambda m: f"%({m.group(1)})s", body.replace("%", "%%")).strip().rstrip(";")


def run(conn: psycopg.Connection, name: str, since: str | date | None = None, until: str | date | None = None,
        source: str | None = None, term: str | None = None, limit: int | None = None,
        folder: Path = REPORTS) -> tuple[list[str], list[tuple]]:
    """Run one report; returns column names and rows."""
    known = reports(folder)
    if name not in known:
        raise KeyError(f"no report {name!r}; known: {', '.join(known)}")
    r = known[name]
    params = {"since": since, "until": until, "source": source, "term": term, "limit": limit}
    if r.kind == "query":
        if term is None and ":'term'" in r.sql:
            raise ValueError(f"report {name} needs --term")
        values = {k: None if v is None else str(v) for k, v in params.items()}
        cur = conn.execute(query_sql(r), values)
    else:
        where, values = [], {}
        for key, column, op in (("since", "day", ">="), ("until", "day", "<="), ("source", "source", "=")):
            if params[key] is None:
                continue
            if column not in r.filters:
                raise ValueError(f"report {name} cannot be filtered by {key}")
            where.append(sql.SQL("{} {} {}").format(sql.Identifier(column), sql.SQL(op), sql.Placeholder(key)))
            values[key] = str(params[key])
        query = sql.SQL("SELECT * FROM {}").format(sql.Identifier(r.relation))
        if where:
            query += sql.SQL(" WHERE ") + sql.SQL(" AND ").join(where)
        if r.order:
            query += sql.SQL(" ORDER BY " + r.order)  # from the project's own report file
        if limit is not None:
            query += sql.SQL(" LIMIT {}").format(sql.Literal(int(limit)))
        cur = conn.execute(query, values)
    columns = [c.name for c in cur.description]
    keep = [i for i, c in enumerate(columns) if c not in HIDDEN_COLUMNS]
    rows = [tuple(row[i] for i in keep) for row in cur.fetchall()]
    conn.commit()
    return [columns[i] for i in keep], rows


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def render(columns: list[str], rows: list[tuple], fmt: str = "table", width: int = 60) -> str:
    """Rows as an aligned text table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, map(_plain, row))) for row in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        return out.getvalue()
    cells = [[_cell(v, width) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(value, width: int) -> str:
    text = "" if value is None else str(_plain(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
