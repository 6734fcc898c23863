"""Gates: the cheap tests before a rule pattern's regex never rule out a line it matches."""
import re

import pytest

from kliping.cleaner.gates import fails_fast, fold, gate_of
from kliping.cleaner.text import split_lines

from conftest import ROOT, SAMPLES


def gate(pattern: str, flags: int = 0):
    return gate_of(re.compile(pattern, flags))


def test_a_literal_needed_by_every_match_rules_lines_out():
    g = gate(r"(?i)^.{0,300}\bpic\.twitter\.com/\w+.*$")
    assert g.folded == ("pic.twitter.com/",)
    assert not g.admits("Presiden Jokowi meresmikan jalan tol.")
    assert g.admits("Lihat PIC.Twitter.com/abc")


def test_alternatives_give_one_needle_each():
    g = gate(r"\s+(?:Baca [Jj]uga|BACA JUGA|Simak [Jj]uga)\s*:")
    assert set(g.folded) | set(g.raw) >= {"baca juga", "simak juga"}
    assert g.admits("Teks. Baca Juga: x") and g.admits("Teks. Simak juga: x")
    assert not g.admits("Teks tanpa tautan.")


def test_an_optional_part_or_an_empty_alternative_needs_nothing():
    assert gate(r"(?:foto)?x") is None
    assert gate(r"(?:foto|)x") is None


def test_whole_line_patterns_bound_the_line_length():
    g = gate(r"(?i)^copyright\b.{0,20}$")
    assert g.max_len == len("copyright") + 20 + 1  # `$` may stand before a final newline
    assert not g.admits("Copyright " + "x" * 40)
    assert gate(r"(?m)^a.{0,5}$") is None  # multi-line: many lines in one text
    assert gate(r"^a.{0,5}") is None  # a prefix of a longer line


def test_patterns_ending_the_line_need_its_last_character():
    g = gate(r"^.{3,300}\((?:foto|dok)\s*:?[^()]{1,80}\)$")
    assert g.ends == (")",)
    assert not g.admits("Presiden (foto) meresmikan jalan tol.")
    assert g.admits("Presiden meresmikan jalan tol (foto: Antara)")
    assert g.admits("Presiden meresmikan jalan tol (foto: Antara)\n")  # `$` before a final newline
    assert set(gate(r"(?i)^(?:\S+\s)?\S+\s+via\s+(?:afp|reuters)$").ends) == {"P", "p", "S", "s", "\u017f"}
    assert gate(r"(?i)^a(?:\s*(?:WIB|WITA))?$").ends == ("A", "B", "a", "b")  # optional tail
    assert gate(r"^(?:x|)$").ends == ()  # may match nothing
    assert gate(r"^x.{0,40}") is None  # not at the line's end: nothing to test
    assert gate(r"(?m)^x$") is None


def test_a_class_of_a_few_characters_gives_one_needle_each():
    g = gate(r"^\S[^>]{0,30}(\s+[>»›]\s+[^>]{1,30}){1,5}$")
    assert g.raw == (">", "»", "›")
    assert g.admits("Home > News") and not g.admits("Presiden meresmikan jalan tol.")
    assert gate(r"(?i)x[ab]y") is None  # letters, case-insensitively: not single needles


@pytest.mark.parametrize("line", ["İKLAN", "ıklan", "Kıkal", "\u212aontan", "ſponsor"])
def test_case_insensitive_needles_follow_re_folding(line):
    for pattern in (r"(?i)\biklan\b", r"(?i)\bkontan\b", r"(?i)\bsponsor\b", r"(?i)kikal"):
        regex = re.compile(pattern)
        g = gate_of(regex)
        if regex.search(line):
            assert g.admits(line), (pattern, line)


def test_fold_is_lower_case_with_res_other_letters():
    assert fold("İ ı ſ \u212a ABC") == "i i s k abc"


def test_literal_led_anchored_patterns_fail_fast():
    assert fails_fast(re.compile(r"(?i)^(?:baca juga|simak)\s*:"))
    assert not fails_fast(re.compile(r"^.{3,300}\(foto\)$"))
    assert not fails_fast(re.compile(r"(?m)^Posted by"))


def corpus_lines() -> list[str]:
    paths = sorted(SAMPLES.glob("*.txt")) + sorted((ROOT / "tests/fixtures/pages").glob("*.txt"))
    lines = {ln.text for p in paths for ln in split_lines(p.read_text("utf-8")) if ln.text}
    return sorted(lines)


