"""The file to give `spark-submit`: the `kliping spark` commands, under the cluster's
session (its master and settings stand).

    spark-submit --master yarn --py-files kliping.zip kliping/cli/spark_submit.py \\
        clean hdfs:///crawl/2024/*.warc.gz --out hdfs:///kliping/2024
"""
import sys

from kliping.cli.spark import spark

if __name__ == "__main__":
    spark.main(args=sys.argv[1:], prog_name="kliping spark")
