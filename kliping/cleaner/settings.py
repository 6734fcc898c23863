"""Tunables of the cleaner, in one place; CLI flags share these field names."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds and sizes used by the cleaning stages.

    near_duplicate: paragraph similarity (0..1, rapidfuzz ratio / 100) at or above which a
        later paragraph is a near-copy of an earlier one and is dropped.
    near_duplicate_min_chars: paragraphs shorter than this are only dropped when equal.
    language_sample_chars: how much body text langdetect reads (bounded for speed).
    language_min_chars: below this much body text the rule's declared language is trusted.
    language_function_words: share of the sample's words that must be the declared
        language's function words for it to be trusted without langdetect.
    langdetect_seed: seed for langdetect's sampling, so output is deterministic.
    max_title_chars: a first line longer than this is not taken for a headline.
    document_seconds: the CPU-time budget of one document (`budget.py`); past it the
        document fails with a clear error and the others go on. None for no budget.

    Near-duplicate articles across an archive (`signature.py`):
    shingle_size: words per shingle of the normalised text.
    num_perm: MinHash permutations (hash values per signature).
    minhash_seed: seed of the MinHash permutations; signatures compare only with the same seed.
    lsh_rows: hash values per LSH band (more rows: fewer, closer candidates).
    lsh_bands: LSH bands; None for as many as fit (num_perm // lsh_rows).
    duplicate_threshold: similarity (the larger of Jaccard and containment of the smaller
        shingle set in the larger) at or above which an article joins a cluster.
    near_exact_threshold: similarity at or above which `--skip-duplicates` stores no article.
    duplicate_candidates: at most this many LSH candidates are verified per article.
    paragraph_min_words: shorter paragraphs are not hashed for shared-paragraph lookup.
    """

    near_duplicate: float = 0.9
    near_duplicate_min_chars: int = 30
    language_sample_chars: int = 400
    language_min_chars: int = 80
    language_function_words: float = 0.05
    langdetect_seed: int = 0
    max_title_chars: int = 250
    document_seconds: float | None = 10.0
    shingle_size: int = 3
    num_perm: int = 128
    minhash_seed: int = 1
    lsh_rows: int = 4
    lsh_bands: int | None = None
    duplicate_threshold: float = 0.8
    near_exact_threshold: float = 0.95
    duplicate_candidates: int = 20
    paragraph_min_words: int = 8


DEFAULT_SETTINGS = Settings()
