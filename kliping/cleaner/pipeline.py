"""Sequence the stages: pick a rule, decide the lines, read the fields, build the Article.

Text scrapes go straight to the line passes. HTML pages first give their metadata and
body blocks (html.py); the same line passes then run over the blocks, and what the page
head said (title, date, authors) wins over what the lines say.
"""
from __future__ import annotations

from dataclasses import dataclass

from .article import Article
from .budget import time_budget
from .html.kind import NotAnArticle, front_page_reason, lone_post, prints_whole_post, text_size
from .html.meta import PageMeta
from .inputs.html import HTML, sniff_markup
from .inputs import RawDoc
from .metadata import (detect_language, find_captions, find_people, find_published, find_related, find_section,
                       find_tags)
from .rules import Match, RuleSet
from .rule_loader import shipped_rules
from .settings import DEFAULT_SETTINGS, Settings
from .text import Extraction, extract_text, strip_controls

#: Content types that are feeds, never articles.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
#: A document with less article text than this is no article (a front page, an error page).
MIN_ARTICLE_CHARS = 200
#: A text scrape with less article text than this is no article (a menu, a login page,
#: one word). Lower than a page's: a scrape is what a scraper kept as an article, and
#: briefs, photo stories and the rules' test cases are short.
MIN_SCRAPE_CHARS = 1
#: A page holding one dated post, its text read there, needs this much text (a post of
#: two lines); a photo credit under a headline is still too little.
MIN_POST_CHARS = 50
#: Less text than this from the first reading of a page, and the others are tried (a
#: brief is short; a reading that gives more of a short page gives more furniture).
ENOUGH_ARTICLE_CHARS = MIN_ARTICLE_CHARS


@dataclass(slots=True)
class Explained:
    """Why a document came out as it did: the rule match, the line decisions, and for
    HTML pages what the page head said."""

    match: Match
    ext: Extraction
    page: PageMeta | None = None


def is_html(doc: RawDoc) -> bool:
    """Say whether a document is an HTML page: by its content type, else sniffed the way
    the input readers sniff files."""
    if doc.content_type.startswith(("text/html", "application/xhtml")):
        return True
    return sniff_markup(doc.text) == HTML


def pick_rule(doc: RawDoc, rules: RuleSet, outlet: str | None = None,
              url: str | None = None, text: str | None = None) -> Match:
    """Return the rule for `doc`: the forced outlet, else by URL, fingerprint, generic."""
    if outlet:
        return Match(rules[outlet], f"forced with --outlet {outlet}")
    return rules.match(url=url or doc.url, text=doc.text if text is None else text)


def explain(doc: RawDoc, rules: RuleSet, settings: Settings = DEFAULT_SETTINGS,
            outlet: str | None = None) -> Explained:
    """Return the rule match and every line's decision for `doc`."""
    if doc.content_type.startswith(FEED_TYPES):
        raise NotAnArticle("a feed, not an article page")
    if is_html(doc):
        return explain_html(doc, rules, settings, outlet)
    match = pick_rule(doc, rules, outlet)
    ext = extract_text(doc.text, match.rule, settings)
    refuse_non_article(ext, MIN_SCRAPE_CHARS, "in the scrape")
    return Explained(match, ext)


def refuse_non_article(ext: Extraction, min_chars: int, where: str) -> None:
    """NotAnArticle for a document with no article text (a menu, a login or error
    page): text scrapes and HTML pages alike, never an article with empty text. (A page
    is also judged by what it is: `front_page_reason`; a scrape is not, since its URL
    line may be any link and stock tables read like headlines.)"""
    if _chars(ext) < min_chars:
        raise NotAnArticle(f"no article text found {where} (a front page, a menu or a list?)")


def explain_html(doc: RawDoc, rules: RuleSet, settings: Settings, outlet: str | None) -> Explained:
    """Read an HTML page with the rule its URL (or, failing that, its text) points to."""
    from .html.body import page_blocks, text_link_share  # here: text scrapes never parse a page
    from .html.head import read_meta
    from .html.page import link_texts, page_generator, page_url, parse_page, reads_indonesian

    root = parse_page(doc.text)
    url = doc.url or page_url(root)
    match = pick_rule(doc, rules, outlet, url=url, text="")
    if match.rule.id == "generic" and not outlet:
        # The software that made a page says nothing of what it holds: a blog's generator
        # routes only a page in Indonesian to the blog-mirror rule.
        by_generator = rules.match_generator(page_generator(root))
        if by_generator and reads_indonesian(root):
            match = by_generator
    elif match.rule.generators and not outlet and not reads_indonesian(root):
        # ... nor does its host on a blog platform (example.wordpress.com): a blog there in
        # another language is no mirror of Indonesian news.
        match = Match(rules["generic"], f"{match.reason}, but the page is not in Indonesian: generic rule")
    meta = read_meta(root, match.rule, url)
    blocks = page_blocks(root, match.rule, meta)
    text = "\n\n".join(blocks)
    if match.rule.id == "generic" and not outlet:
        # ... nor does a line in an outlet's style (a bulleted title) in a page in another language.
        by_text = rules.match_fingerprint(text)
        if by_text and by_text.rule.id != "generic" and reads_indonesian(root):  # read it again with that rule
            match = by_text
            root = parse_page(doc.text)
            meta = read_meta(root, match.rule, url)
            text = "\n\n".join(page_blocks(root, match.rule, meta))
    ext = extract_text(text, match.rule, settings, title=doc.title or meta.title, page=True,
                       extracted=not meta.by_selectors)
    outlet_page = match.rule.id not in ("generic", "blogmirror")
    # A dated page holding one post, its text read there, is an article however short or
    # among however many links: once the whole post is read no other reading is tried,
    # and a few words are enough (looked for only when the text is short or refused).
    post = None
    if _chars(ext) < ENOUGH_ARTICLE_CHARS:
        post = None if outlet_page else lone_post(root, meta.url, meta.published, ext.paragraphs)
        if post is None or not prints_whole_post(post, ext.paragraphs):
            ext, meta, root = _other_readings(doc, match, settings, ext, meta, root)
            post = None
    if post is None or _chars(ext) < MIN_POST_CHARS:
        refuse_non_article(ext, MIN_ARTICLE_CHARS, "on the page")
    reason = front_page_reason(meta.url, ext.paragraphs, meta.declares_article, lambda: link_texts(root),
                               outlet=outlet_page, blocks=[ln.text for ln in ext.lines if ln.text],
                               text_links=lambda: text_link_share(root, ext.paragraphs))
    if reason and not outlet_page and (post is not None
                                       or lone_post(root, meta.url, meta.published, ext.paragraphs) is not None):
        reason = None
    if reason:
        raise NotAnArticle(reason)
    return Explained(match, ext, meta)


