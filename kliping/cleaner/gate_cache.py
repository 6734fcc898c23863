"""What gates.py reads off each rule pattern, kept between runs: a batch that builds its
Screens and FingerprintIndex needs the gate, first characters and anchoring of some 700
patterns, and reading them off the parse trees costs about 0.35 s of CPU a run (as much
as cleaning 150 scrapes), the same every run.

The answers are kept in one file in the user's cache directory (user_cache.py), keyed by
the pattern's text and flags, and made by this Python and this gates.py (the checksum of
its source is part of the file's maker): a change to the analysis reads as a file made
by something else, so no answer can go stale. A file that cannot be read is ignored; an
entry that does not read as an answer is worked out afresh. Either way `facts` returns
what gates.py would.
"""
from __future__ import annotations

import atexit
import binascii
import re
import sys
from typing import NamedTuple

from . import gates, user_cache
from .gates import Gate

#: Entries kept at most; past it, a run keeps only the patterns it asked about.
MAX_ENTRIES = 5000


class Facts(NamedTuple):
    """What gates.py says of one pattern."""

    gate: Gate | None
    first_chars: frozenset[str] | None
    fails_fast: bool
    anchored: bool
    starts_text: bool


def analyse(regex: re.Pattern) -> Facts:
    """Read the facts off the pattern (gates.py's functions)."""
    return Facts(gates.gate_of(regex), gates.first_chars(regex), gates.fails_fast(regex), gates.is_anchored(regex),
                 gates.starts_text(regex))


def _encode(facts: Facts) -> list:
    gate = facts.gate
    return [None if gate is None else [gate.min_len, gate.max_len, list(gate.raw), list(gate.folded), list(gate.ends),
                                       gate.digits],
            None if facts.first_chars is None else sorted(facts.first_chars),
            facts.fails_fast, facts.anchored, facts.starts_text]


def _decode(entry) -> Facts:
    """The facts of a file's entry; ValueError (or TypeError) when it holds none."""
    gate, firsts, fast, anchored, at_start = entry
    if gate is not None:
        min_len, max_len, raw, folded, ends, digits = gate
        if not (isinstance(min_len, int) and (max_len is None or isinstance(max_len, int)) and isinstance(digits, int)
                and all(isinstance(part, list) and all(isinstance(t, str) for t in part) for part in (raw, folded, ends))):
            raise ValueError("not a gate")
        gate = Gate(min_len, max_len, tuple(raw), tuple(folded), tuple(ends), digits)
    if firsts is not None and not (isinstance(firsts, list) and all(isinstance(ch, str) for ch in firsts)):
        raise ValueError("not characters")
    if not all(isinstance(flag, bool) for flag in (fast, anchored, at_start)):
        raise ValueError("not flags")
    return Facts(gate, None if firsts is None else frozenset(firsts), fast, anchored, at_start)


class FactsCache:
    """The facts of patterns, read from `path` when first asked for and written back at
    exit when a pattern was added."""

    def __init__(self, path: str | None, max_entries: int = MAX_ENTRIES):
        self.path = path
        self.max_entries = max_entries
        self._entries: dict[str, list] | None = None if path else {}
        self._known: dict[tuple[str, int], Facts] = {}
        self._used: set[str] = set()
        self._added = False

    def facts(self, regex: re.Pattern) -> Facts:
        """`analyse(regex)`, from the file when it holds the pattern."""
        found = self._known.get((regex.pattern, regex.flags))
        if found is not None:
            return found
        key = f"{int(regex.flags)}:{regex.pattern}"
        entries = self._entries if self._entries is not None else self._load()
        found = None
        if key in entries:
            try:
                found = _decode(entries[key])
            except (ValueError, TypeError):  # a bad entry: read the pattern afresh
                del entries[key]
        if found is None:
            found = analyse(regex)
            if self.path is not None:
                entries[key] = _encode(found)
                if not self._added:
                    self._added = True
                    atexit.register(self.save)
        self._used.add(key)
        self._known[(regex.pattern, regex.flags)] = found
        return found

    def _load(self) -> dict[str, list]:
        entries = user_cache.read(self.path, made_by())
        self._entries = entries if isinstance(entries, dict) else {}
        return self._entries

    def save(self) -> None:
        """Write the entries back, merged with what another run wrote meanwhile."""
        if self.path is None or not self._added:
            return
        on_disk = user_cache.read(self.path, made_by())
        entries = {**(on_disk if isinstance(on_disk, dict) else {}), **(self._entries or {})}
        if len(entries) > self.max_entries:
            entries = {k: v for k, v in entries.items() if k in self._used}
        user_cache.write(self.path, made_by(), entries)
        self._added = False


_MADE_BY: dict | None = None


def made_by() -> dict:
    """This Python and this gates.py (its source's checksum; None when it cannot be read,
    and the cache is then off)."""
    global _MADE_BY
    if _MADE_BY is None:
        try:
            with open(gates.__file__, "rb") as f:
                crc = binascii.crc32(f.read())
        except (OSError, TypeError):
            crc = None
        _MADE_BY = {"python": sys.version, "gates": crc}
    return _MADE_BY


_CACHE: FactsCache | None = None


def facts(regex: re.Pattern) -> Facts:
    """What gates.py says of `regex`, through the user's cache file."""
    global _CACHE
    if _CACHE is None:
        tag = f"{sys.implementation.name}-{sys.version_info[0]}{sys.version_info[1]}"
        path = user_cache.cache_file(f"gates-{tag}.json") if made_by()["gates"] is not None else None
        _CACHE = FactsCache(path)
    return _CACHE.facts(regex)
