from django.urls import path

from procedures import views

app_name = "procedures"

urlpatterns = [
    path("", views.procedure_list, name="list"),
    path("vacatures/<slug:slug>/", views.vacancy_detail, name="detail"),
    path("vacatures/<slug:slug>/loon/", views.salary_estimate, name="salary_estimate"),
]
