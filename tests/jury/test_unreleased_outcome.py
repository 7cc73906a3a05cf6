"""A jury outcome HR has not released is on none of the candidate's jury pieces: the case document, the reserve's
availability page, the own-data export (its bans and its waitlist and reserve places). Once HR releases the mail,
each follows it."""

import io

import pytest
from django.urls import reverse

from candidates.export import export_data
from candidates.models import PoolEntry
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import release_mails
from tests.jury.rounds import decide
from tests.jury.test_access import client_for

pytestmark = pytest.mark.django_db


def _release(application, event, hr):
    mails = Mail.objects.for_object(application).filter(event=event)
    assert [mail.state for mail in mails] == [Mail.State.DRAFT]
    release_mails(mails, by=hr)


def _places(application):
    return [(entry["soort"], entry["laatste_geldige_dag"])
            for entry in export_data(application.candidate.user)["kandidaturen"][0]["wachtlijst_en_reserve"]]


def _with_case(jury):
    jury_round, (_ann, bert), *_ = jury
    jury_round.case_document.save("case", io.BytesIO(b"%PDF-1.4 case"), save=False)
    jury_round.case_document_name = "case.pdf"
    jury_round.save()
    bert.case_sent_at = jury_round.created_at
    bert.save(update_fields=["case_sent_at"])
    return bert.application


def test_the_case_and_the_ban_in_the_export_follow_the_released_fail(jury, hr):
    bert = _with_case(jury)
    client = client_for(bert.candidate.user)
    url = reverse("interviews:case_document", args=[bert.public_id])
    assert client.get(url).status_code == 200
    decide(jury, values=(4, 2))
    bert.refresh_from_db()
    assert bert.stage == Stage.JURY_FAILED

    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 case"
    data = export_data(bert.candidate.user)
    assert data["uitsluitingen"] == []
    assert data["kandidaturen"][0]["fase"] == "uitgenodigd voor jurygesprek"

    _release(bert, "jury_failed", hr)
    assert client.get(url).status_code == 404
    ban = bert.candidate.bans.get()
    assert export_data(bert.candidate.user)["uitsluitingen"] == [
        {"functie": bert.procedure.function.name, "vanaf": ban.starts_on, "opnieuw_welkom_vanaf": ban.ends_on}]


def test_the_reserve_page_and_place_in_the_export_follow_the_released_reserve_mail(jury, hr):
    decide(jury, values=(5, 4))
    bert = jury[1][1].application
    bert.refresh_from_db()
    assert bert.stage == Stage.RESERVE
    client = client_for(bert.candidate.user)
    url = reverse("interviews:reserve_availability", args=[bert.public_id])
    waitlist = bert.pool_entries.get(kind=PoolEntry.Kind.WAITLIST)
    reserve = bert.pool_entries.get(kind=PoolEntry.Kind.RESERVE)

    assert client.get(url).status_code == 404
    assert client.post(url, {"starts_on": "01/01/2099", "ends_on": "02/01/2099"}).status_code == 404
    assert _places(bert) == [("wachtlijst", waitlist.last_valid_day)]

    _release(bert, "reserve", hr)
    assert "Je plaats in de wervingsreserve blijft even lang geldig" in client.get(url).content.decode()
    assert _places(bert) == [("wachtlijst", waitlist.last_valid_day), ("wervingsreserve", reserve.last_valid_day)]
