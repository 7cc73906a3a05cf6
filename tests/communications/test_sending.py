"""Sending outbox mails to a real SMTP server on loopback (aiosmtpd): once, retried when transient, failed when not."""

import socket

import pytest
from django.db import connection

from communications.models import Mail
from communications.sending import send_queued_mail, send_queued_mails
from communications.tasks import send_mail
from tests.threads import assert_no_error, run_together

ICS = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:1@kortrijk",
                   "END:VEVENT", "END:VCALENDAR", ""])


@pytest.mark.django_db
def test_it_sends_text_html_and_invitation_with_our_message_id(smtp_sink, make_mail, settings):
    mail = make_mail(subject="Je intake", body_text="Tot dan", body_html="<p>Tot dan</p>", calendar=ICS)
    assert send_queued_mail(mail.pk) is None
    [received] = smtp_sink.messages
    message = received.message
    assert received.rcpt_tos == ["kandidaat@example.org"]
    assert message["Message-ID"] == mail.message_id
    assert message["Subject"] == "Je intake"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert message.get_body(("plain",)).get_content().strip() == "Tot dan"
    assert message.get_body(("html",)).get_content().strip() == "<p>Tot dan</p>"
    [invitation] = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert invitation.get_param("method") == "REQUEST"
    assert invitation.get_filename() == "uitnodiging.ics"
    assert "UID:1@kortrijk" in invitation.get_content()
    mail.refresh_from_db()
    assert (mail.state, mail.attempts, mail.error) == (Mail.State.SENT, 1, "")
    assert mail.sent_at is not None and mail.sending_started_at is not None


@pytest.mark.django_db
def test_a_task_delivered_twice_sends_once(smtp_sink, make_mail):
    mail = make_mail()
    send_mail(mail.pk)
    send_mail(mail.pk)
    assert len(smtp_sink.with_message_id(mail.message_id)) == 1
    mail.refresh_from_db()
    assert (mail.state, mail.attempts) == (Mail.State.SENT, 1)


