"""The ceiling: a view doing only what a booking must do in the database, one conditional UPDATE plus INSERT.
A second reference does the same behind the log-in and CSRF checks, to show what authentication alone costs."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from interviews.models import IntakeBooking, IntakeSlot


@csrf_exempt
@require_POST
def bare_book(request):
    return _book(request)


@login_required
@require_POST
def logged_in_book(request):
    return _book(request)


def _book(request):
    slot_id, application_id = int(request.POST["slot"]), int(request.POST["application"])
    with transaction.atomic():
        taken = IntakeSlot.objects.filter(pk=slot_id, is_closed=False, booked_count__lt=F("seats")).update(
            booked_count=F("booked_count") + 1)
        if taken:
            IntakeBooking.objects.create(slot_id=slot_id, application_id=application_id, created_at=timezone.now())
    return HttpResponse(status=204 if taken else 409)
