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

from .gate_cache import facts
from .joined import refers_to_groups, union_regex
from .needles import NeedleIndex

#: A rule (rules.Rule) and a compiled rule pattern (rules.Pattern): this module only
#: reads their `fingerprints`, `regex`, `source` and `could_match`, and rules.py
#: imports it, so it names them without importing them.
Rule = Pattern = Any


#: A line-anchored fingerprint that at most this many characters can open (`^Pewarta`,
#: `(?i)^copyright`) gives up on most lines at once: it is joined with the others in a
#: line's screen. One that many can open (`^[A-Z]…`) runs on into most lines: it is
#: tried only in a text its gate admits, as a searched one is.
FEW_OPENERS = 4


class FingerprintIndex:
    """The fingerprints of a rule set, arranged for `hits`: per rule, in file order,
    each either line-anchored with the characters that can open it, or searched.

    Line-anchored fingerprints opening with one of a few characters are screened
    together: per first character of a line, one regex joining those that can open with
    it (`joined.union_regex`, built when a text first has a line opening with that
    character). A line start it does not match is passed over at once; at one it
    matches, each of them is tried alone, so every hit is still known by its pattern."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        #: Per rule, per fingerprint: the pattern, the characters opening it, and how it
        #: is screened: JOINED, NEEDLED (the others whose gates need literals, indexed by
        #: them: a text holding none rules the pattern out at once) or not at all (None).
        self.plans: list[tuple[tuple[Pattern, frozenset[str] | None, str | None], ...]] = [
            tuple((p, openers, _screen_of(p, openers)) for p, openers in
                  ((p, _line_openers(p.regex)) for p in rule.fingerprints)) for rule in rules]
        self._joinable = [(p, openers) for plan in self.plans for p, openers, how in plan if how is JOINED]
        self._needled = NeedleIndex(tuple(p for plan in self.plans for p, _, how in plan if how is NEEDLED))
        self._by_opener: dict[str, tuple[tuple[Pattern, ...], re.Pattern | None, tuple[Pattern, ...]] | None] = {}
        self._unions: dict[tuple[int, ...], re.Pattern | None] = {}

    def hits(self, text: str) -> list[tuple[Rule, list[str]]]:
        """Return each rule with the sources of its fingerprints that `text` matches
        (rules without any left out), in the rules' and the files' order."""
        starts: dict[str, list[int]] = {}
        pos = 0
        for line in text.split("\n"):
            starts.setdefault(line[:1] or "\n", []).append(pos)
            pos += len(line) + 1
        joined_hits = self._joined_hits(text, starts)
        admitted = {id(p) for p in self._needled.candidates(text)}
        found = []
        for rule, plan in zip(self.rules, self.plans):
            hits = []
            for p, openers, how in plan:
                if how is JOINED:
                    if id(p) in joined_hits:
                        hits.append(p.source)
                elif (how is None or id(p) in admitted) and _hit(p, openers, text, starts):
                    hits.append(p.source)
            if hits:
                found.append((rule, hits))
        return found

    def _joined_hits(self, text: str, starts: dict[str, list[int]]) -> set[int]:
        """The ids of the joinable fingerprints matching at one of the line starts."""
        found: set[int] = set()
        for ch, positions in starts.items():
            group = self._by_opener.get(ch, _UNSEEN)
            if group is _UNSEEN:
                group = self._by_opener[ch] = self._group(ch)
            if group is None:
                continue
            joined, union, alone = group
            for at in positions:
                if union is not None and union.match(text, at):
                    found.update(id(p) for p in joined if p.regex.match(text, at))
                found.update(id(p) for p in alone if p.regex.match(text, at))
        return found

    def _group(self, ch: str):
        """The joinable fingerprints a line opening with `ch` may match: those joined,
        their joined regex, and those tried alone (they refer back to their groups,
        whose numbers a join would change); None when there are none."""
        members = [p for p, openers in self._joinable if ch in openers]
        if not members:
            return None
        joined = tuple(p for p in members if not refers_to_groups(p.regex))
        alone = tuple(p for p in members if refers_to_groups(p.regex))
        key = tuple(map(id, joined))
        if key not in self._unions:
            self._unions[key] = union_regex(joined)
        return joined, self._unions[key], alone


#: A first character `FingerprintIndex._joined_hits` has not met yet.
_UNSEEN = object()


#: The plan of a fingerprint anchored at the text's start (`\A…`): one `match` at 0.
AT_START = frozenset({"\\A"})
#: The plan of a line-anchored fingerprint whose first characters are not known (a wide
#: range such as CJK's): a `match` at every line start, where a search of the text
#: would try it at every position.
ANY_OPENER = frozenset({"^"})


def _line_openers(regex: re.Pattern) -> frozenset[str] | None:
    """The characters that can open a match of a pattern anchored at a line's start in
    multi-line mode (ANY_OPENER when they are not known), AT_START for one anchored at
    the text's start; None for any other pattern (searched over the whole text)."""
    known = facts(regex)
    if known.starts_text:
        return AT_START
    if not regex.flags & re.MULTILINE or not known.anchored:
        return None
    return known.first_chars or ANY_OPENER


JOINED, NEEDLED = "joined", "needled"


def _screen_of(p: Pattern, openers: frozenset[str] | None) -> str | None:
    """How a fingerprint is screened (see FingerprintIndex.plans)."""
    if openers is not None and openers not in (AT_START, ANY_OPENER) and len(openers) <= FEW_OPENERS:
        return JOINED
    if p.gate is not None and (p.gate.raw or p.gate.folded):
        return NEEDLED
    return None


def _hit(p: Pattern, openers: frozenset[str] | None, text: str, starts: dict[str, list[int]]) -> bool:
    """Say whether fingerprint `p` matches somewhere in `text`."""
    if openers is None:
        return p.could_match(text) and p.regex.search(text) is not None
    if openers is AT_START:
        return p.regex.match(text) is not None
    fitting = list(starts.values()) if openers is ANY_OPENER else [starts[ch] for ch in openers.intersection(starts)]
    if not fitting or not p.could_match(text):
        return False
    match = p.regex.match
    return any(match(text, at) for positions in fitting for at in positions)
