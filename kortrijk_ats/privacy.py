"""The register of personal data (verwerkingsregister, art. 30 GDPR): every personal field, why and how long.

REGISTER maps a model label to the fields that hold personal data, each with its category, purpose, retention and
what erasure does with it. It is not only documentation: candidates.retention erases exactly the fields registered
here (ERASE → "" or NULL, MARK → ERASED_TEXT where the database demands a text, FILE → the file is deleted),
following `application_path` / `candidate_path` from the model to the person's application or candidate.

tests/privacy/test_register.py walks every concrete model and fails when a field that `looks_personal()` is in
neither REGISTER nor NOT_PERSONAL, or when either names a field that no longer exists.
"""

from dataclasses import dataclass

from django.db import models

ERASE = "erase"  # blanked: "" (text) or NULL
MARK = "mark"  # replaced by ERASED_TEXT: the database requires a non-empty text (a score's evidence, a reason)
FILE = "file"  # the stored file is deleted and the field blanked
KEEP = "keep"  # kept after erasure; `retention` says how long and why
SPECIAL = "special"  # erased by dedicated code in candidates.retention (say which in `retention`)

ERASED_TEXT = "[gewist]"
ERASED_ACTOR_LABEL = "kandidaat (gewist)"  # the one actor label the transition trigger accepts as an erasure

# Categories
IDENTITY = "identity"
CONTACT = "contact details"
ACCOUNT = "account"
APPLICATION = "application"
ASSESSMENT = "assessment"
CORRESPONDENCE = "correspondence"
DOCUMENT = "document"
BAN = "ban"
STAFF = "staff"
TECHNICAL = "technical"

# Purposes
SELECTION = "running the selection procedure (public task of a local government; pre-contractual steps)"
ENFORCE_BAN = "enforcing the 1-year ban on the function after a failed intake or jury interview"
LOGIN = "the candidate's or staff member's log-in"
ARCHIVE = "the selection's archive record (PV and scores, without the person)"
ACCOUNTABILITY = "who in the city did what (accountability of the administration)"

# Retention
UNTIL_ANONYMISED = ("until the application is anonymised: RetentionPolicy.months_after_decision (default 12) after "
                    "a not-eligible/failed/withdrawn decision, months_after_pool_expiry (default 0) after the "
                    "waitlist or reserve expired, or at once when HR confirms an erasure request")
UNTIL_PERSON_ERASED = ("until the last application of the person is anonymised (or an erasure request is "
                       "confirmed); an account that never applied: 12 months after the last log-in")
UNTIL_BAN_ENDS = "kept without name or e-mail until the ban ends; the retention job then deletes the row"
AS_ARCHIVE = "kept: the anonymised archive record of the selection (no link to a person remains)"
WHILE_STAFF = "while the person works on selections; HR removes staff accounts"
SECURITY_LOG = "the log-in security log: lockout after failed log-ins, traces of misuse (ASVS V7)"
UNTIL_LOCKOUT_ENDS = "until the lockout's cool-off ends or the next successful log-in"
SECURITY_LOG_RETENTION = "the security log's period: `manage.py axes_reset_logs --age 90` removes older rows"
UNTIL_SESSION_EXPIRES = "until the session expires; the retention job deletes expired sessions"


@dataclass(frozen=True)
class Personal:
    category: str
    purpose: str
    retention: str
    on_erasure: str = ERASE


@dataclass(frozen=True)
class Registered:
    """A model holding personal data. The paths are ORM lookups to the application / candidate it belongs to
    ("" means the model is that row itself); None when erasure does not reach it that way."""

    fields: dict
    application_path: str | None = None
    candidate_path: str | None = None
    delete_rows: bool = False  # erasure deletes the rows (their files first) instead of blanking fields
    notes: str = ""


def _app(category, retention=UNTIL_ANONYMISED, on_erasure=ERASE, purpose=SELECTION):
    return Personal(category, purpose, retention, on_erasure)


