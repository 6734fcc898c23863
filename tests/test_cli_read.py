"""Reading the archive from the command line (issue 19, item 8): `kliping show`, `export`
and `stats`, and search's --offset, --sort date and ids — on an archive of the samples."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from conftest import SAMPLES, json_lines
from kliping.cleaner import CONTRACT_KEYS


@pytest.fixture(scope="module")
def cleaned():
    """What `kliping clean samples/` prints, by source."""
    from click.testing import CliRunner

    from kliping.cli import main

    return {a["source"]: a for a in json_lines(CliRunner().invoke(main, ["clean", str(SAMPLES)]).stdout)}


def query(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


# -- search: pages, dates, ids ---------------------------------------------------------

def search_ids(run_cli, archive, *args):
    return [hit["id"] for hit in json_lines(run_cli("search", "sanksi", "--db", archive, "--json", *args).stdout)]


def test_search_offset_pages_through_the_results(run_cli, archive):
    every = search_ids(run_cli, archive)
    assert len(every) == 5
    assert search_ids(run_cli, archive, "--limit", "2", "--offset", "1") == every[1:3]
    assert search_ids(run_cli, archive, "--offset", "5") == []
    page = run_cli("search", "sanksi", "--db", archive, "--limit", "2", "--offset", "2")
    assert page.stdout.startswith("3. ") and "\n4. " in page.stdout and "\n5. " not in page.stdout
    after = run_cli("search", "sanksi", "--db", archive, "--offset", "9")
    assert after.exit_code == 0 and "No articles match 'sanksi' after the first 9" in after.stderr


def test_search_sort_date_is_newest_first_undated_last(run_cli, archive):
    hits = json_lines(run_cli("search", "sanksi", "--db", archive, "--json", "--sort", "date").stdout)
    dates = [h["published"] for h in hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated
    assert {h["id"] for h in hits} == set(search_ids(run_cli, archive))
    bad = run_cli("search", "sanksi", "--db", archive, "--sort", "title")
    assert bad.exit_code == 2 and "'title' is not one of 'rank', 'date'" in bad.stderr


def test_search_text_output_shows_each_articles_id(run_cli, archive):
    text = run_cli("search", "sanksi", "--db", archive).stdout
    ids = search_ids(run_cli, archive)
    metas = [line.strip() for line in text.splitlines() if line.startswith("   #")]
    assert [int(m.split(" ")[0][1:]) for m in metas] == ids


# -- show ------------------------------------------------------------------------------

def test_show_prints_one_article_in_full(run_cli, archive, cleaned):
    (article_id, source), = query(archive, "select id, source from articles where outlet = 'inews'")
    shown = run_cli("show", article_id, "--db", archive)
    assert shown.exit_code == 0
    article = cleaned[source]
    assert shown.stdout.startswith(f"#{article_id} {article['title']}\n")
    assert "Outlet:          inews\n" in shown.stdout and f"Editor:          {article['editor']}\n" in shown.stdout
    assert article["text"] in shown.stdout  # every paragraph, not a snippet
    as_json = json.loads(run_cli("show", article_id, "--db", archive, "--json").stdout)
    assert {k: as_json[k] for k in CONTRACT_KEYS} == article
    assert as_json["id"] == article_id and "cluster_id" in as_json


def test_show_of_an_id_the_archive_lacks_is_an_error(run_cli, archive):
    result = run_cli("show", "9999", "--db", archive)
    assert result.exit_code == 1 and f"no article 9999 in {archive}" in result.stderr
    assert run_cli("show", "abc", "--db", archive).exit_code == 2


# -- export ----------------------------------------------------------------------------

def test_export_jsonl_is_what_clean_printed_with_ids(run_cli, archive, cleaned):
    result = run_cli("export", "--db", archive)
    assert result.exit_code == 0 and result.stderr == "5 articles exported\n"
    rows = json_lines(result.stdout)
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert {r["source"]: {k: r[k] for k in CONTRACT_KEYS} for r in rows} == cleaned
    assert all(list(r) == ["id", *CONTRACT_KEYS, "cluster_id"] for r in rows)


def test_export_takes_the_filters_and_query_of_search(run_cli, archive):
    def sources(*args):
        return [r["outlet"] for r in json_lines(run_cli("export", "--db", archive, *args).stdout)]

    assert sources("--outlet", "inews") == ["inews"]
    searched = [h["outlet"] for h in json_lines(run_cli("search", "dijatuhkan", "--db", archive, "--json").stdout)]
    assert sources("dijatuhkan") == searched  # best match first, as search ranks them
    assert sources("--since", "2021-12", "--limit", "1") == sources("--since", "2021-12")[:1]
    assert len(sources("--lang", "id")) == 5
    nosuch = run_cli("export", "--outlet", "nosuch", "--db", archive)
    assert nosuch.exit_code == 1 and "no articles from outlet 'nosuch'" in nosuch.stderr
    assert run_cli("export", "--since", "2021-13", "--db", archive).exit_code == 2


def test_export_csv_has_a_header_and_lists_as_json(run_cli, archive, cleaned, tmp_path):
    out = tmp_path / "a.csv"
    result = run_cli("export", "--format", "csv", "--output", out, "--db", archive)
    assert result.exit_code == 0 and f"5 articles exported to {out}" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == 5 and list(rows[0]) == ["id", *CONTRACT_KEYS, "cluster_id"]
    for row in rows:
        article = cleaned[row["source"]]
        assert row["text"] == article["text"] and json.loads(row["author"]) == article["author"]
    empty = run_cli("export", "--format", "csv", "--outlet", "inews", "--since", "2030", "--db", archive)
    assert empty.stdout == ",".join(["id", *CONTRACT_KEYS, "cluster_id"]) + "\n"


def test_export_parquet_reads_back_with_pyarrow(run_cli, archive, cleaned, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    result = run_cli("export", "--format", "parquet", "-o", out, "--db", archive)
    assert result.exit_code == 0, result.output
    rows = pq.read_table(out).to_pylist()
    assert {r["source"]: {k: r[k] for k in CONTRACT_KEYS} for r in rows} == cleaned
    assert str(pq.read_schema(out).field("author").type) == "list<element: string>"
    assert str(pq.read_schema(out).field("images").type).startswith("list<element: struct<url: string")
    refused = run_cli("export", "--format", "parquet", "--db", archive)
    assert refused.exit_code == 2 and "give --output FILE" in refused.stderr


# -- stats -----------------------------------------------------------------------------

def test_stats_counts_outlets_languages_months_clusters_and_failures(run_cli, tmp_path):
    db = tmp_path / "k.db"
    (tmp_path / "menu.txt").write_text("Home\nLogin\nMenu\n", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "mirror.txt").write_text((SAMPLES / "inews-putin-biden.txt").read_text("utf-8").replace("Kamis", "Jumat", 1), "utf-8")
    run_cli("ingest", SAMPLES, tmp_path, "--db", db)
    counted = json.loads(run_cli("stats", "--db", db, "--json").stdout)
    assert counted["articles"] == 6 and counted["raw"] == 8 and counted["failed"] == 2
    assert counted["by_outlet"] == dict(query(db, "select outlet, count(*) from articles group by 1"))
    assert counted["by_language"] == {"id": 6}
    assert sum(counted["by_month"].values()) == 6
    assert counted["clusters"] == 1 and counted["clustered"] == 2  # the mirror and its original
    assert counted["failures"] == {"binary file": 1, "cannot clean: NotAnArticle: no article text found in the scrape": 1}
    text = run_cli("stats", "--db", db).stdout
    assert text.startswith("6 articles, 8 raw inputs (2 failed); 1 near-duplicate clusters of 2 articles\n")
    assert "\nby outlet:\n        2  inews\n" in text and "\nfailed raw inputs:\n" in text


def test_stats_of_no_archive_is_one_line(run_cli, tmp_path):
    result = run_cli("stats", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no archive at" in result.stderr and not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("words", ["大統領", "佐科", "increases"])
def test_export_with_a_query_selects_what_search_finds_in_every_language(run_cli, tmp_path, words):
    from conftest import ROOT

    db = tmp_path / "voi.db"
    pages = sorted((ROOT / "tests" / "corpus" / "text").glob("voi-[ejz][nah]-*.txt"))
    assert run_cli("ingest", *pages, "--db", db).exit_code == 0
    found = [h["id"] for h in json_lines(run_cli("search", words, "--db", db, "--json", "--limit", "100").stdout)]
    exported = [r["id"] for r in json_lines(run_cli("export", words, "--db", db).stdout)]
    assert found and sorted(exported) == sorted(found)


def test_show_prints_the_page_details_of_an_html_article(run_cli, shared, tmp_path):
    db = tmp_path / "k.db"
    page = shared / "html" / "liputan6-01.html"
    assert run_cli("ingest", page, "--db", db).exit_code == 0
    article = json.loads(run_cli("show", "1", "--db", db, "--json").stdout)
    assert article["section"] and article["images"] and article["tags"]
    shown = run_cli("show", "1", "--db", db).stdout
    assert f"Section:         {article['section']}\n" in shown
    assert f"Tags:            {', '.join(article['tags'])}\n" in shown
    assert all(f"[image] {image['url']}" in shown for image in article["images"])
