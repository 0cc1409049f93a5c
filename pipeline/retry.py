"""Run a transaction again when PostgreSQL aborts it for a serialization failure or a deadlock."""
from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from psycopg import errors

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRYABLE = (errors.SerializationFailure, errors.DeadlockDetected, errors.LockNotAvailable)


def with_retries(work: Callable[[], T], attempts: int = 6, base_delay: float = 0.05,
                 on_retry: Callable[[Exception], None] | None = None) -> T:
    """Call `work` (one whole transaction) until it succeeds or a non-retryable error or `attempts` is reached.

    `work` must roll back its own transaction on error (`with conn.transaction()` does) and be safe to repeat.
    """
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except RETRYABLE as exc:
            if attempt == attempts:
                raise
            if on_retry:
                on_retry(exc)
            delay = base_delay * (2 ** (attempt - 1)) * (0.5 + random.random())
            log.info("retrying after %s (attempt %d, %.2fs)", type(exc).__name__, attempt, delay)
            time.sleep(delay)
    raise AssertionError("unreachable")
