"""HTML pages: metadata from the page head, the body by the rule's selectors or trafilatura.

The result is a list of text blocks (one per paragraph) plus `PageMeta`; the pipeline then
runs the same line passes over the blocks as over a text scrape, so "Baca Juga:" lines,
captions and datelines are handled alike whatever the input was.
"""
from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .dates import parse_date
from .rules import Rule
from .selectors import Selector, attribute_steps, merge_selectors, remember_page
from .text import PARAGRAPH_END, is_sentence

#: Elements that start a new text block.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote figure figcaption section article table tr "
    "pre header footer aside dl dt dd address details summary main nav form center".split())
#: Elements never read.
SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
             "button", "select", "input", "textarea")


def _strings_xpath(xpath: str) -> etree.XPath:
    """Compile an XPath giving strings, its attribute tests as attribute steps."""
    return etree.XPath(attribute_steps(xpath), smart_strings=False)


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
_GENERATOR = _strings_xpath(
    "//meta/@name[translate(.,'GENERATOR','generator')='generator']/parent::*/@content")
_OG_TITLE = _strings_xpath("//meta[@property='og:title']/@content")
_TWITTER_TITLE = _strings_xpath("//meta[@name='twitter:title']/@content")
_TITLE = _strings_xpath("//title/text()")
_OG_SITE_NAME = _strings_xpath("//meta[@property='og:site_name']/@content")
_META_AUTHOR = _strings_xpath("//meta[@name='author']/@content")
_CANONICAL = _strings_xpath("//link[@rel='canonical']/@href")
_OG_URL = _strings_xpath("//meta[@property='og:url']/@content")
_JSON_LD = _strings_xpath("//script[@type='application/ld+json']/text()")
_H1 = etree.XPath("//h1")
#: The visible text of the page's body, in pieces.
_BODY_TEXT = _strings_xpath("//body//text()[not(ancestor::script)]")
#: Text nodes in the body holding the string $p.
_BODY_TEXT_WITH = etree.XPath("//body//text()[contains(., $p)]")
#: How many links an element holds.
_LINK_COUNT = etree.XPath("count(.//a)")
#: The id and class attribute nodes under an element, in document order.
_ID_AND_CLASS = etree.XPath("descendant::*/@id | descendant::*/@class")
#: A page of this many blocks or more, this share of them headlines, is a list.
_LIST_MIN_BLOCKS = 5
_LIST_HEADLINE_SHARE = 0.8
#: How many sentences above the first extracted paragraph may be a lost lead.
_LEAD_BLOCKS = 3
#: Generic path: below this much text the precise extraction is retried for recall.
_SHORT_TEXT = 250
#: A box with this many links or more, this share of its text in links, is a link list.
_LIST_LINKS = 3
_LINK_SHARE = 0.6
#: ... unless it also holds this much text outside links (then it holds the article).
_PROSE_CHARS = 300
#: How many blocks under the headline are searched for its date line.
_DATE_WINDOW = 30
#: A date this many blocks from the headline or closer is its date line.
_DATE_NEAR = 3
_SEPARATORS = re.compile(r"\s+(?:[-|–—·•»]|::)\s+|:\s+")
_HOST_NOISE = {"www", "m", "amp", "com", "co", "id", "net", "org", "or", "go", "ac", "blogspot",
               "wordpress", "news", "html"}


class NotAnArticle(ValueError):
    """A page that is no article (a feed, a section front); `reason` says which."""


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
    extra: dict = field(default_factory=dict)


#: Bytes of the C0 controls but tab and line breaks, and DEL.
_C0_CONTROLS = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"


def parse_page(text: str):
    """Parse HTML text into an lxml tree; raise NotAnArticle for feeds and empty pages.
    C0 control characters are left out (the text of a page never holds them, and XML,
    which trafilatura turns the tree into, refuses them)."""
    head = text[:2000].lstrip().lower()
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        if "<html" not in head:
            raise NotAnArticle("an RSS/Atom feed, not an article page")
    data = text.encode("utf-8")
    kept = data.translate(None, _C0_CONTROLS)  # bytes.translate: 5x faster than a regex search
    if len(kept) != len(data):
        data = kept
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotAnArticle(f"no HTML document could be parsed ({exc})") from None
    if root is None or root.find("body") is None and not len(root):
        raise NotAnArticle("an empty HTML document")
    remember_page(root, text)  # selectors pass over pages lacking a word they need
    return root


