"""What the bundle does not state is HR's to enter: stored empty, listed in the back office as "nog in te vullen"
with where it is used and where to fill it in, and never published as a fact."""

import re
from datetime import date, time
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pay.formatting import date_text
from pay.models import PayRules
from procedures import seed_data, settings_check
from procedures.models import IntakeSession, Procedure, Team
from procedures.settings_check import MissingSetting, missing_function_settings, missing_settings, register_check
from tests.factories import ProcedureFactory
from tests.pay.scales import create_pay_world
from tests.portal_public.vacancy import during_the_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_kortrijk", stdout=StringIO())
    return Procedure.objects.select_related("function").get(slug=seed_data.PROCEDURE_SLUG)


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_seeded_procedure_lists_every_setting_the_bundle_leaves_to_hr(seeded):
    with during_the_round():  # before the bundle's intake moments
        items = missing_settings(seeded)
        function_items = missing_function_settings(seeded.function)
        today = timezone.localdate()
    assert [item.what for item in items] == [
        "Geldigheid van de wervingsreserve van de functie ‘Maatschappelijk werker’",
        "Begin- en einduur van het intakemoment dinsdag 20/01/2026 (voormiddag)",
        "Begin- en einduur van het intakemoment donderdag 22/01/2026 (voormiddag)",
        "Begin- en einduur van het intakemoment vrijdag 23/01/2026 (volledige dag)",
        "Begin- en einduur van het intakemoment maandag 26/01/2026 (voormiddag)",
        "Teams (wijkteams en centraal aangestuurde teams): er is nog geen actief team",
        "Laatste dag om te solliciteren voor ‘Maatschappelijk werker (B1-B3)’",
        # The pay items (pay.estimate): the bundle states no career, no steps, no index coefficient, no holiday
        # pay and no year-end bonus as the city's.
        "Functionele loopbaan van Maatschappelijk werker",
        f"Indexcoëfficiënt, geldig op {date_text(today)}",
        "Premies en voordelen (vakantiegeld, eindejaarspremie, maaltijdcheques, fietsvergoeding, vakantiedagen), "
        f"geldig op {date_text(today)}",
    ]
    assert "Een juryronde starten" in items[0].used_for
    assert items[0].url == reverse("admin:procedures_function_change", args=[seeded.function.pk])
    assert items[1].url == reverse("admin:procedures_procedure_change", args=[seeded.pk]) + "#intake_sessions-group"
    assert "tijdsloten" in items[1].used_for
    assert items[5].url == reverse("admin:procedures_team_changelist")
    assert "concrete vacature" in items[5].used_for
    assert [item.what for item in function_items] == [
        items[0].what, items[5].what, items[7].what, items[8].what, items[9].what]


def test_a_moment_that_has_passed_asks_for_no_hours(seeded, time_machine):
    def moments_asked():
        return [item.what for item in missing_settings(seeded) if "intakemoment" in item.what]

    time_machine.move_to("2026-01-21 09:00 +01:00")
    assert moments_asked() == [
        "Begin- en einduur van het intakemoment donderdag 22/01/2026 (voormiddag)",
        "Begin- en einduur van het intakemoment vrijdag 23/01/2026 (volledige dag)",
        "Begin- en einduur van het intakemoment maandag 26/01/2026 (voormiddag)",
    ]
    time_machine.move_to("2026-01-26 16:00 +01:00")  # the last moment is today: still asked
    assert moments_asked() == ["Begin- en einduur van het intakemoment maandag 26/01/2026 (voormiddag)"]
    time_machine.move_to("2026-01-27 09:00 +01:00")
    assert moments_asked() == []


def test_the_list_empties_as_hr_fills_in(seeded):
    seeded.function.reserve_months = 24
    seeded.function.save()
    IntakeSession.objects.filter(procedure=seeded).update(starts_at=time(9), ends_at=time(12))
    Team.objects.create(name="Wijkteam Heule", kind=Team.Kind.NEIGHBOURHOOD)
    seeded.applications_close_on = date(2026, 1, 10)
    seeded.save()
    create_pay_world(seeded.function)  # official test scales and a career, as HR's import would leave them
    PayRules.objects.update(year_end_fixed_amount=Decimal("600.00"))
    assert missing_settings(seeded) == []
    assert missing_function_settings(seeded.function) == []
    Team.objects.update(active=False)  # a switched-off team does not count
    assert [item.what for item in missing_settings(seeded)] == [
        "Teams (wijkteams en centraal aangestuurde teams): er is nog geen actief team"]


def test_another_app_adds_its_own_items(seeded, monkeypatch):
    monkeypatch.setattr(settings_check, "CHECKS", list(settings_check.CHECKS))

    def pay_check(function, procedure):
        yield MissingSetting("Eindejaarspremie: vast deel", "De loonsimulatie.", "/admin/", "Back office › Loon")

    assert register_check(pay_check) is pay_check
    register_check(pay_check)  # twice is once
    assert [item.what for item in missing_settings(seeded)].count("Eindejaarspremie: vast deel") == 1
    assert "Eindejaarspremie: vast deel" in [item.what for item in missing_function_settings(seeded.function)]


