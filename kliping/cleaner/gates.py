"""Cheap tests that rule a pattern out for a line before its regular expression runs.

Most lines match none of a rule's patterns, and many patterns cannot match most lines:
they need words the line lacks ("Baca juga", "pic.twitter.com", a "("), or they match
whole lines no longer than a caption. A Gate holds what a pattern needs, read once off
the pattern's parse tree: literal text that every match contains (any one of a few, for
alternatives), the shortest and longest line it can match, and for patterns that end at
the line's end (`…$`) the characters the line can end with. `Gate.admits` answers in
a fraction of a microsecond; only when it says yes does the regex run. A gate only ever
rules out lines the pattern cannot match, so results never change.

Case-insensitive literals are compared on the folded line (`fold`); they are taken only
when ASCII, since only for ASCII does that folding agree with how `re` compares cases.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

if sys.version_info >= (3, 11):
    from re import _constants as _c, _parser as _p
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

#: The non-ASCII letters a case-insensitive `re` takes for an ASCII one (checked over all
#: of Unicode) that lower() does not turn into it: İ and ı for i, ſ for s (lower() already
#: makes the Kelvin sign a k).
_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))
#: Alternatives of more than this many literals are no cheaper to test than the regex.
MAX_NEEDLES = 12
#: Needles shorter than this are in too many lines to rule much out, unless they are
#: punctuation other than the commonest ("(", "/", "%", "©").
MIN_NEEDLE = 3
_COMMON_CHARS = frozenset(" .,-:;'\"")
#: The other letters a case-insensitive `re` takes for an ASCII letter (see _FOLD).
_OTHER_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}

_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
#: Items that match no character: \b, ^, $ and the like, lookarounds.
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)

#: A needle: (folded, text): `text` is looked for in the folded line when `folded`,
#: else in the line as it is.
Needle = tuple[bool, str]


@lru_cache(maxsize=16)
def fold(text: str) -> str:
    """Return `text` lower-cased so that an ASCII literal a case-insensitive regex finds
    in `text` is, lower-cased, in the result. Cached for the last few lines: the passes
    ask about the same line once per rule key."""
    if not text.isascii():
        for letter, ascii_letter in _FOLD:
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.lower()


@dataclass(frozen=True, slots=True)
class Gate:
    """What any line a pattern matches must have: a length in [min_len, max_len], when
    there are `ends` one of them as its last character (before a final newline, if any),
    when `digits`, a run of that many digits (a `{date}` has its year), and when there
    are needles, one of them (raw needles in the line, folded ones in the folded line)."""

    min_len: int
    max_len: int | None
    raw: tuple[str, ...]
    folded: tuple[str, ...]
    ends: tuple[str, ...] = ()
    digits: int = 0

    def admits_end(self, line: str) -> bool:
        """Say whether `line` ends as the pattern's lines must (on one of `ends`, before a
        final newline if any)."""
        ends = self.ends
        return not ends or line.endswith(ends) or (line[-1:] == "\n" and line[:-1].endswith(ends))

    def admits(self, line: str) -> bool:
        """Say whether the pattern could match `line` (False: it certainly cannot)."""
        size = len(line)
        if size < self.min_len or (self.max_len is not None and size > self.max_len):
            return False
        if self.ends and not self.admits_end(line):
            return False
        if self.digits and not has_digit_run(self.digits, line):
            return False
        raw, folded = self.raw, self.folded
        if not (raw or folded):
            return True
        for needle in raw:
            if needle in line:
                return True
        if folded:
            low = fold(line)
            for needle in folded:
                if needle in low:
                    return True
        return False


@lru_cache(maxsize=None)
def _parsed(pattern: str, flags: int):
    """The parse tree of a pattern (None when it cannot be parsed), shared by every
    analysis here: each rule pattern is parsed once a process, not once per question."""
    try:
        return _p.parse(pattern, flags)
    except (re.error, RecursionError):
        return None


def gate_of(regex: re.Pattern) -> Gate | None:
    """Return the gate of a compiled pattern, or None when it has nothing that rules
    lines out (no literal it needs, no bound on the line's length, no last character)."""
    parsed = _parsed(regex.pattern, regex.flags)
    if parsed is None:
        return None
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    needles = _required(parsed, ignore_case)
    lo, hi = parsed.getwidth()
    max_len = _max_line(parsed, hi)
    ends = _line_ends(parsed, ignore_case)
    digits = min(_digits_required(parsed), MAX_DIGIT_RUN)
    if digits < MIN_DIGIT_RUN:
        digits = 0  # a digit or two are in most lines: no use as a gate
    if needles is None and max_len is None and not ends and not digits:
        return None
    raw = tuple(sorted(t for f, t in needles or () if not f))
    folded = tuple(sorted(t for f, t in needles or () if f))
    return Gate(min_len=lo, max_len=max_len, raw=raw, folded=folded, ends=ends, digits=digits)


#: Digit runs longer than this are asked for as runs of this length; shorter than
#: MIN_DIGIT_RUN, not at all.
MAX_DIGIT_RUN = 4
MIN_DIGIT_RUN = 3
#: A run of n digits, by n ("\\d\\d\\d\\d" is searched faster than "\\d{4}").
_DIGIT_RUNS = {n: re.compile(r"\d" * n) for n in range(1, MAX_DIGIT_RUN + 1)}


@lru_cache(maxsize=64)
def has_digit_run(n: int, line: str) -> bool:
    """Say whether `line` has n digits in a row. Cached for the last few lines: the
    gates of several patterns (every one with a {date}) ask about the same line."""
    return _DIGIT_RUNS[n].search(line) is not None


def _is_digit_class(op, av) -> bool:
    """Say whether an item is \\d (the parser writes it as a class of one category)."""
    return op is _c.IN and av == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]


