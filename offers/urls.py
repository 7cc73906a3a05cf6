from django.urls import path

from offers import views

app_name = "offers"

urlpatterns = [
    path("mijn-kandidaturen/<uuid:public_id>/jobaanbod/<uuid:uid>/", views.offer_detail, name="detail"),
    path("mijn-kandidaturen/<uuid:public_id>/jobaanbod/<uuid:uid>/loonsimulatie/", views.offer_simulation,
         name="simulation"),
    path("mijn-kandidaturen/<uuid:public_id>/jobaanbod/<uuid:uid>/aanbodsbrief.pdf", views.offer_letter,
         name="letter"),
    path("mijn-kandidaturen/<uuid:public_id>/jobaanbod/<uuid:uid>/aanvaarden/", views.offer_accept, name="accept"),
    path("mijn-kandidaturen/<uuid:public_id>/jobaanbod/<uuid:uid>/weigeren/", views.offer_decline, name="decline"),
]
