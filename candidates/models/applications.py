"""Who applies for what: the person, their applications (one per procedure) and each application's stage
history."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.stages import Stage
from procedures.models import Diploma, Procedure


class Candidate(models.Model):
    """A person who applies, linked to their own user account."""

    class Language(models.TextChoices):
        DUTCH = "nl-be", "Nederlands"
        ENGLISH = "en", "English"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate")
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("achternaam"), max_length=100)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    street = models.CharField(_("straat en nummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("gemeente"), max_length=100, blank=True)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    language = models.CharField(_("taal"), max_length=5, choices=Language, default=Language.DUTCH)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the person's data was erased (retention or request); the row stays for the anonymous records.
    erased_at = models.DateTimeField(_("gegevens gewist op"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        if self.erased_at:
            return str(_("gewiste kandidaat"))
        return f"{self.first_name} {self.last_name}".strip()


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        from candidates.stages import OPEN_STAGES

        return self.filter(stage__in=OPEN_STAGES)


class ApplicationChannel(models.TextChoices):
    """How an application reached the city: the portal, or on paper, by e-mail or at the counter and HR entered it."""

    PORTAL = "portal", _("portaal")
    PAPER = "paper", _("papier")
    EMAIL = "email", _("e-mail")
    COUNTER = "counter", _("loket")


class Application(models.Model):
    """A candidate's application (kandidatuur) for one procedure; its stage changes only in candidates.transitions."""

    Channel = ApplicationChannel

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="applications")
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="applications")
    stage = models.CharField(_("fase"), max_length=20, choices=Stage, default=Stage.SCREENING, db_index=True)
    stage_changed_at = models.DateTimeField(_("fase gewijzigd op"), default=timezone.now)
    diploma = models.ForeignKey(Diploma, on_delete=models.PROTECT, related_name="applications",
                                verbose_name=_("diploma"))
    diploma_detail = models.CharField(
        _("diploma zoals vermeld"), max_length=300, blank=True,
        help_text=_("Naam van het buitenlandse diploma of de gelijkgestelde titel."),
    )
    years_public_sector = models.DecimalField(_("jaren ervaring openbare sector"), max_digits=4, decimal_places=1,
                                              default=0)
    years_private_sector = models.DecimalField(_("jaren relevante ervaring privésector"), max_digits=4,
                                               decimal_places=1, default=0)
    motivation = models.TextField(_("motivatie"), blank=True)
    # The candidate's own words: may reveal a disability or health condition, so only HR and the candidate read it.
    accommodations = models.TextField(
        _("redelijke aanpassingen"), blank=True,
        help_text=_("Alleen zichtbaar voor het selectieteam."),
    )
    # What HR agreed to adjust, per step, without health details: the step's interviewer or jurors read it.
    intake_arrangement = models.TextField(
        _("aanpassing voor het kennismakingsinterview"), blank=True, default="", db_default="",
        help_text=_("Wat het selectieteam aanpast, zonder gezondheidsgegevens. De interviewer leest het."),
    )
    jury_arrangement = models.TextField(
        _("aanpassing voor het jobinterview"), blank=True, default="", db_default="",
        help_text=_("Wat het selectieteam aanpast, zonder gezondheidsgegevens. De jury leest het."),
    )
    arrangement_recorded_at = models.DateTimeField(_("aanpassingen vastgelegd op"), null=True, blank=True,
                                                   editable=False)
    privacy_acknowledged_at = models.DateTimeField(_("privacyverklaring gelezen op"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("ingediend op"), default=timezone.now)
    channel = models.CharField(_("ontvangen via"), max_length=10, choices=Channel, default=Channel.PORTAL,
                               db_default=Channel.PORTAL)
    # The HR member who entered an application that came on paper, by e-mail or at the counter; empty for the portal.
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("ingevoerd door"))
    # The day the letter, e-mail or counter visit reached the city (HR enters it, maybe days later); the rules of
    # the day (open, ban) were judged on it. Empty for the portal, whose day of receipt is that of submitted_at.
    received_on = models.DateField(_("ontvangen op"), null=True, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Set when retention or an erasure request anonymised it: only non-personal facts and scores remain.
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True, editable=False)

    mails = GenericRelation("communications.Mail", related_query_name="application")

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("kandidatuur")
        verbose_name_plural = _("kandidaturen")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "procedure"], name="one_application_per_procedure"),
            models.CheckConstraint(condition=models.Q(stage__in=Stage.values), name="application_stage_valid"),
            models.CheckConstraint(condition=models.Q(channel__in=ApplicationChannel.values),
                                   name="application_channel_valid"),
            models.CheckConstraint(
                condition=models.Q(channel=ApplicationChannel.PORTAL, received_on__isnull=True)
                | (~models.Q(channel=ApplicationChannel.PORTAL) & models.Q(received_on__isnull=False)),
                name="application_received_on_for_hr_entries"),
        ]
        indexes = [
            models.Index(fields=["procedure", "stage"]),
            # The HR list's order, with and without its procedure and stage filters (keyset pages walk these).
            models.Index(fields=["-submitted_at", "-id"], name="application_newest_first"),
            models.Index(fields=["procedure", "stage", "-submitted_at", "-id"], name="application_filtered_newest"),
        ]

    def __str__(self):
        return f"{self.candidate} — {self.procedure}"

    @property
    def function(self):
        return self.procedure.function

    @property
    def received_day(self):
        """The day the application reached the city, whichever way it came."""
        return self.received_on or timezone.localdate(self.submitted_at)


class Transition(models.Model):
    """One change of an application's stage: the audit trail and the source of the reports. Append-only."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    from_stage = models.CharField(max_length=20, choices=Stage)
    to_stage = models.CharField(max_length=20, choices=Stage)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    actor_label = models.CharField(max_length=150, help_text=_("wie of wat de wijziging deed"))
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("faseovergang")
        verbose_name_plural = _("faseovergangen")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.get_from_stage_display()} → {self.get_to_stage_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Transitions are append-only.")
        super().save(*args, **kwargs)