REGISTER = {
    # The person and their account.
    "candidates.Candidate": Registered(candidate_path="", fields={
        "first_name": _app(IDENTITY, UNTIL_PERSON_ERASED),
        "last_name": _app(IDENTITY, UNTIL_PERSON_ERASED),
        "email": _app(CONTACT, UNTIL_PERSON_ERASED),
        "phone": _app(CONTACT, UNTIL_PERSON_ERASED),
        "street": _app(CONTACT, UNTIL_PERSON_ERASED),
        "postal_code": _app(CONTACT, UNTIL_PERSON_ERASED),
        "city": _app(CONTACT, UNTIL_PERSON_ERASED),
        "birth_date": _app(IDENTITY, UNTIL_PERSON_ERASED),
    }),
    "auth.User": Registered(candidate_path="candidate", notes="staff users are removed by hand, never by the job",
                            fields={
        "username": Personal(ACCOUNT, LOGIN, UNTIL_PERSON_ERASED, SPECIAL),  # becomes gewist-<id> (must be unique)
        "first_name": Personal(IDENTITY, LOGIN, UNTIL_PERSON_ERASED),
        "last_name": Personal(IDENTITY, LOGIN, UNTIL_PERSON_ERASED),
        "email": Personal(CONTACT, LOGIN, UNTIL_PERSON_ERASED),
        "password": Personal(ACCOUNT, LOGIN, UNTIL_PERSON_ERASED, SPECIAL),  # made unusable; the account inactive
    }),
    "account.EmailAddress": Registered(candidate_path="user__candidate", delete_rows=True, fields={
        "email": Personal(CONTACT, LOGIN, UNTIL_PERSON_ERASED),
    }),
    # Log-in security (django-axes): every attempt, by account name and address; read by HR when an account is locked.
    "axes.AccessAttempt": Registered(notes="failed attempts in the lockout window; a success or the cool-off clears",
                                     fields={
        "username": Personal(ACCOUNT, SECURITY_LOG, UNTIL_LOCKOUT_ENDS, KEEP),
        "ip_address": Personal(TECHNICAL, SECURITY_LOG, UNTIL_LOCKOUT_ENDS, KEEP),
        "user_agent": Personal(TECHNICAL, SECURITY_LOG, UNTIL_LOCKOUT_ENDS, KEEP),
    }),
    "axes.AccessLog": Registered(fields={
        "username": Personal(ACCOUNT, SECURITY_LOG, SECURITY_LOG_RETENTION, KEEP),
        "ip_address": Personal(TECHNICAL, SECURITY_LOG, SECURITY_LOG_RETENTION, KEEP),
        "user_agent": Personal(TECHNICAL, SECURITY_LOG, SECURITY_LOG_RETENTION, KEEP),
    }),
    "axes.AccessFailureLog": Registered(fields={
        "username": Personal(ACCOUNT, SECURITY_LOG, SECURITY_LOG_RETENTION, KEEP),
        "ip_address": Personal(TECHNICAL, SECURITY_LOG, SECURITY_LOG_RETENTION, KEEP),
        "user_agent": Personal(TECHNICAL, SECURITY_LOG, SECURITY_LOG_RETENTION, KEEP),
    }),
    "sessions.Session": Registered(notes="the erasure deletes the person's sessions", fields={
        "session_data": Personal(TECHNICAL, LOGIN, UNTIL_SESSION_EXPIRES, SPECIAL),
    }),
    # The application and what hangs from it.
    "candidates.Application": Registered(application_path="", fields={
        "diploma_detail": _app(APPLICATION),
        "years_public_sector": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "years_private_sector": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "motivation": _app(APPLICATION),
        # The request may reveal a disability or health condition: seen by HR (back office) and the candidate only.
        "accommodations": _app(APPLICATION),
        # HR's arrangement, without health details: seen by HR, the candidate and whoever runs that step (the intake
        # interviewer; the jurors of the candidate's round). Erased with the request.
        "intake_arrangement": _app(APPLICATION),
        "jury_arrangement": _app(APPLICATION),
        "arrangement_recorded_at": _app(APPLICATION),  # that an arrangement exists says something too
        "received_on": _app(APPLICATION, AS_ARCHIVE, KEEP),  # the day a letter or e-mail arrived, like submitted_at
    }),
    "candidates.Document": Registered(application_path="application", delete_rows=True, fields={
        "file": _app(DOCUMENT, on_erasure=FILE),
        "original_name": _app(DOCUMENT),
        "content_type": _app(DOCUMENT),
        "size": _app(DOCUMENT),
    }),
    # A document added or replaced after applying; the replaced file is kept for HR until the application goes.
    "candidates.DocumentChange": Registered(application_path="application", delete_rows=True, fields={
        "new_name": _app(DOCUMENT),
        "old_file": _app(DOCUMENT, on_erasure=FILE),
        "old_name": _app(DOCUMENT),
        "old_content_type": _app(DOCUMENT),
        "old_size": _app(DOCUMENT),
        "old_uploaded_at": _app(DOCUMENT),
        "actor_label": Personal(STAFF, ACCOUNTABILITY, UNTIL_ANONYMISED),  # the candidate's own name, or HR's
    }),
    "candidates.Transition": Registered(application_path="application", fields={
        "reason": _app(APPLICATION),
        "actor_label": Personal(STAFF, ACCOUNTABILITY, WHILE_STAFF, SPECIAL),  # the candidate's own name → gewist
    }),
    "candidates.Ban": Registered(candidate_path="candidate", notes="erasure cuts the links to candidate and "
                                 "application; the keys and dates stay until the ban ends", fields={
        "starts_on": Personal(BAN, ENFORCE_BAN, UNTIL_BAN_ENDS, KEEP),
        "ends_on": Personal(BAN, ENFORCE_BAN, UNTIL_BAN_ENDS, KEEP),
    }),
    # Keyed hashes (HMAC with IDENTITY_HASH_KEY) of every verified address, its +tag/Gmail-dots variant, and name with
    # birth date: never the plain values. They go with the ban's row.
    "candidates.BanKey": Registered(candidate_path="ban__candidate", fields={
        "digest": Personal(BAN, ENFORCE_BAN, UNTIL_BAN_ENDS, KEEP),
    }),
    # HR's flag on an application that probably comes from a banned person: goes with the application.
    "candidates.BanMatch": Registered(application_path="application", delete_rows=True, fields={
        "ban_starts_on": _app(BAN, purpose=ENFORCE_BAN),
        "ban_ends_on": _app(BAN, purpose=ENFORCE_BAN),
        "same_name_and_birth_date": _app(BAN, purpose=ENFORCE_BAN),  # what matched, never the values
        "similar_address": _app(BAN, purpose=ENFORCE_BAN),
    }),
    "candidates.PoolEntry": Registered(application_path="application", fields={
        "valid_from": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "expires_on": _app(APPLICATION, AS_ARCHIVE, KEEP),
    }),
    # Intake.
    "interviews.IntakeBooking": Registered(application_path="application", fields={
        "meeting_url": Personal(TECHNICAL, SELECTION, UNTIL_ANONYMISED),
        "sequence": _app(TECHNICAL, AS_ARCHIVE, KEEP),
    }),
    "interviews.IntakeAssessment": Registered(application_path="booking__application", fields={
        **{f"{name}_note": _app(ASSESSMENT) for name in ("basic_competencies", "experience", "availability",
                                                          "job_insight", "motivation")},
        "verdict_motivation": _app(ASSESSMENT, on_erasure=MARK),
    }),
    # Jury.
    "interviews.JuryCandidate": Registered(application_path="application", fields={
        "position": _app(ASSESSMENT, AS_ARCHIVE, KEEP),
        "location": _app(APPLICATION),
        "meeting_url": _app(TECHNICAL),
        "sequence": _app(TECHNICAL, AS_ARCHIVE, KEEP),
        "total_percent": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
        "rank": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
    }),
    "interviews.ConflictDeclaration": Registered(application_path="jury_candidate__application", fields={
        "note": _app(ASSESSMENT, on_erasure=MARK),
    }),
    "interviews.JuryScore": Registered(application_path="sheet__jury_candidate__application", fields={
        "part": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
        "value": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
        "evidence": _app(ASSESSMENT, on_erasure=MARK),
    }),
    "interviews.ScoreSheetEvent": Registered(application_path="sheet__jury_candidate__application", fields={
        "note": _app(ASSESSMENT, on_erasure=MARK),
    }),
    "interviews.ConsensusScore": Registered(application_path="jury_candidate__application", fields={
        "part": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
        "value": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
        "reason": _app(ASSESSMENT, on_erasure=MARK),
    }),
    "interviews.QuestionnaireResponse": Registered(application_path="jury_candidate__application", fields={
        "answers": _app(ASSESSMENT),  # personality answers: sensitive, erased
        "external_tool": _app(ASSESSMENT),
        "completed_on": _app(ASSESSMENT),
        "report": _app(ASSESSMENT, on_erasure=FILE),
        "report_name": _app(ASSESSMENT),
    }),
    "interviews.VacancyProposal": Registered(application_path="application", fields={
        "rank": _app(ASSESSMENT, AS_ARCHIVE, KEEP, ARCHIVE),
    }),
    "interviews.FeedbackRequest": Registered(application_path="application", fields={
        "due_on": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "letter": _app(ASSESSMENT),
    }),
    "interviews.MatchInterview": Registered(application_path="application", fields={
        "location": _app(APPLICATION),
        "meeting_url": _app(TECHNICAL),
        "sequence": _app(TECHNICAL, AS_ARCHIVE, KEEP),
        "note": _app(ASSESSMENT),
    }),
    "interviews.ReserveUnavailability": Registered(application_path="application", fields={
        "starts_on": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "ends_on": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "note": _app(APPLICATION),  # e.g. why someone is unavailable (illness, leave): erased
    }),
    "interviews.JuryRound": Registered(notes="the PV names the candidates: an official record", fields={
        "pv_file": Personal(ASSESSMENT, ARCHIVE, "kept as the official PV under the archive rules for local "
                            "governments (not erased with the application)", KEEP),
        # Why HR started the round before the reserve had its matchgesprekken; it may name a reserve candidate.
        "reserve_bypass_reason": Personal(ASSESSMENT, ACCOUNTABILITY, "kept with the round's record and in its PV, "
                                          "under the same archive rules as the PV", KEEP),
    }),
    # Offer.
    "offers.Offer": Registered(application_path="proposal__application", fields={
        "public_years": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "public_months": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "private_years": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "private_months": _app(APPLICATION, AS_ARCHIVE, KEEP),
        "experience_proofs": _app(APPLICATION),  # employers and periods the person worked
        "approved_monthly_gross": _app(APPLICATION),
        "withdrawal_reason": _app(APPLICATION),  # may reveal a not-blank criminal record
    }),
    "offers.CriminalRecordCheck": Registered(application_path="offer__proposal__application",
                                             notes="the extract itself is never stored", fields={
        "issued_on": _app(APPLICATION),
        "result": _app(APPLICATION),  # judicial data (art. 10 GDPR): erased with the application
    }),
    # Mail and logs: linked by a generic key to any row above, or addressed to the person.
    "communications.Mail": Registered(notes="erasure blanks mails about the person's rows or to their address; "
                                      "unsent ones are cancelled first", fields={
        "to": _app(CORRESPONDENCE, on_erasure=SPECIAL),
        "subject": _app(CORRESPONDENCE, on_erasure=SPECIAL),
        "body_text": _app(CORRESPONDENCE, on_erasure=SPECIAL),
        "body_html": _app(CORRESPONDENCE, on_erasure=SPECIAL),
        "calendar": _app(CORRESPONDENCE, on_erasure=SPECIAL),
        "error": _app(CORRESPONDENCE, on_erasure=SPECIAL),  # an SMTP reply may quote the address
    }),
    "admin.LogEntry": Registered(notes="HR's change history names the object (str of a candidate = the name)", fields={
        "object_repr": Personal(IDENTITY, ACCOUNTABILITY, UNTIL_PERSON_ERASED, SPECIAL),
        "change_message": Personal(IDENTITY, ACCOUNTABILITY, UNTIL_PERSON_ERASED, SPECIAL),
    }),
    # Staff data published with a procedure.
    "procedures.Procedure": Registered(fields={
        "contact_name": Personal(STAFF, "the contact person named on the vacancy", WHILE_STAFF, KEEP),
        "contact_email": Personal(STAFF, "the contact person named on the vacancy", WHILE_STAFF, KEEP),
        "contact_phone": Personal(STAFF, "the contact person named on the vacancy", WHILE_STAFF, KEEP),
    }),
}

