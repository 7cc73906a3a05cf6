"""The migration to a ban's keys on a database with bans: each ban keeps its old address hash as a key and gets the
keys the live code looks up (every verified address, its variant, name with birth date), and the step it followed
from the application's history; a ban whose person was erased keeps its one key."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from candidates.bans import address_variant_hash, identity_hash, name_birth_date_hash
from candidates.models import Ban

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("candidates", "0010_application_arrangements")]
BRUSSELS = ZoneInfo("Europe/Brussels")


def migrate(targets=None):
    """Migrate to `targets` with every other app at its latest (so their historical models are the tables'), or
    forward to the latest migration of every app (where every test leaves the database)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    leaves = executor.loader.graph.leaf_nodes()
    if targets:
        apps = {app for app, _name in targets}
        targets = [*targets, *(node for node in leaves if node[0] not in apps)]
    else:
        targets = leaves
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_bans_get_their_keys_and_their_step():
    old = migrate(BEFORE)
    try:
        model = old.get_model
        user = model("auth", "User").objects.create(username="ann", email="ann@example.org")
        for address, verified in (("ann@example.org", True), ("ann.peeters@gmail.com", True),
                                  ("niet-bevestigd@example.org", False)):
            model("account", "EmailAddress").objects.create(user=user, email=address, verified=verified,
                                                            primary=address == "ann@example.org")
        function = model("procedures", "Function").objects.create(name="Maatschappelijk werker", slug="mw")
        procedure = model("procedures", "Procedure").objects.create(function=function, title="MW", slug="mw")
        diploma = model("procedures", "Diploma").objects.create(procedure=procedure, name="Bachelor in het sociaal "
                                                                "werk", kind="current", position=1)
        candidate = model("candidates", "Candidate").objects.create(
            user=user, first_name="Ann", last_name="Peeters", email="ann@example.org", birth_date=date(1995, 5, 17))
        # The application moved on in the stage column only (a repair by hand): its history says what failed.
        application = model("candidates", "Application").objects.create(
            candidate=candidate, procedure=procedure, diploma=diploma, stage="withdrawn")
        model("candidates", "Transition").objects.create(
            application=application, from_stage="intake_invited", to_stage="intake_failed", actor_label="hr",
            created_at=datetime(2026, 1, 23, 14, tzinfo=BRUSSELS))
        OldBan = model("candidates", "Ban")
        known = OldBan.objects.create(function=function, candidate=candidate, application=application,
                                   identity_hash="a" * 64, starts_on=date(2026, 1, 23), ends_on=date(2027, 1, 23))
        erased = OldBan.objects.create(function=function, identity_hash="b" * 64, starts_on=date(2026, 2, 1),
                                    ends_on=date(2027, 2, 1))
    finally:
        migrate()

    known_ban, erased_ban = Ban.objects.get(pk=known.pk), Ban.objects.get(pk=erased.pk)
    assert (known_ban.after_stage, erased_ban.after_stage) == ("intake_failed", "")
    assert set(known_ban.keys.values_list("kind", "digest")) == {
        ("address", "a" * 64),
        ("address", identity_hash("ann@example.org")), ("address", identity_hash("ann.peeters@gmail.com")),
        ("address_variant", address_variant_hash("ann@example.org")),
        ("address_variant", address_variant_hash("annpeeters@gmail.com")),
        ("name_birth_date", name_birth_date_hash("Peeters", "Ann", date(1995, 5, 17))),
    }
    assert list(erased_ban.keys.values_list("kind", "digest")) == [("address", "b" * 64)]


def test_no_migration_runs_the_live_code_of_the_project():
    """A migration must do tomorrow what it did today: what a data migration needs is frozen inside it. Only the
    app's own models module, which Django itself imports at the top for a field's upload_to callable, may be
    imported; nothing of the project inside a migration's functions."""
    import ast
    from pathlib import Path

    project_apps = {"candidates", "communications", "interviews", "kortrijk_ats", "offers", "procedures", "reports"}
    root = Path(__file__).resolve().parents[2]
    live = []
    for path in sorted(root.glob("*/migrations/0*.py")):
        app, tree = path.parent.parent.name, ast.parse(path.read_text())
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            modules = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                       else [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for module in modules:
                if module.split(".")[0] in project_apps and not (id(node) in top_level
                                                                 and module == f"{app}.models"):
                    live.append((path.name, module))
    assert live == []
