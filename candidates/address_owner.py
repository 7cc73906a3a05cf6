"""Whose address is this: the account and the person an e-mail address belongs to, and whether HR's entry of an
application names that person (candidates.applying.take_in_application goes to the person of the typed address).
"""

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from candidates.bans import comparable_name
from candidates.eligibility import ApplicationRefused
from candidates.models import Candidate
from kortrijk_ats.typed_text import comparable_email


class AccountDisabled(ApplicationRefused):
    """HR entered an address whose account was switched off: no application can be tied to it."""


class NotTheSamePerson(ApplicationRefused):
    """HR entered an address that belongs to a person with another name or birth date: most likely a mistyped
    address, which would tie the application (and its mails) to someone else."""

    def __init__(self, message, *, candidate):
        super().__init__(message)
        self.candidate = candidate


def account_for(email):
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


def not_the_same_person(candidate, personal):
    """The refusal of HR's entry that names someone else than the person of the address (same_person)."""
    return NotTheSamePerson(
        _("Het e-mailadres %(email)s hoort bij %(owner)s, niet bij %(typed)s. Kijk het e-mailadres na: een "
          "kandidatuur en haar mails gaan naar de persoon van het e-mailadres. Gaat het toch om die persoon, vul "
          "dan de naam en geboortedatum in die bij het adres horen; de kandidaat past de eigen gegevens zelf aan in "
          "het portaal. Er is niets opgeslagen.") % {
            "email": candidate.email,
            "owner": describe_person(candidate), "typed": describe_person(personal)},
        candidate=candidate)
