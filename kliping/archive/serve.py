"""Serve an archive with Datasette: the shipped metadata, the plugin, read-only.

Datasette 0.65 reads mutable database files through read-only connections and the
metadata declares no writable canned query, so nothing served can change the archive.
Every query, the canned search too, is stopped after `SETTINGS["sql_time_limit_ms"]`
(Datasette's "SQL Interrupted" page); the search's own limits (`query.MAX_TERMS` …,
applied by `id_match()`) keep any typed query well inside it.
"""
from __future__ import annotations

import asyncio
import copy
import os
from importlib import resources
from pathlib import Path

import yaml

#: The name the shipped metadata uses for the database (kliping.db).
METADATA_DB = "kliping"

#: Datasette settings `kliping serve` sets (explicitly, not trusting defaults to stay):
#: a query runs at most 1 s, returns at most 1,000 rows.
SETTINGS = {"sql_time_limit_ms": 1000, "max_returned_rows": 1000}


def shipped_metadata() -> dict:
    """The metadata.yml shipped with kliping, parsed."""
    text = resources.files("kliping.archive").joinpath("metadata.yml").read_text("utf-8")
    return yaml.safe_load(text)


def metadata_for(db_name: str, metadata: dict | None = None) -> dict:
    """The shipped metadata with its database renamed to `db_name` (and links fixed)."""
    from datasette.utils import tilde_encode

    metadata = copy.deepcopy(metadata if metadata is not None else shipped_metadata())
    databases = metadata.get("databases", {})
    if METADATA_DB in databases and db_name != METADATA_DB:
        databases[db_name] = databases.pop(METADATA_DB)
        old, new = f"/{METADATA_DB}/", f"/{tilde_encode(db_name)}/"

        def relink(node):
            if isinstance(node, dict):
                return {k: relink(v) for k, v in node.items()}
            if isinstance(node, list):
                return [relink(v) for v in node]
            return node.replace(old, new) if isinstance(node, str) else node

        metadata = relink(metadata)
    return metadata


def register_plugin() -> None:
    """Make sure Datasette has the kliping plugin (also when kliping is not installed)."""
    from datasette.plugins import pm

    from . import plugin

    if not pm.is_registered(plugin) and pm.get_plugin("kliping") is None:
        pm.register(plugin, name="kliping")


#: Tables kept from the web when the archive is served beyond this machine: the inputs
#: (local file paths, whole pages) and the near-duplicate machinery.
PRIVATE_TABLES = ("raw", "signatures", "signature_bands", "signature_params", "paragraphs", "fts_deferred")


def is_loopback(host: str) -> bool:
    """Say whether `host` is an address only this machine reaches."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_datasette(path: str | Path, metadata: dict | None = None, public: bool = False, **settings):
    """A Datasette instance serving the archive at `path` with kliping's metadata and
    SETTINGS (`settings` override them). `public`: for others to reach, without the
    PRIVATE_TABLES and free SQL. An archive in a folder this process cannot write to is
    served as immutable (a read-only connection in WAL mode needs to write its -shm)."""
    from datasette.app import Datasette

    register_plugin()
    path = Path(path)
    metadata = metadata_for(path.stem, metadata)
    if public:
        database = metadata.setdefault("databases", {}).setdefault(path.stem, {})
        database["allow_sql"] = False
        tables = database.setdefault("tables", {})
        for table in PRIVATE_TABLES:
            tables.setdefault(table, {})["allow"] = False
    writable = os.access(path.parent, os.W_OK)
    return Datasette([str(path)] if writable else [], immutables=[] if writable else [str(path)],
                     metadata=metadata, settings={**SETTINGS, **settings})


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> None:
    """Run Datasette on host:port until interrupted."""
    import uvicorn

    ds = make_datasette(path, public=public)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
