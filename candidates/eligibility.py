"""Who may apply (mag solliciteren): the refusals, and the checks that raise them (the procedure's days, a ban, an
earlier application, a waitlist or reserve place). The portal and HR's entry ask before and while applying
(candidates.applying)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from candidates.bans import ban_in_force
from candidates.disclosure import ban_told, place_told, shown_stage
from candidates.models import Application, PoolEntry
from candidates.pools import valid_place
from candidates.stages import CLOSED_STAGES
from procedures.models import Procedure


class ApplicationRefused(Exception):
    """This person may not apply for this procedure (now). The message says why, in Dutch."""


class ProcedureClosed(ApplicationRefused):
    pass


class ReceivedInFuture(ApplicationRefused):
    """HR's day of receipt lies after today."""


class BannedFromFunction(ApplicationRefused):
    """A ban for the function is in force. `told`: the person was told of the failure behind it; until then the
    message says only that an application is being handled, and `may_apply_from` is None (HR reads ban.ends_on)."""

    def __init__(self, message, *, ban, told, other_procedures):
        super().__init__(message)
        self.ban = ban
        self.told = told
        self.may_apply_from = ban.ends_on if told else None
        self.other_procedures = other_procedures


class HoldsPoolPlace(ApplicationRefused):
    """The person holds a valid waitlist or reserve place for the function: a new round would give them a second
    one. `told`: as for a ban; `valid_until` (the place's last day) is None until then."""

    def __init__(self, message, *, place, told, other_procedures):
        super().__init__(message)
        self.place = place
        self.told = told
        self.valid_until = place.last_valid_day if told else None
        self.other_procedures = other_procedures


class AlreadyApplied(ApplicationRefused):
    def __init__(self, message, *, application):
        super().__init__(message)
        self.application = application


def open_procedures(*, today, on=None):
    """Procedures that take applications on that day (the rule: Procedure.objects.open_for_applications)."""
    return Procedure.objects.open_for_applications(today=today, on=on)


def check_may_apply(procedure, *, candidate, today, received_on=None):
    """Refuse when the procedure is closed, the person applied already, or a ban for the function is in force.

    `candidate` may be None (a person who never applied): then only the procedure is checked here, and the ban by
    identity is checked by candidates.applying.submit_application once the candidate exists. A valid waitlist or
    reserve place for the function refuses too (HoldsPoolPlace): judged today, as the point is that nobody holds two
    places.
    What the refusal tells the person follows candidates.disclosure: nothing HR has not released.
    `received_on`: the day a letter, e-mail or counter visit reached the city (HR's entry, maybe days later). That
    day is judged, as the portal judges the day of a submit: the procedure must have been open then, and a ban
    counts if it was in force then. A ban imposed after it does not undo an application made before it (as on the
    portal); one in force then refuses it, even if it has ended by the day HR enters it.
    """
    day = received_on or today
    if day > today:
        raise ReceivedInFuture(
            _("De dag van ontvangst (%(day)s) ligt in de toekomst. Vul de dag in waarop de kandidatuur binnenkwam: "
              "vandaag (%(today)s) of vroeger.") % {"day": date_format(day, "d/m/Y"),
                                                    "today": date_format(today, "d/m/Y")})
    if not open_procedures(today=today, on=day).filter(pk=procedure.pk).exists():
        raise ProcedureClosed(_closed_message(procedure, day=day, today=today))
    if candidate is None:
        return
    # The ban comes first: a person who failed this very procedure must learn when they may apply again.
    ban = ban_in_force(candidate, procedure.function, on=day)
    if ban is not None:
        raise _banned(procedure, ban, today=today)
    existing = Application.objects.filter(candidate=candidate, procedure=procedure).first()
    if existing is not None:
        raise already_applied(existing)
    place = valid_place(candidate, procedure.function, today=today)
    if place is not None:
        raise _holds_place(procedure, place, today=today)


def _other_functions(procedure, *, today):
    """The procedures open today for other functions: where a person barred from this function may apply."""
    return list(open_procedures(today=today).exclude(function=procedure.function).order_by("title"))


def _still_handled_message():
    # Before HR released the outcome: no stage, no date, nothing the outcome mail has not said yet.
    return _("Je hebt nog een kandidatuur voor deze functie die in behandeling is. Je krijgt een mail zodra er "
             "nieuws is. Voor andere functies van stad Kortrijk kan je wel solliciteren.")


def _banned(procedure, ban, *, today):
    told = ban_told(ban)
    if told:
        message = _("Je kan pas opnieuw solliciteren voor de functie %(function)s vanaf %(date)s. Je was niet "
                    "geslaagd in een eerdere selectie voor deze functie, en dan geldt een wachttijd. Voor andere "
                    "functies van stad Kortrijk kan je wel solliciteren.") % {
            "function": procedure.function.name, "date": date_format(ban.ends_on, "d/m/Y")}
    else:
        message = _still_handled_message()
    return BannedFromFunction(message, ban=ban, told=told, other_procedures=_other_functions(procedure, today=today))


