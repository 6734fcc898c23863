"""Query safety: hostile input to `search()`, `kliping search` and Datasette's canned search.

Injection strings, FTS5 syntax abuse, 10,000-term queries, 10,000-character tokens,
control, NUL, right-to-left and zero-width characters: each runs in bounded time, with
no exception, no traceback and no error page, and leaves the archive exactly as it was.
A deliberately slow search on a larger archive is stopped by the time limit, cleanly.
"""
import asyncio
import hashlib
import json
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

import pytest
from click.testing import CliRunner

from kliping.archive import query as query_module
from kliping.archive.db import open_archive
from kliping.archive.functions import register_functions
from kliping.archive.query import (MATCH_NOTHING, MAX_DEPTH, MAX_PREFIXES, MAX_TERMS,
                                   QueryError, match_expression, parse_query)
from kliping.archive.search import SearchTimeout, search
from kliping.archive.serve import SETTINGS, make_datasette
from kliping.archive.stem import stem_text
from kliping.cli import main

KLIPING = Path(sys.executable).with_name("kliping")

#: A generous safety bound per query on a 2-core machine (not a speed benchmark).
BOUND = 5.0

INJECTION = [
    "'; DROP TABLE articles; --",
    "sanksi'; DROP TABLE articles; --",
    '" OR 1=1',
    '" OR 1=1 --',
    "sanksi\" OR \"1\"=\"1",
    "') UNION SELECT sql, sql FROM sqlite_master --",
    "sanksi) UNION SELECT key, url FROM raw --",
    "'); DELETE FROM articles; --",
    "sanksi; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "sanksi\"; PRAGMA writable_schema=1; --",
    ":q ?1 @q $q",
    "sanksi' || (select group_concat(text) from raw) || '",
]
FTS5_ABUSE = [
    '"sanksi', 'sanksi"putin"', '"""', '"" ""', "((((sanksi", "sanksi))))", ")(", "(", ")",
    "NEAR(sanksi putin, 999999999)", "NEAR(sanksi putin, -1)", "NEAR(",
    "NEAR(NEAR(sanksi putin, 5) NEAR(biden rusia, 10), 1000000)",
    "NEAR(" + " ".join(["sanksi"] * 500) + ", 99999999)",
    "*", "**", "sanksi*****", "*sanksi", "a*", "s*", "sa*", "^sanksi", "^", "+sanksi",
    "title:sanksi", "title: sanksi", "text_stem : putin", "{title text}: sanksi", "{a b}:",
    "{title_stem}:(sanksi OR", "- sanksi", "-", "--", "sanksi AND AND OR NOT", "NOT sanksi",
    "OR", "AND", "NOT", "sanksi OR", "OR OR OR", "sanksi NOT NOT putin", "rank:", "rowid = 1",
    "articles_fts MATCH 'x'", "sanksi \\ % _ [", "'",
]
HUGE = {
    "10k distinct terms": " ".join(f"kata{i}" for i in range(10_000)),
    "10k same term": " ".join(["sanksi"] * 10_000),
    "10k ORs": " OR ".join(f"kata{i}" for i in range(10_000)),
    "10k prefixes": " ".join(f"kat{i}*" for i in range(10_000)),
    "10k short prefixes": " ".join(["a*"] * 10_000),
    "10k exclusions": "sanksi " + " ".join(f"-kata{i}" for i in range(10_000)),
    "10k-word phrase": '"' + " ".join(f"kata{i}" for i in range(10_000)) + '"',
    "10k nested parens": "(" * 10_000 + "sanksi" + ")" * 10_000,
    "10k alternating nesting": "(sanksi OR (putin " * 2_500 + ")" * 5_000,
    "10k unbalanced parens": "(" * 10_000 + "sanksi",
    "10k quotes": '"' * 10_000 + "sanksi",
    "10k NEARs": "NEAR(" * 10_000 + "sanksi",
    "10k-char token": "a" * 10_000,
    "10k-char stem-like token": "sanksi" * 1_700,
    "10k-char token prefix": "b" * 10_000 + "*",
    "100k chars of words": "sanksi putin biden " * 5_300,
    "10k stop words": " ".join(["yang"] * 10_000),
    "10k punctuation": "!?.,;:" * 1_700,
}
CHARACTERS = [
    "", " ", "   \t\n  ", "\n", "\x00", "sanksi\x00putin", "\x00" * 100, "sanksi\x00",
    "\x01\x02\x03 sanksi \x7f", "\x1b[31msanksi\x1b[0m", "sanksi\r\nputin", "\x0b\x0c",
    "\u202esanksi\u202c", "\u202bسانكسي\u202c", "عقوبات", "סנקציות", "\u200f\u200e",
    "san\u200bksi", "\u200b\u200c\u200d\ufeff", "\ufeffsanksi", "sanksi\u0301", "ｓａｎｋｓｉ",
    "🚫 sanksi 🇷🇺", "\uffff\ufffe", "\U0010ffff",
    "!@#$%^&*()_+-=[]{};:'\",.<>/?\\|`~", "...", "-()-*\"^:{}",
]
#: Only through Python and the CLI (not URL-encodable): lone surrogates, as a shell's
#: argv with undecodable bytes gives them.
SURROGATES = ["\udcff sanksi", "\ud800", "sanksi\udcc3\udca9"]

