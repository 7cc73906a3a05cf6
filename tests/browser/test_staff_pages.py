"""Every back-office page of the demo in real Chromium has 0 axe violations (WCAG 2.0/2.1 A and AA), as the
portal's pages do: the admin's index and app pages, every list, add page and a change page per model, the report
pages, the take-in form, the back office's own form pages, the jurors' and the interviewer's pages. Scripts ran first
(the admin's filter_horizontal builds its boxes on load). The journey test holds the pages of a whole selection to the
same, step by step."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse

from candidates.models import Application
from interviews.models import JuryRound
from procedures.models import Procedure
from tests.backoffice.test_no_none_shown import admin_pages, interviewer_pages, jury_pages, report_pages, seed_the_demo
from tests.browser.axe import describe_violations, run_axe
from tests.browser.conftest import login
from tests.browser.staff import recording_page_fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


page = recording_page_fixture()


def index_pages():
    yield "/admin/"
    for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
        yield f"/admin/{app_label}/"
    yield "/admin/candidates/application/?diploma__kind__exact=old&_facets=True"  # the diploma filter, with counts


def form_pages():
    """The back office's own pages beside the model pages (admin/model_page.html and admin/form_page.html)."""
    yield reverse("admin:interviews_generate_slots")
    yield reverse("admin:interviews_session_report")
    yield reverse("admin:pay_payscaleversion_import")
    yield reverse("admin:candidates_application_take_in")
    jury_round = JuryRound.objects.filter(status=JuryRound.Status.OPEN).first()
    yield reverse("admin:interviews_juryround_invite_external", args=[jury_round.pk])
    yield reverse("admin:interviews_juryround_cancel", args=[jury_round.pk])
    yield reverse("admin:procedures_procedure_new_round", args=[Procedure.objects.order_by("pk").first().pk])
    yield reverse("admin:candidates_application_arrangements", args=[Application.objects.order_by("pk").first().pk])


def check_pages(page, username, urls):
    """{url: axe's report} for the pages with violations or a CSP error, and how many pages answered with HTML."""
    page.context.clear_cookies()
    login(page, get_user_model().objects.get(username=username))
    found, shown = {}, 0
    for url in urls:
        response = page.goto(url)
        if response.status != 200 or "html" not in response.headers.get("content-type", ""):
            continue
        shown += 1
        page.wait_for_load_state("load")
        problems = [f"CSP: {error}" for error in page.csp_errors]
        if violations := run_axe(page):
            problems.append(describe_violations(violations))
        if problems:
            found[url] = "\n".join(problems)
        page.csp_errors.clear()
    return found, shown


def test_every_back_office_page_of_the_demo_passes_axe(page):
    seed_the_demo()

    found, shown = check_pages(page, "demo.hr", [*index_pages(), *admin_pages(per_model=1), *report_pages()])
    jury_found, jury_shown = check_pages(page, "demo.jury.selectieteam", list(jury_pages()))
    day_found, day_shown = check_pages(page, "demo.interviewer", list(interviewer_pages()))
    forms = list(form_pages())
    form_found, form_shown = check_pages(page, "demo.hr", forms)

    assert shown > 80 and jury_shown >= 4 and day_shown >= 1  # the pages really opened
    assert form_shown == len(forms)
    problems = {**found, **jury_found, **day_found, **form_found}
    assert not problems, f"{len(problems)} page(s) with WCAG violations:\n" + "\n".join(
        f"== {url}\n{report}" for url, report in problems.items())
