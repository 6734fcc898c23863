"""Compiled regular expressions kept between runs, so that a command that cleans one
scrape does not spend most of its time compiling the same few hundred patterns (its
rules' and the cleaner's own) that it compiled last time.

`re` compiles in two steps: parsing a pattern into code for its matching engine (slow,
in Python) and making a pattern object of that code (fast, in C). The cache keeps the
code of each pattern, keyed by the pattern's text and flags, in one file per Python
build (the code is private to it) in the user's cache directory (user_cache.py). A
changed rule file brings changed patterns, which are new keys: no entry can go stale.
A cache file that cannot be read, or fails its checksum, is ignored (and rewritten);
an entry the engine refuses is compiled afresh; any other trouble turns the cache off
for the run. Either way `compile` returns what `re.compile` would: a pattern object
compares equal only when its code is the same, and tests compare every cached pattern
with `re.compile`'s.
"""
from __future__ import annotations

import atexit
import binascii
import json
import re
import sys
from array import array

if sys.version_info >= (3, 11):
    from re import _compiler, _parser
else:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler
    import sre_parse as _parser
import _sre

from . import user_cache

#: Entries kept at most; past it, a run drops those used longest ago (never its own).
MAX_ENTRIES = 5000
#: The same for the joined regexes (`compile_joined`): a batch uses a few hundred of them
#: (the seed variants some 160, tests/corpus some 650), which must not throw each other's
#: out (recompiling them costs far more than reading them). They are large (many patterns
#: in one, 10-20 KB) and a batch reads the whole file (some 4 ms a MB): past
#: MAX_JOINED_BYTES, too, those used longest ago go (several checkouts' rules, each
#: version its own entries, share one file).
MAX_JOINED_ENTRIES = 1500
MAX_JOINED_BYTES = 12_000_000
#: What the file's first line (what made it, the checksum) takes, at most.
_HEADER_BYTES = 256
#: The engine's code words, as an array type of the same size.
_WORD = "I" if _sre.CODESIZE == 4 else "H"


class RegexCache:
    """The code of compiled patterns, read from `path` when first needed and written back
    at exit when a pattern was added."""

    def __init__(self, path: str | None, max_entries: int = MAX_ENTRIES, max_bytes: int | None = None):
        self.path = path
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: dict[str, list] | None = None if path else {}
        #: The pattern objects this run used, in the order first asked for: asked for
        #: the same pattern again (the joined screens of two first characters often
        #: are), the same object.
        self._used: dict[str, re.Pattern] = {}
        self._added = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        """`re.compile(pattern, flags)`, from the cache when it holds the pattern."""
        flags = int(flags)
        if self.path is None or not isinstance(pattern, str) or flags & re.DEBUG:
            return re.compile(pattern, flags)
        key = f"{flags}:{pattern}"
        used = self._used.get(key)
        if used is not None:
            return used
        entries = self._entries if self._entries is not None else self._load()
        entry = entries.get(key)
        if entry is not None:
            try:
                compiled = _build(pattern, *entry)
            except Exception:  # noqa: BLE001 - a bad entry: compile afresh
                del entries[key]
            else:
                self._used[key] = compiled
                return compiled
        parsed = _parser.parse(pattern, flags)  # raises re.error as re.compile does
        code = _compiler._code(parsed, flags)
        entry = [flags | parsed.state.flags, parsed.state.groups - 1, dict(parsed.state.groupdict),
                 binascii.b2a_base64(array(_WORD, code).tobytes(), newline=False).decode("ascii")]
        compiled = _build(pattern, *entry)
        if not self._added:  # the first pattern made here: is it the one re makes?
            if compiled != re.compile(pattern, flags):
                self.path, self._entries = None, {}
                return re.compile(pattern, flags)
            self._added = True
            atexit.register(self.save)
        entries[key] = entry
        self._used[key] = compiled
        return compiled

    def _load(self) -> dict[str, list]:
        self._entries = _read(self.path) or {}
        return self._entries

    def save(self) -> None:
        """Write the entries back, merged with what another run wrote meanwhile."""
        if self.path is None or not self._added:
            return
        entries = {**(_read(self.path) or {}), **(self._entries or {})}
        # the file lists the entries used longest ago first: this run's go last, and
        # past the bound the first of the others go
        used = {k: entries.pop(k) for k in self._used if k in entries}
        others = list(entries.items())[max(0, len(entries) + len(used) - self.max_entries):]
        if self.max_bytes is not None:
            room = self.max_bytes - _HEADER_BYTES - sum(map(_size, used.items()))
            kept = len(others)
            while kept and (size := _size(others[kept - 1])) <= room:  # the newest first
                kept -= 1
                room -= size
            others = others[kept:]
        entries = {**dict(others), **used}
        user_cache.write(self.path, _made_by(), entries)
        self._added = False


def _size(item: tuple[str, list]) -> int:
    """The bytes an entry takes in the file."""
    key, entry = item
    return len(json.dumps({key: entry}, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _build(pattern: str, flags: int, groups: int, groupindex: dict, code: str) -> re.Pattern:
    """The pattern object of `code`, as re._compiler.compile makes it."""
    words = array(_WORD)
    words.frombytes(binascii.a2b_base64(code))
    indexgroup = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, flags, words.tolist(), groups, groupindex, tuple(indexgroup))


def _made_by() -> dict:
    return {"python": sys.version, "sre": _sre.MAGIC}


def _read(path: str) -> dict[str, list] | None:
    entries = user_cache.read(path, _made_by())
    return entries if isinstance(entries, dict) else None


def _default_cache(name: str = "regex", max_entries: int = MAX_ENTRIES, max_bytes: int | None = None) -> RegexCache:
    tag = f"{sys.implementation.name}-{sys.version_info[0]}{sys.version_info[1]}"
    return RegexCache(user_cache.cache_file(f"{name}-{tag}.json"), max_entries, max_bytes)


_CACHE: RegexCache | None = None
_JOINED: RegexCache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's twin
    """`re.compile`, through the user's regex cache."""
    global _CACHE
    if _CACHE is None:
        _CACHE = _default_cache()
    return _CACHE.compile(pattern, flags)


def compile_joined(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile` of a pattern joining many (the screens of rules.py, made when a batch
    has used a rule a while): through a cache file of their own, read only by a run that
    joins patterns, so that one scrape's start-up never reads the large entries."""
    global _JOINED
    if _JOINED is None:
        _JOINED = _default_cache("joined", MAX_JOINED_ENTRIES, MAX_JOINED_BYTES)
    return _JOINED.compile(pattern, flags)
