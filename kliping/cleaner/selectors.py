"""Selectors of HTML rules: CSS (or XPath) with an optional `@attribute`, compiled once.

Forms, as a rule file writes them:
  "h1.detail__title"                          the element's text
  "meta[property='og:title']@content"          an attribute's value
  "//div[@id='detail']//p"                     XPath (starts with / or ( or ./)

A selector's XPath tests attributes as predicates on every element ("*[@id = 'x']", as
cssselect writes them and rules often do); libxml2 finds the same elements several times
faster through the attribute axis ("*/@id[. = 'x']/parent::*"), so each such step is
written that way (`attribute_steps`).

A selector also knows the words every match needs in the page's HTML (`needs`: the
class names, ids and attribute values a CSS selector tests; for XPath, the attribute
values of `contains(@a, 'v')` and `@a = 'v'` tests when nothing is negated or
alternative): a page whose text lacks one cannot match, and the selector is not
evaluated on it (the page's text is known for trees `remember_page` was told of, as
`html.parse_page` does). Attribute values stand in the HTML as written (a class spelled
with character references, "post&#45;title", would be taken for missing).
"""
from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from cssselect import GenericTranslator, SelectorError
from cssselect import parse as parse_css
from lxml import etree

_ATTR = re.compile(r"^(?P<sel>.*[^\s@])@(?P<attr>[\w:-]+)$")
_TRANSLATOR = GenericTranslator()
#: One location step with one predicate: "descendant::div[...]", "*[...]".
_STEP = re.compile(r"(?P<head>(?:[a-z-]+::)?(?:\*|[A-Za-z_][\w-]*))\[(?P<pred>.*)\]", re.S)
#: A step whose matches depend on nothing but the element and its ancestors, given
#: attribute tests only: a descendant or child axis and a name test.
_LOCAL_HEAD = re.compile(r"(?:descendant-or-self::|descendant::|child::)?(?:\*|[A-Za-z_][\w-]*)")
#: A whole path that is one attribute step: "descendant-or-self::*/@id[. = 'x']/parent::*".
_ATTRIBUTE_STEP = re.compile(
    r"(?P<head>(?:descendant-or-self::|descendant::)?(?:\*|[A-Za-z_][\w-]*))/@(?P<a>[\w-]+)"
    r"\[(?P<test>.*)\]/parent::\*", re.S)
#: A parenthesised path with its predicates: "(//div[...])[1]".
_GROUP = re.compile(r"\((?P<inner>.*)\)(?P<rest>(?:\[.*\])?)", re.S)
_LITERAL = r"(?:'[^']*'|\"[^\"]*\")"
#: The attribute tests cssselect writes (#id, .class, [attr], [attr=v], [attr^=v], [attr*=v],
#: [attr~=v]), each naming its attribute `a` and saying what to test on the attribute node.
_ATTRIBUTE_TESTS = (
    (re.compile(r"@(?P<a>[\w-]+)"), None),
    (re.compile(rf"@(?P<a>[\w-]+)\s*=\s*(?P<v>{_LITERAL})"), ". = {v}"),
    (re.compile(rf"(?P<f>contains|starts-with)\(\s*@(?P<a>[\w-]+)\s*,\s*(?P<v>{_LITERAL})\s*\)"),
     "{f}(., {v})"),
    (re.compile(r"contains\(\s*concat\(\s*' '\s*,\s*normalize-space\(\s*@(?P<a>[\w-]+)\s*\)"
                rf"\s*,\s*' '\s*\)\s*,\s*(?P<v>{_LITERAL})\s*\)"),
     "contains(concat(' ', normalize-space(.), ' '), {v})"),
)


class PageWords:
    """A page's HTML text, asked which words it holds (`word in page`): each word is
    looked for once a page, though several selectors need it."""

    __slots__ = ("html", "_found")

    def __init__(self, html: str):
        self.html = html
        self._found: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self._found.get(word)
        if found is None:
            found = self._found[word] = word in self.html
        return found


#: The HTML text of each page tree `remember_page` was told of, while the tree lives.
_PAGES: "weakref.WeakKeyDictionary[object, PageWords]" = weakref.WeakKeyDictionary()


def remember_page(root, html: str) -> None:
    """Note the HTML text a page's tree was parsed from: selectors evaluated on `root`
    then pass over the page when its text lacks a word they need."""
    _PAGES[root] = PageWords(html)


class SelectorSyntaxError(ValueError):
    """A selector that is neither valid CSS nor valid XPath."""


