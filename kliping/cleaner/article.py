"""The Article record: the one thing the cleaner hands to everything else."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

#: Keys of the output contract, in the order `to_dict()` emits them.
CONTRACT_KEYS = (
    "source", "outlet", "title", "text", "published", "dateline", "author",
    "editor", "language", "description", "related", "captions", "url",
)


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article.

    `paragraphs` is the body in reading order; `text` joins them with one blank line.
    `published` is ISO 8601 (with the outlet's UTC offset when a time was given, a bare
    date otherwise). List fields are tuples so the record stays hashable and immutable.
    """

    source: str
    outlet: str
    paragraphs: tuple[str, ...] = ()
    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    author: tuple[str, ...] = ()
    editor: str | None = None
    language: str | None = None
    description: str | None = None
    related: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The body: paragraphs joined by one blank line."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Return the output contract: every key present, null/[] when unknown."""
        return {
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "text": self.text,
            "published": self.published,
            "dateline": self.dateline,
            "author": list(self.author),
            "editor": self.editor,
            "language": self.language,
            "description": self.description,
            "related": list(self.related),
            "captions": list(self.captions),
            "url": self.url,
        }

    def replace(self, **changes: Any) -> "Article":
        """Return a copy with `changes` applied."""
        return replace(self, **changes)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        """Rebuild an Article from `to_dict()` output (text split on blank lines)."""
        text = data.get("text") or ""
        return cls(
            source=data.get("source") or "",
            outlet=data.get("outlet") or "",
            paragraphs=tuple(p for p in text.split("\n\n") if p.strip()),
            title=data.get("title"),
            published=data.get("published"),
            dateline=data.get("dateline"),
            author=tuple(data.get("author") or ()),
            editor=data.get("editor"),
            language=data.get("language"),
            description=data.get("description"),
            related=tuple(data.get("related") or ()),
            captions=tuple(data.get("captions") or ()),
            url=data.get("url"),
        )
