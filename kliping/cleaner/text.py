"""Plain-text scrapes: decide for every line whether it is body, metadata or furniture.

Three passes, each recorded on the `Line` so `kliping explain` can show why:
1. each line against the rule's patterns (drop, dates, byline, related, captions,
   photo boxes, the footer's end marker);
2. position: the headline (first remaining line), repeats of it, the lead paragraph
   with its dateline, the standfirst between them;
3. repeats inside the body (deduper) and inline clean-up (glued related links).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from . import dedupe
from .dates import parse_date
from .rules import Rule
from .settings import DEFAULT_SETTINGS, Settings

# Kinds of line: body text, metadata fields, or dropped.
BLANK, DROP, BODY, TITLE, DESCRIPTION = "blank", "drop", "body", "title", "description"
PUBLISHED, CAPTION, RELATED, AUTHOR, EDITOR = "published", "caption", "related", "author", "editor"
CANDIDATE = "candidate"  # not decided by pass 1

#: Lines that are only a URL: kept as the article's URL when it has none.
_URL_LINE = re.compile(r"^(?:URL\s*:\s*)?(https?://\S+)$", re.IGNORECASE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
#: C0 and C1 control characters but tab and the line breaks: never text, and on a
#: terminal they set titles, clear screens or move the cursor (a scrape can hold them).
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ASCII_CONTROLS = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
#: The spaces of _SPACES other than the plain one: with no run of plain spaces either,
#: folding spaces changes nothing.
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
#: A caption echo or standfirst never exceeds this many characters.
_MAX_STANDFIRST = 600
#: At most this many lines belong to a photo or related box; a related title is shorter.
_BOX_ITEMS = 6
_MAX_RELATED = 200
#: A byline's label alone on its line: "Editor:", "Penulis :", "Redaktur & Reporter :",
#: and "Oleh" / "By" with no colon.
_BYLINE_LABEL = re.compile(r"[A-Z][\w &]{2,25}\s*:$|(?:Oleh|OLEH|By|BY)$")
#: A role alone under the name it labels (Kompas.com: "Maya Citra Rosa" / "Editor").
_ROLE_UNDER_NAME = re.compile(r"(?:Editor|Penulis|Reporter|Pewarta|Redaktur)$")
#: A name on its own line: a few words, no digits, no sentence, no credit's slash.
_NAME_LINE = re.compile(r"[^\W\d_][^\d/:|.!?]{1,58}[^\W\d_]$")
#: How many lines under the article's end are still read for its byline.
_BYLINE_AFTER_END = 3
#: A sentence this long, or the lead's dateline, shows the article text has begun.
_BODY_CHARS = 80
#: A line ending in one full stop reads as a sentence, not a headline.
_SENTENCE_END = re.compile(r"[^.]\.[\"”’]?$")
#: A body paragraph ends like a sentence; a headline, however long, seldom does.
PARAGRAPH_END = re.compile(r"[.!?…。！？][\"”’)」』]?$")
#: Characters of the scripts written without spaces between words (kana, han, hangul).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: As many of them make a sentence as _SENTENCE_WORDS words do.
_SENTENCE_CJK_CHARS = 10
#: A sentence closed by the editors' sign-off: "… kata dia. (tan/jpnn)", "…tersebut.(gir/jpnn)".
_SIGNED_OFF = re.compile(r"[.!?…][\"”’]?\s*\([^()]{1,40}\)$")
#: A sentence ends inside a line: its mark, then a space (or a CJK full stop).
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"”’)]?\s+\S|[。！？]")
#: Longer than this and ending in a full stop: a sentence, not a headline.
_LONG_SENTENCE = 100
#: How many non-blank lines at the top are searched for a `title_above` line.
_MARKER_WINDOW = 20
#: How many lines at the top are searched for a headline printed twice.
_TITLE_WINDOW = 6
#: On a page, the text begins within this many blocks, at a sentence of this many words.
_PAGE_LEAD_WINDOW = 40
_SENTENCE_WORDS = 5
#: A line between paragraphs of this many words, this share of them capitalised, is
#: another story's headline (a subheading is shorter; prose is never so capitalised).
_TEASER_WORDS = 8
_TEASER_CAPITALS = 0.75
#: A headline has a word of two letters at least (a page number, a bullet has none).
_WORD_OF_TWO = re.compile(r"[^\W\d_]{2}")
#: A list item's marker: "1. ", "2) ", "- ", "• ".
_LIST_ITEM = re.compile(r"(?:\d{1,2}[.)]|[-•*–])\s")
_LIST_MARKER = re.compile(r"^(?:\d{1,2}[.)]|[-•*–])\s+")
#: The text glued above the headline and printed again under it: as many characters
#: of both copies agree.
_GLUED_PREFIX = 80
#: A standfirst this long that a paragraph starts with is a teaser cut from it.
_TEASER_CHARS = 30
#: A caption-like line this long at the very end is the last paragraph with its sign-off.
_CLOSING_CHARS = 100
#: A line of this many words, mostly not capitalised, is a sentence, not a headline.
_PROSE_WORDS = 8
#: How many remaining lines after the headline may come before the lead paragraph.
_LEAD_WINDOW = 5


@dataclass(slots=True)
class Line:
    """One input line and the decision about it.

    number: 1-based line number in the input; text: the line with spacing tidied;
    kind: what it became; key/pattern: the rule key and pattern that decided;
    value: the field value taken from it; body: its text in the article (body lines).
    """

    number: int
    text: str
    kind: str = CANDIDATE
    key: str | None = None
    pattern: str | None = None
    value: str | None = None
    body: str | None = None
    groups: dict | None = None

    def decide(self, kind: str, key: str, pattern: str | None = None, value: str | None = None) -> None:
        self.kind, self.key, self.pattern, self.value = kind, key, pattern, value


@dataclass(slots=True)
class Extraction:
    """What the text passes found: the lines with their decisions and the fields."""

    lines: list[Line]
    title: str | None = None
    description: str | None = None
    dateline: str | None = None
    url: str | None = None
    stamp: str | None = None
    norms: dict[str, str] = field(default_factory=dict, repr=False)

    def normalised(self, text: str) -> str:
        """Return `dedupe.normalise(text)`, worked out once per text of this document
        (a paragraph is compared with the title, then with the other paragraphs)."""
        norm = self.norms.get(text)
        if norm is None:
            norm = self.norms[text] = dedupe.normalise(text)
        return norm

    def values(self, kind: str) -> list[str]:
        return [ln.value for ln in self.lines if ln.kind == kind and ln.value]

    @property
    def paragraphs(self) -> list[str]:
        return [ln.body for ln in self.lines if ln.kind == BODY and ln.body]


def tidy(line: str) -> str:
    """Return a line NFC-normalised, without invisible or control characters or runs
    of spaces."""
    line = unicodedata.normalize("NFC", line).translate(_INVISIBLE)
    return fold_spaces(strip_controls(line)).strip()


def strip_controls(text: str) -> str:
    """Return `text` without control characters (tab and line breaks kept)."""
    if text.isascii():  # bytes.translate is several times faster than a regex search
        data = text.encode("ascii")
        kept = data.translate(None, _ASCII_CONTROLS)
        return text if len(kept) == len(data) else kept.decode("ascii")
    return CONTROLS.sub("", text) if CONTROLS.search(text) else text


def fold_spaces(text: str) -> str:
    """Return `text` with each run of spaces (tabs, no-break and wide ones too) as one
    plain space. Looking first is cheap: text that needs nothing is left as it is."""
    odd = ("\t" in text) if text.isascii() else _ODD_SPACE.search(text)  # ASCII: a tab is the only one
    if odd or "  " in text:
        return _SPACES.sub(" ", text)
    return text


def split_lines(text: str) -> list[Line]:
    """Split a scrape into numbered, tidied lines.

    The lines are tidied together, joined by newlines (which tidying never makes,
    removes or merges a character across): one pass over the text instead of four
    calls a line."""
    raw = text.splitlines()
    if not raw:
        return []
    joined = unicodedata.normalize("NFC", "\n".join(raw))
    if any(chr(c) in joined for c in _INVISIBLE):  # translate() is slow on non-ASCII text
        joined = joined.translate(_INVISIBLE)
    joined = fold_spaces(strip_controls(joined))
    return [Line(n, line.strip()) for n, line in enumerate(joined.split("\n"), 1)]


def _value(m: re.Match) -> str | None:
    """Return the group 'value' when the pattern has one, else the whole match."""
    if "value" in m.re.groupindex:
        return (m.group("value") or "").strip() or None
    return m.group(0).strip()


def _groups(m: re.Match) -> dict[str, str]:
    return {k: v.strip() for k, v in m.groupdict().items() if v and v.strip()}


# ------------------------------------------------------------------- pass 1: patterns

_LINE_CHECKS = (
    ("header.drop", DROP), ("body.drop", DROP), ("footer.drop", DROP),
    ("headline.updated", DROP), ("headline.published", PUBLISHED),
    ("byline.editor", EDITOR), ("byline.author", AUTHOR),
    ("body.related", RELATED), ("photo.file", DROP), ("photo.credit", CAPTION),
    ("photo.captions", CAPTION),
)

_LINE_CHECK_KEYS = tuple(key for key, _ in _LINE_CHECKS)
#: Every key pass 1 asks about a line (the body's dateline aside): a line none of them
#: can match, as most of a page's paragraphs, is settled by one screen.
_PASS_ONE_KEYS = ("footer.end", "footer.last", "photo.start", "body.related_start") + _LINE_CHECK_KEYS


def _box_item(kind: str, s: str, taken: int) -> bool:
    """Say whether a line can still belong to an open photo or related box."""
    if kind == RELATED:  # related titles: short, not sentences
        return taken < _BOX_ITEMS and len(s) <= _MAX_RELATED and not _SENTENCE_END.search(s)
    return taken < _BOX_ITEMS and len(s) <= _MAX_STANDFIRST


def classify_lines(lines: list[Line], rule: Rule) -> None:
    """Pass 1: decide each line from the rule's line patterns and the footer's end.

    A photo box ("zoom-inlihat foto") or a related box ("Baca Juga:" alone on its line)
    takes the lines under it, up to the next blank line, as captions or related titles.
    """
    box: tuple[str, str] | None = None  # (kind, rule key) of the open box
    taken = after_end = 0
    ended = seen_text = False
    for i, line in enumerate(lines):
        s = line.text
        if not s:
            line.decide(BLANK, "blank")
            box = None
            continue
        if line.kind != CANDIDATE:  # a name read with the byline label above it
            continue
        if _BYLINE_LABEL.match(s) and _byline_on_next_line(lines, i, rule):
            ended = ended or bool(seen_text and rule.first("footer.end", s))
            continue
        if _ROLE_UNDER_NAME.match(s) and _byline_on_line_above(lines, i, rule):
            continue
        if ended:
            after_end += 1
            if after_end > _BYLINE_AFTER_END or not _byline_after_end(line, rule):
                line.decide(DROP, "footer.end", "after the end of the article")
            continue
        if rule.could_match(_PASS_ONE_KEYS, s):  # else no pattern below matches it
            if seen_text:
                hit = rule.first("footer.end", s)
                if hit:
                    line.decide(DROP, "footer.end", hit[0].source)
                    line.groups = _groups(hit[1])
                    ended = True
                    continue
                if rule.first("footer.last", s):
                    ended = True  # this line still counts; the ones under it do not
            opened = _open_box(line, rule)
            if opened:
                box, taken = opened, 0
                continue
            if _classify_by_patterns(line, rule):
                if line.key == "photo.credit":
                    if box and box[0] == CAPTION:  # a credit inside an open photo box
                        taken += 1
                    else:  # the caption may stand right under it
                        box, taken = (CAPTION, "photo.credit"), _BOX_ITEMS - 1
                continue
        if _URL_LINE.match(s):
            line.decide(DROP, "url", _URL_LINE.pattern, _URL_LINE.match(s).group(1))
            continue
        if box and _box_item(box[0], s, taken) and not (
                box[1] == "photo.credit" and rule.first("body.dateline", s)):
            value = _LIST_MARKER.sub("", s, count=1) if box[0] == RELATED else s  # "- Judul" is "Judul"
            line.decide(box[0], box[1], "line inside a box opened above", value)
            taken += 1
            continue
        box = None
        if not seen_text and _starts_body(s, rule):
            seen_text = True  # the footer's end markers count from here on


def _byline_on_next_line(lines: list[Line], at: int, rule: Rule) -> bool:
    """A byline label alone on its line ("Editor:", "Oleh") with the name on the next
    non-blank one (Tempo, Kompas.id): read as one byline, "Editor: ARIS PRASETYO"."""
    name = next((ln for ln in lines[at + 1:at + 3] if ln.text), None)
    return _join_byline(lines[at], name, rule)


def _byline_on_line_above(lines: list[Line], at: int, rule: Rule) -> bool:
    """Kompas.com prints the name over its role: "Maya Citra Rosa" / "Editor"."""
    name = next((ln for ln in reversed(lines[max(at - 2, 0):at]) if ln.text), None)
    return _join_byline(lines[at], name, rule)


def _join_byline(label: Line, name: Line | None, rule: Rule) -> bool:
    """Read a label line and a name line as one byline when the rule's byline patterns
    take "label name"; the label line gets the field, the name line is dropped."""
    if name is None or not _NAME_LINE.match(name.text) or name.kind != CANDIDATE:
        return False
    joined = f"{label.text.rstrip(': ')}: {name.text}"
    for key, kind in (("byline.editor", EDITOR), ("byline.author", AUTHOR)):
        hit = rule.first(key, joined)
        if hit:
            label.decide(kind, key, hit[0].source, _value(hit[1]))
            label.groups = _groups(hit[1])
            name.decide(DROP, "byline.name", "the name under the byline label above")
            return True
    return False


def _byline_after_end(line: Line, rule: Rule) -> bool:
    """Decide a line just under the article's end that is its editor line ("Redaktur &
    Reporter : X" under jpnn's sign-off): it is read, the rest stays dropped. (Author
    patterns are not tried there: a name in capitals under the end is anybody's.)"""
    hit = rule.first("byline.editor", line.text)
    if hit is None:
        return False
    line.decide(EDITOR, "byline.editor", hit[0].source, _value(hit[1]))
    line.groups = _groups(hit[1])
    return True


