"""sqlite-utils and Datasette plugin: stemmed-search SQL functions, readable pages, and
the chart of articles per day per outlet on the front page.

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


#: The canned query (metadata.yml) whose rows the chart draws.
PER_DAY_QUERY = "articles_per_day"


@datasette_hookimpl
def register_routes():
    """`/DB/-/articles-per-day.svg`: the chart the front page shows (see chart.py)."""
    return [(r"^/(?P<database>[^/]+)/-/articles-per-day\.svg$", articles_per_day_svg)]


async def articles_per_day_svg(datasette, request):
    """The SVG of the canned query `articles_per_day` of the database in the URL, for
    whoever may view that database; 404 when it has no such query."""
    from datasette.database import QueryInterrupted
    from datasette.utils import tilde_decode
    from datasette.utils.asgi import Response

    from .chart import per_day_svg

    name = tilde_decode(request.url_vars["database"])
    try:
        database = datasette.get_database(name)
    except KeyError:
        return Response.text(f"no database {name!r}", status=404)
    await datasette.ensure_permissions(request.actor, [("view-database", name), "view-instance"])
    query = await datasette.get_canned_query(name, PER_DAY_QUERY, request.actor)
    if query is None:
        return Response.text(f"{name} has no {PER_DAY_QUERY} query", status=404)
    try:
        rows = (await database.execute(query["sql"])).rows
        svg = per_day_svg([tuple(row) for row in rows])
    except QueryInterrupted:
        svg = per_day_svg([], title="Articles per day: more than the time limit allows to count")
    return Response(svg, content_type="image/svg+xml; charset=utf-8", headers={"Cache-Control": "max-age=60"})


@datasette_hookimpl
def extra_css_urls():
    """A small inline stylesheet: paragraphs in the article text, visible highlights."""
    return ["data:text/css;charset=utf-8," + quote(CSS)]
