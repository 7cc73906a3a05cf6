"""Back office for pay: scales with their dated versions and steps, the index coefficient, holiday pay / year-end
bonus / benefits, and per function the seniority rule with the functional career.

History: amounts are versions with a start date. An official version (the city's published scale, with its source
and the date of that source) is read-only once it is in force (and was not made official today): HR adds a newer
version, starting from a copy ("Nieuwe versie op basis van deze"), or imports the published scales from a CSV
(pay.scale_import). Draft and fictitious (demo) versions stay editable and deletable.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kortrijk_ats.admin_access import HRAccessMixin, HRChangeOnlyMixin
from kortrijk_ats.typed_text import FreeTextField
from pay import suggestions
from pay.calculation import Step
from pay.estimate import is_locked
from pay.formatting import date_text
from pay.models import (
    CareerScale,
    FunctionPay,
    IndexCoefficient,
    PayRules,
    PayScale,
    PayScaleStep,
    PayScaleVersion,
)
from pay.scale_import import MAX_BYTES, ScaleImportRefused, import_pay_scales
from pay.simulation import scale_step_errors


class LockedHistoryMixin:
    """Official rows in force are history: HR may look, not change or delete."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj is not None and is_locked(obj, today=timezone.localdate()))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (
            obj is not None and is_locked(obj, today=timezone.localdate()))


# --- Scales --------------------------------------------------------------------------------------------------------


