"""The rows a seed command created, under its own stable keys."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    """A row a seed command created, under the seed's own stable key (e.g. "diploma:master-sociaal-werk").

    The seed finds its rows by this key, never by a display name HR may change; a key whose row is gone was deleted
    by HR and stays deleted (procedures.seeding.Seeder).
    """

    key = models.CharField(_("sleutel"), max_length=200, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("rij van de seed")
        verbose_name_plural = _("rijen van de seed")
        ordering = ["key"]

    def __str__(self):
        return self.key
