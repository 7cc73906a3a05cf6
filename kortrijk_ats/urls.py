from django.contrib import admin
from django.urls import include, path

from kortrijk_ats import views, views_otp

urlpatterns = [
    path("", include("workbench.urls")),  # before the admin: its pages live under /admin/werkbank/
    path("admin/procedures/", include("pay.moved_urls")),  # old addresses of the pay pages
    path("admin/", admin.site.urls),
    path("personeel/tweestapsverificatie/", views_otp.staff_otp, name="staff_otp"),
    path("hr/rapporten/", include("reports.urls")),
    path("account/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_notice, name="privacy"),
    path("", include("interviews.urls")),
    path("", include("offers.urls")),
    path("", include("procedures.urls")),
    path("", include("pay.urls")),
    path("", include("candidates.urls")),
]
