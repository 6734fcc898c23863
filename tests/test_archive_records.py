"""Ingesting files of many records (JSON Lines, WARC): every record is a `raw` row, good
ones become articles keyed by their URL, bad ones are kept as failed rows with their bytes."""
import json
import re
from pathlib import Path

import pytest

from kliping.archive.db import open_archive
from kliping.archive.ingest import ingest, receive
from kliping.archive.records import canonical_url, raw_bytes
from kliping.cleaner import Article

from conftest import SAMPLES, kliping
from warc_samples import DATE, PAGE_1, PAGE_2, SITE, write_crawl, write_response

KONTAN = "https://internasional.kontan.co.id/news/pasca-putin-berbicara-dengan-biden"
INEWS = "https://www.inews.id/news/internasional/putin-ingatkan-biden?utm_source=twitter"


def test_jsonl_good_records_become_articles_and_a_bad_line_a_failed_raw(tmp_path):
    lines = [json.dumps({"url": KONTAN, "text": (SAMPLES / "kontan-putin-biden.txt").read_text("utf-8"),
                         "fetched_at": "2021-12-31T10:00:00Z"}),
             '{"url": "https://a.id/rusak", "text": "terpotong',
             json.dumps({"url": INEWS, "text": (SAMPLES / "inews-putin-biden.txt").read_text("utf-8")})]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", "utf-8")
    db_path = tmp_path / "kliping.db"

    result = kliping("ingest", dump, "--db", db_path)
    assert result.exit_code == 1
    assert "2 new, 0 updated, 0 unchanged, 1 failed" in result.stdout
    assert f"{dump}:2: not valid JSON" in result.stderr and "Traceback" not in result.stderr

    db = open_archive(db_path)
    raws = {r["source"]: r for r in db["raw"].rows}
    assert set(raws) == {f"{dump}:1", f"{dump}:2", f"{dump}:3"}
    for n, line in enumerate(lines, 1):
        assert raw_bytes(raws[f"{dump}:{n}"]) == line.encode()
    failed = raws[f"{dump}:2"]
    assert failed["status"] == "failed" and failed["error"].startswith("not valid JSON")
    assert failed["article_id"] is None
    kept = raws[f"{dump}:1"]
    assert (kept["status"], kept["url"], kept["fetched_at"], kept["content_type"]) == (
        "ok", KONTAN, "2021-12-31T10:00:00Z", "text/plain")
    keys = {a["key"]: a for a in db["articles"].rows}
    assert set(keys) == {canonical_url(KONTAN), canonical_url(INEWS)}
    assert keys[canonical_url(KONTAN)]["outlet"] == "kontan"
    assert keys[canonical_url(KONTAN)]["source"] == f"{dump}:1"

    again = kliping("ingest", dump, "--db", db_path)
    assert "0 new, 0 updated, 2 unchanged, 1 failed" in again.stdout
    assert db["raw"].count == 3 and db["articles"].count == 2


def clean_html(doc):
    """A stand-in for the cleaner: the page's text without tags."""
    text = re.sub(r"<[^>]+>", " ", doc.text)
    return Article(source=doc.source, outlet="generic", paragraphs=(" ".join(text.split()),), url=doc.url)


@pytest.fixture
def db(tmp_path):
    return open_archive(tmp_path / "kliping.db")


def test_warc_pages_become_articles_and_a_bad_record_a_failed_raw(tmp_path, db):
    crawl = write_crawl(tmp_path / "crawl.warc", compress=False)
    junk = b"\x1f\x8b" + bytes(range(1, 256)) * 4
    bad = write_response(tmp_path / "bad.warc", False, f"{SITE}/rusak", junk, "text/html")
    path = tmp_path / "both.warc"
    path.write_bytes(crawl.read_bytes() + bad.read_bytes())

    summary = ingest(db, receive([str(path)]), clean_html)
    assert (summary.new, summary.failed) == (3, 1)
    assert summary.failures[0][0] == f"{path}#9"

    raws = {r["source"]: r for r in db["raw"].rows}
    assert set(raws) == {f"{path}#3", f"{path}#6", f"{path}#8", f"{path}#9"}
    page = raws[f"{path}#3"]
    assert raw_bytes(page) == PAGE_1.encode() and page["content_type"] == "text/html"
    assert (page["url"], page["fetched_at"], page["status"]) == (f"{SITE}/berita-1", DATE, "ok")
    cp1252 = raws[f"{path}#6"]
    assert raw_bytes(cp1252) == PAGE_2.encode("cp1252") and cp1252["data"] is not None
    assert cp1252["encoding"] == "cp1252"
    failed = raws[f"{path}#9"]
    assert raw_bytes(failed) == junk and failed["status"] == "failed" and failed["error"]
    assert (failed["url"], failed["content_type"]) == (f"{SITE}/rusak", "text/html")
    keys = {a["key"] for a in db["articles"].rows}
    assert keys == {f"{SITE}/berita-1", f"{SITE}/berita-2", f"{SITE}/arsip.html"}  # utm_ dropped

    summary = ingest(db, receive([str(path)]), clean_html)
    assert (summary.unchanged, summary.failed, db["raw"].count) == (3, 1, 4)


def test_truncated_warc_keeps_the_pages_before_the_break(tmp_path, db):
    data = write_crawl(tmp_path / "full.warc.gz", compress=True).read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:int(len(data) * 0.9)])
    summary = ingest(db, receive([str(path)]), clean_html)
    assert summary.new >= 1 and summary.failed == 1
    failed = next(db["raw"].rows_where("status = 'failed'"))
    assert failed["source"].startswith(str(path))
    assert "truncated" in failed["error"] or "breaks off" in failed["error"]
    assert {Path(r["source"]).name for r in db["raw"].rows_where("status = 'ok'")} >= {"cut.warc.gz#3"}