def _html_parser() -> lxml.html.HTMLParser:
    """lxml.html's parser with lxml.html's element classes (FormElement for <form>, …,
    HtmlElement otherwise) looked up by tag name in C: lxml.html's own lookup is a Python
    callback run for every element object created, in our code and trafilatura's alike.
    No table of ids is built (`collect_ids`): selectors test @id like any attribute, and
    the table cost 7% of a parse."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  collect_ids=False)
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    lookup.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
    parser.set_element_class_lookup(lookup)
    return parser


_PARSER = _html_parser()


def page_generator(root) -> str | None:
    """The software that says it made the page (<meta name="generator">), if any."""
    return _first(root, _GENERATOR)


def _first(root, xpath: etree.XPath) -> str | None:
    """The first value `xpath` gives on the page that is not blank, spaces folded."""
    for value in xpath(root):
        value = " ".join(str(value).split())
        if value:
            return value
    return None


def _json_ld(root) -> list[dict]:
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


# ------------------------------------------------------------------------ title

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


# ------------------------------------------------------------------------ dates

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
    return functools.cache(lambda: _json_ld(root))


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
    visible = _dates_near_title(root, title, zone) + _visible_dates(root, zone)
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


# ------------------------------------------------------------------------ people, fields

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


def page_url(root) -> str | None:
    """The URL the page gives itself: its canonical link, else og:url."""
    return _first(root, _CANONICAL) or _first(root, _OG_URL)


def read_meta(root, rule: Rule, url: str | None) -> PageMeta:
    """Read title, date, authors, description, captions and related links of a page."""
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
    return meta


# ------------------------------------------------------------------------ body

def strip_furniture(root, rule: Rule) -> None:
    """Remove the rule's `strip` elements and id/class words, scripts and styles."""
    etree.strip_elements(root, *SKIP_TAGS, with_tail=False)
    for sel in _strip_selectors(rule.selectors("strip")):
        for el in sel.elements(root):
            if hasattr(el, "getparent") and el.getparent() is not None:
                el.drop_tree()
    words = rule.id_or_class_words()
    if words:
        strip_named(root, words)


@functools.lru_cache(maxsize=256)
def _strip_selectors(selectors: tuple[Selector, ...]) -> tuple[Selector, ...]:
    """The `strip` selectors, each run of local ones merged into one: removing what one
    of them finds cannot change what the others find, so one evaluation serves them all."""
    out: list[Selector] = []
    run: list[Selector] = []
    for sel in selectors + (None,):
        if sel is not None and sel.local:
            run.append(sel)
            continue
        if run:
            out.append(merge_selectors(run) if len(run) > 1 else run[0])
            run = []
        if sel is not None:
            out.append(sel)
    return tuple(out)


def strip_named(root, words: tuple[str, ...]) -> None:
    """Remove the elements under `root` whose lower-cased "id class" contains one of
    `words`, unless they hold the article's prose; what lies inside a removed element is
    not looked at again."""
    removed, names_a_word = False, _word_search(words)
    for el, names in _id_class_names(root, words):
        if el.getparent() is None or not names.strip() or not names_a_word(names):
            continue
        if removed and not _attached(el, root):
            continue
        if not _holds_prose(el):
            el.drop_tree()
            removed = True


@functools.lru_cache(maxsize=64)
def _word_search(words: tuple[str, ...]) -> Callable[[str], re.Match | None]:
    """One search for any of `words` in a string: true where `any(w in s for w in words)` is."""
    return re.compile("|".join(map(re.escape, words))).search


def _id_class_names(root, words: tuple[str, ...]) -> list[tuple[object, str]]:
    """The elements under `root` whose id or class may hold one of `words`, in document
    order, with their lower-cased "id class": read off the attribute nodes, not by
    visiting every element. A word without a space can only stand inside the id or
    inside the class, so those are searched one by one; other words need both."""
    one_by_one = _word_search(words) if not any(" " in w for w in words) else None
    out: list[tuple[object, str]] = []
    for value in _ID_AND_CLASS(root):
        if one_by_one is not None and not one_by_one(value.lower()):
            continue
        el = value.getparent()
        if not out or out[-1][0] is not el:
            out.append((el, f"{el.get('id', '')} {el.get('class', '')}".lower()))
    return out


def _attached(el, root) -> bool:
    """Say whether `el` still hangs under `root` (nothing between them was removed)."""
    return any(parent is root for parent in el.iterancestors())


def _text_sizes(el, link_chars: Callable[[object], int] | None = None) -> tuple[int, int]:
    """Characters of an element's text, and of the part inside its links (each link's
    measured by `link_chars` when given)."""
    text = _chars(el)
    linked = sum(map(link_chars or _chars, el.iter("a"))) if text else 0
    return text, linked


def _chars(el) -> int:
    """Characters of an element's text, spaces folded."""
    return len(" ".join(el.text_content().split()))


def _holds_prose(el, sizes: tuple[int, int] | None = None) -> bool:
    """Say whether an element holds article-sized text outside links (a wrapper whose
    class happens to name a share bar must not take the article with it)."""
    text, linked = sizes or _text_sizes(el)
    return text - linked >= _PROSE_CHARS


def take_out(root, rule: Rule, key: str) -> list[str]:
    """Return the text of the rule's `key` elements (captions, related) and remove them."""
    values = []
    for sel in rule.selectors(key):
        for el in sel.elements(root):
            if isinstance(el, str):
                continue
            text = " ".join(el.text_content().split())
            if text:
                values.append(text)
            if el.getparent() is not None:
                el.drop_tree()
    return values


