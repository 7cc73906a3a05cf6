"""The interviewer's pages: the day's interviews with the candidate's file, the assessment form, the no-show.
Thin: check the role, parse the form, call interviews.intake.assessment, render."""

from datetime import date, datetime, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from candidates.models import Document
from candidates.stages import Stage
from candidates.views_hr import SERVABLE_TYPES
from interviews.intake.assessment import AssessmentRefused, decide_intake, may_assess, record_no_show
from interviews.intake.booking import describe_slot
from interviews.intake.meeting_links import BRUSSELS
from interviews.models import IntakeAssessment, IntakeBooking
from kortrijk_ats.roles import INTERVIEWER, has_role, is_hr
from kortrijk_ats.staff_auth import staff_required
from kortrijk_ats.typed_text import FreeTextField


def _require_interviewer(user):
    if not (is_hr(user) or has_role(user, INTERVIEWER)):
        raise PermissionDenied


def _bookings():
    return (IntakeBooking.objects
            .filter(Q(cancelled_at__isnull=True) | Q(no_show_at__isnull=False))
            .select_related("slot__session", "application__candidate", "application__diploma",
                            "application__procedure", "interviewer", "assessment")
            .prefetch_related(Prefetch("application__documents", queryset=Document.objects.order_by("uploaded_at")))
            .order_by("slot__starts_at", "id"))


def _visible_to(user, bookings):
    if is_hr(user):
        return bookings
    shared = Q(interviewer__isnull=True, slot__session__interviewers__interviewer=user)
    return bookings.filter(Q(interviewer=user) | shared)


@staff_required
@require_GET
def day(request, on=None):
    """The interviews of one day (default today) that this interviewer holds; HR sees all of them."""
    _require_interviewer(request.user)
    try:
        the_day = date.fromisoformat(on) if on else timezone.localdate()
    except ValueError:
        raise Http404("Geen geldige datum.") from None
    start = datetime.combine(the_day, datetime.min.time(), tzinfo=BRUSSELS)
    bookings = list(_visible_to(request.user, _bookings().filter(
        slot__starts_at__gte=start, slot__starts_at__lt=start + timedelta(days=1))).distinct())
    rows = [{"booking": b, "hours": describe_slot(b.slot)[1],
             "assessment": getattr(b, "assessment", None)} for b in bookings]
    return render(request, "interviews/interviewer_day.html", {
        "day": the_day, "day_label": date_format(the_day, "l j F Y"), "rows": rows,
        "previous": the_day - timedelta(days=1), "next": the_day + timedelta(days=1),
    })


NOTE_MAX = 4000  # a note or the motivation of an intake assessment


class AssessmentForm(forms.Form):
    verdict = forms.ChoiceField(label=gettext_lazy("Beslissing"), choices=IntakeAssessment.Verdict.choices,
                                widget=forms.RadioSelect)
    verdict_motivation = FreeTextField(label=gettext_lazy("Motivering van de beslissing"),
                                       widget=forms.Textarea(attrs={"rows": 4}), max_length=NOTE_MAX,
                                       help_text=gettext_lazy("Bij ‘niet geslaagd’ leest de kandidaat deze motivering "
                                                              "in de mail die HR vrijgeeft."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in IntakeAssessment.CRITERIA:
            self.fields[name] = forms.ChoiceField(label=label, choices=IntakeAssessment.Rating.choices,
                                                  widget=forms.RadioSelect)
            self.fields[f"{name}_note"] = FreeTextField(
                label=gettext("Notitie %(criterion)s") % {"criterion": str(label).lower()}, required=False,
                max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2}))
        self.order_fields([f for name, _ in IntakeAssessment.CRITERIA for f in (name, f"{name}_note")]
                          + ["verdict", "verdict_motivation"])

    def criteria(self):
        return [(self[name], self[f"{name}_note"]) for name, _ in IntakeAssessment.CRITERIA]


def _assessable(request, uid):
    _require_interviewer(request.user)
    booking = get_object_or_404(_bookings(), uid=uid)
    if not may_assess(request.user, booking):
        raise Http404
    return booking


@staff_required
@require_http_methods(["GET", "POST"])
def assess(request, uid):
    """The candidate's file and the assessment form; the POST decides through decide_intake()."""
    booking = _assessable(request, uid)
    form = AssessmentForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decide_intake(booking, ratings={n: data[n] for n, _ in IntakeAssessment.CRITERIA},
                          notes={n: data[f"{n}_note"] for n, _ in IntakeAssessment.CRITERIA},
                          passed=data["verdict"] == IntakeAssessment.Verdict.PASS,
                          motivation=data["verdict_motivation"], by=request.user)
        except AssessmentRefused as refusal:
            error = str(refusal)
        else:
            messages.success(request, gettext("Beoordeling van %(name)s opgeslagen.")
                             % {"name": booking.application.candidate.full_name})
            return redirect(_day_url(booking))
    day_label, hours = describe_slot(booking.slot)
    return render(request, "interviews/interviewer_assess.html", {
        "booking": booking, "application": booking.application, "candidate": booking.application.candidate,
        "assessment": getattr(booking, "assessment", None), "form": form, "error": error,
        "day_label": day_label, "hours": hours, "day_url": _day_url(booking),
        "started": timezone.now() >= booking.slot.starts_at,
    }, status=409 if error else (400 if form.errors else 200))


@staff_required
@require_POST
def no_show(request, uid):
    booking = _assessable(request, uid)
    if request.POST.get("confirm") != "yes":
        messages.error(request, gettext("Vink aan dat de kandidaat niet aanwezig was."))
        return redirect(reverse("interviews:assess", args=[booking.uid]))
    try:
        stage = record_no_show(booking, by=request.user)
    except AssessmentRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(reverse("interviews:assess", args=[booking.uid]))
    name = booking.application.candidate.full_name
    if stage == Stage.INTAKE_FAILED:
        messages.success(request, gettext("%(name)s: niet aanwezig, dus niet geslaagd. De mail wacht op vrijgave "
                                          "door HR.") % {"name": name})
    else:
        messages.success(request, gettext("%(name)s: niet aanwezig. De kandidaat krijgt één nieuwe uitnodiging om te "
                                          "boeken.") % {"name": name})
    return redirect(_day_url(booking))


@staff_required
@require_GET
def document(request, uid, pk):
    """A document of the candidate's file, for the interviewer of this interview only; always a download."""
    booking = _assessable(request, uid)
    doc = get_object_or_404(Document, pk=pk, application=booking.application)
    try:
        handle = doc.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("Het bestand is niet meer beschikbaar.") from None
    content_type = doc.content_type if doc.content_type in SERVABLE_TYPES else "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=doc.original_name or f"document-{doc.pk}",
                            content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _day_url(booking):
    return reverse("interviews:day", args=[timezone.localdate(booking.slot.starts_at).isoformat()])
