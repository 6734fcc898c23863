"""Which fingerprints of all rules a URL-less scrape shows, found in one pass over its lines.

A scrape with no URL is matched by trying every rule's fingerprints (about 150 patterns)
against the whole text. Searched one by one, a pattern anchored at a line's start (`^…`
in multi-line mode, most fingerprints) is tried at every position of the text, and most
of the time goes there. Here the text's line starts are read once, grouped by their first
character; a line-anchored fingerprint is tried (with `match`) only at the starts whose
first character can open it (gates.first_chars), and not at all when no line opens with
one of them (the CJK, Arabic and `【` datelines of VOI's editions in an Indonesian
scrape); one anchored at the text's start (`\\A`) is tried there only. The other
fingerprints are searched as before, behind their gates. A pattern hits exactly when
`search` would find it, so the answers never change (tests/test_fingerprints.py).
"""
from __future__ import annotations

import re
from typing import Any

from .gates import first_chars, is_anchored, starts_text

#: A rule (rules.Rule) and a compiled rule pattern (rules.Pattern): this module only
#: reads their `fingerprints`, `regex`, `source` and `could_match`, and rules.py
#: imports it, so it names them without importing them.
Rule = Pattern = Any


class FingerprintIndex:
    """The fingerprints of a rule set, arranged for `hits`: per rule, in file order,
    each either line-anchored with the characters that can open it, or searched."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.plans: list[tuple[tuple[Pattern, frozenset[str] | None], ...]] = [
            tuple((p, _line_openers(p.regex)) for p in rule.fingerprints) for rule in rules]

    def hits(self, text: str) -> list[tuple[Rule, list[str]]]:
        """Return each rule with the sources of its fingerprints that `text` matches
        (rules without any left out), in the rules' and the files' order."""
        starts: dict[str, list[int]] = {}
        pos = 0
        for line in text.split("\n"):
            starts.setdefault(line[:1] or "\n", []).append(pos)
            pos += len(line) + 1
        found = []
        for rule, plan in zip(self.rules, self.plans):
            hits = [p.source for p, openers in plan if _hit(p, openers, text, starts)]
            if hits:
                found.append((rule, hits))
        return found


#: The plan of a fingerprint anchored at the text's start (`\A…`): one `match` at 0.
AT_START = frozenset({"\\A"})


def _line_openers(regex: re.Pattern) -> frozenset[str] | None:
    """The characters that can open a match of a pattern anchored at a line's start in
    multi-line mode, AT_START for one anchored at the text's start; None for any other
    pattern (searched over the whole text)."""
    if starts_text(regex):
        return AT_START
    if not regex.flags & re.MULTILINE or not is_anchored(regex):
        return None
    return first_chars(regex)


def _hit(p: Pattern, openers: frozenset[str] | None, text: str, starts: dict[str, list[int]]) -> bool:
    """Say whether fingerprint `p` matches somewhere in `text`."""
    if openers is None:
        return p.could_match(text) and p.regex.search(text) is not None
    if openers is AT_START:
        return p.regex.match(text) is not None
    fitting = [starts[ch] for ch in openers.intersection(starts)]
    if not fitting or not p.could_match(text):
        return False
    match = p.regex.match
    return any(match(text, at) for positions in fitting for at in positions)
