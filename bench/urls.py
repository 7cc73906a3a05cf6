"""Bench URLconf: the production URLs plus the bare ceiling views and Django admin's default change list."""

from django.contrib import admin
from django.urls import path

from bench.views import bare, bare_book, logged_in_bare
from candidates.models import Application
from kortrijk_ats.urls import urlpatterns as app_urlpatterns

default_site = admin.AdminSite(name="bench_default_admin")
default_site.register(Application)  # a plain ModelAdmin: what Django does with no tuning

urlpatterns = [
    path("bench/bare/", bare),
    path("bench/logged-in-bare/", logged_in_bare),
    path("bench/bare-book/", bare_book),
    path("bench/default-admin/", default_site.urls),
    *app_urlpatterns,
]
