"""The page head: what a page says about itself before its body is read — title
(without the site's name), publication date (meta, JSON-LD, the date line by the
headline), authors, canonical URL."""
from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from lxml import etree

from ..dates import parse_date
from ..rules import Rule
from .details import read_details
from .meta import PageMeta
from .page import _BODY_TEXT, _first, _strings_xpath, element_blocks, page_url


#: Metadata that names the publication time, most trusted first; JSON-LD's
#: datePublished goes between the first four and the last two.
PUBLISHED_META = tuple(_strings_xpath(xpath) for xpath in (
    "//meta[@property='article:published_time']/@content",
    "//meta[@property='og:article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//meta/@name[.='pubdate' or .='publishdate' or .='publish-date' or .='publish_date'"
    " or .='content_PublishedDate' or .='dc.date.issued' or .='DC.date.issued'"
    " or .='article_date_original' or .='date']/parent::*/@content",
    "//time[@datetime]/@datetime",
))
#: Visible elements that usually hold the date line: their class names a date, a time,
#: "tanggal" or "publish", or their id a date.
DATE_ELEMENTS = etree.XPath(
    "(//*/@class[contains(translate(.,'DATE','date'),'date') or contains(.,'time')"
    " or contains(.,'tanggal') or contains(.,'publish')]/parent::*"
    " | //*/@id[contains(.,'date')]/parent::*)[not(self::script) and not(self::style)]")
_OG_TITLE = _strings_xpath("//meta[@property='og:title']/@content")
_TWITTER_TITLE = _strings_xpath("//meta[@name='twitter:title']/@content")
_TITLE = _strings_xpath("//title/text()")
_OG_SITE_NAME = _strings_xpath("//meta[@property='og:site_name']/@content")
_META_AUTHOR = _strings_xpath("//meta[@name='author']/@content")
_JSON_LD = _strings_xpath("//script[@type='application/ld+json']/text()")
_H1 = etree.XPath("//h1")
#: How many blocks under the headline are searched for its date line.
_DATE_WINDOW = 30
#: A date this many blocks from the headline or closer is its date line.
_DATE_NEAR = 3
_SEPARATORS = re.compile(r"\s+(?:[-|–—·•»]|::)\s+|:\s+")
_HOST_NOISE = {"www", "m", "amp", "com", "co", "id", "net", "org", "or", "go", "ac", "blogspot",
               "wordpress", "news", "html"}


def json_ld_items(root) -> list[dict]:
    """Return the JSON-LD objects of the page (flattened @graph), skipping broken ones."""
    found = []
    for script in _JSON_LD(root):
        try:
            data = json.loads(script.strip())
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                found.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return found


def site_words(url: str | None, site_name: str | None) -> set[str]:
    """Return brand words of the site (host labels, og:site_name) to recognise a
    title's site-name prefix or suffix ("- Kompas.com", "Silicon Exposed:")."""
    words = set()
    host = (urlsplit(url).hostname or "") if url else ""
    for label in re.split(r"[.]", host.lower()):
        label = label.replace("-", "")
        if len(label) >= 4 and label not in _HOST_NOISE:
            words.add(label)
    if site_name:
        words.add(re.sub(r"\W+", "", site_name.lower()))
    return words


def site_brands(root, url: str | None) -> Callable[[], set[str]]:
    """The site's brand words (`site_words` of the URL and og:site_name), read the first
    time they are asked for: pages whose rule finds title and authors never need them."""
    return functools.cache(lambda: site_words(url, _first(root, _OG_SITE_NAME)))


