"""The applications list's rows, written in one pass per row.

Django's change list resolves each of a page's 450 cells on its own (lookup_field, display_for_field, a
format_html per cell and per link): a third of the page's time at 50 rows. These rows hold the same markup:
test_the_rows_are_the_markup_django_writes (tests/backoffice/test_application_list.py) compares them with
Django's own.
"""

from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext

from candidates.admin_filters import annotate_row_facts
from candidates.stages import Stage
from kortrijk_ats.names import isolated
from procedures.models import Diploma

ID_SLOT = "__id__"  # as Django's related-object widgets put "__fk__" in a URL and fill it in later

# What a row shows, and nothing more: a procedure's vacancy texts would otherwise come along with every row.
ROW_FIELDS = ("stage", "stage_changed_at", "submitted_at", "candidate__first_name", "candidate__last_name",
              "candidate__email", "candidate__erased_at", "procedure__title", "diploma__kind")


def page_rows(queryset):
    """The applications of one page, with their columns and row facts (the facts cost a subquery per row)."""
    return annotate_row_facts(queryset.select_related(None).select_related("candidate", "procedure", "diploma")
                              .only(*ROW_FIELDS))


def _moment(value):
    return formats.localize(timezone.template_localtime(value))


def _text(value, empty):
    """A column method's value as Django shows it: blank text becomes the empty-value sign (both escaped)."""
    return conditional_escape(value) if str(value).strip() else empty


def application_row(cl, application, change_url, empty):
    """One row's cells, as Django's items_for_result writes them for ApplicationAdmin."""
    candidate = application.candidate
    checkbox_label = gettext("Select this object for an action - {}").format(application)
    return [format_html(
        '<td class="action-checkbox"><input type="checkbox" name="{}" value="{}" class="action-select" '
        'aria-label="{}"></td>'
        '<th class="field-candidate_name"><a href="{}">{}</a></th>'
        '<td class="field-candidate_email">{}</td>'
        '<td class="field-procedure nowrap">{}</td>'
        '<td class="field-stage">{}</td>'
        '<td class="field-diploma_kind">{}</td>'
        '<td class="field-submitted_at nowrap">{}</td>'
        '<td class="field-stage_changed_at nowrap">{}</td>'
        '<td class="field-row_facts">{}</td>',
        helpers.ACTION_CHECKBOX_NAME, application.pk, checkbox_label,
        change_url, _text(isolated(candidate.full_name), empty),
        _text(candidate.email, empty),
        application.procedure,
        Stage(application.stage).label,
        Diploma.Kind(application.diploma.kind).label,
        _moment(application.submitted_at),
        _moment(application.stage_changed_at),
        _text(cl.model_admin.row_facts(application), empty),
    )]


def application_results(cl):
    """The context of admin/change_list_results.html for a page of applications."""
    headers = list(result_headers(cl))
    empty = conditional_escape(cl.model_admin.get_empty_value_display())
    # One change link with the list's filters kept (what add_preserved_filters makes), its id filled in per row.
    change_url = add_preserved_filters({"preserved_filters": cl.preserved_filters, "opts": cl.opts},
                                       reverse("admin:candidates_application_change", args=[ID_SLOT],
                                               current_app=cl.model_admin.admin_site.name))
    rows = [application_row(cl, application, change_url.replace(ID_SLOT, str(application.pk), 1), empty)
            for application in cl.result_list]
    return {
        "cl": cl,
        "result_hidden_fields": [],
        "result_headers": headers,
        "num_sorted_fields": sum(1 for header in headers if header["sortable"] and header["sorted"]),
        "results": rows,
    }
