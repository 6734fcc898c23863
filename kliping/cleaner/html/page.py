"""Reading an HTML page: parse it, and read its elements as text blocks (one per
paragraph), which the page head, the body and the page-kind checks all use."""
from __future__ import annotations

import re
import weakref

import lxml.html
from lxml import etree

from .kind import NotAnArticle
from ..selectors import attribute_steps, remember_page
from ..words import FUNCTION_WORDS, function_word_share


#: Elements that start a new text block.
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote figure figcaption section article table tr "
    "pre header footer aside dl dt dd address details summary main nav form center".split())
#: Elements never read.
SKIP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
             "button", "select", "input", "textarea")


def _strings_xpath(xpath: str):
    """Compile an XPath giving strings, its attribute tests as attribute steps; one asking
    for an attribute of <meta> or <link> elements picked by an attribute's value is
    answered from those elements, read once a page (`HeadTagValues`)."""
    return _head_tag_values(xpath) or etree.XPath(attribute_steps(xpath), smart_strings=False)


#: "//meta[@property='og:title' or @name='title']/@content", the same of <link>; and
#: "//meta/@name[.='a' or .='b']/parent::*/@content", the value translated or not.
_HEAD_TAG_PREDICATE = re.compile(
    r"//(?P<tag>meta|link)\[(?P<tests>@[\w:-]+='[^']*'(?: or @[\w:-]+='[^']*')*)\]/@(?P<want>[\w:-]+)")
_HEAD_TAG_STEP = re.compile(
    r"//(?P<tag>meta|link)/@(?P<attr>[\w:-]+)\[(?:(?P<tests>\.='[^']*'(?: or \.='[^']*')*)"
    r"|translate\(\.,'(?P<upper>[^']*)','(?P<lower>[^']*)'\)='(?P<folded>[^']*)')\]/parent::\*/@(?P<want>[\w:-]+)")
_HEAD_TAG_TEST = re.compile(r"(@[\w:-]+|\.)='([^']*)'")


def _head_tag_values(xpath: str) -> "HeadTagValues | None":
    """The XPath as a HeadTagValues, when it has one of the forms that can be."""
    found = _HEAD_TAG_PREDICATE.fullmatch(xpath)
    if found:
        tests = tuple((a[1:], v) for a, v in _HEAD_TAG_TEST.findall(found.group("tests")))
        return HeadTagValues(found.group("tag"), tests, found.group("want"))
    found = _HEAD_TAG_STEP.fullmatch(xpath)
    if found is None:
        return None
    attr = found.group("attr")
    if found.group("tests"):
        tests = tuple((attr, v) for _, v in _HEAD_TAG_TEST.findall(found.group("tests")))
        return HeadTagValues(found.group("tag"), tests, found.group("want"))
    if len(found.group("upper")) != len(found.group("lower")):
        return None
    fold = str.maketrans(found.group("upper"), found.group("lower"))
    return HeadTagValues(found.group("tag"), ((attr, found.group("folded")),), found.group("want"), fold)


#: The attributes of each page's <meta> and <link> elements, in document order, by tag.
_HEAD_TAGS: "weakref.WeakKeyDictionary[object, dict[str, list[dict[str, str]]]]" = weakref.WeakKeyDictionary()


class HeadTagValues:
    """`//tag[@a='v' or …]/@want` of a page: the `want` attribute of its <meta> (or <link>)
    elements having one of the attribute values `tests` (translated by `fold` first, as
    XPath's translate() does, when given), in document order, as the XPath gives them.
    The page's <meta> and <link> elements are read once, on the first such question
    (`head_tags`), instead of walking the whole page for each of the score of questions
    the page head asks; `forget_head_tags` drops what was read once the tree changes."""

    __slots__ = ("tag", "tests", "want", "fold")

    def __init__(self, tag: str, tests: tuple[tuple[str, str], ...], want: str, fold: dict | None = None):
        self.tag, self.tests, self.want, self.fold = tag, tests, want, fold

    def __call__(self, root) -> list[str]:
        want, tests, fold = self.want, self.tests, self.fold
        out = []
        for attrs in head_tags(root)[self.tag]:
            if want not in attrs:
                continue
            for a, v in tests:
                value = attrs.get(a)
                if value is not None and (value if fold is None else value.translate(fold)) == v:
                    out.append(attrs[want])
                    break
        return out


def head_tags(root) -> dict[str, list[dict[str, str]]]:
    """The attributes of the page's <meta> and <link> elements, by tag, read once (the
    whole page's, as "//" asks, whichever of its elements `root` is)."""
    root = root.getroottree().getroot()
    found = _HEAD_TAGS.get(root)
    if found is None:
        found = {"meta": [], "link": []}
        for el in root.iter("meta", "link"):
            found[el.tag].append(dict(el.attrib))
        _HEAD_TAGS[root] = found
    return found


