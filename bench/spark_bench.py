"""Benchmark kliping on Spark in local mode against `kliping clean --jobs 2`, same corpus.

The corpus is the one the Spark tests use (tests/test_spark_corpus.py: text, HTML,
JSON Lines and WARC, some broken, planted near-duplicates), --records documents. Each
configuration runs in its own process:

* Spark's fixed start-up: a SparkSession and one trivial job (JVM, Python workers);
* `kliping spark clean` at local[1] and local[2]: the cleaning stage (list, clean,
  write Parquet) and the near-duplicate stage timed apart; docs/s is over the
  cleaning stage, start-up excluded, and end to end;
* `kliping clean --jobs 2 > /dev/null`, end to end;
* loading the Parquet into a new archive (`kliping ingest OUT`), docs/s.

    python bench/spark_bench.py [--records 4000]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false", "spark.sql.shuffle.partitions": "8"}


def child(master: str, corpus: str, out: str) -> None:
    """One Spark configuration, in this process: print its timings as JSON."""
    start = time.perf_counter()
    from kliping.spark.job import run_clean
    from kliping.spark.session import spark_session

    spark = spark_session(master, conf=CONF)
    spark.sparkContext.parallelize(range(4), 2).count()
    startup = time.perf_counter() - start
    summary = run_clean(spark, [corpus], out) if out else None
    spark.stop()
    print(json.dumps({"startup": startup, "total": time.perf_counter() - start,
                      "documents": summary.documents if summary else 0,
                      **(summary.seconds if summary else {})}))


def run_child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=4000, help="documents in the corpus [4000]")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("spark bench skipped: PySpark is not installed (pip install '.[spark]')")
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from test_spark_corpus import write_corpus

    kliping = str(Path(sys.executable).with_name("kliping"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus", args.records)
        startup = run_child("local[2]", str(corpus.root), "")["startup"]
        print(f"corpus: {corpus.documents} documents; Spark fixed start-up (session + first job): {startup:.1f} s")
        print(f"{'configuration':<28} {'clean s':>8} {'docs/s':>7} {'clusters s':>10} {'total s':>8} {'docs/s e2e':>10}")
        rows = [("Spark fixed start-up (JVM, session, first job)", None, None, None, startup, None)]
        for master in ("local[1]", "local[2]"):
            out = Path(tmp) / f"out-{master[6]}"
            t = run_child(master, str(corpus.root), str(out))
            print(f"{'kliping spark ' + master:<28} {t['clean']:>8.1f} {t['documents'] / t['clean']:>7.0f} "
                  f"{t['clusters']:>10.1f} {t['total']:>8.1f} {t['documents'] / t['total']:>10.0f}")
            rows.append((f"`kliping spark clean`, `{master}`", t["clean"], t["documents"] / t["clean"],
                         t["clusters"], t["total"], t["documents"] / t["total"]))
        seconds = timed([kliping, "clean", "--jobs", "2", "--quiet", str(corpus.root)])
        print(f"{'kliping clean --jobs 2':<28} {seconds:>8.1f} {t['documents'] / seconds:>7.0f} "
              f"{'':>10} {seconds:>8.1f} {t['documents'] / seconds:>10.0f}")
        rows.append(("`kliping clean --jobs 2`", seconds, t["documents"] / seconds, None, seconds,
                     t["documents"] / seconds))
        seconds = timed([kliping, "ingest", str(out), "--db", str(Path(tmp) / "k.db")])
        print(f"kliping ingest of the Parquet into a new archive: {seconds:.1f} s, "
              f"{t['documents'] / seconds:.0f} docs/s (end to end)")
        rows.append(("`kliping ingest OUT` (the Parquet into a new archive)", None, None, None, seconds,
                     t["documents"] / seconds))
        print_table(corpus.documents, rows)


def print_table(documents: int, rows: list[tuple]) -> None:
    """The table docs/scaling.md shows, between the markers tests/test_docs.py looks for."""
    def cell(value, unit=""):
        return "" if value is None else (f"{value:.1f} s" if unit == "s" else f"{value:,.0f}")

    print(f"\n<!-- speed table: bench/spark_bench.py, {documents:,} documents -->")
    print("| configuration | cleaning stage (list, clean, write Parquet) | docs/s | near-duplicate stage "
          "| end to end | docs/s end to end |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, clean, rate, clusters, total, rate_total in rows:
        print(f"| {name} | {cell(clean, 's')} | {cell(rate)} | {cell(clusters, 's')} | {cell(total, 's')} "
              f"| {cell(rate_total)} |")
    print("<!-- end of speed table -->")

if __name__ == "__main__":
    main()