class PayScaleVersionInline(HRAccessMixin, admin.TabularInline):
    model = PayScaleVersion
    fields = ("valid_from", "status", "source_date", "created_at", "created_by")
    readonly_fields = fields
    extra = 0
    show_change_link = True  # the steps are edited on the version's own page
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PayScale)
class PayScaleAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("code", "name", "version_count", "latest_version", "published_minimum", "published_maximum")
    search_fields = ("code", "name")
    ordering = ("code",)
    fieldsets = (
        (None, {"fields": ("code", "name")}),
        (_("Elders gepubliceerd (enkel ter info: de loonschatting rekent er nooit mee)"), {
            "fields": ("published_minimum", "published_maximum", "published_source")}),
    )
    inlines = (PayScaleVersionInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(version_count=Count("versions"),
                                                      latest_from=Max("versions__valid_from"))

    @admin.display(description=_("versies"), ordering="version_count")
    def version_count(self, obj):
        return obj.version_count

    @admin.display(description=_("laatste versie geldig vanaf"), ordering="latest_from")
    def latest_version(self, obj):
        return obj.latest_from


class PayScaleStepFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return _("Elk aantal jaren komt maar één keer voor in een loonschaal.")

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        steps = [Step(years=form.cleaned_data["years"], yearly_amount=form.cleaned_data["yearly_amount"])
                 for form in self.forms
                 if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        errors = scale_step_errors(steps)
        if errors:
            raise forms.ValidationError(errors)


class PayScaleStepInline(HRAccessMixin, admin.TabularInline):
    model = PayScaleStep
    formset = PayScaleStepFormSet
    fields = ("years", "yearly_amount")
    extra = 0

    def get_extra(self, request, obj=None, **kwargs):
        source = copy_source(request)
        if obj is None and source is not None:
            return source.steps.count()
        return 1 if obj is None else 0

    def has_change_permission(self, request, obj=None):
        # The steps of a locked version are locked with it.
        return super().has_change_permission(request, obj) and not (
            obj is not None and is_locked(obj, today=timezone.localdate()))

    has_add_permission = has_change_permission

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


def copy_source(request):
    """The version named by ?copy_from= on the add page, whose data fills the new version."""
    pk = request.GET.get("copy_from", "")
    if request.method != "GET" or not pk.isdigit():
        return None
    return PayScaleVersion.objects.filter(pk=pk).first()


@admin.register(PayScaleVersion)
class PayScaleVersionAdmin(LockedHistoryMixin, HRAccessMixin, admin.ModelAdmin):
    list_display = ("scale", "valid_from", "status", "source_date", "step_count", "lowest", "highest", "created_by")
    list_filter = ("status", "scale")
    list_select_related = ("scale", "created_by")
    ordering = ("scale__code", "-valid_from")
    fields = ("scale", "valid_from", "status", "source", "source_date", "official_at", "created_at", "created_by",
              "copy_link")
    readonly_fields = ("official_at", "created_at", "created_by", "copy_link")
    inlines = (PayScaleStepInline,)
    change_list_template = "pay/admin/payscaleversion_change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(step_count=Count("steps"), lowest=Min("steps__yearly_amount"),
                                                      highest=Max("steps__yearly_amount"))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        source = copy_source(request)
        if source is not None:
            # The source date is not copied: a new version is checked against its own source.
            initial.update(scale=source.scale_id, status=source.status, source=source.source)
        return initial

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        source = copy_source(request)
        if source is not None and obj.pk is None and isinstance(inline, PayScaleStepInline):
            kwargs["initial"] = [{"years": step.years, "yearly_amount": step.yearly_amount}
                                 for step in source.steps.all()]
        return kwargs

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("trappen"), ordering="step_count")
    def step_count(self, obj):
        return obj.step_count

    @admin.display(description=_("laagste jaarbedrag (100 %)"), ordering="lowest")
    def lowest(self, obj):
        return obj.lowest

    @admin.display(description=_("hoogste jaarbedrag (100 %)"), ordering="highest")
    def highest(self, obj):
        return obj.highest

    @admin.display(description=_("nieuwe versie"))
    def copy_link(self, obj):
        if obj.pk is None:
            return "–"
        url = reverse("admin:pay_payscaleversion_add") + f"?copy_from={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Nieuwe versie op basis van deze"))

    # --- Import of the city's published scales (CSV) ---------------------------------------------------------------

    def get_urls(self):
        return [path("importeren/", self.admin_site.admin_view(self.import_view),
                     name="pay_payscaleversion_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ScaleImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                versions = import_pay_scales(data["file"].read(MAX_BYTES + 1), valid_from=data["valid_from"],
                                             source=data["source"], source_date=data["source_date"],
                                             by=request.user)
            except ScaleImportRefused as refusal:
                errors = refusal.errors
            else:
                messages.success(request, ngettext(
                    "%(count)d loonschaal geïmporteerd als officieel vanaf %(day)s: %(scales)s.",
                    "%(count)d loonschalen geïmporteerd als officieel vanaf %(day)s: %(scales)s.", len(versions))
                    % {"count": len(versions), "day": date_text(data["valid_from"]),
                       "scales": ", ".join(version.scale.code for version in versions)})
                return redirect("admin:pay_payscaleversion_changelist")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "form": form,
                   "errors": errors, "title": _("Loonschalen importeren uit een CSV-bestand")}
        return TemplateResponse(request, "pay/admin/payscale_import.html", context)


class ScaleImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"), widget=forms.FileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
        help_text=_("Eén regel per trap: loonschaal;jaren;jaarbedrag aan 100 % (niet geïndexeerd), bv. B1;0;17300,00. "
                    "Een kopregel mag."),
        error_messages={"required": _("Kies het CSV-bestand met de loonschalen."),
                        "empty": _("Het bestand is leeg."),
                        "invalid": _("Kies een bestand.")})
    valid_from = forms.DateField(
        label=_("Geldig vanaf"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum in vanaf wanneer deze bedragen gelden."),
                        "invalid": _("Geef een geldige datum.")})
    source = FreeTextField(
        label=_("Bron"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text=_("Waar de stad deze loonschalen publiceerde, bv. de webpagina of het besluit van de gemeenteraad."),
        error_messages={"required": _("Vul de bron in: waar is de loonschaal gepubliceerd?"),
                        "max_length": _("Hou de bron korter dan %(limit_value)d tekens (nu %(show_value)d).")})
    source_date = forms.DateField(
        label=_("Datum van de bron"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum van de publicatie of het besluit in."),
                        "invalid": _("Geef een geldige datum.")})


# --- Index coefficient and pay rules --------------------------------------------------------------------------------


@admin.register(IndexCoefficient)
class IndexCoefficientAdmin(LockedHistoryMixin, HRAccessMixin, admin.ModelAdmin):
    list_display = ("valid_from", "coefficient", "created_at")
    ordering = ("-valid_from",)
    fields = ("valid_from", "coefficient", "source", "created_at")
    readonly_fields = ("created_at",)

    def get_changeform_initial_data(self, request):
        # The first coefficient starts from the sourced suggestion (its help text names it); HR checks and saves it.
        initial = super().get_changeform_initial_data(request)
        if not IndexCoefficient.objects.exists():
            initial = {**suggestions.INDEX_COEFFICIENT, **initial}
        return initial


# The fields a new set of pay rules takes over from the latest one HR entered.
PAY_RULES_VALUES = ("holiday_pay_rate", "year_end_fixed_amount", "year_end_rate", "meal_voucher_per_day",
                    "bicycle_allowance_per_km", "holidays_min", "holidays_max", "source")


@admin.register(PayRules)
class PayRulesAdmin(LockedHistoryMixin, HRAccessMixin, admin.ModelAdmin):
    list_display = ("valid_from", "holiday_pay_rate", "year_end_fixed_amount", "year_end_rate",
                    "meal_voucher_per_day", "bicycle_allowance_per_km", "holidays_min", "holidays_max")
    ordering = ("-valid_from",)
    fieldsets = (
        (None, {"fields": ("valid_from", "source", "created_at")}),
        (_("Vakantiegeld en eindejaarspremie"), {"fields": ("holiday_pay_rate", "year_end_fixed_amount",
                                                             "year_end_rate")}),
        (_("Voordelen"), {"fields": ("meal_voucher_per_day", "bicycle_allowance_per_km", "holidays_min",
                                     "holidays_max")}),
    )
    readonly_fields = ("created_at",)

    def get_changeform_initial_data(self, request):
        # A new set starts from the latest one HR entered; the very first from the bundle's benefits and the sourced
        # rates (pay.suggestions). HR checks and saves them: nothing is stored before that.
        latest = PayRules.objects.order_by("-valid_from").values(*PAY_RULES_VALUES).first()
        return {**(latest or suggestions.pay_rules()), **super().get_changeform_initial_data(request)}


# --- Per function: seniority rule and functional career -------------------------------------------------------------


class CareerScaleFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        if "scale" in unique_check:
            return _("Elke loonschaal komt maar één keer voor in de loopbaan.")
        return _("Elke plaats in de volgorde komt maar één keer voor.")

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        stages = sorted((form.cleaned_data for form in self.forms
                         if form.cleaned_data and not form.cleaned_data.get("DELETE")),
                        key=lambda data: data["position"])
        if stages and stages[0]["years_in_previous_scale"] != 0:
            raise forms.ValidationError(_("De startschaal (de eerste in de volgorde) komt na 0 jaar."))
        if any(data["years_in_previous_scale"] == 0 for data in stages[1:]):
            raise forms.ValidationError(_("Elke volgende schaal komt pas na minstens 1 jaar in de vorige schaal."))


class CareerScaleInline(HRAccessMixin, admin.TabularInline):
    model = CareerScale
    formset = CareerScaleFormSet
    fields = ("position", "scale", "years_in_previous_scale", "conditions", "fictitious")
    extra = 0


@admin.register(FunctionPay)
class FunctionPayAdmin(HRChangeOnlyMixin, admin.ModelAdmin):
    # Functions are made on the function page; here only their pay side.
    list_display = ("name", "grade", "private_seniority_cap_years", "career")
    ordering = ("name",)
    search_fields = ("name",)
    fields = ("name", "grade", "private_seniority_cap_years")
    readonly_fields = ("name", "grade")
    inlines = (CareerScaleInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("career_scales__scale")

    @admin.display(description=_("functionele loopbaan"))
    def career(self, obj):
        stages = list(obj.career_scales.all())
        text = " → ".join(stage.scale.code for stage in stages) or "–"
        if any(stage.fictitious for stage in stages):
            text += " " + str(_("(fictief)"))
        return text