def _starts_body(s: str, rule: Rule) -> bool:
    """Say whether a line shows the article text has begun: the lead's dateline, or a
    long line ending like a sentence (a long headline does not, so a byline under it
    is no footer)."""
    if len(s) >= _BODY_CHARS and (PARAGRAPH_END.search(s) or _SIGNED_OFF.search(s)):
        return True
    return rule.first("body.dateline", s) is not None


def _open_box(line: Line, rule: Rule) -> tuple[str, str] | None:
    for key, kind in (("photo.start", CAPTION), ("body.related_start", RELATED)):
        hit = rule.first(key, line.text)
        if hit:
            line.decide(DROP, key, hit[0].source)
            return kind, key
    return None


def _classify_by_patterns(line: Line, rule: Rule) -> bool:
    if not rule.could_match(_LINE_CHECK_KEYS, line.text):
        return False
    for key, kind in _LINE_CHECKS:
        hit = rule.first(key, line.text)
        if not hit:
            continue
        pattern, m = hit
        line.decide(kind, key, pattern.source, _value(m) if kind != DROP else None)
        line.groups = _groups(m)
        return True
    return False


# ------------------------------------------------------------------- pass 2: position

def _title_marker(lines: list[Line], rule: Rule) -> int | None:
    """Return the number of the first line near the top that sits right under a headline
    (`headline.title_above`, e.g. WordPress's "Posted on …")."""
    near_top = [ln for ln in lines if ln.text][:_MARKER_WINDOW]
    return next((ln.number for ln in near_top if rule.first("headline.title_above", ln.text)), None)


