"""The page URLs a sitemap or a news feed lists.

Sitemaps (sitemaps.org: `<urlset>` of `<url><loc>`, or a `<sitemapindex>` of further
sitemaps, gzipped or not) and feeds (RSS `<item><link>`, Atom `<entry><link href>`) are
read with lxml without resolving entities or reaching the network; element names are
matched without their namespace, as the formats are written with and without one.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

#: A sitemap index may point to sitemaps that point to sitemaps: followed this deep.
MAX_DEPTH = 3
#: A gzipped sitemap is read up to this many bytes unpacked (the protocol's limit is 50 MB).
MAX_UNPACKED = 64 << 20


class LinksError(ValueError):
    """A sitemap or feed that cannot be read; the message says why."""


@dataclass
class Listing:
    """What one sitemap or feed lists: `pages`, and for a sitemap index, `sitemaps`."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _unpack(data: bytes, source: str) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, MAX_UNPACKED + 1)
    except zlib.error as exc:
        raise LinksError(f"{source}: not a valid gzip file ({exc})") from None
    if len(out) > MAX_UNPACKED:
        raise LinksError(f"{source}: over {MAX_UNPACKED >> 20} MiB unpacked")
    return out


def _root(data: bytes, source: str):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(_unpack(data, source), parser)
    except etree.XMLSyntaxError as exc:
        raise LinksError(f"{source}: not XML ({exc.msg})") from None


def _unique(urls) -> list[str]:
    return list(dict.fromkeys(u for u in urls if u))


def read_sitemap(data: bytes, source: str) -> Listing:
    """The pages of a `<urlset>`, or the sitemaps of a `<sitemapindex>`."""
    root = _root(data, source)
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise LinksError(f"{source}: not a sitemap (its root element is <{kind}>)")
    locs = [(el.text or "").strip() for el in root.iter() if _local(el.tag) == "loc"]
    locs = _unique(urljoin(source, loc) for loc in locs if loc)  # an entity is never resolved: empty
    return Listing(sitemaps=locs) if kind == "sitemapindex" else Listing(pages=locs)


def read_feed(data: bytes, source: str) -> Listing:
    """The article links of an RSS or Atom feed, in feed order."""
    root = _root(data, source)
    kind = _local(root.tag)
    links = []
    if kind in ("rss", "rdf"):
        for item in root.iter():
            if _local(item.tag) == "item":
                link = next((c.text for c in item if _local(c.tag) == "link" and c.text), None)
                links.append(link.strip() if link else None)
    elif kind == "feed":
        for entry in root.iter():
            if _local(entry.tag) == "entry":
                hrefs = [(c.get("rel") or "alternate", c.get("href")) for c in entry if _local(c.tag) == "link"]
                links.append(next((h for rel, h in hrefs if rel == "alternate" and h), None))
    else:
        raise LinksError(f"{source}: not an RSS or Atom feed (its root element is <{kind}>)")
    return Listing(pages=_unique(urljoin(source, link.strip()) for link in links if link))
