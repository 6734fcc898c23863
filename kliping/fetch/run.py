"""One `kliping fetch` run: the pages named, listed by sitemaps and listed by feeds,
fetched politely (`client.PoliteClient`) and stored through the archive's ingest — each
response kept in `raw` as received with its validators (ETag, Last-Modified), then
cleaned like any other input. A page not modified since the last copy (HTTP 304) is
not stored again; one robots.txt disallows is not fetched."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

import sqlite_utils

from ..archive.ingest import IngestSummary, Received, ingest
from ..cleaner.inputs import InputError, RawDoc, read_bytes
from ..cleaner.inputs.html import head_text, read_html, sniff_markup
from .client import FetchError, PoliteClient, check_url
from .links import MAX_DEPTH, LinksError, read_feed, read_sitemap

#: Pages fetched, then stored in one transaction (fetching waits on the network: the
#: archive is not kept locked meanwhile).
CHUNK = 25


@dataclass
class FetchSummary:
    """Counts of a run: pages fetched (then ingested), not modified, disallowed by
    robots.txt, failed (network, HTTP errors, size cap; sitemaps and feeds too)."""

    fetched: int = 0
    not_modified: int = 0
    disallowed: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{self.fetched} fetched, {self.not_modified} not modified, "
                f"{self.disallowed} disallowed by robots.txt, {self.failed} failed to fetch")


def listed_pages(client: PoliteClient, sitemaps: Iterable[str], feeds: Iterable[str],
                 summary: FetchSummary, report: Callable[[str], None]) -> Iterator[str]:
    """The page URLs the sitemaps (their indexes followed MAX_DEPTH deep) and feeds list."""
    todo = [(url, read_sitemap, 0) for url in sitemaps] + [(url, read_feed, 0) for url in feeds]
    seen: set[str] = set()
    while todo:
        url, read, depth = todo.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            fetched = client.get(url)
            if fetched.status != "ok":
                report(f"{url}: {fetched.status}" + (" by robots.txt" if fetched.status == "disallowed" else ""))
                summary.disallowed += fetched.status == "disallowed"
                continue
            listing = read(fetched.data, fetched.url)
        except (FetchError, LinksError) as exc:
            summary.failed += 1
            summary.failures.append((url, str(exc)))
            report(str(exc))
            continue
        if depth < MAX_DEPTH:
            todo.extend((child, read_sitemap, depth + 1) for child in listing.sitemaps)
        elif listing.sitemaps:
            report(f"{url}: sitemaps nested deeper than {MAX_DEPTH} levels left out")
        yield from listing.pages


def validators(db: sqlite_utils.Database, url: str) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of the last copy of `url` fetched and stored."""
    row = db.execute("SELECT etag, last_modified FROM raw WHERE source = ? AND status != 'failed' "
                     "AND (etag IS NOT NULL OR last_modified IS NOT NULL) ORDER BY id DESC LIMIT 1",
                     [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def fetched_items(db: sqlite_utils.Database, client: PoliteClient, urls: Iterable[str],
                  summary: FetchSummary, report: Callable[[str], None]) -> Iterator[Received]:
    """Fetch each URL once; yield what the archive stores (failures too, as failed raws)."""
    seen: set[str] = set()
    for url in urls:
        if url in seen:
            continue
        seen.add(url)
        try:
            url = check_url(url)
            page = client.get(url, *validators(db, url))
        except FetchError as exc:
            summary.failed += 1
            summary.failures.append((url, str(exc)))
            report(str(exc))
            yield Received(url, None, error=str(exc).removeprefix(f"{url}: "), url=url)
            continue
        if page.status == "disallowed":
            summary.disallowed += 1
            report(f"{url}: disallowed by robots.txt, not fetched")
            continue
        if page.status == "not modified":
            summary.not_modified += 1
            continue
        summary.fetched += 1
        http = {"etag": page.etag, "last_modified": page.last_modified}
        try:
            doc = read_page(page.data, url, page.url, page.content_type, page.fetched_at)
        except InputError as exc:
            report(f"{url}: {exc.message}")
            yield Received(url, page.data, error=exc.message, fetched_at=page.fetched_at, url=page.url,
                           content_type=page.content_type, http=http)
            continue
        yield Received(url, page.data, doc=doc, fetched_at=page.fetched_at, http=http)


def read_page(data: bytes, source: str, url: str, content_type: str | None, fetched_at: str | None) -> RawDoc:
    """A fetched page as the cleaner reads any input: HTML with the charset the server
    declared (read_html), else as a text scrape; InputError when it cannot be decoded."""
    if sniff_markup(head_text(data)) or "html" in (content_type or "").lower():
        return read_html(data, source, url, http_content_type=content_type, fetched_at=fetched_at)
    from dataclasses import replace

    return replace(read_bytes(data, source, url=url), fetched_at=fetched_at)


def fetch_into(db: sqlite_utils.Database, client: PoliteClient, urls: Iterable[str],
               clean_doc, *, report: Callable[[str], None] = lambda line: None,
               summary: FetchSummary | None = None, chunk: int = CHUNK, **ingest_options
               ) -> tuple[FetchSummary, IngestSummary]:
    """Fetch `urls` into `db` and clean them; (fetch summary, ingest summary)."""
    summary = summary if summary is not None else FetchSummary()
    items = fetched_items(db, client, urls, summary, report)
    ingested = []
    while batch := list(islice(items, chunk)):
        ingested.append(ingest(db, batch, clean_doc, batch_size=chunk, **ingest_options))
    return summary, IngestSummary.total_of(ingested) if ingested else IngestSummary()
