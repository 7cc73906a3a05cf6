from django.urls import path

from interviews.intake.screens import candidate as intake_pages
from interviews.intake.screens import interviewer
from interviews.jury.screens import candidate as jury_pages
from interviews.jury.screens import deliberation, jurors

app_name = "interviews"

urlpatterns = [
    path("mijn-kandidaturen/<uuid:public_id>/intake/", intake_pages.intake, name="intake"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/boeken/", intake_pages.book, name="book"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/verplaatsen/", intake_pages.move, name="move"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/annuleren/", intake_pages.cancel, name="cancel"),
    path("mijn-kandidaturen/<uuid:public_id>/intake/agenda.ics", intake_pages.calendar_file, name="calendar"),
    path("intake/dag/", interviewer.day, name="today"),
    path("intake/dag/<str:on>/", interviewer.day, name="day"),
    path("intake/gesprek/<uuid:uid>/", interviewer.assess, name="assess"),
    path("intake/gesprek/<uuid:uid>/niet-aanwezig/", interviewer.no_show, name="no_show"),
    path("intake/gesprek/<uuid:uid>/documenten/<int:pk>/", interviewer.document, name="document"),
    # The jury step: the jurors' pages, and the candidate's jury pieces on the portal.
    path("jury/", jurors.home, name="jury_home"),
    path("jury/ronde/<int:pk>/", jurors.round_detail, name="jury_round"),
    path("jury/ronde/<int:pk>/beraadslaging/", deliberation.deliberation, name="jury_deliberation"),
    path("jury/ronde/<int:pk>/beraadslaging/heropenen/", deliberation.reopen_round, name="jury_reopen_round"),
    path("jury/ronde/<int:pk>/pv/", deliberation.pv, name="jury_pv"),
    path("jury/ronde/<int:pk>/pv/voorbeeld/", deliberation.pv_preview, name="jury_pv_preview"),
    path("jury/ronde/<int:pk>/pv.pdf", deliberation.pv_pdf, name="jury_pv_pdf"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/", jurors.candidate, name="jury_candidate"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/verklaring/", jurors.declare, name="jury_declare"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/consensus/", deliberation.consensus, name="jury_consensus"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/heropen/<int:sheet_pk>/", deliberation.reopen, name="jury_reopen"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/documenten/<int:doc_pk>/", jurors.document,
         name="jury_document"),
    path("jury/ronde/<int:pk>/kandidaat/<uuid:uid>/rapport/", jurors.questionnaire_report,
         name="jury_questionnaire_report"),
    path("mijn-kandidaturen/<uuid:public_id>/vragenlijst/", jury_pages.questionnaire,
         name="questionnaire"),
    path("mijn-kandidaturen/<uuid:public_id>/case/", jury_pages.case_document, name="case_document"),
    path("mijn-kandidaturen/<uuid:public_id>/feedback/", jury_pages.feedback, name="feedback"),
    path("mijn-kandidaturen/<uuid:public_id>/beschikbaarheid/", jury_pages.availability,
         name="reserve_availability"),
    path("mijn-kandidaturen/<uuid:public_id>/beschikbaarheid/<int:pk>/schrappen/",
         jury_pages.availability_cancel, name="reserve_availability_cancel"),
]
