"""`kliping ingest` on real SQLite files: raws, articles, idempotency, updates, failures."""
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from kliping.archive.db import FTS_TRIGGERS, SCHEMA_VERSION, open_archive, schema_version
from kliping.archive.ingest import Received, ingest
from kliping.archive.records import canonical_url, raw_bytes, row_article
from kliping.cleaner import Article, RawDoc
from kliping.cli import main

from conftest import SAMPLES, kliping
from test_archive_fts_batch import fts_ids

URL = "https://www.inews.id/news/internasional/putin-ingatkan-biden"


def counts(path):
    db = open_archive(path)
    try:
        return db["raw"].count, db["articles"].count
    finally:
        db.close()


def test_ingest_samples_then_again_adds_nothing(db_path):
    first = kliping("ingest", SAMPLES, "--db", db_path)
    assert first.exit_code == 0, first.output
    assert "5 new, 0 updated, 0 unchanged, 0 failed" in first.stdout
    assert counts(db_path) == (5, 5)

    second = kliping("ingest", SAMPLES, "--db", db_path)
    assert second.exit_code == 0
    assert "0 new, 0 updated, 5 unchanged, 0 failed" in second.stdout
    assert counts(db_path) == (5, 5)

    # the same files named differently are the same inputs
    again = kliping("ingest", *sorted(SAMPLES.glob("*.txt")), "--db", db_path)
    assert "0 new" in again.stdout and counts(db_path) == (5, 5)


def test_raw_keeps_the_exact_input_and_articles_their_fields(db_path):
    kliping("ingest", SAMPLES, "--db", db_path)
    db = open_archive(db_path)
    for row in db["raw"].rows:
        original = Path(row["source"]).read_bytes()
        assert raw_bytes(row) == original
        assert row["status"] == "ok" and row["error"] is None and row["size"] == len(original)
        article = db["articles"].get(row["article_id"])
        assert article["raw_id"] == row["id"]
        assert article["key"] == "sha256:" + article["content_hash"]  # the samples have no URL
        assert isinstance(json.loads(article["author"]), list)
        assert "sanksi" in article["text_stem"].split()
        assert " yang " not in f" {article['text_stem']} "
    assert db.journal_mode == "wal"
    assert schema_version(db) == SCHEMA_VERSION


def test_rescrape_of_a_known_url_updates_the_article_and_keeps_both_raws(tmp_path, db_path):
    page = tmp_path / "inews.txt"
    shutil.copy(SAMPLES / "inews-putin-biden.txt", page)
    assert "1 new" in kliping("ingest", page, "--db", db_path, "--url", URL).stdout

    page.write_text(page.read_text("utf-8").replace("memperingatkan", "mengingatkan"), "utf-8")
    result = kliping("ingest", page, "--db", db_path, "--url", URL + "#top")
    assert "0 new, 1 updated, 0 unchanged, 0 failed" in result.stdout
    db = open_archive(db_path)
    assert db["articles"].count == 1 and db["raw"].count == 2
    article = next(db["articles"].rows)
    raws = list(db["raw"].rows_where(order_by="id"))
    assert [r["article_id"] for r in raws] == [article["id"]] * 2
    assert article["raw_id"] == raws[1]["id"]
    assert article["key"] == canonical_url(URL)
    assert "mengingatkan" in article["text"]
    assert fts_ids(db, "text_stem : ingat") == [article["id"]]
    assert article["updated_at"] >= article["ingested_at"]


