"""Datasette on an archive of the seed scrapes, through Datasette's own test client."""
import asyncio
from urllib.parse import quote, unquote

import pytest
from click.testing import CliRunner

from kliping.archive.serve import make_datasette, metadata_for, shipped_metadata
from kliping.cli import main

from conftest import SAMPLES


@pytest.fixture(scope="module")
def ds(archive):
    return make_datasette(archive)


def get(ds, url):
    async def fetch():
        return await ds.client.get(url)
    response = asyncio.run(fetch())
    assert response.status_code == 200, (url, response.status_code, response.text[:500])
    return response


def test_index_has_title_and_description(ds):
    html = get(ds, "/").text
    assert "kliping — Indonesian news archive" in html
    assert 'href="/kliping/search"' in html
    tables = get(ds, "/kliping.json").json()["tables"]
    visible = {t["name"] for t in tables if not t["hidden"]}
    assert {"articles", "raw"} <= visible and "articles_fts" not in visible


def test_table_descriptions_and_facets(ds):
    page = get(ds, "/kliping/articles").text
    assert "One row per article" in page and "canonical URL" in page
    data = get(ds, "/kliping/articles.json?_size=0").json()
    facets = data["facet_results"]
    assert {"outlet", "language", "published_month"} <= set(facets)
    outlets = {r["value"]: r["count"] for r in facets["outlet"]["results"]}
    assert len(outlets) == 5 and sum(outlets.values()) == 5
    assert {r["value"] for r in facets["published_month"]["results"]} >= {"2021-12"}
    assert "Every input exactly as received" in get(ds, "/kliping/raw").text


def test_canned_search_is_ranked_with_snippets(ds):
    rows = get(ds, "/kliping/search.json?_shape=objects&q=sanksi").json()["rows"]
    assert len(rows) == 5
    ranks = [r["rank"] for r in rows]
    assert ranks == sorted(ranks) and all(r < 0 for r in ranks)
    assert all("<mark>" in r["snippet"].lower() for r in rows)
    html = get(ds, "/kliping/search?q=menjatuhkan").text
    assert "<mark>dijatuhkan</mark>" in html and "<mark>menjatuhkan</mark>" in html
    assert "&lt;mark&gt;" not in html
    assert 'href="/kliping/articles/' in html  # titles link to the article page


@pytest.mark.parametrize("q", ["", '"', "yang", "-putin", "sanksi)", "{x}: (", "NEAR(", "'"])
def test_canned_search_never_errors(ds, q):
    data = get(ds, "/kliping/search.json?_shape=objects&q=" + quote(q)).json()
    assert data.get("error") in (None, "") and "rows" in data


def test_id_stem_available_in_sql(ds):
    sql = "select id_stem('Menjatuhkan sanksi-sanksi') as s"
    rows = get(ds, "/kliping.json?_shape=objects&sql=" + quote(sql)).json()["rows"]
    assert rows == [{"s": "jatuh sanksi sanksi"}]
    sql = ("select count(*) as n from articles_fts where articles_fts match "
           "'text_stem : ' || id_stem('dijatuhkan')")
    assert get(ds, "/kliping.json?_shape=objects&sql=" + quote(sql)).json()["rows"][0]["n"] >= 2


def test_article_page_is_readable(ds):
    html = get(ds, "/kliping/articles/1").text
    css = [unquote(part) for part in html.split('"') if part.startswith("data:text/css")]
    assert css and "white-space: pre-wrap" in css[0]
    data = get(ds, "/kliping/articles/1.json?_shape=objects").json()["rows"][0]
    assert "\n\n" in data["text"]


def test_read_only(ds):
    async def post():
        return await ds.client.get("/kliping.json?sql=" + quote("delete from articles"))
    response = asyncio.run(post())
    assert response.status_code == 400
    assert get(ds, "/kliping/articles.json?_size=0").json()["filtered_table_rows_count"] == 5


def test_metadata_follows_the_database_name():
    md = metadata_for("berita", shipped_metadata())
    assert list(md["databases"]) == ["berita"]
    assert "/berita/search" in md["description_html"]
    assert "id_match(:q)" in md["databases"]["berita"]["queries"]["search"]["sql"]


