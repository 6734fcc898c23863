"""Run the test cases a rule file carries (`[[tests]]`) and its fixture files, and say
what differs.

An expectation of `false` means the field must be empty (TOML has no null). `outlet`
defaults to the rule's own id: a case also checks that its input is recognised.

Fixture files live in a directory named after the rule, next to its file:
`rules/kompas.toml` → `rules/kompas/NAME.txt` (or `.html`), a whole scrape, with
`rules/kompas/NAME.json` beside it holding the expectations — the keys of
`[tests.expect]`, plus an optional "url" the scrape was fetched from.
"""
from __future__ import annotations

import copy
import difflib
import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from ..cleaner.html import NotAnArticle
from ..cleaner.pipeline import clean_text
from ..cleaner.rules import Rule, RuleSet
from ..cleaner.rule_loader import rule_schema
from ..cleaner.settings import DEFAULT_SETTINGS, Settings

#: Scrape files of a rule's fixture directory, and the content type each is read as.
FIXTURE_SUFFIXES = {".txt": "text/plain", ".html": "text/html", ".htm": "text/html"}

_LIST_FIELDS = ("author", "related", "captions", "tags")
_FIELDS = ("title", "published", "dateline", "editor", "language", "description", "section", "text")


@dataclass(frozen=True, slots=True)
class CaseResult:
    """The outcome of one rule test case: `failures` is empty when it passed."""

    rule: str
    name: str
    failures: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.failures


def _diff(want: str, got: str) -> str:
    lines = difflib.unified_diff(
        want.splitlines(), got.splitlines(), "expected", "actual", lineterm="", n=1)
    return "\n".join(lines)


def run_case(rule: Rule, case: dict, rules: RuleSet, settings: Settings = DEFAULT_SETTINGS) -> CaseResult:
    """Clean the case's input with matching as a user would get it, compare to `expect`."""
    text = case["input"].lstrip("\n")
    try:
        article = clean_text(text, source=f"{rule.id}:{case['name']}", url=case.get("url"),
                             rules=rules, settings=settings,
                             content_type=case.get("content_type", "text/plain")).to_dict()
    except NotAnArticle as exc:
        return CaseResult(rule.id, case["name"], (f"not cleaned: not an article: {exc}",))
    expect = case["expect"]
    failures: list[str] = []
    want_outlet = expect.get("outlet", rule.id)
    if article["outlet"] != want_outlet:
        failures.append(f"outlet: expected {want_outlet!r}, got {article['outlet']!r}")
    for key in _FIELDS:
        if key not in expect:
            continue
        want = expect[key] if expect[key] is not False else None
        got = article[key] or None
        if want != got:
            if key == "text" and want and got:
                failures.append("text differs:\n" + _diff(want, got))
            else:
                failures.append(f"{key}: expected {want!r}, got {got!r}")
    for key in _LIST_FIELDS:
        if key in expect and list(expect[key]) != article[key]:
            failures.append(f"{key}: expected {expect[key]!r}, got {article[key]!r}")
    searchable = (article["title"] or "") + "\n" + article["text"]
    for needle in expect.get("text_contains", []):
        if needle not in article["text"]:
            failures.append(f"text does not contain {needle!r}")
    for needle in expect.get("must_not_contain", []):
        if needle in searchable:
            failures.append(f"text or title contains {needle!r}")
    return CaseResult(rule.id, case["name"], tuple(failures))


def fixture_dir(rule: Rule) -> Path:
    """Return the directory of `rule`'s fixture files: its file's path without .toml."""
    return Path(rule.path).with_suffix("")


def _fixture_schema() -> dict:
    schema = copy.deepcopy(rule_schema()["properties"]["tests"]["items"]["properties"]["expect"])
    schema["properties"]["url"] = {"type": "string"}
    return schema


def fixture_cases(rule: Rule) -> list[dict | CaseResult]:
    """Return the cases of `rule`'s fixture files, or a failed result for a scrape whose
    expectations are missing or malformed."""
    folder = fixture_dir(rule)
    if not folder.is_dir():
        return []
    cases: list[dict | CaseResult] = []
    for scrape in sorted(folder.iterdir()):
        if scrape.suffix.lower() not in FIXTURE_SUFFIXES:
            continue
        name = f"{folder.name}/{scrape.name}"
        expected = scrape.with_suffix(".json")
        try:
            expect = json.loads(expected.read_text("utf-8"))
            jsonschema.validate(expect, _fixture_schema())
        except FileNotFoundError:
            cases.append(CaseResult(rule.id, name, (f"no expectations: write {expected}",)))
            continue
        except (ValueError, jsonschema.ValidationError) as exc:
            message = getattr(exc, "message", str(exc))
            cases.append(CaseResult(rule.id, name, (f"{expected}: {message}",)))
            continue
        url = expect.pop("url", None)
        cases.append({"name": name, "input": scrape.read_text("utf-8"), "url": url,
                      "content_type": FIXTURE_SUFFIXES[scrape.suffix.lower()], "expect": expect})
    return cases


def count_cases(rule: Rule) -> tuple[int, int]:
    """Return how many [[tests]] cases and fixture files `rule` has."""
    return len(rule.tests), len(fixture_cases(rule))


def run_rule_cases(rules: RuleSet, ids: list[str] | None = None,
                   settings: Settings = DEFAULT_SETTINGS) -> list[CaseResult]:
    """Run every case and fixture file of the rules named by `ids` (all when None)."""
    results = []
    for rule in rules:
        if ids and rule.id not in ids:
            continue
        for case in rule.tests:
            results.append(run_case(rule, case, rules, settings))
        for case in fixture_cases(rule):
            done = case if isinstance(case, CaseResult) else run_case(rule, case, rules, settings)
            results.append(done)
    return results
