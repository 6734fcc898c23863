"""The Article record: the one thing the cleaner hands to everything else."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

#: Keys of the output contract, in the order `to_dict()` emits them (the page's own
#: details, modified … images, after the first thirteen, which kept their places).
CONTRACT_KEYS = (
    "source", "outlet", "title", "text", "published", "dateline", "author",
    "editor", "language", "description", "related", "captions", "url",
    "modified", "section", "tags", "site_name", "image", "images",
)


class Image(NamedTuple):
    """An image of the article: its absolute http(s) URL and its caption, if printed."""

    url: str
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article.

    `paragraphs` is the body in reading order; `text` joins them with one blank line.
    `published` and `modified` are ISO 8601 (with the outlet's UTC offset when a time
    was given, a bare date otherwise). List fields are tuples so the record stays
    hashable and immutable. `image` is the page's top image (og:image, else its first
    figure); `images` holds the `Image`s of the body's figures, each with its caption.
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
    modified: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    site_name: str | None = None
    image: str | None = None
    images: tuple[Image, ...] = ()
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
            "modified": self.modified,
            "section": self.section,
            "tags": list(self.tags),
            "site_name": self.site_name,
            "image": self.image,
            "images": [{"url": image.url, "caption": image.caption} for image in self.images],
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
            modified=data.get("modified"),
            section=data.get("section"),
            tags=tuple(data.get("tags") or ()),
            site_name=data.get("site_name"),
            image=data.get("image"),
            images=tuple(_image(item) for item in data.get("images") or ()),
        )


def _image(item: Any) -> Image:
    """An Image from its contract form ({"url", "caption"}) or a (url, caption) pair."""
    if isinstance(item, dict):
        return Image(item.get("url") or "", item.get("caption"))
    return Image(*item)
