"""After the apply-by day the apply path refuses by itself, also while the periodic job has not closed the
procedure yet (status still "open"): a clear Dutch message, nothing stored, and the links of the refusal work."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from candidates.models import Application, Document
from communications.models import Mail
from procedures.models import Procedure
from tests.portal.test_apply_view import apply_url, post

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
LAST_DAY = date(2026, 1, 10)
MIDNIGHT = datetime(2026, 1, 11, 0, 0, tzinfo=BRUSSELS)
REFUSAL = ("Solliciteren voor ‘Maatschappelijk werker (B1-B3)’ kon tot en met 10/01/2026. Deze selectie is "
           "afgesloten: er komen geen kandidaturen meer bij.")


@pytest.fixture
def closing(procedure):
    Procedure.objects.filter(pk=procedure.pk).update(applications_close_on=LAST_DAY)
    procedure.refresh_from_db()
    return procedure


def test_a_post_on_the_last_evening_is_accepted(client_a, closing, time_machine):
    time_machine.move_to(MIDNIGHT - timedelta(minutes=2), tick=False)
    response = post(client_a, closing)
    assert response.status_code == 302
    assert Application.objects.filter(procedure=closing).count() == 1


def test_a_post_after_midnight_is_refused_while_the_status_is_still_open(client_a, closing, time_machine):
    time_machine.move_to(MIDNIGHT + timedelta(seconds=1), tick=False)
    assert Procedure.objects.get(pk=closing.pk).status == Procedure.Status.OPEN  # the job has not run
    response = post(client_a, closing)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je kan nu niet solliciteren" in html
    assert REFUSAL in html
    assert not Application.objects.exists()
    assert not Document.objects.exists()
    assert not Mail.objects.exists()


def test_the_form_after_midnight_gives_the_refusal_whose_links_work(client_a, closing, time_machine):
    time_machine.move_to(MIDNIGHT + timedelta(hours=8), tick=False)
    html = client_a.get(apply_url(closing)).content.decode()
    assert REFUSAL in html
    assert 'name="diploma"' not in html  # no form
    assert f'href="/vacatures/{closing.slug}/"' in html  # the breadcrumb back to the vacancy ...
    vacancy = client_a.get(f"/vacatures/{closing.slug}/")
    assert vacancy.status_code == 200  # ... which is the closed page, not a 404
    assert "Deze selectie is afgesloten" in vacancy.content.decode()
    assert "/solliciteren/" not in vacancy.content.decode()


def test_a_procedure_before_its_open_from_day_says_from_when(client_a, procedure, time_machine):
    Procedure.objects.filter(pk=procedure.pk).update(applications_open_from=date(2026, 2, 1))
    time_machine.move_to(datetime(2026, 1, 20, 12, 0, tzinfo=BRUSSELS), tick=False)
    response = post(client_a, procedure)
    assert "Solliciteren voor ‘Maatschappelijk werker (B1-B3)’ kan vanaf 01/02/2026." in response.content.decode()
    assert not Application.objects.exists()
