from django.contrib.admin.apps import AdminConfig


class HRAdminConfig(AdminConfig):
    """The Django admin, as the HR selection team's back office."""

    default_site = "kortrijk_ats.admin_site.HRAdminSite"

    def ready(self):
        super().ready()
        from django.contrib import admin
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # A staff member's TOTP secret is theirs alone: the back office neither shows nor edits it (set-up: views_otp).
        if admin.site.is_registered(TOTPDevice):
            admin.site.unregister(TOTPDevice)
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import pre_save

        from kortrijk_ats import staff_auth

        # Staff sessions get their log-in time; a deactivated account loses every session at once.
        user_logged_in.connect(staff_auth.record_login, dispatch_uid="kats_record_login")
        pre_save.connect(staff_auth.end_sessions_on_deactivation, sender=get_user_model(),
                         dispatch_uid="kats_end_sessions_on_deactivation")
