"""Selectors of HTML rules: CSS (or XPath) with an optional `@attribute`, compiled once.

Forms, as a rule file writes them:
  "h1.detail__title"                          the element's text
  "meta[property='og:title']@content"          an attribute's value
  "//div[@id='detail']//p"                     XPath (starts with / or ( or ./)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from cssselect import GenericTranslator, SelectorError
from lxml import etree

_ATTR = re.compile(r"^(?P<sel>.*[^\s@])@(?P<attr>[\w:-]+)$")
_TRANSLATOR = GenericTranslator()


class SelectorSyntaxError(ValueError):
    """A selector that is neither valid CSS nor valid XPath."""


@dataclass(frozen=True, slots=True)
class Selector:
    """A compiled selector; `source` is the text the rule gave."""

    source: str
    xpath: etree.XPath
    attr: str | None

    def elements(self, root) -> list:
        """Return the matching elements (or strings, for an XPath that selects text)."""
        try:
            found = self.xpath(root)
        except etree.XPathError:
            return []
        if isinstance(found, (str, bytes, float, bool)):  # string(), substring-after(), …
            return [str(found)] if found not in ("", False) else []
        return list(found)

    def values(self, root) -> list[str]:
        """Return the text of each match: its attribute, or its whitespace-folded text."""
        out = []
        for node in self.elements(root):
            if isinstance(node, str):
                value = node
            elif self.attr:
                value = node.get(self.attr) or ""
            else:
                value = node.text_content() if hasattr(node, "text_content") else "".join(node.itertext())
            value = " ".join(value.split())
            if value:
                out.append(value)
        return out


def compile_selector(source: str) -> Selector:
    """Compile a rule's selector; raise SelectorSyntaxError saying what is wrong."""
    text, attr = source.strip(), None
    m = _ATTR.match(text)
    if m and "[" not in m.group("attr"):
        text, attr = m.group("sel"), m.group("attr")
    if text.startswith(("/", "(", "./")):
        expr = text
    else:
        try:
            expr = _TRANSLATOR.css_to_xpath(text)
        except SelectorError as exc:
            raise SelectorSyntaxError(f"bad CSS selector {source!r}: {exc}") from None
    try:
        return Selector(source=source, xpath=etree.XPath(expr), attr=attr)
    except etree.XPathSyntaxError as exc:
        raise SelectorSyntaxError(f"bad XPath {source!r}: {exc}") from None
