"""kliping's own reading of a page without a rule: the box holding the article's prose.

Most article pages keep their paragraphs in one box (a <div>, an <article>) among boxes
of links, teasers and labels. That box is found in one walk over the page: each run of
text between block boundaries is measured (characters, characters inside links, whether
it reads as a sentence), and its prose is credited to the box holding it and, half, to
the box around that, as readability scores paragraphs. The box with most credit is read
as the article when the page gives no reason to doubt it (`trusted`): little prose stands
elsewhere (outside list items, where teasers' summaries stand) and little of the box is
links. Otherwise the generic path asks trafilatura, which weighs much more of the page
at about ten times the cost.
"""
from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from lxml import etree

from ..text import is_sentence
from .page import BLOCK_TAGS, element_blocks

#: Block elements that hold a paragraph's text rather than paragraphs: their prose is
#: credited to the box around them.
_PARAGRAPH_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd pre blockquote figcaption summary address".split())
#: The box is trusted with this much prose at least, making this share of its text at
#: least, the prose standing elsewhere (not in list items) at most this share of it, and
#: links at most this share of its text.
MIN_PROSE_CHARS = 300
PROSE_SHARE = 0.6
RIVAL_SHARE = 0.15
LINK_SHARE = 0.3
#: Words of the ids and classes of boxes whose prose is no article's.
_DOUBT_NAMES = re.compile("comment|koment|cookie|consent|privacy|dsgvo|gdpr|popup|modal").search
_COMMENT_NAMES = re.compile("comment|koment").search
#: A paragraph (of these tags) this share of which is links is a link with its label.
_LINE_TAGS = frozenset("p li dt dd h2 h3 h4 h5 h6".split())
_LINKED_LINE = 0.6
#: How a label in front of a link ends ("Lesen Sie auch:", "À lire aussi »").
_LABEL_ENDS = ":»›|-–—"
#: A box that is not trusted gives way to the box around it, up to this many levels up,
#: when that one is (the article's sections may each stand in a box).
_CLIMB_LEVELS = 3
#: A box holding an image and this much text at most is a picture with its caption.
_CAPTION_CHARS = 300
_PICTURE_TAGS = frozenset("div span figure a section table".split())
#: A block of this many words is prose whatever its last character (a standfirst).
_LONG_WORDS = 20
#: Above the box, up to this many prose blocks (a standfirst) are looked for, among this
#: many blocks at most, in the boxes before it up to this many levels up.
_LEAD_BLOCKS = 3
_LEAD_LOOKED = 12
_LEAD_LEVELS = 4


@dataclass(slots=True)
class ProseBox:
    """The box with most prose credit, and what the page holds around it."""

    element: object
    #: Characters of sentences (not links) inside the box.
    prose: int
    #: Characters of text inside the box, and of the part inside links.
    text: int
    linked: int
    #: Characters of sentences outside the box and outside list items.
    rival: int

    @property
    def trusted(self) -> bool:
        """Say whether the box can be read as the article without asking trafilatura: it
        holds enough prose, mostly prose, little stands elsewhere, little of it is links, and it is no
        list item or quote (a reader's comment, a quoted post) and stands in no box
        named for comments or a cookie notice."""
        return (self.prose >= MIN_PROSE_CHARS and self.prose >= PROSE_SHARE * self.text
                and self.rival <= RIVAL_SHARE * self.prose and self.linked <= LINK_SHARE * self.text
                and not _set_apart(self.element))


def _set_apart(box) -> bool:
    """Say whether the box is or stands in a list item, a quote, or a box whose id or
    class names comments, a cookie or privacy notice, a pop-up."""
    for el in (box, *box.iterancestors()):
        if el.tag in ("li", "blockquote") or _DOUBT_NAMES(f"{el.get('id', '')} {el.get('class', '')}".lower()):
            return True
    return False


class _Runs:
    """The runs of text of a page's body between block boundaries, measured per block
    element holding them: text, text inside links, prose, prose inside list items."""

    def __init__(self) -> None:
        self.text: dict[object, int] = {}
        self.linked: dict[object, int] = {}
        self.prose: dict[object, int] = {}
        self.listed: dict[object, int] = {}
        self.pieces: list[str] = []
        self.link_chars = 0

    def add(self, piece: str | None, in_link: bool) -> None:
        if piece:
            self.pieces.append(piece)
            if in_link:
                self.link_chars += len(piece.strip())

    def end_run(self, holder, in_list: bool) -> None:
        if not self.pieces:
            return
        run = " ".join("".join(self.pieces).split())
        linked, self.link_chars = self.link_chars, 0
        self.pieces.clear()
        if not run:
            return
        self.text[holder] = self.text.get(holder, 0) + len(run)
        self.linked[holder] = self.linked.get(holder, 0) + min(linked, len(run))
        if linked * 2 < len(run) and is_sentence(run):
            self.prose[holder] = self.prose.get(holder, 0) + len(run)
            if in_list:
                self.listed[holder] = self.listed.get(holder, 0) + len(run)


