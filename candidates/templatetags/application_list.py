from django import template

from candidates.admin_rows import application_results

register = template.Library()


@register.inclusion_tag("admin/change_list_results.html")
def application_result_list(cl):
    """Django's result_list for the applications list, with rows from candidates.admin_rows."""
    return application_results(cl)
