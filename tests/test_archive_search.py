"""`kliping search` and plain sqlite-utils on an archive of the five seed scrapes."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils.cli import cli as sqlite_utils_cli

from kliping.archive.db import open_archive
from kliping.archive.search import search

from conftest import kliping

HOSTILE = ['"sanksi', "sanksi)", "((sanksi", "sanksi AND", "OR sanksi", "sanksi*", "sanksi -",
           "NEAR(sanksi putin)", "{title}: sanksi", "^sanksi", "sanksi:putin", "sanksi'; drop table articles; --",
           '"sanksi" AND ("putin" OR', "- - sanksi", "sanksi NOT NOT putin", "sanksi \\ %", "**sanksi**"]


def hits(archive, *args):
    result = kliping("search", *args, "--db", archive, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_search_sanksi_finds_all_five_ranked_with_snippets(archive):
    found = hits(archive, "sanksi")
    assert len(found) == 5
    assert len({h["outlet"] for h in found}) == 5
    assert [h["rank"] for h in found] == sorted(h["rank"] for h in found)
    for hit in found:
        assert "**sanksi**" in hit["snippet"].lower()
        assert set(hit) >= {"title", "outlet", "published", "url", "snippet"}


def test_a_stemmed_form_finds_other_inflections(archive):
    found = hits(archive, "menjatuhkan")
    snippets = " ".join(h["snippet"] for h in found)
    assert "**dijatuhkan**" in snippets  # tribunnews writes "dijatuhkan"
    assert "**menjatuhkan**" in snippets  # inews writes "menjatuhkan"
    assert hits(archive, "jatuh") == found


def test_plain_output_has_title_outlet_and_highlight(archive):
    result = kliping("search", "sanksi", "--db", archive, "--limit", "2")
    assert result.exit_code == 0
    assert result.stdout.startswith("1. ") and "\n2. " in result.stdout and "\n3. " not in result.stdout
    assert "**sanksi**" in result.stdout.lower()


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_return_results(archive, query):
    result = kliping("search", "--db", archive, "--json", "--", query)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_dash_words_after_double_dash_are_query_words_not_options(archive):
    result = kliping("search", "--db", archive, "--json", "--", "sanksi", "-dijatuhkan")
    assert result.exit_code == 0, result.output
    outlets = {json.loads(line)["outlet"] for line in result.stdout.splitlines()}
    assert outlets and "tribunnews" not in outlets


@pytest.mark.parametrize("query, message", [
    ('"', "Nothing to search for"), ("yang", "only common words"), ("-putin", "need a word"),
])
def test_unusable_queries_give_a_clear_message(archive, query, message):
    result = kliping("search", "--db", archive, "--", query)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output and "fts5" not in result.output


def test_filters(archive):
    assert {h["outlet"] for h in hits(archive, "sanksi", "--outlet", "inews")} == {"inews"}
    dated = hits(archive, "sanksi", "--since", "2021-12", "--until", "2021-12-31")
    assert dated and all(h["published"].startswith("2021-12") for h in dated)
    assert hits(archive, "sanksi", "--until", "2021-11") == []
    assert len(hits(archive, "sanksi", "--lang", "id")) == 5
    assert hits(archive, "sanksi", "--lang", "id", "--until", "2021-11") == []
    bad = kliping("search", "sanksi", "--since", "31/12/2021", "--db", archive)
    assert bad.exit_code == 2 and "--since must be a date" in bad.stderr


def test_phrase_or_and_exclusion(archive):
    db = open_archive(archive)
    all5 = {h.id for h in search(db, "sanksi")}
    putin = {h.id for h in search(db, "sanksi putin")}
    without = {h.id for h in search(db, "sanksi -dijatuhkan")}
    jatuh = {h.id for h in search(db, "dijatuhkan")}
    assert without == all5 - jatuh and jatuh
    assert putin <= all5
    assert {h.id for h in search(db, "dijatuhkan OR menjatuhkan")} == jatuh
    assert {h.id for h in search(db, '"menjatuhkan sanksi"')} <= jatuh


def test_title_matches_rank_first(archive):
    db = open_archive(archive)
    found = search(db, "kremlin")
    assert found and "kremlin" in (found[0].title or "").lower()


def test_missing_archive_is_a_clear_error(tmp_path):
    result = kliping("search", "sanksi", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no archive at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_sqlite_utils_search_works_on_the_file(archive):
    result = CliRunner().invoke(sqlite_utils_cli, ["search", str(archive), "articles", "sanksi",
                                                   "-c", "outlet", "-c", "title"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 5
    stemmed = CliRunner().invoke(sqlite_utils_cli, ["search", str(archive), "articles", "jatuh", "-c", "outlet"])
    assert {r["outlet"] for r in json.loads(stemmed.output)} >= {"inews", "tribunnews"}


def test_sqlite_utils_command_line_has_id_stem(archive):
    exe = Path(sys.executable).with_name("sqlite-utils")
    if not exe.exists():
        pytest.skip("sqlite-utils is not installed beside this Python")
    sql = ("select count(*) as n from articles_fts "
           "where articles_fts match 'text_stem:' || id_stem('menjatuhkan')")
    out = subprocess.run([str(exe), "query", str(archive), sql], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)[0]["n"] >= 2
    out = subprocess.run([str(exe), "query", str(archive), "select id_stem('Menjatuhkan sanksi-sanksi yang') as s"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [{"s": "jatuh sanksi sanksi"}]


def test_plain_sqlite_opens_the_file_without_kliping(archive, tmp_path):
    import sqlite3

    copy = tmp_path / "copy.db"
    shutil.copy(archive, copy)
    for suffix in ("-wal", "-shm"):
        if Path(str(archive) + suffix).exists():
            shutil.copy(str(archive) + suffix, str(copy) + suffix)
    conn = sqlite3.connect(copy)
    n = conn.execute("select count(*) from articles_fts where articles_fts match 'sanksi'").fetchone()[0]
    assert n == 5
    conn.execute("insert into articles(key, outlet, content_hash, title) values ('k', 'x', 'h', 'Sanksi baru')")
    assert conn.execute("select count(*) from articles_fts where articles_fts match 'sanksi'").fetchone()[0] == 6
