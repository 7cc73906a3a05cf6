"""The outbox: editable mail templates per event and every mail as a row."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from communications.events import get_event
from communications.rendering import template_errors


class MailTemplate(models.Model):
    """HR's wording of the mail for one event, in Dutch and English."""

    event = models.CharField(_("gebeurtenis"), max_length=60, unique=True)
    subject_nl = models.CharField(_("onderwerp (Nederlands)"), max_length=200)
    body_nl = models.TextField(_("tekst (Nederlands)"))
    subject_en = models.CharField(_("onderwerp (Engels)"), max_length=200)
    body_en = models.TextField(_("tekst (Engels)"))
    held_for_release = models.BooleanField(
        _("wacht op vrijgave door HR"), default=False,
        help_text=_("Aangevinkt: de mail blijft als concept in de outbox tot HR ze vrijgeeft."),
    )
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("gewijzigd door"))

    class Meta:
        verbose_name = _("mailsjabloon")
        verbose_name_plural = _("mailsjablonen")
        ordering = ["event"]

    def __str__(self):
        return self.event_label

    @property
    def event_label(self):
        try:
            return get_event(self.event).label
        except KeyError:
            return self.event

    def clean(self):
        try:
            allowed = get_event(self.event).allowed_placeholders
        except KeyError:
            raise ValidationError({"event": _("Onbekende gebeurtenis.")}) from None
        errors = {}
        for field in ("subject_nl", "body_nl", "subject_en", "body_en"):
            messages = template_errors(getattr(self, field) or "", allowed)
            if messages:
                errors[field] = messages
        if errors:
            raise ValidationError(errors)

    def wording(self, language):
        if language.startswith("en"):
            return self.subject_en, self.body_en
        return self.subject_nl, self.body_nl


class MailQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Mail(models.Model):
    """One mail in the outbox, rendered when queued. Sent by a Celery task, exactly once from our side."""

    class State(models.TextChoices):
        DRAFT = "draft", _("concept, wacht op vrijgave")
        QUEUED = "queued", _("in de wachtrij")
        SENDING = "sending", _("wordt verzonden")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("mislukt")
        CANCELLED = "cancelled", _("geannuleerd")

    event = models.CharField(_("gebeurtenis"), max_length=60, db_index=True)
    to = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=300)
    body_text = models.TextField(_("tekst"))
    body_html = models.TextField(_("HTML"), blank=True)
    calendar = models.TextField(_("agenda-uitnodiging (ICS)"), blank=True)
    language = models.CharField(_("taal"), max_length=5, default="nl-be")
    state = models.CharField(_("status"), max_length=10, choices=State, default=State.QUEUED, db_index=True)
    error = models.TextField(_("foutmelding"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    message_id = models.CharField("Message-ID", max_length=200, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    queued_at = models.DateTimeField(_("in de wachtrij sinds"), null=True, blank=True)
    sending_started_at = models.DateTimeField(_("verzending gestart op"), null=True, blank=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    # When the next hand-over to the worker is due: the retry moment after a transient error, or the last hand-over.
    due_at = models.DateTimeField(_("volgende poging vanaf"), null=True, blank=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("vrijgegeven door"))

    # What the mail is about (an application, a booking, ...): this app knows no domain model.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    related = GenericForeignKey("content_type", "object_id")

    objects = MailQuerySet.as_manager()

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("outbox")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def save(self, *args, **kwargs):
        if not self.message_id:
            self.message_id = self.new_message_id()
        super().save(*args, **kwargs)

    @staticmethod
    def new_message_id():
        # Fixed when the row is made, so a re-sent mail keeps its Message-ID and duplicates are visible.
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
        return f"<{uuid.uuid4().hex}@{domain}>"
