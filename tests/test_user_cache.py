"""What kliping keeps between runs (user_cache.py) never changes an answer: the regex
cache returns the pattern objects `re.compile` makes and the rule cache the TOML a rule
file holds now, whatever state the cache is in: missing, damaged, made by another
Python or kliping, in a directory that cannot be written, older than a rule file."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kliping.cleaner import load_rules, regex_cache, user_cache
from kliping.cleaner.regex_cache import RegexCache
from kliping.cleaner.user_cache import cache_dir
from kliping.cleaner.rules import expand

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "inews-putin-biden.txt"


def shipped_patterns() -> list[tuple[str, int]]:
    """Every pattern of the shipped rules, with the flags it is compiled with."""
    found = []
    for rule in load_rules():
        found += [(p.regex.pattern, p.regex.flags & ~re.UNICODE) for p in rule.fingerprints + rule.generators]
        for key in rule.own:
            found += [(p.regex.pattern, p.regex.flags & ~re.UNICODE) for p in rule.own[key]]
    return found


def test_every_shipped_pattern_read_back_from_the_file_is_the_one_re_makes(tmp_path):
    path = str(tmp_path / "regex.json")
    patterns = shipped_patterns() + [(r"(?P<day>\d+) (?P=day)", re.I), (r"[\u3040-\u30ff]+", 0), (r"^x$", re.M)]
    assert len(patterns) > 500
    first = RegexCache(path)
    made = [first.compile(p, f) for p, f in patterns]
    first.save()
    again = RegexCache(path)
    for (pattern, flags), before in zip(patterns, made):
        cached = again.compile(pattern, flags)
        plain = re.compile(pattern, flags)
        assert cached == plain == before, pattern  # equal: same pattern, flags and code
        assert cached.groupindex == plain.groupindex and cached.groups == plain.groups
    assert not again._added  # all were in the file: nothing compiled afresh


def test_a_pattern_read_back_matches_as_re_compile_does(tmp_path):
    path = str(tmp_path / "regex.json")
    RegexCache(path).compile(r"(?P<kota>[A-Z]+), (?P<tanggal>\d{1,2}) (?:Jan|Feb)\w*", re.I)
    RegexCache(path).save()
    cache = RegexCache(path)
    cache.compile(r"(?P<kota>[A-Z]+), (?P<tanggal>\d{1,2}) (?:Jan|Feb)\w*", re.I)
    cache.save()
    cached = RegexCache(path).compile(r"(?P<kota>[A-Z]+), (?P<tanggal>\d{1,2}) (?:Jan|Feb)\w*", re.I)
    m = cached.search("Berita: jakarta, 5 januari 2022")
    assert m.groupdict() == {"kota": "jakarta", "tanggal": "5"} and m.group(0) == "jakarta, 5 januari"


def test_a_bad_pattern_raises_re_error_and_is_not_kept(tmp_path):
    cache = RegexCache(str(tmp_path / "regex.json"))
    with pytest.raises(re.error):
        cache.compile(r"(unclosed")
    assert cache._entries == {}


def write_cache(tmp_path, patterns) -> str:
    path = str(tmp_path / "regex.json")
    cache = RegexCache(path)
    for p in patterns:
        cache.compile(p)
    cache.save()
    return path


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b"\x00\xff" * 40,
    lambda b: b[: len(b) // 2],  # cut short: the checksum fails
    lambda b: b.replace(b'"crc32"', b'"crc33"'),
    lambda b: b"{}\n{}",
    lambda b: b"[]\n[]",
    lambda b: b.split(b"\n")[0].replace(b'"python": "', b'"python": "2.7 ') + b"\n" + b.split(b"\n", 1)[1],
])
def test_a_damaged_cache_file_is_ignored_and_rewritten(tmp_path, damage):
    path = write_cache(tmp_path, [r"Baca [Jj]uga:?", r"\d{4}-\d{2}"])
    Path(path).write_bytes(damage(Path(path).read_bytes()))
    cache = RegexCache(path)
    assert cache.compile(r"Baca [Jj]uga:?") == re.compile(r"Baca [Jj]uga:?")
    cache.save()
    assert RegexCache(path)._load() == {"0:Baca [Jj]uga:?": cache._entries["0:Baca [Jj]uga:?"]}


@pytest.mark.parametrize("entry", [
    [32, 0, {}, "AAAA"],  # code the engine refuses
    [32, 0, {}, "not base64!"],
    ["x", 0, {}, ""],
    [32, 0],
    "a string",
    {"a": 1},
])
def test_a_bad_entry_with_a_good_checksum_is_compiled_afresh(tmp_path, entry):
    """A file whose checksum holds but whose entry does not (written by a mistaken run)."""
    path = str(tmp_path / "regex.json")
    user_cache.write(path, regex_cache._made_by(), {"0:Baca juga": entry})
    assert RegexCache(path)._load() == {"0:Baca juga": entry}
    cache = RegexCache(path)
    assert cache.compile("Baca juga") == re.compile("Baca juga")
    assert cache.compile("Baca juga").search("Baca juga: x")


def test_a_directory_that_cannot_be_written_costs_only_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = RegexCache(str(blocker / "kliping" / "regex.json"))
    assert cache.compile(r"\bfoto\b", re.I) == re.compile(r"\bfoto\b", re.I)
    cache.save()  # no exception
    assert blocker.read_text() == "not a directory"


def test_where_the_cache_lives(monkeypatch, tmp_path):
    monkeypatch.setenv("KLIPING_CACHE_DIR", str(tmp_path))
    assert cache_dir() == str(tmp_path)
    monkeypatch.setenv("KLIPING_CACHE_DIR", "")
    assert cache_dir() is None
    monkeypatch.delenv("KLIPING_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache_dir() == str(tmp_path / "xdg" / "kliping")
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as XDG says
        assert cache_dir() == os.path.expanduser("~/.cache/kliping")


def run_clean(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from kliping.cli import main; main()", "clean", str(SEED)], capture_output=True,
                          text=True, env={**os.environ, **env}, cwd=ROOT, timeout=120)


def test_a_command_writes_the_cache_once_and_reads_it_after(tmp_path):
    first = run_clean({"KLIPING_CACHE_DIR": str(tmp_path)})
    files = sorted(tmp_path.iterdir())
    assert [f.name.split("-")[0] for f in files] == ["regex", "rules"]
    stamps = [f.stat().st_mtime_ns for f in files]
    second = run_clean({"KLIPING_CACHE_DIR": str(tmp_path)})
    assert [f.stat().st_mtime_ns for f in files] == stamps  # nothing new: not written again
    off = run_clean({"KLIPING_CACHE_DIR": ""})
    assert first.returncode == second.returncode == off.returncode == 0, first.stderr + second.stderr
    assert first.stdout == second.stdout == off.stdout and json.loads(first.stdout)["title"]


def test_a_changed_rule_pattern_is_a_new_entry_never_a_stale_one(tmp_path):
    """A cache made with a rule's old pattern, then the pattern edited: the new text is
    compiled, and the rule matches what the new pattern matches."""
    path = str(tmp_path / "regex.json")
    old, new = expand(r"^Baca juga: .+$"), expand(r"^Simak juga: .+$")
    cache = RegexCache(path)
    cache.compile(old)
    cache.save()
    cache = RegexCache(path)
    assert cache.compile(new).search("Simak juga: berita lain") and not cache.compile(new).search("Baca juga: x")


def test_the_module_function_uses_one_cache(monkeypatch, tmp_path):
    monkeypatch.setattr(regex_cache, "_CACHE", None)
    monkeypatch.setenv("KLIPING_CACHE_DIR", str(tmp_path))
    assert regex_cache.compile(r"\d+ menit") == re.compile(r"\d+ menit")
    assert regex_cache._CACHE.path.startswith(str(tmp_path))


def shipped_copy(tmp_path, monkeypatch) -> Path:
    """The shipped rules copied to a folder the tests can edit, loaded as the shipped ones."""
    import shutil
    import kliping.cleaner.rule_loader as loader
    folder = tmp_path / "rules"
    shutil.copytree(loader.builtin_rules_dir(), folder)
    monkeypatch.setattr(loader, "builtin_rules", lambda: folder)
    monkeypatch.setenv("KLIPING_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def reads_counted(monkeypatch) -> list:
    import kliping.cleaner.rule_loader as loader
    calls = []
    real = loader._read
    monkeypatch.setattr(loader, "_read", lambda path, **kw: calls.append(Path(path).name) or real(path, **kw))
    return calls


def test_the_rules_read_from_the_cache_are_the_rules_in_the_files(tmp_path, monkeypatch):
    shipped_copy(tmp_path, monkeypatch)
    calls = reads_counted(monkeypatch)
    fresh = load_rules()
    assert len(calls) == len(fresh) >= 20
    calls.clear()
    cached = load_rules()
    assert calls == []  # every file's TOML from the cache
    for rule in fresh:
        again = cached[rule.id]
        assert again.data == rule.data and again.tests == rule.tests and again.hosts == rule.hosts, rule.id
        assert [p.source for p in again.patterns("body.drop")] == [p.source for p in rule.patterns("body.drop")]
    text = SEED.read_text("utf-8")
    from kliping.cleaner import clean_text
    assert clean_text(text, rules=cached).to_dict() == clean_text(text, rules=fresh).to_dict()


@pytest.mark.parametrize("edit", ["longer", "same size"])
def test_a_rule_file_changed_since_is_read_again(tmp_path, monkeypatch, edit):
    folder = shipped_copy(tmp_path, monkeypatch)
    load_rules()
    path = folder / "generic.toml"
    text = path.read_text("utf-8")
    assert 'name = "Generic' in text
    if edit == "longer":
        changed = text.replace('name = "Generic', 'name = "Umum, generic', 1)
    else:  # same size, one letter changed: only the modification time tells
        changed = text.replace('name = "Generic', 'name = "Gxneric', 1)
        assert len(changed) == len(text)
    path.write_text(changed, "utf-8")
    calls = reads_counted(monkeypatch)
    assert load_rules()["generic"].name.startswith(("Umum", "Gxneric"))
    assert calls == ["generic.toml"]
    calls.clear()
    assert load_rules()["generic"].name.startswith(("Umum", "Gxneric")) and calls == []


def test_a_damaged_rule_cache_is_read_past(tmp_path, monkeypatch):
    shipped_copy(tmp_path, monkeypatch)
    want = {rule.id: rule.data for rule in load_rules()}
    (cache,) = [p for p in (tmp_path / "cache").iterdir() if p.name.startswith("rules-")]
    body = cache.read_bytes()
    for damaged in (body[:-10], b"garbage", body.replace(b'"format":1', b'"format":0')):
        cache.write_bytes(damaged)
        assert {rule.id: rule.data for rule in load_rules()} == want
    from kliping.cleaner.rule_loader import ParsedRules
    held = user_cache.read(str(cache), ParsedRules.MADE_BY)
    some = next(iter(held))
    for entry in ([[0, 0], {}], "x", [held[some][0], "not a dict"], [held[some][0]]):  # checksum good, entry not
        user_cache.write(str(cache), ParsedRules.MADE_BY, {**held, some: entry})
        assert {rule.id: rule.data for rule in load_rules()} == want


def test_a_batch_keeps_its_joined_screens_in_a_file_of_their_own(tmp_path):
    """A batch long enough to join the rules' patterns (screens, the fingerprint index)
    keeps the joined regexes in joined-*.json, read back by the next run unchanged; the
    articles are the same with the cache and without it."""
    scrapes = sorted((ROOT / "tests" / "corpus" / "text").glob("*.txt"))[:60]
    if len(scrapes) < 40:
        pytest.skip("tests/corpus not present")

    def batch(env):
        return subprocess.run([sys.executable, "-c", "from kliping.cli import main; main()", "clean", "-j", "1", "-q",
                               *map(str, scrapes)], capture_output=True, text=True, env={**os.environ, **env},
                              cwd=ROOT, timeout=300)

    first = batch({"KLIPING_CACHE_DIR": str(tmp_path)})
    joined = sorted(tmp_path.glob("joined-*.json"))
    assert len(joined) == 1 and len(RegexCache(str(joined[0]))._load()) > 10
    stamp = joined[0].stat().st_mtime_ns
    second = batch({"KLIPING_CACHE_DIR": str(tmp_path)})
    assert joined[0].stat().st_mtime_ns == stamp  # every joined regex read back, none new
    off = batch({"KLIPING_CACHE_DIR": ""})
    assert first.returncode == second.returncode == off.returncode == 0, first.stderr
    assert first.stdout == second.stdout == off.stdout and first.stdout.count("\n") == len(scrapes)


def test_past_its_bound_a_cache_file_drops_the_entries_longest_unused(tmp_path):
    """Past its bound a cache file keeps this run's entries and, of the others, those
    written or used last: two batches that each use most of the bound (the seed
    variants, then tests/corpus) do not throw each other's entries out every run."""
    path = str(tmp_path / "joined.json")
    first = RegexCache(path, max_entries=4)
    for source in ("a+", "b+", "c+"):
        first.compile(source)
    first.save()
    second = RegexCache(path, max_entries=4)
    assert second.compile("a+") == re.compile("a+")
    assert second.compile("a+") is second.compile("a+")  # asked again: the same object
    second.compile("d+")
    second.compile("e+")  # a fifth entry: past the bound, "b+" (used longest ago) goes
    second.save()
    assert sorted(RegexCache(path)._load()) == ["0:a+", "0:c+", "0:d+", "0:e+"]
    third = RegexCache(path, max_entries=4)
    for source in ("f+", "g+", "h+", "i+", "j+"):  # more than the bound in one run
        third.compile(source)
    third.save()
    assert sorted(RegexCache(path)._load()) == ["0:f+", "0:g+", "0:h+", "0:i+", "0:j+"]
    assert regex_cache.MAX_JOINED_ENTRIES < regex_cache.MAX_ENTRIES


def test_past_its_size_a_cache_file_drops_the_entries_longest_unused(tmp_path):
    """The joined regexes are large and a batch reads the whole file: a bound in bytes
    keeps the file (and its reading) small however many checkouts' rules share it."""
    path = str(tmp_path / "joined.json")
    sources = [f"(?:{word})+" for word in ("a" * 300, "b" * 300, "c" * 300, "d" * 300)]
    first = RegexCache(path)
    for source in sources[:3]:
        first.compile(source)
    first.save()
    size = os.path.getsize(path)
    second = RegexCache(path, max_bytes=size + 300)  # room for three, not four
    second.compile(sources[1])
    second.compile(sources[3])
    second.save()
    assert os.path.getsize(path) <= size + 300
    assert sorted(RegexCache(path)._load()) == sorted(f"0:{s}" for s in sources[1:])
    assert regex_cache.MAX_JOINED_BYTES < 20_000_000
