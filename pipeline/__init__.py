"""Arabic wire news into clean, attributed, queryable statements."""

PROCESSOR_VERSION = "0.9.0"
"""Bumped whenever extraction, cleaning, segmentation or attribution output may change; selects what to reprocess."""

from pipeline import _mypyc  # noqa: E402  (compiled modules never shadow newer sources)

_mypyc.guard()
