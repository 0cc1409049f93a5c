"""Where rules live: packaged defaults, then the user's rules folder; later layers override earlier ones."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

PACKAGED = Path(__file__).with_name("rules")


def user_rules_dir() -> Path:
    """The user's rules folder: `NEWS_RULES_DIR`, else `rules/` in the working directory."""
    return Path(os.environ.get("NEWS_RULES_DIR", "rules"))


def search_path() -> list[Path]:
    """Rule folders in override order (first = lowest priority)."""
    layers = [PACKAGED]
    user = user_rules_dir()
    if user.is_dir() and user.resolve() != PACKAGED.resolve():
        layers.append(user)
    return layers


def rule_files(subdir: str, pattern: str = "*.yaml") -> Iterator[Path]:
    """Every rule file under `subdir` of each layer, lowest priority first; a later file of the same name wins."""
    chosen: dict[str, Path] = {}
    for layer in search_path():
        folder = layer / subdir if subdir else layer
        if folder.is_dir():
            for path in sorted(folder.glob(pattern)):
                chosen[path.name] = path
    yield from chosen.values()


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


RECHECK_S = 2.0  # a long-running process notices an edited sources.yaml within this many seconds


@dataclass(slots=True)
class _Sources:
    """Parsed sources of one rules search path, and when its files were last looked at."""

    files: tuple[tuple[str, int], ...]
    entries: list[dict[str, Any]]
    checked: float


_SOURCES_CACHE: dict[tuple[str | None, str], _Sources] = {}


def _source_files() -> tuple[tuple[str, int], ...]:
    """Every `sources.yaml` of the search path with its modification time (a few stat calls)."""
    out = []
    for layer in search_path():
        path = layer / "sources.yaml"
        try:
            out.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            continue
    return tuple(out)


def load_sources() -> list[dict[str, Any]]:
    """Sources from every `sources.yaml` layer, merged by name (user entries extend or override packaged ones).

    Resolving a source name happens for every article, so the files are parsed once and looked at (stat) at most
    every RECHECK_S seconds per search path, not per call; `reload_sources()` forgets them at once.
    """
    place = (os.environ.get("NEWS_RULES_DIR"), os.getcwd())
    cached = _SOURCES_CACHE.get(place)
    now = time.monotonic()
    if cached is not None and now - cached.checked < RECHECK_S:
        return cached.entries
    files = _source_files()
    if cached is None or cached.files != files:
        merged: dict[str, dict[str, Any]] = {}
        for path, _ in files:
            for entry in (load_yaml(Path(path)) or {}).get("sources", []):
                merged.setdefault(entry["name"], {}).update(entry)
        if len(_SOURCES_CACHE) > 16:
            _SOURCES_CACHE.clear()
        cached = _SOURCES_CACHE[place] = _Sources(files, list(merged.values()), now)
    cached.checked = now
    return cached.entries  # shared: callers must not modify the entries


def reload_sources() -> None:
    """Forget parsed sources, e.g. right after editing sources.yaml in a long-running process."""
    _SOURCES_CACHE.clear()
