"""The `kliping` command line: thin wrappers that parse arguments and call the library.

One module per command group (clean, archive, rules, spark); what they share is in
`common`, which imports none of them. This module only makes the group and adds them.
"""
from __future__ import annotations

import click

from .archive import COMMANDS as ARCHIVE_COMMANDS
from .clean import clean_command
from .rules import COMMANDS as RULES_COMMANDS
from .spark import COMMANDS as SPARK_COMMANDS  # kliping spark …; PySpark loads only when run


#: Exit status after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED_EXIT = 130


class Commands(click.Group):
    """The command group: Ctrl-C ends any command with one line, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("kliping: interrupted (Ctrl-C); what was written before is kept", err=True)
            ctx.exit(INTERRUPTED_EXIT)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kliping")
def main() -> None:
    """Clean raw scrapes of Indonesian news into articles and archive them."""


for _command in (clean_command, *ARCHIVE_COMMANDS, *RULES_COMMANDS, *SPARK_COMMANDS):
    main.add_command(_command)
