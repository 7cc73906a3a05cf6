"""Retention (bewaartermijnen): erase what the city no longer needs, keep what the law or the archive requires.

What is personal and what erasure does with it comes from the register (kortrijk_ats.privacy.REGISTER). The
periodic job run_retention() anonymises applications of candidates who did not get through a set time after the
decision (per function, RetentionPolicy; default 12 months), waitlist and reserve places after they expired,
then erases a person once nothing of theirs is still needed. A ban keeps only its keyed hashes and dates until it
ends. Running it twice changes nothing the second time; no file without a row stays in storage.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from candidates.bans import remember_person
from candidates.models import Application, Ban, Candidate, ErasureRequest, RetentionPolicy, Transition
from candidates.portal.stash import STASH_DIR, prune_abandoned_stash
from candidates.stages import Stage
from communications.models import Mail
from communications.outbox import cancel_mails
from kortrijk_ats.dates import add_months
from kortrijk_ats.privacy import ERASE, ERASED_ACTOR_LABEL, ERASED_TEXT, FILE, MARK, REGISTER
from kortrijk_ats.sessions import end_sessions_of
from procedures.models import Function

log = logging.getLogger(__name__)

# Did not get through: erased a set time after this decision.
DECIDED_STAGES = (Stage.NOT_ELIGIBLE, Stage.INTAKE_FAILED, Stage.JURY_FAILED, Stage.WITHDRAWN, Stage.OFFER_WITHDRAWN)
# Waitlist or reserve ran out: erased a set time (default: none) after the expiry.
POOL_EXPIRED_STAGES = (Stage.WAITLIST_EXPIRED, Stage.RESERVE_EXPIRED)
# An account that never led to an application is removed after this long without a log-in.
UNUSED_ACCOUNT_MONTHS = 12
# A stored file younger than this may belong to an upload whose row is not committed yet.
ORPHAN_GRACE = timedelta(hours=6)
# The erasure confirmation mail is blanked this long after the request was handled (time to deliver or bounce).
ERASURE_MAIL_KEPT = timedelta(days=30)
MAIL_FIELDS = ("to", "subject", "body_text", "body_html", "calendar", "error")
LOG_ENTRY_FIELDS = ("object_repr", "change_message")


@dataclass
class RetentionReport:
    applications_anonymised: int = 0
    candidates_erased: int = 0
    accounts_deleted: int = 0
    bans_deleted: int = 0
    sessions_deleted: int = 0
    files_deleted: int = 0
    orphan_files_deleted: int = 0
    mails_scrubbed: int = 0

    def changed_anything(self):
        return any(vars(self).values())


@dataclass
class _Erased:
    """What one anonymisation left to do after commit (files) and to count."""

    files: list = field(default_factory=list)
    mails: int = 0


def policy_months(function):
    policy = RetentionPolicy.objects.filter(function=function).first()
    if policy is None:
        return RetentionPolicy.DEFAULT_MONTHS_AFTER_DECISION, RetentionPolicy.DEFAULT_MONTHS_AFTER_POOL_EXPIRY
    return policy.months_after_decision, policy.months_after_pool_expiry


def due_applications(*, now):
    """Applications whose retention ran out: not anonymised yet, closed without getting through, long enough ago."""
    due = Q(pk__in=[])
    for function in Function.objects.filter(procedures__applications__isnull=False).distinct():
        after_decision, after_expiry = policy_months(function)
        due |= Q(procedure__function=function, stage__in=DECIDED_STAGES,
                 stage_changed_at__lte=add_months(now, -after_decision))
        due |= Q(procedure__function=function, stage__in=POOL_EXPIRED_STAGES,
                 stage_changed_at__lte=add_months(now, -after_expiry))
    return Application.objects.filter(due, anonymised_at__isnull=True)


def run_retention(*, now=None):
    """The periodic job: anonymise what is due, erase people nothing is kept for, sweep bans, sessions and files."""
    now = now or timezone.now()
    report = RetentionReport()
    for pk in list(due_applications(now=now).order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            application = (due_applications(now=now).select_for_update(skip_locked=True, of=("self",))
                           .filter(pk=pk).first())
            if application is None:
                continue  # another run took it, or a person changed it meanwhile
            erased = anonymise_application(application, now=now)
            transaction.on_commit(lambda files=erased.files: delete_files(files))
        report.applications_anonymised += 1
        report.files_deleted += len(erased.files)
        report.mails_scrubbed += erased.mails
    # A person goes once every application of theirs is anonymised.
    done = Candidate.objects.filter(erased_at__isnull=True, applications__isnull=False).exclude(
        applications__anonymised_at__isnull=True).distinct()
    for pk in list(done.values_list("pk", flat=True)):
        with transaction.atomic():
            candidate = Candidate.objects.select_for_update(skip_locked=True).filter(
                pk=pk, erased_at__isnull=True).first()
            if candidate is None or candidate.applications.filter(anonymised_at__isnull=True).exists():
                continue
            report.mails_scrubbed += erase_person(candidate, now=now)
        report.candidates_erased += 1
    report.accounts_deleted = delete_unused_accounts(now=now)
    # Only the hash and the dates were left; once the ban ended nothing is needed any more.
    _total, deleted = Ban.objects.filter(ends_on__lte=timezone.localdate(now), candidate__isnull=True,
                                         application__isnull=True).delete()
    report.bans_deleted = deleted.get(Ban._meta.label, 0)  # their keys go with them
    report.sessions_deleted = Session.objects.filter(expire_date__lt=now).delete()[0]
    report.mails_scrubbed += scrub_erasure_confirmations(now=now)
    report.orphan_files_deleted = delete_orphan_files(now=now)
    prune_abandoned_stash()
    if report.changed_anything():
        log.info("retention: %s", report)
    return report


def _path_filter(path, obj):
    return {f"{path}__pk" if path else "pk": obj.pk}


def _blank(model_field):
    if model_field.null:
        return None
    if isinstance(model_field, models.JSONField):
        return model_field.get_default()
    return ""


def _scrub_rows(queryset, fields, erased):
    """Apply the register's erasure to the rows of one model: blank, mark, or delete their files."""
    model = queryset.model
    for name, entry in fields.items():
        model_field = model._meta.get_field(name)
        if entry.on_erasure == FILE:
            erased.files.extend(n for n in queryset.exclude(**{name: ""}).values_list(name, flat=True) if n)
            queryset.exclude(**{name: ""}).update(**{name: ""})
        elif entry.on_erasure == ERASE:
            blank = _blank(model_field)
            not_blank = {f"{name}__isnull": True} if blank is None else {name: blank}
            queryset.exclude(**not_blank).update(**{name: blank})
        elif entry.on_erasure == MARK:
            queryset.exclude(**{name: ""}).exclude(**{name: ERASED_TEXT}).update(**{name: ERASED_TEXT})


