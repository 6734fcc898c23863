"""Pages from the open web (issue 17): hosts without a rule, in many languages.

Each case is a small hand-made page reproducing what went wrong on a real one; where the
real page is in trafilatura's evaluation set (bench/openweb_bench.py --fill-cache puts it
in the cache folder), a second test cleans that page too, and is skipped when the cache
is empty.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from kliping.cleaner import NotAnArticle, clean_text, load_rules

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import openweb_bench  # noqa: E402

RULES = load_rules()
_PARAGRAPHS = [
    "The city council voted on Tuesday to extend the opening hours of the public library.",
    "Council members said the longer hours would help students who work during the day.",
    "The change takes effect next month and will be reviewed after a year, the mayor said.",
    "Librarians welcomed the decision but asked for two more staff members to cover evenings.",
]


def page(body: str, head: str = "", lang: str = "en") -> str:
    """A whole HTML page around `body`."""
    return f"<!DOCTYPE html><html lang='{lang}'><head><title>Library hours</title>{head}</head><body>{body}</body></html>"


def cached_page(file_name: str) -> tuple[str, dict]:
    """A page of trafilatura's evaluation set from the cache, and its expectations; skip
    the test when the cache is empty."""
    cache = openweb_bench.cache_dir()
    if not (cache / "evaldata.json").is_file():
        pytest.skip("trafilatura's evaluation set is not in the cache (bench/openweb_bench.py --fill-cache)")
    data = json.loads((cache / "evaldata.json").read_text(encoding="utf-8"))
    item = next(v for v in data.values() if v["file"] == file_name)
    path = next(p for p in (cache / "cache" / file_name, cache / "eval" / file_name) if p.is_file())
    from kliping.cleaner.inputs import read_bytes
    return read_bytes(path.read_bytes(), file_name).text, item


def found(text: str | None, snippets: list[str]) -> int:
    """How many of `snippets` the text holds, compared as the evaluation compares them."""
    out = openweb_bench.norm(text or "")
    return sum(openweb_bench.norm(s) in out for s in snippets)


# --- generator routing ------------------------------------------------------------------

def test_wordpress_generator_alone_does_not_make_a_blog_mirror():
    """An English WordPress magazine: its generator says WordPress, nothing says it copies
    Indonesian news, so it is read by the generic path and its whole text comes out."""
    body = ("<div class='sidebar'><div class='entry-content'><p>Subscribe to our newsletter.</p></div></div>"
            "<article class='post hentry'><h1 class='entry-title'>Library hours</h1>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</div></article>")
    art = clean_text(page(body, "<meta name='generator' content='WordPress 6.1.1'>"), "wp.html",
                     rules=RULES, content_type="text/html")
    assert art.outlet == "generic"
    assert all(p in art.text for p in _PARAGRAPHS)
    assert "newsletter" not in art.text


def test_wordpress_generator_on_an_indonesian_page_is_a_blog_mirror():
    """The same markup holding an Indonesian news copy still goes to blogmirror."""
    paras = ["JAKARTA - Presiden meminta para menteri untuk segera menyelesaikan program yang sudah direncanakan.",
             "Menurut dia, program itu akan dibahas dalam rapat kabinet pada pekan depan di Istana.",
             "Para menteri diminta untuk tidak membuat kebijakan yang tidak sejalan dengan program itu."]
    body = ("<article class='post hentry'><h1 class='entry-title'>Presiden Minta Menteri Kerja Cepat</h1>"
            "<div class='entry-content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></article>")
    art = clean_text(page(body, "<meta name='generator' content='WordPress 6.1.1'>", lang="en-US"), "wp.html",
                     rules=RULES, content_type="text/html")
    assert art.outlet == "blogmirror"
    assert "Menurut dia, program itu" in art.text


@pytest.mark.parametrize("file_name", ["cleanthinking.de.oranger-wasserstoff.html", "fifplay.com.settings.html",
                                       "security.googleblog.com.protection.html"])
def test_real_blogs_on_wordpress_and_blogger_are_read(file_name):
    text, item = cached_page(file_name)
    art = clean_text(text, file_name, rules=RULES, content_type="text/html")
    assert art.outlet == "generic"
    assert found(art.text, item["with"]) >= len(item["with"]) - 1
