"""The page's details in the archive (issue 19 item 9): columns, JSON arrays, the
round trip to an Article, the migration of a version-4 file, and Datasette's facets on
section and (as a JSON array) tags."""
import asyncio
import json
import sqlite3

import pytest
from click.testing import CliRunner

from kliping.archive.db import PAGE_DETAIL_COLUMNS, SCHEMA_VERSION, open_archive, schema_version
from kliping.archive.records import row_article
from kliping.archive.serve import make_datasette
from kliping.cleaner import clean_text, load_rules
from kliping.cli import main

BODY = """<p>KUDUS - Banjir merendam ratusan rumah warga di Kecamatan Jati, Kabupaten Kudus, Jumat
(31/12/2021), setelah hujan deras mengguyur sejak malam hari.</p>
<p>Sebagian warga memilih mengungsi ke balai desa karena air masuk ke dalam rumah setinggi
lutut orang dewasa, kata kepala desa setempat kepada wartawan.</p>"""


def page(n: int, section: str, tags: list[str]) -> str:
    metas = "".join(f'<meta property="article:tag" content="{t}">' for t in tags)
    return f"""<html><head><title>Berita Nomor {n} Tentang Banjir Kudus</title>
<link rel="canonical" href="https://www.beritakota.example/read/{n}/banjir">
<meta property="og:site_name" content="Berita Kota"><meta property="og:image" content="/img/{n}.jpg">
<meta property="article:section" content="{section}"><meta property="article:modified_time" content="2022-01-0{n}T10:00:00+07:00">
{metas}</head><body><article><h1>Berita Nomor {n} Tentang Banjir Kudus</h1>{BODY}
<p>Paragraf khusus nomor {n} menjelaskan kejadian yang berbeda dari berita lain hari itu.</p>
<figure><img src="/foto/{n}.jpg"><figcaption>Foto nomor {n}</figcaption></figure></article></body></html>"""


PAGES = {1: ("Regional", ["banjir", "Kudus"]), 2: ("Regional", ["banjir", "BPBD"]),
         3: ("Nasional", ["banjir"])}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    for n, (section, tags) in PAGES.items():
        (folder / f"berita-{n}.html").write_text(page(n, section, tags), "utf-8")
    db = folder / "k.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


def test_columns_hold_the_details_as_the_cleaner_gave_them(archive):
    db = open_archive(archive)
    rows = {r["url"]: r for r in db["articles"].rows}
    assert len(rows) == 3
    row = rows["https://www.beritakota.example/read/1/banjir"]
    assert row["section"] == "Regional" and row["site_name"] == "Berita Kota"
    assert row["modified"] == "2022-01-01T10:00:00+07:00"
    assert row["image"] == "https://www.beritakota.example/img/1.jpg"
    assert json.loads(row["tags"]) == ["banjir", "Kudus"]
    assert json.loads(row["images"]) == [{"url": "https://www.beritakota.example/foto/1.jpg",
                                         "caption": "Foto nomor 1"}]
    html = (archive.parent / "berita-1.html").read_text("utf-8")
    cleaned = clean_text(html, source=row["source"], rules=load_rules(), content_type="text/html")
    assert row_article(row) == cleaned  # the stored row gives the article back, details and all


def test_datasette_facets_section_and_tags(archive):
    ds = make_datasette(archive)

    async def fetch(url):
        return await ds.client.get(url)

    data = asyncio.run(fetch("/k/articles.json?_size=0")).json()
    facets = data["facet_results"]
    assert {r["value"]: r["count"] for r in facets["section"]["results"]} == {"Regional": 2, "Nasional": 1}
    assert {r["value"]: r["count"] for r in facets["tags"]["results"]} == {"banjir": 3, "Kudus": 1, "BPBD": 1}
    assert facets["tags"]["type"] == "array"
    chosen = asyncio.run(fetch("/k/articles.json?_shape=objects&tags__arraycontains=BPBD")).json()
    assert [r["url"] for r in chosen["rows"]] == ["https://www.beritakota.example/read/2/banjir"]


def test_a_version_4_archive_gets_the_columns(archive, tmp_path):
    path = tmp_path / "old.db"
    path.write_bytes(archive.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX idx_articles_section")
    for column in PAGE_DETAIL_COLUMNS:
        conn.execute(f"ALTER TABLE articles DROP COLUMN [{column}]")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    db = open_archive(path)
    assert schema_version(db) == SCHEMA_VERSION == 7
    assert set(PAGE_DETAIL_COLUMNS) <= set(db["articles"].columns_dict)
    assert all(r["tags"] is None for r in db["articles"].rows)
    row = next(db["articles"].rows)
    assert row_article(row).tags == () and row_article(row).images == ()
