"""The ban rule (uitsluiting): failing the intake or the jury bars a person from the function for a while."""

import hashlib
import hmac

from django.conf import settings

from candidates.dates import add_months
from candidates.models import Ban


def identity_hash(email):
    """A keyed hash of the person's e-mail address: enough to recognise them, useless to anyone without the key."""
    key = settings.IDENTITY_HASH_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def impose_ban(application, *, decided_on):
    """Bar the candidate from this function's procedures for the function's ban period from the decision."""
    function = application.procedure.function
    return Ban.objects.create(
        function=function,
        candidate=application.candidate,
        application=application,
        identity_hash=identity_hash(application.candidate.email),
        starts_on=decided_on,
        ends_on=add_months(decided_on, function.ban_months),
    )


def ban_in_force(candidate, function, *, on):
    """The ban that bars this person from the function on that day, or None. Checked at application time."""
    by_person = Ban.objects.in_force(on).filter(function=function)
    return (
        (by_person.filter(candidate=candidate) | by_person.filter(identity_hash=identity_hash(candidate.email)))
        .order_by("-ends_on")
        .first()
    )
