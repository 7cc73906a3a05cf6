"""The jury's decisions take effect when every juror approved the PV, and the offer step's door to the passers.

On the last approval, in one transaction: the round's row and its candidates' applications are locked, a
candidate who withdrew meanwhile drops out (the next ranked passer takes the offer), the PV is rendered and its
SHA-256 stored, then every decision goes through change_stage: the best passer → offer (with a VacancyProposal),
the other passers → reserve (wervingsreserve, with its validity), the others → jury_failed (1-year ban). The
reserve and fail mails wait in the outbox for HR's release. The round closes: every juror's access ends and an
external expert's account is switched off unless another open round needs it.
"""

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from candidates.models import Application
from candidates.stages import Stage
from candidates.transitions import TransitionRefused, change_stage
from interviews.jury import JuryRefused
from interviews.jury.pv import render_pv_pdf
from interviews.jury.rounds import close_access, membership
from interviews.models import JuryCandidate, JuryMember, JuryRound, VacancyProposal
from procedures.models import Vacancy
from procedures.settings_check import SettingMissing, reserve_months_for

log = logging.getLogger(__name__)
D = JuryCandidate.Decision


def approve_pv(jury_round, *, by):
    """A juror approves the PV (goedkeuring). When the last juror does, the round is frozen. Returns the round."""
    with transaction.atomic():
        locked = JuryRound.objects.select_for_update().select_related("vacancy").get(pk=jury_round.pk)
        if locked.status == JuryRound.Status.CLOSED:
            raise JuryRefused(gettext("Het PV is al door alle juryleden goedgekeurd en ligt vast."))
        if locked.status != JuryRound.Status.DECIDED:
            raise JuryRefused(gettext("Het PV kan pas goedgekeurd worden nadat de voorzitter de beraadslaging "
                                      "afsloot."))
        member = membership(by, locked)
        if member is None:
            raise JuryRefused(gettext("Alleen de juryleden van deze ronde keuren het PV goed."))
        JuryMember.objects.filter(pk=member.pk, pv_approved_at__isnull=True).update(pv_approved_at=timezone.now())
        if len(JuryMember.Role) <= locked.members.filter(pv_approved_at__isnull=False).count():
            freeze_round(locked, by=by)
    return locked


def freeze_round(locked, *, by):
    """Freeze the round (inside approve_pv's transaction, round row locked): settle, render the PV, apply."""
    # Lock the applications first, in id order: a withdrawal now waits until the decisions are applied.
    application_ids = list(locked.candidates.values_list("application_id", flat=True))
    list(Application.objects.select_for_update().filter(pk__in=application_ids).order_by("pk").values("pk"))
    settled = _settle_decisions(locked)
    if any(jc.decision == D.RESERVE for jc in settled):
        try:  # checked before the PV is rendered: a refusal leaves no file and no half-applied decision
            reserve_months_for(locked.vacancy.function)
        except SettingMissing as missing:
            raise JuryRefused(gettext("Het PV kan nog niet vastgelegd worden: de beslissing ‘wervingsreserve’ heeft "
                                      "een geldigheid nodig. %(missing)s") % {"missing": missing}) from None
    now = timezone.now()
    locked.status, locked.closed_at = JuryRound.Status.CLOSED, now
    pdf = render_pv_pdf(locked)
    locked.pv_sha256 = hashlib.sha256(pdf).hexdigest()
    locked.pv_file.save(f"pv-juryronde-{locked.pk}.pdf", ContentFile(pdf), save=False)
    locked.save(update_fields=["status", "closed_at", "pv_sha256", "pv_file"])
    chair = locked.members.filter(role=JuryMember.Role.CHAIR).select_related("user").first()
    actor = chair.user if chair else by
    label = f"jury (PV goedgekeurd), voorzitter {chair.display_name if chair else ''}".strip()[:150]
    for jury_candidate in settled:
        _apply(jury_candidate, vacancy=locked.vacancy, by=actor, by_label=label)
    close_access(locked, now=now)
    log.info("Jury round %s frozen; PV sha256 %s", locked.pk, locked.pv_sha256)
    return locked


