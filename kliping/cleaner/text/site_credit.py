"""A photo's credit naming the site itself before a slash ("Bali Tribune / Nama"), printed
between the headline and the lead: a rule's breadcrumb pattern ("News / Nasional", the
same shape) drops it in pass 1; once the headline and the lead are placed, a line so
placed whose first part is the site's own name, as an address on the page spells it, is
the caption. The site's name alone on a line between paragraphs, as the lead's prefix
or an address on the page spells it, is furniture."""
from __future__ import annotations

import re
from collections import Counter

from .lines import BODY, CAPTION, DROP, TITLE, Extraction, Line
from .shapes import credit_shaped

#: A site's address on the page ("balitribune.co.id | Denpasar - "): its first label names it.
_ADDRESS = re.compile(r"(?i)\b([a-z][\w-]*)\.(?:co\.id|or\.id|com|id|net|info|news)\b")
#: A blog's address on its platform ("kabardesa.blogspot.com"): the label before names it.
_BLOG_ADDRESS = re.compile(r"(?i)\b([a-z][\w-]*)\.(?:blogspot|wordpress)\.(?:com|co\.id)\b")
#: A site's name on a line of its own is a few words, no sentence.
_NAME_WORDS = 5
_NAME_LETTERS = 4
#: A lead's prefix no dateline pattern knows: "Solo, Sang Pencerah. " (city, the site's name).
_NAMED_PREFIX = re.compile(r"(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s+(?P<name>[^.,:;\s][^.,:;]{3,40}?)\s*(?:\.|\s[-–—]+)\s+(?=\S)")
#: What stands before the credit's slash.
_BEFORE_SLASH = re.compile(r"([^/]{2,40}?)\s*/\s*\S")
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def site_credit_under_headline(lines: list[Line]) -> None:
    """Take back as the caption a credit `header.drop` dropped between the headline and
    the lead whose part before the slash is the site's name (spaces and case aside)."""
    title = next((ln for ln in lines if ln.kind == TITLE), None)
    lead = next((ln for ln in lines if ln.kind == BODY), None)
    if title is None or lead is None or lead.number < title.number:
        return
    dropped = [ln for ln in lines[title.number:lead.number - 1]
               if ln.kind == DROP and ln.key == "header.drop" and credit_shaped(ln.text)]
    if not dropped:
        return
    sites = _addressed_names(lines)
    for ln in dropped:
        m = _BEFORE_SLASH.match(ln.text)
        if m and _letters(m.group(1)) in sites:
            ln.decide(CAPTION, "photo.site_credit", "the photo's credit naming the site, under the headline", ln.text)


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text).lower()


def _addressed_names(lines: list[Line]) -> set[str]:
    """The site's names as the addresses printed on the page spell them, letters only."""
    return {_letters(m.group(1)) for ln in lines for pattern in (_ADDRESS, _BLOG_ADDRESS)
            for m in pattern.finditer(ln.text)}


def _lead_prefix_name(lines: list[Line]) -> str | None:
    """The site's name in the lead's prefix, its city aside ("Sleman, Kabar Desa - ")."""
    lead = next((ln for ln in lines if ln.kind == BODY), None)
    if lead is None or lead.key != "body.dateline" or not lead.body or lead.body not in lead.text:
        return None
    prefix = lead.text[:lead.text.index(lead.body)]
    if lead.value:
        prefix = prefix.replace(lead.value, "", 1)
    return _letters(prefix) or None


def drop_site_name_lines(lines: list[Line], ext: Extraction) -> None:
    """Drop a body line that is the site's own name alone (a blog's template prints it
    between paragraphs), as the lead's prefix or an address on the page spells it."""
    body = [ln for ln in lines if ln.kind == BODY]
    short = [ln for ln in body[1:] if len(ln.body.split()) <= _NAME_WORDS and len(_letters(ln.body)) >= _NAME_LETTERS]
    if not short:
        return
    names = _addressed_names(lines) | {_lead_prefix_name(lines)}
    prefix = None if body[0].key == "body.dateline" else _NAMED_PREFIX.match(body[0].body)
    if prefix is not None:  # rare: only then are the short lines printed twice counted
        names.add(_take_named_prefix(body[0], prefix, ext, names | _repeated({_letters(ln.body) for ln in short}, lines)))
    for ln in short:
        if _letters(ln.body) in names:
            ln.decide(DROP, "body.site_name", "the site's own name alone on a line between paragraphs")


def _repeated(names: set[str], lines: list[Line]) -> set[str]:
    """The names of short body lines printed alone more than once: a template's."""
    printed = Counter(_letters(ln.text) for ln in lines)
    return {n for n in names if printed[n] >= 2}


def _take_named_prefix(lead: Line, m: re.Match, ext: Extraction, names: set[str]) -> str | None:
    """A lead opening with its city and the site's name ("Solo, Sang Pencerah. ", a shape
    no dateline pattern knows; `m` its match): the city is the dateline, the prefix no
    text. Return the name taken."""
    if _letters(m.group("name")) not in names:
        return None
    ext.dateline = m.group("city")
    lead.body = lead.body[m.end():]
    return _letters(m.group("name"))
