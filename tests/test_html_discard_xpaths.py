"""The generic path's own reading drops what trafilatura's precise reading discards inside
an article's box with trafilatura's own XPaths, their `re:test` calls guarded so that an
element without the attribute is passed over in C (html/prose.py `_discard_xpaths`): the
guarded XPaths must find exactly the elements trafilatura's find."""
from pathlib import Path

import pytest
from lxml import etree

from kliping.cleaner.html.page import parse_page
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
