"""The corpus of real page texts (tests/corpus): its labels hold, and the test part,
never tuned on, scores over the bars of issue 15 with ../shared/eval/score.py."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import check  # noqa: E402
from split import CORPUS, link_part, part_of  # noqa: E402

#: Issue 15's bars on the test part.
MIN_F1 = 0.98
LEAKS_PER_PAGE = 1 / 50
FIELD_ERRORS_PER_PAGE = 1 / 10
#: What the test part holds today (README's table; 0.985, 48 leaks and 102 field errors on
#: 252 pages, 0.19 and 0.40 a page): it must not fall under these. Per page, so that
#: adding pages to the corpus keeps the check meaningful. When the bars above are
#: reached, the strict xfail below fails and these go.
HELD_F1 = 0.975
HELD_LEAKS_PER_PAGE = 0.30
HELD_FIELD_ERRORS_PER_PAGE = 0.45


def test_every_label_quotes_its_page():
    assert check.check(CORPUS) == []


def test_parts_are_fixed_by_the_address():
    urls = [json.loads(p.read_text(encoding="utf-8"))["url"] for p in (CORPUS / "gold").glob("*.json")]
    parts = [part_of(u) for u in urls]
    assert 0.25 < parts.count("test") / len(parts) < 0.5
    assert part_of("https://example.id/a") == part_of("https://example.id/a")


@pytest.fixture(scope="module")
def test_part_scores(shared, tmp_path_factory):
    """score.py's verdict on `kliping clean` of the test part: its rows and summary."""
    folder = tmp_path_factory.mktemp("corpus-test")
    pages = link_part("test", folder)
    cleaned = subprocess.run([sys.executable, "-c", "from kliping.cli import main; main()", "clean",
                              str(folder / "text"), "-q"], capture_output=True, text=True, timeout=600)
    out = folder / "out.jsonl"
    out.write_text(cleaned.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(out),
                             str(folder / "gold"), "--json"], capture_output=True, text=True, timeout=600)
    rows = json.loads(scored.stdout[: scored.stdout.rindex("}") + 1])
    summary = scored.stdout.strip().splitlines()[-1]
    assert len(rows) == pages
    return rows, summary


def _totals(rows: dict) -> tuple[float, int, int]:
    mean = sum(r.get("f1", 0.0) for r in rows.values()) / len(rows)
    leaks = sum(len(r.get("leaks", [])) for r in rows.values())
    errors = sum(len(r.get("field_errors", [])) for r in rows.values())
    return mean, leaks, errors


def test_test_part_holds_its_level(test_part_scores):
    rows, summary = test_part_scores
    mean, leaks, errors = _totals(rows)
    assert mean >= HELD_F1, summary
    assert leaks <= len(rows) * HELD_LEAKS_PER_PAGE, summary
    assert errors <= len(rows) * HELD_FIELD_ERRORS_PER_PAGE, summary


@pytest.mark.xfail(strict=True, reason="issue 15's bars are not reached on the test part yet (README)")
def test_test_part_reaches_the_bars_of_issue_15(test_part_scores):
    rows, summary = test_part_scores
    mean, leaks, errors = _totals(rows)
    assert mean >= MIN_F1, summary
    assert leaks <= len(rows) * LEAKS_PER_PAGE, summary
    assert errors <= len(rows) * FIELD_ERRORS_PER_PAGE, summary