def _holds_place(procedure, place, *, today):
    told = place_told(place)
    values = {"function": procedure.function.name, "date": date_format(place.last_valid_day, "d/m/Y")}
    if not told:
        message = _still_handled_message()
    elif place.kind == PoolEntry.Kind.WAITLIST:
        message = _("Je staat op de wachtlijst voor de functie %(function)s, tot en met %(date)s. Voor elke "
                    "concrete vacature nodigen we je uit voor een jobinterview met een jury. Opnieuw solliciteren "
                    "is dus niet nodig, en kan niet zolang je plaats geldt.") % values
    else:
        message = _("Je bent opgenomen in de wervingsreserve voor de functie %(function)s, tot en met %(date)s. Bij "
                    "een volgende vacature in een ander team volgt enkel nog een matchgesprek. Opnieuw solliciteren "
                    "is dus niet nodig, en kan niet zolang je plaats geldt.") % values
    return HoldsPoolPlace(message, place=place, told=told, other_procedures=_other_functions(procedure, today=today))


def check_may_take_in(procedure, *, today):
    """HR may enter applications for a procedure open today, or closed on a known day (for one that arrived before
    it); else ProcedureClosed says why."""
    if not Procedure.objects.open_for_entries(today=today).filter(pk=procedure.pk).exists():
        raise ProcedureClosed(_closed_message(procedure, day=today, today=today))


def _closed_message(procedure, *, day, today):
    """Why the procedure took no applications that day (today, or HR's day of receipt), with the day that matters."""
    closes, opens = procedure.applications_close_on, procedure.applications_open_from
    values = {"title": procedure.title, "day": date_format(day, "d/m/Y")}
    if day < today:  # HR's day of receipt
        if closes is not None and closes < day:
            return (_("Solliciteren voor ‘%(title)s’ kon tot en met %(date)s: een kandidatuur ontvangen op %(day)s "
                      "kwam te laat. Kijk de dag van ontvangst na.") % {**values, "date": date_format(closes, "d/m/Y")})
        if opens is not None and opens > day:
            return (_("Solliciteren voor ‘%(title)s’ kon pas vanaf %(date)s: een kandidatuur ontvangen op %(day)s "
                      "kwam te vroeg. Kijk de dag van ontvangst na.") % {**values, "date": date_format(opens, "d/m/Y")})
        if procedure.closed_on is not None and procedure.closed_on <= day:
            return (_("De procedure ‘%(title)s’ werd op %(closed)s afgesloten voor kandidaturen: een kandidatuur "
                      "ontvangen op %(day)s kwam te laat. Kijk de dag van ontvangst na.")
                    % {**values, "closed": date_format(procedure.closed_on, "d/m/Y")})
        return (_("De procedure ‘%(title)s’ werd met de hand afgesloten voor kandidaturen. Op welke dag dat gebeurde, "
                  "is niet bekend; daarom kan ook een kandidatuur ontvangen op %(day)s niet meer ingevoerd worden.")
                % values)
    if closes is not None and closes < today:
        return (_("Solliciteren voor ‘%(title)s’ kon tot en met %(date)s. Deze selectie is afgesloten: er komen geen "
                  "kandidaturen meer bij.") % {"title": procedure.title, "date": date_format(closes, "d/m/Y")})
    if opens is not None and opens > today:
        return (_("Solliciteren voor ‘%(title)s’ kan vanaf %(date)s.")
                % {"title": procedure.title, "date": date_format(opens, "d/m/Y")})
    return _("De procedure ‘%(title)s’ neemt nu geen kandidaturen aan.") % {"title": procedure.title}


def already_applied(existing):
    """The refusal of a second application for the procedure of `existing`."""
    stage = shown_stage(existing)  # the candidate reads this message: never a stage HR has not released
    if stage in CLOSED_STAGES:
        return AlreadyApplied(
            _("Je kandidatuur voor ‘%(title)s’ is afgesloten (%(stage)s). Voor één procedure kan je maar één keer "
              "solliciteren; voor andere selectieprocedures van stad Kortrijk kan je wel solliciteren.")
            % {"title": existing.procedure.title, "stage": stage.label}, application=existing)
    return AlreadyApplied(
        _("Je hebt al gesolliciteerd voor ‘%(title)s’. Je kandidatuur is goed ontvangen; je hoeft niets "
          "opnieuw in te dienen.") % {"title": existing.procedure.title}, application=existing)
