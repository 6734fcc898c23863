"""How `kliping clean` writes articles: JSON Lines (the contract), plain text, Markdown or
CSV, to stdout or one file per article in a folder (`ArticleFiles`)."""
from __future__ import annotations

import io
import json
import os
import re
import unicodedata
from pathlib import Path

from ..cleaner import CONTRACT_KEYS, Article

FORMATS = ("jsonl", "txt", "md", "csv")
#: Between two articles written to one stream.
SEPARATORS = {"jsonl": "", "txt": "\n" + "=" * 72 + "\n\n", "md": "\n---\n\n", "csv": ""}
#: Fields shown as "key: value" lines between the title and the text (txt, md).
HEAD_KEYS = ("source", "outlet", "url", "published", "modified", "dateline", "author", "editor",
             "language", "section", "tags", "site_name", "image", "description")
#: Lists shown under the text.
TAIL_KEYS = ("related", "captions")
#: Characters of a file name taken from the source, before its hash.
_SLUG_CHARS = 60
#: Markdown's inline markup, escaped in text (with "<", no raw HTML gets through).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
#: A line start Markdown would read as a heading, quote, list item or rule: its mark is
#: escaped (an ordered item's "." or ")", after the number).
_MD_BLOCK = re.compile(r"^(\s*)(?=[#>+=-])|^(\s*\d{1,9})(?=[.)](?:\s|$))")


def jsonl(article: Article) -> str:
    """The contract line: what `kliping clean` has always printed."""
    return json.dumps(article.to_dict(), ensure_ascii=False) + "\n"


def _scalar(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def txt(article: Article) -> str:
    """The title, the metadata as "key: value" lines, the text, then related links,
    captions and images."""
    d = article.to_dict()
    lines = [d["title"] or "(no title)", ""]
    lines += [f"{key}: {_scalar(d[key])}" for key in HEAD_KEYS if d[key]]
    lines += ["", d["text"]]
    for key in TAIL_KEYS:
        if d[key]:
            lines += ["", f"{key}:"] + [f"  - {v}" for v in d[key]]
    if d["images"]:
        lines += ["", "images:"] + [f"  - {i['url']}" + (f" ({i['caption']})" if i["caption"] else "")
                                    for i in d["images"]]
    return "\n".join(lines) + "\n"


def md_escape(text: str) -> str:
    """`text` with Markdown's markup escaped, line by line: it reads as written and no
    HTML in an article reaches a Markdown viewer as HTML."""
    return "\n".join(_MD_BLOCK.sub(lambda m: (m.group(1) or m.group(2) or "") + "\\", _MD_INLINE.sub(r"\\\1", line), 1)
                     for line in text.split("\n"))


def _md_url(url: str) -> str:
    """A URL as a Markdown link destination: in angle brackets, those inside encoded."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def md(article: Article) -> str:
    """A Markdown document: the title as heading, the metadata as a list, the text, then
    related links, captions and the images (as images, with their captions)."""
    d = article.to_dict()
    lines = [f"# {md_escape(d['title'] or '(no title)')}", ""]
    for key in HEAD_KEYS:
        if d[key]:
            value = _scalar(d[key])
            shown = _md_url(value) if key in ("url", "image") and value.startswith(("http://", "https://")) \
                else md_escape(value)
            lines.append(f"- **{key}**: {shown}")
    lines += ["", md_escape(d["text"])]
    for key in TAIL_KEYS:
        if d[key]:
            lines += ["", f"**{key}**:", ""] + [f"- {md_escape(v)}" for v in d[key]]
    if d["images"]:
        lines += ["", "**images**:", ""]
        lines += [f"- ![{md_escape(i['caption'] or '')}]({_md_url(i['url'])})" for i in d["images"]]
    return "\n".join(lines) + "\n"


def csv_header() -> str:
    """The CSV header: the contract keys, in their order."""
    return _csv_row(list(CONTRACT_KEYS))


def csv_row(article: Article) -> str:
    """One CSV row: scalars as they are, lists (and images) JSON-encoded."""
    d = article.to_dict()
    return _csv_row([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in d.values()])


def _csv_row(values: list) -> str:
    import csv  # here, as hashlib below: only some runs write CSV or name files

    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(values)
    return out.getvalue()


RENDER = {"jsonl": jsonl, "txt": txt, "md": md, "csv": csv_row}


def file_name(source: str, fmt: str) -> str:
    """A file name for the article read from `source`: a slug of its last path part and
    a hash of the whole source, so the same source always gets the same name and two
    sources never share one ("samples/a.txt" -> "a-txt-1f2e3d4c.md")."""
    last = re.split(r"[\\/]", source.rstrip("/\\"))[-1] or "article"
    ascii_text = unicodedata.normalize("NFKD", last).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:_SLUG_CHARS].strip("-") or "article"
    import hashlib

    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{slug}-{digest}.{fmt}"


class OutDirError(Exception):
    """The --out folder cannot be used (one line to show the user)."""


class ArticleFiles:
    """Writes each article to its own file in `folder`. An existing file is never replaced
    unless `overwrite`; a name this run already wrote never is. The folder is checked at
    once but made (when missing) only with the first article, so a run that writes
    nothing (every input missing or refused) leaves nothing behind."""

    def __init__(self, folder: str, fmt: str, overwrite: bool = False):
        self.folder = Path(folder)
        self.fmt = fmt
        self.overwrite = overwrite
        self.written: set[str] = set()
        if self.folder.exists() and not self.folder.is_dir():
            raise OutDirError(f"--out {folder}: not a folder")
        existing = next(p for p in (self.folder.absolute(), *self.folder.absolute().parents) if p.exists())
        if not existing.is_dir():
            raise OutDirError(f"--out {folder}: cannot make the folder: {existing} is not a folder")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise OutDirError(f"--out {folder}: folder not writable" if existing == self.folder.absolute()
                              else f"--out {folder}: cannot make the folder: {existing} is not writable")

    def contains(self, path: str) -> bool:
        """Say whether the input `path` lies inside the output folder."""
        try:
            return Path(path).resolve().is_relative_to(self.folder.resolve())
        except (OSError, ValueError):
            return False

    def write(self, article: Article) -> Path:
        """Write `article`; raise FileExistsError (its message says what to do) rather
        than replace a file."""
        name = file_name(article.source, self.fmt)
        path = self.folder / name
        if name in self.written:
            raise FileExistsError(f"{path}: another document of this run has the same source; not overwritten")
        body = RENDER[self.fmt](article)
        if self.fmt == "csv":
            body = csv_header() + body
        mode = "w" if self.overwrite else "x"
        if not self.written:
            self.folder.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, mode, encoding="utf-8", newline="") as f:
                f.write(body)
        except FileExistsError:
            raise FileExistsError(f"{path}: exists; not overwritten (--overwrite replaces it)") from None
        self.written.add(name)
        return path
