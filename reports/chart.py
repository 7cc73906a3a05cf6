"""The funnel as a server-rendered SVG bar chart: geometry only, the template draws it (no script, no CDN)."""

from dataclasses import dataclass

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 190
BAR_AREA = 360
VALUE_WIDTH = 60


@dataclass
class ChartBar:
    label: str
    count: int
    y: int
    width: int
    text_y: int
    kind: str  # "main" or "side": the fill colour


def funnel_chart(funnel):
    """Positions of each bar, scaled to the largest count; the same numbers as the table beside it."""
    bars = [(b, "main") for b in funnel.steps] + [(b, "side") for b in funnel.side]
    top = funnel.chart_max or 1
    drawn = []
    for i, (bar, kind) in enumerate(bars):
        y = i * (BAR_HEIGHT + GAP)
        width = round(BAR_AREA * bar.count / top) if bar.count else 0
        drawn.append(ChartBar(str(bar.label), bar.count, y, max(width, 1 if bar.count else 0),
                              y + BAR_HEIGHT // 2 + 5, kind))
    return {"bars": drawn, "height": len(bars) * (BAR_HEIGHT + GAP), "label_width": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT, "width": LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
            "value_x_offset": LABEL_WIDTH + 6}
