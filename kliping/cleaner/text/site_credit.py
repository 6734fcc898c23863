"""A photo's credit naming the site itself before a slash ("Bali Tribune / Nama"), printed
between the headline and the lead: a rule's breadcrumb pattern ("News / Nasional", the
same shape) drops it in pass 1; once the headline and the lead are placed, a line so
placed whose first part is the site's own name, as an address on the page spells it, is
the caption."""
from __future__ import annotations

import re

from .lines import BODY, CAPTION, DROP, TITLE, Line
from .shapes import credit_shaped

#: A site's address on the page ("balitribune.co.id | Denpasar - "): its first label names it.
_ADDRESS = re.compile(r"(?i)\b([a-z][\w-]*)\.(?:co\.id|or\.id|com|id|net|info|news)\b")
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
    sites = {_NOT_LETTERS.sub("", m.group(1)).lower() for ln in lines for m in _ADDRESS.finditer(ln.text)}
    for ln in dropped:
        m = _BEFORE_SLASH.match(ln.text)
        if m and _NOT_LETTERS.sub("", m.group(1)).lower() in sites:
            ln.decide(CAPTION, "photo.site_credit", "the photo's credit naming the site, under the headline", ln.text)
