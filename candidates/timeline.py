"""What a candidate reads about their application: what happened, in plain Dutch, and what comes next.

An outcome whose mail HR still holds as a draft is not shown yet: the candidate hears it first by mail,
when HR releases it, and the portal never runs ahead of that.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from candidates.disclosure import shown_stage, visible_transitions
from candidates.models import Application, DocumentChange, PoolEntry, Transition
from candidates.stages import CLOSED_STAGES, REASON_REQUIRED, Stage
from communications.models import Mail

# The stage in the candidate's words (the stage labels are the back office's).
STAGE_TEXT = {
    Stage.SCREENING: gettext_lazy("Ingediend: we kijken je diploma na"),
    Stage.ELIGIBLE: gettext_lazy("Toegelaten tot de selectie"),
    Stage.NOT_ELIGIBLE: gettext_lazy("Niet toegelaten"),
    Stage.INTAKE_INVITED: gettext_lazy("Uitgenodigd voor het kennismakingsinterview"),
    Stage.INTAKE_FAILED: gettext_lazy("Niet geslaagd voor het kennismakingsinterview"),
    Stage.WAITLIST: gettext_lazy("Op de wachtlijst"),
    Stage.WAITLIST_EXPIRED: gettext_lazy("Wachtlijst verlopen"),
    Stage.JURY_INVITED: gettext_lazy("Uitgenodigd voor een jobinterview"),
    Stage.JURY_FAILED: gettext_lazy("Niet geslaagd voor het jobinterview"),
    Stage.RESERVE: gettext_lazy("In de wervingsreserve"),
    Stage.RESERVE_EXPIRED: gettext_lazy("Wervingsreserve verlopen"),
    Stage.OFFER: gettext_lazy("Jobaanbod"),
    Stage.OFFER_WITHDRAWN: gettext_lazy("Jobaanbod ingetrokken"),
    Stage.HIRED: gettext_lazy("Aangeworven"),
    Stage.WITHDRAWN: gettext_lazy("Ingetrokken"),
}


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    text: str
    detail: str = ""


@dataclass(frozen=True)
class NextStep:
    text: str
    dates: list = field(default_factory=list)


def day(value):
    return date_format(value, "d/m/Y")


def for_portal(queryset=None, *, listing=False):
    """Applications with everything the portal shows, in a fixed number of queries whatever their number.
    `listing`: for the list of applications, which shows neither documents nor the mails' texts."""
    queryset = queryset if queryset is not None else Application.objects.all()
    mails = Mail.objects.order_by("created_at", "id")
    extra = ["documents", "document_changes"]
    if listing:
        mails, extra = mails.defer("body_text", "body_html", "calendar", "error"), []
    return queryset.select_related("procedure__function", "diploma", "ban", "candidate").prefetch_related(
        Prefetch("transitions", queryset=Transition.objects.order_by("created_at", "id")),
        Prefetch("pool_entries", queryset=PoolEntry.objects.order_by("valid_from", "id")),
        Prefetch("mails", queryset=mails),
        "procedure__intake_sessions",
        *extra,
    )


def sent_mails(application):
    return [mail for mail in application.mails.all() if mail.state == Mail.State.SENT]


# How an application HR entered reached the city, in the candidate's words.
RECEIVED_TEXT = {
    Application.Channel.PAPER: gettext_lazy("Het selectieteam ontving je kandidatuur voor %(title)s op papier en "
                                            "voerde ze in."),
    Application.Channel.EMAIL: gettext_lazy("Het selectieteam ontving je kandidatuur voor %(title)s per e-mail en "
                                            "voerde ze in."),
    Application.Channel.COUNTER: gettext_lazy("Het selectieteam ontving je kandidatuur voor %(title)s aan het loket "
                                              "en voerde ze in."),
}


def timeline_for(application):
    """Every step the candidate may see, oldest first, each as one sentence with its date."""
    received = RECEIVED_TEXT.get(application.channel, gettext_lazy("Je kandidatuur voor %(title)s werd ingediend."))
    received = received % {"title": application.procedure.title}
    entered_on = timezone.localdate(application.submitted_at)
    if application.received_day != entered_on:  # a letter HR entered days after it arrived: both days
        received += " " + _("Ze werd ingevoerd op %(day)s.") % {"day": day(entered_on)}
    moments = [(application.submitted_at, TimelineEntry(application.received_day, received))]
    for transition in visible_transitions(application):
        text, detail = _sentence(application, transition)
        moments.append((transition.created_at, TimelineEntry(timezone.localdate(transition.created_at), text, detail)))
    for change in application.document_changes.all():
        moments.append((change.created_at, TimelineEntry(timezone.localdate(change.created_at),
                                                         _document_sentence(application, change))))
    recorded_at = application.arrangement_recorded_at
    for text in _arrangement_sentences(application) if recorded_at else ():
        moments.append((recorded_at, TimelineEntry(timezone.localdate(recorded_at), text)))
    moments.sort(key=lambda moment: moment[0])  # stable: what happened at one moment keeps its order
    return [entry for _at, entry in moments]


