"""The SparkSession for a job: the one `spark-submit` set up, or a local one."""
from __future__ import annotations

import os
import sys

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
