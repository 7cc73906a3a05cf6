"""A candidate's own data (inzagerecht): one ZIP with a JSON of everything the portal knows and their files."""

import json
import tempfile
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from candidates.disclosure import ban_told, place_told, shown_stage, visible_transitions
from candidates.models import Application, Candidate
from candidates.stages import Stage
from candidates.timeline import for_portal, sent_mails, timeline_for

JSON_NAME = "mijn-gegevens.json"
SPOOL_LIMIT = 20 * 1024 * 1024


def export_data(user):
    """The person's data as a plain dict, ready for JSON. Only this user's rows are read."""
    data = {
        "gemaakt_op": timezone.now(),
        "account": {"e-mailadres": user.email, "aangemaakt_op": user.date_joined, "laatst_aangemeld": user.last_login},
    }
    candidate = Candidate.objects.filter(user=user).first()
    if candidate is None:
        return data
    applications = for_portal(candidate.applications.all())
    return {
        **data,
        "kandidaat": {
            "voornaam": candidate.first_name, "achternaam": candidate.last_name, "e-mailadres": candidate.email,
            "telefoon": candidate.phone, "straat": candidate.street, "postcode": candidate.postal_code,
            "gemeente": candidate.city, "geboortedatum": candidate.birth_date, "taal": candidate.language,
            "aangemaakt_op": candidate.created_at,
        },
        "kandidaturen": [_application(a) for a in applications],
        # Only what the person was told: a ban or a place whose outcome mail HR has not released stays out.
        "uitsluitingen": [{"functie": b.function.name, "vanaf": b.starts_on, "opnieuw_welkom_vanaf": b.ends_on}
                          for b in candidate.bans.select_related("function") if ban_told(b)],
        "verzoeken_tot_wissen": [{"gevraagd_op": r.requested_at, "behandeld_op": r.handled_at}
                                 for r in candidate.erasure_requests.all()],
    }


def _application(application):
    return {
        "procedure": application.procedure.title,
        "functie": application.procedure.function.name,
        "ingediend_op": application.submitted_at,
        "fase": Stage(shown_stage(application)).label,
        "diploma": application.diploma.name,
        "diploma_zoals_vermeld": application.diploma_detail,
        "jaren_openbare_sector": application.years_public_sector,
        "jaren_privesector": application.years_private_sector,
        "motivatie": application.motivation,
        "redelijke_aanpassingen": application.accommodations,
        "afgesproken_aanpassing_kennismakingsinterview": application.intake_arrangement,
        "afgesproken_aanpassing_jobinterview": application.jury_arrangement,
        "privacyverklaring_gelezen_op": application.privacy_acknowledged_at,
        "verloop": [{"datum": entry.day, "wat": entry.text, "toelichting": entry.detail}
                    for entry in timeline_for(application)],
        "faseovergangen": [{"op": t.created_at, "van": Stage(t.from_stage).label, "naar": Stage(t.to_stage).label}
                           for t in visible_transitions(application)],
        "wachtlijst_en_reserve": [{"soort": e.get_kind_display(), "geldig_vanaf": e.valid_from,
                                   "laatste_geldige_dag": e.last_valid_day, "beeindigd_op": e.ended_at}
                                  for e in application.pool_entries.all() if place_told(e)],
        "verzonden_mails": [{"verzonden_op": m.sent_at, "aan": m.to, "onderwerp": m.subject, "tekst": m.body_text}
                            for m in sent_mails(application)],
        "documenten": [{"soort": d.get_kind_display(), "bestandsnaam": d.original_name, "type": d.content_type,
                        "grootte_bytes": d.size, "opgeladen_op": d.uploaded_at, "in_zip": _zip_path(application, d)}
                       for d in application.documents.all()],
        "vervangen_documenten": [{"soort": c.get_kind_display(), "bestandsnaam": c.old_name,
                                  "opgeladen_op": c.old_uploaded_at, "vervangen_op": c.created_at,
                                  "vervangen_door": c.new_name, "in_zip": _replaced_zip_path(application, c)}
                                 for c in application.document_changes.all() if c.old_file],
        "ontvangen_via": application.get_channel_display(),
        "ontvangen_op": application.received_on,  # empty for the portal: its day is that of ingediend_op
    }


def _zip_path(application, document):
    return f"bestanden/{application.public_id}/{document.pk}-{document.kind}-{document.original_name}"


def _replaced_zip_path(application, change):
    return f"bestanden/{application.public_id}/vervangen/{change.pk}-{change.kind}-{change.old_name}"


def build_export(user):
    """Write the ZIP to a temporary file (in memory up to 20 MB) and return it, positioned at the start."""
    data = export_data(user)
    archive = tempfile.SpooledTemporaryFile(max_size=SPOOL_LIMIT)  # noqa: SIM115 — the response closes it
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(JSON_NAME, json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
        for application in Application.objects.filter(candidate__user=user).prefetch_related("documents",
                                                                                             "document_changes"):
            files = [(d.file, _zip_path(application, d)) for d in application.documents.all()]
            files += [(c.old_file, _replaced_zip_path(application, c)) for c in application.document_changes.all()
                      if c.old_file]
            for stored, path in files:
                try:
                    with stored.open("rb") as source:
                        zipped.writestr(path, source.read())
                except FileNotFoundError:
                    zipped.writestr(path + ".ontbreekt.txt", "Dit bestand is niet meer in onze opslag.")
    archive.seek(0)
    return archive


def export_filename():
    return f"mijn-gegevens-stad-kortrijk-{timezone.localdate():%Y-%m-%d}.zip"
