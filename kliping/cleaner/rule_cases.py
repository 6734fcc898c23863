"""Run the test cases a rule file carries (`[[tests]]`) and say what differs.

An expectation of `false` means the field must be empty (TOML has no null). `outlet`
defaults to the rule's own id: a case also checks that its input is recognised.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .pipeline import clean_text
from .rules import Rule, RuleSet
from .settings import DEFAULT_SETTINGS, Settings

_LIST_FIELDS = ("author", "related", "captions")
_FIELDS = ("title", "published", "dateline", "editor", "language", "description", "text")


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
    article = clean_text(text, source=f"{rule.id}:{case['name']}", url=case.get("url"),
                         rules=rules, settings=settings).to_dict()
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


def run_rule_cases(rules: RuleSet, ids: list[str] | None = None,
                   settings: Settings = DEFAULT_SETTINGS) -> list[CaseResult]:
    """Run every case of the rules named by `ids` (all rules when None)."""
    results = []
    for rule in rules:
        if ids and rule.id not in ids:
            continue
        for case in rule.tests:
            results.append(run_case(rule, case, rules, settings))
    return results
