"""Reasonable accommodations in the back office: HR reads the candidate's request and records the arrangement per
interview (what is adjusted, no health details); the page flags a request that has no arrangement yet."""

import re
from html import unescape

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from candidates.accommodations import MAX_ARRANGEMENT_LENGTH, ArrangementRefused, record_arrangements
from candidates.models import Application
from tests.auth import login_staff

pytestmark = pytest.mark.django_db

REQUEST = "Ik heb MS en word snel moe; graag een korter gesprek of een pauze."
AWAITED = "De kandidaat vroeg een aanpassing en er is nog niets vastgelegd"


def page_url(application):
    return reverse("admin:candidates_application_change", args=[application.pk])


def arrangements_url(application):
    return reverse("admin:candidates_application_arrangements", args=[application.pk])


def words(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def asking(named_application):
    Application.objects.filter(pk=named_application.pk).update(accommodations=REQUEST)
    named_application.refresh_from_db()
    return named_application


def test_hr_reads_the_request_and_records_the_arrangement_per_interview(hr_client, asking):
    page = words(hr_client.get(page_url(asking)))
    assert REQUEST in page and AWAITED in page

    form = hr_client.get(arrangements_url(asking))
    assert form.status_code == 200 and REQUEST in words(form)
    response = hr_client.post(arrangements_url(asking), {
        "intake_arrangement": "  Een pauze van 5 minuten halverwege.  ",
        "jury_arrangement": "Extra tijd: 10 minuten; een pauze na de case."})
    assert response.status_code == 302 and response["Location"] == page_url(asking)

    asking.refresh_from_db()
    assert asking.intake_arrangement == "Een pauze van 5 minuten halverwege."
    assert asking.jury_arrangement == "Extra tijd: 10 minuten; een pauze na de case."
    assert asking.arrangement_recorded_at is not None
    page = words(hr_client.get(page_url(asking)))
    assert "Extra tijd: 10 minuten; een pauze na de case." in page and AWAITED not in page
    # HR's change history says that it happened, not what: the texts stay on the application.
    entry = LogEntry.objects.get(object_id=str(asking.pk))
    assert entry.change_message == "Redelijke aanpassingen vastgelegd."


def shown(response):
    """What the form's page showed, as a browser sends it back with the save (the hidden initial values)."""
    html = response.content.decode()
    values = {}
    for name in ("initial-intake_arrangement", "initial-jury_arrangement"):
        tag = re.search(rf'<input type="hidden" name="{name}"[^>]*>', html).group(0)
        value = re.search(r'value="([^"]*)"', tag)
        values[name] = unescape(value.group(1)) if value else ""
    return values


def test_saving_the_same_arrangement_again_changes_nothing(hr_client, asking):
    record_arrangements(asking, intake="Pauze", jury="")
    recorded_at = Application.objects.get(pk=asking.pk).arrangement_recorded_at
    page = shown(hr_client.get(arrangements_url(asking)))
    response = hr_client.post(arrangements_url(asking), {"intake_arrangement": "Pauze", "jury_arrangement": "",
                                                         **page}, follow=True)
    assert "Er was niets gewijzigd." in words(response)
    assert Application.objects.get(pk=asking.pk).arrangement_recorded_at == recorded_at


def test_clearing_both_arrangements_clears_the_date(asking):
    record_arrangements(asking, intake="Pauze", jury="Pauze")
    assert record_arrangements(asking, intake=" ", jury="") is True
    asking.refresh_from_db()
    assert (asking.intake_arrangement, asking.jury_arrangement, asking.arrangement_recorded_at) == ("", "", None)


def test_too_long_an_arrangement_is_refused_with_the_text_kept(hr_client, asking):
    long_text = "Tolk Vlaamse Gebarentaal aanwezig. " * 30  # 1,050 characters
    response = hr_client.post(arrangements_url(asking), {"intake_arrangement": long_text,
                                                         "jury_arrangement": "Extra tijd"})
    assert response.status_code == 400
    text = words(response)
    assert f"Gebruik hoogstens {MAX_ARRANGEMENT_LENGTH} tekens (nu {len(long_text.strip())})" in text
    assert long_text.strip() in response.content.decode() and "Extra tijd" in text  # nothing typed is lost
    assert 'maxlength' not in response.content.decode()  # a browser would cut a pasted text without a word
    asking.refresh_from_db()
    assert (asking.intake_arrangement, asking.jury_arrangement) == ("", "")


def test_an_anonymised_application_takes_no_arrangement(asking):
    from django.utils import timezone

    Application.objects.filter(pk=asking.pk).update(anonymised_at=timezone.now())
    asking.refresh_from_db()
    with pytest.raises(ArrangementRefused, match="geanonimiseerd"):
        record_arrangements(asking, intake="Pauze", jury="")


def test_only_hr_records_an_arrangement(client, asking, interviewer):
    login_staff(client, interviewer)
    response = client.post(arrangements_url(asking), {"intake_arrangement": "Pauze", "jury_arrangement": ""})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    asking.refresh_from_db()
    assert asking.intake_arrangement == ""


def test_the_list_filters_the_requests_still_to_arrange(hr_client, asking, procedure):
    from tests.factories import ApplicationFactory, CandidateFactory

    arranged = ApplicationFactory(procedure=procedure, accommodations="Graag een pauze.",
                                  candidate=CandidateFactory(first_name="Rik", last_name="Geregeld"))
    record_arrangements(arranged, intake="Een pauze na 10 minuten.", jury="")
    ApplicationFactory(procedure=procedure, candidate=CandidateFactory(first_name="Nele", last_name="Niets"))
    url = reverse("admin:candidates_application_changelist")

    def names(value):
        rows = hr_client.get(url, {"aanpassingen": value}).context["cl"].result_list
        return [row.candidate.last_name for row in rows]

    assert names("te-regelen") == ["Vandenbussche"]
    assert names("vastgelegd") == ["Geregeld"]


def test_a_save_from_a_page_shown_before_someone_else_saved_is_refused_and_loses_nothing(hr_client, asking):
    # Two HR users open the page; the first records the intake's arrangement, the second then the jury's.
    page = shown(hr_client.get(arrangements_url(asking)))
    first = hr_client.post(arrangements_url(asking), {"intake_arrangement": "Een pauze halverwege.",
                                                      "jury_arrangement": "", **page})
    assert first.status_code == 302
    second = hr_client.post(arrangements_url(asking), {"intake_arrangement": "",
                                                       "jury_arrangement": "Extra tijd: 10 minuten.", **page})

    assert second.status_code == 400
    assert ("Iemand anders legde intussen andere aanpassingen vast. Er is niets bewaard. Nu ligt vast voor het "
            "kennismakingsinterview: ‘Een pauze halverwege.’; voor het jobinterview: niets.") in words(second)
    assert "Extra tijd: 10 minuten." in second.content.decode(), "what the second typed comes back"
    asking.refresh_from_db()
    assert (asking.intake_arrangement, asking.jury_arrangement) == ("Een pauze halverwege.", "")
    # The page now shows what lies recorded: saving again, knowingly, goes through.
    again = hr_client.post(arrangements_url(asking), {"intake_arrangement": "Een pauze halverwege.",
                                                      "jury_arrangement": "Extra tijd: 10 minuten.",
                                                      **shown(second)})
    assert again.status_code == 302
    asking.refresh_from_db()
    assert (asking.intake_arrangement, asking.jury_arrangement) == ("Een pauze halverwege.",
                                                                    "Extra tijd: 10 minuten.")
