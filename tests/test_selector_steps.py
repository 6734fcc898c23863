"""Selectors compiled with attribute steps, and strip selectors merged into one, find
exactly what the rule's XPath (or cssselect's translation of its CSS) finds."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from cssselect import GenericTranslator
from lxml import etree

from kliping.cleaner import load_rules
from kliping.cleaner.selectors import SelectorSyntaxError, attribute_steps, compile_selector, merge_selectors

PAGES = sorted((Path(__file__).resolve().parent / "fixtures" / "html").glob("*.html"))
SHAPES = [
    ".{c}", "#{i}", "div.{c}", ".{c} a", ".{c} > *", "[class^='{p}']", "[class*='{p}']",
    "[id='{i}']", ".{c}.{c}", ".{c} ~ *", "*:first-child", "#{i} div", "[id]", "div[class]",
    ".{c}[id]", ".{c}, #{i}", "div + .{c}", "div:not(.{c})", "[class~='{c}'] p", "a[rel='author']",
    "div[id^='{p}']", ".{c}:nth-child(2)", "[data-x=\"a and b]\"]",
]
XPATH_SHAPES = [
    "//*[@id='{i}']//p", "(//*[contains(@class,'{p}')])[1]", "//div[@class='{c}'] | //*[@id='{i}']",
    "(//*[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')])[2]//a",
    "//*[@id='{i}'][1]", "(//div[@id][@class])[1]", "//*[@class][position()=2]",
    "//*[@id='{i}' or @class='{c}']", "//*[not(@id='{i}')][@class='{c}']",
    "//*[@id='{i}']/following-sibling::*[contains(@class,'{p}')]",
    "//meta[@property='og:title']/@content", "//ul[@id='{i}']/li[1]",
]


def names(root) -> tuple[list[str], list[str]]:
    """The class names and the ids the page uses."""
    elements = list(root.iter(etree.Element))
    classes = sorted({c for el in elements for c in (el.get("class") or "").split()})
    return classes, sorted({el.get("id") for el in elements if el.get("id")})


def page_selectors(root) -> list[str]:
    """Selectors of every shape, filled with class names and ids the page uses."""
    classes, ids = names(root)
    return [SHAPES[n % len(SHAPES)].format(c=c, i=i, p=c[:3])
            for n, (c, i) in enumerate(zip(classes[::5], ids * len(classes)))]


def page_xpaths(root) -> list[str]:
    """XPath of every shape, filled with class names and ids the page uses."""
    classes, ids = names(root)
    return [shape.format(c=c, i=i, p=c[:3]) for shape in XPATH_SHAPES
            for c, i in zip(classes[::9], ids[::3])]


def rule_sources(xpath: bool) -> list[str]:
    """The rules' selectors written as XPath, or as CSS (without an @attribute)."""
    sources = {s.source for rule in load_rules() for sels in rule.own_html.values() for s in sels}
    if xpath:
        return sorted(s for s in sources if s.startswith(("/", "(")))
    return sorted({s.rsplit("@", 1)[0] for s in sources if not s.startswith(("/", "("))})


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_same_elements_as_the_plain_xpath(page):
    root = lxml.html.document_fromstring(page.read_bytes())
    translator = GenericTranslator()
    css = rule_sources(xpath=False) + page_selectors(root) + [
        shape.format(c="x", i="y", p="z") for shape in SHAPES]
    plain = [translator.css_to_xpath(c) for c in css] + rule_sources(xpath=True) + page_xpaths(root)
    for xpath in plain:
        fast = attribute_steps(xpath)
        assert etree.XPath(fast)(root) == etree.XPath(xpath)(root), (xpath, fast)