HOSTILE = INJECTION + FTS5_ABUSE + list(HUGE.values()) + CHARACTERS
IDS = ([f"inject{i}" for i in range(len(INJECTION))] + [f"fts{i}" for i in range(len(FTS5_ABUSE))]
       + list(HUGE) + [f"char{i}" for i in range(len(CHARACTERS))])

#: A quoted FTS5 string (quotes inside doubled), optionally a prefix.
FTS_STRING = re.compile(r'"(?:[^"]|"")*"\*?')

#: The messages a refused query may give (`kliping search` exits 1 with one of them).
REFUSALS = ("Nothing to search for", "only common words", "need a word to search for")


def snapshot(path) -> dict:
    """Row count and a digest of every table, the schema, and integrity_check."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        state = {"integrity": conn.execute("PRAGMA integrity_check").fetchall(),
                 "schema": conn.execute("select type, name, sql from sqlite_master order by name").fetchall()}
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        for table in tables:
            digest = hashlib.sha256()
            count = 0
            for row in conn.execute(f'select * from "{table}" order by 1'):
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
                count += 1
            state[table] = (count, digest.hexdigest())
        return state
    finally:
        conn.close()


def operators_outside_strings(fts: str) -> set[str]:
    """What an FTS5 expression has besides quoted strings: only ( ) AND OR NOT allowed,
    and the column filters kliping writes itself: on the stemmed columns, and on the
    language of the articles a stemmed expression is for."""
    scope = "{title_stem description_stem text_stem} : "
    assert fts.startswith(scope) or fts.startswith("((" + scope), fts
    rest = FTS_STRING.sub(" ", fts).replace(scope, " ").replace("language : ", " ")
    return set(rest.replace("(", " ( ").replace(")", " ) ").split())


def expected_refusal(text: str) -> bool:
    try:
        parse_query(text)
    except QueryError:
        return True
    return False


@pytest.fixture(scope="module")
def before(archive):
    """The archive's state before any hostile query ran."""
    state = snapshot(archive)
    assert state["integrity"] == [("ok",)]
    return state


@pytest.fixture(scope="module")
def db(archive, before):
    conn = open_archive(archive, create=False)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def ds(archive, before):
    return make_datasette(archive)


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    try:
        return fn(*args, **kwargs)
    finally:
        elapsed = time.perf_counter() - start
        assert elapsed < BOUND, f"took {elapsed:.2f} s"


def kliping(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


#: The longest URL Datasette's test client (httpx) sends.
CLIENT_MAX_URL = 65_536


class AsgiResponse:
    """What a direct ASGI request returns, like the test client's response."""

    def __init__(self, status_code: int, body: bytes):
        self.status_code = status_code
        self.text = body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.text)


def datasette_get(ds, url):
    """GET `url` with Datasette's test client, or, for a URL longer than the client takes,
    straight through Datasette's ASGI app (a server in front would refuse it sooner)."""
    if len("http://localhost" + url) <= CLIENT_MAX_URL:
        async def fetch():
            return await ds.client.get(url)
        return asyncio.run(fetch())
    path, _, query_string = url.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query_string.encode("ascii"), "headers": [(b"host", b"localhost")],
             "client": ("127.0.0.1", 50000), "server": ("localhost", 80)}
    status, body = [], []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    asyncio.run(ds.app()(scope, receive, send))
    return AsgiResponse(status[0], b"".join(body))


# -- the query grammar ----------------------------------------------------------------