def strip_site_name(title: str, brands: set[str]) -> str:
    """Remove segments naming the site from the start and end of a title."""
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(parts) < 2:
        return title.strip()

    def is_site(part: str) -> bool:
        squashed = re.sub(r"\W+", "", part.lower())
        if not re.search(r"[^\W\d_]", part):
            return True  # "...", "|"
        return any(b and b in squashed for b in brands)

    start, end = 0, len(parts)
    while end - start > 1 and is_site(parts[end - 1]):
        end -= 1
    while end - start > 1 and is_site(parts[start]):
        start += 1
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out.strip()


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def choose_title(root, rule: Rule, brands: Callable[[], set[str]]) -> str | None:
    """The headline: the rule's selector; else an <h1> that agrees with og:title or
    <title> once the site name (`brands()`, see `site_brands`) is cut off; else
    og:title, then <title>."""
    for sel in rule.selectors("title"):
        values = sel.values(root)
        if values:
            return values[0]
    og = _first(root, _OG_TITLE) or _first(root, _TWITTER_TITLE)
    tt = _first(root, _TITLE)
    stripped = [strip_site_name(t, brands()) for t in (og, tt) if t]
    for h1 in _H1(root):
        text = " ".join(h1.text_content().split())
        if text and any(_norm(text) == _norm(s) for s in stripped):
            return text
    return next((s for s in stripped if s), None)


def _meta_date_strings_xpath(root, linked: Callable[[], list[dict]]) -> Iterator[str]:
    """The page's publication-time metadata, most trusted first, spaces folded; each
    source is read only when the ones before it gave no usable value."""
    for value in _raw_meta_dates(root, linked):
        if value.strip():
            yield " ".join(value.split())


def _raw_meta_dates(root, linked: Callable[[], list[dict]]) -> Iterator[str]:
    for xpath in PUBLISHED_META[:4]:
        yield from xpath(root)
    for item in linked():
        if isinstance(item.get("datePublished"), str):
            yield item["datePublished"]
    for xpath in PUBLISHED_META[4:]:
        yield from xpath(root)


def _linked_data(root) -> Callable[[], list[dict]]:
    """The page's JSON-LD objects, parsed the first time they are asked for."""
    return functools.cache(lambda: json_ld_items(root))


def _dates_near_title(root, title: str | None, zone: str) -> list[str]:
    """Dates printed next to the headline, nearest first, those with a time first among
    the close ones: where a reader looks for the date line. The headline may stand in
    several places (menus, related lists); every place counts."""
    body = root.find("body")
    want = _norm(title)
    if body is None or not want:
        return []
    blocks = element_blocks(body)
    places = [i for i, b in enumerate(blocks) if want in _norm(b)]
    if not places:
        return []
    found = []
    for j, block in enumerate(blocks):
        if len(block) > 200:
            continue
        distance = min(abs(j - i) for i in places)
        if distance > _DATE_WINDOW:
            continue
        iso = parse_date(block, zone)
        if iso:
            found.append(((distance > _DATE_NEAR, "T" not in iso, distance), iso))
    return [iso for _, iso in sorted(found, key=lambda f: f[0])]


def _visible_dates(root, zone: str) -> list[str]:
    out = []
    for el in DATE_ELEMENTS(root)[:20]:
        text = " ".join(el.text_content().split())
        if 6 <= len(text) <= 120:
            iso = parse_date(text, zone)
            if iso:
                out.append(iso)
    return out


def _fix_utc_label(iso: str, raw: str, root, zone: str) -> str:
    """A time labelled UTC ("…T10:08:58Z") whose wall-clock time is what the page prints
    next to WIB is a local time mislabelled: re-read it in the outlet's zone."""
    if not re.search(r"(?:Z|[+-]00:?00)$", raw.strip()):
        return iso
    clock = re.search(r"[T ]\s*(\d{2}):(\d{2})", raw)
    if not clock:
        return iso
    hhmm = rf"\b{clock.group(1)}[:.]{clock.group(2)}\b"
    if re.search(hhmm + r"\s*(?:WIB|WITA|WIT)?", " ".join(_BODY_TEXT(root))):
        local = parse_date(re.sub(r"(?:Z|[+-]00:?00)$", "", raw.strip()), zone)
        return local or iso
    return iso


