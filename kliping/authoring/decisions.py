"""Every line's decision as a row to show (`kliping explain`): what the line became and why.

A row names the decision (body, title, description, caption, related, a metadata field
— published, author, editor — or dropped), the rule key that decided it, and either the
pattern that matched (with the rule file it came from: the outlet's or the generic one
it extends) or the positional reason (the headline, lines above it, repeats, lines under
the article's end). For HTML pages the rows are the page's text blocks, preceded by the
fields the page's head (meta tags, JSON-LD) gave.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ..cleaner.pipeline import Explained
from ..cleaner.rules import PATTERN_KEYS, Rule
from ..cleaner.text import AUTHOR, BLANK, BODY, DROP, EDITOR, PUBLISHED, Line

#: What each kind of line is shown as.
DECISIONS = {DROP: "dropped", PUBLISHED: "field", AUTHOR: "field", EDITOR: "field"}
_FIELDS = (PUBLISHED, AUTHOR, EDITOR)
_RULE_KEYS = {f"{section}.{key}" for section, key in PATTERN_KEYS}
_PAGE_FIELDS = ("title", "published", "author", "editor", "description", "captions", "related")


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of `kliping explain`.

    number: the line (or, for pages, the block) it is about, None for a page-head field;
    decision: body, title, description, caption, related, field or dropped; field: the
    metadata field a "field" row fills; key: the rule key that decided; pattern: the
    regular expression that matched, from rule file `rule`; reason: why, when no pattern
    decided; value: what was taken into a field; groups: other named groups the pattern
    took (a byline's author and editor); kept: the text kept in the body.
    """

    source: str
    outlet: str
    number: int | None
    text: str
    decision: str
    field: str | None
    key: str
    pattern: str | None
    rule: str | None
    reason: str | None
    value: str | None
    kept: str | None
    groups: dict[str, str] | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def pattern_rule(rule: Rule, key: str, source: str | None) -> str | None:
    """Return the id of the rule file (this rule or one it extends) that holds the
    pattern `source` under `key`, or None when `source` is no rule pattern."""
    if key not in _RULE_KEYS or not source:
        return None
    return next((p.rule for p in rule.patterns(key) if p.source == source), None)


def _reason(line: Line, rule_id: str | None, ended_at: int | None, box_at: int | None) -> str | None:
    if rule_id:
        return None
    if line.key == "footer.end" and ended_at:
        return f"under the article's end (line {ended_at})"
    if line.pattern == "line inside a box opened above" and box_at:
        return f"inside the box opened on line {box_at}"
    if line.kind == BODY and line.key == "body":
        return "no pattern matched: article text"
    return line.pattern


def line_decisions(explained: Explained, source: str) -> list[Decision]:
    """Return one row per non-blank line (or page block) of an explained document."""
    rule = explained.match.rule
    rows: list[Decision] = []
    ended_at = box_at = None
    blocks = explained.page is not None
    number = 0
    for line in explained.ext.lines:
        if line.kind == BLANK:
            continue
        number = number + 1 if blocks else line.number
        rule_id = pattern_rule(rule, line.key, line.pattern)
        if line.key in ("photo.start", "body.related_start") and rule_id:
            box_at = number
        if line.key == "footer.end" and not rule_id and ended_at is None and rows:
            ended_at = rows[-1].number  # a footer.last line ended it, and still counted
        reason = _reason(line, rule_id, ended_at, box_at)
        if line.key == "footer.end" and rule_id:
            ended_at = number
        kept = line.body if line.kind == BODY and line.body != line.text else None
        rows.append(Decision(
            source=source, outlet=rule.id, number=number, text=line.text,
            decision=DECISIONS.get(line.kind, line.kind),
            field=line.kind if line.kind in _FIELDS else None,
            key=line.key or "", pattern=line.pattern if rule_id or line.key == "url" else None,
            rule=rule_id, reason=reason, value=line.value, kept=kept,
            groups={k: v for k, v in (line.groups or {}).items() if k != "value"} or None))
    return _page_rows(explained, source) + rows


def _page_rows(explained: Explained, source: str) -> list[Decision]:
    """Rows for the fields an HTML page's head gave (they win over what lines say)."""
    page = explained.page
    if page is None:
        return []
    rows = []
    for name in _PAGE_FIELDS:
        value = getattr(page, name)
        values = list(value) if isinstance(value, tuple) else ([value] if value else [])
        for v in values:
            rows.append(Decision(
                source=source, outlet=explained.match.rule.id, number=None, text=v,
                decision="field" if name in _FIELDS else name.rstrip("s"), field=name,
                key=f"page.{name}", pattern=None, rule=None,
                reason="from the page's markup (head, JSON-LD or [html] selectors)",
                value=v, kept=None))
    return rows
