"""The page's own details, beyond title, date and authors: site name, top image, modified
time, section (desk), tags (og:/article: meta, JSON-LD, <meta name=keywords>), and the
images of the body with their captions (<figure><img><figcaption>), as newspaper4k and
trafilatura give them. Every URL is made absolute against the page's and only http(s)
is kept; lists are bounded whatever the page holds."""
from __future__ import annotations

import re
from datetime import datetime
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit

from lxml import etree

from ..article import Image
from ..dates import parse_date, zone_offset
from ..words import FUNCTION_WORDS
from ..rules import Rule
from ..text.lines import CONTROLS
from ..text.patterns import MAX_TAGS, tag_values
from .meta import PageMeta
from .page import _first, _strings_xpath

#: A page gives at most this many images; a URL longer than this is no image's.
MAX_IMAGES = 30
MAX_URL_CHARS = 2048
#: A section (desk) name is short: "Nasional", "Ekonomi Bisnis".
MAX_SECTION_CHARS = 80
#: Figures looked at, at most: a gallery page holds hundreds of thumbnails.
_MAX_FIGURES = 200
#: Where lazy-loading pages keep the real picture (src holds a placeholder), best first.
_IMAGE_ATTRIBUTES = ("data-src", "data-original", "data-lazy-src", "src")

_SITE_NAME = _strings_xpath("//meta[@property='og:site_name']/@content")
_APP_NAME = _strings_xpath("//meta[@name='application-name']/@content")
_IMAGE = tuple(_strings_xpath(xpath) for xpath in (
    "//meta[@property='og:image']/@content", "//meta[@property='og:image:url']/@content",
    "//meta[@property='og:image:secure_url']/@content", "//meta[@name='twitter:image']/@content",
    "//meta[@name='twitter:image:src']/@content", "//link[@rel='image_src']/@href",
))
_MODIFIED = tuple(_strings_xpath(xpath) for xpath in (
    "//meta[@property='article:modified_time']/@content",
    "//meta[@property='og:updated_time']/@content",
    "//meta[@itemprop='dateModified']/@content",
))
_SECTION = _strings_xpath("//meta[@property='article:section']/@content")
_ARTICLE_TAGS = _strings_xpath("//meta[@property='article:tag']/@content")
_KEYWORDS = _strings_xpath("//meta/@name[translate(.,'KEYWORDS','keywords')='keywords']/parent::*/@content")
#: Words no tag is alone, and how many of them make a list of tags prose.
_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_PROSE_FUNCTION_WORDS = 2
_PROSE_RUN = 4
_DESCRIPTION = _strings_xpath("//meta[@property='og:description' or @name='description']/@content")
_ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "WebPage")
_FIGURES = etree.XPath("descendant-or-self::figure[descendant::img]")
_ARTICLES = etree.XPath("//article")
_CAPTION = etree.XPath("string(descendant::figcaption[1])")


def web_url(value: object, base: str | None) -> str | None:
    """`value` as an absolute http(s) URL (resolved against `base`, the page's URL), or
    None for anything else: javascript:, data:, blank, over-long values, values holding
    spaces or control characters."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > MAX_URL_CHARS or any(c.isspace() for c in value) or CONTROLS.search(value):
        return None
    try:
        url = urljoin(base, value) if base else value
        parts = urlsplit(url)
    except ValueError:  # a malformed host ("http://[x") or port
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def read_details(root, rule: Rule, meta: PageMeta, linked: Callable[[], list[dict]]) -> None:
    """Fill `meta`'s site name, top image, modified time, section and tags: the rule's
    selectors first (tags, section), then the page's meta elements, then its JSON-LD."""
    items = [item for item in linked() if item.get("@type") in _ARTICLE_TYPES or
             isinstance(item.get("@type"), list) and set(item["@type"]) & set(_ARTICLE_TYPES)]
    meta.site_name = _first(root, _SITE_NAME) or _ld_publisher(items) or _first(root, _APP_NAME)
    meta.image = _first_url((v for xpath in _IMAGE for v in xpath(root)), meta.url) or \
        _first_url((u for item in items for u in _ld_urls(item.get("image"))), meta.url)
    meta.modified = _modified(root, rule, items)
    meta.section = _section(root, rule, items)
    meta.tags = _tags(root, rule, items)


def _first_url(values: Iterable[object], base: str | None) -> str | None:
    return next(filter(None, (web_url(v, base) for v in values)), None)


def _ld_urls(value) -> list[object]:
    """The URLs of a JSON-LD image value: a string, an ImageObject, or a list of either."""
    values = value if isinstance(value, list) else [value]
    return [v.get("url") if isinstance(v, dict) else v for v in values[:MAX_IMAGES]]


def _ld_publisher(items: list[dict]) -> str | None:
    for item in items:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            name = " ".join(publisher["name"].split())
            if name:
                return name[:MAX_SECTION_CHARS]
    return None


