from django.urls import path

from interviews import views

app_name = "interviews"

urlpatterns = [
    path("mijn-kandidaturen/<uuid:public_id>/intake/", views.intake, name="intake"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/boeken/", views.book, name="book"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/verplaatsen/", views.move, name="move"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/annuleren/", views.cancel, name="cancel"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/agenda.ics", views.calendar_file, name="calendar"),
]
