"""Unseen pages of the five outlets: hand-written scrapes against hand-written expectations.

Each `tests/fixtures/pages/<outlet>-<slug>.txt` is a plain-text scrape of another article or
page layout of an outlet we score on (desktop, amp and mobile layouts, subsites, regional
brands, machine-translated editions, blog mirrors); `<same-stem>.json` says, in the format
of the gold annotations, what a careful reader expects the cleaner to return. The test
cleans each page with the installed rules and compares every field the scorer looks at.

Pages the cleaner gets wrong today are listed in KNOWN_FAILURES with the cause; they are
strict xfails, so a fix to the rules turns them into failures here until the entry is
removed.
"""
from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest

from kliping.cleaner import clean, read_path

from conftest import known_failures_marked, norm

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
OUTLETS = ("kontan", "inews", "tribunnews", "voi", "blogmirror")

#: Page stem -> why the cleaner fails it today (see the rule fixes proposed for each).
KNOWN_FAILURES: dict[str, str] = {}


def differences(stem: str, rules) -> list[str]:
    """Clean one fixture page and return what differs from its expectation."""
    want = json.loads((PAGES / f"{stem}.json").read_text("utf-8"))
    got = clean(read_path(PAGES / want["sample"]), rules).to_dict()
    problems: list[str] = []

    def check(key: str, expected, actual) -> None:
        if expected != actual:
            problems.append(f"{key}: expected {expected!r}, got {actual!r}")

    check("outlet", want["outlet"], got["outlet"])
    check("title", norm(want["title"]) or None, norm(got["title"]) or None)
    for key in ("published", "dateline", "editor", "language"):
        check(key, want.get(key), got[key])
    check("description", norm(want.get("description")) or None, norm(got["description"]) or None)
    for key in ("related", "captions"):
        check(key, [norm(x) for x in want[key]], [norm(x) for x in got[key]])

    body_want = [norm(p) for p in want["body"]]
    body_got = [norm(p) for p in re.split(r"\n\s*\n", got["text"]) if norm(p)]
    if body_want != body_got:
        missing = [p for p in body_want if p not in body_got]
        extra = [p for p in body_got if p not in body_want]
        problems.append(
            f"body: {len(body_got)} paragraphs, expected {len(body_want)}; "
            f"missing {[p[:70] for p in missing]}; extra {[p[:70] for p in extra]}")

    searchable = (got["text"] + "\n" + (got["title"] or "")).lower()
    leaks = [m for m in want["must_not_contain"] if m.lower() in searchable]
    if leaks:
        problems.append(f"furniture left in title or text: {leaks}")
    if want["title"] and norm(want["title"]) in norm(got["text"]):
        problems.append("title repeated in text")
    return problems


@pytest.mark.parametrize("stem", known_failures_marked(sorted(p.stem for p in PAGES.glob("*.json")),
                                                        KNOWN_FAILURES))
def test_fixture_page(stem, rules):
    problems = differences(stem, rules)
    assert not problems, f"{stem}:\n  " + "\n  ".join(problems)


def test_every_page_has_its_expectation_and_each_outlet_three_pages():
    scrapes = {p.stem for p in PAGES.glob("*.txt")}
    expectations = {p.stem for p in PAGES.glob("*.json")}
    assert scrapes == expectations
    per_outlet = collections.Counter(
        json.loads((PAGES / f"{s}.json").read_text("utf-8"))["outlet"] for s in expectations)
    assert all(per_outlet[o] >= 3 for o in OUTLETS), per_outlet
    for stem in expectations:
        want = json.loads((PAGES / f"{stem}.json").read_text("utf-8"))
        assert stem.startswith(want["outlet"]), stem
        assert want["sample"] == f"{stem}.txt"


def test_known_failures_name_existing_pages():
    stems = {p.stem for p in PAGES.glob("*.json")}
    assert set(KNOWN_FAILURES) <= stems, set(KNOWN_FAILURES) - stems