def _settle_decisions(locked):
    """Drop out whoever left the procedure since the deliberation; the first remaining passer gets the offer."""
    candidates = list(locked.candidates.exclude(decision__in=[D.ABSENT, D.WITHDRAWN])
                      .select_related("application__candidate", "application__procedure"))
    for jc in candidates:
        if jc.application.stage != Stage.JURY_INVITED:
            jc.decision = D.WITHDRAWN
            jc.save(update_fields=["decision"])
    passers = sorted((jc for jc in candidates if jc.decision in (D.OFFER, D.RESERVE)), key=lambda jc: jc.rank)
    for position, jc in enumerate(passers):
        wanted = D.OFFER if position == 0 else D.RESERVE
        if jc.decision != wanted:
            jc.decision = wanted
            jc.save(update_fields=["decision"])
    return [jc for jc in candidates if jc.decision in (D.OFFER, D.RESERVE, D.FAIL)]


def _apply(jury_candidate, *, vacancy, by, by_label):
    application = jury_candidate.application
    total = f"{jury_candidate.total_percent:.2f}".replace(".", ",")
    if jury_candidate.decision == D.OFFER:
        propose_for_offer(vacancy, application, source=VacancyProposal.Source.JURY, rank=jury_candidate.rank,
                          by=by, by_label=by_label, expected_stage=Stage.JURY_INVITED,
                          reason=f"Best gerangschikte geslaagde kandidaat van de jury (totaal {total} %).")
    elif jury_candidate.decision == D.RESERVE:
        change_stage(application, to=Stage.RESERVE, by=by, by_label=by_label, expected_stage=Stage.JURY_INVITED,
                     reason=f"Geslaagd voor het jurygesprek (totaal {total} %, rang {jury_candidate.rank}); "
                            "een andere kandidaat kreeg de job.")
    else:
        change_stage(application, to=Stage.JURY_FAILED, by=by, by_label=by_label,
                     expected_stage=Stage.JURY_INVITED,
                     reason=f"Niet geslaagd voor het jurygesprek (totaal {total} %).")


# --- The offer step's door -----------------------------------------------------------------------------------


def propose_for_offer(vacancy, application, *, source, by=None, by_label="", rank=None, reason="",
                      expected_stage=None):
    """Propose an application for the vacancy's job offer: change_stage → offer and a VacancyProposal row.

    One offer at a time per vacancy; a person is proposed for the same vacancy once.
    """
    with transaction.atomic():
        locked = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
        if locked.status != Vacancy.Status.OPEN:
            raise JuryRefused(gettext("Deze vacature is niet meer open."))
        if VacancyProposal.objects.filter(vacancy=locked, application__stage=Stage.OFFER).exists():
            raise JuryRefused(gettext("Voor deze vacature loopt al een jobaanbod."))
        if VacancyProposal.objects.filter(vacancy=locked, application=application).exists():
            raise JuryRefused(gettext("Deze kandidaat werd al voorgedragen voor deze vacature."))
        try:
            change_stage(application, to=Stage.OFFER, by=by, by_label=by_label, reason=reason,
                         expected_stage=expected_stage)
        except TransitionRefused as refusal:
            raise JuryRefused(str(refusal)) from None
        return VacancyProposal.objects.create(vacancy=locked, application=application, source=source, rank=rank,
                                              created_by=by)


def next_ranked_passer(vacancy):
    """The next passer of the vacancy's jury in rank order who can still get its offer: still in the reserve and
    never proposed for this vacancy. None when nobody is left (then: the reserve's matchgesprek, or a new round)."""
    return (JuryCandidate.objects
            .filter(round__vacancy=vacancy, round__status=JuryRound.Status.CLOSED, passed=True,
                    rank__isnull=False, application__stage=Stage.RESERVE)
            .exclude(application__vacancy_proposals__vacancy=vacancy)
            .select_related("application__candidate", "round")
            .order_by("-round__closed_at", "rank").first())


def propose_next_ranked_passer(vacancy, *, by=None):
    """Propose the next ranked passer (e.g. after the best one declined); returns the VacancyProposal or None."""
    passer = next_ranked_passer(vacancy)
    if passer is None:
        return None
    return propose_for_offer(vacancy, passer.application, source=VacancyProposal.Source.JURY, rank=passer.rank,
                             by=by, expected_stage=Stage.RESERVE,
                             reason=f"Volgende geslaagde kandidaat in de rangschikking van de jury (rang "
                                    f"{passer.rank}).")
