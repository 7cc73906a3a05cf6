"""Messages of Django and allauth whose Dutch translation is missing upstream or uses the formal "u".

Never imported: `makemessages` finds these calls so the strings stay in locale/nl, where we translate them
(the portal speaks to candidates with "je", as the city's vacancy texts do).
"""

from django.utils.translation import gettext_lazy, ngettext_lazy

PASSWORD_TOO_SHORT = ngettext_lazy(
    "This password is too short. It must contain at least %d character.",
    "This password is too short. It must contain at least %d characters.",
    "min_length",
)
PASSWORD_HELP = [
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    gettext_lazy("Your password can’t be too similar to your other personal information."),
    gettext_lazy("Your password can’t be a commonly used password."),
    gettext_lazy("Your password can’t be entirely numeric."),
    gettext_lazy("The password is too similar to the %(verbose_name)s."),
    gettext_lazy("This password is too common."),
    gettext_lazy("This password is entirely numeric."),
]
