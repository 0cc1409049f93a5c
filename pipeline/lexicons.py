"""Rule data for segmentation and attribution, read once per rules search path and cached."""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from pipeline.ruleset import load_yaml, rule_files

T = TypeVar("T")
_CACHE: dict[tuple[Any, ...], Any] = {}


def merged(subdir: str) -> dict[str, list]:
    """Every YAML mapping under `subdir` in the search path, lists of the same key concatenated."""
    out: dict[str, list] = {}
    for path in rule_files(subdir):
        for key, value in (load_yaml(path) or {}).items():
            out.setdefault(key, []).extend(value if isinstance(value, list) else [value])
    return out


def cached(subdir: str, build: Callable[[dict[str, list]], T]) -> T:
    """`build(merged(subdir))`, computed once per (subdir, NEWS_RULES_DIR, working directory)."""
    key = (subdir, build, os.environ.get("NEWS_RULES_DIR", ""), os.getcwd())
    try:
        return _CACHE[key]
    except KeyError:
        value = _CACHE[key] = build(merged(subdir))
        return value


def reload() -> None:
    """Forget cached rules (after editing rule files in a running process)."""
    _CACHE.clear()
