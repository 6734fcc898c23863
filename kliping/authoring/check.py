"""Check rule files and report every problem at once (`kliping rules check`).

Loading (rules.py) stops at a file's first problem; this collects them all, each with
file:line:column and a hint: TOML syntax, keys and types against rules/rule.schema.json,
regular expressions, unknown placeholders, HTML selectors, `extends` naming no rule,
hosts claimed by two rules, and the `# CHECK:` marks `kliping rules new` leaves for the
author to confirm.
"""
from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import jsonschema

from ..cleaner.regex_safety import SAFETY_HINT as _SAFETY_HINT, why_unsafe
from ..cleaner.rule_loader import extends_problem, rule_files, rule_schema
from ..cleaner.rules import GENERIC, HTML_KEYS, PATTERN_KEYS, PLACEHOLDERS, expand
from ..cleaner.selectors import SelectorSyntaxError, compile_selector
from .positions import Positions, scan_positions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ERROR, WARNING = "error", "warning"
#: The mark `kliping rules new` puts on each guess.
CHECK_MARK = re.compile(r"#\s*CHECK:")
_PLACEHOLDER = re.compile(r"(?<!\\)\{([A-Za-z_]\w*)\}")
_REGEX_HINT = ("Python regular expression syntax: escape a literal . ( ) [ ] { } ? * + | ^ $ "
               "with a backslash, and write patterns in 'single quotes' so backslashes stay as typed")


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a rule file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return text + (f"\n    hint: {self.hint}" if self.hint else "")

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column,
                "severity": self.severity, "message": self.message, "hint": self.hint}


def dotted(path: Iterable) -> str:
    """Render a key path: ("tests", 0, "expect", "title") → tests[0].expect.title."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


# ------------------------------------------------------------------ one file

def check_rule_text(text: str, where: str) -> list[Problem]:
    """Return every problem of one rule file's `text` (`where` names it)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [_toml_problem(exc, where)]
    positions = scan_positions(text)
    problems = _schema_problems(data, positions, where)
    problems += _pattern_problems(data, positions, where)
    problems += _selector_problems(data, positions, where)
    problems += _check_marks(text, where)
    return sorted(problems, key=lambda p: (p.line, p.column))


def check_rule_file(path: str | Path) -> list[Problem]:
    """Return every problem of the rule file at `path`."""
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(str(path), 1, 1, f"cannot read rule file: {exc}",
                        "rule files are UTF-8 text named ID.toml")]
    return check_rule_text(text, str(path))


def _toml_problem(exc: Exception, where: str) -> Problem:
    at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    line, col = (int(at.group(1)), int(at.group(2))) if at else (1, 1)
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
    hint = "TOML syntax: key = value, [section], strings in quotes, lists in [ ]"
    if "escape" in message.lower() or "\\" in message:
        hint = "in \"double quotes\" a backslash starts an escape; write patterns in 'single quotes'"
    return Problem(where, line, col, f"not valid TOML: {message}", hint)