def test_bad_inputs_are_recorded_as_failed_and_the_rest_stored(tmp_path, db_path):
    batch = tmp_path / "batch"
    shutil.copytree(SAMPLES, batch)
    (batch / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe junk" * 10)
    (batch / "empty.txt").write_bytes(b"")
    result = kliping("ingest", batch, tmp_path / "missing.txt", "--db", db_path)
    assert result.exit_code == 1
    assert "5 new, 0 updated, 0 unchanged, 3 failed" in result.stdout
    assert "broken.txt" in result.stderr and "missing.txt" in result.stderr
    db = open_archive(db_path)
    assert db["articles"].count == 5
    failed = {Path(r["source"]).name: r for r in db["raw"].rows_where("status = 'failed'")}
    assert set(failed) == {"broken.txt", "empty.txt", "missing.txt"}
    assert raw_bytes(failed["broken.txt"]) == (batch / "broken.txt").read_bytes()
    assert failed["broken.txt"]["data"] is not None  # not UTF-8: kept as bytes
    assert raw_bytes(failed["empty.txt"]) == b""
    assert failed["missing.txt"]["sha256"] is None and failed["missing.txt"]["error"]
    assert all(r["article_id"] is None for r in failed.values())

    again = kliping("ingest", batch, tmp_path / "missing.txt", "--db", db_path)
    assert "0 new, 0 updated, 5 unchanged, 3 failed" in again.stdout
    assert db["raw"].count == 8


def test_non_utf8_input_is_kept_as_bytes(tmp_path, db_path):
    page = tmp_path / "latin1.txt"
    text = (SAMPLES / "kontan-putin-biden.txt").read_text("utf-8").replace("“", '"').replace("”", '"')
    page.write_bytes(text.replace("Rusia", "Rusiá").encode("latin-1", errors="replace"))
    assert kliping("ingest", page, "--db", db_path).exit_code == 0
    row = next(open_archive(db_path)["raw"].rows)
    assert row["text"] is None and raw_bytes(row) == page.read_bytes()


def test_a_failed_input_that_later_cleans_becomes_an_article(db_path):
    db = open_archive(db_path)
    doc = RawDoc(source="a.txt", data=b"Sanksi dijatuhkan.", text="Sanksi dijatuhkan.")

    def broken(doc):
        raise RuntimeError("rule bug")

    summary = ingest(db, [Received("a.txt", doc.data, doc=doc)], broken)
    assert summary.failed == 1 and "rule bug" in summary.failures[0][1]
    assert next(db["raw"].rows)["status"] == "failed"

    summary = ingest(db, [Received("a.txt", doc.data, doc=doc)],
                     lambda d: Article(source=d.source, outlet="generic", paragraphs=(d.text,)))
    assert (summary.new, summary.failed) == (1, 0)
    raw = next(db["raw"].rows)
    assert (raw["status"], raw["error"], db["raw"].count) == ("ok", None, 1)
    assert row_article(db["articles"].get(raw["article_id"])).text == "Sanksi dijatuhkan."


def test_batches_commit_and_reclean_reports_unchanged(tmp_path):
    db = open_archive(tmp_path / "k.db")
    items = []
    for i in range(7):
        data = f"Berita {i} tentang sanksi.".encode()
        items.append(Received(f"{i}.txt", data, doc=RawDoc(source=f"{i}.txt", data=data, text=data.decode())))

    def clean_doc(d):
        return Article(source=d.source, outlet="generic", title=d.text, paragraphs=(d.text,))

    seen = []
    summary = ingest(db, items, clean_doc, batch_size=3, on_item=lambda item, o, e: seen.append(o))
    assert summary.new == 7 and seen == ["new"] * 7 and not db.conn.in_transaction
    summary = ingest(db, items, clean_doc, reclean=True)
    assert (summary.unchanged, db["articles"].count) == (7, 7)


def test_fts_stays_in_sync_after_insert_update_delete(db_path):
    kliping("ingest", SAMPLES, "--db", db_path)
    db = open_archive(db_path)
    total = db["articles"].count
    assert len(fts_ids(db, "sanksi")) == total
    first = next(db["articles"].rows_where(order_by="id"))
    db["articles"].update(first["id"], {"title": "Zyxwv baru", "title_stem": "zyxwv baru"})
    assert fts_ids(db, "zyxwv") == [first["id"]]
    assert fts_ids(db, "title_stem:zyxwv") == [first["id"]]
    db["articles"].delete(first["id"])
    assert fts_ids(db, "zyxwv") == [] and len(fts_ids(db, "sanksi")) == total - 1
    db.execute("insert into articles_fts(articles_fts, rank) values ('integrity-check', 1)")


def test_transform_drops_fts_triggers_and_opening_restores_them(db_path):
    kliping("ingest", SAMPLES, "--db", db_path)
    db = open_archive(db_path)
    db["articles"].transform(types={"published_month": str})
    assert not {t.name for t in db["articles"].triggers} & set(FTS_TRIGGERS)
    db.close()
    db = open_archive(db_path)
    assert set(FTS_TRIGGERS) <= {t.name for t in db["articles"].triggers}
    assert len(fts_ids(db, "text_stem:jatuh")) >= 2
    rank = db.execute("select v from articles_fts_config where k = 'rank'").fetchone()[0]
    assert rank.startswith("bm25(")


def test_canonical_url():
    assert canonical_url("HTTPS://Www.Inews.ID:443/a/b?utm_source=x&id=3#top") == "https://www.inews.id/a/b?id=3"
    assert canonical_url("  ") is None and canonical_url(None) is None


def test_stdin_is_an_input_too(db_path):
    data = (SAMPLES / "voi-putin-biden.txt").read_bytes()
    result = CliRunner().invoke(main, ["ingest", "-", "--db", str(db_path)], input=data)
    assert "1 new" in result.stdout
    row = next(open_archive(db_path)["raw"].rows)
    assert row["source"] == "<stdin>" and raw_bytes(row) == data


def test_other_sqlite_files_are_not_taken_over(tmp_path):
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table notes (x)").connection.commit()
    result = kliping("ingest", SAMPLES, "--db", other)
    assert result.exit_code == 1 and "not a kliping archive" in result.stderr
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    result = kliping("search", "sanksi", "--db", tmp_path / "junk.db")
    assert result.exit_code == 1 and "cannot open as a kliping archive" in result.stderr
    result = kliping("serve", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and "no archive at" in result.stderr
