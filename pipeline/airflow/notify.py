"""Alerts that reach people: a webhook notifier for failed tasks and for quality warnings."""
from __future__ import annotations

import json
import logging
import os
import urllib.request
from typing import Any

from airflow.sdk import BaseNotifier

log = logging.getLogger(__name__)

WEBHOOK_ENV = "NEWS_ALERT_WEBHOOK_URL"


def post_alert(payload: dict[str, Any], url: str | None = None) -> bool:
    """POST a JSON alert to the configured webhook; False (and a log line) when none is configured or it fails."""
    url = url or os.environ.get(WEBHOOK_ENV)
    if not url:
        log.warning("alert not sent (set %s to receive alerts): %s", WEBHOOK_ENV, payload.get("message"))
        return False
    request = urllib.request.Request(url, data=json.dumps(payload, ensure_ascii=False, default=str).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return 200 <= response.status < 300
    except OSError as exc:
        log.error("alert webhook %s failed: %s", url, exc)
        return False


class WebhookNotifier(BaseNotifier):
    """on_failure_callback: tells the webhook which DAG, run and task failed, and why."""

    template_fields = ("message",)

    def __init__(self, message: str = "task failed", url: str | None = None) -> None:
        super().__init__()
        self.message = message
        self.url = url

    def notify(self, context: dict[str, Any]) -> None:
        ti = context.get("ti") or context.get("task_instance")
        post_alert({
            "kind": "task_failed",
            "message": self.message,
            "dag_id": getattr(context.get("dag"), "dag_id", None),
            "run_id": context.get("run_id"),
            "task_id": getattr(ti, "task_id", None),
            "exception": str(context.get("exception") or ""),
        }, self.url)
