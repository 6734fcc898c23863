"""Which fingerprints of all rules a URL-less scrape shows, found in few passes of `re`
over its text.

A scrape with no URL is matched by trying every rule's fingerprints (about 230 patterns)
against the whole text. Searched one by one, a pattern anchored at a line's start (`^…`
in multi-line mode, most fingerprints) is tried at every position of the text; tried in
Python at each line start, it costs a call per line and pattern. Here the line-anchored
fingerprints are joined in one alternation, their leading `^` left out, run by one
regex after every newline (`\\n(?=…)`: `re` finds the newlines itself and passes over an
alternative whose first character does not fit): the text is read once in C, and only
the few line starts where some fingerprint matches come back to Python, where those that
can open with that character (gates.first_chars) are tried alone to know which. A
line-anchored one that many characters open (`^[A-Z]…`, it runs on into most lines) and
that needs a word (a dateline's `(ANTARA)`) is left out of the join: it is tried only in
a text holding its word, by a regex of its own after the newlines. One anchored at the
text's start (`\\A`) is tried there only; the others are searched behind their gates. A
pattern hits exactly when `search` would find it, so the answers never change
(tests/test_fingerprints.py).
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

from . import regex_cache
from .gate_cache import facts
from .joined import leading_flags, refers_to_groups, union_source
from .gates import fold
from .needles import NeedleIndex

if sys.version_info >= (3, 11):
    from re import _constants as _c, _parser as _p
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

#: A rule (rules.Rule) and a compiled rule pattern (rules.Pattern): this module only
#: reads their `fingerprints`, `regex`, `source`, `gate` and `could_match`, and rules.py
#: imports it, so it names them without importing them.
Rule = Pattern = Any


#: A line-anchored fingerprint that at most this many characters can open (`^Pewarta`,
#: `(?i)^copyright`) gives up on most lines at once: it is joined in the line-start scan.
#: One that many can open (`^[A-Z]…`) runs on into most lines: when its gate needs a
#: word, it is tried only in a text holding one, by a scan of its own.
FEW_OPENERS = 12


class FingerprintIndex:
    """The fingerprints of a rule set, arranged for `hits`: per rule, in file order, the
    pattern, the characters that can open it (AT_START, ANY_OPENER, or None for one
    searched over the text) and how it is tried (`_plan_of`): JOINED (in the line-start
    scan), NEEDLED (alone, when the text holds one of the literals its gate needs: they
    are indexed, so a text holding none rules it out at once), SITED (as NEEDLED, then
    tried at the line starts before the places its literals stand) or alone (None).

    The line-start scan: `_union` joins the JOINED fingerprints, tried at the text's
    start, and `_scan` tries the same after every newline. At a line start where either
    matches, the joined fingerprints that can open with its first character are tried
    alone, so every hit is still known by its pattern."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self.plans: list[tuple[tuple[Pattern, frozenset[str] | None, str | None], ...]] = [
            tuple((p, openers, _plan_of(p, openers)) for p, openers in
                  ((p, _line_openers(p.regex)) for p in rule.fingerprints)) for rule in rules]
        every = [(p, openers, how) for plan in self.plans for p, openers, how in plan]
        self._joined = tuple((p, openers) for p, openers, how in every if how is JOINED)
        self._alone = tuple((p, openers, how) for p, openers, how in every if how is None)
        self._needled = NeedleIndex(tuple(p for p, _, how in every if how in (SITED, NEEDLED)))
        self._plan = {id(p): (openers, how) for p, openers, how in every}
        #: Where each fingerprint stands: (rule's place, its place in the rule's list).
        self._places: dict[int, list[tuple[int, int]]] = {}
        for i, plan in enumerate(self.plans):
            for j, (p, _, _) in enumerate(plan):
                self._places.setdefault(id(p), []).append((i, j))
        self._union, self._scan = _line_start_scan(_dispatch_source(self._joined) if self._joined else "(?!)")
        self._by_opener: dict[str, tuple[Pattern, ...]] = {}
        self._scans: dict[int, re.Pattern | None] = {}

    def hits(self, text: str) -> list[tuple[Rule, list[str]]]:
        """Return each rule with the sources of its fingerprints that `text` matches
        (rules without any left out), in the rules' and the files' order."""
        hit = self._joined_hits(text)
        for p, openers, how in self._alone:
            if self._hit(p, openers, how, text):
                hit.add(id(p))
        for p in self._needled.candidates(text):
            if id(p) not in hit and self._hit(p, *self._plan[id(p)], text):
                hit.add(id(p))
        found: list[tuple[Rule, list[str]]] = []
        for i, j in sorted(place for key in hit for place in self._places[key]):
            if not found or found[-1][0] is not self.rules[i]:
                found.append((self.rules[i], []))
            found[-1][1].append(self.plans[i][j][0].source)
        return found

    def _joined_hits(self, text: str) -> set[int]:
        """The ids of the joined fingerprints matching at one of the text's line starts."""
        starts = [m.end() for m in self._scan.finditer(text)]
        if self._union.match(text):
            starts.insert(0, 0)
        found: set[int] = set()
        for at in starts:
            ch = text[at:at + 1] or "\n"  # the empty last line of a text ending in a newline
            members = self._by_opener.get(ch)
            if members is None:
                members = self._by_opener[ch] = tuple(
                    p for p, openers in self._joined if openers is ANY_OPENER or ch in openers)
            hit = {id(p) for p in members if p.regex.match(text, at)}
            # the union matched here, so some joined fingerprint does: should none that can
            # open with this character, try them all rather than trust the first characters
            found |= hit or {id(p) for p, _ in self._joined if p.regex.match(text, at)}
        return found

    def _hit(self, p: Pattern, openers: frozenset[str] | None, how: str | None, text: str) -> bool:
        """Say whether fingerprint `p`, not joined, matches somewhere in `text` (SITED or
        NEEDLED: one the text holds a literal of)."""
        if openers is AT_START:
            return p.regex.match(text) is not None
        if how is None and not p.could_match(text):
            return False
        if openers is None:
            return p.regex.search(text) is not None
        if how is SITED:
            starts = _starts_near_needles(p, text)
            if starts is not None:
                match = p.regex.match
                return any(match(text, at) for at in starts)
        if p.regex.match(text):
            return True
        if id(p) not in self._scans:
            self._scans[id(p)] = _own_scan(p.regex)
        scan = self._scans[id(p)]
        return (scan or p.regex).search(text) is not None


