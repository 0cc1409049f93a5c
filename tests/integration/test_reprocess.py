"""Reprocessing from raw_items after a rule change: uids kept where the text is, counts consistent, nothing fetched."""
from __future__ import annotations

import pipeline
from pipeline import cli, inbox as inbox_mod, process as process_mod, records, runner
from pipeline.normalize import norm_text
from pipeline.reprocess import Selection, reprocess, version_key
from tests.integration.conftest import content_counts

MARKER = "نوفوستي"  # appears in one paragraph of samples/sana/001_moscow_diplomacy.txt


def _statements(conn):
    return {uid: (article, text) for uid, article, text in
            conn.execute("SELECT uid, article_id, text FROM statements")}


def _raw(conn):
    return conn.execute("SELECT id, sha256, body FROM raw_items ORDER BY id").fetchall()


def _new_rule(monkeypatch, version="9.0.0"):
    """A boilerplate rule added after the first load: lines naming the marker are removed, and the version bumps."""
    real_extract = process_mod.extract

    def extract_with_rule(raw):
        doc = real_extract(raw)
        kept = []
        for line in doc.text.splitlines():
            if MARKER in line:
                doc.removed.append(records.Removed(text=line, rule="test:marker"))
            else:
                kept.append(line)
        doc.text = "\n".join(kept)
        return doc

    monkeypatch.setattr(process_mod, "extract", extract_with_rule)
    for module in (pipeline, process_mod, runner):
        monkeypatch.setattr(module, "PROCESSOR_VERSION", version, raising=False)
    import pipeline.reprocess as reprocess_mod

    monkeypatch.setattr(reprocess_mod, "PROCESSOR_VERSION", version)


def test_reprocess_after_a_rule_change_keeps_uids_of_unchanged_text(conn, sample_inbox, monkeypatch):
    inbox_mod.ingest(conn, sample_inbox)
    runner.process_pending(conn, batch_size=6)
    before, raw_before, counts_before = _statements(conn), _raw(conn), content_counts(conn)
    hit = {uid for uid, (_, text) in before.items() if MARKER in text}
    assert hit, "the fixture must contain the marker"

    monkeypatch.setattr(inbox_mod, "ingest", lambda *a, **k: (_ for _ in ()).throw(AssertionError("fetched")))
    _new_rule(monkeypatch)
    result = reprocess(conn, Selection(), batch_size=5)
    after = _statements(conn)

    # Nothing fetched or stored: the raw items are untouched.
    assert _raw(conn) == raw_before
    # Counts agree with the tables.
    kept = set(before) & set(after)
    assert result["statements_kept"] == len(kept)
    assert result["statements_dropped"] == len(set(before) - set(after)) > 0
    assert result["statements_added"] == len(set(after) - set(before))
    assert result["statements_kept"] + result["statements_added"] == len(after) == result["statements"]
    assert hit <= set(before) - set(after)  # the removed paragraph's statements are gone
    # Every statement whose text was there before in the same article kept its uid.
    old_texts = {(a, norm_text(t)): uid for uid, (a, t) in before.items()}
    for uid, (article, text) in after.items():
        if (article, norm_text(text)) in old_texts:
            assert old_texts[(article, norm_text(text))] == uid, text
    assert content_counts(conn)["articles"] == counts_before["articles"]
    versions = {r[0] for r in conn.execute("SELECT DISTINCT processor_version FROM articles")}
    assert versions == {"9.0.0"}
    assert conn.execute("SELECT count(*) FROM removed_lines WHERE rule = 'test:marker'").fetchone()[0] >= 1
    run = conn.execute("SELECT stage, articles, details FROM ingest_runs ORDER BY id DESC LIMIT 1").fetchone()
    assert run[0] == "reprocess" and run[1] == result["articles"]

    # Selecting by version: everything is at 9.0.0 now, so nothing is older.
    again = reprocess(conn, Selection(older_than_version="9.0.0"))
    assert again["items"] == 0
    assert reprocess(conn, Selection(older_than_version="10.0.0"))["items"] == result["items"]


def test_reprocess_selects_by_source_and_skips_items_leased_elsewhere(conn, sample_inbox):
    inbox_mod.ingest(conn, sample_inbox)
    runner.process_pending(conn)
    sana = conn.execute("SELECT count(*) FROM raw_items_latest WHERE source = 'sana'").fetchone()[0]
    one = conn.execute("SELECT id FROM raw_items WHERE source = 'sana' ORDER BY id LIMIT 1").fetchone()[0]
    conn.execute("UPDATE raw_items SET claimed_by = 'busy', claim_expires_at = now() + interval '1 hour' "
                 "WHERE id = %s", (one,))
    conn.commit()
    result = reprocess(conn, Selection(source="sana"))
    assert result["items"] == sana and result["items_skipped"] == 1
    assert result["statements_dropped"] == 0 and result["statements_added"] == 0


def test_reprocess_command_prints_kept_added_dropped(conn, sample_inbox, capsys):
    inbox_mod.ingest(conn, sample_inbox)
    runner.process_pending(conn)
    n = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    conn.commit()
    assert cli.main(["reprocess", "--source", "spa", "--since", "2000-01-01"]) == 0
    out = capsys.readouterr().out
    spa = conn.execute("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
                       "WHERE a.source = 'spa'").fetchone()[0]
    assert f"statements: {spa} kept, 0 added, 0 dropped" in out
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == n


def test_versions_compare_numerically():
    assert version_key("0.9.1") < version_key("0.10.0") < version_key("1.0.0")
