"""An application's files: the current document per kind, and the audit of the ones added or replaced later."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models.applications import Application


def document_upload_to(instance, filename):
    # The stored name is generated: nothing the candidate typed reaches the file system.
    return f"documents/{uuid.uuid4().hex}"


class Document(models.Model):
    """A current file of an application (diploma copy, equivalence certificate, CV), stored outside every web root.

    One per kind (except "other"): a replaced file moves to DocumentChange, so every reader sees only what counts now.
    """

    class Kind(models.TextChoices):
        DIPLOMA = "diploma", _("diploma")
        EQUIVALENCE = "equivalence", _("gelijkwaardigheidsattest")
        CV = "cv", _("cv")
        OTHER = "other", _("ander document")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("soort"), max_length=12, choices=Kind)
    file = models.FileField(upload_to=document_upload_to, max_length=200)
    original_name = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], condition=~models.Q(kind="other"),
                                    name="one_document_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


class DocumentChange(models.Model):
    """A document added or replaced after the application was submitted: the audit of candidates.documents. Append-only.

    A replaced file is not lost: it stays here (old_file) for HR until retention anonymises the application.
    """

    class Action(models.TextChoices):
        ADDED = "added", _("toegevoegd")
        REPLACED = "replaced", _("vervangen")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="document_changes")
    kind = models.CharField(_("soort"), max_length=12, choices=Document.Kind)
    action = models.CharField(_("wat"), max_length=10, choices=Action)
    new_name = models.CharField(_("nieuw bestand"), max_length=200)
    old_file = models.FileField(upload_to=document_upload_to, max_length=200, blank=True)
    old_name = models.CharField(_("vervangen bestand"), max_length=200, blank=True)
    old_content_type = models.CharField(max_length=100, blank=True)
    old_size = models.PositiveIntegerField(null=True, blank=True)
    old_uploaded_at = models.DateTimeField(null=True, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    actor_label = models.CharField(max_length=150, help_text=_("wie het document toevoegde of verving"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("documentwijziging")
        verbose_name_plural = _("documentwijzigingen")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(action="added", old_file="") | models.Q(action="replaced")
                                   & ~models.Q(old_file=""), name="document_change_replaced_keeps_old_file"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.get_action_display()}: {self.new_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Document changes are append-only.")
        super().save(*args, **kwargs)
