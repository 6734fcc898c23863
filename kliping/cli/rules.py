"""Rule-writing commands of the `kliping` CLI: `explain`, and `rules new|learn|test|check|list|schema`.

Thin wrappers over kliping.authoring (decisions, scaffold, cases, check);
colour only on a terminal (click strips it when piped), `--json` for tools.
"""
from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import click

from ..cleaner import InputError, NotAnArticle, Settings, explain, iter_documents
from ..authoring.decisions import Decision, line_decisions
from ..cleaner.rule_loader import builtin_rules_dir

#: Where `rules new` writes by default: a user rules directory for `--rules rules`.
DEFAULT_RULES_DIR = "rules"
_RULE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_COLOURS = {"dropped": "red", "body": "green", "title": "cyan", "description": "cyan",
            "caption": "magenta", "related": "magenta", "field": "blue"}
_VALUE_NAMES = {"body.dateline": "dateline", "body.related_inline": "related"}

rules_option = click.option(
    "--rules", "rules_dirs", multiple=True, metavar="DIR", type=click.Path(exists=True, file_okay=False),
    help="A directory of rule files merged over the built-in ones (repeatable).")


def _open_rules(rules_dirs, outlet=None):
    from .common import open_rules

    return open_rules(rules_dirs, outlet)


def _read_page(name: str):
    """One page to write a rule from; a file that cannot be read stops the command."""
    from ..cleaner import read_path

    try:
        return read_path(name)
    except InputError as exc:
        raise click.ClickException(str(exc)) from None


