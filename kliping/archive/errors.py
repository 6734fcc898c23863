"""The archive's one error, apart from the modules that raise it (db and dedup both do)."""
from __future__ import annotations


class ArchiveError(Exception):
    """The archive file is missing or cannot be used."""