def find_published(root, rule: Rule, title: str | None = None,
                   linked: Callable[[], list[dict]] | None = None) -> str | None:
    """The publication time: the rule's selector, page metadata, then visible date text
    (a date with a time near the headline first). `linked` gives the page's JSON-LD."""
    zone = rule.timezone
    for sel in rule.selectors("published"):
        for value in sel.values(root):
            iso = parse_date(re.sub(r"\s+T", "T", value), zone)
            if iso:
                return iso
    for raw in _meta_date_strings_xpath(root, linked or _linked_data(root)):
        iso = parse_date(re.sub(r"\s+T", "T", raw), zone)
        if iso:
            return _fix_utc_label(iso, re.sub(r"\s+T", "T", raw), root, zone)
    near = _dates_near_title(root, title, zone)
    timed = next((v for v in near if "T" in v), None)
    if timed:  # the date elements' dates come after it: not looked for
        return timed
    visible = near + _visible_dates(root, zone)
    if visible:
        return next((v for v in visible if "T" in v), visible[0])
    return htmldate_day(root)


def htmldate_day(root) -> str | None:
    """Last resort: htmldate's reading of the page (URL, headers, text), a day only."""
    from htmldate import find_date  # imported here: only pages without any date need it

    try:
        return find_date(copy.deepcopy(root), extensive_search=True, original_date=True)
    except (ValueError, TypeError):
        return None


def _ld_names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            names.append(item["name"].strip())
        elif isinstance(item, str):
            names.append(item.strip())
    return [n for n in names if n]


def find_authors(root, rule: Rule, brands: Callable[[], set[str]],
                 linked: Callable[[], list[dict]] | None = None) -> tuple[str, ...]:
    """Authors from the rule's selector, JSON-LD or <meta name=author> (not the site:
    `brands()`). `linked` gives the page's JSON-LD."""
    for sel in rule.selectors("author"):
        values = sel.values(root)
        if values:
            return tuple(dict.fromkeys(values))
    names: list[str] = []
    for item in (linked or _linked_data(root))():
        if item.get("@type") in ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle"):
            names += _ld_names(item.get("author"))
    if not names:
        meta = _first(root, _META_AUTHOR)
        names = [meta] if meta else []
    keep = [n for n in names if not any(b in re.sub(r"\W+", "", n.lower()) for b in brands())]
    return tuple(dict.fromkeys(keep))


#: JSON-LD types of a page that is one article.
_ARTICLE_TYPES = frozenset({"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                            "OpinionNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "ScholarlyArticle",
                            "TechArticle", "Report", "Recipe", "Review", "SocialMediaPosting", "LiveBlogPosting"})
_OG_TYPE = _strings_xpath("//meta[@property='og:type']/@content")


def declares_article(root, linked: Callable[[], list[dict]]) -> bool:
    """Say whether the page calls itself one article: og:type "article", a JSON-LD
    article, or a single <article> element."""
    if (_first(root, _OG_TYPE) or "").lower() == "article":
        return True
    for item in linked():
        types = item.get("@type")
        if any(t in _ARTICLE_TYPES for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)):
            return True
    return len(root.xpath("//article[not(ancestor::article)]")) == 1


def read_meta(root, rule: Rule, url: str | None) -> PageMeta:
    """Read title, date, authors, description and the page's details (site name, top
    image, modified, section, tags) of a page."""
    url = url or page_url(root)
    brands = site_brands(root, url)
    meta = PageMeta(url=url)
    linked = _linked_data(root)
    meta.title = choose_title(root, rule, brands)
    meta.published = find_published(root, rule, meta.title, linked)
    meta.author = find_authors(root, rule, brands, linked)
    for sel in rule.selectors("editor"):
        values = sel.values(root)
        if values:
            meta.editor = values[0]
            break
    for sel in rule.selectors("description"):
        values = sel.values(root)
        if values:
            meta.description = values[0]
            break
    meta.language = (root.get("lang") or "").split("-")[0].lower() or None
    read_details(root, rule, meta, linked)
    meta.declares_article = declares_article(root, linked)
    return meta
