"""Filters and per-row facts of the applications list, as SQL expressions so the list costs the same
number of queries for 3 or 30,000 applications."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib import admin
from django.contrib.admin.filters import FacetsMixin
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from candidates.models import Ban, BanMatch, PoolEntry
from candidates.stages import Stage
from procedures.models import Diploma, shortened_diploma_name


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


# The groups' names in the filter, plural: what HR looks for in the list (the model's labels are singular).
DIPLOMA_GROUP_LABELS = {
    Diploma.Kind.CURRENT: _("Huidige diploma’s"),
    Diploma.Kind.OLD: _("Oude diploma’s"),
    Diploma.Kind.FOREIGN: _("Buitenlandse diploma’s met gelijkwaardigheid"),
}


@dataclass
class DiplomaEntry:
    name: str  # the catalogue's name: the filter's value, the same in every procedure's catalogue
    label: str  # HR's short label, else the shortened name
    selected: bool = False
    query_string: str = ""
    display: str = ""  # the label, with its count when the list shows counts


@dataclass
class DiplomaGroup:
    kind: str
    label: str
    entries: list = field(default_factory=list)
    selected: bool = False
    query_string: str = ""
    display: str = ""


def diploma_groups(procedure_id=None):
    """The diploma catalogue (of one procedure, or of all) by kind, one entry per name, in the newest catalogue's
    order (names only older procedures have come after).

    A name's label is HR's short label (the newest procedure's, when rounds differ), else the shortened name; two
    names that would share a label within a group show their full names, so no entry hides another."""
    rows = Diploma.objects.order_by("-procedure_id", "position", "name").only("name", "kind", "short_label")
    if procedure_id is not None:
        rows = rows.filter(procedure_id=procedure_id)
    groups = {kind: DiplomaGroup(kind, label) for kind, label in DIPLOMA_GROUP_LABELS.items()}
    short_labels = {}
    for row in rows:
        if (row.kind, row.name) not in short_labels:
            groups[row.kind].entries.append(DiplomaEntry(row.name, shortened_diploma_name(row.name)))
            short_labels[row.kind, row.name] = ""
        if not short_labels[row.kind, row.name] and row.short_label.strip():
            short_labels[row.kind, row.name] = row.short_label.strip()
    for group in groups.values():
        for entry in group.entries:
            entry.label = short_labels[group.kind, entry.name] or entry.label
        labels = Counter(entry.label for entry in group.entries)
        for entry in group.entries:
            if labels[entry.label] > 1:
                entry.label = entry.name
    return [group for group in groups.values() if group.entries]


class DiplomaFilter(FacetsMixin, admin.ListFilter):
    """By diploma, grouped by kind: a group filters on the kind, an entry on the name across procedures (each
    procedure has its own catalogue rows with the same names). With a procedure chosen, only its catalogue."""

    title = _("diploma")
    template = "admin/candidates/application/diploma_filter.html"
    kind_parameter = "diploma__kind__exact"
    name_parameter = "diploma"
    procedure_parameter = "procedure__id__exact"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        for name in self.expected_parameters():
            if name in params:
                self.used_parameters[name] = params.pop(name)[-1]
        procedure = request.GET.get(self.procedure_parameter, "")
        self.groups = diploma_groups(int(procedure) if procedure.isdigit() else None)

    def expected_parameters(self):
        return [self.kind_parameter, self.name_parameter]

    def has_output(self):
        return bool(self.groups)

    def queryset(self, request, queryset):
        if name := self.used_parameters.get(self.name_parameter):
            return queryset.filter(diploma__name=name)
        if kind := self.used_parameters.get(self.kind_parameter):
            return queryset.filter(diploma__kind=kind)
        return queryset

    def get_facet_counts(self, pk_attname, filtered_qs):
        counts = {}
        for i, group in enumerate(self.groups):
            counts[f"{i}__c"] = Count(pk_attname, filter=Q(diploma__kind=group.kind))
            for j, entry in enumerate(group.entries):
                counts[f"{i}_{j}__c"] = Count(pk_attname, filter=Q(diploma__name=entry.name))
        return counts

    def choices(self, changelist):
        """One "all" choice, then the groups with their entries (the template nests them)."""
        counts = self.get_facet_queryset(changelist) if changelist.add_facets else None
        chosen_name = self.used_parameters.get(self.name_parameter)
        chosen_kind = self.used_parameters.get(self.kind_parameter)
        both = self.expected_parameters()
        yield {"selected": not (chosen_name or chosen_kind), "display": _("All"),
               "query_string": changelist.get_query_string(remove=both)}
        for i, group in enumerate(self.groups):
            group.selected = chosen_kind == group.kind and not chosen_name
            group.query_string = changelist.get_query_string({self.kind_parameter: group.kind}, both)
            group.display = f"{group.label} ({counts[f'{i}__c']})" if counts else group.label
            for j, entry in enumerate(group.entries):
                entry.selected = chosen_name == entry.name
                entry.query_string = changelist.get_query_string({self.name_parameter: entry.name}, both)
                entry.display = f"{entry.label} ({counts[f'{i}_{j}__c']})" if counts else entry.label
            yield {"selected": group.selected, "display": group.display, "query_string": group.query_string,
                   "group": group}


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
