"""Bans from a function's procedures: the ban, the keyed hashes that recognise its person, and the applications
that probably come from a banned person (the rules are candidates.bans')."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from candidates.models.applications import Application, Candidate
from candidates.stages import Stage
from procedures.models import Function


class BanQuerySet(models.QuerySet):
    def in_force(self, on):
        return self.filter(starts_on__lte=on, ends_on__gt=on)


class Ban(models.Model):
    """A bar from a function's procedure (uitsluiting) after failing the intake or the jury interview."""

    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="bans")
    candidate = models.ForeignKey(Candidate, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="bans")
    application = models.OneToOneField(Application, on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="ban")
    starts_on = models.DateField(_("vanaf"))
    ends_on = models.DateField(_("opnieuw welkom vanaf"),
                               help_text=_("De eerste dag waarop de persoon weer mag deelnemen."))
    # Why: the failed step. Kept with the dates, so HR can judge a likely match after the person was erased.
    after_stage = models.CharField(_("na"), max_length=20, choices=Stage, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BanQuerySet.as_manager()

    class Meta:
        verbose_name = _("uitsluiting")
        verbose_name_plural = _("uitsluitingen")
        ordering = ["-ends_on"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                              name="ban_ends_after_start")]

    def __str__(self):
        return f"{self.function} tot {self.ends_on:%d/%m/%Y}"


class BanKey(models.Model):
    """A keyed hash (sleutelcode) by which a ban recognises its person, also after their data is erased.

    See candidates.bans: an address key refuses a new application; a likely key (the same address but for a +tag
    or Gmail's dots, or the same name and birth date) flags it for HR at screening. Never a plain address or name.
    """

    class Kind(models.TextChoices):
        ADDRESS = "address", _("e-mailadres")
        ADDRESS_VARIANT = "address_variant", _("e-mailadres op een +label of puntjes na")
        NAME_BIRTH_DATE = "name_birth_date", _("naam en geboortedatum")

    ban = models.ForeignKey(Ban, on_delete=models.CASCADE, related_name="keys")
    kind = models.CharField(max_length=20, choices=Kind)
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("sleutelcode van een uitsluiting")
        verbose_name_plural = _("sleutelcodes van uitsluitingen")
        constraints = [models.UniqueConstraint(fields=["ban", "kind", "digest"], name="one_ban_key_per_value")]
        indexes = [models.Index(fields=["kind", "digest"], name="ban_key_lookup")]

    def __str__(self):
        return self.get_kind_display()


class BanMatch(models.Model):
    """An application that probably comes from a banned person (mogelijk uitgesloten): it matched a likely key of
    a ban in force on the day it arrived. It is not refused: HR decides at screening. Admitting it needs a reason
    (recorded on the transition) and clears the flag; not admitting it closes the application as usual."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="ban_match")
    # The ban itself goes once it ended (retention); the dates and the reason stay with the flag.
    ban = models.ForeignKey(Ban, on_delete=models.SET_NULL, null=True, blank=True, related_name="matches")
    ban_starts_on = models.DateField(_("uitsluiting vanaf"))
    ban_ends_on = models.DateField(_("uitsluiting tot"), help_text=_("De eerste dag waarop de persoon weer mag "
                                                                     "deelnemen."))
    ban_after_stage = models.CharField(_("uitsluiting na"), max_length=20, choices=Stage, blank=True)
    same_name_and_birth_date = models.BooleanField(_("zelfde naam en geboortedatum"), default=False)
    similar_address = models.BooleanField(_("zelfde e-mailadres op een +label of puntjes na"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when HR admitted the application all the same (the reason is on that transition).
    cleared_at = models.DateTimeField(_("toch toegelaten op"), null=True, blank=True)
    cleared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("toegelaten door"))

    class Meta:
        verbose_name = _("mogelijke uitsluiting")
        verbose_name_plural = _("mogelijke uitsluitingen")

    def __str__(self):
        return f"{self.application} ~ {_('uitsluiting tot')} {self.ban_ends_on:%d/%m/%Y}"
