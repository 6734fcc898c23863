"""The archive's docs stay true (issue 19, item 7): the README's archive commands run on
the samples and every search in them finds something; docs/archive.md's schema version,
input suffixes and examples are what the program does."""
from __future__ import annotations

import os
import re
import shlex

import pytest

from conftest import ROOT, SAMPLES

README = (ROOT / "README.md").read_text("utf-8")
ARCHIVE_MD = (ROOT / "docs" / "archive.md").read_text("utf-8")


def archive_commands() -> list[tuple[list[str], str]]:
    """The README's "## Archive" example commands (argv, comment), `kliping serve` left out."""
    section = README.split("\n## Archive\n", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    commands = []
    for line in block.splitlines():
        argv = shlex.split(line, comments=True)
        if argv and argv[0] == "kliping" and argv[1] != "serve":
            commands.append((argv[1:], line.partition(" #")[2].strip()))
    return commands


@pytest.fixture
def in_samples_dir(tmp_path):
    (tmp_path / "samples").symlink_to(SAMPLES)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def test_the_readme_archive_commands_run_on_the_samples_and_searches_find_something(run_cli, in_samples_dir):
    commands = archive_commands()
    assert [argv[0] for argv, _ in commands][:1] == ["ingest"] and len(commands) >= 8
    for argv, comment in commands:
        result = run_cli(*argv)
        assert result.exit_code == 0, (argv, result.output)
        if argv[0] == "ingest":
            assert result.stdout.strip() == comment  # the output the comment shows
        elif argv[0] == "export":
            output = argv[argv.index("-o") + 1]
            assert (in_samples_dir / output).read_text("utf-8").count("\n") > 1  # a header and rows
        else:
            assert result.stdout.strip(), (argv, "printed nothing")


def test_the_showcase_search_finds_what_it_asks_for(run_cli, in_samples_dir):
    showcase = next(argv for argv, _ in archive_commands() if argv[0] == "search" and "--json" in argv)
    run_cli("ingest", "samples/")
    hits = [line for line in run_cli(*showcase).stdout.splitlines() if line]
    assert hits and all('"outlet": "inews"' in hit for hit in hits)


def test_archive_md_states_the_current_schema_version():
    from kliping.archive.db import SCHEMA_VERSION

    assert re.findall(r"^Schema version (\d+)", ARCHIVE_MD, re.M) == [str(SCHEMA_VERSION)]


def test_archive_md_lists_the_suffixes_ingest_walks_for():
    from kliping.cleaner.inputs import INPUT_SUFFIXES

    claim = re.search(r"directories \(walked for every input `kliping clean` reads: (.*?)\)", ARCHIVE_MD, re.S)
    assert claim and set(re.findall(r"`(\.[\w.]+)`", claim.group(1))) == set(INPUT_SUFFIXES)
    assert "walked for `*.txt`" not in ARCHIVE_MD + README


def test_archive_md_examples_print_what_they_say(run_cli, in_samples_dir):
    run_cli("ingest", "samples/")
    line = re.search(r"^kliping export (.*?)\s+# (.*)$", ARCHIVE_MD, re.M)
    exported = run_cli("export", *shlex.split(line.group(1)))
    assert exported.stderr.strip() == line.group(2)
    stats_block = ARCHIVE_MD.split("`kliping stats` counts", 1)[1]
    shown = re.search(r"```\n(.*?)\n```", stats_block, re.S).group(1)
    assert run_cli("stats").stdout.splitlines()[0] == shown


def rates(text: str) -> set[str]:
    """Every "N docs/s" or "N articles/s" figure a text states."""
    return set(re.findall(r"(\d[\d,.]*) (?:docs|articles)/s", text))


def test_speed_figures_are_stated_once_and_agree_across_the_docs():
    """A figure the README or docs/scaling.md gives for the archive is the one
    docs/archive.md gives (pasted from bench/archive_bench.py); the Spark figures live in
    docs/scaling.md's table alone (from bench/spark_bench.py), not repeated elsewhere."""
    scaling = (ROOT / "docs" / "scaling.md").read_text("utf-8")
    archive_rates = rates(ARCHIVE_MD) | {r for pair in re.findall(r"([\d,]+) / ([\d,]+) docs/s", ARCHIVE_MD) for r in pair}
    readme_archive = README.split("## Scaling out with Spark")[0]
    ingest_rows = [line for line in readme_archive.splitlines() if "ingest" in line and "docs/s" in line]
    ingest_rates = {r for line in ingest_rows for r in re.findall(r"(\d[\d,]*)(?= /| docs/s)", line)}
    assert ingest_rates and ingest_rates <= archive_rates, ingest_rates - archive_rates
    assert rates(scaling.split("## Measured, local mode")[1].split("\n|")[0]) <= archive_rates
    spark_section = README.split("## Scaling out with Spark")[1].split("\n## ")[0]
    assert not rates(spark_section)
    assert rates(scaling.split("### The archive beyond SQLite")[1]) <= archive_rates
