"""Corpus-wide near-duplicates, as the archive finds them, over a whole Spark output.

Each step is the archive's (`kliping.archive.dedup`), with its functions and settings:

1. sign every article text (`kliping.signature`: the same normalisation,
   shingles, MinHash and band keys), in `mapPartitions`;
2. candidate pairs: articles sharing a band key. Within a band, each article is paired
   with the `PER_BAND` smallest ids before it — all pairs in the small buckets of real
   near-duplicates, a star instead of a clique in the huge ones (boilerplate, a text
   syndicated thousands of times), as the archive reads at most `PER_BAND` ids a band;
3. screen: pairs whose similarity estimated from the signatures is more than
   `ESTIMATE_MARGIN` below the threshold are dropped;
4. verify: exact similarity (max of Jaccard and containment) on the shingles of both
   texts, kept at or above `duplicate_threshold`;
5. clusters: connected components of the verified pairs (`components.py`).
"""
from __future__ import annotations

from functools import partial

from ..archive.band_index import PER_BAND
from ..archive.dedup import ESTIMATE_MARGIN
from ..cleaner.settings import DEFAULT_SETTINGS, Settings
from ..signature import (Signature, band_keys, estimated_similarity, shingles, sign,
                                 similarity)
from .components import connected_components


def _sign_partition(rows, settings: Settings):
    for doc_id, text in rows:
        signature = sign(shingles(text or "", settings), settings)
        if signature is not None:
            yield doc_id, signature.shingles, signature.to_bytes(), band_keys(signature, settings)


def signatures(spark, articles, settings: Settings = DEFAULT_SETTINGS):
    """(doc_id, shingles, minhash, bands) for every article with words in its text."""
    rows = articles.select("doc_id", "text").rdd.mapPartitions(partial(_sign_partition, settings=settings))
    schema = "doc_id long, shingles int, minhash binary, bands array<long>"
    return spark.createDataFrame(rows, schema)


def candidate_pairs(signed):
    """(a, b), a < b: pairs sharing a band key, each article paired with at most
    PER_BAND earlier ids of a band."""
    buckets = (signed.selectExpr("doc_id", "explode(bands) as band_key")
               .groupBy("band_key").agg({"doc_id": "collect_set"})
               .selectExpr("band_key", "array_sort(`collect_set(doc_id)`) as ids")
               .where("size(ids) > 1"))
    later = buckets.selectExpr("band_key", "posexplode(ids) as (pos, b)")
    earlier = buckets.selectExpr("band_key as key", f"posexplode(slice(ids, 1, {PER_BAND})) as (apos, a)")
    return (later.join(earlier, (later.band_key == earlier.key) & (earlier.apos < later.pos))
            .select("a", "b").distinct())


def _screen_partition(rows, settings: Settings):
    floor = settings.duplicate_threshold - ESTIMATE_MARGIN
    for a, b, count_a, hash_a, count_b, hash_b in rows:
        if estimated_similarity(Signature.from_bytes(hash_a, count_a),
                                Signature.from_bytes(hash_b, count_b)) >= floor:
            yield a, b


def _verify_partition(rows, settings: Settings):
    for a, b, text_a, text_b in rows:
        value = similarity(shingles(text_a or "", settings), shingles(text_b or "", settings))
        if value >= settings.duplicate_threshold:
            yield a, b, round(value, 4)


def verified_pairs(spark, articles, settings: Settings = DEFAULT_SETTINGS):
    """(a, b, similarity) for every pair of near-duplicate articles found."""
    signed = signatures(spark, articles, settings).cache()
    pairs = candidate_pairs(signed)
    sig_a = signed.selectExpr("doc_id as a", "shingles as count_a", "minhash as hash_a")
    sig_b = signed.selectExpr("doc_id as b", "shingles as count_b", "minhash as hash_b")
    scored = pairs.join(sig_a, "a").join(sig_b, "b").select("a", "b", "count_a", "hash_a", "count_b", "hash_b")
    near = spark.createDataFrame(scored.rdd.mapPartitions(partial(_screen_partition, settings=settings)),
                                 "a long, b long")
    text_a = articles.selectExpr("doc_id as a", "text as text_a")
    text_b = articles.selectExpr("doc_id as b", "text as text_b")
    joined = near.join(text_a, "a").join(text_b, "b").select("a", "b", "text_a", "text_b")
    return spark.createDataFrame(joined.rdd.mapPartitions(partial(_verify_partition, settings=settings)),
                                 "a long, b long, similarity double")


def find_clusters(spark, articles, settings: Settings = DEFAULT_SETTINGS):
    """The `clusters` table (schema.CLUSTER_COLUMNS) of the articles (doc_id, source,
    text; cleaned ones only)."""
    edges = verified_pairs(spark, articles, settings).cache()
    labels = connected_components(spark, edges.select("a", "b"))
    best = (edges.selectExpr("a as doc_id", "similarity")
            .unionByName(edges.selectExpr("b as doc_id", "similarity"))
            .groupBy("doc_id").agg({"similarity": "max"})
            .withColumnRenamed("max(similarity)", "similarity"))
    sizes = labels.groupBy("cluster_id").count().withColumnRenamed("count", "size")
    return (labels.join(sizes, "cluster_id").join(best, "doc_id")
            .join(articles.select("doc_id", "source"), "doc_id")
            .select("cluster_id", "doc_id", "source", "size", "similarity"))