def _measure(body) -> _Runs:
    """Walk the body once (start/end events: pages nest thousands deep) and measure its runs."""
    runs = _Runs()
    holders: list[object] = [body]
    links = lists = 0
    for event, node in etree.iterwalk(body, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):  # a comment or processing instruction: its tail only
            if event == "end":
                runs.add(node.tail, links > 0)
            continue
        if event == "start":
            if tag in BLOCK_TAGS:
                runs.end_run(holders[-1], lists > 0)
                holders.append(node)
            links += tag == "a"
            lists += tag == "li"
            if tag != "br":
                runs.add(node.text, links > 0)
            continue
        if tag in BLOCK_TAGS:
            runs.end_run(holders[-1], lists > 0)
            holders.pop()
        links -= tag == "a"
        lists -= tag == "li"
        if node is not body:
            runs.add(node.tail, links > 0)
    runs.end_run(body, False)
    return runs


def prose_box(root) -> ProseBox | None:
    """The page's box with most prose credit, or None when its body holds no prose."""
    body = root.find("body")
    if body is None:
        return None
    runs = _measure(body)
    if not runs.prose:
        return None
    credit: dict[object, float] = {}
    for el, chars in runs.prose.items():
        box = el
        while box.tag in _PARAGRAPH_TAGS and box is not body:
            box = box.getparent()
        credit[box] = credit.get(box, 0) + chars
        if box is not body:
            parent = box.getparent()
            credit[parent] = credit.get(parent, 0) + chars / 2
    best = max(credit, key=credit.__getitem__)
    found = _measured(best, runs)
    if not found.trusted and found.rival:  # the standfirst above the box is read with it: no rival
        found.rival = max(0, found.rival - sum(map(len, _lead_above(best, set()))))
    box = best
    for _ in range(_CLIMB_LEVELS):  # the article's sections may each be a box of their own
        if found.trusted or box.getparent() is None or box.getparent() is body:
            break
        box = box.getparent()
        around = _measured(box, runs)
        if around.trusted:
            return around
    return found


def _measured(box, runs: _Runs) -> ProseBox:
    """`box` with the measures of the runs inside it and around it."""
    inside = set(box.iter())
    prose = text = linked = rival = 0
    for el in runs.text:
        if el in inside:
            prose += runs.prose.get(el, 0)
            text += runs.text[el]
            linked += runs.linked[el]
        else:
            rival += runs.prose.get(el, 0) - runs.listed.get(el, 0)
    return ProseBox(box, prose, text, linked, rival)


def box_blocks(box, links: set[str]) -> tuple[list[str], list[str]]:
    """The article's blocks in `box`: the standfirst standing above it (`_lead_above`),
    then its own blocks without what trafilatura's precise reading discards inside an
    article's box (share bars, teasers, tags, author boxes: trafilatura's own lists of
    ids and classes), pictures with their captions, forms, comment boxes, lines that are
    mostly a link, blocks that are a link's text (`links`: a related story's headline)
    and the label over a run of them ("Don't miss"). Also returns the headlines of the
    lines that were a label and a link ("Lesen Sie auch: <a>…</a>"): related stories."""
    tree = copy.deepcopy(box)
    for xpath in _discard_xpaths():
        for el in xpath(tree):
            if el.getparent() is not None:
                el.drop_tree()  # its tail stays: text after it is the box's
    related = []
    for el in [el for el in tree.iter() if _is_picture(el) or _is_furniture(el)]:
        if el.getparent() is None:
            continue
        headline = _read_also(el)
        if headline:
            related.append(headline)
        el.drop_tree()
    blocks = element_blocks(tree)
    kept = [b for i, b in enumerate(blocks) if b not in links and not (
        i + 1 < len(blocks) and blocks[i + 1] in links and not _is_prose(b, links))]  # a link list's label
    return _lead_above(box, links) + kept, related


@functools.cache
def _discard_xpaths() -> tuple:
    """trafilatura's XPaths of what its precise reading discards inside an article's box,
    each `re:test(@a, 'pattern')` in them guarded as `(@a and re:test(@a, 'pattern'))`:
    the same elements, but an element without that attribute is passed over in C, not
    with a call of lxml's regular expressions in Python (which made these XPaths most of
    the cost of the reading). A pattern matching an empty string is left unguarded."""
    from trafilatura import xpaths  # imported here: slow to import; the generic path has it already

    lists = (getattr(xpaths, "RAW_TREE_PRUNE_XPATH", ()), xpaths.OVERALL_DISCARD_XPATH,
             xpaths.TEASER_DISCARD_XPATH, xpaths.PRECISION_DISCARD_XPATH)
    return tuple(_guarded(x) for found in lists for x in found)


