"""A server-rendered SVG chart of how the monthly gross grows over the career (no JavaScript, no chart library).

build_salary_chart() turns the simulation's career points into coordinates (pure); render_salary_chart() draws them
with the template pay/salary_estimate_chart.html: role="img" with <title> and <desc>; the page shows the
same points as a table beside it.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _

from pay.formatting import date_text, euro, percent, years_text

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 92, 24, 36, 60  # margins for the axis labels
MONEY_STEPS = (10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
MAX_TICKS = 6


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    path: str
    dots: tuple[Dot, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    scale_marks: tuple[Tick, ...]  # where the career moves to another scale, labelled with its code
    title: str
    description: str
    fictitious: bool


def build_salary_chart(points, *, regime, fictitious):
    """Coordinates of a step line through the career points (years in service → monthly gross)."""
    left, right, top, bottom = LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    last_years = float(points[-1].years_in_service)
    x_step = 1 if last_years <= 4 else 2 if last_years <= 10 else 5
    x_max = max(x_step * math.ceil((last_years + 2) / x_step), 4)
    amounts = [point.monthly_gross for point in points]
    low, high, y_step = _money_range(min(amounts), max(amounts))

    def x_of(years):
        return round(left + (right - left) * float(years) / x_max, 1)

    def y_of(amount):
        return round(bottom - (bottom - top) * float(amount - low) / float(high - low), 1)

    dots = tuple(Dot(x_of(point.years_in_service), y_of(point.monthly_gross)) for point in points)
    path = f"M {dots[0].x} {dots[0].y}" + "".join(f" H {dot.x} V {dot.y}" for dot in dots[1:]) + f" H {right}"
    scale_marks = tuple(Tick(x_of(point.years_in_service), point.scale_code)
                        for previous, point in pairwise(points)
                        if point.scale_code != previous.scale_code)
    title = _("Geschat bruto maandloon over je loopbaan")
    if fictitious:
        title += " " + _("(fictief)")
    return Chart(
        width=WIDTH, height=HEIGHT, left=left, right=right, top=top, bottom=bottom, path=path, dots=dots,
        x_ticks=tuple(Tick(x_of(years), str(years)) for years in range(0, x_max + 1, x_step)),
        y_ticks=tuple(Tick(y_of(amount), "€ " + formats.number_format(amount, 0, force_grouping=True))
                      for amount in range(int(low), int(high) + 1, y_step)),
        scale_marks=scale_marks, title=title, description=_describe(points, regime=regime, fictitious=fictitious),
        fictitious=fictitious,
    )


def _money_range(lowest, highest):
    """A round axis range with some room above and below the amounts, in at most MAX_TICKS steps."""
    margin = max((highest - lowest) / 10, highest / 20)
    for step in MONEY_STEPS:
        low = math.floor((lowest - margin) / step) * step
        high = math.ceil((highest + margin) / step) * step
        if (high - low) / step <= MAX_TICKS:
            return Decimal(max(low, 0)), Decimal(high), step
    step = MONEY_STEPS[-1]
    return Decimal(max(math.floor(lowest / step) * step, 0)), Decimal(math.ceil(highest / step) * step + step), step


def _describe(points, *, regime, fictitious):
    first, last = points[0], points[-1]
    values = {"start": euro(first.monthly_gross), "start_scale": first.scale_code, "start_step": first.step_years,
              "end": euro(last.monthly_gross), "end_scale": last.scale_code, "end_step": last.step_years,
              "after": years_text(last.months_in_service), "on": date_text(last.on), "regime": percent(regime),
              "count": len(points)}
    if len(points) == 1:
        text = _("%(start)s bruto per maand (loonschaal %(start_scale)s, trap %(start_step)d jaar) bij "
                 "%(regime)s werkregime; in deze periode verandert het niet.") % values
    else:
        text = _("Van %(start)s bruto per maand nu (loonschaal %(start_scale)s, trap %(start_step)d jaar) tot "
                 "%(end)s na %(after)s, vanaf %(on)s (loonschaal %(end_scale)s, trap %(end_step)d jaar), bij "
                 "%(regime)s werkregime, in %(count)d stappen.") % values
    text += " " + _("Aan de huidige index. De tabel hieronder geeft dezelfde cijfers.")
    if fictitious:
        text += " " + _("Fictieve bedragen (demo), niet de loonschaal van de stad.")
    return text


def render_salary_chart(simulation, *, chart_id="loongrafiek"):
    """The SVG of `simulation`'s career as safe HTML, ids prefixed by `chart_id`."""
    chart = build_salary_chart(simulation.career, regime=simulation.regime, fictitious=simulation.fictitious)
    return render_to_string("pay/salary_estimate_chart.html", {"chart": chart, "chart_id": chart_id})
