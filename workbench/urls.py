"""The werkbank's pages. The HR ones sit in the back office and pass the admin site's check (HR only, else its
log-in page); the staff worklist passes the staff log-in with the second factor."""

from django.contrib import admin
from django.urls import path

from workbench.screens import views

app_name = "workbench"


def hr_only(view):
    return admin.site.admin_view(view)


urlpatterns = [
    path("admin/werkbank/procedure/<int:pk>/", hr_only(views.pipeline), name="pipeline"),
    path("admin/werkbank/samenvatting/", hr_only(views.preferences), name="preferences"),
    path("mijn-werk/", views.my_work, name="my_work"),
]
