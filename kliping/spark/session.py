"""The SparkSession for a job: the one `spark-submit` set up, or a local one."""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile

#: Settings for a session kliping starts itself (not under spark-submit).
LOCAL_CONF = {
    "spark.sql.shuffle.partitions": "8",
    "spark.python.worker.reuse": "true",
}


def spark_session(master: str | None = None, app_name: str = "kliping",
                  conf: dict[str, str] | None = None):
    """Get or create the SparkSession. Under `spark-submit` its master and settings
    stand (`master` only applies when none was given); otherwise a local one is made
    whose Python workers run this interpreter, so they import this kliping."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    given = SparkConf()  # holds what spark-submit passed, if anything
    builder = SparkSession.builder.appName(app_name)
    if not given.contains("spark.master"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(master or "local[*]")
        for key, value in {**LOCAL_CONF, **(conf or {})}.items():
            builder = builder.config(key, value)
    elif conf:
        for key, value in conf.items():
            builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


#: Settings of a session started with its log kept out of the way (`kliping spark clean`).
QUIET_CONF = {"spark.ui.showConsoleProgress": "false"}


@contextlib.contextmanager
def log_to_file(prefix: str = "kliping-spark-"):
    """Send what is written to file descriptor 2 while the block runs to a temporary
    file, whose path is yielded. A JVM started inside the block (Spark's) keeps writing
    its log, warnings and progress bars there, leaving the terminal to kliping's own
    lines; the file is removed after the block unless `keep` is set on the yielded
    holder (to point the user at it after a failure)."""
    fd, path = tempfile.mkstemp(prefix=prefix, suffix=".log")
    holder = LogFile(path)
    sys.stderr.flush()
    saved = os.dup(2)
    os.dup2(fd, 2)
    try:
        yield holder
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        os.close(fd)
        if not holder.keep:
            os.unlink(path)


class LogFile:
    """Where `log_to_file` writes; `keep` it to leave the file in place."""

    def __init__(self, path: str):
        self.path = path
        self.keep = False
