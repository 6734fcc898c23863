"""sqlite-utils and Datasette plugin: stemmed-search SQL functions and readable pages.

Registered through the `sqlite_utils` and `datasette` entry points in pyproject.toml,
so `sqlite-utils query kliping.db "select id_stem('menjatuhkan')"` and any Datasette
serving the archive have `id_stem()`, `id_match()` and `id_snippet()`.

The hook markers are made with pluggy directly (they are the same markers the two
projects export), so loading this plugin for sqlite-utils does not import Datasette.
"""
from __future__ import annotations

from urllib.parse import quote

import pluggy
from markupsafe import Markup, escape

from .functions import register_functions

sqlite_utils_hookimpl = pluggy.HookimplMarker("sqlite_utils")
datasette_hookimpl = pluggy.HookimplMarker("datasette")

#: Query result columns rendered with their <mark> highlights (everything else escaped).
SNIPPET_COLUMNS = ("snippet",)

#: The article text keeps its paragraphs; long cells stay readable.
CSS = """
td.col-text, td.col-description { white-space: pre-wrap; }
body.row td.col-text { max-width: 42em; line-height: 1.5; }
td.col-snippet mark { background: #ffe066; padding: 0 1px; }
"""


@sqlite_utils_hookimpl(specname="prepare_connection")
def sqlite_utils_prepare_connection(conn):
    """sqlite-utils: add the id_* functions to every connection."""
    register_functions(conn)


@datasette_hookimpl(specname="prepare_connection")
def datasette_prepare_connection(conn):
    """Datasette: add the id_* functions to every connection."""
    register_functions(conn)


@datasette_hookimpl
def render_cell(value, column):
    """Show <mark> highlights in snippet columns; the rest of the value is escaped."""
    if column not in SNIPPET_COLUMNS or not isinstance(value, str) or "<mark>" not in value:
        return None
    html = str(escape(value))
    html = html.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
    return Markup(html)


@datasette_hookimpl
def extra_css_urls():
    """A small inline stylesheet: paragraphs in the article text, visible highlights."""
    return ["data:text/css;charset=utf-8," + quote(CSS)]
