"""Connected components of an undirected graph given as a DataFrame of edges (a, b).

GraphFrames is not a dependency; this is the plain iterative minimum-label
propagation: every vertex starts labelled with its own id and takes the smallest
label among itself and its neighbours, until no label changes. It needs as many rounds
as the longest shortest path in a component (its diameter) plus one, each round two
shuffles of the edges; near-duplicate clusters are near-cliques (diameter 1–3), so a
handful of rounds. Each round's labels are checkpointed locally to cut the lineage.
"""
from __future__ import annotations

#: Rounds after which the propagation gives up (a chain this long is no cluster).
MAX_ROUNDS = 100


class NoConvergence(RuntimeError):
    """Labels still changed after MAX_ROUNDS rounds."""


def connected_components(spark, edges, max_rounds: int = MAX_ROUNDS):
    """(doc_id, cluster_id) for every vertex of `edges`; cluster_id is the smallest
    doc_id of its component."""
    both = edges.selectExpr("a as src", "b as dst").unionByName(edges.selectExpr("b as src", "a as dst"))
    both = both.localCheckpoint()
    labels = both.selectExpr("src as doc_id").distinct().selectExpr("doc_id", "doc_id as cluster_id")
    labels = labels.localCheckpoint()
    for _ in range(max_rounds):
        offered = both.join(labels.withColumnRenamed("doc_id", "src"), "src").selectExpr("dst as doc_id", "cluster_id")
        updated = (labels.unionByName(offered).groupBy("doc_id").min("cluster_id")
                   .withColumnRenamed("min(cluster_id)", "cluster_id").localCheckpoint())
        changed = (updated.join(labels.withColumnRenamed("cluster_id", "old"), "doc_id")
                   .where("cluster_id != old").count())
        labels = updated
        if not changed:
            return labels
    raise NoConvergence(f"connected components did not settle in {max_rounds} rounds")
