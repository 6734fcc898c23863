"""Faster measures of the generic path must measure what the slow ones did.

- The own reading drops what trafilatura's precise reading discards inside an article's
  box with trafilatura's own XPaths, their `re:test` calls guarded so that an element
  without the attribute is passed over in C (html/prose.py `_discard_xpaths`): the guarded
  XPaths must find exactly the elements trafilatura's find.
- The link-list pruning measures every box of the page in one walk (html/page.py
  `folded_sizes`): each element's folded text length and link count must be those of
  `text_content()` and `count(.//a)`."""
from pathlib import Path

import pytest
from lxml import etree

from kliping.cleaner.html.page import folded_sizes, parse_page
from kliping.cleaner.html.prose import _discard_xpaths, _guarded

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html")) + sorted(
    (ROOT.parent / "shared" / "html").glob("*.html"))
REGEXP_NS = {"re": "http://exslt.org/regular-expressions"}


def _trafilaturas_own() -> list:
    from trafilatura import xpaths

    lists = (getattr(xpaths, "RAW_TREE_PRUNE_XPATH", ()), xpaths.OVERALL_DISCARD_XPATH,
             xpaths.TEASER_DISCARD_XPATH, xpaths.PRECISION_DISCARD_XPATH)
    return [x for found in lists for x in found]


#: Boxes with and without ids, classes and styles; empty attributes; names the
#: discard lists look for ("share", "cookie", "hidden", "bottom") and near misses.
HOSTILE = """<html><body><div class="article">
<div><p>plain paragraph without attributes</p><span>plain span</span></div>
<div id="" class=""><p class="">empty attributes</p></div>
<div class="share-bar"><a href="#">Share</a></div><div id="sharing-tools">x</div>
<div id="cookie-notice">We use cookies</div><section class="Cookie">capital C</section>
<p style="display:none">hidden by style</p><div id="x-hidden">hidden by id</div>
<div class="bottom">bottom box</div><div class="page-bottom">bottom at the end</div><div class="bottomless">no</div>
<div class="link">a link box</div><span class="links">not the word link</span>
<div class="teaser"><p>A teaser</p></div><div id="Teaser-2">capital T teaser</div>
<header>a header</header><aside class="sidebar-right">sidebar</aside>
<div class="mvp-post-add-box"><h1>kept: holds an h1</h1></div><div class="mvp-post-add-wrap">dropped</div>
</div></body></html>"""


def test_guarded_xpaths_find_what_trafilaturas_find_on_real_and_hostile_pages():
    own = _trafilaturas_own()
    guarded = _discard_xpaths()
    assert len(guarded) == len(own)
    assert any(g is not o for g, o in zip(guarded, own)), "no re:test guarded: the speed-up is gone"
    pages = [path.read_text("utf-8", errors="replace") for path in PAGES] + [HOSTILE]
    found = 0
    for text in pages:
        root = parse_page(text)
        for el in [root, *list(root.iter("div", "article", "section"))[:30]]:
            for mine, theirs in zip(guarded, own):
                assert mine(el) == theirs(el), (mine.path[:80], text[:60])
                found += len(theirs(el))
    assert found > 0


def test_an_empty_matching_pattern_and_a_non_attribute_test_stay_unguarded():
    """A pattern that matches an empty string holds for an element without the attribute
    (lxml tests the empty string): guarding it would change what is found; a test of the
    element's own text is not an attribute's."""
    xpath = etree.XPath(".//div[re:test(@class, 'x*') or re:test(., 'kept') or re:test(@id, 'drop')]",
                        namespaces=REGEXP_NS)
    mine = _guarded(xpath)
    assert "re:test(@class, 'x*')" in mine.path and "(@class) and" not in mine.path
    assert "((@id) and re:test(@id, 'drop'))" in mine.path
    root = parse_page("<html><body><div>plain</div><div id='drop-me'>d</div><p><div>kept</div></p></body></html>")
    assert mine(root) == xpath(root) and len(xpath(root)) == 3


@pytest.mark.parametrize("path", ["//div[re:test(@class, 'a')]]", "//div"])
def test_an_xpath_that_cannot_be_guarded_is_used_as_it_is(path):
    class Broken:  # an XPath whose text the guard would only break
        def __init__(self, text):
            self.path = text

    xpath = Broken(path)
    assert _guarded(xpath) is xpath


def _slow_sizes(el) -> tuple[int, int]:
    return len(" ".join(el.text_content().split())), int(el.xpath("count(.//a)"))


#: Words cut by tags, spaces of other scripts, white space alone, comments, empty
#: elements, a link inside a link's box, text after the last child.
TRICKY = ("<html><body><div id='a'>wo<b>rd</b> next<i> </i>word<!-- a comment -->tail"
          "<p>\u00a0\u3000spaced\u2003out\u00a0</p><span></span><span> </span>"
          "<ul><li><a href='/1'>one</a></li><li><a href='/2'> two </a>after</li></ul>"
          "<div>x<a href='/3'><b>y</b>z</a>w</div>end </div>\n<div> \t\n </div></body></html>")


@pytest.mark.parametrize("text", [TRICKY, "<html><body><p>only</p></body></html>", "<html><body></body></html>"])
def test_folded_sizes_measure_what_text_content_does_on_tricky_markup(text):
    root = parse_page(text)
    sizes, links = folded_sizes(root)
    for el in root.iter():
        if isinstance(el.tag, str):
            assert (sizes[el], links[el]) == _slow_sizes(el), (el.tag, el.get("id"))


def test_folded_sizes_measure_what_text_content_does_on_real_pages():
    measured = 0
    for path in PAGES:
        root = parse_page(path.read_text("utf-8", errors="replace"))
        sizes, links = folded_sizes(root)
        for el in root.iter("div", "ul", "ol", "section", "table", "a", "p", "body"):
            assert (sizes[el], links[el]) == _slow_sizes(el), (path.name, el.tag)
            measured += 1
    assert measured > 1000


def test_folded_sizes_walk_a_tree_nested_thousands_deep():
    """No recursion: a tree nesting 5,000 boxes deep (built here: the parser stops at 256)
    is measured like any other."""
    root = parse_page("<html><body><p>start</p></body></html>")
    box = root.find("body")
    for _ in range(5000):
        box = etree.SubElement(box, "div")
        box.text = "w "
    etree.SubElement(box, "a").text = "link"
    sizes, links = folded_sizes(root)
    body = root.find("body")
    assert (sizes[body], links[body]) == _slow_sizes(body) == (len("start") + 5000 * 2 + len("link"), 1)
