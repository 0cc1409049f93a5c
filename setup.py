"""Build hook for the optional mypyc compilation of the text stage; the project's metadata is in pyproject.toml.

Only with NEWS_MYPYC=1 (`make install` sets it when mypy and a C compiler are there): then
`python setup.py build_ext --inplace` compiles COMPILED into extension modules beside their sources and records
their hashes (pipeline/_mypyc.py ignores the extensions once a source changes). Without it, and under
`pip install -e .`, nothing is compiled.
"""
import hashlib
import os
import sys

from setuptools import setup

# The text stage's hot path (issue #8): normalisation, cleaning, segmentation, attribution and the loop around them.
COMPILED = ["normalize", "lexicons", "boilerplate", "dateline", "clean", "segment", "speakers", "attribute", "process"]


def ext_modules():
    if os.environ.get("NEWS_MYPYC") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *(f"pipeline/{m}.py" for m in COMPILED)],
                    group_name="pipeline._textc", opt_level="3")


def digests():
    """SHA-256 of each source as it is before compiling (an edit during the build must not pass for compiled)."""
    out = {}
    for m in COMPILED:
        with open(f"pipeline/{m}.py", "rb") as source:
            out[m] = hashlib.sha256(source.read()).hexdigest()
    return out


building = os.environ.get("NEWS_MYPYC") == "1" and "build_ext" in sys.argv
sources = digests() if building else {}
setup(ext_modules=ext_modules())
if building:  # read by pipeline/_mypyc.py: an extension counts only while its source still has this hash
    with open("pipeline/_compiled.txt", "w") as manifest:
        manifest.writelines(f"{m} {h}\n" for m, h in sorted(sources.items()))
