"""Selectors compiled with attribute steps find exactly what cssselect's XPath finds."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from cssselect import GenericTranslator
from lxml import etree

from kliping.cleaner import load_rules
from kliping.cleaner.selectors import attribute_steps

PAGES = sorted((Path(__file__).resolve().parent / "fixtures" / "html").glob("*.html"))
SHAPES = [
    ".{c}", "#{i}", "div.{c}", ".{c} a", ".{c} > *", "[class^='{p}']", "[class*='{p}']",
    "[id='{i}']", ".{c}.{c}", ".{c} ~ *", "*:first-child", "#{i} div", "[id]", "div[class]",
    ".{c}[id]", ".{c}, #{i}", "div + .{c}", "div:not(.{c})", "[class~='{c}'] p", "a[rel='author']",
    "div[id^='{p}']", ".{c}:nth-child(2)", "[data-x=\"a and b]\"]",
]


def page_selectors(root) -> list[str]:
    """Selectors of every shape, filled with class names and ids the page uses."""
    classes = sorted({c for el in root.iter(etree.Element) for c in (el.get("class") or "").split()})
    ids = sorted({el.get("id") for el in root.iter(etree.Element) if el.get("id")})
    out = []
    for n, (c, i) in enumerate(zip(classes[::5], ids * len(classes))):
        shape = SHAPES[n % len(SHAPES)]
        out.append(shape.format(c=c, i=i, p=c[:3]))
    return out


def rule_css() -> list[str]:
    return sorted({s.source.rsplit("@", 1)[0] for rule in load_rules() for sels in rule.own_html.values()
                   for s in sels if not s.source.startswith(("/", "("))})


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_same_elements_as_cssselect(page):
    root = lxml.html.document_fromstring(page.read_bytes())
    translator = GenericTranslator()
    for css in rule_css() + page_selectors(root) + SHAPES:
        plain = translator.css_to_xpath(css.format(c="x", i="y", p="z") if "{" in css else css)
        fast = attribute_steps(plain)
        assert etree.XPath(fast)(root) == etree.XPath(plain)(root), (css, fast)


def test_rewrites_attribute_tests_only():
    step = attribute_steps("descendant-or-self::*[@id = 'a']/div[@class and starts-with(@class, 'ads-')]")
    assert step == "descendant-or-self::*/@id[. = 'a']/parent::*/div/@class[starts-with(., 'ads-')]/parent::*"
    for kept in ("descendant-or-self::p[count(preceding-sibling::*) = 0]",
                 "descendant-or-self::div[not(@class and contains(@class, 'x'))]",
                 "descendant-or-self::a/following-sibling::*[(self::b) and (position() = 1)]"):
        assert attribute_steps(kept) == kept
