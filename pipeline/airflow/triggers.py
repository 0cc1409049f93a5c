"""Event triggers for the triggerer process: importable, serialisable, no DAG code."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, AsyncIterator

from airflow.triggers.base import BaseEventTrigger, TriggerEvent


class InboxTrigger(BaseEventTrigger):
    """Fire when new files land in the inbox folder; each is claimed first by an atomic rename into processing/."""

    def __init__(self, directory: str, poke_interval: float = 2.0) -> None:
        super().__init__()
        self.directory = directory
        self.poke_interval = poke_interval

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            "pipeline.airflow.triggers.InboxTrigger",
            {"directory": self.directory, "poke_interval": self.poke_interval},
        )

    async def run(self) -> AsyncIterator[TriggerEvent]:
        from pipeline.inbox import claim_new

        inbox = Path(self.directory)
        while True:
            claimed = await asyncio.to_thread(claim_new, inbox) if inbox.is_dir() else []
            if claimed:
                self.log.info("claimed %d inbox files", len(claimed))
                yield TriggerEvent({"files": [str(p.relative_to(inbox)) for p in claimed]})
                return
            await asyncio.sleep(self.poke_interval)
