"""Sequence the stages: pick a rule, decide the lines, read the fields, build the Article."""
from __future__ import annotations

from .article import Article
from .inputs import RawDoc
from .metadata import detect_language, find_captions, find_people, find_published, find_related
from .rules import Match, RuleSet, load_rules
from .settings import DEFAULT_SETTINGS, Settings
from .text import Extraction, extract_text


def pick_rule(doc: RawDoc, rules: RuleSet, outlet: str | None = None) -> Match:
    """Return the rule for `doc`: the forced outlet, else by URL, fingerprint, generic."""
    if outlet:
        return Match(rules[outlet], f"forced with --outlet {outlet}")
    return rules.match(url=doc.url, text=doc.text)


def explain(doc: RawDoc, rules: RuleSet, settings: Settings = DEFAULT_SETTINGS,
            outlet: str | None = None) -> tuple[Match, Extraction]:
    """Return the rule match and every line's decision for `doc`."""
    match = pick_rule(doc, rules, outlet)
    return match, extract_text(doc.text, match.rule, settings)


def build_article(doc: RawDoc, match: Match, ext: Extraction, settings: Settings) -> Article:
    """Assemble the Article from the decided lines."""
    rule = match.rule
    paragraphs = ext.paragraphs
    authors, editor = find_people(ext)
    return Article(
        source=doc.source,
        outlet=rule.id,
        paragraphs=tuple(paragraphs),
        title=ext.title,
        published=find_published(ext, rule),
        dateline=ext.dateline,
        author=authors,
        editor=editor,
        language=detect_language(paragraphs, rule, settings),
        description=ext.description,
        related=find_related(ext),
        captions=find_captions(ext),
        url=doc.url or ext.url,
    )


def clean(doc: RawDoc, rules: RuleSet | None = None, settings: Settings = DEFAULT_SETTINGS,
          outlet: str | None = None) -> Article:
    """Clean one document into an Article (rules default to the built-in ones)."""
    rules = rules if rules is not None else load_rules()
    match, ext = explain(doc, rules, settings, outlet)
    return build_article(doc, match, ext, settings)


def clean_text(text: str, source: str = "<text>", url: str | None = None,
               rules: RuleSet | None = None, settings: Settings = DEFAULT_SETTINGS,
               outlet: str | None = None) -> Article:
    """Clean a plain-text scrape given as a string."""
    doc = RawDoc(source=source, data=text.encode("utf-8"), text=text, url=url)
    return clean(doc, rules, settings, outlet)