def _digits_required(items) -> int:
    """The longest run of digits (\\d) every match of the sequence `items` contains; 0
    when none is known. Anything but a digit ends a run (zero-width items too: counting
    short is always safe)."""
    best = run = 0
    for op, av in items:
        if _is_digit_class(op, av):
            run += 1
            continue
        if op in _REPEATS and len(av[2]) == 1 and _is_digit_class(*av[2][0]):
            run += av[0]
            if av[0] == 0 or av[1] != av[0]:
                best, run = max(best, run), 0 if av[0] == 0 else run
            continue
        best, run = max(best, run), 0
        if op is _c.SUBPATTERN:
            best = max(best, _digits_required(av[3]))
        elif op is _ATOMIC:
            best = max(best, _digits_required(av))
        elif op in _REPEATS and av[0] >= 1:
            best = max(best, _digits_required(av[2]))
        elif op is _c.BRANCH:
            best = max(best, min(_digits_required(branch) for branch in av[1]))
    return max(best, run)


def fails_fast(regex: re.Pattern) -> bool:
    """Say whether a pattern gives up on most lines at their first character: anchored
    at the line's start (not multi-line) and opening with literal text. Joined with
    others in one regex it costs next to nothing, and a gate would only add work."""
    parsed = _parsed(regex.pattern, regex.flags)
    if parsed is None or parsed.state.flags & re.MULTILINE or len(parsed) < 2:
        return False
    return is_anchored(regex) and _opens_with_literal(parsed[1:])


def is_anchored(regex: re.Pattern) -> bool:
    """Say whether a pattern can only match at the start of the line: its parse begins
    with ^ (a top-level alternation like "^a|b" parses as a branch, so it does not)."""
    parsed = _parsed(regex.pattern, regex.flags)
    return parsed is not None and bool(len(parsed)) and parsed[0] == (_c.AT, _c.AT_BEGINNING)


def starts_text(regex: re.Pattern) -> bool:
    """Say whether a pattern can only match at the text's start: its parse begins with
    \\A (or with ^ when not multi-line)."""
    parsed = _parsed(regex.pattern, regex.flags)
    if parsed is None or not len(parsed):
        return False
    return parsed[0] == (_c.AT, _c.AT_BEGINNING_STRING) or (
        parsed[0] == (_c.AT, _c.AT_BEGINNING) and not parsed.state.flags & re.MULTILINE)


