"""news_quality under real Airflow: a residual footer fails the run naming the article, and an alert is posted."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg

from tests.conftest import truncate
from tests.dags.conftest import dags_test


class _Collector(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server API)
        length = int(self.headers.get("Content-Length", 0))
        _Collector.received.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_residual_footer_fails_news_quality_and_alerts(airflow_env, news_url):
    with psycopg.connect(news_url) as conn:
        truncate(conn)
        article = conn.execute(
            "INSERT INTO articles (source, canonical_key, body, processor_version, content_hash) "
            "VALUES ('sana', 'footer-left', %s, 'test', 'h') RETURNING id",
            ("قال الوزير إن الخطة تمضي.\n\nتابعونا عبر تطبيق تيلغرام https://telegram.me/SyrianArabNewsAgency\n// انتهى //",),
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO statements (article_id, seq, start_offset, end_offset, text, norm_hash, uid) "
            "VALUES (%s, 0, 0, 25, 'قال الوزير إن الخطة تمضي.', 'h', 'u1')", (article,))
        conn.commit()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {**airflow_env, "NEWS_ALERT_WEBHOOK_URL": f"http://127.0.0.1:{server.server_port}/alerts",
           "NEWS_RETRY_DELAY_S": "0.01"}
    try:
        result = dags_test(env, "news_quality")
    finally:
        server.shutdown()
    output = result.stdout + result.stderr
    assert "QualityCheckFailed" in output and f"articles {article}" in output
    with psycopg.connect(news_url) as conn:
        rows = conn.execute("SELECT check_name, severity, article_ids FROM quality_findings").fetchall()
    assert ("residual_end_marker", "error", [article]) in rows
    assert ("residual_promo_platform", "warning", [article]) in rows
    kinds = {alert["kind"] for alert in _Collector.received}
    assert {"quality_warnings", "task_failed"} <= kinds
    failed = [a for a in _Collector.received if a["kind"] == "task_failed"]
    assert failed[0]["dag_id"] == "news_quality" and f"articles {article}" in failed[0]["exception"]
