"""Who may do what in the back office: the HR role, not per-user Django permissions.

The admin site lets in only HR (see admin_site.py); these mixins make every model page follow the same role,
so a new HR colleague needs only the group, never a hand-picked list of permissions.
"""

from kortrijk_ats.admin_a11y import AccessibleAdminMixin
from kortrijk_ats.roles import is_hr
from kortrijk_ats.typed_text import TypedTextAdminMixin


class HRAccessMixin(TypedTextAdminMixin, AccessibleAdminMixin):
    """HR may view, add, change and delete (and types text by the one rule of kortrijk_ats.typed_text); every control
    has a name (kortrijk_ats.admin_a11y)."""

    def has_module_permission(self, request):
        return is_hr(request.user)

    def has_view_permission(self, request, obj=None):
        return is_hr(request.user)

    def has_add_permission(self, request, *args):
        return is_hr(request.user)

    def has_change_permission(self, request, obj=None):
        return is_hr(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_hr(request.user)


class HRReadOnlyMixin(HRAccessMixin):
    """HR may only look: the rows are written by domain functions (e.g. change_stage), never by hand."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HRChangeOnlyMixin(HRAccessMixin):
    """HR may look and change, never add or delete: the rows are made by the system (a booking, a round, a mail
    template, a function's pay side) and their history depends on them."""

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
