"""Whether a page is an article at all: feeds, section fronts and lists of headlines are
refused with a reason (`NotAnArticle`), never cleaned into fake articles.

What decides is what the page is: the prose of its text (sentences, measured in
characters, so Japanese and Chinese count like any other script), how much of that text
is links, and whether the page calls itself an article (og:type, JSON-LD, one
<article>). The shape of the URL only settles a page with little prose."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from urllib.parse import urljoin, urlsplit

from ..dates import find_date
from ..text import CJK, PARAGRAPH_END, is_sentence


#: A page of this many blocks or more, this share of them headlines, is a list.
_LIST_MIN_BLOCKS = 5
_LIST_HEADLINE_SHARE = 0.8
#: On a host without a rule, this many characters of sentences that are not links make
#: an article, whatever the URL and however many short lines (a list the article
#: prints) stand with them.
_FEW_PROSE_CHARS = 200
#: ... unless what holds the text is this share links (teasers among their stories'
#: links); at a front's path, this smaller share.
_INDEX_LINK_SHARE = 0.45
_FRONT_LINK_SHARE = 0.2
#: ... unless this share of the text read off the page is links (teasers on a front).
_LINK_SHARE = 0.3
#: An index has less prose than this per date line.
_PROSE_PER_DATE = 150
#: A date line is this short at most.
_DATE_LINE_CHARS = 50
#: A post holding this many headings that link to other pages is an index's frame.
_POST_LINKED_HEADINGS = 3
#: What holds one post: an <article>, or an entry of the microformats blog software
#: prints (hAtom's `hentry`, microformats2's `h-entry`).
_POSTS = ("//article | //*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]"
          " | //*[contains(concat(' ', normalize-space(@class), ' '), ' h-entry ')]")
_HEADINGS = ".//*[self::h1 or self::h2 or self::h3]"
#: A block of a post this many words long is text a reading of the whole post holds.
_POST_ITEM_WORDS = 8
#: A CJK character counts as this many characters of text.
_CJK_WEIGHT = 3
#: As many CJK characters make a headline's length as 15 words do.
_HEADLINE_WORDS = 15
_HEADLINE_CJK_CHARS = 40


class NotAnArticle(ValueError):
    """A page that is no article (a feed, a section front); `reason` says which."""


def text_size(text: str) -> int:
    """Characters of `text`, a character of the scripts written without spaces counting
    as _CJK_WEIGHT: it holds about a word, not a letter."""
    return len(text) + (_CJK_WEIGHT - 1) * len(CJK.findall(text)) if not text.isascii() else len(text)


def prose_chars(paragraphs: list[str], links: Collection[str] = ()) -> int:
    """Characters (`text_size`) of the blocks that read as sentences and are not links
    (`links`: the page's link texts, spaces folded)."""
    return sum(text_size(p) for p in paragraphs if is_sentence(p) and p not in links)


def _is_headline(text: str) -> bool:
    """A short line not ending like a sentence: few words, or few CJK characters."""
    if PARAGRAPH_END.search(text):
        return False
    if len(CJK.findall(text)) >= _HEADLINE_CJK_CHARS:
        return False
    return len(text.split(None, _HEADLINE_WORDS - 1)) < _HEADLINE_WORDS


def _is_date_line(text: str) -> bool:
    """A short block that is a date and little else ("Selasa, 16 Februari 2016 12:55")."""
    if len(text) > _DATE_LINE_CHARS:
        return False
    found = find_date(text)
    return found is not None and (found[1].end() - found[1].start()) * 2 >= len(text)


def _is_dated_list(blocks: list[str], paragraphs: list[str]) -> bool:
    """Say whether the page is an index of dated items: a date line for every sentence
    or two of prose (an article has a date line or two, or a list of related stories
    under a long text)."""
    dates = sum(map(_is_date_line, blocks))
    return dates >= _LIST_MIN_BLOCKS and prose_chars(paragraphs) < dates * _PROSE_PER_DATE


def link_share(blocks: list[str], links: Collection[str]) -> float:
    """The share of the characters of `blocks` standing in blocks that are links."""
    total = sum(map(len, blocks))
    return sum(len(b) for b in blocks if b in links) / total if total else 0.0


def _links_elsewhere(heading, url: str | None) -> bool:
    """Say whether `heading` (or the link around it) links to a page other than `url`,
    as a teaser's headline links to its story (an unknown `url`: any link does)."""
    here = urlsplit(url) if url else None
    for href in heading.xpath(".//a/@href | ancestor::a/@href"):
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        if here is None:
            return True
        there = urlsplit(urljoin(url, href))
        if (there.netloc.lower(), there.path.rstrip("/")) != (here.netloc.lower(), here.path.rstrip("/")):
            return True
    return False


def lone_post(root, url: str | None, published: str | None, paragraphs: list[str]):
    """The element holding the page's one post when the text read (`paragraphs`) stands
    in it and the page is dated (`published`), else None. A post is held by one of
    `_POSTS` (the outermost); it is the page's own when its first heading is plain or
    links to the page itself (`url`), where a teaser's links to its story, and few of
    its headings link elsewhere (a whole front wrapped in one <article>). A page holding
    more than one of its own is no lone post."""
    if not published or not paragraphs:
        return None
    posts = root.xpath(_POSTS)
    members = set(posts)
    own = []
    for post in posts:
        if any(a in members for a in post.iterancestors()):
            continue
        headings = post.xpath(_HEADINGS)
        if not headings or not headings[0].text_content().strip() or _links_elsewhere(headings[0], url):
            continue
        if sum(_links_elsewhere(h, url) for h in headings[1:]) < _POST_LINKED_HEADINGS:
            own.append(post)
    if len(own) != 1 or _probe(paragraphs) not in " ".join(own[0].text_content().split()):
        return None
    return own[0]


def _probe(paragraphs: list[str]) -> str:
    """The start of the longest of the first few blocks, spaces folded: where the text
    read stands on the page."""
    return " ".join(max(paragraphs[:5], key=text_size).split())[:40]


def prints_whole_post(post, paragraphs: list[str]) -> bool:
    """Say whether `paragraphs` hold every paragraph and list item of `post` that reads
    as a sentence or runs to _POST_ITEM_WORDS words: a short reading that is the whole
    post, not a part of a longer one (a note under the post's list of links)."""
    text = "\n".join(" ".join(p.split()) for p in paragraphs)
    for el in post.iter("p", "li"):
        if el.tag == "li" and next(el.iter("p", "div"), None) is not None:
            continue  # its paragraphs are read one by one
        block = " ".join(el.text_content().split())
        if (is_sentence(block) or len(block.split(None, _POST_ITEM_WORDS - 1)) >= _POST_ITEM_WORDS) and block not in text:
            return False
    return True


def _mostly_linked(lines: list[str], links: Callable[[], Collection[str]] | None) -> bool:
    """Say whether half of `lines` at least stand in the page's links (`links`; not
    given: taken to), as an index's headlines do."""
    if links is None:
        return True
    linked = "\n".join(links())
    return sum(1 for line in lines if line in linked) * 2 >= len(lines)


def _front_path(url: str | None) -> str | None:
    """The path of `url` when it has the shape of a section front's: no id, date or
    slug, one segment at most ("/", "/engine", "/news")."""
    if not url:
        return None
    path = urlsplit(url).path.strip("/")
    segments = [s for s in path.split("/") if s]
    if not re.search(r"\d", path) and len(segments) <= 1 and not re.search(r"[-_.]\w+[-_.]", path):
        return "/" + path
    return None


def front_page_reason(url: str | None, paragraphs: list[str], declared: bool = False,
                      links: Callable[[], Collection[str]] | None = None, outlet: bool = False,
                      blocks: list[str] | None = None, text_links: Callable[[], float] | None = None) -> str | None:
    """Say why a page is a section front or index rather than an article, or None.

    A page from a host without a rule is an article when it says it is one (`declared`)
    or has some prose outside its links (`links` gives the page's link texts) and its
    `blocks` (the text read off the page, before any line was dropped) are not mostly
    links; at a front's path ("/", "/news") it also needs its text to stand among few
    links (`text_links`: the share of links in what holds the text, where an index's
    teasers stand among the links to their stories). Below that, text that is nothing
    but headlines makes it a list. An outlet's own pages (`outlet`) follow its known URL
    conventions: fronts at "/", "/engine", "/indeks", whatever teasers they print.
    Short lines that are not links are the page's own text (lyrics, a poem, a news
    item's notes), not a list of headlines. (A page that is one post is an article
    whatever this says: `lone_post`.)
    (`links` and `text_links` are called only when needed.)
    """
    front = _front_path(url)
    if not outlet:
        if _is_dated_list(blocks or paragraphs, paragraphs):
            return "its text is a list of dated items (an index)"
        share = text_links() if text_links else 0.0
        if share >= _INDEX_LINK_SHARE or (front and share >= _FRONT_LINK_SHARE):
            return f"its text stands among links ({share:.0%} of it), as an index's teasers do"
        if declared:
            return None  # it says it is one article, and has text: see the callers' minimum
        if prose_chars(paragraphs) >= _FEW_PROSE_CHARS:
            linked = links() if links else ()
            if (prose_chars(paragraphs, linked) >= _FEW_PROSE_CHARS
                    and link_share(blocks or paragraphs, linked) < _LINK_SHARE):
                return None
    if front and (outlet or not declared):
        return f"its URL path {front!r} is a section front, not an article"
    lines = [p for p in paragraphs if not p.startswith("|")]  # a table's rows are data, not headlines
    if len(lines) >= _LIST_MIN_BLOCKS:
        headlines = [p for p in lines if _is_headline(p)]
        if len(headlines) / len(lines) >= _LIST_HEADLINE_SHARE and (outlet or _mostly_linked(headlines, links)):
            return "its text is a list of headlines"
    return None
