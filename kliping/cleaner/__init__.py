"""kliping.cleaner — raw Indonesian news scrapes in, clean `Article` records out.

A pure library: no database, no CLI, no network. Stages, in pipeline order:
inputs (RawDoc) → rules (pick the outlet) → text (decide each line) → dedupe (repeats)
→ metadata (fields) → pipeline (sequencing) → Article.

The names below are imported when first used (PEP 562), so that importing one module of
the cleaner (its settings, say) does not import all of it: a command that only reads
its options starts in a blink.
"""
from __future__ import annotations

from .lazy import lazy_names

#: Public name → the module of the cleaner that defines it.
_PUBLIC = {
    "Article": "article", "CONTRACT_KEYS": "article",
    "parse_date": "dates",
    "InputError": "inputs", "RawDoc": "inputs", "expand_paths": "inputs", "iter_documents": "inputs",
    "read_bytes": "inputs", "read_path": "inputs",
    "NotAnArticle": "html.kind",
    "Explained": "pipeline", "build_article": "pipeline", "clean": "pipeline", "clean_text": "pipeline",
    "explain": "pipeline",
    "Match": "rules", "Rule": "rules", "RuleError": "rules", "RuleSet": "rules",
    "load_rules": "rule_loader",
    "DEFAULT_SETTINGS": "settings", "Settings": "settings",
}

__all__ = sorted(_PUBLIC)


__getattr__ = lazy_names(__name__, _PUBLIC, globals())


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
