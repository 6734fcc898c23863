"""The LSH band and paragraph index written in sorted runs (`archive/band_index.py`):
pending rows are found before they are merged, merges come at the share they are set
to, and a run that dies before its merge loses nothing."""
import sqlite3

import pytest

from kliping.archive import band_index
from kliping.archive.db import open_archive
from kliping.archive.dedup import Deduplicator
from kliping.signature import band_keys, paragraph_spans, text_signature

from conftest import kliping
from test_archive_dupes import blog_mirror, dupes, kontan_paragraphs


def add(db, dedup, n, text):
    """What ingest does for a new article, without cleaning."""
    match = dedup.match(text)
    cluster_id = dedup.join(match)
    article_id = db.execute(
        "INSERT INTO articles (key, outlet, text, content_hash, cluster_id) VALUES (?, ?, ?, ?, ?)",
        [f"https://example.test/{n}", "generic", text, f"h{n}", cluster_id]).lastrowid
    dedup.store(article_id, match)
    return article_id, match


def counts(db):
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("signature_bands", "paragraphs", "temp.pending_bands", "temp.pending_paragraphs")}


def words(seed: int, n: int = 120) -> str:
    """A text of `n` distinct made-up words (no shingle shared with another seed's)."""
    return "\n\n".join(" ".join(f"kata{seed}x{i + j}" for j in range(12)) for i in range(0, n, 12))


def test_a_copy_of_a_pending_article_is_found_before_the_merge(tmp_path):
    db = open_archive(tmp_path / "k.db")
    dedup = Deduplicator(db)
    text = "\n\n".join(kontan_paragraphs())
    with db.atomic():
        first, _ = add(db, dedup, 1, text)
        assert counts(db)["signature_bands"] == 0 and counts(db)["temp.pending_bands"] == 32
        second, match = add(db, dedup, 2, blog_mirror())
    assert match.article_id == first and match.similarity >= 0.8
    assert db.execute("SELECT count(*) FROM signatures WHERE indexed = 0").fetchone()[0] == 2


def test_the_pending_run_is_merged_at_its_share_of_the_archive(tmp_path, monkeypatch):
    monkeypatch.setattr(band_index, "FLUSH_MIN", 4)
    monkeypatch.setattr(band_index, "FLUSH_SHARE", 0.5)
    db = open_archive(tmp_path / "k.db")
    dedup = Deduplicator(db)
    merged_after = []
    with db.atomic():
        for n in range(1, 21):
            add(db, dedup, n, words(n))
            if dedup.index.pending == 0:
                merged_after.append(n)
    # at least 4 pending, then at least half of the articles indexed before
    assert merged_after == [4, 8, 12, 18]
    assert counts(db)["signature_bands"] == 18 * 32 and counts(db)["temp.pending_bands"] == 2 * 32
    stored = db.execute("SELECT band_key, article_id FROM signature_bands").fetchall()
    expected = {(key, n) for n in range(1, 19) for key in band_keys(text_signature(words(n)))}
    assert set(stored) == expected
    dedup.flush()
    assert counts(db)["temp.pending_bands"] == 0 and counts(db)["signature_bands"] == 20 * 32
    assert db.execute("SELECT count(*) FROM signatures WHERE indexed = 0").fetchone()[0] == 0


def test_ingest_merges_at_its_end(tmp_path):
    db_path = tmp_path / "k.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mirror.txt").write_text(blog_mirror(), "utf-8")
    assert kliping("ingest", tmp_path / "in", "--db", db_path).exit_code == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM signature_bands").fetchone()[0] == 32
    assert conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM signatures WHERE indexed = 0").fetchone()[0] == 0


def test_articles_committed_before_a_merge_are_indexed_by_the_next_run(tmp_path, seeded_text_db):
    """A run that dies after committing articles but before merging their rows: the next
    opening puts them back in the pending run, so a later copy still finds them."""
    db_path = seeded_text_db
    db = open_archive(db_path)
    dedup = Deduplicator(db)
    text = "\n\n".join(kontan_paragraphs())
    with db.atomic():
        first, _ = add(db, dedup, 1, text)
    spans = paragraph_spans(text)
    db.conn.close()  # the process ends here: the pending run (TEMP tables) is gone

    db = open_archive(db_path)
    assert db.execute("SELECT indexed FROM signatures WHERE article_id = ?", [first]).fetchone() == (0,)
    dedup = Deduplicator(db)
    assert counts(db)["temp.pending_bands"] == 32 and counts(db)["temp.pending_paragraphs"] == len(spans)
    with db.atomic():
        _, match = add(db, dedup, 2, blog_mirror())
        dedup.flush()
    assert match.article_id == first
    assert db.execute("SELECT count(*) FROM signatures WHERE indexed = 0").fetchone()[0] == 0
    assert counts(db)["signature_bands"] == 2 * 32
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_rolled_back_batch_leaves_no_pending_rows(tmp_path):
    db = open_archive(tmp_path / "k.db")
    dedup = Deduplicator(db)
    with pytest.raises(RuntimeError):
        with db.atomic():
            add(db, dedup, 1, words(1))
            raise RuntimeError("the batch fails")
    assert counts(db) == {"signature_bands": 0, "paragraphs": 0, "temp.pending_bands": 0,
                          "temp.pending_paragraphs": 0}
    with db.atomic():
        add(db, dedup, 2, words(2))
        dedup.flush()
    assert counts(db)["signature_bands"] == 32


def test_an_update_removes_pending_rows_too(tmp_path):
    db = open_archive(tmp_path / "k.db")
    dedup = Deduplicator(db)
    with db.atomic():
        article_id, _ = add(db, dedup, 1, words(1))
        dedup.forget(article_id, words(1))
        assert counts(db)["temp.pending_bands"] == 0 and counts(db)["temp.pending_paragraphs"] == 0
        assert dedup.index.pending == 0


def test_dupes_after_a_run_that_merged_mid_way(tmp_path, monkeypatch):
    """Merges in the middle of an ingest do not change what is found."""
    monkeypatch.setattr(band_index, "FLUSH_MIN", 1)
    monkeypatch.setattr(band_index, "FLUSH_SHARE", 0.0)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("\n\n".join(kontan_paragraphs()), "utf-8")
    (tmp_path / "in" / "b.txt").write_text(blog_mirror(), "utf-8")
    assert kliping("ingest", tmp_path / "in", "--db", tmp_path / "k.db").exit_code == 0
    [cluster] = dupes(tmp_path / "k.db")
    assert len(cluster["articles"]) == 2


@pytest.fixture
def seeded_text_db(tmp_path):
    path = tmp_path / "seeded.db"
    open_archive(path).conn.close()
    return path
