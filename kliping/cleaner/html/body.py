"""The page body: furniture stripped, captions and related boxes taken out, and the
article's blocks found by the rule's selectors or, on the generic path, by trafilatura
(with the lead it drops put back and link lists pruned)."""
from __future__ import annotations

import bisect
import copy
import functools
import re
from collections.abc import Callable

from lxml import etree

from ..rules import Rule
from ..text import is_sentence
from .details import figure_images
from .embedded import json_ld_body
from .meta import PageMeta
from .kind import prose_chars
from .page import BLOCK_TAGS, SKIP_TAGS, element_blocks, folded_sizes, forget_head_tags, link_texts
from .prose import box_blocks, prose_box
from ..selectors import Selector, merge_selectors


#: Text nodes in the body holding the string $p.
_BODY_TEXT_WITH = etree.XPath("//body//text()[contains(., $p)]")
_BODY_TEXTS = etree.XPath("//body//text()")
#: Whether an element holds a heading that is a link (a teaser's headline).
_LINKED_HEADING = etree.XPath("boolean(descendant-or-self::*[self::h1 or self::h2 or self::h3 or self::h4 "
                              "or self::h5 or self::h6][.//a or ancestor::a])")
#: Whether an element holds text, not only white space.
_HOLDS_TEXT = etree.XPath("boolean(normalize-space(.))")
#: The id and class attribute nodes under an element, in document order.
_ID_AND_CLASS = etree.XPath("descendant::*/@id | descendant::*/@class")
#: How many sentences above the first extracted paragraph may be a lost lead.
_LEAD_BLOCKS = 3
#: How many of the article's paragraphs are looked for on the page to find what holds them.
_PLACED = 5
#: A table of fewer rows is a layout box (a caption, a byline), not data.
_TABLE_ROWS = 3
#: ... unless a row is this long (a layout table holding the article).
_PROSE_ROW = 100
#: Generic path: below this much text the precise extraction is retried for recall.
_SHORT_TEXT = 250
#: ... and the default reading taken instead when it holds this share of the precise
#: text and adds this much prose, this share of the precise text, this share of what it adds.
_SAME_TEXT = 0.5
_MORE_PROSE_CHARS = 100
_MORE_PROSE_SHARE = 0.1
_PROSE_SHARE = 0.5
#: A block of this many words is prose whatever its last character (a standfirst).
_LONG_WORDS = 20
#: A box with this many links or more, this share of its text in links, is a link list.
_LIST_LINKS = 3
_LINK_SHARE = 0.6
#: ... unless it also holds this much text outside links (then it holds the article).
_PROSE_CHARS = 300


def strip_furniture(root, rule: Rule) -> None:
    """Remove the rule's `strip` elements and id/class words, scripts and styles."""
    forget_head_tags(root)
    for el in [el for el in root.iter("noscript") if _holds_prose(el)]:
        el.drop_tag()  # left open around the page by broken markup: its text is the page's
    etree.strip_elements(root, *SKIP_TAGS, with_tail=False)
    for sel in _strip_selectors(rule.selectors("strip")):
        for el in sel.elements(root):
            if hasattr(el, "getparent") and el.getparent() is not None and not _wraps_page(el, root):
                el.drop_tree()
    words = rule.id_or_class_words()
    if words:
        strip_named(root, words)


def _wraps_page(el, root) -> bool:
    """Say whether furniture (a <nav>, a <header>) wraps the article: broken markup
    leaves it open around the rest of the page, headline and most of the text inside."""
    if el.find(".//h1") is None and el.find(".//article") is None:
        return False
    body = root.find("body")
    return _chars(el) * 2 > _chars(body if body is not None else root)


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


def _text_sizes(el) -> tuple[int, int]:
    """Characters of an element's text, and of the part inside its links."""
    text = _chars(el)
    linked = sum(map(_chars, el.iter("a"))) if text else 0
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


