"""HR's daily summary (dagelijkse samenvatting): one mail a day to each HR member while work waits on the werkbank.

Idempotent per day: the summary of a day is a row, unique per member and day, made in the same transaction as the
mail; a second run that day (or a run racing this one) finds the row and sends nothing. The mail goes through the
outbox like every other. A member switches it off on their own page (WorkbenchPreference).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from communications.outbox import queue_mail
from kortrijk_ats.roles import is_hr
from workbench.board import build_board
from workbench.mail_events import DAILY_SUMMARY
from workbench.models import DailySummary, WorkbenchPreference


def _opted_out():
    # Every HR member gets the summary until they switch it off: no row means yes.
    return WorkbenchPreference.objects.filter(daily_summary=False)


def wants_summary(user):
    return not _opted_out().filter(user=user).exists()


def set_summary(user, *, wanted):
    """The member's own choice (their preferences page)."""
    WorkbenchPreference.objects.update_or_create(user=user, defaults={"daily_summary": wanted})


def summary_recipients():
    """The active HR members with an address who did not switch the summary off."""
    staff = (get_user_model().objects.filter(Q(is_staff=True) | Q(is_superuser=True), is_active=True)
             .exclude(email="").exclude(pk__in=_opted_out().values("user")).order_by("pk"))
    return [user for user in staff if is_hr(user)]


def summary_text(board):
    """The werkbank in plain lines: per procedure each kind with its count and the link to its list."""
    lines = []
    for section in board.sections:
        if not section.pending:
            continue
        lines.append(section.procedure.title if section.procedure else _("Niet aan één procedure gebonden"))
        for item in section.pending:
            lines.append(f"- {item.kind.label}: {item.count} — {settings.SITE_URL}{item.url}")
        lines.append("")
    return "\n".join(lines).strip()


def send_daily_summaries(*, now=None):
    """Queue today's summary for every HR member who has none yet, if anything waits. Returns how many."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    with override(settings.LANGUAGE_CODE):
        board = build_board(now=now)
        if not board.total:
            return 0
        context = {
            "day": date_format(day, "d/m/Y"), "total": board.total, "summary": summary_text(board),
            "werkbank_url": settings.SITE_URL + reverse("admin:index"),
            "settings_url": settings.SITE_URL + reverse("workbench:preferences"),
        }
    queued = 0
    for user in summary_recipients():
        with transaction.atomic():
            summary, created = DailySummary.objects.get_or_create(user=user, day=day)
            if not created:
                continue
            summary.mail = queue_mail(DAILY_SUMMARY.key, to=user.email, language=settings.LANGUAGE_CODE,
                                      context={**context, "hr_name": user.get_full_name() or user.get_username()})
            summary.save(update_fields=["mail"])
        queued += 1
    return queued
