"""`rules candidates` / `rules accept` against PostgreSQL, and accepted keys flowing back into clean()."""
from __future__ import annotations

from pipeline.boilerplate import learned_rule_id, line_key
from pipeline.clean import clean
from pipeline.cli import main
from pipeline.learn import confirmed_keys
from pipeline.records import Extracted

FOOTER = "حمّلوا تطبيق الوكالة من المتجر الآن 2015"
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def seed_articles(conn, n: int = 8) -> None:
    for i in range(n):
        body = f"نص خبر فريد {LETTERS[i]} عن الاجتماع.\n\n{FOOTER.replace('2015', str(2000 + i))}"
        row = conn.execute(
            "INSERT INTO articles (source, canonical_key, body, processor_version, content_hash, published_at) "
            "VALUES ('sana', %s, %s, 'test', %s, now()) RETURNING id", (f"k{i}", body, f"h{i}")).fetchone()
        conn.execute("INSERT INTO removed_lines (article_id, seq, text, rule) VALUES (%s, 0, '// انتهى //', 'marker:end')",
                     (row[0],))
    conn.commit()


def test_candidates_listed_upserted_and_accepted(conn, capsys):
    seed_articles(conn)
    assert main(["rules", "candidates"]) == 0
    out = capsys.readouterr().out
    key = line_key(FOOTER)
    assert learned_rule_id(key) in out and "8 articles" in out and FOOTER.replace("2015", "2000") in out
    assert "// انتهى //" not in out  # already removed by a fixed rule: nothing to accept
    rows = conn.execute("SELECT id, status, articles, rule_id FROM boilerplate_rules").fetchall()
    assert [(r[1], r[2], r[3]) for r in rows] == [("candidate", 8, learned_rule_id(key))]
    conn.commit()

    assert main(["rules", "candidates"]) == 0  # idempotent: same row, refreshed
    assert conn.execute("SELECT count(*) FROM boilerplate_rules").fetchone()[0] == 1
    conn.commit()

    assert main(["rules", "accept", learned_rule_id(key)]) == 0
    conn.commit()
    keys = confirmed_keys(conn)
    assert keys == {"sana": frozenset({key})}
    article = clean(Extracted(title="t", text=f"خبر جديد تماما عن القمة.\n{FOOTER.replace('2015', '2016')}"), "sana",
                    learned=keys["sana"])
    assert [r.rule for r in article.removed] == [learned_rule_id(key)]


def test_accept_by_number_and_reject(conn, capsys):
    seed_articles(conn)
    main(["rules", "candidates"])
    conn.commit()
    ident = conn.execute("SELECT id FROM boilerplate_rules").fetchone()[0]
    conn.commit()
    assert main(["rules", "reject", str(ident)]) == 0
    conn.commit()
    assert conn.execute("SELECT status FROM boilerplate_rules").fetchone()[0] == "rejected"
    conn.commit()
    main(["rules", "candidates"])  # recomputing keeps the person's decision
    conn.commit()
    assert conn.execute("SELECT status FROM boilerplate_rules").fetchone()[0] == "rejected"
    assert main(["rules", "accept", "999999"]) == 1