#: The plan of a fingerprint anchored at the text's start (`\A…`): one `match` at 0.
AT_START = frozenset({"\\A"})
#: The plan of a line-anchored fingerprint whose first characters are not known (a wide
#: range such as CJK's): joined, or scanned for after every newline, and tried at every
#: line start the scan stops at.
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


JOINED, SITED, NEEDLED = "joined", "sited", "needled"


def _plan_of(p: Pattern, openers: frozenset[str] | None) -> str | None:
    """How a fingerprint is tried (see FingerprintIndex.plans): line-anchored ones are
    joined unless they refer back to their groups (a join renumbers them) or many
    characters open them and their gate needs a literal; then they are SITED when the
    literals are few."""
    if openers is AT_START:
        return None  # one `match` at the text's start costs less than looking for a word
    gate = p.gate
    needles = len(gate.raw) + len(gate.folded) if gate is not None else 0
    if gate is not None and "\n" in gate.raw:
        needles = 0  # every scrape of more than one line holds it: looking for it rules out
        # nothing, and indexed it would stand for every literal holding a newline
    if openers is not None and not refers_to_groups(p.regex) and (
            not needles or (openers is not ANY_OPENER and len(openers) <= FEW_OPENERS)):
        return JOINED
    if openers is not None and 0 < needles <= MAX_SITE_NEEDLES:
        return SITED  # unless its match can hold too many newlines (`_starts_near_needles`)
    return NEEDLED if needles else None


def _dispatch_source(joined: tuple[tuple[Pattern, frozenset[str]], ...]) -> str:
    """The joined fingerprints as one alternation tried where a line starts, grouped by
    the characters that can open them: each group behind a class of those characters
    (`[KT](?<=(?=…)[\\s\\S])`: the class takes the first character, the lookbehind steps
    back over it to try the group there), which `re` checks before entering the group,
    so a line start passes over most groups at the cost of one character test."""
    groups: dict[frozenset[str] | None, list[Pattern]] = {}
    for p, openers in joined:
        groups.setdefault(None if openers is ANY_OPENER else openers, []).append(p)
    parts = []
    for openers, members in groups.items():
        source = union_source(tuple(members), at_line_start=True)
        parts.append(source if openers is None else
                     "[" + "".join(map(re.escape, sorted(openers))) + "](?<=(?=" + source + ")[\\s\\S])")
    return "|".join(parts)


def _line_start_scan(source: str) -> tuple[re.Pattern, re.Pattern]:
    """A union's source, compiled to try at the text's start and after every newline;
    one that cannot be compiled stops at every line start (its members are tried)."""
    try:
        return (regex_cache.compile_joined(source, re.MULTILINE),
                regex_cache.compile_joined("\n(?=" + source + ")", re.MULTILINE))
    except re.error:
        return re.compile(""), re.compile("\n")


def _own_scan(regex: re.Pattern) -> re.Pattern | None:
    """A line-anchored fingerprint tried after every newline by one regex (its own groups
    keep their numbers: none stands before them); None when it cannot be compiled so."""
    flags, source = leading_flags(regex.pattern)
    source = f"(?{flags}:{source})" if flags else source
    try:
        return regex_cache.compile_joined("\n(?=" + source + ")", re.MULTILINE)
    except re.error:
        return None