@pytest.mark.parametrize("text", HOSTILE + SURROGATES, ids=IDS + ["surrogate0", "surrogate1", "surrogate2"])
def test_parse_is_bounded_and_valid_fts(db, text):
    """parse_query gives a valid FTS5 expression or a QueryError; never anything else."""
    try:
        parsed = timed(parse_query, text)
    except QueryError as exc:
        assert any(r in str(exc) for r in REFUSALS), exc
        assert timed(match_expression, text) == MATCH_NOTHING
        return
    assert operators_outside_strings(parsed.fts) <= {"(", ")", "AND", "OR", "NOT"}
    stems = sum(len(t.stems) for t in parsed.terms)
    assert stems <= MAX_TERMS
    assert sum(t.prefix for t in parsed.terms) <= MAX_PREFIXES
    assert all(len(t.stems[-1]) >= query_module.MIN_PREFIX for t in parsed.terms if t.prefix)
    timed(db.execute, "select count(*) from articles_fts where articles_fts match ?", [parsed.fts])


def test_operators_of_fts5_are_only_words():
    """NEAR, column filters, ^ and + never reach FTS5 as operators, only as words."""
    cases = {"NEAR(sanksi putin, 5)": ["near", "sanksi", "putin", "5"],
             "title_stem:sanksi": ["title stem sanksi"], "{title_stem}: sanksi": ["title stem", "sanksi"],
             "^sanksi": ["sanksi"], "+sanksi": ["sanksi"], "sanksi\" OR 1=1 --": ["sanksi", "or 1 1"]}
    for text, strings in cases.items():
        assert operators_outside_strings(parse_query(text).fts) <= {"(", ")", "AND", "OR", "NOT"}
        fts = dict(parse_query(text).stemmed)["id"]
        assert [m.strip('"') for m in FTS_STRING.findall(fts)] == strings, fts


def test_limits_and_their_notes():
    many = parse_query(" ".join(f"kata{i}" for i in range(200)))
    assert len(many.terms) == MAX_TERMS
    assert [t.stems[0] for t in many.terms] == [f"kata{i}" for i in range(MAX_TERMS)]
    assert any(f"only the first {MAX_TERMS} words" in n and "136 more" in n for n in many.notes)

    same = parse_query(" ".join(["sanksi"] * 250))
    assert same.fts == parse_query("sanksi").fts and not same.notes  # repeats count once
    long = parse_query(" ".join(["sanksi"] * 10_000))  # past MAX_QUERY_CHARS: read up to a whole word
    assert long.fts == same.fts and any("characters" in n for n in long.notes)

    phrase = parse_query('"' + " ".join(f"kata{i}" for i in range(100)) + '"')
    assert len(phrase.terms[0].stems) == MAX_TERMS and phrase.notes

    short = parse_query("sa* sanksi")
    assert not any(t.prefix for t in short.terms) and "at least 3 letters" in short.notes[0]
    assert parse_query("san*").terms[0].prefix and not parse_query("san*").notes

    prefixes = parse_query(" ".join(f"kat{i}*" for i in range(20)))
    assert sum(t.prefix for t in prefixes.terms) == MAX_PREFIXES
    assert any(f"at most {MAX_PREFIXES} prefixes" in n for n in prefixes.notes)

    deep = parse_query("(" * 50 + "sanksi OR putin" + ")" * 50 + " biden")
    assert any(f"deeper than {MAX_DEPTH}" in n for n in deep.notes)
    assert not parse_query("(sanksi OR putin) biden").notes


def test_deepest_allowed_nesting_is_valid_fts(db):
    """MAX_DEPTH levels of alternating AND/OR groups stay inside FTS5's parser stack."""
    text = "".join(f"(w{i} OR (v{i} " for i in range(MAX_DEPTH)) + ")" * (2 * MAX_DEPTH)
    text += " " + "".join(f"(x{i} -y{i} (z{i} OR " for i in range(MAX_DEPTH)) + "q" + ")" * (2 * MAX_DEPTH)
    parsed = parse_query(text)
    db.execute("select count(*) from articles_fts where articles_fts match ?", [parsed.fts]).fetchall()


def test_sql_functions_never_raise():
    conn = sqlite3.connect(":memory:")
    register_functions(conn)
    values = HOSTILE + [None, 3, 2.5, b"\xff\xfe", b"sanksi", 10**18]
    for value in values:
        text = value if isinstance(value, bytes) else f"Sanksi dijatuhkan. {value}"  # a BLOB too
        match, snip = conn.execute("select id_match(?), id_snippet(?, ?)", [value, text, value]).fetchone()
        assert isinstance(match, str) and isinstance(snip, str)
    odd = conn.execute("select id_snippet('Sanksi dijatuhkan.', 'sanksi', '[', ']', '…', 'many'),"
                       " id_snippet('a b c', 'b', '[', ']', '…', 1e300), id_snippet('a b', 'b', '[', ']', '…', -5),"
                       " id_snippet('a b', 'b', NULL, x'ff', 3)")
    assert odd.fetchone() == ("[Sanksi] dijatuhkan.", "a [b] c", "…[b]", "a <mark>b\ufffd")  # NULL: the default