@pytest.fixture(scope="module")
def ds_dupes(tmp_path_factory):
    """The seed scrapes and a blog mirror of the Kontan one."""
    from test_archive_dupes import blog_mirror

    folder = tmp_path_factory.mktemp("dupes")
    (folder / "mirror.txt").write_text(blog_mirror(), "utf-8")
    path = folder / "kliping.db"
    for source in (SAMPLES, folder / "mirror.txt"):
        result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(path)])
        assert result.exit_code == 0, result.output
    return make_datasette(path)


def test_clusters_view_and_cluster_facet(ds_dupes):
    [cluster] = get(ds_dupes, "/kliping/clusters.json?_shape=objects").json()["rows"]
    assert cluster["articles"] == 2 and cluster["outlets"] == 2
    assert set(cluster["outlet_names"].split(",")) == {"kontan", "blogmirror"}
    assert "Pasca Putin" in cluster["title"]  # the outlet's copy is canonical
    members = get(ds_dupes, f"/kliping/duplicates.json?_shape=objects&cluster_id={cluster['cluster_id']}").json()["rows"]
    assert {m["outlet"]: m["is_canonical"] for m in members} == {"kontan": 1, "blogmirror": 0}
    facets = get(ds_dupes, "/kliping/articles.json?_size=0").json()["facet_results"]
    assert {r["value"]: r["count"] for r in facets["cluster_id"]["results"]} == {cluster["cluster_id"]: 2}
    html = get(ds_dupes, "/kliping/clusters").text
    assert "One row per cluster" in html
    assert 'href="/kliping/clusters"' in get(ds_dupes, "/").text


def test_dedup_tables_are_described_or_hidden(ds_dupes):
    tables = {t["name"]: t for t in get(ds_dupes, "/kliping.json").json()["tables"]}
    assert all(tables[t]["hidden"] for t in ("signature_bands", "paragraphs", "signature_params", "fts_deferred"))
    assert not tables["signatures"]["hidden"]
    views = get(ds_dupes, "/kliping.json").json()["views"]
    assert {"duplicates", "clusters", "shared_paragraphs"} <= {v["name"] if isinstance(v, dict) else v for v in views}
    data = get(ds_dupes, "/kliping/shared_paragraphs.json?_shape=objects").json()
    assert "rows" in data and data.get("error") in (None, "")


def test_front_page_charts_articles_per_day_per_outlet(ds, archive):
    """The front page shows the chart; the chart draws the canned query's rows: one bar
    segment per (day, outlet) with its count, every outlet in the legend."""
    import sqlite3
    import xml.etree.ElementTree as ET

    html = get(ds, "/").text
    assert '<img src="/kliping/-/articles-per-day.svg"' in html and 'href="/kliping/articles_per_day"' in html
    response = get(ds, "/kliping/-/articles-per-day.svg")
    assert response.headers["content-type"].startswith("image/svg+xml")
    svg = ET.fromstring(response.text)
    ns = "{http://www.w3.org/2000/svg}"
    bars = [r.find(ns + "title").text for r in svg.iter(ns + "rect") if r.get("class") == "bar"]
    rows = get(ds, "/kliping/articles_per_day.json?_shape=array").json()
    assert sorted(bars) == sorted(f"{r['day']} {r['outlet']}: {r['articles']}" for r in rows)
    with sqlite3.connect(archive) as conn:
        dated = conn.execute("select count(*) from articles where date(substr(published, 1, 10)) is not null").fetchone()[0]
        outlets = {o for (o,) in conn.execute("select distinct outlet from articles where published is not null")}
    assert sum(r["articles"] for r in rows) == dated > 0
    legend = {t.text.rsplit(" (", 1)[0] for g in svg.iter(ns + "g") if g.get("class") == "legend"
              for t in g.iter(ns + "text")}
    assert legend == outlets
    assert get_status(ds, "/nosuch/-/articles-per-day.svg") == 404


def get_status(ds, url):
    async def fetch():
        return await ds.client.get(url)
    return asyncio.run(fetch()).status_code
