"""Back office for pay: scales with their dated versions and steps, the index coefficient, holiday pay / year-end
bonus / benefits, and per function the seniority rule with the functional career.

History: amounts are versions with a start date. A version of the city's own figures is read-only once it is in
force (and was not entered today): HR adds a newer version, starting from a copy ("Nieuwe versie op basis van
deze"). Illustrative demo figures stay editable and deletable until HR replaces them.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kortrijk_ats.admin_access import HRAccessMixin
from procedures.models import (
    CareerScale,
    FunctionPay,
    IndexCoefficient,
    PayRules,
    PayScale,
    PayScaleStep,
    PayScaleVersion,
)
from procedures.pay import is_locked
from procedures.salary import Step, scale_step_errors


class LockedHistoryMixin:
    """Rows of the city's own figures in force are history: HR may look, not change or delete."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (
            obj is not None and is_locked(obj, today=timezone.localdate()))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (
            obj is not None and is_locked(obj, today=timezone.localdate()))


# --- Scales --------------------------------------------------------------------------------------------------------


class PayScaleVersionInline(HRAccessMixin, admin.TabularInline):
    model = PayScaleVersion
    fields = ("valid_from", "illustrative", "created_at", "created_by")
    readonly_fields = fields
    extra = 0
    show_change_link = True  # the steps are edited on the version's own page
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(PayScale)
class PayScaleAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("code", "name", "version_count", "latest_version")
    search_fields = ("code", "name")
    ordering = ("code",)
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
    list_display = ("scale", "valid_from", "illustrative", "step_count", "lowest", "highest", "created_by")
    list_filter = ("scale", "illustrative")
    list_select_related = ("scale", "created_by")
    ordering = ("scale__code", "-valid_from")
    fields = ("scale", "valid_from", "illustrative", "source", "created_at", "created_by", "copy_link")
    readonly_fields = ("created_at", "created_by", "copy_link")
    inlines = (PayScaleStepInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(step_count=Count("steps"), lowest=Min("steps__yearly_amount"),
                                                      highest=Max("steps__yearly_amount"))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        source = copy_source(request)
        if source is not None:
            initial.update(scale=source.scale_id, illustrative=source.illustrative, source=source.source)
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
        url = reverse("admin:procedures_payscaleversion_add") + f"?copy_from={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Nieuwe versie op basis van deze"))


# --- Index coefficient and pay rules --------------------------------------------------------------------------------


@admin.register(IndexCoefficient)
class IndexCoefficientAdmin(LockedHistoryMixin, HRAccessMixin, admin.ModelAdmin):
    list_display = ("valid_from", "coefficient", "created_at")
    ordering = ("-valid_from",)
    fields = ("valid_from", "coefficient", "source", "created_at")
    readonly_fields = ("created_at",)


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
    fields = ("position", "scale", "years_in_previous_scale", "conditions", "illustrative")
    extra = 0


@admin.register(FunctionPay)
class FunctionPayAdmin(HRAccessMixin, admin.ModelAdmin):
    list_display = ("name", "grade", "private_seniority_cap_years", "career")
    ordering = ("name",)
    search_fields = ("name",)
    fields = ("name", "grade", "private_seniority_cap_years")
    readonly_fields = ("name", "grade")
    inlines = (CareerScaleInline,)

    def has_add_permission(self, request):
        return False  # functions are made on the function page; here only their pay side

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("career_scales__scale")

    @admin.display(description=_("functionele loopbaan"))
    def career(self, obj):
        return " → ".join(stage.scale.code for stage in obj.career_scales.all()) or "–"
