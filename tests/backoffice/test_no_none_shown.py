"""An empty value shows as "—" (or nothing), never as Python's "None": every back-office page of the demo data.

The demo (manage.py seed_demo) holds people in every stage, a jury round, intake slots and mails: this test opens
every admin list, add and change page HR may see, the application pages, the reports, the take-in form, the
jurors' pages and the interviewer's day, and reads the text a person sees (text, values of inputs, labels for
assistive tools). Dutch text has no word "None".
"""

import re
from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from interviews.models import IntakeBooking, JuryRound
from procedures.models import Procedure
from tests.auth import login_staff

pytestmark = pytest.mark.django_db

NONE = re.compile(r"\bNone\b")
PER_MODEL = 25  # change pages per model: enough to meet every kind of row the demo makes
SHOWN_ATTRIBUTES = ("value", "placeholder", "title", "aria-label", "alt", "aria-description")
HIDDEN_ELEMENTS = {"script", "style", "template"}


class VisibleText(HTMLParser):
    """The text of a page as a person (or a screen reader) meets it, one piece per text node or attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_ELEMENTS:
            self._hidden += 1
        attributes = dict(attrs)
        if tag == "input" and attributes.get("type") == "hidden":
            return
        self.pieces += [f"<{tag} {name}> {value}" for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.pieces.append(data.strip())


def none_shown(html):
    parser = VisibleText()
    parser.feed(html)
    return [piece for piece in parser.pieces if NONE.search(piece)]


def seed_the_demo():
    call_command("seed_demo", "--demo", stdout=StringIO(), stderr=StringIO())


def client_of(username):
    client = Client()
    login_staff(client, get_user_model().objects.get(username=username))
    return client


def admin_pages(per_model=PER_MODEL):
    """Every list, add and change page of the back office, for the demo's rows (per_model change pages per model)."""
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        try:
            yield reverse(f"{prefix}_changelist")
        except NoReverseMatch:
            continue
        yield reverse(f"{prefix}_add")
        for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)[:per_model]:
            yield reverse(f"{prefix}_change", args=[pk])


def report_pages():
    yield reverse("reports:index")
    for procedure in Procedure.objects.all():
        for name in ("dashboard", "waitlist", "reserve"):
            yield reverse(f"reports:{name}", args=[procedure.pk])
        if procedure.status == Procedure.Status.OPEN:
            yield reverse("admin:candidates_application_take_in_form", args=[procedure.pk])
    yield reverse("admin:candidates_application_take_in")


def jury_pages():
    yield reverse("interviews:jury_home")
    for jury_round in JuryRound.objects.all():
        yield reverse("interviews:jury_round", args=[jury_round.pk])
        yield reverse("interviews:jury_deliberation", args=[jury_round.pk])
        yield reverse("interviews:jury_pv_preview", args=[jury_round.pk])
        for jury_candidate in jury_round.candidates.all():
            yield reverse("interviews:jury_candidate", args=[jury_round.pk, jury_candidate.uid])
            yield reverse("interviews:jury_consensus", args=[jury_round.pk, jury_candidate.uid])


def interviewer_pages():
    days = {timezone.localtime(b.slot.starts_at).date() for b in IntakeBooking.objects.select_related("slot")}
    yield reverse("interviews:today")
    for day in sorted(days):
        yield reverse("interviews:day", args=[day.isoformat()])
    for booking in IntakeBooking.objects.all():
        yield reverse("interviews:assess", args=[booking.uid])


def visit(client, urls, find=None):
    """{url: what `find` (none_shown by default) found in its HTML} over the pages that answered 200 with HTML
    and found something; and how many answered."""
    find = find or none_shown
    found, shown = {}, 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        shown += 1
        if pieces := find(response.content.decode()):
            found[url] = pieces
    return found, shown


def test_the_reader_finds_none_in_text_and_in_an_input_but_not_in_a_script_or_a_word():
    html = ('<p>Geboortedatum: None</p><input type="text" value="None"><input type="hidden" value="None">'
            '<script>let x = None;</script><p>Nonetheless NoneType</p>')
    assert none_shown(html) == ["Geboortedatum: None", "<input value> None"]


def test_no_back_office_page_of_the_demo_shows_none():
    seed_the_demo()

    found, shown = visit(client_of("demo.hr"), [*admin_pages(), *report_pages()])
    jury_found, jury_shown = visit(client_of("demo.jury.selectieteam"), jury_pages())
    day_found, day_shown = visit(client_of("demo.interviewer"), interviewer_pages())

    assert shown > 60 and jury_shown >= 4 and day_shown >= 1  # the pages really opened
    assert {**found, **jury_found, **day_found} == {}
