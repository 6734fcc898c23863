"""Articles per day per outlet as an SVG chart: stacked bars, one colour per outlet.

Drawn here, from the rows of the canned query `articles_per_day` (metadata.yml), so the
Datasette front of an archive can show it as a plain <img> — no JavaScript, no plugin to
install, nothing fetched from elsewhere. Every bar segment carries a <title> (day,
outlet, count) that browsers show on hover and screen readers read.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

#: Tableau 10: distinct for the eye, also for the common colour blindnesses.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
#: Outlets drawn with their own colour; the rest are summed as "other".
MAX_OUTLETS = len(PALETTE) - 1
OTHER = "other"
WIDTH, HEIGHT = 760, 280
_LEFT, _RIGHT, _TOP, _BOTTOM = 44, 150, 16, 36
#: The widest a day's bar gets (a few days would otherwise fill the plot).
MAX_BAR = 28


def _days(first: str, last: str) -> list[str]:
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def _nice(top: int) -> int:
    """The smallest of 1, 2, 5 × 10^k at or above `top` (the y axis' end)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if factor * step >= top:
                return factor * step
        step *= 10


def per_day_svg(rows, title: str = "Articles per day per outlet") -> str:
    """The chart of (day 'YYYY-MM-DD', outlet, articles) rows, as an SVG document.

    Days without articles between the first and the last one are drawn empty; rows
    whose day is not a date are left out.
    """
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    totals: dict[str, int] = defaultdict(int)
    for day, outlet, n in rows:
        try:
            date.fromisoformat(str(day))
        except ValueError:
            continue
        counts[str(day)][str(outlet)] = int(n)
        totals[str(outlet)] += int(n)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label={quoteattr(title)} '
            'font-family="sans-serif" font-size="11">'
            f"<title>{escape(title)}</title>")
    if not counts:
        return (head + f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle" fill="#666">'
                "No dated articles yet</text></svg>")
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    shown = ranked if len(ranked) <= MAX_OUTLETS + 1 else ranked[:MAX_OUTLETS]
    colour = {outlet: PALETTE[i] for i, outlet in enumerate(shown)}
    if len(shown) < len(ranked):
        colour[OTHER] = PALETTE[-1]
    days = _days(min(counts), max(counts))
    stacks = []
    for day in days:
        stack = defaultdict(int)
        for outlet, n in counts.get(day, {}).items():
            stack[outlet if outlet in shown else OTHER] += n
        stacks.append(stack)
    top = _nice(max(sum(s.values()) for s in stacks))
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    bar = min(plot_w / len(days), MAX_BAR)
    left = _LEFT + (plot_w - bar * len(days)) / 2  # the days centred in the plot
    parts = [head]
    for value in (0, top // 2, top) if top > 1 else (0, top):
        y = _TOP + plot_h - plot_h * value / top
        parts.append(f'<line x1="{_LEFT}" x2="{_LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{value}</text>')
    for i, (day, stack) in enumerate(zip(days, stacks)):
        y = _TOP + plot_h
        for outlet in [o for o in colour if o in stack]:
            h = plot_h * stack[outlet] / top
            y -= h
            parts.append(f'<rect class="bar" x="{left + i * bar + bar * 0.1:.1f}" y="{y:.1f}" '
                         f'width="{max(bar * 0.8, 1):.1f}" height="{h:.1f}" fill="{colour[outlet]}">'
                         f"<title>{day} {escape(outlet)}: {stack[outlet]}</title></rect>")
    for i in sorted({0, len(days) // 2, len(days) - 1}):
        x = left + (i + 0.5) * bar
        parts.append(f'<text x="{x:.1f}" y="{HEIGHT - _BOTTOM + 16}" text-anchor="middle" fill="#555">{days[i]}</text>')
    legend = [(o, totals[o]) for o in shown] + (
        [(OTHER, sum(totals[o] for o in ranked if o not in shown))] if OTHER in colour else [])
    for i, (outlet, total) in enumerate(legend):
        y = _TOP + 4 + i * 18
        parts.append(f'<g class="legend"><rect x="{WIDTH - _RIGHT + 14}" y="{y}" width="11" height="11" '
                     f'fill="{colour[outlet]}"/><text x="{WIDTH - _RIGHT + 30}" y="{y + 10}">'
                     f"{escape(outlet)} ({total})</text></g>")
    return "".join(parts) + "</svg>"