def _erase_registered(path_attr, obj, erased, *, skip=()):
    """Every registered model reached from obj through its path: rows deleted or fields erased.

    Returns (content type, primary keys) of the rows touched, for the mails and log entries about them."""
    touched = []
    for label, registered in REGISTER.items():
        path = getattr(registered, path_attr)
        if path is None or label in skip:
            continue
        model = apps.get_model(label)
        queryset = model._default_manager.filter(**_path_filter(path, obj))
        pks = list(queryset.values_list("pk", flat=True))
        if not pks:
            continue
        touched.append((ContentType.objects.get_for_model(model), pks))
        if registered.delete_rows:
            for model_field in model._meta.concrete_fields:
                if isinstance(model_field, models.FileField):
                    erased.files.extend(n for n in queryset.values_list(model_field.name, flat=True) if n)
            queryset.delete()
        else:
            _scrub_rows(queryset, registered.fields, erased)
    return touched


def _scrub_about(touched, erased, *, extra_mails=None):
    """Mails and HR log entries about the touched rows (and extra mails): unsent ones cancelled, then blanked."""
    about = Q(pk__in=[])
    for content_type, pks in touched:
        about |= Q(content_type=content_type, object_id__in=pks)
    mails = Mail.objects.filter(about | (extra_mails or Q(pk__in=[])))
    cancel_mails(mails)
    erased.mails += mails.exclude(to="", subject="", body_text="").update(**dict.fromkeys(MAIL_FIELDS, ""))
    log_entries = Q(pk__in=[])
    for content_type, pks in touched:
        log_entries |= Q(content_type=content_type, object_id__in=[str(pk) for pk in pks])
    apps.get_model("admin.LogEntry").objects.filter(log_entries).exclude(object_repr=ERASED_TEXT).update(
        object_repr=ERASED_TEXT, change_message="")


def anonymise_application(application, *, now):
    """Erase the personal data of one application and of everything hanging from it; keep the non-personal facts
    (stage history, dates, scores, PV) linked to it. Call inside a transaction; delete the returned files after
    commit."""
    erased = _Erased()
    touched = _erase_registered("application_path", application, erased)
    _scrub_about(touched, erased)
    # The ban stays enforceable through its hash, no longer tied to what is left of the application.
    Ban.objects.filter(application=application).update(application=None)
    Application.objects.filter(pk=application.pk).update(anonymised_at=now)
    application.anonymised_at = now
    return erased


