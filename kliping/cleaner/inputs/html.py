"""HTML pages (and the feeds that look like them): sniffing and decoding.

A page is decoded the way a browser would, with one exception for scrapes: a byte-order
mark wins; then bytes that are valid UTF-8 (and not plain ASCII), but for a broken
character in twenty, are UTF-8 whatever the page declares, since scrapers often re-save
pages as UTF-8 and keep the old `<meta charset>`; then the HTTP Content-Type charset (WARC), `<meta charset>`,
`<meta http-equiv="Content-Type">` or the XML declaration (read by w3lib, with the
WHATWG aliases: latin-1 means cp1252); then detection as for text.
"""
from __future__ import annotations

import re

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

from .record import InputError, RawDoc
from .text import decode_bytes, refuse_control_text, refuse_non_text

#: File endings read as HTML pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

HTML = "text/html"
RSS = "application/rss+xml"
ATOM = "application/atom+xml"
XML = "application/xml"

#: A page read as UTF-8 may hold one broken character in this many non-ASCII ones.
_BROKEN_UTF8 = 20
#: How much of the start of a document sniffing looks at.
SNIFF_CHARS = 1024

# whitespace, XML declarations and processing instructions, comments, before the root
_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
_ROOTS = (
    (re.compile(r"<!doctype\s+html\b|<html[\s>]|<head[\s>]", re.I), HTML),
    (re.compile(r"<rss[\s>]|<rdf:rdf[\s>]", re.I), RSS),
    (re.compile(r"<feed[\s>]", re.I), ATOM),
)


def sniff_markup(head: str) -> str | None:
    """The content type of a document starting with `head` when it is markup: "text/html"
    for a page (`<!doctype html`, `<html`, after comments or an XML declaration), RSS or
    Atom for a feed, "application/xml" for other XML; None for anything else."""
    head = head[:SNIFF_CHARS].lstrip("\ufeff")
    start = _PROLOG.match(head).end()
    for pattern, content_type in _ROOTS:
        if pattern.match(head, start):
            return content_type
    return XML if head.lstrip().startswith("<?xml") else None


def head_text(data: bytes) -> str:
    """The start of `data` as text, good enough for sniffing (ASCII markup)."""
    encoding, bom = read_bom(data[:4])
    if encoding:
        return data[len(bom):SNIFF_CHARS * 4].decode(encoding, errors="replace")
    return data[:SNIFF_CHARS].decode("latin-1")


def decode_html(data: bytes, source: str, http_content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding) for an HTML page's bytes; raise InputError when they are
    not text. `http_content_type` is the HTTP header, when the page came with one."""
    encoding, bom = read_bom(data[:4])
    if encoding:
        try:
            text = data[len(bom):].decode(encoding)
        except UnicodeDecodeError:
            raise InputError(source, f"not valid {encoding} despite its byte-order mark",
                             data=data) from None
        if not text.strip():
            raise InputError(source, "empty file", data=data)
        return text, encoding
    refuse_non_text(data, source)
    if not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = _nearly_utf8(data)
            if text is not None:
                return text, "utf-8"
    declared = http_content_type_encoding(http_content_type) if http_content_type else None
    declared = declared or html_body_declared_encoding(data)
    if declared:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: detect
        else:
            refuse_control_text(text, data, source)
            return text, declared
    return decode_bytes(data, source)


def _nearly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 with its few broken characters replaced, as a browser shows a
    UTF-8 page holding a teaser cut inside a letter; None when more than one non-ASCII
    character in _BROKEN_UTF8 is broken (a page in a code page, which detection reads)."""
    text = data.decode("utf-8", errors="replace")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text if text.count("\ufffd") * _BROKEN_UTF8 <= non_ascii else None


def read_html(data: bytes, source: str, url: str | None = None, *,
              http_content_type: str | None = None, fetched_at: str | None = None) -> RawDoc:
    """Decode `data`, an HTML page (or a feed), into a RawDoc named `source`."""
    text, encoding = decode_html(data, source, http_content_type)
    return RawDoc(source=source, data=data, text=text, content_type=sniff_markup(text) or HTML,
                  url=url, fetched_at=fetched_at, encoding=encoding)
