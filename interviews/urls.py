from django.urls import path

from interviews import views, views_interviewer

app_name = "interviews"

urlpatterns = [
    path("mijn-kandidaturen/<uuid:public_id>/intake/", views.intake, name="intake"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/boeken/", views.book, name="book"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/verplaatsen/", views.move, name="move"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/annuleren/", views.cancel, name="cancel"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/agenda.ics", views.calendar_file, name="calendar"),
    path("intake/dag/", views_interviewer.day, name="today"),
    path("intake/dag/<str:on>/", views_interviewer.day, name="day"),
    path("intake/gesprek/<uuid:uid>/", views_interviewer.assess, name="assess"),
    path("intake/gesprek/<uuid:uid>/niet-aanwezig/", views_interviewer.no_show, name="no_show"),
    path("intake/gesprek/<uuid:uid>/documenten/<int:pk>/", views_interviewer.document, name="document"),
]