def test_no_rule_pattern_is_gated_off_a_line_it_matches(rules):
    lines = corpus_lines()
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    checked = 0
    for rule in rules:
        for patterns in list(rule.own.values()) + [rule.fingerprints]:
            for p in patterns:
                if p.gate is None:
                    continue
                for text in lines + texts:
                    if p.regex.search(text):
                        assert p.could_match(text), (rule.id, p.source, text)
                        checked += 1
    assert checked > 100


def test_a_pattern_referring_to_its_groups_is_screened_alone():
    from kliping.cleaner.rules import Pattern, Screen

    def pattern(source):
        regex = re.compile(source)
        return Pattern(key="body.drop", source=source, regex=regex, rule="t")

    screen = Screen.of((pattern(r"^(a)b$"), pattern(r"^(x)y\1$")))
    assert [p.source for p in screen.alone] == [r"^(x)y\1$"]
    assert screen.passes("xyx") and not screen.passes("xya")


def test_first_chars_of_anchored_patterns():
    from kliping.cleaner.gates import first_chars

    def firsts(pattern):
        chars = first_chars(re.compile(pattern))
        return None if chars is None else set(chars)

    assert firsts(r"(?i)^(?:zoom-in\s*)?lihat foto$") == {"z", "Z", "l", "L"}
    assert firsts(r"^Baca [Jj]uga") == {"B"}
    assert firsts(r"^[Jj]") == {"J", "j"}
    assert firsts(r"(?i)^sk") == {"s", "S", "\u017f"}  # re's other s
    assert firsts(r"(?i)^kontan") == {"k", "K", "\u212a"}  # the Kelvin sign
    assert firsts(r"^(?=A)[A-C]") == {"A", "B", "C"}  # a lookahead takes no character
    assert firsts(r"(?i)^©\s*\d{4}") == {"©"}  # no case to fold
    assert firsts(r"(?i)^Édisi") is None  # a non-ASCII letter, case-insensitively: unsure
    for anything in (r"^\d+", r"^(?:x)?", r"^.{0,60}kontan", r"^\S+", r"^[^a]", r"^$"):
        assert firsts(anything) is None, anything


@pytest.mark.parametrize("line", ["İKLAN", "ıklan", "\u212aontan", "ſponsor", "Baca juga", "© 2022",
                                  "", "x", "7 foto", "Lihat Foto", "ZOOM-INLIHAT FOTO", "édisi", "ÉDISI"])
def test_a_first_character_never_rules_out_a_pattern_it_opens(line):
    from kliping.cleaner.gates import first_chars

    for pattern in (r"(?i)^iklan", r"(?i)^kontan", r"(?i)^sponsor", r"(?i)^(?:baca|simak) juga",
                    r"(?i)^©\s*\d{4}", r"(?i)^(?:zoom-in\s*)?lihat foto$", r"(?i)^\d+ foto", r"(?i)^Édisi"):
        regex = re.compile(pattern)
        chars = first_chars(regex)
        if regex.match(line):
            assert chars is None or line[:1] in chars, (pattern, line)


def test_screens_by_first_character_agree_with_every_pattern(rules, monkeypatch):
    """The anchored patterns joined per first character, each rule's own screened by it
    and the inherited ones by the rule they come from, say yes exactly when one of the
    key's patterns matches (on every line of the samples and fixtures, and variants)."""
    import kliping.cleaner.rules as rules_module

    monkeypatch.setattr(rules_module, "SCREEN_AFTER_LOOKUPS", 0)  # screened from the first line
    lines = corpus_lines()
    lines += [ln.upper() for ln in lines[:300]] + [ln.lower() for ln in lines[:300]] + ["", " ", "\u212a"]
    checked = 0
    for rule in rules:
        for key, patterns in rule._all.items():
            for line in lines:
                assert rule.could_match((key,), line) == any(p.search(line) for p in patterns), (rule.id, key, line)
                checked += 1
    assert checked > 10000


def test_a_needle_index_never_leaves_out_a_pattern_whose_gate_admits_the_line(rules):
    """The literals looked for stand for every pattern needing them or a literal holding
    them: on real lines (and upper-cased ones) no gate-admitted pattern is left out."""
    from kliping.cleaner.needles import NeedleIndex

    patterns = tuple(dict.fromkeys(p for rule in rules for ps in list(rule.own.values()) + [rule.fingerprints]
                                   for p in ps if p.gate is not None and (p.gate.raw or p.gate.folded)))
    index = NeedleIndex(patterns)
    looked_for = len(index.raw) + len(index.folded)
    assert looked_for < len({n for p in patterns for n in p.gate.raw + p.gate.folded})
    lines = corpus_lines()
    admitted = 0
    for line in lines + [ln.upper() for ln in lines[:300]]:
        candidates = set(map(id, index.candidates(line)))
        for p in patterns:
            if p.gate.admits(line):
                assert id(p) in candidates, (p.source, line)
                admitted += 1
    assert admitted > 1000