def erase_person(candidate, *, now):
    """Erase the person: identity, contact details, account, sessions, mails to them. Their applications must be
    anonymised first. What stays: an empty Candidate row (so anonymous records keep their link) and any ban's
    keyed hashes (BanKey) with its dates. Returns the number of mails blanked."""
    erased = _Erased()
    user = candidate.user
    address = candidate.email
    # The last moment the ban can learn every address and the name it must still recognise (as keys only).
    remember_person(candidate, today=timezone.localdate(now))
    # The candidate's own actions (withdrawing, declining an offer) name them in the audit trail; they are theirs.
    Transition.objects.filter(application__candidate=candidate, actor=user).update(
        actor=None, actor_label=ERASED_ACTOR_LABEL)
    # A staff member who also applied keeps their staff account; only the candidate side goes.
    touched = _erase_registered("candidate_path", candidate, erased,
                                skip=("auth.User", "account.EmailAddress") if user.is_staff else ())
    addressed = Q(to__iexact=address) if address else Q(pk__in=[])
    if user.email:
        addressed |= Q(to__iexact=user.email)
    requests = list(candidate.erasure_requests.values_list("pk", flat=True))
    touched.append((ContentType.objects.get_for_model(apps.get_model("candidates.ErasureRequest")), requests))
    _scrub_about(touched, erased, extra_mails=addressed)
    Ban.objects.filter(candidate=candidate).update(candidate=None, application=None)
    if not user.is_staff:
        _erase_account(user)
    Candidate.objects.filter(pk=candidate.pk).update(erased_at=now)
    candidate.erased_at = now
    transaction.on_commit(lambda: delete_files(erased.files))
    return erased.mails


def _erase_account(user):
    user_model = get_user_model()
    user_model.objects.filter(pk=user.pk).update(
        username=f"gewist-{user.pk}", first_name="", last_name="", email="", is_active=False,
        password=make_password(None))
    end_sessions_of(user.pk)


def delete_unused_accounts(*, now):
    """Candidate accounts that never led to an application, unused for UNUSED_ACCOUNT_MONTHS: removed whole."""
    before = add_months(now, -UNUSED_ACCOUNT_MONTHS)
    unused = (get_user_model().objects.filter(is_staff=False, is_superuser=False)
              .filter(Q(last_login__lt=before) | Q(last_login__isnull=True, date_joined__lt=before))
              .exclude(candidate__applications__isnull=False))
    account_type = ContentType.objects.get_for_model(get_user_model())
    deleted = 0
    for user in unused:
        with transaction.atomic():
            # Account mails name their account (also those to an address it no longer has); others go by address.
            about_them = Q(content_type=account_type, object_id=user.pk)
            if user.email:
                about_them |= Q(to__iexact=user.email)
            to_them = Mail.objects.filter(about_them)
            cancel_mails(to_them)
            to_them.update(**dict.fromkeys(MAIL_FIELDS, ""))
            end_sessions_of(user.pk)
            user.delete()
        deleted += 1
    return deleted


def scrub_erasure_confirmations(*, now):
    """The last mail to an erased person (what went, what stays) keeps their address only until it is done with."""
    handled = ErasureRequest.objects.filter(handled_at__lt=now - ERASURE_MAIL_KEPT).values_list("pk", flat=True)
    return (Mail.objects.filter(content_type=ContentType.objects.get_for_model(ErasureRequest), object_id__in=handled,
                                state__in=(Mail.State.SENT, Mail.State.FAILED, Mail.State.CANCELLED))
            .exclude(to="").update(**dict.fromkeys(MAIL_FIELDS, "")))


def delete_files(names):
    for name in names:
        default_storage.delete(name)


def referenced_files():
    """Every file name a row of any model points at."""
    names = set()
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, models.FileField):
                names.update(n for n in model._default_manager.exclude(**{model_field.name: ""})
                             .values_list(model_field.name, flat=True) if n)
    return names


def stored_files(top=""):
    try:
        directories, files = default_storage.listdir(top)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{top}/{name}" if top else name
    for directory in directories:
        yield from stored_files(f"{top}/{directory}" if top else directory)


def delete_orphan_files(*, now):
    """Files in storage that no row points at (a crash between file and row, an old bug): deleted after a grace
    period. The upload stash has its own pruning."""
    referenced = referenced_files()
    deleted = 0
    for name in stored_files():
        if name.startswith(f"{STASH_DIR}/") or name in referenced:
            continue
        if default_storage.get_modified_time(name) > now - ORPHAN_GRACE:
            continue
        default_storage.delete(name)
        deleted += 1
    return deleted
