"""The whole Spark job: list inputs, clean, write `articles`, find near-duplicates,
write `clusters`.

OUT/articles and OUT/clusters are Parquet datasets (or JSON Lines with
`output_format="jsonl"`, without the raw bytes). The near-duplicate stage reads the
written articles back, so their `doc_id`s are the ones on disk and the cleaning is
never run twice.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import PurePath

from ..cleaner.settings import DEFAULT_SETTINGS, Settings
from .clean import clean_rows
from .dedup import find_clusters
from .listing import list_inputs
from .schema import ARTICLE_COLUMNS, CLUSTER_COLUMNS, spark_schema

FORMATS = ("parquet", "jsonl")


@dataclass
class JobSummary:
    """What a run wrote: documents by status, clusters and the articles in them, and
    the seconds each stage took ("clean": listing, cleaning, writing; "clusters")."""

    out: str
    statuses: dict[str, int] = field(default_factory=dict)
    clusters: int = 0
    clustered: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return sum(self.statuses.values())

    def __str__(self) -> str:
        ok = self.statuses.get("ok", 0)
        others = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()) if s != "ok")
        return (f"{self.out}: {self.documents} documents: {ok} ok"
                + (f", {others}" if others else "")
                + f"; {self.clusters} near-duplicate clusters of {self.clustered} articles")


def table_path(out: str, table: str) -> str:
    """Where a table of the output `out` is written (local path or URI)."""
    return out.rstrip("/") + "/" + table if "://" in out else str(PurePath(out, table))


class OutputExists(ValueError):
    """The output's tables exist and `overwrite` was not asked for."""


def check_output(out: str, overwrite: bool, spark=None) -> None:
    """OutputExists when OUT/articles or OUT/clusters exists and `overwrite` is off:
    before any work, not after it. Local paths are looked at directly (no Spark
    needed); with `spark`, URIs too, through Hadoop's file system."""
    if overwrite:
        return
    for table in ("articles", "clusters"):
        path = table_path(out, table)
        if _exists(path, spark):
            raise OutputExists(f"{path} exists: give --overwrite to replace it, or another --out")


def _exists(path: str, spark) -> bool:
    if "://" not in path and not path.startswith("file:"):
        from pathlib import Path

        return Path(path).exists()
    if spark is None:
        return False
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(hadoop_path)


def write_table(frame, path: str, output_format: str, overwrite: bool) -> None:
    writer = frame.write.mode("overwrite" if overwrite else "errorifexists")
    if output_format == "jsonl":
        writer.option("ignoreNullFields", "false").json(path)
    else:
        writer.parquet(path)


def read_table(spark, path: str, columns: tuple[str, ...], output_format: str):
    reader = spark.read.schema(spark_schema(columns))
    return reader.json(path) if output_format == "jsonl" else reader.parquet(path)


def run_clean(spark, paths: list[str], out: str, *, output_format: str = "parquet",
              partitions: int | None = None, rules_dirs: tuple[str, ...] = (),
              outlet: str | None = None, keep_raw: bool = True,
              settings: Settings = DEFAULT_SETTINGS, overwrite: bool = False) -> JobSummary:
    """Clean `paths` into OUT/articles and cluster near-duplicates into OUT/clusters."""
    if output_format not in FORMATS:
        raise ValueError(f"format {output_format!r}: one of {', '.join(FORMATS)}")
    check_output(out, overwrite, spark)
    start = time.perf_counter()
    files, missing = list_inputs(spark, paths)
    columns = ARTICLE_COLUMNS if output_format == "parquet" else ARTICLE_COLUMNS[:-1]
    rows = clean_rows(spark, files, missing, rules_dirs, outlet,
                      keep_raw=keep_raw and output_format == "parquet", partitions=partitions)
    articles = spark.createDataFrame(rows, spark_schema(ARTICLE_COLUMNS), verifySchema=False)
    articles_path = table_path(out, "articles")
    write_table(articles.select(*columns), articles_path, output_format, overwrite)
    written = read_table(spark, articles_path, columns, output_format)
    summary = JobSummary(out, {r["status"]: r["count"] for r in written.groupBy("status").count().collect()})
    summary.seconds["clean"] = time.perf_counter() - start
    cleaned = written.where("status = 'ok'").select("doc_id", "source", "text")
    clusters = find_clusters(spark, cleaned, settings).select(*CLUSTER_COLUMNS)
    clusters_path = table_path(out, "clusters")
    write_table(clusters, clusters_path, output_format, overwrite)
    counts = read_table(spark, clusters_path, CLUSTER_COLUMNS, output_format).selectExpr(
        "count(distinct cluster_id) as clusters", "count(*) as articles").first()
    summary.clusters, summary.clustered = counts["clusters"], counts["articles"]
    summary.seconds["clusters"] = time.perf_counter() - start - summary.seconds["clean"]
    return summary
