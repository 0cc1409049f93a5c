"""The optional mypyc build of the text stage (`make install` compiles it when it can): its class options, and the
guard that keeps compiled modules from shadowing newer sources.

Python imports `pipeline/x.cpython-*.so` before `pipeline/x.py`. The build writes the SHA-256 of every compiled
source to `pipeline/_compiled.txt`; when any source differs (edited, checked out) or NEWS_PURE_PYTHON=1, every
compiled module of the package is imported from its `.py` instead: the modules call each other inside one shared
library, so one stale module makes all of them stale.
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_extensions import mypyc_attr as mypyc_attr
else:
    def mypyc_attr(*attrs, **kwattrs):
        """mypyc reads `@mypyc_attr(native_class=False)` from the source; at run time it changes nothing."""
        return lambda cls: cls

PACKAGE = Path(__file__).resolve().parent
MANIFEST = PACKAGE / "_compiled.txt"
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]  # `.cpython-311-x86_64-linux-gnu.so`


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compiled_modules(package: Path = PACKAGE) -> list[str]:
    """Modules of the package that have a compiled extension beside their source."""
    return sorted(p.name[:-len(SUFFIX)] for p in package.glob(f"*{SUFFIX}")
                  if not p.name.endswith(f"__mypyc{SUFFIX}") and (package / f"{p.name[:-len(SUFFIX)]}.py").exists())


def stale(package: Path = PACKAGE, manifest: Path | None = None) -> list[str]:
    """Compiled modules whose source differs from the one compiled (all of them when the manifest is missing)."""
    names = compiled_modules(package)
    manifest = manifest or package / MANIFEST.name
    try:
        built = dict(line.split() for line in manifest.read_text().splitlines() if line.strip())
    except (OSError, ValueError):
        return names
    return [n for n in names if built.get(n) != digest(package / f"{n}.py")]


class _SourceFinder:
    """Finds the listed modules of the package as `.py` files, ahead of the compiled extensions beside them."""

    def __init__(self, names: list[str], package: Path) -> None:
        self.paths = {f"{__package__}.{n}": package / f"{n}.py" for n in names}

    def find_spec(self, fullname: str, path=None, target=None):
        source = self.paths.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def guard() -> None:
    """Import every compiled module from source when asked to (NEWS_PURE_PYTHON=1) or when any of them is stale."""
    names = compiled_modules()
    if not names:
        return
    pure = os.environ.get("NEWS_PURE_PYTHON") == "1"
    if not pure and stale():
        pure = True
        print("pipeline: compiled modules are older than their sources; running pure Python (`make install` "
              "rebuilds them)", file=sys.stderr)
    if pure:
        sys.meta_path.insert(0, _SourceFinder(names, PACKAGE))