def test_the_procedure_and_function_pages_show_what_is_still_to_fill_in(seeded, hr_client):
    page = text(hr_client.get(reverse("admin:procedures_procedure_change", args=[seeded.pk])))
    assert 'id="missing-settings"' in page and "Nog in te vullen door HR" in page
    for item in missing_settings(seeded):
        assert item.what in page and f'href="{item.url}"' in page
    page = text(hr_client.get(reverse("admin:procedures_function_change", args=[seeded.function.pk])))
    assert "Geldigheid van de wervingsreserve van de functie ‘Maatschappelijk werker’" in page
    assert "intakemoment" not in page.split('id="missing-settings"')[1].split("</section>")[0]


def test_the_admin_index_shows_it_for_each_open_procedure(seeded, hr_client):
    ProcedureFactory(title="Procedure in voorbereiding", slug="in-voorbereiding", status=Procedure.Status.DRAFT)
    page = text(hr_client.get(reverse("admin:index")))
    assert 'id="missing-settings-maatschappelijk-werker-b1-b3"' in page
    assert "Nog in te vullen voor ‘Maatschappelijk werker (B1-B3)’" in page
    assert "Procedure in voorbereiding" not in page


def test_a_filled_in_procedure_shows_no_box(seeded, hr_client):
    seeded.function.reserve_months = 24
    seeded.function.save()
    IntakeSession.objects.filter(procedure=seeded).update(starts_at=time(9), ends_at=time(12))
    Team.objects.create(name="Wijkteam Heule", kind=Team.Kind.NEIGHBOURHOOD)
    Procedure.objects.filter(pk=seeded.pk).update(applications_close_on=date(2026, 1, 10))
    create_pay_world(seeded.function)
    PayRules.objects.update(year_end_fixed_amount=Decimal("600.00"))
    assert "missing-settings" not in hr_client.get(reverse("admin:index")).content.decode()
    assert "missing-settings" not in hr_client.get(
        reverse("admin:procedures_procedure_change", args=[seeded.pk])).content.decode()


def test_hr_enters_the_hours_of_a_moment_in_pairs(seeded, hr_client):
    url = reverse("admin:procedures_procedure_change", args=[seeded.pk])
    form = hr_client.get(url).context["adminform"].form
    data = {name: ("" if value is None else value) for name, value in form.initial.items()
            if name not in ("applications_open_from", "applications_close_on")}
    data.update({"applications_open_from": "", "applications_close_on": ""})
    sessions = list(seeded.intake_sessions.all())
    data.update({"diplomas-TOTAL_FORMS": 0, "diplomas-INITIAL_FORMS": 0, "diplomas-MIN_NUM_FORMS": 0,
                 "diplomas-MAX_NUM_FORMS": 1000, "intake_sessions-TOTAL_FORMS": len(sessions),
                 "intake_sessions-INITIAL_FORMS": len(sessions), "intake_sessions-MIN_NUM_FORMS": 0,
                 "intake_sessions-MAX_NUM_FORMS": 1000, "steps-TOTAL_FORMS": 0, "steps-INITIAL_FORMS": 0,
                 "steps-MIN_NUM_FORMS": 0, "steps-MAX_NUM_FORMS": 1000})
    for n, session in enumerate(sessions):
        data.update({f"intake_sessions-{n}-id": session.pk, f"intake_sessions-{n}-procedure": seeded.pk,
                     f"intake_sessions-{n}-date": session.date.strftime("%d/%m/%Y"),
                     f"intake_sessions-{n}-starts_at": "", f"intake_sessions-{n}-ends_at": "",
                     f"intake_sessions-{n}-label": session.label, f"intake_sessions-{n}-meeting_url": ""})
    data["intake_sessions-0-starts_at"] = "09:00"  # the end forgotten
    refused = hr_client.post(url, data)
    assert refused.status_code == 200
    assert "Vul het begin- en het einduur in, of laat ze allebei leeg." in text(refused)
    assert not IntakeSession.objects.filter(starts_at__isnull=False).exists()
    data["intake_sessions-0-ends_at"] = "12:00"
    assert hr_client.post(url, data).status_code == 302
    assert seeded.intake_sessions.get(date=date(2026, 1, 20)).hours == "09:00–12:00"
    assert seeded.intake_sessions.filter(starts_at__isnull=True).count() == 3


def test_the_public_page_publishes_no_invented_fact(seeded, client):
    with during_the_round():  # the bundle's intake moments are still ahead
        html = text(client.get(f"/vacatures/{seeded.slug}/"))
    assert "dinsdag 20 januari 2026 (<span lang=\"nl-be\">voormiddag</span>)" in html
    assert "vrijdag 23 januari 2026 (<span lang=\"nl-be\">volledige dag</span>)" in html
    for invented in ("09:00", "12:00", "16:30", "2 jaar geldig", "24 maanden", "Wijkteam 1", "HR geeft",
                     "Buitenlands diploma met gelijkwaardigheidsverklaring"):
        assert invented not in html, invented
    assert "Deze wachtlijst is 1 jaar geldig." in html  # the bundle's own words stay
