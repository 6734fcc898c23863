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
body.row td.col-text, body.row td.col-description { white-space: pre-wrap; }
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
def render_cell(row, value, column, table, database, datasette):
    """In search results (a query with a snippet column): show the <mark> highlights
    (everything else escaped) and link each title to its article page."""
    if table is not None or not isinstance(value, str):
        return None
    if column in SNIPPET_COLUMNS and "<mark>" in value:
        html = str(escape(value))
        html = html.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>")
        return Markup(html)
    if column == "title" and _is_search_row(row):
        url = datasette.urls.row(database, "articles", str(row["id"]))
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    return None


def _is_search_row(row) -> bool:
    keys = row.keys() if hasattr(row, "keys") else ()
    return "id" in keys and any(c in keys for c in SNIPPET_COLUMNS) and isinstance(row["id"], int)


@datasette_hookimpl
def extra_css_urls():
    """A small inline stylesheet: paragraphs in the article text, visible highlights."""
    return ["data:text/css;charset=utf-8," + quote(CSS)]
