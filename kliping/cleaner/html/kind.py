"""Whether a page is an article at all: feeds, section fronts and lists of headlines are
refused with a reason (`NotAnArticle`), never cleaned into fake articles."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..text import PARAGRAPH_END


#: A page of this many blocks or more, this share of them headlines, is a list.
_LIST_MIN_BLOCKS = 5
_LIST_HEADLINE_SHARE = 0.8


class NotAnArticle(ValueError):
    """A page that is no article (a feed, a section front); `reason` says which."""


def front_page_reason(url: str | None, paragraphs: list[str]) -> str | None:
    """Say why a page is a section front or index rather than an article, or None.

    Articles live at paths with an id, a date or a slug ("/read/2015/11/04/2104…",
    "/ekonomi/822959/kpk-tak-…"); fronts at "/", "/engine", "/news". A page whose text
    is nothing but headlines is a list too.
    """
    if url:
        path = urlsplit(url).path.strip("/")
        segments = [s for s in path.split("/") if s]
        if not re.search(r"\d", path) and len(segments) <= 1 and not re.search(r"[-_.]\w+[-_.]", path):
            return f"its URL path {'/' + path!r} is a section front, not an article"
    if len(paragraphs) >= _LIST_MIN_BLOCKS:
        headlines = sum(1 for p in paragraphs if len(p.split(None, 14)) < 15 and not PARAGRAPH_END.search(p))
        if headlines / len(paragraphs) >= _LIST_HEADLINE_SHARE:
            return "its text is a list of headlines"
    return None
