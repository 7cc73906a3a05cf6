from django.urls import path

from bench.surge_app.views import bare_book, logged_in_book
from kortrijk_ats.urls import urlpatterns as app_urlpatterns

urlpatterns = [*app_urlpatterns, path("bench/bare-book/", bare_book),
               path("bench/logged-in-book/", logged_in_book)]
