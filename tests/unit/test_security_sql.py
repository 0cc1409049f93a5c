"""SQL only with bound parameters: a scan of every execute/executemany/copy call in pipeline/ and dags/.

A statement passed to the driver must be a string constant, a module- or function-level name bound only to string
constants (f-strings of such constants included), or a psycopg `sql.SQL(...)` composition (identifiers quoted by
the driver). Anything else (an f-string or `%`/`+`/`.format` with a runtime value) is string-built SQL, which is
refused unless listed below with the reason it is safe.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = [*sorted((ROOT / "pipeline").rglob("*.py")), *sorted((ROOT / "dags").glob("*.py"))]
DRIVER_METHODS = {"execute", "executemany", "copy", "stream"}
# (file, function) → why running a non-constant statement there is safe.
ALLOWED = {
    ("pipeline/db.py", "migrate"): "runs the project's own migration files from sql/migrations/",
    ("pipeline/report.py", "install"): "creates report views from the project's own files in sql/reports/",
    ("pipeline/report.py", "run"): "runs the project's own report query files; values bound as %(name)s",
    ("pipeline/load.py", "_write_rows"): "COPY into a staging table whose name the loader passes as a constant",
    ("pipeline/loadbench.py", "execute"): "a timing cursor's override: passes on whatever pipeline.load executes",
    ("pipeline/loadbench.py", "copy"): "a timing cursor's override: passes on whatever pipeline.load copies",
}
_UNKNOWN = ast.Name(id="<unknown>")  # a binding the scan cannot follow: never safe


class _Scope:
    def __init__(self, tree: ast.AST, parent: _Scope | None = None) -> None:
        self.parent = parent
        self.bindings: dict[str, list[ast.AST]] = {}
        for node in ast.walk(tree) if parent is None else _own_nodes(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.bindings.setdefault(target.id, []).append(node.value)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                self.bindings.setdefault(node.target.id, []).append(node.value)
            elif isinstance(node, (ast.For, ast.comprehension)):
                self._bind_loop(node.target, node.iter)

    def _bind_loop(self, target: ast.AST, iterable: ast.AST) -> None:
        """`for a, b, query in TABLE:` binds each name to the matching item of every element of TABLE."""
        elements = self._elements(iterable, set())
        if isinstance(target, ast.Name):
            self.bindings.setdefault(target.id, []).extend(elements or [_UNKNOWN])
        elif isinstance(target, ast.Tuple):
            for i, name in enumerate(target.elts):
                if isinstance(name, ast.Name):
                    values = [e.elts[i] if isinstance(e, ast.Tuple) and len(e.elts) > i else _UNKNOWN for e in elements]
                    self.bindings.setdefault(name.id, []).extend(values or [_UNKNOWN])

    def _elements(self, node: ast.AST, seen: set[str]) -> list[ast.AST]:
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return list(node.elts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._elements(node.left, seen) + self._elements(node.right, seen)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
            return [node.elt]
        if isinstance(node, ast.Name) and node.id not in seen:
            values = self.lookup(node.id) or []
            return [e for v in values for e in self._elements(v, seen | {node.id})] if values else []
        return [_UNKNOWN]

    def lookup(self, name: str) -> list[ast.AST] | None:
        if name in self.bindings:
            return self.bindings[name]
        return self.parent.lookup(name) if self.parent else None


def _own_nodes(function: ast.AST):
    """Nodes of a function body, not of functions nested inside it."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))


def _is_sql_composition(node: ast.AST) -> bool:
    """`sql.SQL(...)`, `sql.SQL(...).format(...)`, `sql.SQL(", ").join(...)`, `sql.Composed([...])`."""
    while isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("SQL", "Composed") and isinstance(func.value, ast.Name) \
                and func.value.id == "sql":
            return True
        node = func.value if isinstance(func, ast.Attribute) else None
    return False


def safe(node: ast.AST, scope: _Scope, seen: frozenset[str] = frozenset()) -> bool:
    """True when `node` can only evaluate to constant SQL text or a psycopg composition."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return all(safe(v.value, scope, seen) if isinstance(v, ast.FormattedValue) else True for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return safe(node.left, scope, seen) and safe(node.right, scope, seen)
    if isinstance(node, ast.IfExp):
        return safe(node.body, scope, seen) and safe(node.orelse, scope, seen)
    if isinstance(node, ast.Name):
        if node.id in seen:
            return False
        values = scope.lookup(node.id)
        return bool(values) and all(safe(v, scope, seen | {node.id}) for v in values)
    return _is_sql_composition(node)


def violations(path: Path, root: Path = ROOT) -> list[str]:
    rel = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    module = _Scope(tree)
    found: list[str] = []

    def visit(node: ast.AST, scope: _Scope, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(child, _Scope(child, scope), child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) \
                    and child.func.attr in DRIVER_METHODS and child.args:
                if not safe(child.args[0], scope) and (rel, function) not in ALLOWED and (rel, "*") not in ALLOWED:
                    found.append(f"{rel}:{child.lineno} in {function}(): {ast.unparse(child.args[0])[:80]}")
            visit(child, scope, function)

    visit(tree, module, "<module>")
    return found


def test_no_string_built_sql_in_the_pipeline():
    problems = [v for path in SCANNED for v in violations(path)]
    assert problems == [], "SQL built from runtime strings (use %s parameters or psycopg.sql):\n" + "\n".join(problems)


def test_the_scan_sees_the_driver_calls():
    """Guard against a scan that silently matches nothing."""
    calls = 0
    for path in SCANNED:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in DRIVER_METHODS:
                calls += 1
    assert calls >= 40


@pytest.mark.parametrize("code, ok", [
    ('conn.execute("SELECT 1 WHERE x = %s", (v,))', True),
    ('Q = "SELECT 1"\nconn.execute(Q)', True),
    ('COLS = "a, b"\nQ = f"SELECT {COLS} FROM t"\nconn.execute(Q)', True),
    ('conn.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(name)))', True),
    ('conn.execute(sql.SQL(", ").join(parts))', True),
    ('conn.execute(f"SELECT * FROM t WHERE name = \'{name}\'")', False),
    ('conn.execute("SELECT * FROM t WHERE id = %s" % ident)', False),
    ('conn.execute("SELECT * FROM " + table)', False),
    ('conn.execute("SELECT {}".format(x))', False),
    ('def f(t):\n    q = "SELECT * FROM " + t\n    cur.executemany(q, rows)', False),
    ('def f(t):\n    q = "SELECT 1"\n    if t:\n        q = t\n    cur.execute(q)', False),
    ('CHECKS = [("a", "SELECT 1"), ("b", "SELECT 2")]\nfor name, q in CHECKS:\n    conn.execute(q)', True),
    ('def f(extra):\n    for name, q in [("a", "SELECT 1"), ("b", extra)]:\n        conn.execute(q)', False),
    ('def f(rows):\n    for q in rows:\n        conn.execute(q)', False),
])
def test_the_scanner_tells_bound_from_built(tmp_path, code, ok):
    path = tmp_path / "pipeline" / "sample.py"
    path.parent.mkdir()
    path.write_text(code, encoding="utf-8")
    assert (violations(path, tmp_path) == []) is ok
