"""Rule patterns joined in one regex: a line (or a line start) that the joined regex
does not match matches none of them, so one call settles most lines (rules.Screen,
fingerprints.FingerprintIndex). The joined regexes are compiled through a cache file
of their own (regex_cache.compile_joined), as the patterns themselves are."""
from __future__ import annotations

import re
from typing import Any

from . import regex_cache

#: A compiled rule pattern (rules.Pattern): this module reads only its `regex`.
Pattern = Any


def refers_to_groups(regex: re.Pattern) -> bool:
    """Say whether a pattern may refer back to its groups (\\1, (?P=name), (?(1)…)):
    joined with others, its group numbers would change, so it is tried alone."""
    return bool(regex.groups) and re.search(r"\\[1-9]|\(\?P=|\(\?\(", regex.pattern) is not None


_LEADING_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def leading_flags(source: str) -> tuple[str, str]:
    """A pattern's leading inline flags ("(?i)…": "i") and the rest of its source; a
    pattern joined with others must scope them to itself ("(?i:…)")."""
    m = _LEADING_FLAGS.match(source)
    return (m.group(1), source[m.end():]) if m else ("", source)


def union_source(patterns: tuple[Pattern, ...], at_line_start: bool = False) -> str:
    """The source of patterns joined in one alternation (named groups made plain, leading
    inline flags scoped). `at_line_start`: for a union tried only where a line starts,
    each pattern's leading `^` is left out (true there anyway), so that `re` passes over
    an alternative at once when its first character does not fit."""
    parts = []
    for p in patterns:
        flags, source = leading_flags(p.regex.pattern)
        if at_line_start and source.startswith("^") and source[1:2] not in ("*", "+", "?", "{"):
            source = source[1:]
        if flags:
            source = f"(?{flags}:{source})"
        parts.append("(?:" + re.sub(r"\(\?P<\w+>", "(?:", source) + ")")
    return "|".join(parts)


def union_regex(patterns: tuple[Pattern, ...]) -> re.Pattern | None:
    """Join patterns into one alternation (union_source); None when there are none or
    they cannot be joined."""
    if not patterns:
        return None
    try:
        return regex_cache.compile_joined(union_source(patterns), patterns[0].regex.flags & re.MULTILINE)
    except re.error:
        return re.compile("")  # always "maybe": fall back to trying each pattern
