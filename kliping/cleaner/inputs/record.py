"""The record every reader yields (`RawDoc`) and the error for input it cannot read."""
from __future__ import annotations

import re
from dataclasses import dataclass

#: The largest document read, in bytes (a page, a text file, a JSON Lines line, a WARC
#: record's payload once decoded): real pages are far smaller, and cleaning holds a few
#: copies of a document at once, so a bigger one, a gzip bomb or a dump with no line
#: breaks is reported instead of filling the memory (`--max-size` changes it).
MAX_DOCUMENT_BYTES = 16 << 20


def mebibytes(size: int) -> str:
    """`size` in bytes as people write it: "16 MiB", "1.5 MiB", "512 KiB"."""
    if size >= 1 << 20:
        return f"{size / (1 << 20):g} MiB"
    return f"{size / 1024:g} KiB"


def display_name(name: str) -> str:
    """A file name as `source` and messages show it: as it is when every character
    prints; else in double quotes, with escapes for line breaks and other controls
    (which could forge a line of output or drive a terminal) and for bytes that are not
    UTF-8 (which would make the output invalid UTF-8): `"a\\nb.txt"`, `"caf\\xe9.txt"`."""
    if name.isprintable():
        return name
    return '"' + "".join(map(_escaped, name)) + '"'


def escape_controls(text: str) -> str:
    """`text` with control characters written as escapes (`\\x1b`), for a terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if ch in '"\\':
        return "\\" + ch
    return ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")


def too_large(limit: int) -> str:
    """The message for a document over `limit` bytes."""
    return f"larger than {mebibytes(limit)} (the --max-size limit): not read"


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