def _document_sentence(application, change):
    values = {"kind": change.get_kind_display(), "name": change.new_name, "old": change.old_name}
    by_candidate = change.actor_id is not None and change.actor_id == application.candidate.user_id
    if change.action == DocumentChange.Action.REPLACED:
        text = (_("Je verving je %(kind)s door ‘%(name)s’ (het vorige bestand was ‘%(old)s’).") if by_candidate else
                _("Het selectieteam verving je %(kind)s door ‘%(name)s’ (het vorige bestand was ‘%(old)s’)."))
    else:
        text = (_("Je voegde een document toe: %(kind)s ‘%(name)s’.") if by_candidate else
                _("Het selectieteam voegde een document toe: %(kind)s ‘%(name)s’."))
    return text % values


def _arrangement_sentences(application):
    """What the selection team agreed to adjust, per interview (never the request: the candidate wrote that)."""
    sentences = []
    if application.intake_arrangement:
        sentences.append(_("Het selectieteam legde een aanpassing vast voor je kennismakingsinterview: %(what)s") % {
            "what": application.intake_arrangement})
    if application.jury_arrangement:
        sentences.append(_("Het selectieteam legde een aanpassing vast voor je jobinterview: %(what)s") % {
            "what": application.jury_arrangement})
    return sentences


def _sentence(application, transition):
    to = Stage(transition.to_stage)
    detail = transition.reason if to in REASON_REQUIRED else ""
    ban = getattr(application, "ban", None)
    if to == Stage.ELIGIBLE:
        return _("Je diploma werd goedgekeurd: je bent toegelaten tot de selectie."), ""
    if to == Stage.NOT_ELIGIBLE:
        return _("Je bent niet toegelaten: je diploma geeft geen toegang tot deze functie."), detail
    if to == Stage.INTAKE_INVITED:
        return _("Je werd uitgenodigd voor het online kennismakingsinterview."), ""
    if to in (Stage.INTAKE_FAILED, Stage.JURY_FAILED):
        step = _("het kennismakingsinterview") if to == Stage.INTAKE_FAILED else _("het jobinterview")
        text = _("Je bent niet geslaagd voor %(step)s.") % {"step": step}
        if ban is not None:
            text += " " + _("Je kan opnieuw solliciteren voor deze functie vanaf %(date)s.") % {
                "date": day(ban.ends_on)}
        if to == Stage.JURY_FAILED:
            text += " " + _("Je mag feedback van de jury vragen.")
        return text, ""
    if to == Stage.WAITLIST:
        if Stage(transition.from_stage) == Stage.JURY_INVITED:
            return _("Je staat opnieuw op de wachtlijst voor een volgende vacature."), ""
        return _with_pool_end(_("Je bent geslaagd voor het kennismakingsinterview en staat op de wachtlijst"),
                              _pool_entry(application, PoolEntry.Kind.WAITLIST, transition)), ""
    if to == Stage.WAITLIST_EXPIRED:
        return _("Je plaats op de wachtlijst is verlopen."), ""
    if to == Stage.JURY_INVITED:
        return _("Je werd uitgenodigd voor een jobinterview met een jury."), ""
    if to == Stage.RESERVE:
        return _with_pool_end(_("Je bent geslaagd voor het jobinterview en opgenomen in de wervingsreserve"),
                              _pool_entry(application, PoolEntry.Kind.RESERVE, transition)), ""
    if to == Stage.RESERVE_EXPIRED:
        return _("Je plaats in de wervingsreserve is verlopen."), ""
    if to == Stage.OFFER:
        return _("Je kreeg een jobaanbod."), ""
    if to == Stage.OFFER_WITHDRAWN:
        return _("Het jobaanbod werd ingetrokken."), detail
    if to == Stage.HIRED:
        return _("Je bent aangeworven. Welkom bij stad Kortrijk!"), ""
    if to == Stage.WITHDRAWN:
        if transition.actor_id is not None and transition.actor_id == application.candidate.user_id:
            return _("Je hebt je kandidatuur ingetrokken."), ""
        return _("Je kandidatuur werd ingetrokken."), ""
    return to.label, ""


