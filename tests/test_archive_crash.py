"""Crash safety: `kliping ingest` killed with SIGKILL mid-run leaves a sound archive —
integrity ok, full-text index in sync, every stored article complete — and a re-run
finishes the rest with no duplicates."""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES

KLIPING = Path(sys.executable).with_name("kliping")


def make_corpus(directory: Path, copies: int) -> int:
    """Distinct scrapes (each sample with a numbered last line): `copies` per sample."""
    n = 0
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text("utf-8")
        for i in range(copies):  # each copy's text differs: "Ushakov" becomes "Ushakov 00042"
            (directory / f"{sample.stem}-{i:05d}.txt").write_text(
                text.replace("Ushakov", f"Ushakov {i:05d}"), "utf-8")
            n += 1
    return n


def counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as con:
        return (con.execute("select count(*) from articles").fetchone()[0],
                con.execute("select count(*) from raw").fetchone()[0])


def check_sound(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        # FTS5's own check: the index agrees with the content table, no rebuild needed.
        con.execute("insert into articles_fts(articles_fts, rank) values ('integrity-check', 1)")
        fts = con.execute("select count(*) from articles_fts").fetchone()[0]
        articles = con.execute("select count(*) from articles").fetchone()[0]
        assert fts == articles
        # the row that stands the FTS triggers aside inside an ingest never outlives it
        assert con.execute("select count(*) from fts_deferred").fetchone()[0] == 0
        incomplete = con.execute(
            "select count(*) from articles where text is null or text = '' or raw_id is null "
            "or raw_id not in (select id from raw)").fetchone()[0]
        assert incomplete == 0


@pytest.mark.skipif(not KLIPING.exists(), reason="the kliping command is not installed")
def test_sigkill_mid_ingest_then_rerun(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = make_corpus(corpus, 400)  # 2,000 documents: four batches of 500
    db = tmp_path / "kliping.db"
    proc = subprocess.Popen([str(KLIPING), "ingest", str(corpus), "--db", str(db), "--batch-size", "500"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until at least one batch is committed
        time.sleep(0.2)
        if db.exists():
            try:
                if counts(db)[0] > 0:
                    break
            except sqlite3.OperationalError:
                pass
        if proc.poll() is not None:
            break
    if proc.poll() is not None:
        pytest.skip("ingest finished before it could be killed")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial_articles, _ = counts(db)
    assert 0 < partial_articles < total
    check_sound(db)

    rerun = subprocess.run([str(KLIPING), "ingest", str(corpus), "--db", str(db)],
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    articles, raw = counts(db)
    assert articles == total and raw == total  # nothing twice, nothing missing
    check_sound(db)
    with sqlite3.connect(db) as con:  # the killed run's unmerged band keys were merged by the re-run
        assert con.execute("select count(*) from signatures where indexed = 0").fetchone()[0] == 0
        signed = con.execute("select count(*) from signatures").fetchone()[0]
        assert con.execute("select count(*) from signature_bands").fetchone()[0] == 32 * signed


def test_locked_database_is_a_clear_error(run_cli, tmp_path):
    db = tmp_path / "kliping.db"
    first = run_cli("ingest", SAMPLES / "kontan-putin-biden.txt", "--db", db)
    assert first.exit_code == 0
    con = sqlite3.connect(db, timeout=0)
    con.execute("begin exclusive")
    try:
        result = subprocess.run([str(KLIPING), "ingest", str(SAMPLES / "voi-putin-biden.txt"),
                                 "--db", str(db)], capture_output=True, text=True, timeout=120)
    finally:
        con.rollback()
        con.close()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "locked" in result.stderr.lower()
    assert counts(db) == (1, 1)  # no partial rows
