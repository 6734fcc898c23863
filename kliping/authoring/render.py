"""A guessed rule written out as a TOML rule file that reads like a hand-written one:
sections in page order, each pattern under the comment that says why it is there."""
from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass
class Guess:
    """One proposed setting: a pattern under a key, and the evidence for it."""

    key: str
    pattern: str
    why: str


def toml_string(s: str) -> str:
    """Return `s` as a one-line TOML string: 'literal' when it can be, else "basic"."""
    if "'" not in s and not any(ord(c) < 32 for c in s):
        return f"'{s}'"
    return json.dumps(s, ensure_ascii=False)


def toml_text(s: str) -> str:
    """Return `s` as a multi-line TOML string (literal unless it cannot be)."""
    if "'''" not in s and not any(ord(c) < 32 and c not in "\n\t" for c in s):
        return f"'''\n{s}'''"
    body = json.dumps(s, ensure_ascii=False)[1:-1].replace("\\n", "\n").replace('"""', '""\\"')
    return f'"""\n{body}"""'


def toml_value(v) -> str:
    """Return a setting or expectation as TOML (None as false, TOML having no null)."""
    if v is None:
        return "false"
    if isinstance(v, list):
        return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in v) + "]"
    return toml_text(v) if "\n" in v else json.dumps(v, ensure_ascii=False)


def expect_lines(cleaned: dict) -> list[str]:
    """The lines of a test case's [tests.expect] for an article's `to_dict()`: the head
    fields always, the lists when not empty, then the text."""
    lines = [f"{key} = {toml_value(cleaned[key])}" for key in ("title", "published", "dateline", "editor", "description")]
    lines += [f"{key} = {toml_value(cleaned[key])}" for key in ("author", "related", "captions") if cleaned[key]]
    return lines + [f"text = {toml_value(cleaned['text'])}"]


_SECTIONS = (
    ("header", ("drop",)),
    ("headline", ("title_above", "published", "updated")),
    ("photo", ("start", "file", "credit", "under_caption", "captions")),
    ("body", ("dateline", "related", "related_start", "related_inline", "strip_inline", "drop")),
    ("byline", ("author", "editor")),
    ("footer", ("end", "last", "drop")),
)


def _pattern_list(name: str, guesses: list[Guess], mark: str) -> list[str]:
    out = [f"{name} = ["]
    for g in guesses:
        out += [f"    # {mark}{g.why}", f"    {toml_string(g.pattern)},"]
    return out + ["]"]


def render_rule(rule_id: str, head: dict[str, tuple[object, str]], guesses: list[Guess],
                sources: list[str], mark: str = "CHECK: ", intro: list[str] | None = None,
                extra: list[str] = ()) -> str:
    """Return the rule file's TOML: the `intro` comment (default: how to confirm the
    marks), the header settings (value, why), then each section's guessed patterns, each
    under its `mark` and reason, then the `extra` lines (tables of their own)."""
    if intro is not None:
        return _render(head, guesses, mark, intro, extra)
    out = [f"# {rule_id}.toml — scaffolded by `kliping rules new` from {len(sources)} sample(s):"]
    out += [f"#   {s}" for s in sources]
    out += ["#",
            "# Each guess is marked CHECK with the reason it was made: confirm it (delete the",
            "# mark), or fix or delete the line it marks. `kliping rules check` lists the marks",
            f"# left; `kliping rules test {rule_id}` runs the cases at the bottom.",
            "# Every key is described in docs/writing-rules.md.", ""]
    return _render(head, guesses, mark, out, extra)


def _render(head: dict[str, tuple[object, str]], guesses: list[Guess], mark: str,
            intro: list[str], extra: list[str]) -> str:
    out = list(intro)
    for key, (value, why) in head.items():
        out.append(f"{key} = {toml_value(value)}" + (f"  # {mark}{why}" if why else ""))
    prints = [g for g in guesses if g.key == "fingerprints"]
    if prints:
        out += _pattern_list("fingerprints", prints, mark)
    for section, keys in _SECTIONS:
        block = []
        for key in keys:
            mine = [g for g in guesses if g.key == f"{section}.{key}"]
            if mine:
                block += _pattern_list(key, mine, mark)
        if section == "headline":
            block += [f'description = "{g.pattern}"  # {mark}{g.why}'
                      for g in guesses if g.key == "headline.description"]
        if block:
            out += ["", f"[{section}]"] + block
    return "\n".join(out + list(extra)) + "\n"
