"""`PageMeta`: what a page says about itself, apart from the code that reads it (the
pipeline and the page head both use it; only HTML pages need lxml)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..article import Image


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself, before the body is read."""

    url: str | None = None
    title: str | None = None
    description: str | None = None
    published: str | None = None
    author: tuple[str, ...] = ()
    editor: str | None = None
    captions: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    language: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    site_name: str | None = None
    image: str | None = None
    images: tuple[Image, ...] = ()
    #: The page calls itself an article (og:type, JSON-LD, one <article>).
    declares_article: bool = False
    #: The body was read by the rule's selectors (else by an extractor: trafilatura, or
    #: the page's <article>, which find the article's own container).
    by_selectors: bool = False
    #: The body was read by kliping's own reading of the page's prose box (no rule, and
    #: trafilatura not asked).
    by_prose_box: bool = False
    extra: dict = field(default_factory=dict)