@dataclass(frozen=True, slots=True)
class Selector:
    """A compiled selector; `source` is the text the rule gave. A `local` one finds
    elements by their own name and attributes and their ancestors' only, so removing other
    elements from the page never changes whether an element it found still matches."""

    source: str
    xpath: etree.XPath
    attr: str | None
    local: bool = False
    needs: tuple[str, ...] = ()

    def present_in(self, html: "str | PageWords | None") -> bool:
        """Say whether a page with this HTML text may hold a match: it has every word
        the selector needs (True when the text is not known)."""
        if html is not None:
            for word in self.needs:
                if word not in html:
                    return False
        return True

    def elements(self, root, html: "str | PageWords | None" = None) -> list:
        """Return the matching elements (or strings, for an XPath that selects text);
        the page's text (`html`, else the one `remember_page` noted for `root`), when
        known, settles pages lacking a needed word."""
        if html is None:
            html = _PAGES.get(root)
        if html is not None and not self.present_in(html):
            return []
        try:
            found = self.xpath(root)
        except etree.XPathError:
            return []
        if isinstance(found, (str, bytes, float, bool)):  # string(), substring-after(), …
            return [str(found)] if found not in ("", False) else []
        return list(found)

    def values(self, root, html: "str | PageWords | None" = None) -> list[str]:
        """Return the text of each match: its attribute, or its whitespace-folded text."""
        out = []
        for node in self.elements(root, html):
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
        expr, needs = text, _xpath_needs(text)
    else:
        try:
            expr = _TRANSLATOR.css_to_xpath(text)
            needs = _css_needs(text)
        except SelectorError as exc:
            raise SelectorSyntaxError(f"bad CSS selector {source!r}: {exc}") from None
    try:
        etree.XPath(expr)  # the rule's own text is what must be valid
        return Selector(source=source, xpath=etree.XPath(attribute_steps(expr)), attr=attr,
                        local=_is_local(expr), needs=needs)
    except etree.XPathSyntaxError as exc:
        raise SelectorSyntaxError(f"bad XPath {source!r}: {exc}") from None


def _css_needs(css: str) -> tuple[str, ...]:
    """The words every match of a CSS selector has in its attributes (class names, ids,
    tested attribute values); () for a group ("a, b") or what cannot be read."""
    parsed = parse_css(css)
    if len(parsed) != 1:
        return ()
    words: list[str] = []
    _walk_css(parsed[0].parsed_tree, words)
    return tuple(dict.fromkeys(w for w in words if w))


def _walk_css(node, words: list[str]) -> None:
    """Collect the needed words of one parsed selector (not those under :not(), :is(),
    :has() or functions: what they test need not be there)."""
    kind = type(node).__name__
    if kind == "Class":
        words.append(node.class_name)
    elif kind == "Hash":
        words.append(node.id)
    elif kind == "Attrib" and node.operator != "exists" and node.value is not None:
        words.append(getattr(node.value, "value", node.value))
    elif kind == "CombinedSelector":
        _walk_css(node.subselector, words)
    if hasattr(node, "selector") and kind != "Element":
        _walk_css(node.selector, words)


_XPATH_NEEDS = re.compile(
    r"contains\(\s*(?:concat\(\s*' '\s*,\s*normalize-space\(\s*@[\w-]+\s*\)\s*,\s*' '\s*\)|@[\w-]+)"
    r"\s*,\s*'\s*([^'\s]+)\s*'\s*\)|@[\w-]+\s*=\s*'([^']+)'")


def _xpath_needs(xpath: str) -> tuple[str, ...]:
    """The attribute values an XPath's tests need (contains(@a, 'v'), the class idiom,
    @a = 'v'), when nothing in it is negated, alternative or a function of text."""
    if re.search(r"\||\bor\b|not\(|text\(\)|\.\s*[,=)]|\bstring\(|translate\(", xpath):
        return ()
    return tuple(dict.fromkeys(a or b for a, b in _XPATH_NEEDS.findall(xpath)))


def merge_selectors(selectors: Sequence[Selector]) -> Selector:
    """One selector finding, in one evaluation and in document order, the elements any of
    the local `selectors` finds; their attribute steps on the same attribute under the
    same name test become one ("*/@id[(. = 'a') or (. = 'b')]/parent::*")."""
    paths: list[str | tuple[str, str]] = []
    tests: dict[tuple[str, str], list[str]] = {}
    for selector in selectors:
        for branch in _split(selector.xpath.path, "|"):
            m = _ATTRIBUTE_STEP.fullmatch(branch.strip())
            if m and _balanced(m.group("test")):
                key = (m.group("head"), m.group("a"))
                if key not in tests:
                    tests[key] = []
                    paths.append(key)
                tests[key].append(f"({m.group('test')})")
            else:
                paths.append(branch.strip())
    xpath = " | ".join(path if isinstance(path, str) else _either_test(path, tests[path])
                       for path in paths)
    return Selector(source=", ".join(s.source for s in selectors), xpath=etree.XPath(xpath),
                    attr=None, local=True)


