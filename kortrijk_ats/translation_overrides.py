"""Messages of Django and allauth whose Dutch translation is missing upstream.

Never imported: `makemessages` finds these calls so the strings stay in locale/nl, where we translate them.
"""

from django.utils.translation import ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
