"""The candidate's address is the account's: after a change through allauth (add, re-authenticate, verify) every
later mail goes to the new address, mails not yet sent included; a mail already sent keeps its recipient."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from candidates import mail_events
from candidates.accounts import change_candidate_address
from candidates.erasure import confirm_erasure, request_erasure
from candidates.models import Candidate
from candidates.stages import Stage
from candidates.transitions import change_stage
from communications.models import Mail
from communications.outbox import queue_mail, release_mails
from communications.sending import send_queued_mails
from tests.auth import login_staff
from tests.factories import ApplicationFactory, CandidateFactory, UserFactory, hr_user

pytestmark = pytest.mark.django_db

PASSWORD = "Kortrijk-sollicitant-2026"
OLD, NEW = "oud.adres@example.org", "nieuw.adres@example.org"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()  # allauth counts confirmation mails and re-authentications in the cache


def account(address=OLD, **kwargs):
    user = UserFactory(email=address, password=PASSWORD, **kwargs)
    EmailAddress.objects.create(user=user, email=address, verified=True, primary=True)
    return user


def change_address_through_the_account(client, user, new=NEW):
    """What the person does: ask for the new address, give the password again, follow the link in the mail."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    client.post("/account/email/", {"action_add": "", "email": new})
    assert client.post("/account/reauthenticate/", {"password": PASSWORD}).status_code == 302
    assert client.post("/account/email/", {"action_add": "", "email": new}).status_code == 302
    assert EmailAddress.objects.get(email=new).verified is False
    confirmation = Mail.objects.filter(to=new, event="account").latest("id")
    link = next(url for url in re.findall(r"https?://\S+", confirmation.body_text) if "/confirm-email/" in url)
    path = re.sub(r"^https?://[^/]+", "", link)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    assert EmailAddress.objects.get(user=user, primary=True).email == new


def send_all(mails):
    send_queued_mails([mail.pk for mail in mails])


def recipients(sink, mail):
    [received] = sink.with_message_id(mail.message_id)
    return received.rcpt_tos


def test_every_later_mail_goes_to_the_new_address_and_a_sent_one_keeps_the_old(smtp_sink, hr):
    user = account()
    candidate = CandidateFactory(user=user)
    assert candidate.email == OLD
    screened, withdrawn = ApplicationFactory(candidate=candidate), ApplicationFactory(candidate=candidate)
    context = {"candidate_name": candidate.full_name, "procedure_title": screened.procedure.title}
    sent = queue_mail(mail_events.APPLICATION_RECEIVED.key, to=OLD, related=screened, context=context)
    send_all([sent])
    queued = queue_mail(mail_events.APPLICATION_RECEIVED.key, to=OLD, related=withdrawn, context=context)
    in_flight = queue_mail(mail_events.APPLICATION_RECEIVED.key, to=OLD, related=withdrawn, context=context)
    Mail.objects.filter(pk=in_flight.pk).update(state=Mail.State.SENDING)  # a worker is sending it right now
    change_stage(screened, to=Stage.NOT_ELIGIBLE, by=hr, reason="Geen diploma van het vereiste niveau.")
    held = Mail.objects.get(event=mail_events.SCREENING_NOT_ELIGIBLE.key)
    assert (held.state, held.to) == (Mail.State.DRAFT, OLD)

    change_address_through_the_account(Client(), user)

    candidate.refresh_from_db()
    assert candidate.email == NEW
    for mail in (sent, queued, held, in_flight):
        mail.refresh_from_db()
    assert (sent.state, sent.to) == (Mail.State.SENT, OLD)  # the record says where it went
    assert recipients(smtp_sink, sent) == [OLD]
    assert in_flight.to == OLD  # being sent: it leaves as it was claimed
    assert (queued.state, queued.to) == (Mail.State.QUEUED, NEW)
    assert (held.state, held.to) == (Mail.State.DRAFT, NEW)
    # allauth tells the old address that the account's address changed; that one notice goes there on purpose.
    notice = Mail.objects.filter(to=OLD, event="account").latest("id")
    assert NEW in notice.body_text

    # A stage change after the change, the held outcome released by HR, the erasure confirmation: the new address.
    change_stage(withdrawn, to=Stage.WITHDRAWN, by=hr, reason="Trekt zich terug.")
    stage_mail = Mail.objects.get(event=mail_events.WITHDRAWN.key)
    assert release_mails([held], by=hr) == 1
    send_all([queued, stage_mail, held])  # before the erasure, which cancels what was not sent yet
    erasure, _ = request_erasure(candidate)
    confirm_erasure(erasure, by=hr)
    erasure_done = Mail.objects.get(event=mail_events.ERASURE_DONE.key)
    send_all([erasure_done])
    for mail in (queued, stage_mail, held, erasure_done):
        assert recipients(smtp_sink, mail) == [NEW], mail.event


def test_the_portal_and_the_back_office_show_the_current_address(client):
    user = account()
    application = ApplicationFactory(candidate=CandidateFactory(user=user))
    change_address_through_the_account(client, user)
    assert NEW in client.get("/mijn-gegevens/").content.decode()
    account_page = client.get("/account/email/").content.decode()
    assert f'value="{NEW}"' in account_page and OLD not in account_page
    assert "ook de mails die nog niet verstuurd zijn" in account_page
    hr_client = Client()
    login_staff(hr_client, hr_user(username="hr-adres"))
    page = hr_client.get(f"/admin/candidates/application/{application.pk}/change/").content.decode()
    assert NEW in page and OLD not in page


def test_erasure_after_a_change_also_blanks_the_account_mails_to_the_old_address(hr):
    user = account()
    candidate = CandidateFactory(user=user)
    ApplicationFactory(candidate=candidate)
    Client().post("/account/password/reset/", {"email": OLD})  # an account mail to the old address, then sent
    Mail.objects.filter(to=OLD, event="account").update(state=Mail.State.SENT)
    change_address_through_the_account(Client(), user)
    to_old = list(Mail.objects.filter(to=OLD, event="account"))
    assert len(to_old) == 2  # the reset link and the notice of the change
    user_type = ContentType.objects.get_for_model(user)
    assert {(mail.content_type_id, mail.object_id) for mail in to_old} == {(user_type.pk, user.pk)}
    erasure, _ = request_erasure(candidate)
    confirm_erasure(erasure, by=hr)
    assert not Mail.objects.filter(to__iexact=OLD).exists()
    assert not Mail.objects.filter(body_text__contains=OLD).exclude(event=mail_events.ERASURE_DONE.key).exists()


def test_a_staff_account_changes_its_address_without_becoming_a_candidate():
    user = account("medewerker@example.org", is_staff=True)
    other = queue_mail(mail_events.APPLICATION_RECEIVED.key, to="medewerker@example.org",
                       context={"candidate_name": "x", "procedure_title": "y"})
    change_address_through_the_account(Client(), user, new="medewerker.nieuw@example.org")
    user.refresh_from_db()
    assert user.email == "medewerker.nieuw@example.org" and user.is_staff
    assert not Candidate.objects.exists()
    other.refresh_from_db()
    assert other.to == "medewerker@example.org"  # a staff member's mails are HR's to address, not a candidate's


def test_an_erased_candidate_is_left_alone():
    user = account()
    candidate = CandidateFactory(user=user)
    Candidate.objects.filter(pk=candidate.pk).update(erased_at="2026-01-01T00:00:00Z", email="")
    assert change_candidate_address(user=user, address=NEW, previous=[OLD]) == 0
    candidate.refresh_from_db()
    assert candidate.email == ""