#: Where a needle of a line-anchored fingerprint stands more often than this, its own
#: scan of the text costs less than trying the line starts before each.
MAX_NEEDLE_SITES = 16
#: A fingerprint whose gate has more literals than this (a month's names) is scanned
#: for: looking for each costs more than the scan.
MAX_SITE_NEEDLES = 4
#: A fingerprint whose match can run over more lines than this is scanned for.
MAX_REACH = 3


def _starts_near_needles(p: Pattern, text: str) -> list[int] | None:
    """The line starts where line-anchored fingerprint `p` may match in `text`: every
    match holds one of its gate's literals and at most `_reach` newlines, so it opens at
    one of the `_reach` + 1 line starts at or before a place where a literal stands.
    None when the literals stand in too many places to try them one by one, or a match
    can hold more than MAX_REACH newlines."""
    reach = _reach(p.regex.pattern, p.regex.flags)  # read when first needed: most never are
    if reach is None or reach > MAX_REACH:
        return None
    return _line_starts_near(text, p.gate.raw, p.gate.folded, reach)


@lru_cache(maxsize=32)
def _line_starts_near(text: str, raw: tuple[str, ...], folded: tuple[str, ...], reach: int) -> list[int] | None:
    """The line starts at or up to `reach` lines before the places where one of the
    literals stands (raw ones in the text, folded ones in the folded text); None when
    they stand in more than MAX_NEEDLE_SITES places. Kept for the last few texts:
    fingerprints of one outlet share their literals (' WIB', '(')."""
    sites: list[int] = []
    for haystack, needles in ((text, raw), (fold(text) if folded else text, folded)):
        if needles and len(haystack) != len(text):
            return None  # folding changed the length: places in it are not places in the text
        for needle in needles:
            at = haystack.find(needle)
            while at >= 0:
                if len(sites) == MAX_NEEDLE_SITES:
                    return None
                sites.append(at)
                at = haystack.find(needle, at + 1)
    starts: set[int] = set()
    for at in sites:
        start = text.rfind("\n", 0, at) + 1
        starts.add(start)
        for _ in range(reach):
            if start == 0:
                break
            start = text.rfind("\n", 0, start - 1) + 1
            starts.add(start)
    return sorted(starts)


#: Categories of a class (\s, \D, \W and the like) that take a newline.
_NEWLINE_CATEGORIES = frozenset(getattr(_c, name) for name in (
    "CATEGORY_SPACE", "CATEGORY_NOT_DIGIT", "CATEGORY_NOT_WORD", "CATEGORY_LINEBREAK",
    "CATEGORY_UNI_SPACE", "CATEGORY_UNI_NOT_DIGIT", "CATEGORY_UNI_NOT_WORD",
    "CATEGORY_UNI_LINEBREAK", "CATEGORY_LOC_NOT_WORD") if hasattr(_c, name))
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


@lru_cache(maxsize=None)
def _reach(pattern: str, flags: int) -> int | None:
    """The most newlines a match of the pattern can hold, counting what its lookaheads
    read past it; None when not bounded or not known (a back reference, a lookbehind,
    an element this reading does not know)."""
    try:
        parsed = _p.parse(pattern, flags)
        return _newlines(parsed, bool(parsed.state.flags & re.DOTALL))
    except (re.error, RecursionError, _Unbounded):
        return None


class _Unbounded(Exception):
    """A match may hold any number of newlines, or this reading cannot tell."""


def _newlines(items, dotall: bool) -> int:
    """The most newlines a match of the sequence `items` holds (_Unbounded if any)."""
    total = 0
    for op, av in items:
        if op is _c.LITERAL:
            total += av == 10
        elif op is _c.NOT_LITERAL:
            total += av != 10
        elif op is _c.ANY:
            total += dotall
        elif op is _c.IN:
            total += _class_takes_newline(av)
        elif op in (_c.AT, _c.ASSERT_NOT):
            continue  # holds no character of the match, nor any literal it needs
        elif op is _c.ASSERT:
            if av[0] < 0:
                raise _Unbounded  # a literal looked for behind may stand before the start
            total += _newlines(av[1], dotall)  # or ahead, past the match's end
        elif op is _c.SUBPATTERN:
            _, add, remove, body = av
            total += _newlines(body, (dotall or bool(add & re.DOTALL)) and not remove & re.DOTALL)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            total += _newlines(av, dotall)
        elif op is _c.BRANCH:
            total += max(_newlines(branch, dotall) for branch in av[1])
        elif op in _REPEATS:
            inner = _newlines(av[2], dotall)
            if inner and av[1] is _c.MAXREPEAT:
                raise _Unbounded
            total += inner * av[1]
        else:
            raise _Unbounded
    return total


def _class_takes_newline(items) -> bool:
    """Say whether a class ([...], \\s, \\w) can match a newline."""
    negate = False
    found = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            found = found or av == 10
        elif op is _c.RANGE:
            found = found or av[0] <= 10 <= av[1]
        elif op is _c.CATEGORY:
            found = found or av in _NEWLINE_CATEGORIES
        else:
            return True  # not known: as if it could
    return found != negate
