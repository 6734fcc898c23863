"""Shared fixtures: the built-in rules, the shared evaluation material, CLI runner."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kliping.cleaner import load_rules

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


@pytest.fixture
def run_cli():
    """Run the kliping CLI in-process; returns the click Result (stdout, stderr apart)."""
    from kliping.cli import main

    def run(*args, input=None):
        runner = CliRunner()
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
