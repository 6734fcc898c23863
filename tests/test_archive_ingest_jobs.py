"""`kliping ingest --jobs N`: workers clean, stem and sign; the archive comes out the
same as with one process, in input order, bad documents reported by name; the pool
reads only a bounded window of its input ahead."""
import itertools
import shutil
import sqlite3
import threading
from pathlib import Path

from kliping.cleaner.batch import CHUNK, IN_FLIGHT, pool_map

from conftest import SAMPLES, kliping

HTML_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def corpus(directory: Path) -> Path:
    """The samples, copies of them with a changed word (near-duplicates), the HTML
    fixtures and two bad files."""
    directory.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text("utf-8")
        for i in range(6):
            (directory / f"{sample.stem}-{i}.txt").write_text(text.replace("Putin", f"Putin{i}", 1), "utf-8")
    for page in sorted(HTML_FIXTURES.glob("*.html")):
        shutil.copy(page, directory / page.name)
    (directory / "broken.txt").write_bytes(b"\x00\x01 binary \xff\xfe" * 20)
    (directory / "empty.txt").write_bytes(b"")
    return directory


def dump(db: Path) -> dict[str, list]:
    """Everything the archive holds that does not depend on the time of the run."""
    with sqlite3.connect(db) as conn:
        return {
            "articles": conn.execute(
                "SELECT id, key, outlet, title, text, published, author, content_hash, cluster_id, "
                "title_stem, text_stem, raw_id FROM articles ORDER BY id").fetchall(),
            "raw": conn.execute("SELECT id, source, sha256, status, error, article_id FROM raw ORDER BY id").fetchall(),
            "signatures": conn.execute("SELECT * FROM signatures ORDER BY article_id").fetchall(),
            "bands": conn.execute("SELECT * FROM signature_bands").fetchall(),
            "paragraphs": conn.execute("SELECT * FROM paragraphs").fetchall(),
            "fts": conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sanksi' "
                                "ORDER BY rowid").fetchall(),
        }


def test_two_workers_build_the_same_archive_as_one_process(tmp_path):
    inputs = corpus(tmp_path / "in")
    one = kliping("ingest", inputs, "--db", tmp_path / "one.db", "--jobs", "1")
    two = kliping("ingest", inputs, "--db", tmp_path / "two.db", "--jobs", "2")
    assert one.exit_code == two.exit_code == 1  # the two bad files
    assert one.stdout.replace("one.db", "X") == two.stdout.replace("two.db", "X")
    assert "2 failed" in two.stdout and "near-duplicates" in two.stdout
    assert "broken.txt" in two.stderr and "empty.txt" in two.stderr
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    assert len(dump(tmp_path / "two.db")["articles"]) == 30 + len(list(HTML_FIXTURES.glob("*.html")))


def test_workers_pass_over_inputs_the_archive_holds(tmp_path):
    inputs = corpus(tmp_path / "in")
    kliping("ingest", inputs, "--db", tmp_path / "k.db", "--jobs", "2")
    before = dump(tmp_path / "k.db")
    again = kliping("ingest", inputs, "--db", tmp_path / "k.db", "--jobs", "2")
    assert "0 new, 0 updated, 42 unchanged, 2 failed" in again.stdout
    assert dump(tmp_path / "k.db") == before
    reclean = kliping("ingest", inputs, "--db", tmp_path / "k.db", "--jobs", "2", "--reclean")
    assert "0 new, 0 updated, 42 unchanged, 2 failed" in reclean.stdout


def _square(n: int) -> int:
    return n * n


def _nothing() -> None:
    return None


def test_the_pool_reads_a_bounded_window_of_its_input():
    """…and stopping early ends the pool (a deadlock here fails the test, not the run)."""
    read = itertools.count()
    got: list[int] = []

    def endless():
        for n in itertools.count():
            next(read)
            yield n

    def consume():
        results = pool_map(_square, endless(), jobs, _nothing, ())
        got.extend(next(results) for _ in range(100))
        results.close()  # stops the pool

    jobs = 2
    consumer = threading.Thread(target=consume, daemon=True)
    consumer.start()
    consumer.join(60)
    assert not consumer.is_alive(), "the pool did not stop when its consumer did"
    assert got == [n * n for n in range(100)]
    window = jobs * CHUNK * IN_FLIGHT
    assert next(read) <= 100 + window + CHUNK
