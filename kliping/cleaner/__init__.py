"""kliping.cleaner — raw Indonesian news scrapes in, clean `Article` records out.

A pure library: no database, no CLI, no network. Stages, in pipeline order:
inputs (RawDoc) → rules (pick the outlet) → text (decide each line) → dedupe (repeats)
→ metadata (fields) → pipeline (sequencing) → Article.
"""
from .article import CONTRACT_KEYS, Article
from .dates import parse_date
from .inputs import InputError, RawDoc, expand_paths, iter_documents, read_bytes, read_path
from .html import NotAnArticle
from .pipeline import Explained, build_article, clean, clean_text, explain
from .rules import Match, Rule, RuleError, RuleSet
from .rule_loader import load_rules
from .settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "Article", "CONTRACT_KEYS", "DEFAULT_SETTINGS", "Explained", "InputError", "Match",
    "NotAnArticle", "RawDoc", "Rule", "RuleError", "RuleSet", "Settings", "build_article",
    "clean", "clean_text", "expand_paths", "explain", "iter_documents", "load_rules",
    "parse_date", "read_bytes", "read_path",
]