def _with_pool_end(text, entry):
    if entry is not None:
        text += " " + _("tot en met %(date)s") % {"date": day(entry.last_valid_day)}
    return text + "."


def _pool_entry(application, kind, transition):
    entries = [e for e in application.pool_entries.all() if e.kind == kind]
    on_the_day = [e for e in entries if e.valid_from == timezone.localdate(transition.created_at)]
    return (on_the_day or entries or [None])[-1]


def next_step_for(application, *, today=None):
    """What comes next for the candidate, with the dates they need; None when nothing more follows."""
    today = today or timezone.localdate()
    stage = shown_stage(application)
    sessions = [_session_text(s) for s in application.procedure.intake_sessions.all() if s.date >= today]
    active = {e.kind: e for e in application.pool_entries.all() if e.ended_at is None}
    ban = getattr(application, "ban", None)
    if stage == Stage.SCREENING:
        text = _("We kijken na of je diploma toegang geeft tot de functie. Je krijgt daarover een mail.")
        if sessions:
            text += " " + _("Ben je toegelaten, dan volgt een online kennismakingsinterview van 20 minuten op een "
                            "van deze momenten:")
        return NextStep(text, sessions)
    if stage == Stage.ELIGIBLE:
        return NextStep(_("Je krijgt een uitnodiging voor een online kennismakingsinterview van 20 minuten via "
                          "Microsoft Teams. Het gaat door op een van deze momenten:") if sessions else
                        _("Je krijgt een uitnodiging voor een online kennismakingsinterview van 20 minuten via "
                          "Microsoft Teams."), sessions)
    if stage == Stage.INTAKE_INVITED:
        return NextStep(_("Kies een tijdslot van 20 minuten voor je online kennismakingsinterview. De gesprekken "
                          "gaan door op deze momenten:") if sessions else
                        _("Kies een tijdslot van 20 minuten voor je online kennismakingsinterview."), sessions)
    if stage == Stage.WAITLIST:
        entry = active.get(PoolEntry.Kind.WAITLIST)
        text = _("Voor elke concrete vacature als %(function)s nodigen we je uit voor een jobinterview.") % {
            "function": application.procedure.function.name.lower()}
        return NextStep(text, [_("Je plaats op de wachtlijst geldt tot en met %(date)s.") % {
            "date": day(entry.last_valid_day)}] if entry else [])
    if stage == Stage.JURY_INVITED:
        return NextStep(_("Je krijgt per mail alle praktische informatie over het jobinterview: datum, plaats en "
                          "of er een case is die je vooraf voorbereidt."))
    if stage == Stage.RESERVE:
        entry = active.get(PoolEntry.Kind.RESERVE)
        return NextStep(_("Bij een volgende vacature in een ander team volgt enkel nog een matchgesprek."),
                        [_("Je plaats in de wervingsreserve geldt tot en met %(date)s.") % {
                            "date": day(entry.last_valid_day)}] if entry else [])
    if stage == Stage.OFFER:
        return NextStep(_("Je krijgt het jobaanbod met alle informatie (loonsimulatie, uurrooster, werkplek en "
                          "taken) per mail. Heb je vragen? Neem contact op met het selectieteam."))
    if stage in (Stage.INTAKE_FAILED, Stage.JURY_FAILED) and ban is not None:
        return NextStep(_("Voor deze functie kan je opnieuw solliciteren vanaf %(date)s. Voor andere functies van "
                          "stad Kortrijk kan je nu al solliciteren.") % {"date": day(ban.ends_on)})
    if stage in CLOSED_STAGES and stage != Stage.HIRED:
        return NextStep(_("Deze kandidatuur is afgesloten. Je kan wel solliciteren voor andere functies van "
                          "stad Kortrijk."))
    return None


def _session_text(session):
    day = date_format(session.date, "l d/m/Y")
    if not session.has_hours:  # HR has not entered them yet: the moment as the bundle names it, no guessed hours
        return _("%(day)s, %(label)s") % {"day": day, "label": session.label}
    return _("%(day)s, %(label)s (%(start)s–%(end)s uur)") % {
        "day": day, "label": session.label,
        "start": session.starts_at.strftime("%H.%M"), "end": session.ends_at.strftime("%H.%M")}
