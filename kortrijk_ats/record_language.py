"""The language of what the system writes down. A record (a stage change's reason, an offer's withdrawal reason) is
kept in Dutch, the city's language, whoever's screen is in English; the same system text in a candidate's mail
follows the candidate's language. Such a text travels as a lazy translation and becomes a string where it lands:
`as_recorded` for the record, the mail's own language in communications.outbox.compose_mail."""

from django.conf import settings
from django.utils import translation


def as_recorded(text):
    """The text as a record keeps it: a lazy translation in Dutch, anything else as it is."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(text)