def _write_new(target: Path, text: str) -> None:
    """Write a rule file that must not exist yet (a file made since the check is kept)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise click.ClickException(f"{target} exists; not overwritten") from None


# ------------------------------------------------------------------ explain

def render_decision(row: Decision) -> str:
    """Render one row for the terminal: number, decision, text; then key and why."""
    number = f"{row.number:>4}" if row.number is not None else "page"
    label = row.field if row.decision == "field" else row.decision
    head = f"{number}  {click.style(f'{label:<11}', fg=_COLOURS.get(row.decision), bold=True)} {row.text}"
    if row.key == "body" and not row.kept:
        return head
    if row.pattern:
        why = f"{row.key} {row.pattern}" + (f"  [{row.rule}]" if row.rule else "")
    else:
        why = f"{row.key}: {row.reason}"
    if row.groups:
        why += "  → " + ", ".join(f"{name}: {value}" for name, value in row.groups.items())
    elif row.value and row.value != row.text and row.decision != "field":
        why += f"  → {_VALUE_NAMES.get(row.key, row.decision)}: {row.value}"
    elif row.value and row.value != row.text:
        why += f"  → {row.value}"
    return head + "\n" + " " * 18 + click.style(why, dim=True)


_SUMMARY_ORDER = ("body", "title", "description", "published", "author", "editor",
                  "caption", "related", "dropped")


def _summary(rows: list[Decision]) -> str:
    counts = Counter(r.field if r.decision == "field" else r.decision for r in rows if r.number is not None)
    parts = ", ".join(f"{counts[name]} {name}" for name in _SUMMARY_ORDER if counts[name])
    return f"{sum(counts.values())} lines: {parts}"


@click.command("explain")
@click.argument("path", metavar="FILE")
@click.option("--outlet", metavar="ID", help="Use this rule (file stem) instead of matching one.")
@click.option("--html", "as_html", is_flag=True, help="Read FILE as an HTML page (shown block by block).")
@click.option("--url", metavar="URL", help="The page's URL (picks the rule by host).")
@rules_option
@click.option("--db", "db_path", metavar="FILE", help="An archive: mark the paragraphs its ingest drops as furniture.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (or block).")
def explain_command(path, outlet, as_html, url, rules_dirs, db_path, as_json) -> None:
    """Show FILE line by line with what each line became and why.

    Each line is kept as body, title, description, caption, related, a metadata field
    (published, author, editor), or dropped; under it, the rule key and the pattern
    (with the rule file it comes from) or the reason that decided. Exit status 1 when
    FILE cannot be read or is not an article.
    """
    rules = _open_rules(rules_dirs, outlet)
    settings = Settings()
    failed = False
    for doc in iter_documents([path], url=url):
        if isinstance(doc, InputError):
            click.echo(f"kliping: {doc}", err=True)
            failed = True
            continue
        if as_html:
            doc = dataclasses.replace(doc, content_type="text/html")
        try:
            explained = explain(doc, rules, settings, outlet=outlet)
        except NotAnArticle as exc:
            click.echo(f"kliping: {doc.source}: not an article: {exc}", err=True)
            failed = True
            continue
        rows = line_decisions(explained, doc.source)
        if db_path:
            rows = _mark_furniture(rows, db_path, explained.match.rule.id, doc.url or url)
        if as_json:
            for row in rows:
                click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
            continue
        match = explained.match
        click.echo(click.style(f"{doc.source}: rule {match.rule.id} ({match.reason})", bold=True))
        for row in rows:
            click.echo(render_decision(row))
        click.echo(click.style(_summary(rows), dim=True))
    if failed:
        raise SystemExit(1)


def _mark_furniture(rows: list[Decision], db_path: str, outlet: str, url: str | None) -> list[Decision]:
    """Body rows the archive's ingest would drop as the outlet's furniture, marked so."""
    from ..archive.furniture import furniture_group, furniture_of
    from ..signature import paragraph_hash
    from .common import open_db

    group = furniture_group(outlet, url)
    if group is None:
        return rows
    db = open_db(db_path, create=False, readonly=True)
    try:
        hashes = {i: paragraph_hash(r.kept or r.text) for i, r in enumerate(rows) if r.decision == "body"}
        known = furniture_of(db.conn, group, list(set(hashes.values())))
    finally:
        db.close()
    return [dataclasses.replace(r, decision="dropped", key="archive.furniture", pattern=None, rule=None,
                                reason=f"repeated on {known[hashes[i]]} pages of {group} (kliping ingest drops it)",
                                kept=None)
            if i in hashes and hashes[i] in known else r for i, r in enumerate(rows)]


# ------------------------------------------------------------------ rules

@click.group("rules")
def rules_group() -> None:
    """Write, test and check outlet rule files (see docs/writing-rules.md)."""


@rules_group.command("new")
@click.argument("rule_id", metavar="ID")
@click.argument("more", nargs=-1, metavar="[FILE]...", type=click.Path(exists=True, dir_okay=False))
@click.option("--from", "samples", multiple=True, required=True, metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="A plain-text scrape of the outlet (three or more work best).")
@click.option("--host", metavar="HOST", help="The outlet's host (kompas.com covers its subdomains).")
@click.option("--dir", "out_dir", default=DEFAULT_RULES_DIR, show_default=True, metavar="DIR",
              help="Where to write ID.toml (pass it to --rules later).")
@rules_option
def new_command(rule_id, more, samples, host, out_dir, rules_dirs) -> None:
    """Scaffold DIR/ID.toml from sample scrapes of a new outlet: --from A.txt B.txt C.txt.

    Proposes patterns for the furniture the samples share, fingerprints and test cases
    from the samples' first lines; every guess is marked "# CHECK:" for you to confirm.
    Never overwrites a file.
    """
    from ..cleaner.pipeline import is_html
    from ..authoring.scaffold import scaffold_rule

    if not _RULE_ID.match(rule_id):
        raise click.BadParameter("lower-case letters, digits, - and _ (it names the file)",
                                 param_hint="ID")
    target = Path(out_dir) / f"{rule_id}.toml"
    if target.exists():
        raise click.ClickException(f"{target} exists; not overwritten (choose another ID or --dir)")
    rules = _open_rules(rules_dirs)
    texts = []
    for name in samples + more:
        doc = _read_page(name)
        if is_html(doc):
            raise click.ClickException(f"{name}: an HTML page; `rules new` reads plain-text "
                                       "scrapes (write [html] selectors by hand)")
        texts.append((Path(name).name, doc.text))
    scaffold = scaffold_rule(rule_id, texts, rules, host=host)
    _write_new(target, scaffold.text)
    if rule_id in {r.id for r in rules}:
        click.echo(f"note: a rule '{rule_id}' exists already; with --rules {out_dir} yours replaces it",
                   err=True)
    click.echo(f"wrote {target}: {len(scaffold.guesses)} guessed patterns, "
               f"{scaffold.cases} test cases, {scaffold.marks} marks to confirm")
    click.echo(f"next: confirm each \"# CHECK:\" in {target}, then\n"
               f"  kliping rules check {target}\n"
               f"  kliping rules test {rule_id} --rules {out_dir}")


@rules_group.command("learn")
@click.argument("pages", nargs=-1, metavar="PAGE...", type=click.Path(exists=True, dir_okay=False))
@click.option("--id", "rule_id", required=True, metavar="NAME", help="The rule's id: NAME.toml is written.")
@click.option("--out", "out_dir", default=".", show_default=True, metavar="DIR", help="Where to write NAME.toml.")
@click.option("--host", metavar="HOST", help="The outlet's host, when the pages do not carry their URL.")
@click.option("--from-archive", "from_archive", is_flag=True,
              help="Learn from the archive's stored scrapes of --outlet instead of PAGE files.")
@click.option("--outlet", metavar="ID", help="With --from-archive: a rule id, or generic:SITE (see kliping furniture).")
@click.option("--db", "db_path", default="kliping.db", show_default=True, metavar="FILE",
              help="With --from-archive: the archive.")
@click.option("--pages", "max_pages", type=click.IntRange(5), default=30, show_default=True, metavar="N",
              help="With --from-archive: learn from the newest N scrapes.")
@rules_option
def learn_command(pages, rule_id, out_dir, host, from_archive, outlet, db_path, max_pages, rules_dirs) -> None:
    """Learn NAME.toml from 5 or more pages (text scrapes or HTML) of one outlet.

    What repeats across the pages is furniture: drop patterns (digits and case
    generalised), date and byline lines, the lead's prefix, hosts from the pages' URLs,
    fingerprints and, for HTML, the body, title and date selectors; each pattern's
    comment says what it was learned from and on how many pages. The pages' first lines,
    prose scrambled, become [[tests]]. Never overwrites a file.
    """
    from ..cleaner.pipeline import is_html
    from ..authoring.learn import LearnError, SourcePage, learn_rule

    if not _RULE_ID.match(rule_id):
        raise click.BadParameter("lower-case letters, digits, - and _ (it names the file)", param_hint="--id")
    target = Path(out_dir) / f"{rule_id}.toml"
    if target.exists():
        raise click.ClickException(f"{target} exists; not overwritten (choose another --id or --out)")
    if from_archive != bool(outlet) or (from_archive and pages):
        raise click.UsageError("give PAGE files, or --from-archive with --outlet (and no PAGE)")
    sources = _archive_pages(db_path, outlet, max_pages) if from_archive else []
    for name in pages:
        doc = _read_page(name)
        sources.append(SourcePage(Path(name).name, doc.text, doc.url, is_html(doc)))
    try:
        learned = learn_rule(rule_id, sources, _open_rules(rules_dirs), host=host)
    except LearnError as exc:
        raise click.ClickException(str(exc)) from None
    _write_new(target, learned.text)
    for why in learned.skipped:
        click.echo(f"left out (unsafe): {why}", err=True)
    click.echo(f"wrote {target}: {learned.patterns} patterns learned from {learned.pages} pages, "
               f"{learned.cases} test cases")
    click.echo(f"next: kliping rules check {target}\n  kliping rules test {rule_id} --rules {out_dir}")


def _archive_pages(db_path: str, outlet: str, limit: int):
    """The archive's newest stored scrapes of `outlet`, as pages to learn from."""
    from ..archive.furniture import stored_pages
    from ..authoring.learn import SourcePage
    from ..cleaner.inputs import read_bytes
    from ..cleaner.inputs.jsonl import read_record
    from ..cleaner.pipeline import is_html
    from .common import open_db

    db = open_db(db_path, create=False, readonly=True)
    try:
        rows = stored_pages(db.conn, outlet, limit)
    finally:
        db.close()
    pages = []
    for source, text, url, _ in rows:
        data = text.encode("utf-8")
        try:  # a JSON Lines record is stored as its line; anything else as the page
            doc = read_record(data, source) if text.lstrip().startswith("{") else read_bytes(data, source, url)
        except InputError as exc:
            click.echo(f"kliping: {exc} (passed over)", err=True)
            continue
        pages.append(SourcePage(source, doc.text, doc.url or url, is_html(doc)))
    return pages


