from django.urls import path

from interviews import views, views_interviewer, views_jury, views_jury_candidate

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
    # The jury step: the jurors' pages, and the candidate's jury pieces on the portal.
    path("jury/", views_jury.home, name="jury_home"),
    path("jury/ronde/<int:pk>/", views_jury.round_detail, name="jury_round"),
    path("jury/ronde/<int:pk>/beraadslaging/", views_jury.deliberation, name="jury_deliberation"),
    path("jury/ronde/<int:pk>/beraadslaging/heropenen/", views_jury.reopen_round, name="jury_reopen_round"),
    path("jury/ronde/<int:pk>/pv/", views_jury.pv, name="jury_pv"),
    path("jury/ronde/<int:pk>/pv/voorbeeld/", views_jury.pv_preview, name="jury_pv_preview"),
    path("jury/ronde/<int:pk>/pv.pdf", views_jury.pv_pdf, name="jury_pv_pdf"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/", views_jury.candidate, name="jury_candidate"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/verklaring/", views_jury.declare, name="jury_declare"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/consensus/", views_jury.consensus, name="jury_consensus"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/heropen/<int:sheet_pk>/", views_jury.reopen, name="jury_reopen"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/documenten/<int:doc_pk>/", views_jury.document,
         name="jury_document"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/rapport/", views_jury.questionnaire_report,
         name="jury_questionnaire_report"),
    path("mijn-kandidaturen/<uuid:public_id>/vragenlijst/", views_jury_candidate.questionnaire,
         name="questionnaire"),
    path("mijn-kandidaturen/<uuid:public_id>/case/", views_jury_candidate.case_document, name="case_document"),
    path("mijn-kandidaturen/<uuid:public_id>/feedback/", views_jury_candidate.feedback, name="feedback"),
    path("mijn-kandidaturen/<uuid:public_id>/beschikbaarheid/", views_jury_candidate.availability,
         name="reserve_availability"),
    path("mijn-kandidaturen/<uuid:public_id>/beschikbaarheid/<int:pk>/schrappen/",
         views_jury_candidate.availability_cancel, name="reserve_availability_cancel"),
]
