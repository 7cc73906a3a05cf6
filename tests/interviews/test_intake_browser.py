"""In real Chromium: a candidate books, moves and cancels an intake slot; axe finds nothing on any page state."""

from datetime import time, timedelta

import pytest

from interviews.intake.booking import book_slot
from interviews.models import IntakeBooking
from tests.browser.axe import check_axe
from tests.browser.conftest import browser, browser_context, login, page, shoot  # noqa: F401  (fixtures)
from tests.interviews.helpers import future_session, invited_application, make_slot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_HORIZONTAL_SCROLL_JS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def intake(procedure):
    first_day, second_day = future_session(procedure), future_session(procedure, days_ahead=11)
    slots = [make_slot(first_day, at=time(9), seats=2), make_slot(first_day, at=time(9, 20)),
             make_slot(second_day, at=time(11))]
    return invited_application(procedure), slots


def test_a_candidate_books_moves_and_cancels(page, intake):  # noqa: F811
    application, slots = intake
    login(page, application.candidate.user)
    url = f"/mijn-kandidaturen/{application.public_id}/intake/"

    page.goto(url)
    assert page.locator("h1").inner_text() == "Je kennismakingsinterview"
    assert page.get_by_text("nog 2 plaatsen vrij").count() == 1
    check_axe(page, "intake: free slots")
    shoot(page, "intake-1-free-slots")

    page.get_by_role("button", name="Kies 09:00–09:20").click()
    page.wait_for_url(f"**{url}")
    assert "Geboekt:" in page.locator(".messages").inner_text()
    assert page.get_by_role("heading", name="Je afspraak").is_visible()
    assert IntakeBooking.objects.active().get(application=application).slot == slots[0]
    check_axe(page, "intake: booked")
    shoot(page, "intake-2-booked")

    page.get_by_role("button", name="Verplaats naar 11:00–11:20").click()
    page.wait_for_url(f"**{url}")
    assert "Verplaatst naar" in page.locator(".messages").inner_text()
    assert IntakeBooking.objects.active().get(application=application).slot == slots[2]
    check_axe(page, "intake: moved")

    page.get_by_role("link", name="Afspraak annuleren").click()
    assert page.locator("h1").inner_text() == "Afspraak annuleren?"
    check_axe(page, "intake: confirm cancel")
    shoot(page, "intake-3-confirm-cancel")
    page.get_by_role("button", name="Ja, annuleer mijn afspraak").click()
    page.wait_for_url(f"**{url}")
    assert "geannuleerd" in page.locator(".messages").inner_text()
    assert not IntakeBooking.objects.active().filter(application=application).exists()
    check_axe(page, "intake: after cancel")

    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate(NO_HORIZONTAL_SCROLL_JS)


def test_the_race_loser_and_the_empty_list_pass_axe(page, intake, procedure):  # noqa: F811
    application, slots = intake
    login(page, application.candidate.user)
    url = f"/mijn-kandidaturen/{application.public_id}/intake/"
    page.goto(url)
    # Someone else takes the 09:20 seat while the page is open.
    book_slot(slots[1], application=invited_application(procedure))
    page.get_by_role("button", name="Kies 09:20–09:40").click()
    alert = page.get_by_role("alert")
    assert "Iemand anders was je net voor" in alert.inner_text()
    assert page.get_by_role("button", name="Kies 09:00–09:20").is_visible()
    check_axe(page, "intake: race lost")
    shoot(page, "intake-4-race-lost")

    for slot in (slots[0], slots[0], slots[2]):
        book_slot(slot, application=invited_application(procedure))
    page.goto(url)
    assert "geen vrije momenten meer" in page.locator("#geen-vrije-momenten").inner_text()
    check_axe(page, "intake: nothing free")
    shoot(page, "intake-5-nothing-free")


def test_the_interviewer_pages_pass_axe(page, intake):  # noqa: F811
    import time_machine
    from django.urls import reverse
    from django.utils import timezone

    from tests.interviews.test_assessment import interviewer

    application, slots = intake
    anna = interviewer("anna")
    slots[0].interviewers.set([anna])
    booking = book_slot(slots[0], application=application)
    login(page, anna)
    page.goto(reverse("interviews:day", args=[timezone.localdate(slots[0].starts_at).isoformat()]))
    assert page.get_by_role("link", name=f"Dossier en beoordeling – {application.candidate.full_name}").is_visible()
    check_axe(page, "interviewer: day")
    shoot(page, "intake-6-interviewer-day")
    # The browser's clock is its own; only the server needs to be past the start of the interview.
    with time_machine.travel(slots[0].starts_at + timedelta(minutes=5)):
        login(page, anna)  # days later on the server's clock: the idle staff session has ended (30 minutes)
        page.goto(reverse("interviews:assess", args=[booking.uid]))
        page.get_by_role("button", name="Beoordeling opslaan en beslissen").click()
        assert page.locator(".error-summary").is_visible()
        check_axe(page, "interviewer: assessment form with errors")
        shoot(page, "intake-7-assessment-errors")


def test_a_fail_hr_has_not_released_reads_as_still_handled_and_passes_axe(page, intake):  # noqa: F811
    from candidates.stages import Stage
    from candidates.transitions import change_stage

    application, _slots = intake
    change_stage(application, to=Stage.INTAKE_FAILED, reason="Niet opgedaagd.")  # its mail waits for HR
    login(page, application.candidate.user)
    page.goto(f"/mijn-kandidaturen/{application.public_id}/intake/")
    assert "Je kandidatuur is in behandeling bij het selectieteam." in page.locator("main").inner_text()
    assert "niet geslaagd" not in page.locator("body").inner_text().lower()
    check_axe(page, "intake: outcome waits for release")