def rule_body(root, rule: Rule) -> list[str] | None:
    """Return the body blocks by the rule's body selectors, or None when none of them
    finds text (a selector finding only an empty box, as a photo page's text box under
    its gallery, counts as finding nothing)."""
    blocks: list[str] = []
    for el in _body_elements(root, rule):
        blocks += element_blocks(el)
    return blocks or None


def _body_elements(root, rule: Rule) -> list:
    """The elements the first of the rule's body selectors that finds text finds."""
    for sel in rule.selectors("body"):
        found = [el for el in sel.elements(root) if not isinstance(el, str)]
        if any(_HOLDS_TEXT(el) for el in found):
            return found
    return []


def trafilatura_body(root, url: str | None, mode: str = "precision", pruned: bool = False) -> list[str]:
    """Return the body blocks trafilatura finds. In "precision" mode link lists are pruned
    first (unless `pruned`) and a short result read again in default mode; "default" and
    "recall" read the page as it is."""
    import trafilatura  # imported here: slow to import, and only the generic path needs it

    def run(mode: str) -> str:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(root), url=url, with_metadata=False, include_comments=False,
            include_tables=True, include_images=False, deduplicate=False,
            favor_precision=mode == "precision", favor_recall=mode == "recall")
        return getattr(doc, "text", None) or ""

    if mode == "precision" and not pruned:
        prune_link_lists(root)
    text = run(mode)
    if mode == "precision":
        fuller = run("default")
        links = link_texts(root)
        if len(text) < _SHORT_TEXT or _adds_prose(text, fuller, links):
            text = fuller  # precision can starve a page, or leave out a part of its text
        else:
            text = _with_left_out_prose(text, fuller, links, functools.partial(_beside, _text_node_finder(root)))
    blocks = _without_small_tables(_blocks(text))
    return recover_lead(root, blocks)


def _adds_prose(precise: str, fuller: str, links: set[str]) -> bool:
    """Say whether the `fuller` reading of a page is the precise one's container read
    further, with prose added: it holds _SAME_TEXT of the precise text (not another box's
    teasers), and what it adds is mostly (_PROSE_SHARE) sentences that are not links (not
    a list of dated links), of _MORE_PROSE_CHARS characters at least and _MORE_PROSE_SHARE
    of the precise text (a part of the article the precise reading left out)."""
    kept, lines = _blocks(precise), _blocks(fuller)
    whole, known = " ".join(lines), set(kept)
    if sum(len(line) for line in kept if line in whole) < _SAME_TEXT * sum(map(len, kept)):
        return False
    added = [line for line in lines if line not in known]
    prose = prose_chars(added, links)
    return (prose >= _MORE_PROSE_CHARS and prose >= _MORE_PROSE_SHARE * len(precise)
            and prose >= _PROSE_SHARE * sum(map(len, added)))


def _with_left_out_prose(precise: str, fuller: str, links: set[str],
                         in_box: Callable[[str, str, str], bool] = lambda *_: True) -> str:
    """The precise reading with the prose the `fuller` one reads around its blocks put
    back, when the fuller reading is the same container read further (holds _SAME_TEXT of
    the precise text): the run of prose right above its first block (a standfirst under
    the headline, up to _LEAD_BLOCKS), and the prose between two of its blocks (a paragraph
    or a question heading judged too plain) when `in_box` says it stands in the same box
    as a block beside it (not another story's teaser). Prose: a sentence or a _LONG_WORDS
    block, not a link's text."""
    kept, lines = _blocks(precise), _blocks(fuller)
    at, found = 0, []
    for line in kept:  # where each precise block stands in the fuller reading, in order
        j = next((i for i in range(at, len(lines)) if lines[i] == line), None)
        found.append(j)
        at = at if j is None else j + 1
    placed = [j for j in found if j is not None]
    if not placed or sum(len(k) for k, j in zip(kept, found) if j is not None) < _SAME_TEXT * sum(map(len, kept)):
        return precise

    def prose(line: str) -> bool:
        return line not in links and (is_sentence(line) or len(line.split(None, _LONG_WORDS - 1)) >= _LONG_WORDS)

    out: list[str] = []
    for line in reversed(lines[max(0, placed[0] - _LEAD_BLOCKS):placed[0]]):
        if not prose(line):
            break
        out.insert(0, line)
    last = None
    for line, j in zip(kept, found):
        gap = lines[last + 1:j] if j is not None and last is not None else []
        out += [g for g in gap if prose(g) and g not in kept and in_box(g, lines[last], line)]
        out.append(line)
        last = last if j is None else j
    return "\n".join(out)


