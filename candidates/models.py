"""Who applies: the person, the application and its stage history, bans, waitlist and reserve entries."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.stages import Stage
from procedures.models import Diploma, Function, Procedure


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


class PoolEntryQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)

    def valid(self, on):
        """Places that hold on that day: not ended (a closed stage ends them) and not expired."""
        return self.active().filter(expires_on__gt=on)

    def waiting(self, kind, *, on):
        """The places of one pool (waitlist or reserve) whose candidate waits there on that day: valid, and the
        application still in that pool (not invited to a jury meanwhile, not made an offer)."""
        stage = Stage.WAITLIST if kind == PoolEntry.Kind.WAITLIST else Stage.RESERVE
        return self.valid(on).filter(kind=kind, application__stage=stage)

    def due_for_expiry(self, today):
        return self.active().filter(expires_on__lte=today)


class PoolEntry(models.Model):
    """A place on the waitlist (wachtlijst) or in the recruitment reserve (wervingsreserve) of a function."""

    class Kind(models.TextChoices):
        WAITLIST = "waitlist", _("wachtlijst")
        RESERVE = "reserve", _("wervingsreserve")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="pool_entries")
    function = models.ForeignKey(Function, on_delete=models.PROTECT, related_name="pool_entries")
    kind = models.CharField(max_length=10, choices=Kind)
    valid_from = models.DateField(_("geldig vanaf"))
    expires_on = models.DateField(_("vervalt op"), help_text=_("De eerste dag waarop de plaats niet meer geldt."))
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PoolEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("wachtlijst- of reserveplaats")
        verbose_name_plural = _("wachtlijst en wervingsreserve")
        ordering = ["valid_from", "id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], condition=models.Q(ended_at__isnull=True),
                                    name="one_active_pool_entry_per_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} tot en met {self.last_valid_day:%d/%m/%Y}"

    @property
    def last_valid_day(self):
        return self.expires_on - timedelta(days=1)


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


class ErasureRequest(models.Model):
    """A candidate's request to erase their data (recht op gegevenswissing); HR handles it in the back office."""

    candidate = models.ForeignKey(Candidate, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="erasure_requests", verbose_name=_("kandidaat"))
    requested_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    handled_at = models.DateTimeField(_("behandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("behandeld door"))

    class Meta:
        verbose_name = _("verzoek tot wissen")
        verbose_name_plural = _("verzoeken tot wissen")
        ordering = ["-requested_at", "-id"]
        constraints = [
            # A double click or a second request while one is open leaves one open request.
            models.UniqueConstraint(fields=["candidate"], condition=models.Q(handled_at__isnull=True),
                                    name="one_open_erasure_request"),
        ]

    def __str__(self):
        return f"{self.candidate or _('gewiste kandidaat')} ({self.requested_at:%d/%m/%Y})"


class RetentionPolicy(models.Model):
    """How long the data of candidates who did not get through is kept, per function (bewaartermijn).

    A function without a row keeps it DEFAULT_MONTHS after the decision. Kept in candidates (not on Function) so the
    privacy rules stay with the data they govern.
    """

    DEFAULT_MONTHS_AFTER_DECISION = 12
    DEFAULT_MONTHS_AFTER_POOL_EXPIRY = 0

    function = models.OneToOneField(Function, on_delete=models.CASCADE, related_name="retention_policy",
                                    verbose_name=_("functie"))
    months_after_decision = models.PositiveSmallIntegerField(
        _("bewaren na de beslissing (maanden)"), default=DEFAULT_MONTHS_AFTER_DECISION,
        help_text=_("Niet toegelaten, niet geslaagd of ingetrokken: zo lang na de beslissing blijven de gegevens "
                    "bewaard. Een uitsluiting blijft afdwingbaar via sleutelcodes van de e-mailadressen en van "
                    "naam en geboortedatum."))
    months_after_pool_expiry = models.PositiveSmallIntegerField(
        _("bewaren na het verlopen van wachtlijst of reserve (maanden)"), default=DEFAULT_MONTHS_AFTER_POOL_EXPIRY)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["function__name"]

    def __str__(self):
        return f"{self.function}: {self.months_after_decision} maanden"