def test_snippet_is_linear_in_long_texts():
    from kliping.archive.snippet import snippet

    text = "sanksi putin " * 50_000  # every word a match
    terms = parse_query("sanksi putin").terms
    out = timed(snippet, text, terms, size=10**9)
    assert out.count("<mark>") == 100_000


# -- search(), kliping search, Datasette -----------------------------------------------

@pytest.mark.parametrize("text", HOSTILE + SURROGATES, ids=IDS + ["surrogate0", "surrogate1", "surrogate2"])
def test_python_search_api(db, text):
    try:
        hits = timed(search, db, text)
    except QueryError as exc:
        assert expected_refusal(text) and any(r in str(exc) for r in REFUSALS), exc
        return
    assert isinstance(hits, list)
    assert timed(search, db, text, collapse=True) is not None


@pytest.mark.parametrize("text", HOSTILE + SURROGATES, ids=IDS + ["surrogate0", "surrogate1", "surrogate2"])
def test_cli_search(archive, before, text):
    # after "--" (a query of "--" alone would end the options and take "--db" for words)
    result = timed(kliping, "search", "--db", archive, "--json", "--", text)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if expected_refusal(text):
        assert result.exit_code == 1 and any(r in result.stderr for r in REFUSALS), result.stderr
    else:
        assert result.exit_code == 0, result.output
    assert "fts5" not in result.stderr and "sqlite" not in result.stderr.lower()


def test_cli_notes_what_was_left_out(archive):
    result = kliping("search", *[f"kata{i}" for i in range(100)], "sanksi", "--db", archive)
    assert result.exit_code == 0
    assert f"Note: only the first {MAX_TERMS} words are searched; 37 more were left out." in result.stderr
    result = kliping("search", "sa*", "--db", archive)
    assert "prefixes need at least 3 letters" in result.stderr


def test_cli_search_in_a_real_process(archive):
    """Through argv and real stdout/stderr (a 10,000-term argument, undecodable bytes)."""
    if not KLIPING.exists():
        pytest.skip("the kliping script is not installed beside this Python")
    queries = [HUGE["10k distinct terms"], "'; DROP TABLE articles; --", "NEAR(sanksi putin, 999999999)",
               "\u202esanksi\u202c san\u200bksi", "\x1b[31msanksi"]
    for text in queries:
        start = time.perf_counter()
        proc = subprocess.run([str(KLIPING), "search", text, "--db", str(archive)],
                              capture_output=True, timeout=60)
        assert time.perf_counter() - start < BOUND + 5  # the interpreter's start-up included
        assert proc.returncode == 0, proc.stderr
        assert b"Traceback" not in proc.stderr
    proc = subprocess.run([str(KLIPING).encode(), b"search", b"\xff\xfe sanksi", b"--db", bytes(archive)],
                          capture_output=True, timeout=60)
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr


def _url(text: str, fmt: str = "") -> str:
    return f"/kliping/search{fmt}?q=" + quote_plus(text)


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_datasette_canned_search(ds, text):
    response = timed(datasette_get, ds, _url(text, ".json") + "&_shape=objects")
    assert response.status_code == 200, response.text[:300]
    data = response.json()
    assert data.get("ok", True) and data.get("error") in (None, "") and isinstance(data["rows"], list)
    page = timed(datasette_get, ds, _url(text))
    assert page.status_code == 200
    assert "<title>Error" not in page.text and "Invalid SQL" not in page.text
    assert "SQL Interrupted" not in page.text and "Traceback" not in page.text


@pytest.mark.parametrize("raw", ["%00", "%FF%FE", "%ED%B3%BF", "%C0%80", "sanksi%00%00", "%E2%80%AE%D8%B9",
                                 "%25%27%22", "sanksi&q=putin", "&q="])
def test_datasette_undecodable_and_odd_query_strings(ds, raw):
    response = timed(datasette_get, ds, "/kliping/search.json?_shape=objects&q=" + raw)
    assert response.status_code == 200 and response.json().get("error") in (None, "")
    assert timed(datasette_get, ds, "/kliping/search?q=" + raw).status_code == 200