def _either_test(step: tuple[str, str], tests: list[str]) -> str:
    """One attribute step, ("descendant-or-self::*", "id"), passing any of `tests`."""
    head, attr = step
    return f"{head}/@{attr}[{' or '.join(tests)}]/parent::*"


def _is_local(xpath: str) -> bool:
    """Say whether every step of `xpath` is a descendant or child step testing a name and
    attributes only (see Selector.local)."""
    for branch in _split(xpath, "|"):
        for step in _split(branch.strip(), "/"):
            step = step.strip()
            if step in ("", ".") or _LOCAL_HEAD.fullmatch(step):
                continue
            m = _STEP.fullmatch(step)
            if not (m and _LOCAL_HEAD.fullmatch(m.group("head")) and _balanced(m.group("pred"))
                    and _attribute_tests(m.group("pred"))):
                return False
    return True


def attribute_steps(xpath: str) -> str:
    """Rewrite each step of `xpath` whose predicate only tests attributes, "axis::name[@a
    and contains(@a, 'v') …]", as "axis::name/@a[contains(., 'v') …]/parent::*": the same
    elements in the same order. Steps testing anything else (positions, children, not())
    are left as they are."""
    return "|".join("/".join(_attribute_step(step) for step in _split(branch, "/"))
                    for branch in _split(xpath, "|"))


def _attribute_step(step: str) -> str:
    group = _GROUP.fullmatch(step.strip())
    if group and _balanced(group.group("inner")) and _balanced(group.group("rest")):
        inner = attribute_steps(group.group("inner"))
        return step.replace(group.group(0), f"({inner}){group.group('rest')}", 1)
    m = _STEP.fullmatch(step.strip())
    tests = _attribute_tests(m.group("pred")) if m and _balanced(m.group("pred")) else None
    if not tests:
        return step
    attr = tests[0][0]
    on_attr = list(dict.fromkeys(t for a, t, _ in tests if a == attr and t))
    rest = [source for a, _, source in tests if a != attr and source]
    out = f"{m.group('head')}/@{attr}"
    if on_attr:
        out += "[" + " and ".join(on_attr) + "]"
    out += "/parent::*"
    if rest:
        out += "[" + " and ".join(rest) + "]"
    return (" " if step.startswith(" ") else "") + out + (" " if step.endswith(" ") else "")


def _attribute_tests(pred: str) -> list[tuple[str, str | None, str]] | None:
    """Split a predicate that is a conjunction of attribute tests into (attribute, test on
    the attribute node or None for mere presence, original text); None when any part of it
    is something else."""
    parts = _split(_unwrap(pred.strip()), " and ")
    if len(parts) > 1:
        tests = []
        for part in parts:
            found = _attribute_tests(part)
            if found is None:
                return None
            tests += found
        return tests
    for pattern, template in _ATTRIBUTE_TESTS:
        m = pattern.fullmatch(parts[0])
        if m:
            attr = m.group("a")
            test = template.format(**m.groupdict()) if template else None
            word_test = test is not None and test.startswith("contains(concat(")
            check = _word_check(m.group("v")) if word_test else None
            return ([(attr, check, "")] if check else []) + [(attr, test, f"({parts[0]})")]
    return None


def _word_check(literal: str) -> str | None:
    """A plain `contains(., 'word')` to try before a class-word test for ' word ': true
    whenever that test is (a word without spaces stands as such in the attribute), and
    far cheaper to refute."""
    quote, word = literal[0], literal[1:-1].strip(" ")
    if word and literal[1:-1] == f" {word} " and not re.search(r"[ \t\r\n]", word):
        return f"contains(., {quote}{word}{quote})"
    return None


def _unwrap(text: str) -> str:
    """Drop parentheses around the whole of `text`."""
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _outside_quotes(text: str):
    """Yield (index, character, depth) for each character of `text` outside quotes,
    depth being how many brackets and parentheses are open after it; then (len(text),
    "", depth), with depth -1 when a quote is left open."""
    depth, quote = 0, ""
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
            continue
        if ch in "'\"":
            quote = ch
            continue
        depth += (ch in "[(") - (ch in "])")
        yield i, ch, depth
    yield len(text), "", -1 if quote else depth


def _split(text: str, sep: str) -> list[str]:
    """Split `text` at `sep` where it stands outside quotes, brackets and parentheses."""
    parts, start = [], 0
    for i, ch, depth in _outside_quotes(text):
        if i >= start and depth == 0 and ch not in "[()]" and ch and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
    parts.append(text[start:])
    return parts


def _balanced(text: str) -> bool:
    """Say whether brackets and parentheses in `text` (outside quotes) never close more
    than they opened and end closed."""
    depth = 0
    for _, _, depth in _outside_quotes(text):
        if depth < 0:
            return False
    return depth == 0
