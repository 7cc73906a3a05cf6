"""The funnel as a server-rendered bar chart: the template draws each bar as an SVG in its own grid cell, beside its
label (no script, no CDN, no inline style). Only the bar's length is computed here."""

from dataclasses import dataclass


@dataclass
class ChartBar:
    label: str
    count: int
    length: int  # percent of the longest bar (0-100): the rect's width in the bar's 0-100 viewBox
    kind: str  # "main" or "side": the fill colour


def funnel_chart(funnel):
    """The bars, scaled to the largest count; the same numbers as the table beside it."""
    bars = [(b, "main") for b in funnel.steps] + [(b, "side") for b in funnel.side]
    top = funnel.chart_max or 1
    return [ChartBar(str(bar.label), bar.count, max(round(100 * bar.count / top), 1) if bar.count else 0, kind)
            for bar, kind in bars]
