"""Enough intake seats for whoever is invited: HR's warning on the procedure when invited candidates cannot book.

A candidate invited to the intake (stage intake_invited) without an active booking chooses among the free slots that
start after the cut-off (booking.free_slots). When fewer seats are free than such candidates wait, some of them find
no moment: the procedure's page in the back office says how many wait and links to the list of them.
"""

from django.db.models import Exists, F, OuterRef, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from candidates.models import Application
from candidates.stages import Stage
from interviews.intake.booking import free_slots
from interviews.models import IntakeBooking
from procedures.settings_check import MissingSetting


def waiting_for_slot(applications=None):
    """Applications invited to the intake that hold no active booking."""
    applications = Application.objects.all() if applications is None else applications
    active = IntakeBooking.objects.active().filter(application=OuterRef("pk"))
    return applications.filter(stage=Stage.INTAKE_INVITED).exclude(Exists(active))


def free_seats(procedure, *, now):
    """Seats a candidate can still book in the procedure's slots (after the cut-off)."""
    left = free_slots(procedure, now=now).aggregate(n=Sum(F("seats") - F("booked_count")))["n"]
    return left or 0


def seats_short_warning(function, procedure):
    """The settings_check item (registered in InterviewsConfig.ready): invited candidates without a booking who find
    no free seat in a future slot, with their number and the link to the list of them."""
    if procedure is None:
        return
    waiting = waiting_for_slot().filter(procedure=procedure).count()
    if not waiting:
        return
    seats = free_seats(procedure, now=timezone.now())
    if seats >= waiting:
        return
    if seats:
        what = ngettext(
            "%(waiting)s uitgenodigde kandidaten hebben nog geen intakemoment en het aantal vrije plaatsen (%(seats)s) "
            "is te klein: %(short)s van hen vindt geen moment",
            "%(waiting)s uitgenodigde kandidaten hebben nog geen intakemoment en het aantal vrije plaatsen (%(seats)s) "
            "is te klein: %(short)s van hen vinden geen moment", waiting - seats)
    else:
        what = ngettext(
            "%(waiting)s uitgenodigde kandidaat heeft nog geen intakemoment en er is geen vrij moment meer",
            "%(waiting)s uitgenodigde kandidaten hebben nog geen intakemoment en er is geen vrij moment meer",
            waiting)
    url = reverse("admin:interviews_waitingforslot_changelist") + f"?procedure__id__exact={procedure.pk}"
    yield MissingSetting(
        what % {"waiting": waiting, "seats": seats, "short": waiting - seats},
        _("Het kennismakingsinterview: wie uitgenodigd is, kiest een moment dat nog moet komen. Voeg tijdsloten toe "
          "(Back office › Tijdsloten › Momenten genereren) of neem contact op met deze kandidaten."),
        url, _("Back office › Kandidaten zonder intakemoment"),
        link_text=ngettext("Bekijk de %(n)s kandidaat zonder intakemoment", "Bekijk de %(n)s kandidaten zonder "
                           "intakemoment", waiting) % {"n": waiting})
