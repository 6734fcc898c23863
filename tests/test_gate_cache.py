"""The gate analyses kept between runs (gate_cache.py) are those gates.py makes, whatever
state the file is in: missing, damaged, made by another gates.py, holding bad entries."""
import json
import re
from pathlib import Path

import pytest

from kliping.cleaner import gate_cache, gates, load_rules, user_cache
from kliping.cleaner.gate_cache import FactsCache, analyse


def shipped_regexes() -> list[re.Pattern]:
    found = []
    for rule in load_rules():
        found += [p.regex for p in rule.fingerprints + rule.generators]
        for key in rule.own:
            found += [p.regex for p in rule.own[key]]
    return found


#: Patterns whose facts are unusual: a gate with ends and digits, no gate, first
#: characters from a class, \A, a multi-line anchor, an unparsable look-behind.
ODD = [re.compile(r"^Foto: .{3,40}\d{4}[.)]$"), re.compile(r"\w+"), re.compile(r"(?i)^[a-c]x"),
       re.compile(r"\AJAKARTA"), re.compile(r"(?m)^Baca juga"), re.compile(r"(?i)^(?:oleh|by)$"),
       re.compile(r"(?<=x)y")]


def test_every_shipped_pattern_read_back_from_the_file_has_the_facts_gates_gives(tmp_path):
    path = str(tmp_path / "gates.json")
    regexes = shipped_regexes() + ODD
    assert len(regexes) > 500
    first = FactsCache(path)
    made = [first.facts(r) for r in regexes]
    first.save()
    again = FactsCache(path)
    for regex, before in zip(regexes, made):
        fresh = analyse(regex)
        assert again.facts(regex) == before == fresh, regex.pattern
        assert fresh.gate == gates.gate_of(regex) and fresh.first_chars == gates.first_chars(regex)
    assert not again._added  # all were in the file: none read off a parse tree again
    assert any(f.gate and f.gate.ends and f.gate.digits for f in made) and any(f.gate is None for f in made)


def test_facts_are_not_read_off_the_pattern_again_when_the_file_holds_them(tmp_path, monkeypatch):
    path = str(tmp_path / "gates.json")
    cache = FactsCache(path)
    want = [cache.facts(r) for r in ODD]
    cache.save()
    monkeypatch.setattr(gate_cache, "analyse", lambda regex: pytest.fail(f"analysed again: {regex.pattern}"))
    assert [FactsCache(path).facts(r) for r in ODD] == want


@pytest.mark.parametrize("damage", [
    lambda b: b"",
    lambda b: b[: len(b) // 2],
    lambda b: re.sub(rb'"gates": ?\d+', b'"gates": 1', b, count=1),  # made by another gates.py
    lambda b: b"[]\n[]",
])
def test_a_damaged_file_or_one_made_by_another_gates_py_is_ignored(tmp_path, damage):
    path = tmp_path / "gates.json"
    cache = FactsCache(str(path))
    want = [cache.facts(r) for r in ODD]
    cache.save()
    path.write_bytes(damage(path.read_bytes()))
    again = FactsCache(str(path))
    assert [again.facts(r) for r in ODD] == want
    again.save()
    assert FactsCache(str(path))._load().keys() == {f"{r.flags}:{r.pattern}" for r in ODD}


@pytest.mark.parametrize("entry", [
    [[0, None, ["x"], [], [], 0], None, False, True],  # one item short
    [[0, None, [1], [], [], 0], None, False, True, False],  # a needle that is no text
    [["0", None, [], [], [], 0], None, False, True, False],
    [None, [7], False, True, False],
    [[0, None, "Foto", [], [], 0], None, False, True, False],  # a text where a list of needles stands
    [None, None, "yes", True, False],
    "a string",
    {"a": 1},
])
def test_a_bad_entry_with_a_good_checksum_is_read_afresh(tmp_path, entry):
    path = str(tmp_path / "gates.json")
    regex = re.compile(r"^Foto: .{3,40}\d{4}[.)]$")
    user_cache.write(path, gate_cache.made_by(), {f"{regex.flags}:{regex.pattern}": entry})
    assert FactsCache(path).facts(regex) == analyse(regex)


def test_a_batch_keeps_the_facts_and_one_scrape_never_reads_them(tmp_path):
    """Screens are built by a batch, so a batch writes gates-*.json; cleaning one scrape
    builds none and neither reads nor writes it (tests/test_user_cache.py runs both)."""
    import os
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    scrapes = sorted((root / "tests" / "corpus" / "text").glob("*.txt"))[:60]
    if len(scrapes) < 40:
        pytest.skip("tests/corpus not present")

    def clean(*paths):
        return subprocess.run([sys.executable, "-c", "from kliping.cli import main; main()", "clean", "-j", "1", "-q",
                               *map(str, paths)], capture_output=True, text=True, cwd=root, timeout=300,
                              env={**os.environ, "KLIPING_CACHE_DIR": str(tmp_path)})

    one = clean(scrapes[0])
    assert one.returncode == 0 and not list(tmp_path.glob("gates-*.json"))
    first = clean(*scrapes)
    (facts_file,) = tmp_path.glob("gates-*.json")
    held = json.loads(facts_file.read_bytes().split(b"\n", 1)[1])
    assert len(held) > 100
    stamp = facts_file.stat().st_mtime_ns
    second = clean(*scrapes)
    assert facts_file.stat().st_mtime_ns == stamp  # every pattern's facts read back, none new
    assert first.returncode == second.returncode == 0 and first.stdout == second.stdout
