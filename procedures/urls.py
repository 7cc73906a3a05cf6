from django.urls import path

from procedures import views

app_name = "procedures"

urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("vacatures/<slug:slug>/", views.vacancy_detail, name="detail"),
    path("vacatures/<slug:slug>/functiebeschrijving/", views.function_description, name="function_description"),
]