def _title_index(lines: list[Line], candidates: list[Line], rule: Rule, settings: Settings,
                 normalised: Callable[[str], str]) -> int | None:
    """Return which candidate is the headline: the one right above a `title_above` line;
    else the first line, unless a later line near the top is printed twice (as mirrors
    and iNews do) and the first is not. `normalised` is the document's
    `Extraction.normalised`."""
    def title_shaped(ln: Line) -> bool:
        if (len(ln.text) > settings.max_title_chars or not _WORD_OF_TWO.search(ln.text)
                or rule.first("body.dateline", ln.text)):
            return False  # too long, a page number or a bullet, or the lead
        # A long line ending in one full stop is the lead of a scrape with no headline.
        return not (len(ln.text) > _LONG_SENTENCE and _SENTENCE_END.search(ln.text))

    marker = _title_marker(lines, rule)
    if marker is not None:
        above = [i for i, ln in enumerate(candidates) if ln.number < marker]
        if above and title_shaped(candidates[above[-1]]):
            return above[-1]
    if rule.title == "last-before-text":
        at = _last_before_text(lines, candidates, rule, title_shaped)
        if at is not None:
            return at
    if _glued_copy_above(candidates, title_shaped, normalised):
        return 1
    top = candidates[:_TITLE_WINDOW]
    norms = [normalised(ln.text) for ln in top]
    for i, ln in enumerate(top):
        if rule.first("body.dateline", ln.text):
            break  # the lead: the headline, if any, is above it
        if i and _SENTENCE_END.search(ln.text):
            continue  # a repeated sentence is a lead printed twice, not a headline
        if title_shaped(ln) and any(dedupe.repeats_normalised(norms[i], other, settings)
                                    for other in norms[i + 1:]):
            return i
    # The first line, past junk with no word (a page number, a lone bullet).
    first = next((i for i, ln in enumerate(candidates[:_TITLE_WINDOW]) if _WORD_OF_TWO.search(ln.text)), None)
    return first if first is not None and title_shaped(candidates[first]) else None


