"""The ban rule (uitsluiting): failing the intake or the jury bars a person from the function for a while.

A ban holds the person, not one address. It is tied to the candidate, and it keeps keyed hashes (sleutelcodes,
BanKey) by which it still recognises them once their data is erased: every address their account verified (at the
ban, when they verify another while it runs, and when they are erased), and their name with their birth date.

- An exact match refuses the application with the ban's end date: the candidate of the ban, or an address key
  equal to one of the applicant's account's addresses.
- A likely match only flags the application for HR at screening (BanMatch): the same name and birth date, or the
  same address but for a +tag (any domain) or the dots of a Gmail address. Namesakes exist, and a dot may tell two
  people apart at most providers, so HR decides with a reason.

Every key is an HMAC with IDENTITY_HASH_KEY: without the key nobody can tell whose it is. Only verified addresses
become keys: an address someone merely typed into their account may be another person's.
"""

import hashlib
import hmac
import unicodedata
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from candidates.models import Ban, BanKey, BanMatch, Candidate
from kortrijk_ats.dates import add_months
from kortrijk_ats.typed_text import comparable_email

# Providers that ignore dots in the local part: the same mailbox whatever the dots (elsewhere a dot may matter).
DOTLESS_DOMAINS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def _keyed(text):
    return hmac.new(settings.IDENTITY_HASH_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def identity_hash(email):
    """The key of an e-mail address (as comparable_email keeps it): an exact match refuses."""
    return _keyed(comparable_email(email))


def address_variant_hash(email):
    """The key of an address with what often varies for one mailbox taken out: a +tag, and a Gmail address's dots."""
    local, _at, domain = comparable_email(email).rpartition("@")
    local = local.split("+", 1)[0]
    if domain in DOTLESS_DOMAINS:
        local, domain = local.replace(".", ""), DOTLESS_DOMAINS[domain]
    return _keyed(f"address-variant:{local}@{domain}")


def comparable_name(first_name, last_name):
    """A person's name as two spellings of one person compare: one Unicode form, no case, single spaces, the words
    in any order (first and last name are sometimes swapped). The one rule for a ban's key and for HR's entry for
    a known address (candidates.address_owner.same_person)."""
    name = f"{first_name or ''} {last_name or ''}"
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())
    return " ".join(sorted(folded.split()))


def name_birth_date_hash(first_name, last_name, birth_date):
    """The key of a name (comparable_name) with a birth date."""
    return _keyed(f"name-birth-date:{comparable_name(first_name, last_name)}:{birth_date.isoformat()}")


def _verified_addresses(candidate):
    verified = EmailAddress.objects.filter(user_id=candidate.user_id, verified=True).values_list("email", flat=True)
    return {address for address in (*verified, candidate.email) if address}


def _account_addresses(candidate):
    """Every address of the applicant's account, verified or not, and the one their mails go to."""
    addresses = EmailAddress.objects.filter(user_id=candidate.user_id).values_list("email", flat=True)
    return {address for address in (*addresses, candidate.email) if address}


def _person_keys(candidate):
    """(kind, digest) of everything that recognises this person: verified addresses, name with birth date."""
    keys = set()
    for address in _verified_addresses(candidate):
        keys.add((BanKey.Kind.ADDRESS, identity_hash(address)))
        keys.add((BanKey.Kind.ADDRESS_VARIANT, address_variant_hash(address)))
    if candidate.birth_date and (candidate.first_name or candidate.last_name):
        keys.add((BanKey.Kind.NAME_BIRTH_DATE,
                  name_birth_date_hash(candidate.first_name, candidate.last_name, candidate.birth_date)))
    return keys


def _store_keys(bans, keys):
    BanKey.objects.bulk_create([BanKey(ban=ban, kind=kind, digest=digest) for ban in bans for kind, digest in keys],
                               ignore_conflicts=True)


def impose_ban(application, *, decided_on):
    """Bar the candidate from this function's procedures for the function's ban period from the decision."""
    function = application.procedure.function
    candidate = application.candidate
    ban = Ban.objects.create(
        function=function,
        candidate=candidate,
        application=application,
        starts_on=decided_on,
        ends_on=add_months(decided_on, function.ban_months),
        after_stage=application.stage,
    )
    _store_keys([ban], _person_keys(candidate))
    return ban


def remember_person(candidate, *, today=None):
    """Give every ban of the person that has not ended a key for each address their account verified by now and
    for their current name and birth date. Called when they verify an address and before they are erased, so the
    ban knows them by everything they used. Safe to call again: a key is stored once."""
    today = today or timezone.localdate()
    bans = list(Ban.objects.filter(candidate=candidate, ends_on__gt=today))
    if bans:
        _store_keys(bans, _person_keys(candidate))


def remember_confirmed_address(sender, request=None, email_address=None, **kwargs):
    """allauth's email_confirmed signal: an address verified while a ban runs becomes one of its keys."""
    candidate = Candidate.objects.filter(user_id=email_address.user_id, erased_at__isnull=True).first()
    if candidate is not None:
        remember_person(candidate)


def ban_in_force(candidate, function, *, on):
    """The ban that bars this person from the function on that day, or None. Checked at application time.

    The person's own ban, or one with an address key equal to any address of their account."""
    digests = [identity_hash(address) for address in _account_addresses(candidate)]
    by_address = Exists(BanKey.objects.filter(ban=OuterRef("pk"), kind=BanKey.Kind.ADDRESS, digest__in=digests))
    return (Ban.objects.in_force(on).filter(function=function).filter(Q(candidate=candidate) | by_address)
            .select_related("application").order_by("-ends_on").first())


@dataclass(frozen=True)
class LikelyBan:
    ban: Ban
    same_name_and_birth_date: bool
    similar_address: bool


def likely_ban(candidate, function, *, on):
    """A ban in force that probably holds this person though no exact key matched, or None: one whose name and
    birth date key, or one of whose address variant keys, is the applicant's. The latest ending one."""
    wanted = Q(kind=BanKey.Kind.ADDRESS_VARIANT,
               digest__in=[address_variant_hash(address) for address in _account_addresses(candidate)])
    if candidate.birth_date:
        wanted |= Q(kind=BanKey.Kind.NAME_BIRTH_DATE,
                    digest=name_birth_date_hash(candidate.first_name, candidate.last_name, candidate.birth_date))
    keys = (BanKey.objects.filter(wanted, ban__in=Ban.objects.in_force(on).filter(function=function))
            .select_related("ban").order_by("-ban__ends_on", "ban_id"))
    matched = {}
    for key in keys:
        matched.setdefault(key.ban, set()).add(key.kind)
    if not matched:
        return None
    ban, kinds = next(iter(matched.items()))
    return LikelyBan(ban=ban, same_name_and_birth_date=BanKey.Kind.NAME_BIRTH_DATE in kinds,
                     similar_address=BanKey.Kind.ADDRESS_VARIANT in kinds)


def flag_likely_ban(application, *, on):
    """Flag a new application for HR when it probably comes from a person banned on that day. Returns the flag."""
    match = likely_ban(application.candidate, application.procedure.function, on=on)
    if match is None:
        return None
    ban = match.ban
    return BanMatch.objects.create(
        application=application, ban=ban, ban_starts_on=ban.starts_on, ban_ends_on=ban.ends_on,
        ban_after_stage=ban.after_stage, same_name_and_birth_date=match.same_name_and_birth_date,
        similar_address=match.similar_address)