def test_datasette_canned_search_ignores_sql_and_cannot_write(ds, archive, before):
    canned = ds.metadata()["databases"]["kliping"]["queries"]["search"]
    assert not canned.get("write") and canned["sql"].lstrip().lower().startswith("select")
    response = datasette_get(ds, "/kliping/search.json?_shape=objects&q=sanksi&sql="
                             + quote_plus("delete from articles"))
    assert response.status_code == 200 and len(response.json()["rows"]) == 5
    assert ds.setting("sql_time_limit_ms") == SETTINGS["sql_time_limit_ms"] == 1000
    assert snapshot(archive) == before


# -- the time limit ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_archive(tmp_path_factory, archive):
    """The samples and 3,000 synthetic articles drawn from their vocabulary: every word
    in most articles, so a broad query has a lot to rank."""
    path = tmp_path_factory.mktemp("big") / "kliping.db"
    shutil.copy(archive, path)
    for suffix in ("-wal", "-shm"):
        if Path(f"{archive}{suffix}").exists():
            shutil.copy(f"{archive}{suffix}", f"{path}{suffix}")
    db = open_archive(path, create=False)
    vocab = " ".join(r[0] or "" for r in db.execute("select text from articles")).split()
    rnd = random.Random(8)
    rows = []
    for i in range(3_000):
        title = " ".join(rnd.choices(vocab, k=8))
        text = " ".join(rnd.choices(vocab, k=250))
        rows.append((f"synthetic:{i}", "synthetic", title, text, f"h{i}", stem_text(title), stem_text(text)))
    with db.conn:
        db.conn.executemany("insert into articles(key, outlet, title, text, content_hash, title_stem, text_stem)"
                            " values (?, ?, ?, ?, ?, ?, ?)", rows)
    words = sorted({w for w in stem_text(" ".join(vocab)).split() if w.isalpha() and len(w) > 3})
    db.close()
    return path, " OR ".join(words[:MAX_TERMS])


def test_broad_queries_on_a_larger_archive_stay_bounded(big_archive):
    path, broad = big_archive
    db = open_archive(path, create=False)
    prefixes = " OR ".join(f"{w[:3]}*" for w in broad.split(" OR ")[::4][:MAX_PREFIXES])
    for text in (broad, prefixes, HUGE["10k ORs"], HUGE["10k prefixes"]):
        assert timed(search, db, text, collapse=True) is not None
    db.close()
    ds = make_datasette(path)
    for text in (broad, prefixes):
        response = timed(datasette_get, ds, _url(text, ".json"))
        assert response.status_code == 200 and response.json()["rows"], response.text[:300]


def test_time_limit_stops_a_slow_search(big_archive):
    path, broad = big_archive
    before = snapshot(path)
    db = open_archive(path, create=False)
    assert len(search(db, broad, collapse=True, limit=3, timeout=None)) == 3  # it does finish
    start = time.perf_counter()
    with pytest.raises(SearchTimeout, match=r"took longer than 0\.001 s and was stopped"):
        search(db, broad, collapse=True, timeout=0.001)
    assert time.perf_counter() - start < 1.0
    assert db.execute("PRAGMA query_only").fetchone() == (0,)  # the connection is as it was
    assert len(search(db, "sanksi", timeout=5)) >= 5  # and still works
    db.close()

    result = kliping("search", broad, "--collapse", "--timeout", "0.001", "--db", path)
    assert result.exit_code == 3, result.output
    assert "took longer than 0.001 s and was stopped" in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""
    assert isinstance(result.exception, SystemExit)
    refused = kliping("search", "sanksi", "--timeout", "0", "--db", path)
    assert refused.exit_code == 2 and "--timeout" in refused.stderr
    assert snapshot(path) == before


def test_search_runs_query_only(db):
    """While search() runs, the connection cannot write (PRAGMA query_only)."""
    from kliping.archive.search import bounded

    with bounded(db.conn, 5):
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
            db.conn.execute("delete from articles")
    assert db.execute("PRAGMA query_only").fetchone() == (0,)


# -- last: nothing changed ----------------------------------------------------------------

def test_archive_unchanged_after_everything(archive, before, db):
    after = snapshot(archive)
    assert after["integrity"] == [("ok",)]
    assert after == before
    assert db.execute("select count(*) from articles").fetchone() == (5,)
    with sqlite3.connect(archive) as conn:  # the full-text index agrees with the table
        conn.execute("insert into articles_fts(articles_fts) values ('integrity-check')")
