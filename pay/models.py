"""What a function pays: the city's salary scales with their dated versions and steps, the index coefficient, the
pay rules (holiday pay, year-end bonus, benefits) and per function the functional career.

History: the amounts are versions with a start date (valid_from). A simulation for a date reads the versions in
force on that date; an official version is locked once it is in force (HR adds a newer one).

The tables were created by the procedures app, where these models lived first: each keeps its table name
(`db_table`), so moving them here moved no data (pay/migrations/0001_initial.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from procedures.models import Function


class PayScale(models.Model):
    """A salary scale (weddeschaal) of the city, e.g. B1. Its amounts live in dated versions; what was published
    about it elsewhere (a minimum or maximum from an ad) is kept beside it as a fact with its source, never as steps."""

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("bv. B1"))
    name = models.CharField(_("omschrijving"), max_length=200, blank=True)
    published_minimum = models.DecimalField(
        _("gepubliceerd minimum per jaar aan 100 %"), max_digits=10, decimal_places=2, null=True, blank=True,
        help_text=_("Enkel ter info voor HR: de schatting rekent er nooit mee."))
    published_maximum = models.DecimalField(
        _("gepubliceerd maximum per jaar aan 100 %"), max_digits=10, decimal_places=2, null=True, blank=True,
        help_text=_("Enkel ter info voor HR: de schatting rekent er nooit mee."))
    published_source = models.TextField(_("bron van het gepubliceerde minimum of maximum"), blank=True)

    class Meta:
        db_table = "procedures_payscale"
        verbose_name = _("loonschaal")
        verbose_name_plural = _("loonschalen")
        ordering = ["code"]

    def __str__(self):
        return self.code


class PayScaleVersion(models.Model):
    """The steps of a scale from a date on. Only an official or a fictitious (demo) version is used by the estimate
    and the offer's simulation; an official one names its source and the date of that source."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("ontwerp")
        OFFICIAL = "official", _("officieel")
        FICTITIOUS = "fictitious", _("fictief (demo)")

    USABLE = (Status.OFFICIAL, Status.FICTITIOUS)

    scale = models.ForeignKey(PayScale, on_delete=models.PROTECT, related_name="versions",
                              verbose_name=_("loonschaal"))
    valid_from = models.DateField(_("geldig vanaf"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT,
        help_text=_("Ontwerp: nog niet gebruikt. Officieel: de gepubliceerde loonschaal van de stad (bron en "
                    "brondatum verplicht). Fictief: demobedragen, overal gemarkeerd als ‘fictief’."))
    source = models.TextField(_("bron"), blank=True, help_text=_("Waar komen de bedragen vandaan?"))
    source_date = models.DateField(_("datum van de bron"), null=True, blank=True)
    official_at = models.DateTimeField(_("officieel sinds"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("ingevoerd door"))

    class Meta:
        db_table = "procedures_payscaleversion"
        verbose_name = _("versie van een loonschaal")
        verbose_name_plural = _("versies van loonschalen")
        ordering = ["scale", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "valid_from"], name="pay_scale_version_unique",
                                    violation_error_message=_("Deze loonschaal heeft al een versie vanaf die "
                                                              "datum.")),
            models.CheckConstraint(
                condition=~models.Q(status="official") | (~models.Q(source="") & models.Q(source_date__isnull=False)),
                name="pay_scale_version_official_has_source",
                violation_error_message=_("Een officiële versie vermeldt haar bron en de datum van die bron.")),
        ]

    def __str__(self):
        return f"{self.scale.code} vanaf {self.valid_from:%d/%m/%Y} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        # When it became official decides when it is locked as history (pay.estimate.is_locked).
        if self.status != self.Status.OFFICIAL:
            self.official_at = None
        elif self.official_at is None:
            self.official_at = timezone.now()
        if kwargs.get("update_fields") is not None and "status" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "official_at"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.status == self.Status.OFFICIAL:
            errors = {}
            if not self.source.strip():
                errors["source"] = _("Een officiële versie vermeldt haar bron, bv. de webpagina of het besluit "
                                     "met de loonschaal.")
            if self.source_date is None:
                errors["source_date"] = _("Een officiële versie vermeldt de datum van haar bron.")
            if errors:
                raise ValidationError(errors)


class PayScaleStep(models.Model):
    """One step (trap) of a scale version: from this many years of recognised seniority, this yearly amount at
    100 % (before the index coefficient)."""

    version = models.ForeignKey(PayScaleVersion, on_delete=models.CASCADE, related_name="steps")
    years = models.PositiveSmallIntegerField(_("jaren anciënniteit"))
    yearly_amount = models.DecimalField(_("jaarbedrag aan 100 %"), max_digits=10, decimal_places=2)

    class Meta:
        db_table = "procedures_payscalestep"
        verbose_name = _("trap")
        verbose_name_plural = _("trappen")
        ordering = ["version", "years"]
        constraints = [
            models.UniqueConstraint(fields=["version", "years"], name="pay_scale_step_unique_years"),
            models.CheckConstraint(condition=models.Q(yearly_amount__gt=0), name="pay_scale_step_amount_positive",
                                   violation_error_message=_("Het jaarbedrag moet groter dan 0 zijn.")),
            models.CheckConstraint(condition=models.Q(years__lte=50), name="pay_scale_step_years_at_most_50",
                                   violation_error_message=_("Een trap kan hoogstens bij 50 jaar anciënniteit horen.")),
        ]

    def __str__(self):
        return f"{self.years} jaar: {self.yearly_amount}"


