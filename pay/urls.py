from django.urls import path

from pay import views

app_name = "pay"

urlpatterns = [
    path("vacatures/<slug:slug>/loon/", views.salary_estimate, name="salary_estimate"),
]
