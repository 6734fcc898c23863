"""The `kliping` command line: thin wrappers that parse arguments and call the library.

One module per command group (clean, archive, rules, spark); what they share is in
`common`, which imports none of them. This module only makes the group and names its
commands: a command's module is imported when that command runs (or help lists it), so
`kliping clean` never loads the archive's, the rule tools' or Spark's dependencies.
"""
from __future__ import annotations

import importlib

import click

from .. import __version__

#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED_EXIT = 130

#: Each command's name → "module:attribute" of its click command, in help order.
COMMANDS = {
    "clean": "clean:clean_command",
    "ingest": "archive:ingest",
    "fetch": "fetch:fetch",
    "search": "archive:search",
    "show": "read:show",
    "export": "read:export",
    "stats": "read:stats",
    "dupes": "archive:dupes",
    "furniture": "furniture:furniture_command",
    "serve": "archive:serve",
    "explain": "rules:explain_command",
    "rules": "rules:rules_group",
    "spark": "spark:spark",
}


class Commands(click.Group):
    """The command group: commands imported on first use (see COMMANDS); Ctrl-C ends
    any command with one line, not a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        where = COMMANDS.get(name)
        if where is None:
            return None
        module, attr = where.split(":")
        return getattr(importlib.import_module(f".{module}", __name__), attr)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("kliping: interrupted (Ctrl-C); what was written before is kept", err=True)
            ctx.exit(INTERRUPTED_EXIT)
        except Exception as exc:
            # A shipped rule's patterns and test cases are read when first used, so a
            # mistake in an edited one surfaces mid-command: one line, as at load time.
            from ..cleaner.rules import RuleError
            if isinstance(exc, RuleError):
                raise click.ClickException(str(exc)) from None
            raise


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, package_name="kliping")  # no metadata scan: ~50 ms
def main() -> None:
    """Clean raw scrapes of Indonesian news into articles and archive them."""
