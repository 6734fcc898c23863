"""The cleaner is a pure library: it imports nothing of the archive, databases or CLI."""
import ast
from pathlib import Path

import kliping.cleaner

FORBIDDEN = ("kliping.archive", "kliping.cli", "sqlite3", "sqlite_utils", "click", "datasette",
             "requests", "urllib.request", "http", "socket")


def imports(path: Path, package: str):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                yield f"{base}.{node.module}" if node.module else base
            else:
                yield node.module


def test_cleaner_imports_nothing_outside_its_layer():
    root = Path(kliping.cleaner.__file__).parent
    bad = []
    for f in sorted(root.rglob("*.py")):
        package = ".".join(("kliping", "cleaner") + f.relative_to(root).parent.parts)
        for name in imports(f, package):
            if any(name == x or name.startswith(x + ".") for x in FORBIDDEN):
                bad.append(f"{f.name}: {name}")
    assert not bad, bad


def test_public_api_is_pinned():
    assert {"Article", "clean", "load_rules", "RawDoc", "Settings"} <= set(kliping.cleaner.__all__)
    for name in kliping.cleaner.__all__:
        assert hasattr(kliping.cleaner, name)