#: `re:test(@a|@b, 'pattern'[, 'flags'])`, the attributes and the pattern read off.
_RE_TEST = re.compile(r"re:test\((?P<attrs>@[\w:-]+(?:\s*\|\s*@[\w:-]+)*)\s*,\s*"
                      r"(?:'(?P<pat>[^']*)'|\"(?P<dpat>[^\"]*)\")\s*(?:,\s*(?:'[^']*'|\"[^\"]*\")\s*)?\)")
_REGEXP_NS = "http://exslt.org/regular-expressions"


def _guarded(xpath):
    """`xpath` with its `re:test` calls on attributes guarded (`_discard_xpaths`); the
    XPath itself when there is none or the guarded text does not compile."""
    def guard(found: re.Match) -> str:
        pattern = found.group("pat") if found.group("pat") is not None else found.group("dpat")
        try:
            if re.search(pattern, "") is not None:
                return found.group(0)  # it holds for an element without the attribute
        except re.error:
            return found.group(0)
        return f"(({found.group('attrs')}) and {found.group(0)})"

    path = _RE_TEST.sub(guard, xpath.path)
    if path == xpath.path:
        return xpath
    try:
        return etree.XPath(path, namespaces={"re": _REGEXP_NS})
    except etree.XPathError:
        return xpath


def _read_also(el) -> str | None:
    """The headline of a line that is a label and one link ("Read also: <a>headline</a>"),
    or None."""
    if el.tag not in _LINE_TAGS:
        return None
    found = list(el.iter("a"))
    if len(found) != 1:
        return None
    headline = " ".join(found[0].text_content().split())
    label = " ".join(el.text_content().split()).replace(headline, "", 1).strip()
    return headline if headline and label and label[-1] in _LABEL_ENDS else None


def _is_furniture(el) -> bool:
    """Say whether an element inside the box is no part of the article: a form, a box
    named for comments, a paragraph that is mostly a link ("Read: <a>headline</a>")."""
    if not isinstance(el.tag, str):
        return False
    if el.tag == "form" or _COMMENT_NAMES(f"{el.get('id', '')} {el.get('class', '')}".lower()):
        return True
    if el.tag not in _LINE_TAGS or next(el.iter("a"), None) is None:
        return False
    text = len(" ".join(el.text_content().split()))
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return text < _CAPTION_CHARS and linked >= _LINKED_LINE * text


def _is_picture(el) -> bool:
    """Say whether an element is a picture with its caption and credit: a <figcaption>,
    an element whose id or class names a caption, or a box (not a paragraph) holding an
    image and at most _CAPTION_CHARS of text."""
    if not isinstance(el.tag, str):
        return False
    if el.tag == "figcaption" or "caption" in f"{el.get('id', '')} {el.get('class', '')}".lower():
        return True
    return (el.tag in _PICTURE_TAGS and next(el.iter("img"), None) is not None
            and len(el.text_content()) <= _CAPTION_CHARS)


def _is_prose(block: str, links: set[str]) -> bool:
    """A sentence, or a block of _LONG_WORDS words, that is not a link's text."""
    return block not in links and (is_sentence(block) or len(block.split(None, _LONG_WORDS - 1)) >= _LONG_WORDS)


def _text_blocks(el) -> list[str]:
    """The blocks of an element outside its pictures (`_is_picture`) and pull quotes
    (<blockquote>): the text a reader reads straight through."""
    if _is_picture(el) or el.tag == "blockquote":
        return []
    if not any(d.tag == "blockquote" or _is_picture(d) for d in el.iterdescendants()):
        return element_blocks(el)
    el = copy.deepcopy(el)
    for d in [d for d in el.iterdescendants() if d.tag == "blockquote" or _is_picture(d)]:
        if d.getparent() is not None:
            d.drop_tree()
    return element_blocks(el)


def _lead_above(box, links: set[str]) -> list[str]:
    """The run of prose right above the box (a standfirst under the headline, which
    pages keep in the header's box), pictures and pull quotes passed over: up to
    _LEAD_BLOCKS blocks, read back from the box through the boxes before it and before
    its parents, stopping at the headline (an <h1>'s text), at a block that is not prose
    once prose was found, or after _LEAD_LOOKED blocks."""
    headlines = {" ".join(h.text_content().split()) for h in box.getroottree().iter("h1")}
    lead: list[str] = []
    looked, el = 0, box
    for _ in range(_LEAD_LEVELS):
        if el.getparent() is None:
            break
        for before in el.itersiblings(preceding=True):
            if not isinstance(before.tag, str):
                continue
            for block in reversed(_text_blocks(before)):
                looked += 1
                if block in headlines or looked > _LEAD_LOOKED:
                    return lead
                if _is_prose(block, links):
                    lead.insert(0, block)
                    if len(lead) >= _LEAD_BLOCKS:
                        return lead
                elif lead:
                    return lead
        el = el.getparent()
    return lead
