"""Issue 18: no hang, no crash, no unbounded memory, no escape, whatever the input.

Each test here failed before its fix."""
from __future__ import annotations

import subprocess
import sys
import pytest
import textwrap

from pathlib import Path

from conftest import ROOT


def run_python(code: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter from the project root; a hang fails the test."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, **kwargs)


def test_a_pool_left_unfinished_does_not_hang_the_exit():
    """A consumer that stops reading (an error mid-stream, disk full) and keeps the
    stream referenced: the pool's feeding thread used to wait for good on the read-ahead."""
    done = run_python("""
        import time
        from kliping.cleaner.batch import pool_map
        def init(): pass
        def double(x): return 2 * x
        ITEMS = pool_map(double, iter(range(10**7)), 2, init, ())
        for i, r in enumerate(ITEMS):
            if i == 100:
                time.sleep(0.5)  # the feeding thread is now waiting for a free slot
                break
        print("left")
    """, timeout=30)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "left"


# ------------------------------------------------------------- bounded memory (items 5, 6)

import gzip
import tracemalloc

from kliping.cleaner.inputs import InputError, RawDoc, iter_documents

#: The caps these tests set, and the size of what they feed: far over the cap, so that
#: reading it whole would show in the peak.
CAP = 1 << 20
HUGE = 64 << 20


def read_all(path, limit=CAP) -> tuple[list, int]:
    """The documents of one input read with `limit`, and the peak memory it took."""
    tracemalloc.start()
    try:
        items = list(iter_documents([str(path)], max_bytes=limit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return items, peak


def test_gzip_bomb_line_is_reported_and_the_next_record_still_read(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    good = b'{"url": "https://x.id/b", "text": "Judul\\n\\nIsi berita yang baik."}\n'
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"url": "https://x.id/a", "text": "')
        for _ in range(HUGE // (1 << 20)):
            fh.write(b"a" * (1 << 20))
        fh.write(b'"}\n' + good)
    assert path.stat().st_size < HUGE // 100  # a bomb: tiny on disk
    items, peak = read_all(path)
    assert [type(i) for i in items] == [InputError, RawDoc]
    assert items[0].source.endswith("dump.jsonl.gz:1")
    assert "longer than" in items[0].message and "1 MiB" in items[0].message
    assert items[1].source.endswith(":2") and items[1].url == "https://x.id/b"
    assert peak < 12 * CAP


def test_warc_response_whose_content_encoding_is_a_bomb(tmp_path):
    from warc_samples import PAGE_1, write_response
    body = gzip.compress(b"<html><body><p>" + b"x" * HUGE + b"</p></body></html>", compresslevel=9)
    bomb = write_response(tmp_path / "bomb.warc", False, "https://x.id/bomb", body, "text/html",
                          ("Content-Encoding", "gzip"))
    good = write_response(tmp_path / "good.warc", False, "https://x.id/good", PAGE_1.encode(), "text/html")
    both = tmp_path / "both.warc"
    both.write_bytes(bomb.read_bytes() + good.read_bytes())
    items, peak = read_all(both)
    assert [type(i) for i in items] == [InputError, RawDoc]
    assert items[0].source.endswith("both.warc#1") and "larger than" in items[0].message
    assert items[1].url == "https://x.id/good"
    assert peak < 12 * CAP


def test_one_line_text_file_over_the_cap_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        for _ in range(HUGE // (1 << 20)):
            fh.write(b"kata " * (1 << 18))
    items, peak = read_all(path)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "larger than 1 MiB" in items[0].message
    assert peak < 12 * CAP


def test_the_cap_is_a_command_line_option(run_cli, tmp_path):
    (tmp_path / "big.txt").write_text("Judul\n\n" + "Isi berita ini panjang. " * 100_000)
    (tmp_path / "small.txt").write_text("Judul Berita\n\nJAKARTA - Isi berita yang pendek sekali, "
                                         "cukup untuk satu paragraf yang baik.\n")
    result = run_cli("clean", str(tmp_path), "--max-size", "1")
    assert result.exit_code == 1
    assert "big.txt: larger than 1 MiB" in result.stderr
    assert result.stdout.count("\n") == 1


# ------------------------------------------------------------- inputs and names (items 2, 7, 10, 15)

import json
import os
import shutil

from conftest import SAMPLES

KLIPING = [sys.executable, "-c", "from kliping.cli import main; main()"]


def kliping(*args, stdout=subprocess.PIPE, cwd=None, timeout=60) -> subprocess.CompletedProcess:
    return subprocess.run([*KLIPING, *args], stdout=stdout, stderr=subprocess.PIPE, cwd=cwd or ROOT,
                          timeout=timeout)


def copy_samples(folder, count=2):
    folder.mkdir(exist_ok=True)
    for sample in sorted(SAMPLES.glob("*.txt"))[:count]:
        shutil.copy(sample, folder / sample.name)
    return folder


def test_clean_into_a_file_inside_the_folder_it_reads_ends(tmp_path):
    folder = copy_samples(tmp_path / "in")
    out = folder / "out.jsonl"
    with open(out, "wb") as fh:
        done = kliping("clean", str(folder), stdout=fh)
    stderr = done.stderr.decode()
    assert f"{out}: input file is also the output; skipped" in stderr
    assert done.returncode == 0, stderr
    assert len(out.read_text().splitlines()) == 2


def test_file_names_that_are_not_utf8_are_escaped_and_stored(tmp_path):
    folder = copy_samples(tmp_path / "in", count=1)
    odd = os.fsencode(folder) + b"/caf\xe9.txt"
    sample = next(folder.glob("*.txt")).read_bytes()  # before the new file exists (a glob may list it)
    with open(odd, "wb") as fh:
        fh.write(b"Judul Lain\n\n" + sample)
    done = kliping("clean", str(folder))
    assert done.returncode == 0, done.stderr
    sources = [json.loads(line)["source"] for line in done.stdout.decode("utf-8").splitlines()]
    assert f'"{folder}/caf\\xe9.txt"' in sources
    db = tmp_path / "k.db"
    stored = kliping("ingest", str(folder), "--db", str(db))
    assert stored.returncode == 0, stored.stderr
    assert b"2 documents" in stored.stdout and b"0 failed" in stored.stdout
    import sqlite3
    with sqlite3.connect(db) as conn:
        sources = [row[0] for row in conn.execute("select source from raw")]
    assert f'"{folder}/caf\\xe9.txt"' in sources


def test_a_file_name_cannot_forge_a_line_of_the_error_output(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\nkliping: all good.txt").write_bytes(b"\x00\x01binary")
    done = kliping("clean", str(folder))
    lines = done.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f'kliping: "{folder}/a\\nkliping: all good.txt": ')
    assert done.returncode == 1


def test_walk_says_what_it_passed_over(tmp_path):
    folder = copy_samples(tmp_path / "in", count=1)
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "list.csv").write_text("a,b")
    (folder / "page.txt.gz").write_bytes(b"\x1f\x8b")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    done = kliping("clean", str(folder))
    assert done.returncode == 0
    [line] = done.stderr.decode().splitlines()
    assert line == ("kliping: skipped 4 files: 2 with another ending (.csv, .pdf); "
                    "1 dangling link; 1 gzip-compressed page (gunzip it to read it)")


def test_no_input_at_all_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    done = kliping("clean", str(tmp_path / "empty"))
    assert done.returncode == 1
    assert b"no input" in done.stderr and b"Traceback" not in done.stderr
    done = kliping("ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "k.db"))
    assert done.returncode == 1 and b"no input" in done.stderr


# ------------------------------------------------------------- control characters (item 9)

HOSTILE = "\x1b]0;owned\x07\x1b[2J"


def test_control_characters_are_stripped_from_every_field(rules):
    from kliping.cleaner import clean_text
    text = (f"Judul {HOSTILE}Berita Banjir\n\nPenulis: Ani{HOSTILE} | Editor: Budi\x9b\n\n"
            f"JAKARTA - Banjir merendam{HOSTILE} ratusan rumah warga di Jakarta Timur pada Senin pagi.\n\n"
            f"Baca Juga: Banjir Lagi{HOSTILE}\n")
    fields = clean_text(text, rules=rules, outlet="generic").to_dict()
    flat = json.dumps(fields, ensure_ascii=False)
    assert not any(c in flat for c in "\x1b\x07\x9b"), flat
    assert fields["title"] == "Judul ]0;owned[2JBerita Banjir" and fields["editor"] == "Budi"
    page = (f"<html><head><title>Judul{HOSTILE}</title><meta name='author' content='Ani{HOSTILE}'></head>"
            f"<body><article><h1>Judul{HOSTILE}</h1>"
            + "<p>JAKARTA - Banjir merendam ratusan rumah warga di Jakarta Timur pada Senin pagi, kata "
              f"petugas{HOSTILE} pemadam kebakaran setempat kepada wartawan yang meliput.</p>"
              "<p>Air mulai surut pada sore hari setelah hujan berhenti, tetapi warga masih bertahan di "
              "tempat pengungsian karena takut hujan turun lagi pada malam harinya.</p>"
            + "</article></body></html>")
    html = clean_text(page, rules=rules, content_type="text/html").to_dict()
    assert not any(c in json.dumps(html, ensure_ascii=False) for c in "\x1b\x07"), html


def test_search_output_escapes_what_an_archive_holds(tmp_path):
    """An archive written by an older kliping (or by hand) may hold control characters:
    `kliping search` on a terminal must not pass them to it."""
    import sqlite3
    from conftest import ingest_samples
    db = ingest_samples(tmp_path / "k.db")
    with sqlite3.connect(db) as conn:
        conn.execute("update articles set title = ? || title", (HOSTILE,))
    done = kliping("search", "sanksi", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout
    assert b"\\x1b]0;owned\\x07" in done.stdout


# ------------------------------------------------------------- rules that extend in a loop (item 14)

def test_extends_loops_and_unknown_parents_are_found_with_file_and_line(tmp_path, run_cli):
    (tmp_path / "a.toml").write_text('name = "A"\nlanguage = "id"\nextends = "b"\n')
    (tmp_path / "b.toml").write_text('name = "B"\nextends = "a"\n')
    (tmp_path / "c.toml").write_text('name = "C"\n\nextends = "nosuch"\n')
    checked = run_cli("rules", "check", str(tmp_path / "a.toml"), str(tmp_path / "b.toml"), str(tmp_path / "c.toml"))
    assert checked.exit_code == 1
    assert f"{tmp_path / 'a.toml'}:3:" in checked.output and "extends loops: a -> b -> a" in checked.output
    assert f"{tmp_path / 'b.toml'}:2:" in checked.output
    assert f"{tmp_path / 'c.toml'}:3:" in checked.output and "unknown rule 'nosuch'" in checked.output
    cleaned = run_cli("clean", str(ROOT / "samples" / "kontan-putin-biden.txt"), "--rules", str(tmp_path))
    assert cleaned.exit_code != 0 and f"{tmp_path / 'a.toml'}:3:" in cleaned.stderr


# ------------------------------------------------------------- the archive as a file (items 11, 12, 13)

import sqlite3
import tempfile


def test_write_commands_leave_everything_in_the_main_file(tmp_path):
    """A copy of the .db alone holds every article, even while another connection
    keeps the WAL open (a `serve` running during an ingest)."""
    from conftest import ingest_samples
    db = tmp_path / "k.db"
    ingest_samples(db)
    reader = sqlite3.connect(db)  # another process's connection, open through the ingest
    reader.execute("select count(*) from articles").fetchone()
    pages = tmp_path / "pages"  # 200 real pages: the corpus grows, this test's work does not
    pages.mkdir()
    for page in sorted((ROOT / "tests" / "corpus" / "text").glob("*.txt"))[:200]:
        shutil.copy(page, pages)
    done = kliping("ingest", str(pages), "--db", str(db), "-q")
    assert done.returncode == 0, done.stderr
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())  # the main file only, no -wal
    with sqlite3.connect(copy) as conn:
        copied = conn.execute("select count(*) from articles").fetchone()[0]
    reader.close()
    with sqlite3.connect(db) as conn:
        assert copied == conn.execute("select count(*) from articles").fetchone()[0] > 100


def _without_root_override() -> list[str]:
    """A command prefix under which file permissions apply even to root (CI runs as
    root, which writes to read-only files otherwise)."""
    if os.getuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    return ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def test_reading_commands_work_on_an_archive_in_a_read_only_folder(tmp_path):
    from conftest import ingest_samples
    folder = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        db = ingest_samples(folder / "k.db")
        os.chmod(db, 0o444)
        os.chmod(folder, 0o555)
        for args in (["search", "sanksi"], ["dupes"], ["search", "putin", "--json"]):
            done = subprocess.run([*_without_root_override(), *KLIPING, *args, "--db", str(db)],
                                  capture_output=True, cwd=ROOT, timeout=60)
            assert done.returncode == 0, (args, done.stderr.decode())
            assert b"readonly" not in done.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["k.db"]
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_serving_beyond_this_machine_warns_and_keeps_raw_and_free_sql_out(archive):
    import asyncio
    from kliping.archive.serve import make_datasette

    def status(ds, url):
        async def fetch():
            return (await ds.client.get(url)).status_code
        return asyncio.run(fetch())

    public = make_datasette(archive, public=True)
    assert status(public, "/kliping/raw.json") == 403
    assert status(public, "/kliping/signatures.json") == 403
    assert status(public, "/kliping.json?sql=select+source+from+raw") == 403
    assert status(public, "/kliping/articles.json") == 200
    assert status(public, "/kliping/search.json?q=sanksi") == 200
    local = make_datasette(archive)
    assert status(local, "/kliping/raw.json") == 200


def test_serve_on_all_interfaces_says_what_it_shares(archive):
    from kliping.cli.archive import serve_warning
    assert serve_warning("127.0.0.1", all_tables=False) is None
    warning = serve_warning("0.0.0.0", all_tables=False)
    assert "anyone who can reach" in warning and "raw" in warning and "--all-tables" in warning
    assert "free SQL" in serve_warning("0.0.0.0", all_tables=True)


# ------------------------------------------------------------- Ctrl-C (item 8)

import signal
import time


def test_ctrl_c_during_a_parallel_ingest_stops_with_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        for i in range(2000):  # enough that no machine finishes before the Ctrl-C below
            (folder / f"{i:04d}-{sample.name}").write_text(f"Varian {i}\n\n" + text, encoding="utf-8")
    # As a terminal starts a command: Ctrl-C at its default action. A test run started in
    # the background of a script inherits SIGINT ignored, and so would the ingest (Python
    # then never raises KeyboardInterrupt: it runs to its end, as nohup asks).
    proc = subprocess.Popen([*KLIPING, "ingest", str(folder), "--db", str(tmp_path / "k.db"), "--jobs", "2", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)
    assert proc.poll() is None, "the ingest ended before the Ctrl-C: give it more input"
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    out, err = proc.communicate(timeout=60)
    lines = err.decode().strip().splitlines()
    assert b"Traceback" not in err, err.decode()[-2000:]
    assert len(lines) == 1 and "interrupted" in lines[0], lines
    assert proc.returncode == 130


# ------------------------------------------------------------- SQL functions' work (item 4)

def test_sql_functions_do_bounded_work_whatever_their_arguments(archive):
    """Datasette's time limit cannot interrupt a Python function: each bounds its own work."""
    from kliping.archive.db import open_archive
    db = open_archive(archive, create=False, readonly=True)
    huge_query = "sanksi " * 1_500_000  # 10 MB
    started = time.process_time()
    db.execute("select id_match(?)", [huge_query]).fetchone()
    db.execute("select id_snippet(text, 'sanksi', '<', '>', '…', 100000000) from articles").fetchall()
    db.execute("select id_snippet(?, ?)", ["kata sanksi lain " * 600_000, huge_query]).fetchone()
    assert time.process_time() - started < 3
    from kliping.archive.query import parse_query
    notes = parse_query("sanksi " * 1000 + "embargo").notes
    assert any("characters" in n for n in notes)


# ------------------------------------------------------------- a time budget per document (item 3)

SLOW = r"^.*,.*,.*,.*,.*,.*P"  # overlapping repeats in a row: slow, and not refused at load


def test_a_slow_pattern_costs_its_document_a_clear_error_not_the_run(tmp_path, run_cli):
    from kliping.cleaner.regex_safety import why_unsafe
    assert why_unsafe(SLOW) is None  # what slips through the load-time check
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "acme.toml").write_text(f"name = 'Acme'\n[body]\ndrop = ['{SLOW}']\n")
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a-slow.txt").write_text("Judul Berita\n\n" + "a," * 400 + "x\n")
    shutil.copy(SAMPLES / "kontan-putin-biden.txt", docs / "b-good.txt")
    started = time.monotonic()
    result = run_cli("clean", str(docs), "--rules", str(rules), "--outlet", "acme", "--time-limit", "1")
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    [error] = result.stderr.strip().splitlines()
    assert error.startswith(f"kliping: {docs / 'a-slow.txt'}: cannot clean: OverBudget: took longer than 1 s")
    assert json.loads(result.stdout)["source"].endswith("b-good.txt")


def test_the_budget_puts_back_a_timer_set_around_it():
    import signal
    from kliping.cleaner.budget import OverBudget, time_budget
    signal.setitimer(signal.ITIMER_VIRTUAL, 30)
    try:
        with time_budget(5):
            pass
        assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] > 29
        with pytest.raises(OverBudget):
            with time_budget(0.2):
                _burn_cpu(2)
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)


def _burn_cpu(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_the_budget_counts_cpu_time_not_a_busy_machines_wall_time():
    """The same document cleans, or fails, whatever else the machine runs: the budget
    counts the CPU time cleaning takes, so waiting for a core on a loaded machine (or a
    worker paused) spends none of it; a pattern backtracking still runs out of it."""
    from kliping.cleaner.budget import OverBudget, time_budget
    with time_budget(0.2):
        time.sleep(0.5)  # no CPU spent: as a document waiting for its turn on a busy machine
    with pytest.raises(OverBudget):
        with time_budget(0.2):
            _burn_cpu(2)