def _schema_problems(data: dict, positions: Positions, where: str) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(rule_schema())
    problems = []
    for err in validator.iter_errors(data):
        path = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            allowed = sorted(err.schema.get("properties", {}))
            for extra in sorted(set(err.instance) - set(allowed)):
                line, col = positions.where(path + (extra,), value_first=False)
                close = difflib.get_close_matches(extra, allowed, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                hint += f"allowed here: {', '.join(allowed)}"
                problems.append(Problem(where, line, col, f"unknown key {dotted(path + (extra,))!r}", hint))
            continue
        line, col = positions.where(path)
        hint = err.schema.get("description", "")
        if err.validator == "enum":
            hint = "one of: " + ", ".join(map(repr, err.validator_value))
        elif err.validator == "required":
            hint = "each [[tests]] case needs name, input and a [tests.expect] table"
        problems.append(Problem(where, line, col, f"{dotted(path)}: {err.message}", hint))
    return problems


def _pattern_lists(data: dict):
    """Yield (key path, list of patterns) for every pattern list present in `data`."""
    for key in ("fingerprints", "generators"):
        if isinstance(data.get(key), list):
            yield (key,), data[key]
    for section, key in PATTERN_KEYS:
        table = data.get(section)
        if isinstance(table, dict) and isinstance(table.get(key), list):
            yield (section, key), table[key]


def _pattern_problems(data: dict, positions: Positions, where: str) -> list[Problem]:
    problems = []
    for path, sources in _pattern_lists(data):
        for i, source in enumerate(sources):
            if not isinstance(source, str):
                continue  # the schema reports it
            item = path + (i,)
            line, col = positions.where(item)
            for name in _PLACEHOLDER.findall(source):
                if "{" + name + "}" not in PLACEHOLDERS:
                    problems.append(Problem(
                        where, line, col + source.index("{" + name + "}") if item in positions.literal else col,
                        f"{dotted(path)}: unknown placeholder {{{name}}}",
                        "placeholders: " + ", ".join(PLACEHOLDERS) + r"; write \{ for a literal brace",
                        WARNING))
            try:
                re.compile(expand(source))
            except re.error as exc:
                at = col
                if item in positions.literal and exc.pos is not None:
                    try:  # the position in the source, before placeholders were expanded
                        re.compile(source)
                    except re.error as raw:
                        at = col + (raw.pos or 0)
                problems.append(Problem(where, line, at,
                                        f"{dotted(path)}: bad regular expression {source!r}: {exc.msg}",
                                        _REGEX_HINT))
            else:
                if why := why_unsafe(expand(source)):
                    problems.append(Problem(where, line, col, f"{dotted(path)}: {source!r} {why}",
                                            _SAFETY_HINT))
    return problems


def _selector_problems(data: dict, positions: Positions, where: str) -> list[Problem]:
    html = data.get("html")
    if not isinstance(html, dict):
        return []
    problems = []
    for key in HTML_KEYS:
        for i, source in enumerate(html.get(key) or []):
            if not isinstance(source, str):
                continue
            try:
                compile_selector(source)
            except SelectorSyntaxError as exc:
                line, col = positions.where(("html", key, i))
                problems.append(Problem(
                    where, line, col, f"html.{key}: bad selector {source!r}: {exc}",
                    "a CSS selector (div.detail p, meta[property='og:title']@content) or an "
                    "XPath starting with / or (, optionally ending in @attribute"))
    return problems


def _check_marks(text: str, where: str) -> list[Problem]:
    problems = []
    for n, line in enumerate(text.splitlines(), 1):
        m = CHECK_MARK.search(line)
        if m:
            problems.append(Problem(
                where, n, m.start() + 1, "unconfirmed guess: " + line[m.end():].strip(),
                "confirm the line it marks (and delete the mark) or fix it", WARNING))
    return problems


# ------------------------------------------------------------------ a set of files

def check_rule_set(files: dict[str, Path], checked: Iterable[Path]) -> list[Problem]:
    """Return problems between the rules in force (`files`, id → file): `extends` naming
    no rule, and hosts claimed twice. Only problems located in `checked` are returned."""
    checked = {Path(p).resolve() for p in checked}
    hosts: dict[str, list[tuple[str, Path, Path]]] = {}
    problems = []
    read = {rule_id: _read_quietly(path) for rule_id, path in files.items()}
    parents = {rule_id: _parent(rule_id, data or {}) for rule_id, (_, data) in read.items()}
    for rule_id, path in files.items():
        text, data = read[rule_id]
        if data is None:
            continue
        positions = scan_positions(text)
        here = Path(path).resolve() in checked
        problem = extends_problem(rule_id, parents) if here and isinstance(data.get("extends"), str) else None
        if problem:
            line, col = positions.where(("extends",))
            hint = (f"rules in force: {', '.join(files)}; false for none" if problem.startswith("extends unknown")
                    else "a rule's parent must not extend it back: end the chain at generic or false")
            problems.append(Problem(str(path), line, col, problem, hint))
        for i, host in enumerate(data.get("hosts") or []):
            if isinstance(host, str):
                hosts.setdefault(host.lower().removeprefix("www."), []).append((rule_id, path, i))
    for host, owners in sorted(hosts.items()):
        problems += _host_overlaps(host, owners, hosts, checked)
    return problems


def _parent(rule_id: str, data: dict) -> str | None:
    """The id of the rule `rule_id` extends (generic unless it says otherwise)."""
    parent = data.get("extends", None if rule_id == GENERIC else GENERIC)
    return parent if isinstance(parent, str) else None


def _host_overlaps(host, owners, hosts, checked) -> list[Problem]:
    problems = []
    for rule_id, path, i in owners:
        if Path(path).resolve() not in checked:
            continue
        line, col = scan_positions(Path(path).read_text("utf-8")).where(("hosts", i))
        others = [(o, p) for o, p, _ in owners if o != rule_id]
        if others:
            names = ", ".join(f"{o} ({p})" for o, p in others)
            problems.append(Problem(str(path), line, col, f"host {host!r} is also claimed by {names}",
                                    "a host belongs to one rule: remove it from one of the files"))
        parents = [(h, o) for h, os_ in hosts.items() if host.endswith("." + h)
                   for o, _, _ in os_ if o != rule_id]
        for parent, other in parents:
            problems.append(Problem(
                str(path), line, col,
                f"host {host!r} lies inside {parent!r} of rule {other}: this rule wins for it",
                "fine when this outlet is a section with its own layout; else remove it", WARNING))
    return problems


def _read_quietly(path: Path) -> tuple[str, dict | None]:
    try:
        text = Path(path).read_text("utf-8")
        return text, tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "", None  # check_rule_file reports it


def check_rules(paths: Iterable[str | Path], base_dirs: Iterable[str | Path | None]) -> list[Problem]:
    """Check rule files and directories `paths` one by one, then as a set merged over
    the rules of `base_dirs` (a file replaces the base rule of the same id)."""
    targets: list[Path] = []
    for p in map(Path, paths):
        targets += sorted(p.glob("*.toml")) if p.is_dir() else [p]
    problems = []
    for target in targets:
        problems += check_rule_file(target)
    files = rule_files(*base_dirs)
    for target in targets:
        files[target.stem] = target
    if GENERIC in files:
        problems += check_rule_set(files, targets)
    return sorted(problems, key=lambda p: (p.path, p.line, p.column))
