"""What kliping keeps between runs in the user's cache directory: only what it can always
make again (compiled patterns, the parsed shipped rule files), so that one command does
not redo at every start the same work as the last one.

Each file is JSON: a first line naming what made it (the Python build, kliping's
version) with a checksum of the rest, then the body. A file that is missing, made by
something else, or damaged reads as empty; a file that cannot be written costs only the
next run's time. $KLIPING_CACHE_DIR chooses the directory; set empty, it turns the
cache off.
"""
from __future__ import annotations

import binascii
import json
import os
import sys
from typing import Any


def cache_dir() -> str | None:
    """Where the cache lives: $KLIPING_CACHE_DIR (empty: nowhere), else the platform's user
    cache directory (~/.cache/kliping or $XDG_CACHE_HOME/kliping, ~/Library/Caches/kliping,
    %LOCALAPPDATA%\\kliping\\Cache)."""
    chosen = os.environ.get("KLIPING_CACHE_DIR")
    if chosen is not None:
        return chosen or None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return os.path.join(base, "kliping", "Cache") if base else None
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/kliping")
    xdg = os.environ.get("XDG_CACHE_HOME")
    return os.path.join(xdg if xdg and os.path.isabs(xdg) else os.path.expanduser("~/.cache"), "kliping")


def cache_file(name: str) -> str | None:
    """The path of the cache file `name`, or None when the cache is off."""
    where = cache_dir()
    return os.path.join(where, name) if where else None


def read(path: str | None, made_by: dict[str, Any]) -> Any:
    """The body of the cache file at `path`, or None when it is missing, was made by
    anything but `made_by`, or is damaged in any way."""
    if path is None:
        return None
    try:
        with open(path, "rb") as f:
            header, _, body = f.read().partition(b"\n")
        head = json.loads(header)
        if head.get("made_by") != made_by or head.get("crc32") != binascii.crc32(body):
            return None
        return json.loads(body)
    except (OSError, ValueError, AttributeError):
        return None


def write(path: str | None, made_by: dict[str, Any], value: Any) -> None:
    """Write `value` to the cache file at `path` whole or not at all (another process
    may be reading it); any failure is ignored."""
    if path is None:
        return
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        header = json.dumps({"made_by": made_by, "crc32": binascii.crc32(body)}).encode("ascii")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(header + b"\n" + body)
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):  # TypeError, ValueError: a value JSON cannot hold
        try:
            os.unlink(tmp)
        except OSError:
            pass
