"""HTML pages: metadata from the page head, the body by the rule's selectors, kliping's
own reading of the prose box, or trafilatura.

The result is a list of text blocks (one per paragraph) plus `PageMeta`; the pipeline then
runs the same line passes over the blocks as over a text scrape, so "Baca Juga:" lines,
captions and datelines are handled alike whatever the input was.

| module | job |
| --- | --- |
| `page.py` | parse a page; read its elements as text blocks |
| `head.py` | title, dates, authors, URL: what the page says about itself (`meta.py`: `PageMeta`) |
| `details.py` | site name, top image, modified, section, tags; the body's figures with captions |
| `body.py` | furniture stripped, captions and related boxes, the article's blocks |
| `prose.py` | kliping's own reading of a page without a rule: the box holding its prose |
| `embedded.py` | the article's text as the page's JSON-LD carries it (a body a script writes) |
| `kind.py` | feeds, section fronts and lists refused (`NotAnArticle`) |

Names are imported when first used: text scrapes never load lxml's page reading.
"""
from __future__ import annotations

from ..lazy import lazy_names

_PUBLIC = {
    "page_blocks": "body", "read_meta": "head", "strip_site_name": "head", "PageMeta": "meta",
    "NotAnArticle": "kind", "front_page_reason": "kind",
    "page_generator": "page", "page_url": "page", "parse_page": "page",
}

__all__ = sorted(_PUBLIC)


__getattr__ = lazy_names(__name__, _PUBLIC, globals())
