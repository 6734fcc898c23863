"""`kliping ingest DIR` of a `kliping spark clean` output (issue 19, item 2): Parquet and
JSON Lines part files are both read; a broken or foreign output is one clear line naming
it, never a pyarrow traceback; a Spark output given with other paths is loaded too.

The outputs here are laid out as Spark writes them (DIR/articles/part-*.{json,parquet},
_SUCCESS) from what `kliping clean` prints for the samples, so no Spark is needed;
tests/test_spark.py ingests what a real Spark run wrote.
"""
from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, json_lines, sql_value


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    """The samples as rows of Spark's articles table (contract keys, status, error)."""
    from click.testing import CliRunner

    from kliping.cli import main

    result = CliRunner().invoke(main, ["clean", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return [{"doc_id": n, **article, "status": "ok", "error": None, "raw_url": None}
            for n, article in enumerate(json_lines(result.stdout))]


def spark_jsonl(out, rows, extra_lines: list[bytes] = ()):
    articles = out / "articles"
    articles.mkdir(parents=True)
    (articles / "_SUCCESS").write_bytes(b"")
    (articles / "part-00000-a-c000.json").write_bytes(
        b"".join(json.dumps(r).encode() + b"\n" for r in rows[:3]) + b"".join(extra_lines))
    (articles / "part-00001-a-c000.json").write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in rows[3:]))
    return out


def test_json_lines_output_is_read_and_searchable(run_cli, rows, tmp_path):
    out = spark_jsonl(tmp_path / "out", rows)
    db = tmp_path / "k.db"
    result = run_cli("ingest", out, "--db", db)
    assert result.exit_code == 0, result.output
    assert "5 documents: 5 new" in result.stdout
    found = json_lines(run_cli("search", "dijatuhkan", "--db", db, "--json").stdout)
    assert {hit["outlet"] for hit in found} == {"inews", "tribunnews"}
    again = run_cli("ingest", out / "articles", "--db", db)  # the articles directory itself
    assert "0 new, 0 updated, 5 unchanged" in again.stdout


def test_a_broken_line_is_one_failed_document_naming_file_and_line(run_cli, rows, tmp_path):
    out = spark_jsonl(tmp_path / "out", rows, extra_lines=[b'{"source": "x", "stat\n', b"[1, 2]\n"])
    db = tmp_path / "k.db"
    result = run_cli("ingest", out, "--db", db)
    assert result.exit_code == 1
    assert "5 new, 0 updated, 0 unchanged, 2 failed" in result.stdout
    assert "part-00000-a-c000.json:4: not JSON" in result.stderr
    assert "part-00000-a-c000.json:5: not a JSON object" in result.stderr
    assert "Traceback" not in result.output
    assert sql_value(db, "select count(*) from raw where coalesce(text, cast(data as text)) = '[1, 2]\n'") == 1  # kept as received


def test_a_corrupt_parquet_file_is_one_line_not_a_traceback(run_cli, tmp_path):
    articles = tmp_path / "out" / "articles"
    articles.mkdir(parents=True)
    (articles / "part-00000.parquet").write_bytes(b"PAR1 this is not parquet at all")
    result = run_cli("ingest", tmp_path / "out", "--db", tmp_path / "k.db")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {articles}: cannot read this Parquet output")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_a_parquet_table_that_is_not_kliping_articles_is_named(run_cli, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    clusters = tmp_path / "out" / "clusters"  # the other table of a Spark output
    clusters.mkdir(parents=True)
    pq.write_table(pyarrow.Table.from_pylist([{"cluster_id": 1, "doc_id": 1, "size": 2}]),
                   clusters / "part-00000.parquet")
    result = run_cli("ingest", clusters, "--db", tmp_path / "k.db")
    assert result.exit_code == 1
    assert f"{clusters}: not the articles table of `kliping spark clean`" in result.stderr


def test_an_unfinished_output_says_so(run_cli, tmp_path):
    articles = tmp_path / "out" / "articles"
    articles.mkdir(parents=True)
    (articles / "_SUCCESS").write_bytes(b"")
    result = run_cli("ingest", tmp_path / "out", "--db", tmp_path / "k.db")
    assert result.exit_code == 1 and "no part files" in result.stderr


def test_spark_output_with_other_paths_loads_both(run_cli, rows, tmp_path):
    out = spark_jsonl(tmp_path / "out", rows[:2])
    db = tmp_path / "k.db"
    result = run_cli("ingest", out, SAMPLES / "kontan-putin-biden.txt", "--db", db)
    assert result.exit_code == 0, result.output
    assert "3 documents: 3 new" in result.stdout
    assert sql_value(db, "select count(*) from articles") == 3


def test_url_with_spark_output_is_refused(run_cli, rows, tmp_path):
    out = spark_jsonl(tmp_path / "out", rows)
    result = run_cli("ingest", out, "--url", "https://a.example/x", "--db", tmp_path / "k.db")
    assert result.exit_code == 2 and "rows carry their own URL" in result.stderr


def test_a_spark_output_inside_a_walked_directory_is_named_not_passed_over(run_cli, rows, tmp_path):
    folder = tmp_path / "data"
    spark_jsonl(folder / "out", rows)
    (folder / "kontan.txt").write_bytes((SAMPLES / "kontan-putin-biden.txt").read_bytes())
    result = run_cli("ingest", folder, "--db", tmp_path / "k.db")
    assert result.exit_code == 0 and "1 document: 1 new" in result.stdout
    assert (f"kliping: {folder / 'out'}: the output of `kliping spark clean`, inside a directory given: "
            f"its part files were not read; give it as a path of its own (kliping ingest {folder / 'out'})") \
        in result.stderr
