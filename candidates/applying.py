"""Applying (solliciteren): the one door through which an application enters the system.

The portal's form calls submit_application(); HR's form for an application on paper, by e-mail or at the counter
calls take_in_application(), which finds or makes the person's account and then goes through the same steps. They
check the procedure's rules, write the candidate, the application and its documents, and queue the receipt mail, in
one transaction.

A person keeps their own data up to date on the portal: their own submit writes what they typed. HR's entry for an
address that already belongs to a person must name that person (same name and birth date, see same_person) and
only fills in what the person left empty; it never overwrites what they keep up.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from candidates import mail_events
from candidates.bans import ban_in_force, comparable_name, flag_likely_ban
from candidates.disclosure import ban_told, place_told, shown_stage
from candidates.models import Application, Candidate, Document, PoolEntry
from candidates.pools import valid_place
from candidates.stages import CLOSED_STAGES
from candidates.uploads import stored_files_removed_on_failure
from communications.outbox import queue_mail
from kortrijk_ats.typed_text import comparable_email
from procedures.models import Procedure

MAX_EXPERIENCE_YEARS = Decimal(50)

# The form field that carries each kind of document.
DOCUMENT_FIELDS = {
    Document.Kind.DIPLOMA: "diploma_file",
    Document.Kind.EQUIVALENCE: "equivalence_file",
    Document.Kind.CV: "cv_file",
}


class ApplicationRefused(Exception):
    """This person may not apply for this procedure (now). The message says why, in Dutch."""


class ProcedureClosed(ApplicationRefused):
    pass


class ReceivedInFuture(ApplicationRefused):
    """HR's day of receipt lies after today."""


class BannedFromFunction(ApplicationRefused):
    """A ban for the function is in force. `told`: the person was told of the failure behind it; until then the
    message says only that an application is being handled, and `may_apply_from` is None (HR reads ban.ends_on)."""

    def __init__(self, message, *, ban, told, other_procedures):
        super().__init__(message)
        self.ban = ban
        self.told = told
        self.may_apply_from = ban.ends_on if told else None
        self.other_procedures = other_procedures


class HoldsPoolPlace(ApplicationRefused):
    """The person holds a valid waitlist or reserve place for the function: a new round would give them a second
    one. `told`: as for a ban; `valid_until` (the place's last day) is None until then."""

    def __init__(self, message, *, place, told, other_procedures):
        super().__init__(message)
        self.place = place
        self.told = told
        self.valid_until = place.last_valid_day if told else None
        self.other_procedures = other_procedures


class AlreadyApplied(ApplicationRefused):
    def __init__(self, message, *, application):
        super().__init__(message)
        self.application = application


class AccountDisabled(ApplicationRefused):
    """HR entered an address whose account was switched off: no application can be tied to it."""


class NotTheSamePerson(ApplicationRefused):
    """HR entered an address that belongs to a person with another name or birth date: most likely a mistyped
    address, which would tie the application (and its mails) to someone else."""

    def __init__(self, message, *, candidate):
        super().__init__(message)
        self.candidate = candidate


class ApplicationInvalid(Exception):
    """The answers break a rule of the procedure; `errors` maps form field names to Dutch messages."""

    def __init__(self, errors):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class PersonalData:
    first_name: str
    last_name: str
    phone: str
    street: str
    postal_code: str
    city: str
    birth_date: date


@dataclass(frozen=True)
class Answers:
    diploma: object  # procedures.Diploma or None
    diploma_detail: str = ""
    years_public_sector: Decimal = Decimal(0)
    years_private_sector: Decimal = Decimal(0)
    motivation: str = ""
    accommodations: str = ""
    privacy_acknowledged: bool = False


def open_procedures(*, today, on=None):
    """Procedures that take applications on that day (the rule: Procedure.objects.open_for_applications)."""
    return Procedure.objects.open_for_applications(today=today, on=on)


