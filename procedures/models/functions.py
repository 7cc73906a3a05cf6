"""A function of the city: what the ban, waitlist, reserve and offer rules hold per function."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from procedures.models.help_texts import INTERNAL_NOTE_HELP


class Function(models.Model):
    """A function (functie) of the city, e.g. "Maatschappelijk werker" on scale B1-B3.

    The ban, waitlist and reserve rules hold per function, so they are configured here.
    """

    name = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    grade = models.CharField(_("niveau en loonschaal"), max_length=40, help_text=_("bv. B1-B3"))
    ban_months = models.PositiveSmallIntegerField(
        _("uitsluiting na niet slagen (maanden)"), default=12,
        help_text=_("Wie niet slaagt voor het kennismakingsinterview of de jury, mag zo lang niet opnieuw deelnemen."),
    )
    waitlist_months = models.PositiveSmallIntegerField(_("geldigheid wachtlijst (maanden)"), default=12)
    # The bundle states no reserve validity: empty until HR enters it (procedures.settings_check owns the rule).
    reserve_months = models.PositiveSmallIntegerField(
        _("geldigheid wervingsreserve (maanden)"), null=True, blank=True,
        help_text=_("Nog in te vullen door HR: de infobundel vermeldt geen geldigheid. Nodig om een juryronde te "
                    "starten en om iemand in de wervingsreserve op te nemen."),
    )
    private_seniority_cap_years = models.PositiveSmallIntegerField(
        _("maximaal erkende jaren privésector"), default=18,
    )
    internal_note = models.TextField(_("interne notitie"), blank=True, help_text=INTERNAL_NOTE_HELP)
    feedback_request_months = models.PositiveSmallIntegerField(
        _("feedback vragen kan tot (maanden)"), null=True, blank=True,
        help_text=_("Leeg: zonder termijn (de infobundel noemt er geen). Ingevuld: zoveel maanden nadat de kandidaat "
                    "het resultaat van het jurygesprek kreeg."),
    )
    criminal_record_max_age_months = models.PositiveSmallIntegerField(
        _("uittreksel uit het strafregister hoogstens zo oud (maanden)"), null=True, blank=True,
        help_text=_("Leeg: geen termijn (de infobundel vraagt enkel een blanco uittreksel): de kandidaat leest er "
                    "niets over en elke datum van afgifte in het verleden wordt aanvaard. Ingevuld: het jobaanbod, de "
                    "aanbodsbrief en de bevestigingsmail vermelden het, en een ouder uittreksel wordt geweigerd."),
    )

    class Meta:
        verbose_name = _("functie")
        verbose_name_plural = _("functies")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.grade})"
