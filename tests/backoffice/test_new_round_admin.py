"""HR starts next year's round from the back office: "Nieuwe ronde" on a procedure's page or as a list action, a form
with the new title, web address and dates and the proposed intake moments; every refusal on the page in Dutch,
nothing made, never a 500."""

import re
from datetime import time, timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from interviews.models import IntakePolicy
from procedures.models import IntakeSession, Procedure
from tests.factories import DiplomaFactory, IntakeSessionFactory, ProcedureFactory

pytestmark = pytest.mark.django_db


def day(offset):
    return timezone.localdate() + timedelta(days=offset)


@pytest.fixture
def old():
    """Last year's round: closed, two diplomas, two intake days about ten months ago, a policy of its own."""
    procedure = ProcedureFactory(title="Maatschappelijk werker (B1-B3)", slug="maatschappelijk-werker",
                                 status=Procedure.Status.CLOSED, intro="De inleiding van vorig jaar.")
    DiplomaFactory(procedure=procedure, name="Bachelor in het sociaal werk", position=1)
    DiplomaFactory(procedure=procedure, name="Maatschappelijk assistent", position=2)
    IntakeSessionFactory(procedure=procedure, date=day(-300), starts_at=time(9), ends_at=time(12), label="voormiddag",
                         meeting_url="https://teams.example.org/vorig-jaar")
    IntakeSessionFactory(procedure=procedure, date=day(-297), starts_at=None, ends_at=None, label="volledige dag")
    IntakePolicy.objects.create(procedure=procedure, change_cutoff_hours=48)
    return procedure


def page_url(procedure):
    return reverse("admin:procedures_procedure_new_round", args=[procedure.pk])


def management(total, initial=0):
    return {"intake-TOTAL_FORMS": str(total), "intake-INITIAL_FORMS": str(initial), "intake-MIN_NUM_FORMS": "0",
            "intake-MAX_NUM_FORMS": "20"}


def form(**overrides):
    """The form as HR sends it after accepting the two proposed moments; one empty extra row."""
    data = {
        "title": "Maatschappelijk werker (B1-B3) volgende ronde", "slug": "maatschappelijk-werker-volgende",
        "applications_open_from": day(1).isoformat(), "applications_close_on": day(40).isoformat(),
        **management(3, initial=2),
        "intake-0-date": day(64).isoformat(), "intake-0-starts_at": "09:00", "intake-0-ends_at": "12:00",
        "intake-0-label": "voormiddag",
        "intake-1-date": day(67).isoformat(), "intake-1-starts_at": "", "intake-1-ends_at": "",
        "intake-1-label": "volledige dag",
        "intake-2-date": "", "intake-2-starts_at": "", "intake-2-ends_at": "", "intake-2-label": "",
    }
    data.update(overrides)
    return data


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_procedure_page_offers_a_new_round(hr_client, old):
    html = hr_client.get(reverse("admin:procedures_procedure_change", args=[old.pk])).content.decode()
    assert f'<a href="{page_url(old)}">Nieuwe ronde</a>' in html


def test_the_page_proposes_the_old_moments_52_weeks_later_and_says_what_is_copied_and_shared(hr_client, old):
    old.function.competencies.create(name="Klantgerichtheid", definition="…")
    response = hr_client.get(page_url(old))
    assert response.status_code == 200
    html = text_of(response)
    assert 'name="title" value="Maatschappelijk werker (B1-B3)"' in html
    assert re.search(r'name="slug"(?![^>]*value=)', html)  # the new web address is HR's to choose
    assert re.search(r'name="applications_close_on"(?![^>]*value=)', html)
    # Proposed: same weekday, 52 weeks on; hours and labels kept; no meeting link anywhere.
    assert f'name="intake-0-date" value="{day(64).isoformat()}"' in html
    assert 'name="intake-0-starts_at" value="09:00"' in html and 'name="intake-0-label" value="voormiddag"' in html
    assert f'name="intake-1-date" value="{day(67).isoformat()}"' in html
    assert "teams.example.org" not in html
    assert "2 diploma’s die toegang geven." in html
    assert "1 competentie met haar gedragsindicatoren" in html


def test_hr_makes_the_new_round_as_proposed_and_lands_on_its_page(hr_client, old):
    response = hr_client.post(page_url(old), form(**{"intake-1-DELETE": "on", "intake-2-date": day(70).isoformat(),
                                                     "intake-2-label": "namiddag"}))
    new = Procedure.objects.get(slug="maatschappelijk-werker-volgende")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:procedures_procedure_change", args=[new.pk])
    assert (new.status, new.title, new.intro) == (Procedure.Status.DRAFT, "Maatschappelijk werker (B1-B3) volgende "
                                                  "ronde", "De inleiding van vorig jaar.")
    assert list(new.intake_sessions.order_by("date").values_list("date", "label", "starts_at")) == [
        (day(64), "voormiddag", time(9)), (day(70), "namiddag", None)]
    assert list(new.diplomas.values_list("name", flat=True)) == ["Bachelor in het sociaal werk",
                                                                 "Maatschappelijk assistent"]
    assert IntakePolicy.objects.get(procedure=new).change_cutoff_hours == 48
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    # What will happen, exactly: the draft opens by itself on its first day (procedures.application_period).
    assert message == (
        f"Nieuwe ronde ‘Maatschappelijk werker (B1-B3) volgende ronde’ aangemaakt, in voorbereiding en nog niet "
        f"publiek. Ze gaat vanzelf open voor kandidaturen op {day(1):%d/%m/%Y}, kort na middernacht (binnen 10 "
        f"minuten), en neemt kandidaturen aan tot en met {day(40):%d/%m/%Y}. Controleer de teksten voor die dag; "
        f"wil je ze later openen, verschuif dan de eerste dag. De vorige ronde is niet gewijzigd.")
    old.refresh_from_db()
    assert (old.status, old.slug, old.intake_sessions.count()) == (Procedure.Status.CLOSED, "maatschappelijk-werker", 2)