@pytest.mark.django_db(transaction=True)
def test_two_deliveries_at_the_same_moment_send_once(smtp_sink, make_mail):
    mail = make_mail()
    handles = run_together(*[lambda: send_mail(mail.pk)] * 2)
    assert_no_error(handles)
    assert len(smtp_sink.with_message_id(mail.message_id)) == 1
    mail.refresh_from_db()
    assert (mail.state, mail.attempts) == (Mail.State.SENT, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("state", [Mail.State.DRAFT, Mail.State.SENDING, Mail.State.SENT, Mail.State.FAILED,
                                   Mail.State.CANCELLED])
def test_only_queued_mails_are_sent(smtp_sink, make_mail, state):
    mail = make_mail(state=state)
    assert send_queued_mail(mail.pk) is None
    assert smtp_sink.messages == []
    mail.refresh_from_db()
    assert (mail.state, mail.attempts) == (state, 0)


@pytest.mark.django_db
def test_an_unknown_id_does_nothing(smtp_sink):
    assert send_queued_mail(987654321) is None
    assert smtp_sink.messages == []


@pytest.mark.django_db
def test_smtp_421_is_retried_with_growing_backoff_until_sent(smtp_sink, make_mail, settings):
    settings.KATS_MAIL_RETRY_BASE_DELAY = 30
    mail = make_mail()
    smtp_sink.answer_421(times=2)
    delays = [send_queued_mail(mail.pk), send_queued_mail(mail.pk)]
    assert delays == [30, 60]
    mail.refresh_from_db()
    assert mail.state == Mail.State.QUEUED
    assert mail.error.startswith("Tijdelijke fout bij poging 2: SMTP 421")
    assert mail.due_at is not None
    assert send_queued_mail(mail.pk) is None
    mail.refresh_from_db()
    assert (mail.state, mail.attempts, mail.error) == (Mail.State.SENT, 3, "")
    assert len(smtp_sink.with_message_id(mail.message_id)) == 1


@pytest.mark.django_db
def test_the_backoff_is_capped_well_under_an_hour(smtp_sink, make_mail, settings):
    settings.KATS_MAIL_MAX_ATTEMPTS = 30
    mail = make_mail(attempts=20)
    smtp_sink.answer_421()
    assert send_queued_mail(mail.pk) == settings.KATS_MAIL_RETRY_MAX_DELAY < 3600


@pytest.mark.django_db
def test_smtp_550_marks_the_mail_failed_with_the_reason(smtp_sink, make_mail):
    mail = make_mail(to="weg@example.org")
    smtp_sink.refuse("weg@example.org", 550)
    assert send_queued_mail(mail.pk) is None
    mail.refresh_from_db()
    assert mail.state == Mail.State.FAILED
    assert mail.error == "SMTP 550: 5.1.1 Mailbox unavailable"
    assert smtp_sink.messages == []


@pytest.mark.django_db
def test_a_450_for_the_recipient_is_transient(smtp_sink, make_mail):
    mail = make_mail(to="vol@example.org")
    smtp_sink.refuse("vol@example.org", 450)
    assert send_queued_mail(mail.pk) is not None
    mail.refresh_from_db()
    assert mail.state == Mail.State.QUEUED


@pytest.mark.django_db
def test_a_refused_connection_is_transient(make_mail, settings):
    with socket.socket() as unused:  # a port nobody listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    mail = make_mail()
    assert send_queued_mail(mail.pk) == settings.KATS_MAIL_RETRY_BASE_DELAY
    mail.refresh_from_db()
    assert mail.state == Mail.State.QUEUED
    assert "Verbinding met de mailserver mislukt: ConnectionRefusedError" in mail.error


@pytest.mark.django_db
def test_the_last_attempt_fails_visibly(smtp_sink, make_mail, settings):
    settings.KATS_MAIL_MAX_ATTEMPTS = 3
    mail = make_mail(attempts=2)
    smtp_sink.answer_421()
    assert send_queued_mail(mail.pk) is None
    mail.refresh_from_db()
    assert mail.state == Mail.State.FAILED
    assert mail.error.startswith("Opgegeven na 3 pogingen. Laatste fout: SMTP 421")


@pytest.mark.django_db
def test_a_mail_out_of_attempts_fails_without_being_sent(smtp_sink, make_mail, settings):
    settings.KATS_MAIL_MAX_ATTEMPTS = 3
    mail = make_mail(attempts=3)  # e.g. requeued three times after its worker died
    assert send_queued_mail(mail.pk) is None
    mail.refresh_from_db()
    assert mail.state == Mail.State.FAILED
    assert smtp_sink.messages == []


@pytest.mark.django_db
def test_a_batch_uses_one_connection_and_skips_what_is_not_queued(smtp_sink, make_mail):
    mails = [make_mail(to=f"k{i}@example.org") for i in range(5)]
    sent_before = make_mail(state=Mail.State.SENT)
    report = send_queued_mails([m.pk for m in mails] + [sent_before.pk])
    assert sorted(report.sent) == sorted(m.pk for m in mails)
    assert report.skipped == [sent_before.pk]
    assert smtp_sink.sessions == 1
    assert sorted(r.rcpt_tos[0] for r in smtp_sink.messages) == [f"k{i}@example.org" for i in range(5)]


@pytest.mark.django_db
def test_a_batch_carries_on_after_a_refused_recipient(smtp_sink, make_mail):
    first, refused, last = make_mail(to="a@example.org"), make_mail(to="weg@example.org"), make_mail(to="c@example.org")
    smtp_sink.refuse("weg@example.org", 550)
    report = send_queued_mails([first.pk, refused.pk, last.pk])
    assert (sorted(report.sent), report.failed) == (sorted([first.pk, last.pk]), [refused.pk])


@pytest.mark.django_db
def test_a_batch_stops_at_421_and_keeps_the_rest_queued(smtp_sink, make_mail):
    mails = [make_mail(to=f"k{i}@example.org") for i in range(3)]
    smtp_sink.answer_421()
    report = send_queued_mails([m.pk for m in mails])
    assert report.sent == [] and sorted(report.retry) == sorted(m.pk for m in mails)
    assert set(Mail.objects.values_list("state", flat=True)) == {Mail.State.QUEUED}
    assert smtp_sink.messages == []


def _synchronous_commit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@pytest.mark.django_db
@pytest.mark.parametrize("answer", ["250", "421"])
def test_a_batch_commits_without_waiting_for_the_disk_and_gives_the_connection_back_as_it_was(
        smtp_sink, make_mail, monkeypatch, answer):
    from communications import sending

    seen, build = [], sending.build_message

    def build_and_look(*args, **kwargs):
        seen.append(_synchronous_commit())
        return build(*args, **kwargs)

    monkeypatch.setattr(sending, "build_message", build_and_look)
    mails = [make_mail(to=f"k{i}@example.org") for i in range(2)]
    if answer == "421":
        smtp_sink.answer_421()

    send_queued_mails([m.pk for m in mails])

    assert seen and set(seen) == {"off"}
    assert _synchronous_commit() == "on"  # the worker's next task on this connection commits as usual
