"""The timeline in plain Dutch: what happened with dates, what comes next, only mails that left, no early outcomes."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.disclosure import shown_stage
from candidates.stages import Stage
from candidates.timeline import next_step_for, timeline_for
from candidates.transitions import change_stage
from communications.models import Mail
from communications.outbox import release_mails
from tests.factories import ApplicationFactory, CandidateFactory, IntakeSessionFactory
from tests.portal.conftest import current_diploma

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(user, procedure, time_machine):
    """Ann applies on 05/01/2026; the intake days are 20/01 (morning) and 23/01/2026 (whole day)."""
    IntakeSessionFactory(procedure=procedure, date=date(2026, 1, 20), starts_at=time(9), ends_at=time(12),
                         label="voormiddag")
    IntakeSessionFactory(procedure=procedure, date=date(2026, 1, 23), starts_at=time(9), ends_at=time(17),
                         label="volledige dag")
    procedure.intake_sessions.exclude(date__in=[date(2026, 1, 20), date(2026, 1, 23)]).delete()
    time_machine.move_to("2026-01-05 14:00 +01:00")
    return ApplicationFactory(candidate=CandidateFactory(user=user, email=user.email, first_name="Ann"),
                              procedure=procedure, diploma=current_diploma(procedure))


def sentences(application):
    return [f"{entry.day:%d/%m/%Y} — {entry.text}" for entry in timeline_for(application)]


def mark_sent(event):
    Mail.objects.filter(event=event).update(state=Mail.State.SENT, sent_at=timezone.now())


def test_a_moment_without_hours_is_named_as_the_bundle_names_it(journey):
    # HR has not entered the hours yet (the bundle gives none): the candidate reads the moment, no guessed hours.
    journey.procedure.intake_sessions.filter(date=date(2026, 1, 20)).update(starts_at=None, ends_at=None)
    assert next_step_for(journey).dates == ["dinsdag 20/01/2026, voormiddag",
                                            "vrijdag 23/01/2026, volledige dag (09.00–17.00 uur)"]


def test_the_list_of_applications_names_the_moments_its_next_step_announces(journey, client_a):
    # "… op deze momenten:" ends in a colon: the moments follow on the list as on the application's own page.
    page = client_a.get(reverse("candidates:list")).content.decode()
    assert "op een van deze momenten:" in page
    assert "<li>dinsdag 20/01/2026, voormiddag (09.00–12.00 uur)</li>" in page
    assert "<li>vrijdag 23/01/2026, volledige dag (09.00–17.00 uur)</li>" in page


def test_the_way_to_the_waitlist_reads_as_plain_dutch(journey, hr, time_machine):
    assert sentences(journey) == ["05/01/2026 — Je kandidatuur voor Maatschappelijk werker (B1-B3) werd ingediend."]
    step = next_step_for(journey)
    assert step.text.startswith("We kijken na of je diploma toegang geeft tot de functie.")
    assert step.dates == ["dinsdag 20/01/2026, voormiddag (09.00–12.00 uur)",
                          "vrijdag 23/01/2026, volledige dag (09.00–17.00 uur)"]

    time_machine.move_to("2026-01-12 09:00 +01:00")
    change_stage(journey, to=Stage.ELIGIBLE, by=hr)
    time_machine.move_to("2026-01-13 09:00 +01:00")
    change_stage(journey, to=Stage.INTAKE_INVITED, by=hr)
    assert next_step_for(journey).text.startswith("Kies een tijdslot van 20 minuten")
    time_machine.move_to("2026-01-21 09:00 +01:00")
    assert next_step_for(journey).dates == ["vrijdag 23/01/2026, volledige dag (09.00–17.00 uur)"]  # 20/01 is past
    time_machine.move_to("2026-01-23 16:00 +01:00")
    change_stage(journey, to=Stage.WAITLIST, by=hr)

    journey.refresh_from_db()
    assert sentences(journey)[1:] == [
        "12/01/2026 — Je diploma werd goedgekeurd: je bent toegelaten tot de selectie.",
        "13/01/2026 — Je werd uitgenodigd voor het online kennismakingsinterview.",
        "23/01/2026 — Je bent geslaagd voor het kennismakingsinterview en staat op de wachtlijst tot en met "
        "22/01/2027.",
    ]
    assert next_step_for(journey).dates == ["Je plaats op de wachtlijst geldt tot en met 22/01/2027."]


def test_an_outcome_is_shown_only_once_hr_released_its_mail(journey, hr, client_a, time_machine):
    for stage in (Stage.ELIGIBLE, Stage.INTAKE_INVITED):
        change_stage(journey, to=stage, by=hr)
    time_machine.move_to("2026-01-20 11:00 +01:00")
    change_stage(journey, to=Stage.INTAKE_FAILED, by=hr, reason="Te weinig jobinzicht.")
    assert Mail.objects.get(event="intake_failed").state == Mail.State.DRAFT

    url = reverse("candidates:detail", kwargs={"public_id": journey.public_id})
    client_a.force_login(journey.candidate.user, backend="django.contrib.auth.backends.ModelBackend")
    html = client_a.get(url).content.decode()
    assert shown_stage(journey) == Stage.INTAKE_INVITED
    assert "Uitgenodigd voor het kennismakingsinterview" in html
    assert "niet geslaagd" not in html.lower() and "20/01/2027" not in html and "Te weinig jobinzicht" not in html
    assert "Deze kandidatuur is afgesloten." not in html and "Kandidatuur intrekken" in html

    release_mails(Mail.objects.filter(event="intake_failed"), by=hr)
    assert sentences(journey)[-1] == ("20/01/2026 — Je bent niet geslaagd voor het kennismakingsinterview. "
                                      "Je kan opnieuw solliciteren voor deze functie vanaf 20/01/2027.")
    html = client_a.get(url).content.decode()
    assert "Niet geslaagd voor het kennismakingsinterview" in html
    assert "Voor deze functie kan je opnieuw solliciteren vanaf 20/01/2027." in html
    assert "Kandidatuur intrekken" not in html


def test_the_reason_of_a_not_eligible_decision_is_shown_with_it(journey, hr):
    change_stage(journey, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen diploma van het juiste niveau.")
    mark_sent("screening_not_eligible")
    entry = timeline_for(journey)[-1]
    assert entry.text == "Je bent niet toegelaten: je diploma geeft geen toegang tot deze functie."
    assert entry.detail == "Geen diploma van het juiste niveau."
    assert next_step_for(journey).text.startswith("Deze kandidatuur is afgesloten.")


def test_only_mails_that_left_are_listed(journey, hr, client_a):
    change_stage(journey, to=Stage.ELIGIBLE, by=hr)
    change_stage(journey, to=Stage.INTAKE_INVITED, by=hr)
    mark_sent("screening_eligible")
    html = client_a.get(reverse("candidates:detail", kwargs={"public_id": journey.public_id})).content.decode()
    assert "Je bent toegelaten tot de selectie voor" in html
    assert "Kies een moment voor je kennismakingsinterview" not in html  # still queued


def test_the_list_and_the_page_keep_their_query_count(user, procedure, hr, client_a):
    candidate = CandidateFactory(user=user, email=user.email)

    def apply_and_move():
        application = ApplicationFactory(candidate=candidate)
        change_stage(application, to=Stage.ELIGIBLE, by=hr)
        change_stage(application, to=Stage.INTAKE_INVITED, by=hr)
        return application

    first = apply_and_move()
    url = reverse("candidates:list")
    client_a.get(url)
    with CaptureQueriesContext(connection) as one:
        client_a.get(url)
    for _ in range(4):
        apply_and_move()
    with CaptureQueriesContext(connection) as five:
        response = client_a.get(url)
    assert response.content.decode().count('class="procedure-card mb-3"') == 5
    assert len(five) == len(one)
    detail = reverse("candidates:detail", kwargs={"public_id": first.public_id})
    with CaptureQueriesContext(connection) as page:
        client_a.get(detail)
    assert len(page) <= 16, [q["sql"] for q in page]


def test_the_arrangement_hr_recorded_is_in_my_timeline_per_interview(journey, client_a, time_machine):
    from candidates.accommodations import record_arrangements

    journey.accommodations = "Ik ben doof; graag een tolk."
    journey.save(update_fields=["accommodations"])
    time_machine.move_to("2026-01-08 10:00 +01:00")
    record_arrangements(journey, intake="Ondertiteling in Teams.", jury="Gesprek met tolk Vlaamse Gebarentaal.")
    journey.refresh_from_db()
    assert sentences(journey)[1:] == [
        "08/01/2026 — Het selectieteam legde een aanpassing vast voor je kennismakingsinterview: Ondertiteling in "
        "Teams.",
        "08/01/2026 — Het selectieteam legde een aanpassing vast voor je jobinterview: Gesprek met tolk Vlaamse "
        "Gebarentaal.",
    ]
    client_a.force_login(journey.candidate.user, backend="django.contrib.auth.backends.ModelBackend")
    html = client_a.get(reverse("candidates:detail", kwargs={"public_id": journey.public_id})).content.decode()
    assert "je jobinterview: Gesprek met tolk Vlaamse Gebarentaal." in html
    assert "Ik ben doof; graag een tolk." in html  # their own request, under what they submitted

    record_arrangements(journey, intake="", jury="")
    journey.refresh_from_db()
    assert len(sentences(journey)) == 1  # cleared: no line about an arrangement that no longer holds