def test_a_round_that_opens_today_says_it_opens_within_minutes(hr_client, old):
    response = hr_client.post(page_url(old), form(applications_open_from=day(0).isoformat()))
    assert response.status_code == 302
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert ("in voorbereiding en nog niet publiek. Ze gaat vandaag vanzelf open voor kandidaturen (binnen 10 "
            f"minuten) en neemt kandidaturen aan tot en met {day(40):%d/%m/%Y}. Controleer de teksten nu;") in message


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"applications_open_from": day(-1).isoformat()}, "applications_open_from",
     f"De eerste dag om te solliciteren ({day(-1):%d/%m/%Y}) ligt in het verleden. Kies vandaag of een latere dag."),
    ({"slug": "maatschappelijk-werker"}, "slug",
     "Er is al een procedure met het webadres (slug) ‘maatschappelijk-werker’ (‘Maatschappelijk werker (B1-B3)’). "
     "Kies een ander webadres, bv. met het jaar erin. Er is niets aangemaakt."),
    ({"applications_close_on": day(-1).isoformat(), "applications_open_from": day(-5).isoformat()},
     "applications_close_on", "ligt in het verleden. Kies vandaag of een latere dag."),
    ({"applications_open_from": day(41).isoformat()}, "applications_close_on",
     "ligt voor de eerste"),
    ({"title": "x" * 5000}, "title", "Hou de titel op hoogstens 200 tekens (nu 5000)."),
    ({"intake-0-label": "v" * 81}, None, "Hou de omschrijving van Intakemoment 1"),
    ({"applications_close_on": "31/02/2027"}, "applications_close_on", "Geef een geldige datum, bv. 15/01/2027."),
    ({"intake-2-label": "namiddag"}, None, "Vul de datum in, of vink ‘Niet aanmaken’ aan."),
    ({"intake-0-date": day(-2).isoformat()}, None, "ligt in het verleden. Kies een dag vanaf vandaag"),
    ({"intake-0-ends_at": "08:00"}, None, "het einduur moet later zijn dan het beginuur."),
])
def test_bad_input_is_refused_on_the_page_with_nothing_made_and_nothing_lost(hr_client, old, overrides, field,
                                                                             message):
    counts = (Procedure.objects.count(), IntakeSession.objects.count(), IntakePolicy.objects.count())
    response = hr_client.post(page_url(old), form(**overrides))
    assert response.status_code == 200
    html = text_of(response)
    assert "Er is niets aangemaakt." in html and message in html
    if field is not None:
        assert message in " ".join(response.context["form"].errors[field])
    assert 'value="maatschappelijk-werker-volgende"' in html or overrides.get("slug")  # what HR typed stays
    assert (Procedure.objects.count(), IntakeSession.objects.count(), IntakePolicy.objects.count()) == counts


def test_the_same_form_sent_twice_makes_one_round_and_says_so_the_second_time(hr_client, old):
    first = hr_client.post(page_url(old), form())
    second = hr_client.post(page_url(old), form())
    assert first.status_code == 302 and second.status_code == 200
    assert "Er is al een procedure met het webadres (slug) ‘maatschappelijk-werker-volgende’ (‘Maatschappelijk " \
           "werker (B1-B3) volgende ronde’)" in text_of(second)
    assert Procedure.objects.filter(slug="maatschappelijk-werker-volgende").count() == 1
    assert Procedure.objects.count() == 2


def test_a_tampered_row_count_is_refused_not_a_500(hr_client, old):
    response = hr_client.post(page_url(old), form(**management(1000, initial=2)))
    assert response.status_code == 200
    assert "Er is niets aangemaakt." in text_of(response)
    assert Procedure.objects.count() == 1


def test_the_list_action_leads_to_the_page_for_one_procedure_and_asks_for_one(hr_client, old):
    changelist = reverse("admin:procedures_procedure_changelist")
    response = hr_client.post(changelist, {"action": "start_new_round_action", "_selected_action": [old.pk]})
    assert (response.status_code, response["Location"]) == (302, page_url(old))
    other = ProcedureFactory()
    response = hr_client.post(changelist, {"action": "start_new_round_action",
                                           "_selected_action": [old.pk, other.pk]}, follow=True)
    assert "Kies precies één procedure om er een nieuwe ronde van te starten." in text_of(response)
    assert Procedure.objects.count() == 2