def _opens_with_literal(items) -> bool:
    """Say whether every match of the sequence `items` begins with a literal character."""
    if not len(items):
        return False
    op, av = items[0]
    if op is _c.LITERAL or _one_letter(op, av):
        return True
    if op is _c.SUBPATTERN:
        return _opens_with_literal(av[3])
    if op is _c.BRANCH:
        return all(_opens_with_literal(branch) for branch in av[1])
    if op in _REPEATS and av[0] >= 1:
        return _opens_with_literal(av[2])
    return False


def first_chars(regex: re.Pattern) -> frozenset[str] | None:
    """The characters one of which starts every match of a pattern (as `match` tries it,
    at the line's start); None when not known. Lets a union of anchored patterns be cut
    to those a line's first character can open."""
    parsed = _parsed(regex.pattern, regex.flags)
    if parsed is None:
        return None
    chars = _edge_chars(list(parsed), bool(parsed.state.flags & re.IGNORECASE), last=False)
    return frozenset(chars) if chars else None


def _max_line(parsed, hi: int) -> int | None:
    """The longest line a pattern anchored at both ends (`^…$`, not multi-line) matches:
    its widest match, plus the newline `$` may stand before."""
    if parsed.state.flags & re.MULTILINE or len(parsed) < 2 or hi >= _c.MAXREPEAT:
        return None
    at_start = parsed[0] == (_c.AT, _c.AT_BEGINNING)
    at_end = parsed[-1] == (_c.AT, _c.AT_END)
    return hi + 1 if at_start and at_end else None


def _line_ends(parsed, ignore_case: bool) -> tuple[str, ...]:
    """The characters one of which ends every line matched by a pattern that ends at the
    line's end (`…$`, not multi-line); () when not known."""
    if parsed.state.flags & re.MULTILINE or len(parsed) < 2 or parsed[-1] != (_c.AT, _c.AT_END):
        return ()
    chars = _edge_chars(list(parsed)[:-1], ignore_case, last=True)
    return tuple(sorted(chars)) if chars else ()


def _edge_chars(items, ignore_case: bool, last: bool) -> set[str] | None:
    """The characters one of which starts (`last`: ends) every match of the sequence
    `items`; None when that is not known or the sequence may match nothing. Zero-width
    items (\\b, lookarounds) are passed over, optional ones add their characters to
    those of the item beside them."""
    found: set[str] = set()
    for op, av in (reversed(items) if last else items):
        if op in _ZERO_WIDTH:
            continue
        chars, optional = _edge_of(op, av, ignore_case, last)
        if chars is None:
            return None
        found |= chars
        if not optional:
            return found
    return None


def _edge_of(op, av, ignore_case: bool, last: bool) -> tuple[set[str] | None, bool]:
    """The characters one of which starts (ends) every match of one item, and whether
    the item may match nothing."""
    if op is _c.LITERAL:
        return _cases(chr(av), ignore_case), False
    if op is _c.IN:
        found: set[str] = set()
        for o, v in av:
            if o is _c.LITERAL:
                chars = [chr(v)]
            elif o is _c.RANGE and v[1] - v[0] <= 256:
                chars = [chr(c) for c in range(v[0], v[1] + 1)]
            else:
                return None, False  # categories (\\d, \\w), negation, wide ranges
            for ch in chars:
                cases = _cases(ch, ignore_case)
                if cases is None:
                    return None, False
                found |= cases
        return found, False
    if op is _c.SUBPATTERN:
        _, add, remove, body = av
        case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _edge_chars(body, case, last), False
    if op is _ATOMIC:
        return _edge_chars(av, ignore_case, last), False
    if op in _REPEATS:
        return _edge_chars(av[2], ignore_case, last), av[0] == 0
    if op is _c.BRANCH:
        found = set()
        for branch in av[1]:
            chars = _edge_chars(branch, ignore_case, last)
            if chars is None:
                return None, False
            found |= chars
        return found, False
    return None, False


