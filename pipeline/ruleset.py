"""Where rules live: packaged defaults, then the user's rules folder; later layers override earlier ones."""
from __future__ import annotations

import os
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


_SOURCES_CACHE: dict[tuple, list[dict[str, Any]]] = {}


def load_sources() -> list[dict[str, Any]]:
    """Sources from every `sources.yaml` layer, merged by name (user entries extend or override packaged ones).

    Parsed once per set of files and modification times: resolving a source name happens for every article.
    """
    paths = [layer / "sources.yaml" for layer in search_path()]
    key = tuple((str(p), p.stat().st_mtime_ns) for p in paths if p.is_file())
    if key not in _SOURCES_CACHE:
        merged: dict[str, dict[str, Any]] = {}
        for path, _ in key:
            for entry in (load_yaml(Path(path)) or {}).get("sources", []):
                merged.setdefault(entry["name"], {}).update(entry)
        _SOURCES_CACHE.clear()
        _SOURCES_CACHE[key] = list(merged.values())
    return _SOURCES_CACHE[key]  # shared: callers must not modify the entries
