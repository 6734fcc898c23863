"""The record every reader yields (`RawDoc`) and the error for input it cannot read."""
from __future__ import annotations

from dataclasses import dataclass


class InputError(Exception):
    """A document (a file, or one record of a JSON Lines or WARC file) that could not be
    read or decoded.

    `source` names it (`page.txt`, `dump.jsonl:12`, `crawl.warc.gz#3`); `data` holds its
    bytes when they could be read, so that they can still be kept; `url` and
    `content_type` when the record declared them.
    """

    def __init__(self, source: str, message: str, *, data: bytes | None = None,
                 url: str | None = None, content_type: str | None = None):
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message
        self.data = data
        self.url = url
        self.content_type = content_type


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as received.

    source: the file, with the record's position inside it (`dump.jsonl:12` for line 12,
    `crawl.warc.gz#3` for the WARC's 3rd record); data: the bytes exactly as read (a
    JSON Lines record's line without its line break, a WARC response's HTTP payload);
    text: their decoded form; content_type: "text/plain", "text/html", or
    "application/rss+xml" / "application/atom+xml" for feeds (not articles); url,
    fetched_at and title (a scraper's headline) when the input carried them.
    """

    source: str
    data: bytes
    text: str
    content_type: str = "text/plain"
    url: str | None = None
    fetched_at: str | None = None
    encoding: str = "utf-8"
    title: str | None = None
