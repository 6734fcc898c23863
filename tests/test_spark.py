"""The Spark job in local mode against `kliping clean` and the archive, record for record.

One SparkSession (local[2], UI off) for the module; the corpus (tests/test_spark_corpus.py)
is ≥ 2,000 documents of every format with broken ones and planted near-duplicates.
The tests skip when PySpark is not installed (`pip install '.[spark]'`); select them
with `pytest tests/test_spark.py`.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES, json_lines
from kliping.cleaner import CONTRACT_KEYS, Settings, iter_documents, load_rules
from kliping.cleaner.batch import clean_one
from test_spark_corpus import write_corpus

RECORDS = 2000


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    pytest.importorskip("pyarrow")
    from kliping.spark.session import spark_session

    session = spark_session("local[2]", conf={"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                                              "spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("spark") / "corpus", RECORDS)


@pytest.fixture(scope="module")
def inputs(corpus):
    return [str(SAMPLES), str(corpus.root), str(corpus.root / "no-such-file.txt")]


@pytest.fixture(scope="module")
def output(spark, corpus, inputs):
    from kliping.spark.job import run_clean

    out = corpus.root.parent / "out"
    summary = run_clean(spark, inputs, str(out))
    return out, summary


def read_articles(out: Path) -> dict[str, dict]:
    import pyarrow.dataset as ds

    rows = ds.dataset(out / "articles", format="parquet").to_table().to_pylist()
    by_source = {row["source"]: row for row in rows}
    assert len(by_source) == len(rows), "every source once"
    return by_source


def contract(row: dict) -> dict:
    return {key: row[key] for key in CONTRACT_KEYS}


@pytest.fixture(scope="module")
def reference(inputs):
    """What `kliping clean --jobs 1` prints for the same inputs: articles and failures."""
    from click.testing import CliRunner

    from kliping.cli import main

    result = CliRunner().invoke(main, ["clean", "--jobs", "1", *inputs], catch_exceptions=False)
    assert result.exit_code == 1  # the broken documents
    articles = {a["source"]: a for a in json_lines(result.stdout)}
    failed = [line.removeprefix("kliping: ") for line in result.stderr.splitlines()]
    return articles, failed


def test_spark_articles_are_kliping_clean_record_for_record(output, reference, corpus):
    rows = read_articles(output[0])
    articles, _ = reference
    cleaned = {source: contract(row) for source, row in rows.items() if row["status"] == "ok"}
    assert len(cleaned) >= RECORDS
    assert cleaned.keys() == articles.keys()
    different = [s for s in articles if cleaned[s] != articles[s]]
    assert not different, (different[:3], cleaned[different[0]], articles[different[0]]) if different else None
    assert {str(p) for p in SAMPLES.glob("*.txt")} <= cleaned.keys()


def test_spark_broken_records_are_kept_with_their_error(output, reference, corpus):
    rows = read_articles(output[0])
    _, failed = reference
    broken = {s: r for s, r in rows.items() if r["status"] != "ok"}
    assert corpus.broken <= broken.keys()
    assert any(source.startswith(str(corpus.truncated)) for source in broken)
    assert all(r["error"] and r["text"] is None for r in broken.values())
    assert len(failed) == len(broken)  # `kliping clean` reports the same documents
    assert all(any(line.startswith(f"{source}: ") for line in failed) for source in broken)
    assert rows[str(corpus.root / "no-such-file.txt")]["error"] == "No such file or directory"


def test_spark_status_error_and_raw_bytes_match_the_readers(output, inputs):
    """Every document as the cleaner's readers see it: same status, error, raw bytes."""
    rows = read_articles(output[0])
    rules = load_rules()
    seen = 0
    for doc in iter_documents(inputs):
        outcome = clean_one(doc, rules, Settings())
        row = rows[outcome.source]
        assert (row["status"], row["error"]) == (outcome.status, outcome.error), outcome.source
        data = doc.data
        assert row["raw_sha256"] == (hashlib.sha256(data).hexdigest() if data is not None else None), outcome.source
        assert row["raw"] == data
        seen += 1
    assert seen == len(rows)


def _archive_clusters(db) -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for cluster_id, source in db.execute("select cluster_id, source from articles where cluster_id is not null"):
        groups.setdefault(cluster_id, set()).add(source)
    return {frozenset(g) for g in groups.values()}