def _blocks(text: str) -> list[str]:
    """An extractor's text as blocks: its non-blank lines, spacing folded."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _beside(find: Callable[[str], object | None], block: str, *neighbours: str) -> bool:
    """Say whether `block` stands in the article's box beside one of `neighbours`: no box
    between it and what holds them both has a linked heading (another story's teaser,
    its headline a link to it, as a paragraph among the article's, a question over its
    answer or a section of its own does not). `find`: a `_text_node_finder` of the page."""
    holder = _holder(find, block)
    if holder is None:
        return False
    for other in (_holder(find, n) for n in neighbours):
        if other is None:
            continue
        around = set(other.iterancestors())
        for box in [holder, *holder.iterancestors()]:
            if box in around or box is other:
                return True
            if _LINKED_HEADING(box):
                break
    return False


def _holder(find: Callable[[str], object | None], block: str):
    """The block element (a paragraph, a heading, a box) holding the start of `block` on
    the page, or None."""
    node = None
    for probe in (block[:40], block[:20]):  # a link may cut the paragraph's first text node short
        node = node if node is not None else (find(probe) if "'" not in probe else None)
    if node is None:
        return None
    el = node.getparent()
    if node.is_tail:  # text after an inline element: "<h2><span/>Question?</h2>"
        el = el.getparent()
    while el is not None and el.tag not in BLOCK_TAGS:
        el = el.getparent()
    return el


def _without_small_tables(blocks: list[str]) -> list[str]:
    """The blocks without tables (rows trafilatura writes as "| a | b |") of fewer than
    _TABLE_ROWS rows, all short: a picture's caption box, a byline's "| Penulis | : Nama |".
    A table of data the article prints (prices, plans, results) is longer, and a table
    laying out the page holds paragraphs."""
    out: list[str] = []
    run: list[str] = []
    for block in blocks + [""]:
        if block.startswith("|") and block.endswith("|"):
            run.append(block)
            continue
        if len(run) >= _TABLE_ROWS or any(len(row) >= _PROSE_ROW for row in run):
            out += run
        run = []
        if block:
            out.append(block)
    return out


def article_body(root) -> list[str]:
    """The blocks of the page's longest <article> element (none: no blocks)."""
    articles = [el for el in root.iter("article") if el.getparent() is not None]
    if not articles:
        return []
    return element_blocks(max(articles, key=_chars))


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


def text_link_share(root, paragraphs: list[str]) -> float:
    """The share of links in the text of the element holding the article's paragraphs
    (the smallest holding the first _PLACED of them that can be found on the page): an
    index's teasers stand among the links to their stories, an article's paragraphs
    among a few links."""
    found = []
    holder_of = _text_holder(root)
    for p in paragraphs[:_PLACED * 2]:
        probe = p[:40]
        el = holder_of(probe) if "'" not in probe else None
        if el is not None:
            found.append(el)
        if len(found) == _PLACED:
            break
    if len(found) < 2:
        return 0.0
    common = set(found[0].iterancestors()) | {found[0]}
    for el in found[1:]:
        common &= set(el.iterancestors()) | {el}
    holder = max(common, key=lambda el: sum(1 for _ in el.iterancestors()))
    text, linked = _text_sizes(holder)
    return linked / text if text else 0.0


