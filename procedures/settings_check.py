"""HR's settings that the information bundle does not state: stored empty, listed as "nog in te vullen", never
guessed.

Two kinds of callers:
- whoever needs such a value asks the one function that owns its rule (`reserve_months_for`, `intake_hours_of`);
  while it is empty that function raises SettingMissing with a Dutch message naming the setting and where to fill
  it in, and the caller refuses with that message (nothing changes);
- the back office shows `missing_settings(procedure)` / `missing_function_settings(function)` as a warning box.

Another app adds its own items with `register_check(check)`: `check(function, procedure)` returns MissingSetting
items; `procedure` is None on a function's page. E.g. the pay module for pay rules the bundle does not give.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from procedures.models import Team


class SettingMissing(Exception):
    """An HR setting the bundle does not state is still empty; the message says which and where to fill it in."""


@dataclass(frozen=True)
class MissingSetting:
    what: str  # the setting, e.g. "Geldigheid van de wervingsreserve van de functie ‘Maatschappelijk werker’"
    used_for: str  # where the system needs it
    url: str  # the back-office page where HR fills it in
    place: str  # that page in words, e.g. "Back office › Functies › Maatschappelijk werker"
    link_text: str = ""  # the link's words when it leads to something other than a form to fill in


# --- The rules: one function per setting ------------------------------------------------------------------------


def reserve_months_for(function):
    """How many months a place in the function's reserve (wervingsreserve) is valid; SettingMissing while empty."""
    if function.reserve_months is None:
        raise SettingMissing(
            _("Vul eerst de geldigheid van de wervingsreserve in bij de functie ‘%(function)s’ (Back office › "
              "Functies). De infobundel vermeldt ze niet. Er is niets gewijzigd.") % {"function": function.name})
    return function.reserve_months


def intake_hours_of(session):
    """The (start, end) local times of an intake session; SettingMissing while HR has not entered them."""
    if not session.has_hours:
        raise SettingMissing(
            _("Vul eerst het begin- en einduur van het intakemoment %(session)s in bij de procedure ‘%(procedure)s’ "
              "(Back office › Procedures › Intakemomenten). De infobundel noemt enkel ‘%(label)s’, geen uren. Er "
              "is niets gewijzigd.") % {"session": date_format(session.date, "l d/m/Y"),
                                         "procedure": session.procedure.title, "label": session.label})
    return session.starts_at, session.ends_at


# --- The overview ------------------------------------------------------------------------------------------------


def function_place(function):
    """(url, place in words) of the function's back-office page, where HR enters its settings."""
    return (reverse("admin:procedures_function_change", args=[function.pk]),
            _("Back office › Functies › %(function)s") % {"function": function.name})


def _procedure_place(procedure):
    return (reverse("admin:procedures_procedure_change", args=[procedure.pk]),
            _("Back office › Procedures › %(procedure)s") % {"procedure": procedure.title})


def _reserve_validity(function, procedure):
    if function.reserve_months is None:
        yield MissingSetting(
            _("Geldigheid van de wervingsreserve van de functie ‘%(function)s’") % {"function": function.name},
            _("Een juryronde starten; iemand opnemen in de wervingsreserve: na de jury, en wanneer een kandidaat "
              "een jobaanbod weigert of het laat verlopen. Tot ze er is, kan een kandidaat een jobaanbod niet "
              "weigeren en blijft een verlopen jobaanbod openstaan."),
            *function_place(function))


def _intake_hours(function, procedure):
    if procedure is None:
        return
    url, place = _procedure_place(procedure)
    # A moment that has passed needs nothing any more: no slot can be made for it, no page announces it.
    for session in procedure.intake_sessions.filter(starts_at__isnull=True, date__gte=timezone.localdate()):
        yield MissingSetting(
            _("Begin- en einduur van het intakemoment %(day)s (%(label)s)")
            % {"day": date_format(session.date, "l d/m/Y"), "label": session.label},
            _("De tijdsloten van het kennismakingsinterview aanmaken; de uren op de vacaturepagina en in het "
              "portaal."),
            url + "#intake_sessions-group", place)


def _teams(function, procedure):
    if not Team.objects.filter(active=True).exists():
        yield MissingSetting(
            _("Teams (wijkteams en centraal aangestuurde teams): er is nog geen actief team"),
            _("Een concrete vacature aanmaken: elke vacature hoort bij een team."),
            reverse("admin:procedures_team_changelist"), _("Back office › Teams"))


def _apply_by_date(function, procedure):
    if procedure is not None and procedure.applications_close_on is None:
        yield MissingSetting(
            _("Laatste dag om te solliciteren voor ‘%(procedure)s’") % {"procedure": procedure.title},
            _("De vacaturepagina en de lijst van vacatures (‘Solliciteren kan tot en met …’); na die dag sluit de "
              "procedure voor nieuwe kandidaturen."),
            *_procedure_place(procedure))


CHECKS = [_reserve_validity, _intake_hours, _teams, _apply_by_date]


def register_check(check):
    """Add a check(function, procedure) → iterable of MissingSetting to every overview. Returns the check."""
    if check not in CHECKS:
        CHECKS.append(check)
    return check


def missing_settings(procedure):
    """Every empty HR setting that the procedure (and its function) needs, in the order of CHECKS."""
    return [item for check in CHECKS for item in check(procedure.function, procedure)]


def missing_function_settings(function):
    """Every empty HR setting of the function itself (and the shared ones, such as the teams)."""
    return [item for check in CHECKS for item in check(function, None)]
