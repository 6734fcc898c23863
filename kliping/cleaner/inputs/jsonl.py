"""JSON Lines, as Scrapy, trafilatura and newspaper users export scrapes: one JSON object
per line, read one line at a time (files of any size).

The page is the first of these keys holding a non-empty string: "html", "raw_html"
(read as HTML), "text", "content", "body" (read as text, or as HTML when the value is an
HTML page). Also read when present: "url", "title" (the scraper's headline) and
"fetched_at" ("date" is not: in trafilatura and newspaper exports it is the publication
date). Blank lines are skipped. A line that is not such an object becomes an InputError
naming `file:line`, and reading goes on with the next line.
"""
from __future__ import annotations

import json
import zlib
from typing import BinaryIO, Iterable, Iterator

from .html import HTML, sniff_markup
from .record import MAX_DOCUMENT_BYTES, InputError, RawDoc, mebibytes

#: File endings read as JSON Lines (gzip-compressed ones too).
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")

HTML_KEYS = ("html", "raw_html")
TEXT_KEYS = ("text", "content", "body")
_STRING_KEYS = ("url", "title", "fetched_at")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "a boolean", type(None): "null"}
_BOM = b"\xef\xbb\xbf"
_SKIP_CHUNK = 1 << 16


class Overlong(bytes):
    """What `bounded_lines` yields, empty, in place of a line over the limit."""


def bounded_lines(stream: BinaryIO, limit: int = MAX_DOCUMENT_BYTES) -> Iterator[bytes]:
    """The lines of `stream`, as iterating over it gives them, except that a line longer
    than `limit` bytes is never held whole: it is read past in chunks and an `Overlong`
    stands for it (a gzip bomb of one line)."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        del line  # not held while the rest is read past
        while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield Overlong()


def iter_jsonl(lines: Iterable[bytes], name: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[RawDoc | InputError]:
    """Yield a RawDoc, or an InputError, for every non-blank line of `lines` (binary
    lines of the file `name`, or a stream of them: it is then read by `bounded_lines`);
    a file that breaks off (truncated gzip, read error) ends with an InputError naming
    the last line read. A line longer than `max_bytes` is reported, not read."""
    if hasattr(lines, "readline"):
        lines = bounded_lines(lines, max_bytes)
    n = 0
    try:
        for n, line in enumerate(lines, 1):
            if isinstance(line, Overlong) or len(line) > max_bytes:
                yield InputError(f"{name}:{n}", f"line longer than {mebibytes(max_bytes)} (the "
                                 "--max-size limit): not read")
                continue
            if not line.strip():
                continue
            try:
                yield read_record(line.rstrip(b"\r\n"), f"{name}:{n}")
            except InputError as exc:
                yield exc
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(name, f"unreadable after line {n}: {exc}")


def read_record(line: bytes, source: str) -> RawDoc:
    """Read one JSON Lines record (its line, without the line break) into a RawDoc."""
    try:
        record = json.loads(line.removeprefix(_BOM))
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 (JSON Lines are UTF-8)", data=line) from None
    except json.JSONDecodeError as exc:
        raise InputError(source, f"not valid JSON at column {exc.colno}: {exc.msg}", data=line) from None
    except (ValueError, RecursionError) as exc:
        raise InputError(source, f"not valid JSON: {exc}", data=line) from None
    if not isinstance(record, dict):
        raise InputError(source, f"{_json_type(record)}, not a JSON object", data=line)
    fields = {}
    for key in _STRING_KEYS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"'{key}' is {_json_type(value)}, not a string", data=line)
        fields[key] = (value or "").strip() or None
    key, page = next(((k, record[k]) for k in HTML_KEYS + TEXT_KEYS
                      if isinstance(record.get(k), str) and record[k].strip()), (None, None))
    if page is None:
        raise InputError(source, "no page: none of " + ", ".join(map(repr, HTML_KEYS + TEXT_KEYS))
                         + " holds a non-empty string", data=line, url=fields["url"])
    for value in (page, fields["title"]):
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(source, "holds an unpaired surrogate escape (\\ud800–\\udfff)",
                             data=line, url=fields["url"]) from None
    content_type = sniff_markup(page) or (HTML if key in HTML_KEYS else "text/plain")
    return RawDoc(source=source, data=line, text=page, content_type=content_type,
                  url=fields["url"], fetched_at=fields["fetched_at"], title=fields["title"])


def _json_type(value) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
