"""Every form control of every back-office page of the demo has a name for assistive technology (WCAG 1.3.1, 4.1.2):
a <label for>, a wrapping <label>, aria-label or aria-labelledby. Django's own admin writes several without one (the
tabular inlines, the split date-time widget, a change list's editable cells); kortrijk_ats.admin_a11y and the
templates in templates/admin/ name them. tests/browser/test_staff_pages.py runs axe over the same pages in Chromium;
this one reads the HTML the server sends, three change pages per model, in seconds."""

from html.parser import HTMLParser

import pytest

from tests.backoffice.test_no_none_shown import (
    admin_pages,
    client_of,
    interviewer_pages,
    jury_pages,
    report_pages,
    seed_the_demo,
)
from tests.backoffice.test_no_none_shown import visit as visit_pages

pytestmark = pytest.mark.django_db

CONTROLS = {"input", "select", "textarea"}
UNNAMED_TYPES = {"hidden", "submit", "button", "reset", "image"}  # no name needed, or named by their value/alt


class Controls(HTMLParser):
    """The page's controls, whether each has a name, and the ids the page's labels point at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.controls, self.label_targets, self._open_labels = [], set(), 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "label":
            self._open_labels += 1
            if attributes.get("for"):
                self.label_targets.add(attributes["for"])
        elif tag in CONTROLS and attributes.get("type", "text") not in UNNAMED_TYPES:
            named = bool(self._open_labels or attributes.get("aria-label", "").strip()
                         or attributes.get("aria-labelledby"))
            self.controls.append((attributes.get("id"), attributes.get("name"), named))

    def handle_endtag(self, tag):
        if tag == "label":
            self._open_labels -= 1

    def unnamed(self):
        return [name for id_, name, named in self.controls if not named and id_ not in self.label_targets]


def unnamed_controls(html):
    parser = Controls()
    parser.feed(html)
    return parser.unnamed()


def test_the_reader_finds_a_control_without_a_name():
    html = ('<label for="a">A</label><input id="a" name="a"><label>B <input name="b"></label>'
            '<input name="c" aria-label="C"><input type="hidden" name="d"><input type="submit" value="Go">'
            '<select name="e"></select><input id="f" name="f">')
    assert unnamed_controls(html) == ["e", "f"]


def visit(username, urls):
    return visit_pages(client_of(username), urls, unnamed_controls)


def test_every_control_on_every_back_office_page_of_the_demo_has_a_name():
    seed_the_demo()

    found, shown = visit("demo.hr", [*admin_pages(per_model=3), *report_pages()])
    jury_found, jury_shown = visit("demo.jury.selectieteam", jury_pages())
    day_found, day_shown = visit("demo.interviewer", interviewer_pages())

    assert shown > 60 and jury_shown >= 4 and day_shown >= 1  # the pages really opened
    assert {**found, **jury_found, **day_found} == {}
