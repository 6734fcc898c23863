"""kliping on Apache Spark: the same cleaner and rules, run over many machines.

Needs the `spark` extra (`pip install 'kliping[spark]'`: PySpark 4, pyarrow) and Java 17.
Nothing outside this package imports it, so the cleaner and the archive work without
PySpark.

| module | does |
| --- | --- |
| `session.py` | the SparkSession (local mode or a cluster's) |
| `listing.py` | input paths (files, directories, globs; any Hadoop file system) → files to read |
| `records.py` | bytes of a file, or a JSON Lines line, → the cleaner's documents (its own readers) |
| `schema.py` | the output table: the Article contract plus source, raw sha256, status and error |
| `clean.py` | the cleaning stage: `mapPartitions` with the rules loaded once per worker |
| `dedup.py` | corpus-wide near-duplicates: signatures, LSH band join, verification |
| `components.py` | connected components of the verified pairs (label propagation) |
| `job.py` | the whole job: clean, write, find clusters, write |
| `cli.py` | `kliping spark clean` |
"""