def test_rewrites_attribute_tests_only():
    steps = attribute_steps(
        "descendant-or-self::*[@id = 'a']/div[@class and starts-with(@class, 'ads-')]")
    assert steps == ("descendant-or-self::*/@id[. = 'a']/parent::*"
                     "/div/@class[starts-with(., 'ads-')]/parent::*")
    grouped = attribute_steps(
        "(//*[contains(concat(' ', normalize-space(@class), ' '), ' post-body ')])[1]//p")
    assert grouped == ("(//*/@class[contains(., 'post-body') and contains(concat(' ', "
                       "normalize-space(.), ' '), ' post-body ')]/parent::*)[1]//p")
    for kept in ("descendant-or-self::p[count(preceding-sibling::*) = 0]",
                 "descendant-or-self::div[not(@class and contains(@class, 'x'))]",
                 "descendant-or-self::a/following-sibling::*[(self::b) and (position() = 1)]",
                 "//*[@id='a'][1]", "//*[@id='a' or @class='b']"):
        assert attribute_steps(kept) == kept


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_merged_selectors_find_what_each_finds(page):
    root = lxml.html.document_fromstring(page.read_bytes())
    groups = [[s for s in rule.selectors(key) if s.local] for rule in load_rules()
              for key in ("strip", "captions", "title", "body")]
    groups.append([s for s in map(compile_selector, page_selectors(root)) if s.local])
    for group in (g for g in groups if g):
        found = {el for sel in group for el in sel.elements(root)}
        in_order = [el for el in root.iter() if el in found]
        assert merge_selectors(group).elements(root) == in_order, [s.source for s in group]


def test_local_selectors_look_at_the_element_and_its_ancestors_only():
    for css in (".x", "div.x", "#a > .b", ".a .b", "nav", "[role='x']", "//div[@id='x']//p"):
        assert compile_selector(css).local, css
    for css in ("a + b", "a ~ b", "p:first-child", "div:not(.x)", ".x:empty", "(//a)[1]",
                "//p/text()"):
        assert not compile_selector(css).local, css


def test_needed_words_of_css_and_xpath():
    needs = {src: compile_selector(src).needs for src in (
        ".post-title.entry-title", "div[id^='div-gpt-ad']", ".post-author .fn", "#a > b.c",
        "[role='navigation']", "abbr.published@title", "a:not(.x)", "nav", "a, b.c", "[id]",
        "(//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')])[1]//figcaption",
        "//div[@id='x']//p", "//meta[@property='og:title']",
        "//*[contains(@class, 'a') and not(contains(@class, 'b'))]", "//a | //b[@id='x']",
        "//div[contains(., 'x')]", "//*[@id='a' or @class='b']")}
    assert needs[".post-title.entry-title"] == ("entry-title", "post-title")
    assert needs["div[id^='div-gpt-ad']"] == ("div-gpt-ad",)
    assert needs[".post-author .fn"] == ("fn", "post-author")
    assert needs["#a > b.c"] == ("c", "a")
    assert needs["[role='navigation']"] == ("navigation",)
    assert needs["abbr.published@title"] == ("published",)
    assert needs["(//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')])[1]//figcaption"] \
        == ("entry-content",)
    assert needs["//div[@id='x']//p"] == ("x",)
    assert needs["//meta[@property='og:title']"] == ("og:title",)
    for nothing in ("a:not(.x)", "nav", "a, b.c", "[id]", "//div[contains(., 'x')]", "//a | //b[@id='x']",
                    "//*[contains(@class, 'a') and not(contains(@class, 'b'))]", "//*[@id='a' or @class='b']"):
        assert needs[nothing] == (), nothing


SHARED_PAGES = sorted(p for p in (Path(__file__).resolve().parent.parent.parent / "shared" / "html").glob("*.html")
                      if not p.name.endswith(".expected.html"))


@pytest.mark.parametrize("page", PAGES + SHARED_PAGES, ids=[p.stem for p in PAGES + SHARED_PAGES])
def test_a_selector_passed_over_for_a_missing_word_finds_nothing(page):
    """Skipping a selector on a page whose HTML lacks a word it needs never changes
    what it finds (rules' selectors and selectors of every shape, on fixtures and the
    shared pages)."""
    html = page.read_text("utf-8", "replace")
    root = lxml.html.document_fromstring(html.encode("utf-8"))
    sources = rule_sources(xpath=False) + rule_sources(xpath=True) + page_selectors(root) + page_xpaths(root)
    sources += [shape.format(c="x", i="y", p="z") for shape in SHAPES + XPATH_SHAPES]
    selectors = []
    for source in sources:
        try:
            selectors.append(compile_selector(source))
        except SelectorSyntaxError:  # a page's class name that is no CSS identifier (".40")
            continue
    skipped = 0
    for sel in selectors:
        if not sel.present_in(html):
            skipped += 1
            assert sel.elements(root) == [], sel.source
        assert sel.elements(root, html) == sel.elements(root), sel.source
    assert skipped > 0
