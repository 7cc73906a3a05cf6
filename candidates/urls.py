from django.urls import path

from candidates.portal import applications, apply, documents, own_data

app_name = "candidates"

urlpatterns = [
    path("vacatures/<slug:slug>/solliciteren/", apply.apply, name="apply"),
    path("mijn-kandidaturen/", applications.application_list, name="list"),
    path("mijn-kandidaturen/<uuid:public_id>/", applications.application_detail, name="detail"),
    path("mijn-kandidaturen/<uuid:public_id>/ontvangen/", applications.application_submitted, name="submitted"),
    path("mijn-kandidaturen/<uuid:public_id>/intrekken/", applications.withdraw, name="withdraw"),
    path("mijn-kandidaturen/<uuid:public_id>/documenten/<int:pk>/", applications.document_download,
         name="document"),
    path("mijn-kandidaturen/<uuid:public_id>/documenten/toevoegen/", documents.add_document, name="add_document"),
    path("mijn-gegevens/", own_data.own_data, name="own_data"),
    path("mijn-gegevens/download/", own_data.own_data_download, name="own_data_download"),
    path("mijn-gegevens/wissen/", own_data.erasure, name="erasure"),
]