def _glued_copy_above(candidates: list[Line], title_shaped: Callable[[Line], bool],
                      normalised: Callable[[str], str]) -> bool:
    """Say whether the text stands once above the headline and again under it, as search
    indexes store amp pages: the whole text glued into one line, the headline, the text
    again. The first copy then goes as a line above the headline. (Not when the second
    copy is cut short by the scrape to half the first: that would lose the rest.)"""
    if len(candidates) < 3 or title_shaped(candidates[0]) or not title_shaped(candidates[1]):
        return False
    first, again = normalised(candidates[0].text), normalised(candidates[2].text)
    return (len(again) * 2 >= len(first) and len(first) >= _GLUED_PREFIX
            and first[:_GLUED_PREFIX] == again[:_GLUED_PREFIX])


def _last_before_text(lines: list[Line], candidates: list[Line], rule: Rule,
                      title_shaped: Callable[[Line], bool]) -> int | None:
    """Which candidate is the headline when kickers, banners and section labels stand
    above it (`title = "last-before-text"`): the last title-shaped line above where the
    text begins (the first sentence, the lead's dateline, a byline or a date line),
    passing over a standfirst that lacks its full stop (a long line in sentence case)."""
    stop = next((ln.number for ln in lines[:_MARKER_WINDOW * 2]
                 if ln.kind in (EDITOR, AUTHOR, PUBLISHED)
                 or (ln.kind == CANDIDATE and (_opens_text(ln.text) or rule.first("body.dateline", ln.text)))),
                None)
    if stop is None:
        return None
    above = [i for i, ln in enumerate(candidates) if ln.number < stop and title_shaped(ln)]
    headlines = [i for i in above if not _sentence_case_prose(candidates[i].text)]
    return (headlines or above or [None])[-1]


