"""The `kliping` command line: thin wrappers that parse arguments and call the library."""
from __future__ import annotations

import json
import sys
from typing import Iterable

import click

from .cleaner import (Article, InputError, NotAnArticle, RuleError, Settings, build_article,
                      explain, iter_documents, load_rules)
from .cleaner.rules import RuleSet


def open_rules(rules_dirs: Iterable[str], outlet: str | None = None) -> RuleSet:
    """Load built-in rules merged with the user's directories, and check a forced
    `--outlet` names one of them; failures become click errors."""
    try:
        rules = load_rules(list(rules_dirs))
    except RuleError as exc:
        raise click.ClickException(str(exc)) from None
    if outlet:
        try:
            rules[outlet]
        except RuleError as exc:
            raise click.BadParameter(str(exc), param_hint="--outlet") from None
    return rules


def report(exc: Exception) -> None:
    """Print one clear line about a failed document on stderr."""
    click.echo(f"kliping: {exc}", err=True)


def format_pretty(article: Article) -> str:
    """Render an Article for reading in a terminal."""
    d = article.to_dict()
    head = [f"# {d['title'] or '(no title)'}", ""]
    for key in ("source", "outlet", "published", "dateline", "author", "editor",
                "language", "description", "url"):
        value = d[key]
        if value:
            head.append(f"{key:>11}: {', '.join(value) if isinstance(value, list) else value}")
    tail = []
    for key in ("related", "captions"):
        if d[key]:
            tail += ["", f"{key}:"] + [f"  - {v}" for v in d[key]]
    return "\n".join(head + ["", d["text"]] + tail) + "\n"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kliping")
def main() -> None:
    """Clean raw scrapes of Indonesian news into articles and archive them."""


@main.command("clean")
@click.argument("paths", nargs=-1, required=True)
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--url", metavar="URL",
              help="The URL of the text/HTML files given (JSONL and WARC records carry their own).")
@click.option("--rules", "rules_dirs", multiple=True, metavar="DIR",
              type=click.Path(exists=True, file_okay=False),
              help="A directory of rule files merged over the built-in ones (repeatable).")
@click.option("--pretty", is_flag=True, help="Print articles for reading instead of JSON Lines.")
@click.option("--explain-match", is_flag=True,
              help="Also say on stderr which rule each document got and why.")
def clean_command(paths, outlet, url, rules_dirs, pretty, explain_match) -> None:
    """Clean scrapes (files, directories, - for stdin) into JSON Lines on stdout.

    A document that cannot be read or cleaned is reported on stderr with its name;
    the others are still cleaned, and the exit status is 1.
    """
    rules = open_rules(rules_dirs, outlet)
    settings = Settings()
    failed = 0
    out = sys.stdout
    for doc in iter_documents(paths, url=url):
        if isinstance(doc, InputError):
            report(doc)
            failed += 1
            continue
        try:
            explained = explain(doc, rules, settings, outlet=outlet)
            if explain_match:
                match = explained.match
                click.echo(f"kliping: {doc.source}: rule {match.rule.id} ({match.reason})", err=True)
            article = build_article(doc, explained, settings)
        except NotAnArticle as exc:
            report(f"{doc.source}: not an article: {exc}")
            failed += 1
            continue
        except Exception as exc:  # one bad document must not stop the batch
            report(f"{doc.source}: cannot clean: {type(exc).__name__}: {exc}")
            failed += 1
            continue
        if pretty:
            out.write(format_pretty(article) + "\n")
        else:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    if failed:
        sys.exit(1)


from .archive.cli import COMMANDS  # noqa: E402  (the archive's commands join the group)

for _command in COMMANDS:
    main.add_command(_command)

from .rules_cli import COMMANDS as RULES_COMMANDS  # noqa: E402  (explain and rules join the group)

for _command in RULES_COMMANDS:
    main.add_command(_command)
