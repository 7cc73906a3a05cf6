"""Seed data for the benchmarks: the Kortrijk procedure, logged-in sessions, and many applications fast (SQL)."""

import time

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.db import connection

from kortrijk_ats import roles

UNUSABLE = "!"  # bench users log in only through seeded sessions
STAGES = ("screening", "eligible", "not_eligible", "intake_invited", "waitlist", "intake_failed")


def seed_procedure():
    """The real procedure from the information bundle (vacancy text, diplomas, mail templates)."""
    from procedures.models import Procedure
    from procedures.seed_data import PROCEDURE_SLUG

    call_command("seed_kortrijk", verbosity=0)
    procedure = Procedure.objects.select_related("function").get(slug=PROCEDURE_SLUG)
    if procedure.function.reserve_months is None:  # HR's setting (the bundle states none): a bench value
        procedure.function.reserve_months = 24
        procedure.function.save(update_fields=["reserve_months"])
    return procedure


def session_for(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.update(_second_factor(user))
    store.create()
    return store.session_key


def _second_factor(user):
    """Session keys of a staff member who passed their TOTP device (staff pages require it), if the tree has it."""
    if not user.is_staff:
        return {}
    try:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from kortrijk_ats import staff_auth
    except ImportError:
        return {}
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(user=user, name="bench",
                                                                                        confirmed=True)
    now = int(time.time())
    return {DEVICE_ID_SESSION_KEY: device.persistent_id, staff_auth.LOGIN_AT: now, staff_auth.SEEN_AT: now,
            staff_auth.STAFF_SESSION: True}


def create_users(prefix, count):
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"{prefix}{i}", email=f"{prefix}{i}@example.org", password=UNUSABLE) for i in range(count)])
    _verify_emails(users)
    return users


def _verify_emails(users):
    # allauth requires a verified address for candidate pages (ACCOUNT_EMAIL_VERIFICATION = mandatory).
    from allauth.account.models import EmailAddress

    EmailAddress.objects.bulk_create([EmailAddress(user=u, email=u.email, verified=True, primary=True)
                                      for u in users])


def hr_superuser():
    User = get_user_model()
    user = User.objects.create(username="bench-hr", email="bench-hr@example.org", password=UNUSABLE,
                               is_staff=True, is_superuser=True)
    user.groups.add(Group.objects.get_or_create(name=roles.HR)[0])  # the back office is for the HR group only
    _verify_emails([user])
    return user


def candidate_with_applications(user, procedure, *, count=3):
    """A candidate whose 'my applications' page lists `count` applications (other procedures of the function)."""
    from candidates.models import Application, Candidate
    from candidates.stages import Stage
    from procedures.models import Procedure

    candidate = Candidate.objects.create(user=user, first_name="Lien", last_name="Bench", email=user.email,
                                         phone="056 27 80 00", street="Grote Markt 54", postal_code="8500",
                                         city="Kortrijk")
    diploma = procedure.diplomas.first()
    apps = []
    for i in range(count):
        other = procedure if i == 0 else Procedure.objects.create(
            function=procedure.function, title=f"{procedure.title} ({i})", slug=f"{procedure.slug}-{i}",
            status=Procedure.Status.CLOSED)
        apps.append(Application.objects.create(candidate=candidate, procedure=other, diploma=diploma,
                                               stage=Stage.SCREENING))
    return candidate, apps


def bulk_applications(procedure, *, total, stage=None):
    """Bring the procedure to `total` applications with SQL (users, candidates, applications in three INSERTs).

    Names and stages vary so that filters and search have something to find; one candidate per application.
    Returns the number added.
    """
    from candidates.models import Application

    have = Application.objects.filter(procedure=procedure).count()
    add = total - have
    if add <= 0:
        return 0
    diploma = procedure.diplomas.order_by("pk").first()
    stages = [stage] if stage else list(STAGES)
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM auth_user")
        base = cursor.fetchone()[0] + 1
        cursor.execute(
            """INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff,
                                      is_active, date_joined)
               SELECT '!', false, 'bulk' || g, '', '', 'bulk' || g || '@example.org', false, true, now()
               FROM generate_series(%s, %s) g""", [base, base + add - 1])
        cursor.execute(
            """INSERT INTO candidates_candidate (first_name, last_name, email, phone, street, postal_code, city,
                                                 language, created_at, user_id)
               SELECT (ARRAY['Ann','Bram','Chloé','Dries','Eline','Femke','Glenn','Hanne'])[1 + g %% 8],
                      'Peeters' || g, 'bulk' || g || '@example.org', '056 27 80 00', 'Grote Markt ' || g,
                      '8500', 'Kortrijk', 'nl-be', now(), u.id
               FROM generate_series(%s, %s) g JOIN auth_user u ON u.username = 'bulk' || g""",
            [base, base + add - 1])
        cursor.execute(
            """INSERT INTO candidates_application (stage, stage_changed_at, diploma_detail, years_public_sector,
                   years_private_sector, motivation, accommodations, privacy_acknowledged_at, submitted_at,
                   public_id, diploma_id, procedure_id, candidate_id)
               SELECT (%s::text[])[1 + c.id %% %s], now() - (c.id %% 90) * interval '1 day', '', 1, 2,
                      'Ik werk graag met mensen.', '', now(), now() - (c.id %% 90) * interval '1 day',
                      gen_random_uuid(), %s, %s, c.id
               FROM candidates_candidate c JOIN auth_user u ON u.id = c.user_id
               WHERE u.username LIKE 'bulk%%' AND u.id >= (SELECT id FROM auth_user WHERE username = %s)""",
            [stages, len(stages), diploma.pk, procedure.pk, f"bulk{base}"])
        # What autovacuum does to a table soon after a bulk load in production: statistics and the visibility map.
        cursor.execute("VACUUM ANALYZE")
    return add
