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
    """

    near_duplicate: float = 0.9
    near_duplicate_min_chars: int = 30
    language_sample_chars: int = 400
    language_min_chars: int = 80
    language_function_words: float = 0.05
    langdetect_seed: int = 0
    max_title_chars: int = 250


DEFAULT_SETTINGS = Settings()