def _known(ids, rules) -> None:
    """Fail with a usage error naming an ID no rule has (and the folder it may be in)."""
    known = {r.id for r in rules}
    for rule_id in ids:
        if rule_id not in known:
            hint = ""
            if (Path(DEFAULT_RULES_DIR) / f"{rule_id}.toml").is_file():
                hint = f" ({DEFAULT_RULES_DIR}/{rule_id}.toml exists: add --rules {DEFAULT_RULES_DIR})"
            raise click.BadParameter(f"no rule '{rule_id}'{hint}", param_hint="ID")


def _diff_line(line: str) -> str:
    if line.startswith(("+++", "---")):
        return click.style(line, bold=True)
    if line.startswith("-"):
        return click.style(line, fg="red")
    if line.startswith("+"):
        return click.style(line, fg="green")
    return line


@rules_group.command("test")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@rules_option
def test_command(ids, rules_dirs) -> None:
    """Run the test cases of rules ID… (all rules when none is named).

    Runs each rule's [[tests]] cases and its fixture files (rules/ID/NAME.txt or .html
    with NAME.json); prints what differs, expected against actual. Exit status 1 when a
    case fails, or when the rules named have no cases at all.
    """
    from ..authoring.cases import run_rule_cases

    rules = _open_rules(rules_dirs)
    _known(ids, rules)
    results = run_rule_cases(rules, list(ids) or None)
    for result in results:
        mark = click.style("PASS", fg="green") if result.ok else click.style("FAIL", fg="red", bold=True)
        click.echo(f"{mark} {result.rule}: {result.name}")
        for failure in result.failures:
            for line in failure.splitlines():
                click.echo("     " + _diff_line(line))
    failed = sum(not r.ok for r in results)
    if not results:
        click.echo("no test cases" + (f" for {', '.join(ids)}" if ids else ""), err=True)
        raise SystemExit(1 if ids else 0)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise SystemExit(1)


