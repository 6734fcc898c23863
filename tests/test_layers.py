"""The layout keeps its layers: the cleaner is a pure library (it imports nothing of the
archive, the CLI, databases or the rule-writing tools); the archive and Spark never import
the CLI; and no module of kliping imports, however indirectly, one that imports it back."""
import ast
from pathlib import Path

import kliping
import kliping.cleaner

ROOT = Path(kliping.__file__).parent

#: What each layer must not import (prefixes of module names).
FORBIDDEN = {
    "kliping.cleaner": ("kliping.archive", "kliping.cli", "kliping.spark", "kliping.authoring",
                        "kliping.signature", "sqlite3", "sqlite_utils", "click", "datasette",
                        "requests", "urllib.request", "http", "socket"),
    "kliping.archive": ("kliping.cli", "kliping.spark", "kliping.authoring"),
    "kliping.spark": ("kliping.cli", "kliping.archive.cli", "kliping.authoring"),
    "kliping.authoring": ("kliping.archive", "kliping.cli", "kliping.spark"),
}


def modules() -> dict[str, Path]:
    """Every module of kliping by its dotted name (a package by its own name)."""
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = ("kliping",) + path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]):
    """The modules `name` imports, at its top or inside functions: a `from X import y`
    counts as importing X.y when that is a module, else X."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                yield sub if sub in known else module


def graph() -> dict[str, set[str]]:
    """Module → the modules importing it runs: what it imports, and the packages those
    sit in (Python runs a package's __init__ first), its own packages aside."""
    known = modules()
    edges = {name: set() for name in known}
    for name, path in known.items():
        own = {name.rsplit(".", k)[0] for k in range(1, name.count(".") + 1)}
        for target in imports(name, path, known):
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            while target in known and target != name and target not in own:
                edges[name].add(target)
                target = target.rsplit(".", 1)[0]
    return edges


def test_no_layer_imports_what_it_must_not():
    known = modules()
    bad = []
    for name, path in known.items():
        rules = [banned for layer, banned in FORBIDDEN.items() if name == layer or name.startswith(layer + ".")]
        for imported in imports(name, path, known):
            if any(imported == x or imported.startswith(x + ".") for banned in rules for x in banned):
                bad.append(f"{name} imports {imported}")
    assert not bad, bad


def test_no_import_circle():
    edges = graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                circles.append(path[path.index(target):] + [target] if target in path else [name, target])
            elif target not in state:
                visit(target, path + [target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert not circles, circles


def test_no_module_over_500_lines():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text("utf-8").splitlines())) > 500}
    assert not long, long


def test_public_api_is_pinned():
    assert {"Article", "clean", "load_rules", "RawDoc", "Settings"} <= set(kliping.cleaner.__all__)
    for name in kliping.cleaner.__all__:
        assert hasattr(kliping.cleaner, name)
