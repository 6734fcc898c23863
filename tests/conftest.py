"""Shared fixtures: the built-in rules, the shared evaluation material, CLI runner."""
from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from kliping.cleaner import clean_text, load_rules

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"

# The tests (and the commands they start) keep compiled patterns in a cache of their own,
# not in the user's (regex_cache.cache_dir).
if "KLIPING_CACHE_DIR" not in os.environ:
    os.environ["KLIPING_CACHE_DIR"] = tempfile.mkdtemp(prefix="kliping-test-cache-")
    atexit.register(shutil.rmtree, os.environ["KLIPING_CACHE_DIR"], True)


@pytest.fixture(scope="session")
def rules():
    return load_rules()


@pytest.fixture(scope="session")
def shared():
    """The ../shared evaluation material; tests using it skip on a clone without it."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


def ingest_samples(path: Path) -> Path:
    """`kliping ingest samples/ --db path`, asserted to succeed; returns `path`."""
    from kliping.cli import main

    result = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """An archive of the five seed scrapes, one per test module."""
    return ingest_samples(tmp_path_factory.mktemp("archive") / "kliping.db")


def kliping(*args, input=None):
    """Run the kliping CLI in-process on `args` (paths and numbers too); returns the click
    Result (stdout, stderr apart). Exceptions propagate, so a crash fails with its traceback."""
    from kliping.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture
def run_cli():
    """`kliping` as a fixture, for tests that take their helpers as arguments."""
    return kliping


@pytest.fixture
def db_path(tmp_path):
    """Where a test's own archive goes (not created)."""
    return tmp_path / "kliping.db"


def rules_dir(tmp_path: Path, text: str, name: str = "acme.toml") -> Path:
    """A folder `tmp_path/rules` holding one rule file `name` with `text`; returns the folder."""
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, "utf-8")
    return d


def sql_value(db: Path, sql: str):
    """The first column of the first row `sql` returns from the SQLite file `db`."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def norm(text: str | None) -> str:
    """Return `text` NFKC-folded with runs of white space as one space (as the scorer does)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


def known_failures_marked(names, failures: dict[str, str]) -> list:
    """pytest params for `names`; one named in `failures` is a strict xfail giving its reason."""
    return [pytest.param(s, id=s, marks=(pytest.mark.xfail(reason=failures[s], strict=True),)
                         if s in failures else ()) for s in names]


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def clean_generic(text: str, rules):
    """A text scrape cleaned under the generic rule: what a site without a rule gets."""
    return clean_text(text, rules=rules, outlet="generic")