def test_spark_clusters_are_the_archives(output, corpus, tmp_path):
    import pyarrow.dataset as ds

    from kliping.archive.db import open_archive
    from kliping.archive.parquet import load_spark_output

    out, summary = output
    groups: dict[int, set[str]] = {}
    for row in ds.dataset(out / "clusters", format="parquet").to_table().to_pylist():
        groups.setdefault(row["cluster_id"], set()).add(row["source"])
        assert row["size"] >= 2 and 0.8 <= row["similarity"] <= 1.0
    spark_clusters = {frozenset(g) for g in groups.values()}
    assert spark_clusters == {frozenset(f) for f in corpus.families}
    assert summary.clusters == len(corpus.families)

    db = open_archive(tmp_path / "k.db")
    loaded = load_spark_output(db, out)
    assert loaded.new >= RECORDS and loaded.failed == len(read_articles(out)) - loaded.new
    assert _archive_clusters(db) == spark_clusters


def test_spark_output_ingested_is_a_searchable_archive(output, run_cli, tmp_path):
    out, _ = output
    db = tmp_path / "k.db"
    first = run_cli("ingest", out, "--db", db)
    assert first.exit_code == 1 and "failed" in first.stdout  # the broken records, kept in raw
    rows = read_articles(out)
    ok = sum(r["status"] == "ok" for r in rows.values())
    assert f"{len(rows)} documents: {ok} new" in first.stdout
    again = run_cli("ingest", out, "--db", db)
    assert f"0 new, 0 updated, {ok} unchanged" in again.stdout
    found = json_lines(run_cli("search", "dijatuhkan", "--outlet", "inews", "--db", db, "--json").stdout)
    assert [hit["title"] for hit in found] == ["Putin Ingatkan Biden: Hubungan AS dan Rusia Bisa Putus jika...."]
    import sqlite3

    with sqlite3.connect(db) as conn:
        broken = [r for r in rows.values() if r["status"] != "ok"]  # one raw row per distinct input
        distinct = len({r["raw_sha256"] for r in broken if r["raw_sha256"]}) + sum(not r["raw_sha256"] for r in broken)
        assert conn.execute("select count(*) from raw where status = 'failed' and error is not null").fetchone()[0] \
            == distinct
        assert conn.execute("select count(*) from signatures").fetchone()[0] >= ok - 5


def test_spark_clean_command_writes_json_lines(spark, run_cli, tmp_path):
    out = tmp_path / "out"
    result = run_cli("spark", "clean", SAMPLES, "--out", out, "--format", "jsonl", "--master", "local[2]", "--verbose")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{out}: 5 documents: 5 ok")
    rows = [json.loads(line) for path in sorted((out / "articles").glob("part-*.json")) for line in path.open()]
    expected = {a["source"]: a for a in json_lines(run_cli("clean", SAMPLES).stdout)}
    assert {r["source"]: contract(r) for r in rows} == expected
    assert all("raw" not in r and r["raw_sha256"] for r in rows)
    loaded = run_cli("ingest", out, "--db", tmp_path / "k.db")  # issue 19: was a pyarrow traceback
    assert loaded.exit_code == 0 and "5 documents: 5 new" in loaded.stdout, loaded.output
    again = run_cli("spark", "clean", SAMPLES, "--out", out, "--format", "jsonl")
    assert again.exit_code == 1 and "give --overwrite to replace it" in again.stderr


def test_spark_clean_keeps_sparks_log_out_of_the_terminal(tmp_path):
    """A run of its own (a new JVM): only kliping's summary, none of Spark's warnings,
    log lines and progress bars (issue 19: about 10 lines drowned the summary)."""
    pytest.importorskip("pyspark")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", "from kliping.cli import main; main()", "spark", "clean", str(SAMPLES), "--out", str(out),
                          "--master", "local[1]", "--format", "jsonl"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"{out}: 5 documents: 5 ok; 0 near-duplicate clusters of 0 articles\n"
    assert run.stderr == ""


def test_spark_components_label_each_vertex_with_its_smallest(spark):
    from kliping.spark.components import connected_components

    edges = spark.createDataFrame([(3, 1), (3, 7), (7, 9), (20, 21), (40, 41), (41, 30)], "a long, b long")
    labels = {r["doc_id"]: r["cluster_id"] for r in connected_components(spark, edges).collect()}
    assert labels == {1: 1, 3: 1, 7: 1, 9: 1, 20: 20, 21: 20, 30: 30, 40: 30, 41: 30}


def test_cleaner_cli_and_loader_import_without_pyspark():
    code = ("import sys; sys.modules['pyspark'] = None\n"
            "import kliping.cli, kliping.archive.parquet, kliping.cli.spark, kliping.spark.job\n"
            "from click.testing import CliRunner\n"
            "r = CliRunner().invoke(kliping.cli.main, ['spark', 'clean', 'x', '--out', 'y'])\n"
            "assert r.exit_code == 1 and 'pip install' in r.output, r.output\n")
    subprocess.run([sys.executable, "-c", code], check=True)
