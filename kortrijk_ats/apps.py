from django.contrib.admin.apps import AdminConfig


class HRAdminConfig(AdminConfig):
    """The Django admin, as the HR selection team's back office."""

    default_site = "kortrijk_ats.admin_site.HRAdminSite"