def forget_head_tags(root) -> None:
    """Drop what `head_tags` read of a page whose tree is about to change."""
    _HEAD_TAGS.pop(root.getroottree().getroot(), None)


_GENERATOR = _strings_xpath(
    "//meta/@name[translate(.,'GENERATOR','generator')='generator']/parent::*/@content")
_CANONICAL = _strings_xpath("//link[@rel='canonical']/@href")
_OG_URL = _strings_xpath("//meta[@property='og:url']/@content")
#: The visible text of the page's body, in pieces ("//body/descendant::text()", not
#: "//body//text()": the same nodes, but the predicate is then tested once, not once per
#: step of "//", which took twice as long).
_BODY_TEXT = _strings_xpath("//body/descendant::text()[not(ancestor::script)]")
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


#: A page this share of whose words are Indonesian function words reads Indonesian.
_INDONESIAN_SHARE = 0.06
#: How much of the page's text is read for it (the start says the language as well as the whole).
_LANGUAGE_CHARS = 20_000
#: A text run of this many words is prose (a menu's item or a link's title is shorter).
_PROSE_WORDS = 8
_MIN_PROSE_LEN = 2 * _PROSE_WORDS - 1
_WORDS = re.compile(r"[^\W\d_]+")


def reads_indonesian(root) -> bool:
    """Say whether a page's text is Indonesian: blog templates say "en-US" in their
    <html lang> whatever their posts are written in, so the words are counted — those
    of its prose (runs of _PROSE_WORDS words or more; a template's menus and archive
    lists, however long, are not), or of all its text when it has none."""
    strings = _BODY_TEXT(root)
    # _PROSE_WORDS words take 2 * _PROSE_WORDS - 1 characters at least: shorter strings
    # (most of a page's: white space between tags, link texts) are not split
    prose = [s for s in strings if len(s) >= _MIN_PROSE_LEN and len(s.split(None, _PROSE_WORDS - 1)) >= _PROSE_WORDS]
    text = " ".join(prose or strings)[:_LANGUAGE_CHARS].lower()
    words = _WORDS.findall(text)
    return bool(words) and function_word_share(words, FUNCTION_WORDS["id"]) >= _INDONESIAN_SHARE


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


def link_texts(root) -> set[str]:
    """The texts of the page's links, spaces folded."""
    return {" ".join(a.text_content().split()) for a in root.iter("a")}


def page_url(root) -> str | None:
    """The URL the page gives itself: its canonical link, else og:url."""
    return _first(root, _CANONICAL) or _first(root, _OG_URL)


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


def folded_sizes(root) -> tuple[dict, dict]:
    """Two tables for every element under `root` (itself included): the characters of its
    text with spaces folded, as `len(" ".join(el.text_content().split()))` gives them,
    and how many links (<a>) it holds. Built in one walk from the innermost elements out,
    each text node split once: measuring each box of a page on its own splits the text of
    nested boxes again for each box around it. An element's text is its own, then each
    child's and that child's tail; a word cut by a tag ("wo<b>rd</b>") is one word."""
    runs: dict = {}  # element -> (characters not spaces, words, starts with a space, ends with one)
    sizes: dict = {}
    links: dict = {}
    for el in reversed(list(root.iter())):  # each element after everything inside it
        text = el.text if isinstance(el.tag, str) else None  # a comment's text is none of the page's
        if not len(el):  # a leaf: its own text only
            links[el] = 0
            sizes[el] = 0
            if text:
                words = text.split()
                runs[el] = (sum(map(len, words)), len(words), text[0].isspace(), text[-1].isspace())
                sizes[el] = runs[el][0] + len(words) - 1 if words else 0
            continue
        chars = words = count = 0
        first, last_space = None, True  # nothing read yet: no word runs on from before
        if text:
            split = text.split()
            chars, words, first, last_space = sum(map(len, split)), len(split), text[0].isspace(), text[-1].isspace()
        for child in el:
            count += links[child] + (child.tag == "a")
            run = runs.get(child)
            if run is not None:
                c, w, starts, ends = run
                if first is None:
                    first = starts
                words += w - (not last_space and not starts)
                chars += c
                last_space = ends
            tail = child.tail
            if tail:
                split = tail.split()
                starts = tail[0].isspace()
                if first is None:
                    first = starts
                words += len(split) - (not last_space and not starts)
                chars += sum(map(len, split))
                last_space = tail[-1].isspace()
        if first is not None:
            runs[el] = (chars, words, first, last_space)
        sizes[el] = chars + words - 1 if words else 0
        links[el] = count
    return sizes, links


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
