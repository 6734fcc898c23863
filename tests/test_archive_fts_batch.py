"""The full-text index of an ingest's batch is written in one statement before its commit
(`archive/fts_batch.py`); the narrowed triggers keep it in sync for every other writer."""
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from kliping.archive.db import FTS_COLUMNS, FTS_DEFERRED, FTS_TRIGGER_SQL, SCHEMA_VERSION, open_archive
from kliping.archive.ingest import Received, ingest
from kliping.cleaner import Article, RawDoc


def received(source: str, text: str, url: str) -> Received:
    data = text.encode()
    return Received(source, data, doc=RawDoc(source=source, data=data, text=text, url=url))


def clean_doc(doc: RawDoc) -> Article:
    title, _, body = doc.text.partition("\n")
    return Article(source=doc.source, outlet="generic", title=title, paragraphs=(body,), url=doc.url)


def archive_of_one(path: Path):
    """A new archive at `path` holding one article about "sanksi" (https://x.id/a)."""
    db = open_archive(path)
    ingest(db, [received("a.txt", "Judul\nBerita tentang sanksi.", "https://x.id/a")], clean_doc)
    return db


def fts_ids(db, query: str) -> list[int]:
    return [r[0] for r in db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid", [query])]


def assert_in_sync(db) -> None:
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == db["articles"].count
    assert db.execute(f"SELECT count(*) FROM {FTS_DEFERRED}").fetchone()[0] == 0


def test_new_and_rewritten_articles_of_one_batch_are_indexed_once(tmp_path):
    db = open_archive(tmp_path / "k.db")
    items = [received(f"{i}.txt", f"Judul {i}\nBerita pertama tentang sanksi nomor {i}.",
                      f"https://x.id/{i}") for i in range(5)]
    # the same URL again in the same batch, its text changed: the article is rewritten
    items.append(received("2b.txt", "Judul dua\nKini tentang embargo minyak.", "https://x.id/2"))
    summary = ingest(db, items, clean_doc, batch_size=100)
    assert (summary.new, summary.updated) == (5, 1)
    assert_in_sync(db)
    rewritten = db.execute("SELECT id FROM articles WHERE url = 'https://x.id/2'").fetchone()[0]
    assert fts_ids(db, "embargo") == [rewritten]
    assert rewritten not in fts_ids(db, "sanksi") and len(fts_ids(db, "sanksi")) == 4
    # rewritten in a later batch: its old terms leave the index before the new ones come
    later = ingest(db, [received("0b.txt", "Judul nol\nTentang tarif impor.", "https://x.id/0")], clean_doc)
    assert later.updated == 1
    assert_in_sync(db)
    assert len(fts_ids(db, "sanksi")) == 3 and len(fts_ids(db, "tarif")) == 1


def test_batches_are_indexed_as_they_commit(tmp_path):
    db = open_archive(tmp_path / "k.db")
    items = [received(f"{i}.txt", f"Judul {i}\nBerita tentang sanksi {i}.", f"https://x.id/{i}")
             for i in range(7)]
    seen = []

    def on_item(item, outcome, error):  # another connection reads what is committed
        with sqlite3.connect(tmp_path / "k.db") as reader:
            seen.append((reader.execute("SELECT count(*) FROM articles").fetchone()[0],
                         reader.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'sanksi'")
                         .fetchone()[0],
                         reader.execute(f"SELECT count(*) FROM {FTS_DEFERRED}").fetchone()[0]))

    ingest(db, items, clean_doc, batch_size=3, on_item=on_item)
    assert all(articles == indexed and deferred == 0 for articles, indexed, deferred in seen)
    assert [articles for articles, _, _ in seen] == [0, 0, 0, 3, 3, 3, 6]
    assert_in_sync(db)


def test_other_writers_are_indexed_by_the_triggers(tmp_path):
    db = archive_of_one(tmp_path / "k.db")
    article_id = db.execute("SELECT id FROM articles").fetchone()[0]
    db["articles"].insert({"key": "k2", "outlet": "generic", "content_hash": "h", "title": "tentang zyxwv"})
    db["articles"].update(article_id, {"text_stem": "qwerty"})
    assert fts_ids(db, "zyxwv") == [article_id + 1] and fts_ids(db, "qwerty") == [article_id]
    assert_in_sync(db)


def test_a_cluster_id_update_leaves_the_index_alone(tmp_path):
    db = archive_of_one(tmp_path / "k.db")
    before = db.execute("SELECT count(*), sum(length(block)) FROM articles_fts_data").fetchone()
    db.execute("UPDATE articles SET cluster_id = id")
    db.conn.commit()
    assert db.execute("SELECT count(*), sum(length(block)) FROM articles_fts_data").fetchone() == before
    assert_in_sync(db)


def test_triggers_replaced_by_sqlite_utils_are_narrowed_again(tmp_path):
    path = tmp_path / "k.db"
    db = archive_of_one(path)
    db.close()
    # what `sqlite-utils enable-fts --replace --create-triggers` leaves: its own triggers
    db = open_archive(path)
    db["articles"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True, replace=True)
    assert {t.name: t.sql for t in db["articles"].triggers}["articles_ai"] != FTS_TRIGGER_SQL["articles_ai"]
    db.close()
    db = open_archive(path)
    assert all({t.name: t.sql for t in db["articles"].triggers}[name] == sql
               for name, sql in FTS_TRIGGER_SQL.items())
    ingest(db, [received("b.txt", "Judul\nBerita tentang sanksi lagi.", "https://x.id/b")], clean_doc)
    assert_in_sync(db)  # not indexed twice
    assert len(fts_ids(db, "sanksi")) == 2


V3_COLUMNS = ["title", "description", "text", "title_stem", "description_stem", "text_stem"]


def test_a_version_3_archive_gets_the_version_4_index(tmp_path):
    path = tmp_path / "k.db"
    db = archive_of_one(path)
    db.close()
    conn = sqlite3.connect(path)  # as version 3 left it: the body as written indexed too,
    conn.executescript(f"DROP TABLE {FTS_DEFERRED}; PRAGMA user_version = 3;")  # no fts_deferred
    conn.close()
    db = sqlite_utils.Database(path)
    db["articles"].enable_fts(V3_COLUMNS, fts_version="FTS5", create_triggers=True, replace=True)
    db["articles"].rebuild_fts()
    db.close()
    db = open_archive(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION and db[FTS_DEFERRED].exists()
    assert [c.name for c in db["articles_fts"].columns] == FTS_COLUMNS
    assert len(fts_ids(db, "sanksi")) == 1  # indexed again
    ingest(db, [received("b.txt", "Judul\nBerita tentang sanksi lagi.", "https://x.id/b")], clean_doc)
    assert_in_sync(db)
    assert len(fts_ids(db, "sanksi")) == 2


def test_an_index_over_other_columns_is_made_again(tmp_path):
    path = tmp_path / "k.db"
    db = archive_of_one(path)
    db["articles"].enable_fts(["title"], fts_version="FTS5", create_triggers=True, replace=True)
    db.close()
    db = open_archive(path)
    assert [c.name for c in db["articles_fts"].columns] == FTS_COLUMNS
    assert len(fts_ids(db, "text_stem : sanksi")) == 1
    assert_in_sync(db)


@pytest.mark.skipif(not Path(sys.executable).with_name("sqlite-utils").exists(),
                    reason="the sqlite-utils command is not installed")
def test_plain_sqlite_utils_writes_keep_the_index_in_sync(tmp_path):
    path = tmp_path / "k.db"
    db = archive_of_one(path)
    db.close()
    tool = str(Path(sys.executable).with_name("sqlite-utils"))
    subprocess.run([tool, "insert", str(path), "articles", "-"], check=True, text=True,
                   input='{"key": "k2", "outlet": "generic", "content_hash": "h", "title": "tentang zyxwv"}')
    found = subprocess.run([tool, "search", str(path), "articles", "zyxwv", "-c", "key"],
                           check=True, text=True, capture_output=True).stdout
    assert '"k2"' in found
    assert_in_sync(open_archive(path))