def test_a_raw_literal_stands_behind_the_folded_one_it_holds_when_ascii():
    from types import SimpleNamespace
    from kliping.cleaner.gates import Gate
    from kliping.cleaner.needles import NeedleIndex

    def needing(raw=(), folded=()):
        return SimpleNamespace(gate=Gate(min_len=0, max_len=None, raw=raw, folded=folded))

    upper, lower, longer, greek = (needing(raw=("FOTO",)), needing(folded=("foto",)),
                                   needing(folded=("foto ilustrasi",)), needing(raw=("ΣΟΦΟΣ",)))
    index = NeedleIndex((upper, lower, longer, greek))
    assert [t for t, _ in index.folded] == ["foto"] and [t for t, _ in index.raw] == ["ΣΟΦΟΣ"]
    assert index.candidates("FOTO: Antara") == [upper, lower, longer]  # all stand behind "foto"
    assert index.candidates("Sebuah ΣΟΦΟΣ") == [greek]
    assert index.candidates("Tanpa apa-apa") == []


def test_a_screen_over_several_keys_says_no_only_when_every_key_does(rules, monkeypatch):
    import kliping.cleaner.rules as rules_module
    from kliping.cleaner.text.patterns import _LINE_CHECK_KEYS

    monkeypatch.setattr(rules_module, "SCREEN_AFTER_LOOKUPS", 0)  # screened from the first line

    lines = corpus_lines() + ["Baca juga: x", "Editor: Nama", "", "(Foto: Antara)"]
    for rule in rules:
        for line in lines:
            assert rule.could_match(_LINE_CHECK_KEYS, line) == any(
                rule.first(key, line) for key in _LINE_CHECK_KEYS), (rule.id, line)


def test_screens_are_built_without_hashing_a_pattern(monkeypatch):
    """A Pattern's hash hashes its regex's compiled code each time (thousands of
    instructions): building every rule's Screens once hashed patterns some 100,000 times
    a run (a dict keyed by them); the Screens of every key of every shipped rule are
    built here with hashing refused."""
    from kliping.cleaner import load_rules
    from kliping.cleaner.rules import PATTERN_KEYS, Pattern, Screen

    def refuse(self):
        raise AssertionError(f"Pattern hashed: {self.source}")

    fresh = load_rules([])
    monkeypatch.setattr(Pattern, "__hash__", refuse)
    built = 0
    for rule in fresh:
        for section, key in PATTERN_KEYS:
            patterns = rule.patterns(f"{section}.{key}")
            if patterns:
                assert isinstance(Screen.of(patterns), Screen)
                built += 1
    assert built > 100


def test_a_line_s_last_character_rules_out_the_lone_patterns_ending_otherwise():
    """Screen.alone_ending: the patterns tried alone that must end on other characters
    are passed over without a call of their gates; the answers stay those of the gates
    (a final newline is read past, as Gate.admits does)."""
    from kliping.cleaner.rules import Pattern, Screen

    def pattern(source):
        return Pattern(key="photo.credit", source=source, regex=re.compile(source), rule="t")

    city, year, loose = (pattern(r"^[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\s*-$"), pattern(r"\b\d{4}\.$"),
                         pattern(r"\d{2} [a-z]+ \d{4}"))
    screen = Screen.of((city, year, loose))
    assert set(map(id, screen.alone)) == {id(city), id(year), id(loose)}
    assert screen.alone_ending("Banda Aceh -") == (city, loose)
    assert screen.alone_ending("Banda Aceh -\n") == (city, loose)
    assert screen.alone_ending("Sejak 2019.") == (year, loose)
    assert screen.alone_ending("Sejak 2019.\n") == (year, loose)
    assert screen.alone_ending("") == screen.alone_ending("Tanpa apa-apa") == (loose,)
    for line in ("Banda Aceh -", "Banda Aceh -\n", "Sejak 2019.", "Sejak 2019.\n", "Pada 17 agustus 1945",
                 "Tanpa apa-apa.", "Banda Aceh - Hujan.", "", "\n", "-\n"):
        assert screen.passes(line) == any(p.search(line) for p in (city, year, loose)), line