@rules_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True), metavar="[PATH]...")
@rules_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per problem.")
@click.option("--strict", is_flag=True, help="Fail on warnings too (such as unconfirmed # CHECK: marks).")
def check_command(paths, rules_dirs, as_json, strict) -> None:
    """Check rule files (PATHs: files or directories; default: the rules in force).

    Reports, each at file:line:column with a hint: TOML syntax, unknown keys and wrong
    types (against rule.schema.json), bad regular expressions and placeholders, bad
    selectors, `extends` naming no rule, hosts claimed by two rules, and "# CHECK:"
    marks left by `rules new`. Exit status 1 on errors (and warnings with --strict).
    """
    from ..authoring.check import ERROR, check_rules

    targets = list(paths) or [str(builtin_rules_dir()), *rules_dirs]
    problems = check_rules(targets, [builtin_rules_dir(), *rules_dirs])
    for problem in problems:
        if as_json:
            click.echo(json.dumps(problem.to_dict(), ensure_ascii=False))
            continue
        colour = "red" if problem.severity == ERROR else "yellow"
        text = str(problem).replace(f": {problem.severity}: ",
                                    ": " + click.style(problem.severity, fg=colour, bold=True) + ": ", 1)
        click.echo(text)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if not as_json:
        click.echo(f"{errors} errors, {warnings} warnings")
    if errors or (strict and warnings):
        raise SystemExit(1)


@rules_group.command("list")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@rules_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rule.")
def list_command(ids, rules_dirs, as_json) -> None:
    """List the rules in force (or rules ID…): hosts, fingerprints, language and test counts."""
    from ..authoring.cases import count_cases

    rules = _open_rules(rules_dirs)
    _known(ids, rules)
    builtin = builtin_rules_dir().resolve()
    for rule in rules:
        if ids and rule.id not in ids:
            continue
        cases, fixtures = count_cases(rule)
        where = "built-in" if Path(rule.path).resolve().parent == builtin else rule.path
        info = {"id": rule.id, "name": rule.name, "language": rule.language, "hosts": list(rule.hosts),
                "fingerprints": [p.source for p in rule.fingerprints], "tests": cases,
                "fixtures": fixtures, "extends": rule.parent.id if rule.parent else None, "path": rule.path}
        if as_json:
            click.echo(json.dumps(info, ensure_ascii=False))
            continue
        click.echo(click.style(rule.id, bold=True) + f" — {rule.name} ({where})")
        click.echo(f"  language: {rule.language or '-'}  test cases: {cases}  fixture files: {fixtures}"
                   + (f"  extends: {info['extends']}" if info["extends"] else ""))
        click.echo(f"  hosts: {', '.join(rule.hosts) or '-'}")
        for source in info["fingerprints"]:
            click.echo(f"  fingerprint: {source}")


@rules_group.command("schema")
def schema_command() -> None:
    """Print the path of the rule files' JSON Schema (for editors: Taplo, Even Better TOML)."""
    click.echo(str(builtin_rules_dir() / "rule.schema.json"))


COMMANDS = [explain_command, rules_group]
