"""Applying (solliciteren): the one door through which an application enters the system.

The portal's form calls submit_application(); HR's form for an application on paper, by e-mail or at the counter
calls take_in_application(), which finds or makes the person's account and then goes through the same steps. They
check the procedure's rules for the answers (candidates.answers) and who may apply (candidates.eligibility), write
the candidate, the application and its documents, and queue the receipt mail, in one transaction.

A person keeps their own data up to date on the portal: their own submit writes what they typed. HR's entry for an
address that already belongs to a person must name that person (same name and birth date, see
candidates.address_owner) and only fills in what the person left empty; it never overwrites what they keep up.
"""

from datetime import timedelta

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from candidates import mail_events
from candidates.address_owner import account_for, not_the_same_person, same_person
from candidates.answers import ApplicationInvalid, application_errors
from candidates.bans import flag_likely_ban
from candidates.eligibility import already_applied, check_may_apply
from candidates.mailing import mail_candidate
from candidates.models import Application, Candidate, Document
from candidates.uploads import stored_files_removed_on_failure


def submit_application(procedure, *, user, personal, answers, documents, language="nl-be", today=None):
    """Apply for a procedure: one application per candidate per procedure.

    `documents` maps Document.Kind to an already checked upload (candidates.uploads.CheckedUpload).
    Raises ApplicationInvalid (a rule of the procedure) or ApplicationRefused (closed, banned, applied already:
    a double submit finds the first application and changes nothing). Returns the new Application.
    """
    _refuse_invalid(procedure, answers=answers, documents=documents)
    with stored_files_removed_on_failure() as stored_files, transaction.atomic():
        return _submit(procedure, user=user, personal=personal, answers=answers, documents=documents,
                       language=language, today=today, stored_files=stored_files)


def take_in_application(procedure, *, email, personal, answers, documents, channel, received_on, by,
                        language="nl-be", today=None):
    """HR enters an application that came on paper, by e-mail or at the counter (papier, e-mail, loket).

    The same door as the portal's: the same rules and refusals (ban, applied already, diploma, documents) and the
    same receipt mail. The person's account is found by the e-mail address, or made without a password; an account
    without a password gets an invitation to the portal with a link to choose one (never a password by mail).
    Records who entered it, how it came and the day it was received (`received_on`: that day is judged, see
    check_may_apply). When the address belongs to a person already, HR's entry must name
    that person (else NotTheSamePerson, nothing stored) and leaves their data as they keep it, filling in only
    what is empty. Returns the new Application.
    """
    if channel not in Application.Channel.values or channel == Application.Channel.PORTAL:
        raise ValueError(f"HR takes in applications on paper, by e-mail or at the counter, not {channel!r}")
    _refuse_invalid(procedure, answers=answers, documents=documents)
    with stored_files_removed_on_failure() as stored_files, transaction.atomic():
        user = account_for(email)
        application = _submit(procedure, user=user, personal=personal, answers=answers, documents=documents,
                              language=language, today=today, stored_files=stored_files, channel=channel,
                              entered_by=by, received_on=received_on, own_data=False)
        if not user.has_usable_password():
            invite_to_portal(application)
    return application


def _refuse_invalid(procedure, *, answers, documents):
    errors = application_errors(procedure, answers=answers, document_kinds=set(documents))
    if errors:
        raise ApplicationInvalid(errors)


def _submit(procedure, *, user, personal, answers, documents, language, today, stored_files,
            channel=Application.Channel.PORTAL, entered_by=None, received_on=None, own_data=True):
    """Inside the caller's transaction: the person, the checks, the application, its documents, the receipt.
    `own_data`: the person typed their own data (the portal), so it replaces what was stored."""
    candidate = _save_candidate(user, personal, language, own_data=own_data)
    # The day is read here, under the candidate's lock: a submit that waited past midnight is too late.
    today = today or timezone.localdate()
    check_may_apply(procedure, candidate=candidate, today=today, received_on=received_on)
    application = _create_application(procedure, candidate, answers, channel=channel, entered_by=entered_by,
                                      received_on=received_on)
    # Probably a banned person under another address or account: not refused, HR decides at screening.
    flag_likely_ban(application, on=received_on or today)
    for kind, upload in documents.items():
        document = Document(application=application, kind=kind, original_name=upload.original_name,
                            content_type=upload.content_type, size=upload.size)
        upload.file.seek(0)
        document.file.save("upload", upload.file, save=False)
        stored_files.append(document.file.name)
        document.save()
    mail_candidate(application, mail_events.APPLICATION_RECEIVED)
    return application


def invite_to_portal(application):
    """Mail the person a link to choose a password for their portal account (and how to log in by code instead).

    The link is allauth's password-reset link: it works once and for PASSWORD_RESET_TIMEOUT seconds."""
    candidate = application.candidate
    user = candidate.user
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    set_password_path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    valid_until = timezone.localtime() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    return mail_candidate(
        application, mail_events.PORTAL_INVITATION, account_email=candidate.email,
        set_password_url=settings.SITE_URL + set_password_path.replace("UID-KEY", key),
        link_valid_until=date_format(valid_until, "d/m/Y H:i"),
        login_code_url=settings.SITE_URL + reverse("account_request_login_code"),
    )


def _save_candidate(user, personal, language, *, own_data):
    """Create or update the person, locked, so that two submits of one person run one after the other, and a
    submit and a waitlist or reserve place being given (candidates.transitions.lock_person) too.

    `own_data`: the person's own entry replaces what was stored. HR's entry (not own_data) must name the person of
    the address (else NotTheSamePerson) and only fills in the fields the person left empty."""
    values = {field: getattr(personal, field)
              for field in ("first_name", "last_name", "phone", "street", "postal_code", "city", "birth_date")}
    # Mails go to the account's (verified) address: changing it is an account action that asks for the password.
    values["email"] = user.email
    values["language"] = language if language in Candidate.Language.values else Candidate.Language.DUTCH
    candidate = Candidate.objects.select_for_update().filter(user=user).first()
    if candidate is None:
        # A new row is ours alone until commit; a parallel first submit loses the unique race and updates below.
        try:
            with transaction.atomic():
                return Candidate.objects.create(user=user, **values)
        except IntegrityError:
            candidate = Candidate.objects.select_for_update().get(user=user)
    if not own_data:
        if not same_person(candidate, personal):
            raise not_the_same_person(candidate, personal)
        values = {field: value for field, value in values.items() if getattr(candidate, field) in ("", None)}
    for field, value in values.items():
        setattr(candidate, field, value)
    candidate.save()
    return candidate


def _create_application(procedure, candidate, answers, *, channel, entered_by, received_on):
    try:
        with transaction.atomic():
            return Application.objects.create(
                candidate=candidate, procedure=procedure, channel=channel, entered_by=entered_by,
                received_on=received_on,
                diploma=answers.diploma,
                diploma_detail=answers.diploma_detail.strip(),
                years_public_sector=answers.years_public_sector, years_private_sector=answers.years_private_sector,
                motivation=answers.motivation.strip(), accommodations=answers.accommodations.strip(),
                privacy_acknowledged_at=timezone.now(),
            )
    except IntegrityError:
        # The unique constraint caught a race the lock did not (e.g. another door): the first one stands.
        existing = Application.objects.get(candidate=candidate, procedure=procedure)
        raise already_applied(existing) from None
