"""Mounted at /hr/rapporten/; every view goes through the HR admin site's check (HR only, else its login page)."""

from django.contrib import admin
from django.urls import path

from reports import views

app_name = "reports"


def hr_only(view):
    return admin.site.admin_view(view)


urlpatterns = [
    path("", hr_only(views.index), name="index"),
    path("<int:pk>/", hr_only(views.dashboard), name="dashboard"),
    path("<int:pk>/wachtlijst/", hr_only(views.pools), {"kind": "wachtlijst"}, name="waitlist"),
    path("<int:pk>/reserve/", hr_only(views.pools), {"kind": "reserve"}, name="reserve"),
    path("<int:pk>/export/kandidaturen.csv", hr_only(views.export_csv), name="export_csv"),
    path("<int:pk>/export/kandidaturen.xlsx", hr_only(views.export_xlsx), name="export_xlsx"),
    path("<int:pk>/export/rapport.pdf", hr_only(views.report_pdf), name="report_pdf"),
]