def check_may_apply(procedure, *, candidate, today, received_on=None):
    """Refuse when the procedure is closed, the person applied already, or a ban for the function is in force.

    `candidate` may be None (a person who never applied): then only the procedure is checked here, and the
    ban by identity is checked by submit_application once the candidate exists. A valid waitlist or reserve place
    for the function refuses too (HoldsPoolPlace): judged today, as the point is that nobody holds two places.
    What the refusal tells the person follows candidates.disclosure: nothing HR has not released.
    `received_on`: the day a letter, e-mail or counter visit reached the city (HR's entry, maybe days later). That
    day is judged, as the portal judges the day of a submit: the procedure must have been open then, and a ban
    counts if it was in force then. A ban imposed after it does not undo an application made before it (as on the
    portal); one in force then refuses it, even if it has ended by the day HR enters it.
    """
    day = received_on or today
    if day > today:
        raise ReceivedInFuture(
            _("De dag van ontvangst (%(day)s) ligt in de toekomst. Vul de dag in waarop de kandidatuur binnenkwam: "
              "vandaag (%(today)s) of vroeger.") % {"day": date_format(day, "d/m/Y"),
                                                    "today": date_format(today, "d/m/Y")})
    if not open_procedures(today=today, on=day).filter(pk=procedure.pk).exists():
        raise ProcedureClosed(_closed_message(procedure, day=day, today=today))
    if candidate is None:
        return
    # The ban comes first: a person who failed this very procedure must learn when they may apply again.
    ban = ban_in_force(candidate, procedure.function, on=day)
    if ban is not None:
        raise _banned(procedure, ban, today=today)
    existing = Application.objects.filter(candidate=candidate, procedure=procedure).first()
    if existing is not None:
        raise _already_applied(existing)
    place = valid_place(candidate, procedure.function, today=today)
    if place is not None:
        raise _holds_place(procedure, place, today=today)


def _other_functions(procedure, *, today):
    """The procedures open today for other functions: where a person barred from this function may apply."""
    return list(open_procedures(today=today).exclude(function=procedure.function).order_by("title"))


def _still_handled_message():
    # Before HR released the outcome: no stage, no date, nothing the outcome mail has not said yet.
    return _("Je hebt nog een kandidatuur voor deze functie die in behandeling is. Je krijgt een mail zodra er "
             "nieuws is. Voor andere functies van stad Kortrijk kan je wel solliciteren.")


def _banned(procedure, ban, *, today):
    told = ban_told(ban)
    if told:
        message = _("Je kan pas opnieuw solliciteren voor de functie %(function)s vanaf %(date)s. Je was niet "
                    "geslaagd in een eerdere selectie voor deze functie, en dan geldt een wachttijd. Voor andere "
                    "functies van stad Kortrijk kan je wel solliciteren.") % {
            "function": procedure.function.name, "date": date_format(ban.ends_on, "d/m/Y")}
    else:
        message = _still_handled_message()
    return BannedFromFunction(message, ban=ban, told=told, other_procedures=_other_functions(procedure, today=today))


def _holds_place(procedure, place, *, today):
    told = place_told(place)
    values = {"function": procedure.function.name, "date": date_format(place.last_valid_day, "d/m/Y")}
    if not told:
        message = _still_handled_message()
    elif place.kind == PoolEntry.Kind.WAITLIST:
        message = _("Je staat op de wachtlijst voor de functie %(function)s, tot en met %(date)s. Voor elke "
                    "concrete vacature nodigen we je uit voor een jobinterview met een jury. Opnieuw solliciteren "
                    "is dus niet nodig, en kan niet zolang je plaats geldt.") % values
    else:
        message = _("Je bent opgenomen in de wervingsreserve voor de functie %(function)s, tot en met %(date)s. Bij "
                    "een volgende vacature in een ander team volgt enkel nog een matchgesprek. Opnieuw solliciteren "
                    "is dus niet nodig, en kan niet zolang je plaats geldt.") % values
    return HoldsPoolPlace(message, place=place, told=told, other_procedures=_other_functions(procedure, today=today))


def check_may_take_in(procedure, *, today):
    """HR may enter applications for a procedure open today, or closed on a known day (for one that arrived before
    it); else ProcedureClosed says why."""
    if not Procedure.objects.open_for_entries(today=today).filter(pk=procedure.pk).exists():
        raise ProcedureClosed(_closed_message(procedure, day=today, today=today))


