"""Year after year, end to end: last year's round has run (applications in every stage, a ban, a waitlist); HR starts
the new round from the back office, opens it, and a candidate applies through the portal. Last year's reports and
export are unchanged to the value; the ban and the waitlist, which are the function's, hold in the new round."""

from dataclasses import asdict
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from candidates.models import Application, PoolEntry
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import release_mails
from interviews.jury.rounds import valid_pool
from procedures.models import Diploma, Procedure
from reports import queries
from tests.auth import login_staff
from tests.factories import DiplomaFactory, FunctionFactory, ProcedureFactory, UserFactory, hr_user
from tests.portal.conftest import form_data
from tests.portal.files import pdf
from tests.reports.helpers import mixed_pipeline
from tests.storage import private_storage_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    private_storage_in(settings, tmp_path)
    settings.CLAMD_ADDRESS = ""


@pytest.fixture
def last_year():
    """Last year's round of the function, with 20 applications spread over every stage and exit, then closed."""
    function = FunctionFactory(name="Maatschappelijk werker", slug="maatschappelijk-werker")
    procedure = ProcedureFactory(function=function, title="Maatschappelijk werker (B1-B3)",
                                 slug="maatschappelijk-werker", motivation_required=True)
    DiplomaFactory(procedure=procedure, name="Bachelor in het sociaal werk", kind=Diploma.Kind.CURRENT)
    mixed_pipeline(procedure, 20)
    Procedure.objects.filter(pk=procedure.pk).update(status=Procedure.Status.CLOSED)
    procedure.refresh_from_db()
    return procedure


def report_data(procedure):
    """Everything HR's dashboard, pool pages and export show for the procedure, as plain values."""
    return {
        "funnel": asdict(queries.build_funnel(procedure=procedure)),
        "medians": [(m.stage, m.median, m.count) for m in queries.stage_medians(procedure=procedure)],
        "reasons": queries.refusal_reasons(procedure=procedure),
        "occupancy": [asdict(d) for d in queries.intake_occupancy(procedure=procedure)],
        "notifications": [(s.stage, s.total, s.notified) for s in
                          queries.notification_status(procedure=procedure).per_result],
        "pools": {kind: [(e.pk, e.application_id, e.valid_from, e.expires_on) for e in
                         queries.pool_overview(procedure=procedure, kind=kind).entries]
                  for kind in PoolEntry.Kind.values},
        "pipeline": [(a.pk, a.stage, a.diploma_id, a.pool_kind, a.pool_expires_on, a.intake_at)
                     for a in queries.pipeline_rows(procedure=procedure)],
    }


def exported_csv(client, procedure):
    response = client.get(reverse("reports:export_csv", args=[procedure.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def unchanged_change_form(response):
    """What a browser sends back from an admin change page left as it is: every field of the form and its inlines."""
    data, forms = {}, [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms += inline.formset.forms
    with translation.override("nl-be"):
        for form in forms:
            for name, field in form.fields.items():
                value = form[name].value()
                if isinstance(value, bool):
                    if value:
                        data[form.add_prefix(name)] = "on"
                elif value is not None:
                    data[form.add_prefix(name)] = field.widget.format_value(value) or ""
    return data


def test_a_new_round_runs_beside_last_years_which_stays_as_it_was(client, last_year):
    today = timezone.localdate()
    banned = Application.objects.filter(procedure=last_year, stage=Stage.INTAKE_FAILED).first()
    waitlist = [(e.pk, e.application_id, e.expires_on) for e in valid_pool(last_year.function,
                                                                           PoolEntry.Kind.WAITLIST)]
    assert len(waitlist) == 2  # last year's two passers still waiting
    hr = hr_user(username="hr-nieuwe-ronde")
    login_staff(client, hr)
    reports_before, csv_before = report_data(last_year), exported_csv(client, last_year)

    # HR starts the new round from last year's page, with no intake moments yet.
    response = client.post(reverse("admin:procedures_procedure_new_round", args=[last_year.pk]), {
        "title": "Maatschappelijk werker (B1-B3) – nieuwe ronde", "slug": "maatschappelijk-werker-nieuw",
        "applications_open_from": today.isoformat(), "applications_close_on": (today + timedelta(days=30)).isoformat(),
        "intake-TOTAL_FORMS": "0", "intake-INITIAL_FORMS": "0", "intake-MIN_NUM_FORMS": "0",
        "intake-MAX_NUM_FORMS": "20"})
    assert response.status_code == 302
    new = Procedure.objects.get(slug="maatschappelijk-werker-nieuw")
    assert new.status == Procedure.Status.DRAFT

    # ... checks it and opens it on its page, as it is.
    change_url = reverse("admin:procedures_procedure_change", args=[new.pk])
    data = {**unchanged_change_form(client.get(change_url)), "status": Procedure.Status.OPEN}
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    new.refresh_from_db()
    assert new.status == Procedure.Status.OPEN and new.diplomas.count() == last_year.diplomas.count() == 21
    client.logout()

    # A new candidate applies through the portal, with the new round's copy of the diploma.
    candidate = UserFactory(username="nieuw", email="nieuw@example.org")
    client.force_login(candidate, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("candidates:apply", kwargs={"slug": new.slug}),
                           {**form_data(new), "diploma_file": pdf()})
    assert response.status_code == 302
    application = Application.objects.get(procedure=new)
    assert application.candidate.user == candidate and application.diploma.procedure == new

    # Last year's banned candidate is refused in the new round: the ban is the function's (HR released the outcome).
    release_mails(Mail.objects.for_object(banned).filter(state=Mail.State.DRAFT), by=hr)
    client.force_login(banned.candidate.user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("candidates:apply", kwargs={"slug": new.slug}),
                           {**form_data(new), "diploma_file": pdf()})
    ban = banned.ban
    assert "Je kan pas opnieuw solliciteren voor de functie Maatschappelijk werker vanaf " \
           f"{ban.ends_on:%d/%m/%Y}" in response.content.decode()
    assert not Application.objects.filter(procedure=new, candidate=banned.candidate).exists()

    # Last year's waitlist candidates keep their places on the function's waitlist, as they were, and so need not
    # (and may not) apply again: every vacancy's jury invites them.
    waiting = Application.objects.get(pk=waitlist[0][1])
    client.force_login(waiting.candidate.user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("candidates:apply", kwargs={"slug": new.slug}),
                           {**form_data(new), "diploma_file": pdf()})
    assert "Je staat op de wachtlijst voor de functie Maatschappelijk werker" in response.content.decode()
    assert not Application.objects.filter(procedure=new, candidate=waiting.candidate).exists()
    assert [(e.pk, e.application_id, e.expires_on) for e in valid_pool(new.function,
                                                                       PoolEntry.Kind.WAITLIST)] == waitlist

    # Last year's reports and export: unchanged to the value.
    login_staff(client, hr)
    assert report_data(last_year) == reports_before
    assert exported_csv(client, last_year) == csv_before
    last_year.refresh_from_db()
    assert last_year.status == Procedure.Status.CLOSED
