"""The mypyc build never shadows a newer source: an extension counts only while its source has the compiled hash."""
from pipeline import _mypyc


def _package(tmp_path, sources):
    for name, text in sources.items():
        (tmp_path / f"{name}.py").write_text(text)
        (tmp_path / f"{name}{_mypyc.SUFFIX}").write_bytes(b"")
    (tmp_path / f"_textc__mypyc{_mypyc.SUFFIX}").write_bytes(b"")  # the shared library is no module of its own
    return tmp_path


def test_fresh_build_is_used_and_an_edit_makes_it_stale(tmp_path):
    pkg = _package(tmp_path, {"segment": "A = 1\n", "attribute": "B = 2\n"})
    assert _mypyc.compiled_modules(pkg) == ["attribute", "segment"]
    (pkg / "_compiled.txt").write_text("".join(f"{n} {_mypyc.digest(pkg / f'{n}.py')}\n"
                                               for n in ("attribute", "segment")))
    assert _mypyc.stale(pkg) == []
    (pkg / "segment.py").write_text("A = 3\n")
    assert _mypyc.stale(pkg) == ["segment"]


def test_without_a_manifest_every_extension_is_stale(tmp_path):
    pkg = _package(tmp_path, {"segment": "A = 1\n"})
    assert _mypyc.stale(pkg) == ["segment"]


def test_pure_finder_serves_the_sources(tmp_path):
    pkg = _package(tmp_path, {"segment": "A = 1\n"})
    spec = _mypyc._SourceFinder(["segment"], pkg).find_spec("pipeline.segment")
    assert spec is not None and spec.origin == str(pkg / "segment.py")
    assert _mypyc._SourceFinder(["segment"], pkg).find_spec("pipeline.attribute") is None
