"""What follows a jury round: the proposal for a vacancy's offer, a failed candidate's request for feedback, and
for the reserve the matchgesprek and a temporary unavailability."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Application
from interviews.models.jury import JuryCandidate


class VacancyProposal(models.Model):
    """An application proposed for a vacancy's job offer: a ranked jury passer or a reserve candidate who matched.
    The offer step reads these; one proposal per application per vacancy."""

    class Source(models.TextChoices):
        JURY = "jury", _("juryronde")
        MATCH = "match", _("matchgesprek")

    vacancy = models.ForeignKey("procedures.Vacancy", on_delete=models.PROTECT, related_name="proposals",
                                verbose_name=_("concrete vacature"))
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="vacancy_proposals",
                                    verbose_name=_("kandidatuur"))
    source = models.CharField(_("bron"), max_length=10, choices=Source)
    rank = models.PositiveSmallIntegerField(_("rangorde"), null=True, blank=True)
    created_at = models.DateTimeField(_("voorgedragen op"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("voordracht voor een vacature")
        verbose_name_plural = _("voordrachten voor vacatures")
        ordering = ["vacancy", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "application"], name="vacancy_proposal_once"),
        ]

    def __str__(self):
        return f"{self.application.candidate} → {self.vacancy}"


class FeedbackRequest(models.Model):
    """A failed candidate's request for the jury's feedback: HR's task with a deadline, the letter HR sends."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="feedback_request",
                                       verbose_name=_("kandidatuur"))
    jury_candidate = models.ForeignKey(JuryCandidate, on_delete=models.PROTECT, related_name="feedback_requests")
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    due_on = models.DateField(_("te beantwoorden tegen"))
    letter = models.TextField(_("feedbackbrief"), blank=True)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+", verbose_name=_("verstuurd door"))

    class Meta:
        verbose_name = _("vraag om feedback")
        verbose_name_plural = _("vragen om feedback")
        ordering = ["sent_at", "due_on", "id"]

    def __str__(self):
        return f"Feedback {self.application.candidate}"


class MatchInterview(models.Model):
    """A matchgesprek: a reserve candidate and a vacancy's team check their expectations. Never a selection:
    the result is match (proposed for the offer) or no match (the candidate stays in the reserve)."""

    class Result(models.TextChoices):
        MATCH = "match", _("match")
        NO_MATCH = "no_match", _("geen match")

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    vacancy = models.ForeignKey("procedures.Vacancy", on_delete=models.PROTECT, related_name="match_interviews",
                                verbose_name=_("concrete vacature"))
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="match_interviews",
                                    verbose_name=_("kandidatuur"))
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    location = models.CharField(_("plaats"), max_length=300, blank=True)
    meeting_url = models.URLField(_("link online gesprek"), max_length=1000, blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    result = models.CharField(_("resultaat"), max_length=10, choices=Result, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name=_("geregistreerd door"))
    recorded_at = models.DateTimeField(_("geregistreerd op"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("matchgesprek")
        verbose_name_plural = _("matchgesprekken")
        ordering = ["starts_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "application"], name="match_interview_once_per_vacancy"),
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="match_interview_ends_after_start",
                                   violation_error_message=_("Het einde moet na het begin liggen.")),
        ]

    def __str__(self):
        return f"Matchgesprek {self.application.candidate} — {self.vacancy}"


class ReserveUnavailability(models.Model):
    """A reserve candidate is temporarily unavailable (e.g. a long trip); the reserve's validity does not extend."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="unavailabilities",
                                    verbose_name=_("kandidatuur"))
    starts_on = models.DateField(_("niet beschikbaar vanaf"))
    ends_on = models.DateField(_("opnieuw beschikbaar vanaf"))
    note = models.CharField(_("toelichting"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tijdelijk niet beschikbaar")
        verbose_name_plural = _("tijdelijk niet beschikbaar")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="unavailability_ends_after_start",
                                   violation_error_message=_("‘Opnieuw beschikbaar vanaf’ ligt na de begindatum.")),
        ]

    def __str__(self):
        return f"{self.application.candidate}: {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"
