"""`kliping spark …`: the cleaner and the near-duplicate finder on Apache Spark."""
from __future__ import annotations

import contextlib
import sys

import click

from .common import signature_options, signature_settings
from ..spark.job import FORMATS


@click.group("spark")
def spark() -> None:
    """Run kliping on Apache Spark (needs `pip install 'kliping[spark]'` and Java 17)."""


@spark.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR",
              help="Output directory (local or a Hadoop URI): DIR/articles and DIR/clusters.")
@click.option("--master", metavar="URL",
              help="Spark master [default: local[*], or what spark-submit was given].")
@click.option("--partitions", type=click.IntRange(min=1), metavar="N",
              help="Spread the documents over N partitions before cleaning (a shuffle of the input).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="parquet", show_default=True,
              help="Output format; jsonl leaves out the raw bytes.")
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="A directory of rule files merged over the built-in ones (repeatable; shipped to the executors).")
@click.option("--raw/--no-raw", "keep_raw", default=True, show_default=True,
              help="Keep each input's bytes in the `raw` column (for the archive's raw table).")
@click.option("--overwrite", is_flag=True, help="Replace DIR/articles and DIR/clusters when they exist.")
@click.option("--verbose", "-v", is_flag=True, help="Show Spark's own log and progress bars (kept out by default).")
@signature_options
def spark_clean(paths, out, master, partitions, output_format, outlet, rules_dirs, keep_raw,
                overwrite, verbose, **signature) -> None:
    """Clean text, HTML, JSON Lines and WARC inputs (files, directories, globs; local
    or any path Spark reads) into DIR/articles — one row per document, failures kept
    with their error — and cluster near-duplicates into DIR/clusters.

    Prints the counts by status and the clusters found; Spark's own log is kept out
    unless --verbose (after a failure, its file is named). Load the result into the
    archive with `kliping ingest DIR`.
    """
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise click.ClickException("PySpark is not installed: pip install 'kliping[spark]'") from None
    from .common import open_rules
    from ..spark.job import OutputExists, check_output, run_clean
    from ..spark.session import QUIET_CONF, log_to_file, spark_session

    open_rules(rules_dirs, outlet)  # bad rules or outlet stop here, not in an executor
    settings = signature_settings(**signature)
    try:
        check_output(out, overwrite)  # a local output that exists stops here, before Spark starts
    except OutputExists as exc:
        raise click.ClickException(str(exc)) from None
    from pyspark.sql import SparkSession

    running = SparkSession.getActiveSession()  # a caller's session (tests, a notebook) stays up
    error = None
    with contextlib.nullcontext() if verbose else log_to_file() as log:
        session = spark_session(master, conf=None if verbose else QUIET_CONF)
        try:
            summary = run_clean(session, list(paths), out, output_format=output_format, partitions=partitions,
                                rules_dirs=tuple(rules_dirs), outlet=outlet, keep_raw=keep_raw,
                                settings=settings, overwrite=overwrite)
        except Exception as exc:  # told below, once the terminal has its stderr back
            error = exc
            if log is not None and not isinstance(exc, OutputExists):
                log.keep = True
        finally:
            if running is None:
                session.stop()
    if error is not None:
        if log is not None and log.keep:
            click.echo(f"kliping: Spark's log is in {log.path}", err=True)
        if isinstance(error, OutputExists) or type(error).__name__ == "AnalysisException":
            raise click.ClickException(str(error).splitlines()[0]) from None
        raise error
    click.echo(str(summary))
    sys.stdout.flush()


COMMANDS = [spark]