def _closed_message(procedure, *, day, today):
    """Why the procedure took no applications that day (today, or HR's day of receipt), with the day that matters."""
    closes, opens = procedure.applications_close_on, procedure.applications_open_from
    values = {"title": procedure.title, "day": date_format(day, "d/m/Y")}
    if day < today:  # HR's day of receipt
        if closes is not None and closes < day:
            return (_("Solliciteren voor ‘%(title)s’ kon tot en met %(date)s: een kandidatuur ontvangen op %(day)s "
                      "kwam te laat. Kijk de dag van ontvangst na.") % {**values, "date": date_format(closes, "d/m/Y")})
        if opens is not None and opens > day:
            return (_("Solliciteren voor ‘%(title)s’ kon pas vanaf %(date)s: een kandidatuur ontvangen op %(day)s "
                      "kwam te vroeg. Kijk de dag van ontvangst na.") % {**values, "date": date_format(opens, "d/m/Y")})
        if procedure.closed_on is not None and procedure.closed_on <= day:
            return (_("De procedure ‘%(title)s’ werd op %(closed)s afgesloten voor kandidaturen: een kandidatuur "
                      "ontvangen op %(day)s kwam te laat. Kijk de dag van ontvangst na.")
                    % {**values, "closed": date_format(procedure.closed_on, "d/m/Y")})
        return (_("De procedure ‘%(title)s’ werd met de hand afgesloten voor kandidaturen. Op welke dag dat gebeurde, "
                  "is niet bekend; daarom kan ook een kandidatuur ontvangen op %(day)s niet meer ingevoerd worden.")
                % values)
    if closes is not None and closes < today:
        return (_("Solliciteren voor ‘%(title)s’ kon tot en met %(date)s. Deze selectie is afgesloten: er komen geen "
                  "kandidaturen meer bij.") % {"title": procedure.title, "date": date_format(closes, "d/m/Y")})
    if opens is not None and opens > today:
        return (_("Solliciteren voor ‘%(title)s’ kan vanaf %(date)s.")
                % {"title": procedure.title, "date": date_format(opens, "d/m/Y")})
    return _("De procedure ‘%(title)s’ neemt nu geen kandidaturen aan.") % {"title": procedure.title}


def application_errors(procedure, *, answers, document_kinds):
    """The procedure's rules for the answers, as {form field: Dutch message}. Empty when all is well."""
    errors = {}
    diploma = answers.diploma
    if diploma is None:
        errors["diploma"] = _("Kies je diploma uit de lijst.")
    elif diploma.procedure_id != procedure.pk:
        errors["diploma"] = _("Dit diploma geeft geen toegang tot deze functie. Kies een diploma uit de lijst; "
                              "zonder een van die diploma’s kan je niet solliciteren.")
    if Document.Kind.DIPLOMA not in document_kinds:
        errors["diploma_file"] = _("Voeg een kopie van je diploma toe (PDF, JPEG of PNG, hoogstens 10 MB).")
    if diploma is not None and diploma.needs_equivalence:
        if Document.Kind.EQUIVALENCE not in document_kinds:
            errors["equivalence_file"] = _("Voor een buitenlands diploma heb je een gelijkwaardigheidsattest "
                                           "nodig. Voeg het toe (PDF, JPEG of PNG, hoogstens 10 MB).")
        if not answers.diploma_detail.strip():
            errors["diploma_detail"] = _("Vul de naam van je buitenlandse diploma in, zoals het op het diploma "
                                         "staat.")
    if procedure.cv_required and Document.Kind.CV not in document_kinds:
        errors["cv_file"] = _("Voeg je cv toe (PDF, hoogstens 10 MB).")
    if procedure.motivation_required and not answers.motivation.strip():
        errors["motivation"] = _("Schrijf in een paar zinnen waarom je deze job wil doen.")
    for field in ("years_public_sector", "years_private_sector"):
        years = getattr(answers, field)
        if years is None or not (0 <= years <= MAX_EXPERIENCE_YEARS):
            errors[field] = _("Vul een aantal jaren in tussen 0 en 50 (bv. 2 of 3,5). Geen ervaring? Vul 0 in.")
    if not answers.privacy_acknowledged:
        errors["privacy_acknowledged"] = _("Bevestig dat je de privacyverklaring gelezen hebt.")
    return errors


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
        user = _account_for(email)
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
    queue_mail(
        mail_events.APPLICATION_RECEIVED.key, to=candidate.email, language=candidate.language,
        related=application,
        context={"candidate_name": candidate.full_name, "procedure_title": procedure.title},
    )
    return application


def _account_for(email):
    """The account of this e-mail address, or a new one without a password. Locked per address: two HR entries of
    one new person (a double click) make one account."""
    email = comparable_email(email)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [f"kats-account:{email}"])
    user = _user_of_address(email)
    if user is not None and not user.is_active:
        raise AccountDisabled(_("Het account van %(email)s is uitgeschakeld; daaraan kan geen kandidatuur gekoppeld "
                                "worden. Er is niets opgeslagen. Vraag de beheerder om het account weer aan te zetten, "
                                "of gebruik het e-mailadres dat de kandidaat nu gebruikt.") % {"email": email})
    if user is not None:
        return user
    user = get_user_model()(email=email)
    get_account_adapter().populate_username(None, user)
    user.set_unusable_password()
    user.save()
    # Every way into an account without a password goes through this mailbox (the invitation's link, a log-in
    # code), so asking to confirm the address first would only add a mail.
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