def _cases(ch: str, ignore_case: bool) -> set[str] | None:
    """The characters a pattern's literal `ch` matches; None when unsure (a non-ASCII
    letter, case-insensitively)."""
    if not ignore_case:
        return {ch}
    if not ch.isascii():
        # an uncased character (©, », —) matches only itself, in any case
        return {ch} if ch.lower() == ch == ch.upper() else None
    low = ch.lower()
    return {low, ch.upper(), *_OTHER_CASES.get(low, "")}


class _Runs:
    """Literal runs of one sequence, as candidate needles: a raw run (case-sensitive
    parts, any characters) and a folded run (ASCII characters, lower-cased)."""

    def __init__(self, ignore_case: bool):
        self.ignore_case = ignore_case
        self.raw: list[str] = []
        self.folded: list[str] = []
        self.found: list[frozenset[Needle]] = []

    def literal(self, ch: str) -> None:
        if self.ignore_case:
            self._end_raw()
        else:
            self.raw.append(ch)
        if ch.isascii():
            self.folded.append(ch.lower())
        else:
            self._end_folded()

    def either_case(self, ch: str) -> None:
        """A class like [Jj]: one ASCII letter in either case."""
        self._end_raw()
        self.folded.append(ch)

    def end(self) -> None:
        self._end_raw()
        self._end_folded()

    def _end_raw(self) -> None:
        if self.raw:
            self.found.append(frozenset({(False, "".join(self.raw))}))
        self.raw = []

    def _end_folded(self) -> None:
        if self.folded:
            self.found.append(frozenset({(True, "".join(self.folded))}))
        self.folded = []


def _required(items, ignore_case: bool) -> frozenset[Needle] | None:
    """Return needles of which every match of the sequence `items` contains one, the
    most selective found, or None when there are none."""
    runs = _Runs(ignore_case)
    for op, av in items:
        if op is _c.LITERAL:
            runs.literal(chr(av))
            continue
        letter = _one_letter(op, av)
        if letter:
            runs.either_case(letter)
            continue
        runs.end()
        inner = _class_needles(av, ignore_case) if op is _c.IN else _required_in(op, av, ignore_case)
        if inner:
            runs.found.append(inner)
    runs.end()
    usable = [n for n in runs.found if len(n) <= MAX_NEEDLES and all(_selective(t) for _, t in n)]
    return max(usable, key=_selectivity, default=None)


def _required_in(op, av, ignore_case: bool) -> frozenset[Needle] | None:
    """Needles required by one element that is not a literal: a group, alternatives,
    a repeat of at least one."""
    if op is _c.SUBPATTERN:
        _, add, remove, body = av
        case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _required(body, case)
    if op is _ATOMIC:
        return _required(av, ignore_case)
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2], ignore_case)
    if op is _c.BRANCH:
        found = [_required(branch, ignore_case) for branch in av[1]]
        if all(found):
            return frozenset().union(*found)
    return None


def _class_needles(av, ignore_case: bool) -> frozenset[Needle] | None:
    """Needles of a class of single characters ([>»›]): each character one needle, in
    the line as it is; None for ranges, categories, negation or, case-insensitively,
    letters."""
    if not all(o is _c.LITERAL for o, _ in av):
        return None
    chars = [chr(v) for _, v in av]
    if ignore_case and any(c.lower() != c.upper() or not c.isascii() for c in chars):
        return None
    return frozenset((False, c) for c in chars)


def _one_letter(op, av) -> str | None:
    """The lower-case letter of a class that is one ASCII letter in both cases ([Jj])."""
    if op is not _c.IN or not all(o is _c.LITERAL for o, _ in av):
        return None
    chars = {chr(v) for _, v in av}
    low = {c.lower() for c in chars}
    if len(low) == 1 and all(c.isascii() for c in chars):
        return low.pop()
    return None


def _selective(needle: str) -> bool:
    """Say whether a needle is missing from most lines: long enough, or rare punctuation."""
    if len(needle) >= MIN_NEEDLE:
        return True
    return not any(c.isalnum() or c in _COMMON_CHARS for c in needle)


def _selectivity(needles: frozenset[Needle]) -> tuple[int, int]:
    """Longer needles, then fewer of them, rule out more lines."""
    return min(len(t) for _, t in needles), -len(needles)
