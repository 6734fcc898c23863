"""The site a URL belongs to: its registrable part (kompas.com for nasional.kompas.com,
kontan.co.id for investasi.kontan.co.id). `rules learn` checks its pages come from one
site; the archive groups the furniture of pages the generic rule cleaned by site."""
from __future__ import annotations

from urllib.parse import urlsplit

#: Second-level labels under a country code (kontan.co.id's "co"): the site is one label more.
SECOND_LEVEL = frozenset("co ac go or web my sch net com org gov edu mil".split())


def site_of(url: str | None) -> str | None:
    """Return the site of `url` (None without a host)."""
    host = (urlsplit(url if url and "//" in url else f"//{url or ''}").hostname or "").lower()
    labels = host.removeprefix("www.").split(".")
    if len(labels) < 2:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])
