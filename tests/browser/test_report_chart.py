"""The report's funnel in real Chromium: no stage label runs into a bar or into another label, at desktop, tablet
and 320 px widths, with the demo data (its long side-exit labels such as "Niet geslaagd kennismakingsinterview")."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from procedures import seed_data
from procedures.models import Procedure
from tests.browser.axe import check_axe
from tests.browser.conftest import login, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each label's text inside its own box: the box is what the layout reserves, so a text wider than its box would
# overlap while the boxes do not.
OVERFLOWING_LABELS_JS = """() => [...document.querySelectorAll('.rp-bar-label')]
    .filter(label => label.scrollWidth > label.clientWidth + 1 || label.scrollHeight > label.clientHeight + 1)
    .map(label => label.textContent)"""


@pytest.fixture
def page(browser_context):
    """Without the shared fixture's CSP listener: axe's preload re-inserts the admin's @import-ed stylesheet as an
    inline style, which the CSP rightly blocks (test_missing_settings checks the page itself before axe runs)."""
    page = browser_context.new_page()
    yield page
    page.close()


def intersect(a, b):
    """Whether two bounding boxes share any area (touching edges do not count)."""
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def overlaps(page):
    """Every pair of a label and a bar, or of two labels, whose boxes intersect, by their texts."""
    labels = [(text, box) for text, box in ((label.inner_text(), label.bounding_box())
                                            for label in page.locator(".rp-bar-label").all())]
    bars = [(f"bar {n}", bar.bounding_box()) for n, bar in enumerate(page.locator(".rp-bar").all(), start=1)]
    assert labels and len(labels) == len(bars), "every bar has its label"
    assert all(box and box["width"] > 0 and box["height"] > 0 for _text, box in labels + bars), "all drawn"
    found = [(label, bar) for label, label_box in labels for bar, bar_box in bars if intersect(label_box, bar_box)]
    found += [(first, second) for i, (first, first_box) in enumerate(labels) for second, second_box in labels[i + 1:]
              if intersect(first_box, second_box)]
    return found


@pytest.fixture
def dashboard(db):
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    return reverse("reports:dashboard", args=[procedure.pk])


@pytest.mark.parametrize("width", [1280, 768, 320])
def test_no_funnel_label_overlaps_a_bar_or_another_label(page, dashboard, width):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, get_user_model().objects.get(username="demo.hr"))
    page.goto(dashboard)
    chart = page.locator(".rp-chart")
    chart.scroll_into_view_if_needed()
    shoot(page, f"report-funnel-{width}")

    labels = page.locator(".rp-bar-label").all_inner_texts()
    assert "Niet geslaagd kennismakingsinterview" in labels  # the long labels are there to be measured
    assert overlaps(page) == []
    assert page.evaluate(OVERFLOWING_LABELS_JS) == []
    if width == 320:  # narrow: each label on a line of its own, above its bar
        for label, bar in zip(page.locator(".rp-bar-label").all(), page.locator(".rp-bar").all(), strict=True):
            assert label.bounding_box()["y"] + label.bounding_box()["height"] <= bar.bounding_box()["y"]
    check_axe(page, f"report dashboard at {width} px")