class IndexCoefficient(models.Model):
    """The index coefficient (indexcoëfficiënt) from a date on, until the next one starts. The bundle states none:
    HR enters it (the add form suggests the sourced value, pay.suggestions)."""

    valid_from = models.DateField(_("geldig vanaf"), unique=True)
    coefficient = models.DecimalField(
        _("coëfficiënt"), max_digits=6, decimal_places=4,
        help_text=_("Voorstel: 2,1223, de indexcoëfficiënt voor lonen in de Vlaamse lokale besturen sinds 1 maart "
                    "2025 (niet uit de infobundel). Kijk hem na in de bron voor je bewaart."))
    source = models.TextField(_("bron"), blank=True)
    created_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)

    class Meta:
        db_table = "procedures_indexcoefficient"
        verbose_name = _("indexcoëfficiënt")
        verbose_name_plural = _("indexcoëfficiënten")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(condition=models.Q(coefficient__gt=0) & models.Q(coefficient__lt=10),
                                   name="index_coefficient_in_range",
                                   violation_error_message=_("De indexcoëfficiënt ligt tussen 0 en 10 (bv. 2,1223).")),
        ]

    def __str__(self):
        return f"{self.coefficient} vanaf {self.valid_from:%d/%m/%Y}"


class PayRules(models.Model):
    """Holiday pay, year-end bonus and the benefits, from a date on (the city's pay rules). HR's row: the bundle
    states the benefits but not the holiday pay or the year-end bonus, so no seed writes it; the add form starts
    from the bundle's benefits and the sourced rates (pay.suggestions)."""

    valid_from = models.DateField(_("geldig vanaf"), unique=True)
    holiday_pay_rate = models.DecimalField(
        _("vakantiegeld (deel van een maandloon)"), max_digits=5, decimal_places=4,
        help_text=_("0,92 = 92 % van een maandloon voor een volledig refertejaar. Voorstel: 0,92, de regel voor "
                    "Vlaamse lokale besturen (niet uit de infobundel)."))
    year_end_fixed_amount = models.DecimalField(
        _("eindejaarspremie: vast deel"), max_digits=10, decimal_places=2, null=True, blank=True,
        help_text=_("Leeg zolang HR het bedrag niet invoerde: de schatting toont dan enkel het variabele deel."))
    year_end_rate = models.DecimalField(
        _("eindejaarspremie: deel van het jaarloon"), max_digits=5, decimal_places=4,
        help_text=_("0,036 = 3,6 % van het jaarloon. Voorstel: 0,036, de regel voor Vlaamse lokale besturen sinds "
                    "2021 (niet uit de infobundel)."))
    meal_voucher_per_day = models.DecimalField(_("maaltijdcheque per gewerkte dag"), max_digits=6, decimal_places=2,
                                               help_text=_("De infobundel: maaltijdcheques van €7,50."))
    bicycle_allowance_per_km = models.DecimalField(_("fietsvergoeding per km"), max_digits=6, decimal_places=2,
                                                   help_text=_("De infobundel: €0,36 per km."))
    holidays_min = models.PositiveSmallIntegerField(_("vakantiedagen (minimum)"),
                                                    help_text=_("De infobundel: 33 tot 35 vakantiedagen."))
    holidays_max = models.PositiveSmallIntegerField(_("vakantiedagen (maximum)"))
    source = models.TextField(_("bron"), blank=True)
    created_at = models.DateTimeField(_("ingevoerd op"), auto_now_add=True)

    class Meta:
        db_table = "procedures_payrules"
        verbose_name = _("premies en voordelen")
        verbose_name_plural = _("premies en voordelen")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(condition=models.Q(holidays_max__gte=models.F("holidays_min")),
                                   name="pay_rules_holidays_range",
                                   violation_error_message=_("Het maximum aantal vakantiedagen kan niet kleiner zijn "
                                                             "dan het minimum.")),
        ]

    def __str__(self):
        return f"vanaf {self.valid_from:%d/%m/%Y}"


class CareerScale(models.Model):
    """One scale of a function's functional career (functionele loopbaan), in order: the first is where a new
    hire starts; each next one follows after `years_in_previous_scale` years in the previous scale."""

    function = models.ForeignKey(Function, on_delete=models.CASCADE, related_name="career_scales",
                                 verbose_name=_("functie"))
    position = models.PositiveSmallIntegerField(_("volgorde"))
    scale = models.ForeignKey(PayScale, on_delete=models.PROTECT, related_name="+", verbose_name=_("loonschaal"))
    years_in_previous_scale = models.PositiveSmallIntegerField(
        _("na jaren in de vorige schaal"), default=0,
        help_text=_("0 voor de startschaal."))
    conditions = models.CharField(_("voorwaarden"), max_length=300, blank=True,
                                  help_text=_("bv. gunstige evaluatie"))
    fictitious = models.BooleanField(_("fictief (demo)"), default=False,
                                     help_text=_("Aangevinkt: niet de regeling van de stad maar een demo; overal "
                                                 "gemarkeerd als ‘fictief’."))

    class Meta:
        db_table = "procedures_careerscale"
        verbose_name = _("schaal in de functionele loopbaan")
        verbose_name_plural = _("functionele loopbaan")
        ordering = ["function", "position"]
        constraints = [
            models.UniqueConstraint(fields=["function", "position"], name="career_scale_unique_position"),
            models.UniqueConstraint(fields=["function", "scale"], name="career_scale_unique_scale"),
        ]

    def __str__(self):
        return f"{self.function.name}: {self.scale.code}"


class FunctionPay(Function):
    """The pay side of a function in the back office: the seniority rule and the functional career."""

    class Meta:
        proxy = True
        verbose_name = _("loopbaan en anciënniteit van een functie")
        verbose_name_plural = _("loopbaan en anciënniteit per functie")