# Fields the rule flags that were reviewed and hold no personal data (a keyed reason for each).
NOT_PERSONAL = {
    "admin.LogEntry": {"object_id": "the primary key of the changed row"},
    "communications.Mail": {
        "event": "the registered mail event key (e.g. intake_invitation)",
        "language": "the language code of the mail",
        "attempts": "a delivery counter",
        "message_id": "a random Message-ID made by the system",
    },
    "interviews.JuryRound": {"case_document": "the work case, the same for every candidate of the round"},
    "procedures.Function": {"internal_note": "HR's note about the function's settings, never about a person"},
    "procedures.Procedure": {"internal_note": "HR's note about the procedure's settings, never about a person"},
    "procedures.Vacancy": {"internal_note": "HR's note about the vacancy (e.g. its team's planning), never about a "
                                            "person"},
    "procedures.Team": {"internal_note": "HR's note about the team (e.g. its real name to enter), never about a "
                                         "person"},
    "procedures.SeedRecord": {"key": "the seed's own key of a row it created, e.g. diploma:master-sociaal-werk"},
    "offers.Offer": {
        "start_date": "the job's start date, set by HR for the vacancy",
        "regime": "the job's working time (fraction of full time)",
        "schedule": "the job's working hours",
        "workplace": "the job's workplace",
        "tasks": "the job's tasks",
        "respond_by": "the deadline HR set for the answer",
    },
}


