"""HTML pages: metadata from the page head, the body by the rule's selectors or trafilatura.

The result is a list of text blocks (one per paragraph) plus `PageMeta`; the pipeline then
runs the same line passes over the blocks as over a text scrape, so "Baca Juga:" lines,
captions and datelines are handled alike whatever the input was.

| module | job |
| --- | --- |
| `page.py` | parse a page; read its elements as text blocks |
| `head.py` | title, dates, authors, URL: what the page says about itself |
| `body.py` | furniture stripped, captions and related boxes, the article's blocks |
| `kind.py` | feeds, section fronts and lists refused (`NotAnArticle`) |

"""
from .body import page_blocks
from .head import PageMeta, read_meta, strip_site_name
from .kind import NotAnArticle, front_page_reason
from .page import page_generator, page_url, parse_page

__all__ = ["NotAnArticle", "PageMeta", "front_page_reason", "page_blocks", "page_generator", "page_url",
           "parse_page", "read_meta", "strip_site_name"]
