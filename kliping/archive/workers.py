"""`kliping ingest --jobs N`: cleaning, stemming and signing in worker processes.

Everything an ingest does that needs no write to the database — clean the document,
build its row with the stemmed columns, sign its text — is done by `prepare_item` in a
pool of workers, in input order; the main process only looks up and writes, in its
batched transactions. Each worker loads the rules once and opens the archive read-only
to pass over inputs it already holds (the main process reports them "unchanged").
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, Iterator

from ..cleaner import DEFAULT_SETTINGS, Settings, clean, load_rules
from ..cleaner.batch import pool_map
from .ingest import DONE, Received, find_raw, prepare_item

_WORKER: tuple | None = None


def _start_worker(db_path: str, rules_dirs: tuple[str, ...], settings: Settings,
                  outlet: str | None, reclean: bool) -> None:
    global _WORKER
    known = None if reclean else sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    _WORKER = (load_rules(list(rules_dirs)), settings, outlet, known)


def _prepare_in_worker(item: Received) -> Received:
    rules, settings, outlet, known = _WORKER
    if known is not None and item.doc is not None:
        found = find_raw(known, item)
        if found and found[1] in DONE:
            return item
    return prepare_item(item, lambda doc: clean(doc, rules, settings, outlet=outlet), settings)


def prepare_stream(items: Iterable[Received], db_path: str, rules_dirs: Iterable[str] = (),
                   settings: Settings = DEFAULT_SETTINGS, outlet: str | None = None,
                   reclean: bool = False, jobs: int = 1) -> Iterator[Received]:
    """`items` prepared by `jobs` worker processes, in input order (as they are with
    jobs <= 1: the ingest then cleans them itself)."""
    if jobs <= 1:
        yield from items
        return
    yield from pool_map(_prepare_in_worker, items, jobs, _start_worker,
                        (str(db_path), tuple(map(str, rules_dirs)), settings, outlet, reclean))