def _modified(root, rule: Rule, items: list[dict]) -> str | None:
    values = [v for xpath in _MODIFIED for v in xpath(root)]
    values += [item["dateModified"] for item in items if isinstance(item.get("dateModified"), str)]
    for value in values:
        iso = parse_date(re.sub(r"\s+T", "T", " ".join(value.split())), rule.timezone)
        if iso:
            return in_zone(iso, rule.timezone)
    return None


def in_zone(iso: str, zone: str | None) -> str:
    """A time given in another offset ("…04:13:59+00:00") as the same instant in the
    outlet's zone ("…11:13:59+07:00"); a bare date stays as it is."""
    offset = zone_offset(zone)
    if "T" not in iso or offset is None:
        return iso
    try:
        return datetime.fromisoformat(iso).astimezone(offset).isoformat()
    except ValueError:
        return iso


def _section(root, rule: Rule, items: list[dict]) -> str | None:
    values = [v for sel in rule.selectors("section") for v in sel.values(root)]
    values += _SECTION(root)
    for item in items:
        section = item.get("articleSection")
        values += section if isinstance(section, list) else [section]
    for value in values:
        if isinstance(value, str):
            value = " ".join(value.split())
            if value and len(value) <= MAX_SECTION_CHARS:
                return value
    return None


def _tags(root, rule: Rule, items: list[dict]) -> tuple[str, ...]:
    """The first source that gives tags: the rule's selectors, article:tag, JSON-LD
    keywords, <meta name=keywords>; each value split on commas, bounded to MAX_TAGS; a
    source whose tags are prose cut into words is passed over."""
    sources: list[Callable[[], list[object]]] = [
        lambda: [v for sel in rule.selectors("tags") for v in sel.values(root)],
        lambda: _ARTICLE_TAGS(root),
        lambda: [kw for item in items for kw in _listed(item.get("keywords"))],
        lambda: _KEYWORDS(root)[:1],
    ]
    for source in sources:
        tags: dict[str, None] = {}
        for value in source()[:MAX_TAGS * 5]:
            if isinstance(value, str):
                tags.update(dict.fromkeys(tag_values(value[:MAX_TAGS * 100])))
            if len(tags) >= MAX_TAGS:
                break
        if tags and not _cut_prose(tags, root):
            return tuple(tags)[:MAX_TAGS]
    return ()


def _cut_prose(tags: dict[str, None], root) -> bool:
    """Say whether "tags" are a sentence cut into words, as kapanlagi's and tempo's
    keywords are ("main, di, film, keduanya, …"): two of them or more are function words
    ("di", "the"), or four or more spell, in order, the page's description."""
    if sum(tag.lower() in _FUNCTION_WORDS for tag in tags) >= _PROSE_FUNCTION_WORDS:
        return True
    if len(tags) < _PROSE_RUN:
        return False
    description = _first(root, _DESCRIPTION)
    return bool(description) and f" {_words(' '.join(tags))} " in f" {_words(description)} "


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _listed(value) -> list[object]:
    return value if isinstance(value, list) else [value]


def figure_images(root, scope: list, base: str | None) -> tuple[Image, ...]:
    """The images of the article's figures (<figure><img>…<figcaption>) under the
    `scope` elements (the body's; when they hold none, as where the top photo stands
    above the text's box, the <article> holding them; with no body, every <article>'s,
    else the page's), each with its caption, in reading order, without repeats; a figure
    that is a link to another page and has no caption is a teaser, not the article's
    picture."""
    if not scope:
        return _figure_images(_ARTICLES(root) or [root], base)
    found = _figure_images(scope, base)
    if found:
        return found
    around = next(scope[0].iterancestors("article"), None)
    return _figure_images([around], base) if around is not None else ()


def _figure_images(scope: list, base: str | None) -> tuple[Image, ...]:
    """`figure_images` of the figures under the `scope` elements."""
    images: dict[str, str | None] = {}
    seen = 0
    for element in scope:
        for figure in _FIGURES(element):
            seen += 1
            if seen > _MAX_FIGURES or len(images) >= MAX_IMAGES:
                return _images(images)
            img = next(figure.iter("img"))
            url = _first_url((img.get(a) for a in _IMAGE_ATTRIBUTES), base)
            caption = " ".join(_CAPTION(figure).split()) or None
            if url is None or caption is None and _links_away(img):
                continue
            if images.get(url) is None:
                images[url] = caption
    return _images(images)


def _images(found: dict[str, str | None]) -> tuple[Image, ...]:
    return tuple(Image(url, caption) for url, caption in found.items())


def _links_away(img) -> bool:
    """Say whether the image sits in a link to another page."""
    return any((a.get("href") or "#").strip()[:1] not in ("#", "") for a in img.iterancestors("a"))
