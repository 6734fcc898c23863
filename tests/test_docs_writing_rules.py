"""docs/writing-rules.md stays true: its tutorial is run block by block in a fresh folder
(files written, commands run in a shell and their output compared, the confirmed rule
file checked to differ from the scaffold only where the scaffold marked a guess), its
scrapes are the scaffold fixtures, and its reference names every key of the schema.

Fenced blocks the test reads, by their info string:
  ```text file=PATH / ```json file=PATH   written to PATH
  ```toml excerpt=PATH                     must appear, as it is, in the file at PATH
  ```toml file=PATH edits                  replaces PATH, changing only lines marked CHECK
  ```console                               "$ command" lines, each followed by its output;
                                           a line "..." stands for any lines, "…" for any text
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kliping.cleaner.rule_loader import rule_schema

from conftest import ROOT
from test_rule_scaffold import KOMPAS, assert_only_marked_lines_changed

DOC = ROOT / "docs" / "writing-rules.md"
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```[ \t]*$", re.M | re.S)


def blocks() -> list[tuple[str, dict, str]]:
    """Return the fenced blocks of the doc as (language, attributes, body)."""
    found = []
    for m in FENCE.finditer(DOC.read_text("utf-8")):
        attrs = dict(a.split("=", 1) if "=" in a else (a, True) for a in m.group(2).split())
        found.append((m.group(1), attrs, m.group(3)))
    return found


def line_matches(expected: str, actual: str) -> bool:
    parts = [re.escape(p) for p in expected.split("…")]
    return re.fullmatch(".*".join(parts), actual) is not None


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Compare outputs line by line; "..." matches any number of lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(output_matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and line_matches(expected[0], actual[0]) and output_matches(expected[1:], actual[1:])


def commands(body: str) -> list[tuple[str, list[str]]]:
    """Split a console block into (command, expected output lines)."""
    runs: list[tuple[str, list[str]]] = []
    for line in body.rstrip("\n").splitlines():
        if line.startswith("$ "):
            runs.append((line[2:], []))
        else:
            runs[-1][1].append(line.rstrip())
    return runs


def run(command: str, cwd: Path) -> list[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1",
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    done = subprocess.run(command, shell=True, cwd=cwd, env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    assert done.returncode == 0, f"$ {command}\n{done.stdout}"
    return [line.rstrip() for line in done.stdout.rstrip("\n").splitlines()]


def test_the_tutorial_runs_as_written(tmp_path):
    ran = 0
    for lang, attrs, body in blocks():
        if "excerpt" in attrs:
            assert body in (tmp_path / attrs["excerpt"]).read_text("utf-8"), attrs["excerpt"]
        elif "file" in attrs:
            target = tmp_path / attrs["file"]
            if "edits" in attrs:
                assert_only_marked_lines_changed(target.read_text("utf-8"), body)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, "utf-8")
        elif lang == "console":
            for command, expected in commands(body):
                actual = run(command, tmp_path)
                assert output_matches(expected, actual), (
                    f"$ {command}\n--- the doc says\n" + "\n".join(expected)
                    + "\n--- the command printed\n" + "\n".join(actual))
                ran += 1
    assert ran >= 10


def test_the_tutorial_scrapes_are_the_scaffold_fixtures():
    files = {attrs["file"]: body for _, attrs, body in blocks() if "file" in attrs}
    for name in sorted(p.name for p in KOMPAS.glob("*.txt")):
        assert files[f"scrapes/{name}"] == (KOMPAS / name).read_text("utf-8"), name
    expected = json.loads(files["rules/kompas/kompas-vaksin-booster.json"])
    fixture = json.loads((KOMPAS / "kompas-vaksin-booster.json").read_text("utf-8"))
    assert {k: fixture[k] for k in expected} == expected


def schema_key_names() -> list[str]:
    props = rule_schema()["properties"]
    names = []
    for key, spec in props.items():
        if key == "tests":
            item = spec["items"]["properties"]
            names += [f"tests.{k}" for k in item]
            names += [f"expect.{k}" for k in item["expect"]["properties"]]
        elif "properties" in spec:
            names += [f"{key}.{k}" for k in spec["properties"]]
        else:
            names.append(key)
    return names


@pytest.mark.parametrize("name", schema_key_names())
def test_the_reference_describes_every_key(name):
    reference = DOC.read_text("utf-8").split("## Reference", 1)[1]
    assert re.search(rf"^\| `{re.escape(name)}` \| [^|]+ \| \S", reference, re.M), name
