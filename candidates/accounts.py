"""Candidate accounts (django-allauth): the adapter that puts allauth's mails in our outbox.

Candidates are ordinary users (never staff). Allauth renders its own mail templates; we only change
where the rendered mail goes, so every account mail is an outbox row the worker sends after commit.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import get_language

from communications.outbox import queue_rendered_mail

ACCOUNT_MAIL_EVENT = "account"


class CandidateAccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, ctx)
        queue_account_mail(message, to=email)

    def save_user(self, request, user, form, commit=True):
        # A portal sign-up never grants back-office rights, whatever the form carried.
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, user, form, commit=commit)


def queue_account_mail(message, *, to):
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
        language=get_language() or "nl-be",
    )