def _text_holder(root) -> Callable[[str], object | None]:
    """A search for the element holding the first text node of the page's body that
    holds a string (`_text_node_finder`'s node's parent)."""
    find = _text_node_finder(root)

    def holder(probe: str):
        node = find(probe)
        return None if node is None else node.getparent()

    return holder


def _text_node_finder(root) -> Callable[[str], object | None]:
    """A search for the first text node of the page's body that holds a string, as
    _BODY_TEXT_WITH finds it (none for a string holding a NUL, which no page text holds
    and the XPath refuses): the body's text is read once, on the first search, for many
    searches (each XPath search walks all of it)."""
    read: list = []  # [nodes, their text joined by NULs, where each starts], once read

    def find(probe: str):
        if not read:
            nodes = _BODY_TEXTS(root)
            starts, at = [], 0
            for node in nodes:
                starts.append(at)
                at += len(node) + 1
            # a page's text holds no NUL (parse_page), so no match spans two nodes
            read.extend((nodes, "\0".join(nodes), starts))
        nodes, joined, starts = read
        at = joined.find(probe) if "\0" not in probe else -1
        return nodes[bisect.bisect_right(starts, at) - 1] if nodes and at >= 0 else None

    return find


def prune_link_lists(root) -> None:
    """Remove lists and boxes that are mostly links (related, most-read, menus): the
    generic extractor otherwise keeps some of them as text.

    Boxes are measured as the page was (`folded_sizes`, one walk): a box is looked at
    after those around it and before those after it, so removing one changes the text of
    none looked at later. Nothing inside a removed box is looked at again."""
    sizes, link_counts = folded_sizes(root)
    removed = False
    for el in list(root.iter("ul", "ol", "div", "section", "aside", "nav", "table")):
        if el.getparent() is None or link_counts[el] < _LIST_LINKS:
            continue
        if removed and not _attached(el, root):
            continue
        text = sizes[el]
        linked = sum(sizes[a] for a in el.iter("a")) if text else 0
        if text and linked / text >= _LINK_SHARE and not _holds_prose(el, (text, linked)):
            el.drop_tree()
            removed = True


#: The readings of a page after the first (the rule's selectors, else trafilatura's
#: precise reading), tried in turn when it leaves too little text.
OTHER_READINGS = ("precision", "default", "recall", "article", "json-ld")


def page_blocks(root, rule: Rule, meta: PageMeta, reading: str = "first") -> list[str]:
    """Strip furniture, take captions and related out, and return the body blocks as
    `reading` finds them: "first" by the rule's selectors, else (no body selectors) by
    kliping's own reading of the prose box when trusted (prose.py), else by trafilatura; one
    of OTHER_READINGS by trafilatura's mode of that name, the page's <article> or its JSON-LD."""
    if reading == "json-ld":  # read before the furniture (its <script>s) goes
        return json_ld_body(root)
    strip_furniture(root, rule)
    if next(root.iter("figure"), None) is not None:  # before captions are taken out
        meta.images = figure_images(root, _body_elements(root, rule), meta.url)
    meta.captions = tuple(take_out(root, rule, "captions"))
    meta.related = tuple(take_out(root, rule, "related"))
    if reading == "article":
        return article_body(root)
    if reading != "first":
        return trafilatura_body(root, meta.url, reading)
    blocks = rule_body(root, rule)
    meta.by_selectors = blocks is not None
    if blocks is None:
        prune_link_lists(root)
        box = prose_box(root) if not rule.selectors("body") else None
        meta.by_prose_box = box is not None and box.trusted
        if not meta.by_prose_box:
            return trafilatura_body(root, meta.url, pruned=True)
        blocks, related = box_blocks(box.element, link_texts(root))
        meta.related += tuple(related)
        blocks = recover_lead(root, _without_small_tables(blocks))
    return blocks
