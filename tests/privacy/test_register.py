"""The personal-data register covers every field that looks personal, and names no field that does not exist."""

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

from kortrijk_ats.privacy import (
    ERASE,
    FILE,
    KEEP,
    MARK,
    NOT_PERSONAL,
    REGISTER,
    SPECIAL,
    looks_personal,
    person_related_models,
)


def concrete_models():
    return [m for m in apps.get_models() if not m._meta.proxy and not m._meta.abstract]


def unregistered_personal_fields(models):
    people = person_related_models([*concrete_models(), *models])
    missing = []
    for model in models:
        label = model._meta.label
        registered = REGISTER[label].fields if label in REGISTER else {}
        for field in model._meta.concrete_fields:
            if not looks_personal(model, field, person_models=people):
                continue
            if field.name not in registered and field.name not in NOT_PERSONAL.get(label, {}):
                missing.append(f"{label}.{field.name}")
    return missing


def test_every_field_that_looks_personal_is_in_the_register():
    missing = unregistered_personal_fields(concrete_models())
    assert missing == [], ("Personal-looking fields missing from kortrijk_ats/privacy.py (REGISTER, or NOT_PERSONAL "
                           f"with a reason): {missing}")


def test_every_registered_field_exists():
    stale = []
    for table in (REGISTER, NOT_PERSONAL):
        for label, entry in table.items():
            fields = entry.fields if hasattr(entry, "fields") else entry
            try:
                model = apps.get_model(label)
            except LookupError:
                stale.append(label)
                continue
            for name in fields:
                try:
                    model._meta.get_field(name)
                except FieldDoesNotExist:
                    stale.append(f"{label}.{name}")
    assert stale == []


def test_registered_paths_lead_to_the_application_or_candidate():
    from candidates.models import Application, Candidate

    for label, entry in REGISTER.items():
        model = apps.get_model(label)
        for path, target in ((entry.application_path, Application), (entry.candidate_path, Candidate)):
            if not path:
                assert path is None or model is target, label
                continue
            current = model
            for step in path.split("__"):
                current = current._meta.get_field(step).related_model
            assert current is target, f"{label}: {path} leads to {current}"


def test_every_entry_says_category_purpose_retention_and_a_known_erasure():
    for label, entry in REGISTER.items():
        for name, personal in entry.fields.items():
            assert personal.category and personal.purpose and personal.retention, f"{label}.{name}"
            assert personal.on_erasure in (ERASE, MARK, FILE, KEEP, SPECIAL), f"{label}.{name}"
            field = apps.get_model(label)._meta.get_field(name)
            blankable = field.null or field.get_internal_type() in (
                "CharField", "TextField", "EmailField", "URLField", "JSONField")
            if personal.on_erasure == ERASE and not entry.delete_rows and not blankable:
                pytest.fail(f"{label}.{name} cannot be blanked: mark it MARK, KEEP or SPECIAL")


def test_the_accommodation_request_and_its_arrangements_go_with_the_application():
    """The request may reveal a disability; the arrangement (and that one exists) says something too: all of it is
    erased when the application is anonymised, none of it kept for the archive."""
    from kortrijk_ats.privacy import UNTIL_ANONYMISED

    fields = REGISTER["candidates.Application"].fields
    for name in ("accommodations", "intake_arrangement", "jury_arrangement", "arrangement_recorded_at"):
        assert (fields[name].on_erasure, fields[name].retention) == (ERASE, UNTIL_ANONYMISED), name


# The rule itself: it must catch a new personal field (or the test above proves nothing).

def test_the_rule_flags_a_new_field_on_a_person_related_model():
    from django.db import models

    from candidates.models import Application

    class ExtraQuestion(models.Model):  # noqa: DJ008
        application = models.ForeignKey(Application, on_delete=models.CASCADE)
        answer = models.CharField(max_length=100)
        kind = models.CharField(max_length=10, choices=[("a", "a")])
        created_at = models.DateTimeField()

        class Meta:
            app_label = "candidates"

    flagged = [f.name for f in ExtraQuestion._meta.concrete_fields
               if looks_personal(ExtraQuestion, f, person_models=person_related_models([*concrete_models(),
                                                                                         ExtraQuestion]))]
    assert flagged == ["answer"]
    assert unregistered_personal_fields([ExtraQuestion]) == ["candidates.ExtraQuestion.answer"]
    apps.all_models["candidates"].pop("extraquestion", None)
    apps.clear_cache()


def test_the_rule_flags_personal_names_anywhere_and_leaves_catalogue_names_alone():
    from django.db import models

    class Catalogue(models.Model):  # noqa: DJ008
        name = models.CharField(max_length=100)
        owner_email = models.EmailField()
        leaflet = models.FileField()
        internal_note = models.TextField()
        description = models.TextField()

        class Meta:
            app_label = "procedures"

    flagged = [f.name for f in Catalogue._meta.concrete_fields
               if looks_personal(Catalogue, f, person_models=set())]
    assert flagged == ["owner_email", "leaflet", "internal_note"]
    apps.all_models["procedures"].pop("catalogue", None)
    apps.clear_cache()