def _chars(ext: Extraction) -> int:
    """Characters of the article's text (a CJK character counting as a few: `text_size`)."""
    return text_size(" ".join(ext.paragraphs))


def _other_readings(doc: RawDoc, match: Match, settings: Settings, ext: Extraction,
                    meta: PageMeta, root) -> tuple[Extraction, PageMeta, object]:
    """The page read again in the other ways (trafilatura's modes, the whole <article>)
    when the first reading left too little text: the first to give enough, else the one
    giving most, with the page head and the page read alongside it."""
    from .html.body import OTHER_READINGS, page_blocks
    from .html.head import read_meta
    from .html.page import parse_page

    best = (ext, meta, root)
    for reading in OTHER_READINGS:
        if reading == "precision" and not match.rule.selectors("body") and not best[1].by_prose_box:
            continue  # the first reading was this one
        root = parse_page(doc.text)
        meta = read_meta(root, match.rule, best[1].url)
        blocks = page_blocks(root, match.rule, meta, reading)
        ext = extract_text("\n\n".join(blocks), match.rule, settings, title=doc.title or meta.title, page=True,
                           extracted=not meta.by_selectors)
        if _chars(ext) > _chars(best[0]):
            best = (ext, meta, root)
        if _chars(ext) >= ENOUGH_ARTICLE_CHARS:
            break
    return best


def build_article(doc: RawDoc, explained: Explained, settings: Settings) -> Article:
    """Assemble the Article from the decided lines (and the page head, for HTML). The
    lines are free of control characters already; what the page head and the input's
    record say is freed of them here."""
    rule, ext, page = explained.match.rule, explained.ext, explained.page or PageMeta()
    paragraphs = ext.paragraphs
    authors, editor = find_people(ext)
    return _without_controls(Article(
        source=doc.source,
        outlet=rule.id,
        paragraphs=tuple(paragraphs),
        title=page.title or ext.title,
        published=page.published or find_published(ext, rule),
        dateline=ext.dateline,
        author=page.author or authors,
        editor=page.editor or editor,
        language=detect_language(paragraphs, rule, settings),
        description=ext.description or page.description,
        related=tuple(dict.fromkeys(page.related + find_related(ext))),
        captions=tuple(dict.fromkeys(page.captions + find_captions(ext))),
        url=doc.url or page.url or ext.url,
        modified=page.modified,
        section=page.section or find_section(ext),
        tags=page.tags or find_tags(ext),
        site_name=page.site_name,
        image=page.image or (page.images[0].url if page.images else None),
        images=page.images,
    ))


def _without_controls(article: Article) -> Article:
    """`article` with control characters removed from its string fields."""
    changes = {}
    for key in ("title", "published", "dateline", "editor", "language", "description", "url",
                "section", "site_name"):
        value = getattr(article, key)
        if value is not None and strip_controls(value) != value:
            changes[key] = strip_controls(value) or None
    for key in ("author", "related", "captions", "tags"):
        values = getattr(article, key)
        if any(strip_controls(v) != v for v in values):
            changes[key] = tuple(v for v in map(strip_controls, values) if v)
    if any(image.caption and strip_controls(image.caption) != image.caption for image in article.images):
        changes["images"] = tuple(image._replace(caption=strip_controls(image.caption or "") or None)
                                  for image in article.images)
    return article.replace(**changes) if changes else article


def clean(doc: RawDoc, rules: RuleSet | None = None, settings: Settings = DEFAULT_SETTINGS,
          outlet: str | None = None) -> Article:
    """Clean one document into an Article (rules default to the built-in ones).

    Raises NotAnArticle for feeds and pages with no article text, and OverBudget when
    cleaning takes longer than `settings.document_seconds`.
    """
    rules = rules if rules is not None else shipped_rules()
    with time_budget(settings.document_seconds):
        return build_article(doc, explain(doc, rules, settings, outlet), settings)


def clean_text(text: str, source: str = "<text>", url: str | None = None,
               rules: RuleSet | None = None, settings: Settings = DEFAULT_SETTINGS,
               outlet: str | None = None, content_type: str = "text/plain") -> Article:
    """Clean a scrape (or, with content_type "text/html", a page) given as a string."""
    doc = RawDoc(source=source, data=text.encode("utf-8"), text=text, url=url,
                 content_type=content_type)
    return clean(doc, rules, settings, outlet)
