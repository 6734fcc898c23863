"""Rows for the archive tables: raw inputs as received, articles with keys and stems."""
from __future__ import annotations

import hashlib
import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..cleaner import Article
from .db import STEMMED
from .stem import stem_text

#: Query parameters that only track where a click came from; dropped from article keys.
TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga)$", re.I)

_MONTH = re.compile(r"^\d{4}-\d{2}")


def sha256_hex(data: bytes) -> str:
    """The sha256 of `data`, as hex."""
    return hashlib.sha256(data).hexdigest()


def raw_row(source: str, data: bytes | None, *, url: str | None = None,
            fetched_at: str | None = None, content_type: str | None = None,
            encoding: str | None = None, received_at: str, status: str = "ok",
            error: str | None = None, article_id: int | None = None) -> dict:
    """A `raw` row. Valid UTF-8 is stored in `text`, anything else in `data` (BLOB).

    Either way `raw_bytes(row)` gives back exactly the bytes received; `sha256` and
    `size` are NULL when nothing could be read (a missing file).
    """
    text = blob = None
    if data is not None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            blob = data
    return {
        "sha256": None if data is None else sha256_hex(data),
        "source": source,
        "url": url,
        "fetched_at": fetched_at,
        "received_at": received_at,
        "content_type": content_type,
        "encoding": encoding,
        "size": None if data is None else len(data),
        "text": text,
        "data": blob,
        "status": status,
        "error": error,
        "article_id": article_id,
    }


def raw_bytes(row: dict) -> bytes | None:
    """The exact bytes of a `raw` row (None when nothing could be read)."""
    if row.get("data") is not None:
        return bytes(row["data"])
    if row.get("text") is not None:
        return row["text"].encode("utf-8")
    return None


def canonical_url(url: str | None) -> str | None:
    """`url` normalised for use as a key: lower-case scheme and host, no fragment,
    no default port, no tracking parameters. None for no URL."""
    url = (url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)) else None
    netloc = host + (f":{port}" if port else "")
    if parts.username:
        netloc = parts.username + "@" + netloc
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def content_hash(article: Article) -> str:
    """sha256 of the article's contract fields except `source` (where it was read from)."""
    fields = article.to_dict()
    fields.pop("source", None)
    return _fields_digest(fields)


def _fields_digest(fields: dict) -> str:
    """sha256 of the fields written as canonical JSON (the content hash's one form)."""
    return sha256_hex(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode("utf-8"))


#: The contract's fields an `articles` row holds as they are (the lists are JSON).
_SCALAR_FIELDS = ("title", "published", "dateline", "editor", "language", "description", "url",
                  "modified", "section", "site_name", "image")
_LIST_FIELDS = ("author", "related", "captions", "tags")


def row_content_hash(row: dict, text: str) -> str:
    """`content_hash` of the article stored in `row` with `text` (paragraphs joined by
    one blank line) as its text: the same digest, without rebuilding the Article
    (which costs several times the hashing)."""
    fields = {key: row.get(key) for key in _SCALAR_FIELDS}
    fields["outlet"] = row.get("outlet") or ""
    fields["text"] = text
    for key in _LIST_FIELDS:
        fields[key] = _listed(row.get(key))
    fields["images"] = [{"url": image.get("url") or "", "caption": image.get("caption")} if isinstance(image, dict)
                        else {"url": image[0], "caption": image[1] if len(image) > 1 else None}
                        for image in _listed(row.get("images"))]
    return _fields_digest(fields)


def _listed(value) -> list:
    """A list column's value as a list (stored as JSON text; "[]" most often)."""
    if isinstance(value, str):
        return [] if value == "[]" else list(json.loads(value) or ())
    return list(value or ())


def article_key(article: Article, digest: str) -> str:
    """The natural key: the canonical URL when known, else "sha256:" + content hash."""
    return canonical_url(article.url) or f"sha256:{digest}"


def article_row(article: Article) -> dict:
    """An `articles` row for `article`: fields, key, hash, stems — all but `id`, `raw_id`,
    the times and `cluster_id`, which the archive sets when it stores the row."""
    fields = article.to_dict()
    digest = content_hash(article)
    published = fields["published"]
    month = _MONTH.match(published or "")
    row = {
        "key": article_key(article, digest),
        "url": fields["url"],
        "outlet": fields["outlet"] or "",
        "title": fields["title"],
        "description": fields["description"],
        "text": fields["text"],
        "published": published,
        "published_month": month.group() if month else None,
        "dateline": fields["dateline"],
        "author": fields["author"],
        "editor": fields["editor"],
        "language": fields["language"],
        "related": fields["related"],
        "captions": fields["captions"],
        "modified": fields["modified"],
        "section": fields["section"],
        "tags": fields["tags"],
        "site_name": fields["site_name"],
        "image": fields["image"],
        "images": fields["images"],
        "source": fields["source"],
        "content_hash": digest,
    }
    for column, shadow in STEMMED.items():
        row[shadow] = stem_text(fields[column], fields["language"])
    return row


def row_article(row: dict) -> Article:
    """Rebuild the Article stored in an `articles` row."""
    data = dict(row)
    for key in ("author", "related", "captions", "tags", "images"):
        if isinstance(data.get(key), str):
            data[key] = json.loads(data[key])
    return Article.from_dict(data)
