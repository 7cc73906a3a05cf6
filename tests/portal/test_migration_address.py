"""The migration that brings rows made before "the candidate's address is the account's" in line: a candidate whose
account got another verified address gets it, with the mails not yet sent; account mails name their account."""

import pytest

from tests.migrations import migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("candidates", "0008_application_received_on"),
          ("communications", "0003_mail_wordings_from_the_bundle"),
          ("account", "0009_emailaddress_unique_primary_email")]


def person(old_apps, *, username, candidate_address, account_address, verified=True):
    user = old_apps.get_model("auth", "User").objects.create(username=username, email=account_address)
    old_apps.get_model("account", "EmailAddress").objects.create(user=user, email=account_address,
                                                                 verified=verified, primary=True)
    return old_apps.get_model("candidates", "Candidate").objects.create(
        user=user, first_name="Fictief", last_name=username, email=candidate_address)


def test_a_candidate_behind_their_account_catches_up_and_unsent_mails_follow():
    old = migrate(BEFORE)
    Mail = old.get_model("communications", "Mail")
    behind = person(old, username="achter", candidate_address="oud@example.org", account_address="nieuw@example.org")
    unverified = person(old, username="onbevestigd", candidate_address="blijft@example.org",
                        account_address="nog-niet@example.org", verified=False)
    in_line = person(old, username="gelijk", candidate_address="gelijk@example.org",
                     account_address="gelijk@example.org")
    mails = {name: Mail.objects.create(event=event, to=to, subject="s", body_text="t", state=state,
                                       message_id=f"<{number}@x>")
             for number, (name, event, to, state) in enumerate([
                 ("draft", "screening_not_eligible", "oud@example.org", "draft"),
                 ("sent", "application_received", "oud@example.org", "sent"),
                 ("old_account_mail", "account", "oud@example.org", "sent"),
                 ("account_mail", "account", "gelijk@example.org", "sent"),
                 ("unknown", "account", "onbekend@example.org", "sent"),
                 ("unverified", "application_received", "blijft@example.org", "queued")], start=1)}

    new = migrate()
    Candidate, Mail = new.get_model("candidates", "Candidate"), new.get_model("communications", "Mail")
    user_type = new.get_model("contenttypes", "ContentType").objects.get(app_label="auth", model="user")
    assert Candidate.objects.get(pk=behind.pk).email == "nieuw@example.org"
    assert Candidate.objects.get(pk=unverified.pk).email == "blijft@example.org"  # not verified: not yet theirs
    assert Candidate.objects.get(pk=in_line.pk).email == "gelijk@example.org"
    now = {name: Mail.objects.get(pk=mail.pk) for name, mail in mails.items()}
    assert now["draft"].to == "nieuw@example.org"
    assert now["sent"].to == "oud@example.org"
    assert now["unverified"].to == "blijft@example.org"
    assert (now["old_account_mail"].content_type_id, now["old_account_mail"].object_id) == (user_type.pk,
                                                                                            behind.user_id)
    assert (now["account_mail"].content_type_id, now["account_mail"].object_id) == (user_type.pk, in_line.user_id)
    assert now["unknown"].content_type_id is None
