"""The article's text as the page's JSON-LD carries it: a page whose body a script
writes in the browser (a how-to, a paywalled story) holds its text there and nowhere
else in the markup. Read only when no other reading of the page finds enough text."""
from __future__ import annotations

import html
import re

from .head import json_ld_items

#: Where a paragraph ends inside an HTML string ("<p>…</p><p>…", "<br>", "<li>").
_BLOCK_END = re.compile(r"(?i)</?(?:p|br|li|ul|ol|div|h[1-6]|blockquote)\b[^>]*>|\n")
_TAG = re.compile(r"<[^>]+>")
#: The schema.org types whose description and steps are the page's text.
_STEPS = {"HowTo": "step", "Recipe": "recipeInstructions"}


def json_ld_body(root) -> list[str]:
    """The blocks of the longest text the page's JSON-LD gives: an article's
    `articleBody`, or a how-to's (a recipe's) description and steps; [] when none."""
    best: list[str] = []
    for item in json_ld_items(root):
        parts = [item.get("articleBody")]
        steps_key = next((key for name, key in _STEPS.items() if name in _types(item)), None)
        if steps_key:
            parts = [item.get("description"), *_step_texts(item.get(steps_key))]
        blocks = [block for part in parts if isinstance(part, str) for block in _markup_paragraphs(part)]
        if sum(map(len, blocks)) > sum(map(len, best)):
            best = blocks
    return best


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    return set(kind) if isinstance(kind, list) else {kind} if isinstance(kind, str) else set()


def _step_texts(steps) -> list[str]:
    """The texts of a how-to's steps: strings, HowToStep objects, HowToSection's items."""
    out: list[str] = []
    for step in steps if isinstance(steps, list) else [steps]:
        if isinstance(step, str):
            out.append(step)
        elif isinstance(step, dict):
            if isinstance(step.get("itemListElement"), list):
                out.extend(_step_texts(step["itemListElement"]))
            elif isinstance(step.get("text"), str):
                out.append(step["text"])
    return out


def _markup_paragraphs(text: str) -> list[str]:
    """An HTML or plain string as paragraphs: split at block tags and line breaks,
    tags dropped, entities read, spaces folded."""
    blocks = (" ".join(html.unescape(_TAG.sub(" ", part)).split()) for part in _BLOCK_END.split(text))
    return [block for block in blocks if block]
