from django import template
from django.contrib.admin.templatetags.admin_list import result_list

from candidates.admin_rows import application_results

register = template.Library()


@register.inclusion_tag("admin/change_list_results.html")
def application_result_list(cl):
    """Django's result_list for the applications list, with rows from candidates.admin_rows."""
    if cl.is_popup:  # a related-object picker: no action checkboxes, a link that answers the opener
        return result_list(cl)
    return application_results(cl)