def _user_of_address(email):
    """The account an e-mail address belongs to: the one that verified it, else one with it as its own address that
    no one ever claimed through allauth (an account made in the back office), an active one first. An address only
    claimed, never confirmed, belongs to no one: anyone can type someone else's address on their own account.
    None for an unknown address."""
    email = comparable_email(email)
    address = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    if address is not None:
        return address.user
    claimed = EmailAddress.objects.filter(email__iexact=email).values("user_id")
    return (get_user_model().objects.filter(email__iexact=email).exclude(pk__in=claimed)
            .order_by("-is_active", "pk").first())


def person_of_address(email):
    """The candidate an e-mail address belongs to, or None: for HR's form, to show whom an entry would go to."""
    user = _user_of_address(email)
    if user is None or not user.is_active:
        return None
    return Candidate.objects.filter(user=user, erased_at__isnull=True).first()


def same_person(candidate, personal):
    """Does HR's entry name the person of the address? The same name as a ban compares it (bans.comparable_name:
    case, spaces, Unicode form and word order aside; a stricter rule than that is HR's eye, a looser one would let
    a namesake through) and the same birth date (when the person's is known)."""
    return (comparable_name(candidate.first_name, candidate.last_name)
            == comparable_name(personal.first_name, personal.last_name)
            and candidate.birth_date in (None, personal.birth_date))


def describe_person(person):
    """Name and birth date, as HR tells two people apart: "Mieke Desmet (geboren op 17/05/1995)"."""
    name = f"{person.first_name} {person.last_name}".strip()
    if person.birth_date is None:
        return _("%(name)s (geboortedatum niet gekend)") % {"name": name}
    return _("%(name)s (geboren op %(born)s)") % {"name": name, "born": date_format(person.birth_date, "d/m/Y")}


def _not_the_same_person(candidate, personal):
    return NotTheSamePerson(
        _("Het e-mailadres %(email)s hoort bij %(owner)s, niet bij %(typed)s. Kijk het e-mailadres na: een "
          "kandidatuur en haar mails gaan naar de persoon van het e-mailadres. Gaat het toch om die persoon, vul "
          "dan de naam en geboortedatum in die bij het adres horen; de kandidaat past de eigen gegevens zelf aan in "
          "het portaal. Er is niets opgeslagen.") % {
            "email": candidate.email,
            "owner": describe_person(candidate), "typed": describe_person(personal)},
        candidate=candidate)


def invite_to_portal(application):
    """Mail the person a link to choose a password for their portal account (and how to log in by code instead).

    The link is allauth's password-reset link: it works once and for PASSWORD_RESET_TIMEOUT seconds."""
    candidate = application.candidate
    user = candidate.user
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    set_password_path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
    valid_until = timezone.localtime() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    return queue_mail(
        mail_events.PORTAL_INVITATION.key, to=candidate.email, language=candidate.language, related=application,
        context={
            "candidate_name": candidate.full_name, "procedure_title": application.procedure.title,
            "account_email": candidate.email,
            "set_password_url": settings.SITE_URL + set_password_path.replace("UID-KEY", key),
            "link_valid_until": date_format(valid_until, "d/m/Y H:i"),
            "login_code_url": settings.SITE_URL + reverse("account_request_login_code"),
        },
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
            raise _not_the_same_person(candidate, personal)
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
        raise _already_applied(existing) from None


def _already_applied(existing):
    stage = shown_stage(existing)  # the candidate reads this message: never a stage HR has not released
    if stage in CLOSED_STAGES:
        return AlreadyApplied(
            _("Je kandidatuur voor ‘%(title)s’ is afgesloten (%(stage)s). Voor één procedure kan je maar één keer "
              "solliciteren; voor andere selectieprocedures van stad Kortrijk kan je wel solliciteren.")
            % {"title": existing.procedure.title, "stage": stage.label}, application=existing)
    return AlreadyApplied(
        _("Je hebt al gesolliciteerd voor ‘%(title)s’. Je kandidatuur is goed ontvangen; je hoeft niets "
          "opnieuw in te dienen.") % {"title": existing.procedure.title}, application=existing)
