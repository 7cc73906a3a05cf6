"""Candidate accounts (django-allauth): the adapter that puts allauth's mails in our outbox, and the candidate's
address following the account's.

Candidates are ordinary users (never staff). Allauth renders its own mail templates; we only change where the
rendered mail goes, so every account mail is an outbox row the worker sends after commit. The candidate's address
is the account's primary verified address: once a new one is verified, every mail not yet sent goes there.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.utils.translation import get_language

from candidates.models import Candidate
from communications.outbox import queue_rendered_mail, readdress_unsent_mails
from kortrijk_ats.staff_auth import needs_second_factor, staff_home_url
from kortrijk_ats.typed_text import comparable_email

ACCOUNT_MAIL_EVENT = "account"


class CandidateAccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, ctx)
        queue_account_mail(message, to=email, account=_account_of(email, context))

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        # A notice may go to an address the account no longer has (the old one, after a change): name the account.
        super().send_notification_mail(template_prefix, user, context={"user": user, **(context or {})}, email=email)

    def get_login_redirect_url(self, request):
        # Staff who log in here (an external expert, by e-mailed code) open on their own worklist, not the portal.
        if needs_second_factor(request.user):
            return staff_home_url(request.user)
        return super().get_login_redirect_url(request)

    def save_user(self, request, user, form, commit=True):
        # A portal sign-up never grants back-office rights, whatever the form carried.
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, user, form, commit=commit)


def _account_of(email, context):
    """The account an account mail is about: erasure finds the mail through it, whatever address it went to."""
    user = context.get("user")
    if getattr(user, "pk", None) is not None:
        return user
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    return address.user if address is not None else None  # an unknown address: no account to tie it to


def queue_account_mail(message, *, to, account=None):
    """Move an allauth-rendered EmailMessage into the outbox, in the language of the current request."""
    html = ""
    for content, mimetype in getattr(message, "alternatives", []):
        if mimetype == "text/html":
            html = content
    if message.content_subtype == "html":
        html, text = message.body, ""
    else:
        text = message.body
    return queue_rendered_mail(
        ACCOUNT_MAIL_EVENT, to=to, subject=message.subject, body_text=text, body_html=html,
        language=get_language() or "nl-be", related=account,
    )


def change_candidate_address(*, user, address, previous=()):
    """The candidate's address becomes the account's new one, and so does that of every mail to them not yet sent
    (drafts awaiting HR's release, queued, failed), in one transaction; a mail sent or being sent keeps its
    recipient. `previous`: the account's old addresses. Returns the number of mails re-addressed."""
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().filter(user=user, erased_at__isnull=True).first()
        if candidate is None:
            return 0  # staff, or an account that never applied: no candidate's mails to follow
        old = {comparable_email(old) for old in (candidate.email, *previous) if old} - {comparable_email(address)}
        if candidate.email != address:
            candidate.email = address
            candidate.save(update_fields=["email"])
        return readdress_unsent_mails(old_addresses=old, new_address=address)


def follow_the_account_address(sender, user, to_email_address, from_email_address=None, **kwargs):
    """allauth's email_changed: a verified address became the account's primary one."""
    if not to_email_address.verified:
        return
    previous = [from_email_address.email] if from_email_address is not None else []
    change_candidate_address(user=user, address=to_email_address.email, previous=previous)