def looks_personal(model, model_field, *, person_models):
    """The reviewed rule: does this field look like it holds personal data?

    1. Anywhere: a name that says person (first/last/full name, e-mail, phone, street/address/postal/city, birth,
       INSZ, contact), any file field, and free-text fields named like notes about someone (note, reason, motivation,
       comment, feedback, evidence, letter, remark).
    2. On a person-related model (see person_related_models): every field that carries content — text, numbers,
       dates, files, JSON — except keys, booleans, choice fields (states and kinds from a fixed list) and
       timestamps (when a row was made or changed: bookkeeping; they go with their row).
    """
    name = model_field.name
    if model_field.primary_key or model_field.is_relation or model_field.auto_created:
        return False
    if any(token in name for token in ("first_name", "last_name", "full_name", "email", "phone", "street",
                                       "address", "postal", "city", "birth", "insz", "national_number", "contact")):
        return True
    if isinstance(model_field, models.FileField):
        return True
    if isinstance(model_field, models.TextField) and any(
            token in name for token in ("note", "reason", "motivation", "comment", "feedback", "evidence", "letter",
                                        "remark")):
        return True
    if model not in person_models:
        return False
    if isinstance(model_field, (models.BooleanField, models.DateTimeField, models.UUIDField, models.SlugField,
                                models.AutoField)) or model_field.choices:
        return False
    # A generic key's id (content type + object id) is a key, not content.
    return not (name == "object_id" and any(f.is_relation and f.related_model is not None
                                            and f.related_model._meta.label == "contenttypes.ContentType"
                                            for f in model._meta.concrete_fields))


def person_related_models(all_models):
    """Models whose rows are about one person: auth.User and candidates.Candidate themselves, every model that
    reaches a Candidate through foreign keys (up to five steps), and every model with a generic key (content type +
    object id), which can point at such a row. A foreign key to a staff user (who edited, who decided) does not
    make a row about that user: such rows are about the thing edited."""
    by_label = {m._meta.label: m for m in all_models}
    related = {by_label[label] for label in ("auth.User", "candidates.Candidate") if label in by_label}
    candidate = by_label.get("candidates.Candidate")

    def reaches_candidate(model, depth):
        if model is candidate:
            return True
        if depth == 0:
            return False
        return any(f.many_to_one or f.one_to_one for f in model._meta.concrete_fields if f.is_relation) and any(
            reaches_candidate(f.related_model, depth - 1)
            for f in model._meta.concrete_fields
            if f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is not None)

    for model in all_models:
        has_generic_key = any(f.is_relation and f.related_model is not None
                              and f.related_model._meta.label == "contenttypes.ContentType"
                              for f in model._meta.concrete_fields) and any(
            f.name == "object_id" for f in model._meta.concrete_fields)
        if has_generic_key or reaches_candidate(model, 5):
            related.add(model)
    return related
