"""Filters and per-row facts of the applications list, as SQL expressions so the list costs the same
number of queries for 3 or 30,000 applications."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Ban, BanMatch, PoolEntry
from candidates.stages import Stage
from procedures.models import Diploma


def bans_in_force_for_row(today):
    """The bans in force today on the application's function for its candidate."""
    # Through the function's procedures inside the subquery: the list's COUNT then needs no join to procedures.
    return Ban.objects.in_force(today).filter(candidate=OuterRef("candidate"),
                                              function__procedures=OuterRef("procedure"))


def active_pool_entries_for_row(kind):
    return PoolEntry.objects.active().filter(application=OuterRef("pk"), kind=kind)


def annotate_row_facts(queryset, *, today=None):
    """Add banned_until, waitlist_expires_on and reserve_expires_on (None when there is none)."""
    today = today or timezone.localdate()
    return queryset.annotate(
        banned_until=Subquery(bans_in_force_for_row(today).order_by("-ends_on").values("ends_on")[:1]),
        waitlist_expires_on=Subquery(
            active_pool_entries_for_row(PoolEntry.Kind.WAITLIST).values("expires_on")[:1]),
        reserve_expires_on=Subquery(
            active_pool_entries_for_row(PoolEntry.Kind.RESERVE).values("expires_on")[:1]),
    )


class BannedFilter(admin.SimpleListFilter):
    title = _("uitsluiting")
    parameter_name = "uitgesloten"

    def lookups(self, request, model_admin):
        return (("ja", _("nu uitgesloten")), ("nee", _("niet uitgesloten")))

    def queryset(self, request, queryset):
        banned = Exists(bans_in_force_for_row(timezone.localdate()))
        if self.value() == "ja":
            return queryset.filter(banned)
        if self.value() == "nee":
            return queryset.exclude(banned)
        return queryset


class BanMatchFilter(admin.SimpleListFilter):
    """Applications flagged as probably coming from a banned person (candidates.bans): HR decides at screening."""

    title = _("mogelijk uitgesloten")
    parameter_name = "mogelijk_uitgesloten"

    def lookups(self, request, model_admin):
        return (("te-beslissen", _("te beslissen bij de screening")), ("alle", _("alle gemarkeerde")))

    def queryset(self, request, queryset):
        flagged = BanMatch.objects.filter(application=OuterRef("pk"))
        if self.value() == "te-beslissen":
            return queryset.filter(Exists(flagged.filter(cleared_at__isnull=True)), stage=Stage.SCREENING)
        if self.value() == "alle":
            return queryset.filter(Exists(flagged))
        return queryset


class PoolFilter(admin.SimpleListFilter):
    title = _("wachtlijst en wervingsreserve")
    parameter_name = "pool"

    def lookups(self, request, model_admin):
        return (
            (PoolEntry.Kind.WAITLIST, _("op de wachtlijst")),
            (PoolEntry.Kind.RESERVE, _("in de wervingsreserve")),
            ("geen", _("geen van beide")),
        )

    def queryset(self, request, queryset):
        value = self.value()
        if value in PoolEntry.Kind.values:
            return queryset.filter(Exists(active_pool_entries_for_row(value)))
        if value == "geen":
            return queryset.exclude(Exists(PoolEntry.objects.active().filter(application=OuterRef("pk"))))
        return queryset


class DiplomaKindFilter(admin.ChoicesFieldListFilter):
    """The kind of diploma (current, old, foreign); the model field alone would be titled just "soort"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("soort diploma")


class DiplomaNameFilter(admin.SimpleListFilter):
    """By diploma name across procedures: each procedure has its own catalogue rows with the same names."""

    title = _("diploma")
    parameter_name = "diploma"

    def lookups(self, request, model_admin):
        names = Diploma.objects.order_by("name").values_list("name", flat=True).distinct()
        return [(name, name) for name in names]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(diploma__name=self.value())
        return queryset


class AccommodationFilter(admin.SimpleListFilter):
    """HR's worklist for reasonable accommodations: a request without an arrangement reaches no interviewer."""

    title = _("redelijke aanpassingen")
    parameter_name = "aanpassingen"

    def lookups(self, request, model_admin):
        return (("te-regelen", _("gevraagd, nog niets vastgelegd")), ("vastgelegd", _("aanpassing vastgelegd")))

    def queryset(self, request, queryset):
        if self.value() == "te-regelen":
            return queryset.exclude(accommodations="").filter(intake_arrangement="", jury_arrangement="")
        if self.value() == "vastgelegd":
            return queryset.exclude(intake_arrangement="", jury_arrangement="")
        return queryset


# Team: applications have no team yet (a jury round for a vacancy in a team comes with the jury issue); add the
# filter there, on the round's vacancy team.
