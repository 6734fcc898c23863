"""Reading rule files: `rules/*.toml` (and the user's directories) validated strictly
against the JSON Schema, every pattern compiled and checked for catastrophic
backtracking, `extends` resolved; a bad file raises RuleError naming the file, the line
and the offending key."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .. import __version__
from . import regex_cache, user_cache
from .rules import GENERIC, HTML_KEYS, PATTERN_KEYS, Pattern, Rule, RuleError, RuleSet, expand

if TYPE_CHECKING:
    from .selectors import Selector



def _tomllib():
    """The TOML reader, imported when a rule file is read rather than taken from the cache."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def builtin_rules_dir() -> Path:
    """Return the directory of the rules shipped with the package."""
    return Path(str(builtin_rules()))


def builtin_rules():
    """The shipped rules as the package holds them: a directory, or a folder inside a
    zip when the package travels as one (`spark-submit --py-files kliping.zip`; only
    then is importlib.resources, 10 ms to import, needed)."""
    here = Path(__file__).parent.parent / "rules"
    if here.is_dir():
        return here
    from importlib import resources

    return resources.files("kliping") / "rules"


_SCHEMA: dict | None = None


def rule_schema() -> dict:
    """Return the JSON Schema of rule files (also usable by editors)."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = json.loads((builtin_rules() / "rule.schema.json").read_text(encoding="utf-8"))
    return _SCHEMA


def locate(text: str, path: tuple, value: Any = None) -> int:
    """Return the 1-based line where `path` (a key path) or `value` sits in TOML `text`."""
    lines = text.splitlines()
    if isinstance(value, str):
        for needle in (value, json.dumps(value)[1:-1], value.replace("\\", "\\\\")):
            for i, line in enumerate(lines, 1):
                if needle and needle in line:
                    return i
    keys = [k for k in path if isinstance(k, str)]
    section_line = 0
    if len(keys) > 1:
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(keys[0]) + r"\s*\]?\]")
        section_line = next((i for i, line in enumerate(lines, 1) if header.match(line)), 0)
    if keys:
        key = re.compile(r"^\s*(?:" + re.escape(keys[-1]) + r"|\[+\s*" + re.escape(keys[-1]) + r")\b")
        for i, line in enumerate(lines[section_line:], section_line + 1):
            if key.match(line):
                return i
    return section_line or 1


def _compile(source: str, key: str, rule_id: str, where: str, text: Callable[[], str], path: tuple,
             checked: bool = False) -> Pattern:
    """Compile one pattern of a rule file; RuleError naming its line when it is no regular
    expression or could run up (regex_safety), unless `checked` (a shipped rule's).
    `text`: the file's text, for the line of a mistake."""
    try:
        regex = regex_cache.compile(expand(source), re.MULTILINE if key == "fingerprints" else 0)
    except re.error as exc:
        line = locate(text(), path, source)
        raise RuleError(f"{where}:{line}: {key}: bad regular expression {source!r}: {exc}") from None
    if not checked:
        from .regex_safety import why_unsafe  # here: only users' rules are checked as they load

        if why := why_unsafe(regex.pattern):
            line = locate(text(), path, source)
            raise RuleError(f"{where}:{line}: {key}: {source!r} {why}")
    return Pattern(key=key, source=source, regex=regex, rule=rule_id)


#: Where a rule file's test cases begin: they come last (a rule reads like the page, top
#: to bottom, then its tests), cleaning never needs them, and they are most of the file.
_TESTS_START = re.compile(r"^\[\[tests\]\][ \t]*(?:#.*)?$", re.M)
#: A line that may be a table header (`[html]`, `[[tests]]`, `["quoted"]`); a line of a
#: multi-line string may look like one, which only costs the short cut.
_TABLE_HEADER = re.compile(
    r"""^\[\[?[ \t]*(?:["']|[\w-]+(?:[ \t]*\.[ \t]*[\w-]+)*[ \t]*\]\]?[ \t]*(?:#.*)?$)""", re.M)
_TESTS_HEADER = re.compile(r"^\[\[?[ \t]*tests[ \t]*[.\]]")


def _read(path: Path, without_tests: bool = False) -> tuple[str, dict]:
    """A rule file's text and its TOML; RuleError naming what is wrong. `without_tests`:
    leave out the [[tests]] at the file's end when nothing but tests follows them (read
    later, in full, by `_toml`), so that loading the shipped rules parses a quarter of
    their text."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{where}: cannot read rule file: {exc}") from None
    if without_tests and (start := _TESTS_START.search(text)):
        headers = _TABLE_HEADER.finditer(text, start.start())
        if all(_TESTS_HEADER.match(h.group()) for h in headers):
            tomllib = _tomllib()
            try:
                return text, tomllib.loads(text[:start.start()])
            except tomllib.TOMLDecodeError:
                pass  # "[[tests]]" inside a string above: read the whole file
    return text, _toml(text, where)


def _toml(text: str, where: str) -> dict:
    """Parse a rule file's text; RuleError naming the place of a TOML error."""
    tomllib = _tomllib()
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        place = f"{where}:{at.group(1)}:{at.group(2)}" if at else where
        raise RuleError(f"{place}: not valid TOML: {exc}") from None


def parse_rule_file(path: Path, parent: Rule | None = None, shipped: bool = False,
                    read: tuple[str | None, dict] | None = None) -> Rule:
    """Read, validate and compile one rule file; raise RuleError naming what is wrong.

    A `shipped` rule (one of the package's own, checked by the test suite and `kliping
    rules check`) is not validated again (schema, regex safety), and its line patterns and selectors are
    compiled when a document first uses the rule: a run pays for the rules it uses (one
    scrape: its outlet's and generic's), not for all of them. Its fingerprints, which
    pick a rule for every document, are compiled at once. `read`: the file's text and
    TOML when the caller has them (the text None when the TOML came from the cache: read
    if a mistake's line or the tests are asked for)."""
    where = str(path)
    text_read, data = read or _read(path)

    def text() -> str:
        return text_read if text_read is not None else path.read_text(encoding="utf-8")

    if not shipped:
        _validate(data, text(), where)
    rule_id = Path(path.name).stem

    def compiled(key: str, path_in_file: tuple) -> Callable[[str], Pattern]:
        return lambda source: _compile(source, key, rule_id, where, text, path_in_file, checked=shipped)

    sources = {f"{section}.{key}": (data.get(section, {}).get(key, []), compiled(f"{section}.{key}", (section, key)))
               for section, key in PATTERN_KEYS}
    own = LazyValues(sources)
    fingerprints = tuple(map(compiled("fingerprints", ("fingerprints",)), data.get("fingerprints", [])))
    generators = tuple(map(compiled("generators", ("generators",)), data.get("generators", [])))
    html = data.get("html", {})
    own_html = LazyValues({key: (html.get(key, []), _selector_compiler(key, where, text)) for key in HTML_KEYS})
    if not shipped:  # a user's rule: every mistake found now, with its line
        own.compile_all()
        own_html.compile_all()
    headline = data.get("headline", {})
    return Rule(
        id=rule_id,
        path=where,
        name=data.get("name", rule_id),
        language=data.get("language"),
        timezone=data.get("timezone", parent.timezone if parent else "WIB"),
        hosts=tuple(h.lower().removeprefix("www.") for h in data.get("hosts", [])),
        fingerprints=fingerprints,
        priority=data.get("priority", 0),
        title=headline.get("title", parent.title if parent else "first-line"),
        description=headline.get("description", parent.description if parent else "none"),
        own=own,
        read_tests=(lambda: tuple(data.get("tests", []))) if "tests" in data or not shipped else
                   (lambda: tuple(_toml(text(), where).get("tests", []))),
        own_html=own_html,
        generators=generators,
        strip_id_or_class=tuple(html.get("strip_id_or_class", [])),
        teasers=data.get("body", {}).get("teasers", parent.teasers if parent else True),
        parent=parent,
        data=data,
    )


def _selector_compiler(key: str, where: str, text: Callable[[], str]) -> Callable[[str], Selector]:
    def compiled(source: str) -> Selector:
        from .selectors import SelectorSyntaxError, compile_selector  # lxml: for pages only

        try:
            return compile_selector(source)
        except SelectorSyntaxError as exc:
            line = locate(text(), ("html", key), source)
            raise RuleError(f"{where}:{line}: html.{key}: {exc}") from None
    return compiled


class LazyValues(Mapping):
    """A rule's patterns (or selectors) by key, each key's compiled when first asked for."""

    def __init__(self, sources: dict[str, tuple[list[str], Callable[[str], Any]]]):
        self._sources = sources
        self._done: dict[str, tuple] = {}

    def __getitem__(self, key: str) -> tuple:
        done = self._done.get(key)
        if done is None:
            if key not in self._sources:
                raise KeyError(key)
            items, compile_one = self._sources[key]
            done = self._done[key] = tuple(map(compile_one, items))
        return done

    def __iter__(self):
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def compile_all(self) -> None:
        for key in self._sources:
            self[key]


def _validate(data: dict, text: str, where: str) -> None:
    """Check a rule's TOML against the JSON Schema; RuleError at the first problem's line."""
    import jsonschema  # here: only users' rule files are validated when loaded

    validator = jsonschema.Draft202012Validator(rule_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = errors[0]
        keypath = tuple(err.absolute_path)
        if err.validator == "additionalProperties":
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            keypath = keypath + (extra[0],) if extra else keypath
            message = f"unknown key {'.'.join(map(str, keypath))!r}"
            allowed = ", ".join(sorted(err.schema.get("properties", {})))
            message += f" (allowed here: {allowed})"
        else:
            message = f"{'.'.join(map(str, keypath)) or 'rule'}: {err.message}"
        value = err.instance if isinstance(err.instance, str) else None
        line = locate(text, keypath, value)
        raise RuleError(f"{where}:{line}: {message}")


def extends_problem(rule_id: str, extends: dict[str, str | None]) -> str | None:
    """What is wrong with the `extends` chain from `rule_id` (`extends`: each rule id's
    parent id, None for none): a parent that is no rule, or a chain that comes back to
    `rule_id`; None when the chain ends."""
    chain = [rule_id]
    while (parent := extends.get(chain[-1])) is not None:
        if parent not in extends:
            return f"extends unknown rule {parent!r}" if len(chain) == 1 else None
        if parent == rule_id:
            return "extends loops: " + " -> ".join(chain + [parent])
        if parent in chain:
            return None  # a loop further on: reported for the rules in it
        chain.append(parent)
    return None


def rule_files(*dirs: str | Path | None) -> dict[str, Path]:
    """Map rule id → file over `dirs` in order; a later directory overrides an earlier one."""
    files: dict[str, Path] = {}
    for d in dirs:
        if d is None:
            continue
        if not isinstance(d, (str, Path)):  # the package's own rules, maybe inside a zip
            for f in sorted(d.iterdir(), key=lambda f: f.name):
                if f.name.endswith(".toml"):
                    files[f.name[: -len(".toml")]] = f
            continue
        d = Path(d)
        if not d.is_dir():
            raise RuleError(f"{d}: rules directory not found")
        for f in sorted(d.glob("*.toml")):
            files[f.stem] = f
    return files


class ParsedRules:
    """The shipped rule files' TOML (without their tests, as `_read` leaves them out)
    kept between runs in the user's cache (user_cache.py) by the file's path, with the
    modification time and size the file had: a file changed since, or a new kliping, is
    read again. Parsing them all costs a one-scrape run more than cleaning it."""

    MADE_BY = {"kliping": __version__, "format": 1}
    #: Files held at most (several installs' rules); past it, only this run's are kept.
    MAX_FILES = 1000

    def __init__(self):
        self.path = user_cache.cache_file(f"rules-{__version__}.json")
        held = user_cache.read(self.path, self.MADE_BY)
        self._held: dict[str, list] = held if isinstance(held, dict) else {}
        self._read_now: dict[str, list] = {}

    def read(self, f: Path) -> tuple[str | None, dict]:
        """`_read(f, without_tests=True)`, or (None, the TOML) from the cache."""
        try:
            st = os.stat(f)
            stamp = [st.st_mtime_ns, st.st_size]
        except (OSError, TypeError):  # a file inside a zip: not cached
            return _read(f, without_tests=True)
        held = self._held.get(str(f))
        if isinstance(held, list) and len(held) == 2 and held[0] == stamp and isinstance(held[1], dict):
            return None, held[1]
        text, data = _read(f, without_tests=True)
        self._read_now[str(f)] = [stamp, data]
        return text, data

    def save(self) -> None:
        """Write the cache when a file was read afresh."""
        if self._read_now:
            held = {**self._held, **self._read_now}
            user_cache.write(self.path, self.MADE_BY, held if len(held) <= self.MAX_FILES else self._read_now)
            self._held, self._read_now = held, {}


def load_rules(extra_dirs: Iterable[str | Path] | str | Path | None = None) -> RuleSet:
    """Load the built-in rules, then each of `extra_dirs` merged over them (same id wins)."""
    if isinstance(extra_dirs, (str, Path)):
        extra_dirs = [extra_dirs]
    shipped = rule_files(builtin_rules())
    files = {**shipped, **rule_files(*(extra_dirs or []))}
    if GENERIC not in files:
        raise RuleError(f"no {GENERIC}.toml among the rules")
    raw_extends: dict[str, str | None] = {}
    read: dict[str, tuple[str | None, dict]] = {}
    parsed = ParsedRules()
    for rule_id, f in files.items():
        try:
            read[rule_id] = parsed.read(f) if f is shipped.get(rule_id) else _read(f)
            data = read[rule_id][1]
        except RuleError:
            data = {}  # parse_rule_file reports the problem with its line
        ext = data.get("extends", None if rule_id == GENERIC else GENERIC)
        raw_extends[rule_id] = None if ext is False else ext
    parsed.save()
    loaded: dict[str, Rule] = {}

    for rule_id in files:
        problem = extends_problem(rule_id, raw_extends)
        if problem:
            line = locate(files[rule_id].read_text(encoding="utf-8"), ("extends",))
            raise RuleError(f"{files[rule_id]}:{line}: {problem}")

    def load(rule_id: str) -> Rule:
        if rule_id in loaded:
            return loaded[rule_id]
        parent_id = raw_extends[rule_id]
        parent = load(parent_id) if parent_id else None
        loaded[rule_id] = parse_rule_file(files[rule_id], parent, shipped=files[rule_id] is shipped.get(rule_id),
                                          read=read.get(rule_id))
        return loaded[rule_id]

    for rule_id in files:
        load(rule_id)
    return RuleSet(loaded)


_SHIPPED: tuple[tuple, RuleSet] | None = None


def shipped_rules() -> RuleSet:
    """The built-in rules, loaded once a process and again only when a shipped rule file
    changes: cleaning without a RuleSet (`clean_text(text)` in a loop) would otherwise
    read and parse every rule file for every document."""
    global _SHIPPED
    files = rule_files(builtin_rules())
    signature = tuple((rule_id, _stamp(f)) for rule_id, f in files.items())
    if _SHIPPED is None or _SHIPPED[0] != signature:
        _SHIPPED = (signature, load_rules())
    return _SHIPPED[1]


def _stamp(f) -> tuple[int, int] | None:
    """A file's modification time and size (None inside a zip, which does not change)."""
    try:
        st = os.stat(f)
    except (TypeError, OSError):
        return None
    return st.st_mtime_ns, st.st_size
