"""allauth's account forms with the limits our columns hold (settings.ACCOUNT_FORMS).

An address longer than the columns it goes into is refused with a Dutch message before anything is looked up,
mailed or counted; it is never cut. A new password has a generous maximum; a password typed to log in has none
(a wrong one gets the usual answer, so an old long password keeps working).
"""

from allauth.account import forms as allauth_forms
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from candidates.models import Candidate
from communications.models import Mail
from kortrijk_ats.input_limits import limit_length

# Every column an account's address is written to: the account, its addresses, the candidate, the outbox.
EMAIL_MAX_LENGTH = min(field.max_length for field in (
    get_user_model()._meta.get_field("email"), EmailAddress._meta.get_field("email"),
    Candidate._meta.get_field("email"), Mail._meta.get_field("to")))
# Far beyond any passphrase; only keeps the password checks from working through megabytes.
NEW_PASSWORD_MAX_LENGTH = 128
EMAIL_TOO_LONG = _("Hou het e-mailadres op hoogstens %(limit_value)d tekens (nu %(show_value)d).")
PASSWORD_TOO_LONG = _("Kies een wachtwoord van hoogstens %(limit_value)d tekens (nu %(show_value)d).")


class _Limited:
    """Puts the limits on the form's fields: `email_fields` take an address, `new_password_fields` a new password."""

    email_fields = ()
    new_password_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.email_fields:
            limit_length(self.fields[name], EMAIL_MAX_LENGTH, EMAIL_TOO_LONG)
        for name in self.new_password_fields:
            limit_length(self.fields[name], NEW_PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG)


class LoginForm(_Limited, allauth_forms.LoginForm):
    email_fields = ("login",)


class SignupForm(_Limited, allauth_forms.SignupForm):
    email_fields = ("email",)
    new_password_fields = ("password1",)


class AddEmailForm(_Limited, allauth_forms.AddEmailForm):
    email_fields = ("email",)


class ResetPasswordForm(_Limited, allauth_forms.ResetPasswordForm):
    email_fields = ("email",)


class RequestLoginCodeForm(_Limited, allauth_forms.RequestLoginCodeForm):
    email_fields = ("email",)


class ChangePasswordForm(_Limited, allauth_forms.ChangePasswordForm):
    new_password_fields = ("password1",)


class SetPasswordForm(_Limited, allauth_forms.SetPasswordForm):
    new_password_fields = ("password1",)


class ResetPasswordKeyForm(_Limited, allauth_forms.ResetPasswordKeyForm):
    new_password_fields = ("password1",)