def element_blocks(el) -> list[str]:
    """Render an element as text blocks: one per paragraph-like element or <br> run."""
    return _join_blocks(_text_pieces(el))


def _text_pieces(el) -> list[str | None]:
    """The text of `el` in reading order, None where a block starts or ends or a <br>
    stands; comments give only their tails, <br> never its own text."""
    pieces: list[str | None] = []
    add = pieces.append
    # Walked with start/end events rather than recursion: pages nest thousands deep.
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        if event == "start":
            if tag in BLOCK_TAGS or tag == "br":
                add(None)
            elif not isinstance(tag, str):
                continue
            text = node.text if tag != "br" else None
            if text:
                add(text)
        else:
            if tag in BLOCK_TAGS:
                add(None)
            tail = node.tail
            if tail and node is not el:
                add(tail)
    return pieces


def _join_blocks(pieces: list[str | None]) -> list[str]:
    """Join the text between breaks (None) into blocks, spaces folded, empty ones left out."""
    blocks: list[str] = []
    current: list[str] = []
    for piece in pieces + [None]:
        if piece is not None:
            current.append(piece)
        elif current:
            text = " ".join("".join(current).split())
            if text:
                blocks.append(text)
            current = []
    return blocks


def rule_body(root, rule: Rule) -> list[str] | None:
    """Return the body blocks by the rule's body selectors, or None when none match."""
    for sel in rule.selectors("body"):
        found = [el for el in sel.elements(root) if not isinstance(el, str)]
        if found:
            blocks: list[str] = []
            for el in found:
                blocks += element_blocks(el)
            return blocks
    return None


def trafilatura_body(root, url: str | None) -> list[str]:
    """Return the body blocks trafilatura finds (the generic path)."""
    import trafilatura  # imported here: slow to import, and only the generic path needs it

    def run(precision: bool) -> str:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(root), url=url, with_metadata=False, include_comments=False,
            include_tables=False, include_images=False, deduplicate=False,
            favor_precision=precision)
        return getattr(doc, "text", None) or ""

    prune_link_lists(root)
    text = run(precision=True)
    if len(text) < _SHORT_TEXT:  # precision can starve a short page (a photo, a brief)
        text = run(precision=False)
    blocks = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return recover_lead(root, blocks)


def recover_lead(root, blocks: list[str]) -> list[str]:
    """Put back the lead paragraph the generic extractor left out.

    Indonesian pages often open the text with "<b>Brand</b> - lead…<br><br>" straight in
    the article's container, which the extractor skips; the sentences just above its
    first paragraph, in the same container, are that lead.
    """
    first = next((b for b in blocks if len(b.split(None, 4)) >= 5), None)
    if first is None:
        return blocks
    probe = first[:40]
    nodes = _BODY_TEXT_WITH(root, p=probe) if "'" not in probe else []
    if not nodes:
        return blocks
    container = nodes[0].getparent()
    while container is not None and container.tag not in BLOCK_TAGS - {"p"}:
        container = container.getparent()
    if container is None:
        return blocks
    around = element_blocks(container)
    at = next((i for i, b in enumerate(around) if b.startswith(probe)), None)
    if not at:
        return blocks
    lead: list[str] = []
    for b in reversed(around[max(0, at - _LEAD_BLOCKS):at]):
        if not is_sentence(b) or b in blocks:
            break
        lead.insert(0, b)
    if not lead:
        return blocks
    i = blocks.index(first)
    return blocks[:i] + lead + blocks[i:]


def prune_link_lists(root) -> None:
    """Remove lists and boxes that are mostly links (related, most-read, menus): the
    generic extractor otherwise keeps some of them as text.

    Boxes nest, so the same links are measured for each box around them: a link's size
    is kept until something inside it is removed. Nothing inside a removed box is
    looked at again."""
    link_sizes: dict[object, int] = {}

    def link_chars(a) -> int:
        if a not in link_sizes:
            link_sizes[a] = _chars(a)
        return link_sizes[a]

    removed = False
    for el in list(root.iter("ul", "ol", "div", "section", "aside", "nav", "table")):
        if el.getparent() is None or _LINK_COUNT(el) < _LIST_LINKS:
            continue
        if removed and not _attached(el, root):
            continue
        text, linked = sizes = _text_sizes(el, link_chars)
        if text and linked / text >= _LINK_SHARE and not _holds_prose(el, sizes):
            for a in el.iterancestors("a"):
                link_sizes.pop(a, None)
            el.drop_tree()
            removed = True


def page_blocks(root, rule: Rule, meta: PageMeta) -> list[str]:
    """Strip furniture, take captions and related out, and return the body blocks."""
    strip_furniture(root, rule)
    meta.captions = tuple(take_out(root, rule, "captions"))
    meta.related = tuple(take_out(root, rule, "related"))
    blocks = rule_body(root, rule)
    if blocks is None:
        blocks = trafilatura_body(root, meta.url)
    return blocks