def _opens_text(text: str) -> bool:
    """Say whether a line under the kickers opens the text: a sentence, but not a
    headline that asks or exclaims ("… Nasib Penumpang?"), which is short."""
    return is_sentence(text) and not (text.endswith(("?", "!")) and len(text) <= _MAX_RELATED)


def _sentence_case_prose(text: str) -> bool:
    """Say whether a line reads as a sentence rather than a headline: many words, most
    of them not capitalised (headlines of the outlets using this are in title case)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= _PROSE_WORDS and sum(w[0].isupper() for w in words) * 2 < len(words)


def keep_closing_paragraph(lines: list[Line]) -> None:
    """The article's last paragraph, closed by a sign-off "(Tribunnews.com/Nama)", reads
    like a caption ending in its credit; a paragraph-long one at the very end is text."""
    last = next((ln for ln in reversed(lines) if ln.kind in (CANDIDATE, CAPTION)), None)
    if last is not None and last.key == "photo.captions" and len(last.text) >= _CLOSING_CHARS:
        last.decide(CANDIDATE, "body.closing", "the last paragraph, closed by a sign-off")


def keep_dated_subheadings(lines: list[Line], rule: Rule) -> None:
    """Turn date lines inside the body back into text when they head a chronology
    ("Sabtu, 8 Januari 2022" over a paragraph): a bare date, another day than the
    published date above the body (if any), with text under it. A repeat of the
    published date (page 2 of a story) stays dropped."""
    published: str | None = None
    in_body = False
    for i, ln in enumerate(lines):
        if not in_body and ln.kind == CANDIDATE and _starts_body(ln.text, rule):
            in_body = True
        if ln.kind != PUBLISHED:
            continue
        iso = parse_date(ln.value, rule.timezone) or ""
        day = iso[:10]
        if not in_body:
            published = published or day
            continue
        following = next((o for o in lines[i + 1:] if o.text), None)
        if (day and day != published and len(iso) == 10
                and following is not None and following.kind == CANDIDATE):
            ln.decide(CANDIDATE, "body.dated_subheading", "a date inside the body, not the published one")


def is_sentence(text: str) -> bool:
    """Say whether a block reads as text: a sentence of a few words at least (in
    Chinese and Japanese, written without spaces, of a few words' worth of characters)."""
    if not PARAGRAPH_END.search(text):
        return False
    return (len(text.split(None, _SENTENCE_WORDS - 1)) >= _SENTENCE_WORDS
            or len(_CJK.findall(text)) >= _SENTENCE_CJK_CHARS)


def place_headline(lines: list[Line], rule: Rule, settings: Settings,
                   title: str | None = None) -> Extraction:
    """Pass 2: title, its repeats, the lead with its dateline, the standfirst.

    `title`, when the page already told it (HTML), is not searched for; its repeats
    are still dropped, and short blocks above the first paragraph are page furniture.
    """
    page = title is not None
    ext = Extraction(lines, title=title)
    ext.url = next((ln.value for ln in lines if ln.key == "url"), None)
    keep_dated_subheadings(lines, rule)
    keep_closing_paragraph(lines)
    candidates = [ln for ln in lines if ln.kind == CANDIDATE]
    rest = candidates
    if title is None and rule.title != "none" and candidates:
        at = _title_index(lines, candidates, rule, settings, ext.normalised)
        if at is not None:
            for ln in candidates[:at]:
                ln.decide(DROP, "headline.before_title", "line above the headline")
            first = candidates[at]
            first.decide(TITLE, "headline.title", "first line that is not furniture", first.text)
            ext.title = first.text
            rest = candidates[at + 1:]
    if ext.title:
        title = ext.normalised(ext.title)
        for ln in rest:
            if dedupe.repeats_normalised(title, ext.normalised(ln.text), settings):
                ln.decide(DROP, "dedupe.title", "repeats the title")
        rest = [ln for ln in rest if ln.kind == CANDIDATE]
    lead_at = next(
        (i for i, ln in enumerate(rest[:_LEAD_WINDOW]) if rule.first("body.dateline", ln.text)),
        None,
    )
    if page and lead_at is None:
        # A page's blocks: menus, dates and labels may stand between headline and text,
        # which begins at the first dateline or the first sentence.
        lead_at = next((i for i, ln in enumerate(rest[:_PAGE_LEAD_WINDOW])
                        if rule.first("body.dateline", ln.text) or is_sentence(ln.text)), None)
    if lead_at is not None:
        for i, ln in enumerate(rest[:lead_at]):
            if (i == 0 and rule.description == "before-lead" and not page
                    and 20 <= len(ln.text) <= _MAX_STANDFIRST):
                ln.decide(DESCRIPTION, "headline.description", "line between title and lead", ln.text)
                ext.description = ln.text
            else:
                ln.decide(DROP, "headline.before_lead", "line between title and lead")
        lead = rest[lead_at]
        hit = rule.first("body.dateline", lead.text)
        if hit:
            pattern, m = hit
            city = (m.groupdict().get("city") or "").strip(" ,.") or None
            ext.dateline = city
            lead.decide(BODY, "body.dateline", pattern.source, city)
            lead.body = lead.text[m.end():].lstrip(" ,.-–—:")
            if not lead.body:  # the prefix alone on its line, the lead under it
                lead.decide(DROP, "body.dateline", pattern.source, city)
    elif not page and ext.title and rule.description == "before-lead":
        _standfirst_above_byline(lines, rest, ext)
    for ln in lines:
        if ln.kind == CANDIDATE:
            ln.decide(BODY, "body")
            ln.body = ln.text
    return ext


def _standfirst_above_byline(lines: list[Line], rest: list[Line], ext: Extraction) -> None:
    """With no dateline lead (page 2 of a story, a lead without its prefix), the one
    line between the headline and the byline right under it is the standfirst, when
    the text goes on under the byline."""
    title_at = next((ln.number for ln in lines if ln.kind == TITLE), None)
    byline = next((ln for ln in lines if title_at is not None and ln.number > title_at
                   and ln.kind in (EDITOR, AUTHOR)), None)
    if byline is None:
        return
    above = [ln for ln in rest if ln.number < byline.number]
    below = any(ln.number > byline.number for ln in rest)
    if len(above) == 1 and below and 20 <= len(above[0].text) <= _MAX_STANDFIRST:
        above[0].decide(DESCRIPTION, "headline.description", "line between title and byline", above[0].text)
        ext.description = above[0].text


# ------------------------------------------------------------------- pass 3: body

def tidy_body(ext: Extraction, rule: Rule, settings: Settings) -> None:
    """Pass 3: glued related links, inline furniture, repeated paragraphs."""
    for ln in ext.lines:
        if ln.kind != BODY:
            continue
        text = ln.body or ""
        hit = rule.first("body.related_inline", text)
        if hit and hit[1].start() > 0:
            pattern, m = hit
            ln.value = _value(m)
            ln.key, ln.pattern = "body.related_inline", pattern.source
            text = text[: m.start()].rstrip()
        for pattern in rule.patterns("body.strip_inline"):
            if pattern.could_match(text):
                text = pattern.regex.sub("", text)
        ln.body = fold_spaces(text).strip()
        if not ln.body:
            ln.decide(DROP, ln.key or "body.strip_inline", ln.pattern)
    body = [ln for ln in ext.lines if ln.kind == BODY]
    captions = ext.values(CAPTION)
    lead_copy(ext, body, settings)
    for ln in body:
        if dedupe.is_caption_echo(ln.body, captions):
            ln.decide(DROP, "dedupe.caption", "image alt text that a caption repeats")
    body = [ln for ln in body if ln.kind == BODY]
    for i in dedupe.repeated_normalised([ext.normalised(ln.body) for ln in body], settings):
        body[i].decide(DROP, "dedupe.paragraph", "repeats an earlier paragraph")
    if rule.teasers:
        find_teasers([ln for ln in body if ln.kind == BODY])


def find_teasers(body: list[Line]) -> None:
    """A headline between two paragraphs is a link to another story whose "Baca Juga"
    label the scraper lost (labelling.md: an unlabelled title line inside the body is
    related): many words, nearly all capitalised, no full stop. A subheading of the
    article is shorter; prose is never capitalised word by word."""
    for ln in body[1:-1]:
        title = ln.body.removeprefix("• ")  # a bullet's item is a link too; a numbered one is not
        if _is_teaser(title):
            ln.decide(RELATED, "body.teaser", "a headline between paragraphs: another story's link", title)


def _is_teaser(text: str) -> bool:
    if (len(text) > _MAX_RELATED or text.endswith((".", ",", ":", ";"))
            or _LIST_ITEM.match(text) or _CJK.search(text)):  # list items are the article's
        return False
    words = text.split()
    if len(words) < _TEASER_WORDS:
        return False
    lettered = [w for w in words if w[:1].isalpha()]
    return len(lettered) >= _TEASER_WORDS and sum(w[0].isupper() for w in lettered) >= _TEASER_CAPITALS * len(lettered)


def drop_cut_off_end(lines: list[Line]) -> None:
    """A scrape cut off inside its last paragraph (a crawler's excerpt, a capped field)
    ends in a fragment: when the last line of the input is body text that ends like no
    sentence and holds no whole sentence either, it is dropped (labelling.md: a cut-off
    paragraph stays when it holds a complete sentence)."""
    last = next((ln for ln in reversed(lines) if ln.text), None)
    if last is None or last.kind != BODY or not last.body:
        return
    if PARAGRAPH_END.search(last.body) or _SIGNED_OFF.search(last.body) or _SENTENCE_INSIDE.search(last.body):
        return
    last.decide(DROP, "body.cut_off", "the scrape ends inside this paragraph, before a sentence ends")


def take_stamp(lines: list[Line], rule: Rule) -> str | None:
    """Remove a crawler's date stamp (`header.stamp`) from the start of the first line
    and return its value."""
    first = next((ln for ln in lines if ln.text), None)
    hit = rule.first("header.stamp", first.text) if first is not None else None
    if hit is None or hit[1].start() > 0:
        return None
    first.text = first.text[hit[1].end():].lstrip()
    return _value(hit[1])


def lead_copy(ext: Extraction, body: list[Line], settings: Settings) -> None:
    """A standfirst that repeats a paragraph of the text, or the start of one (a teaser
    cut from the lead), is no standfirst: the page printed its lead twice, and the text
    keeps it (labelling.md: a lead printed twice counts once)."""
    if not ext.description:
        return
    standfirst = ext.normalised(ext.description)
    for ln in body:
        text = ext.normalised(ln.body)
        if dedupe.repeats_normalised(standfirst, text, settings) or (
                len(standfirst) >= _TEASER_CHARS and text.startswith(standfirst.rstrip(" .…"))) or (
                len(text) >= _TEASER_CHARS and standfirst.startswith(text.rstrip(" .…"))):
            copy = next(d for d in ext.lines if d.kind == DESCRIPTION)
            copy.decide(DROP, "dedupe.description", "the lead printed twice, not a standfirst")
            ext.description = None
            return


def extract_text(text: str, rule: Rule, settings: Settings = DEFAULT_SETTINGS,
                 title: str | None = None, page: bool = False) -> Extraction:
    """Run the three passes over a plain-text scrape (or, with `page`, the text blocks
    of an HTML page, whose `title` may be known already)."""
    lines = split_lines(text)
    stamp = take_stamp(lines, rule)
    classify_lines(lines, rule)
    ext = place_headline(lines, rule, settings, title)
    ext.stamp = stamp
    tidy_body(ext, rule, settings)
    if not page:
        drop_cut_off_end(lines)
    return ext
