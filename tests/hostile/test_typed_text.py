"""Text people type: one rule (kortrijk_ats.typed_text), a length the database holds and a Dutch message beyond it.

The rule is tested as properties over any Unicode text; then every form of the project is checked to take its text
through the rule's fields, with a limit; then the back office's model forms, end to end.
"""

import unicodedata
from importlib import import_module

import pytest
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import get_resolver, reverse
from hypothesis import given
from hypothesis import strategies as st

from kortrijk_ats.typed_text import ADMIN_TEXT_MAX, Kind, _TypedTextField, clean_typed_text
from procedures.models import Team
from tests.auth import login_staff
from tests.hostile.hostile import invisible, visible_text

STEERING = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
            "\u200f", "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\x07", "\x1b", "\r", "\n", "\r\n", "\t",
            "\x0b", "\x85", "\u2028", "\u2029"]
ANY_TEXT = (st.text() | st.lists(st.sampled_from(STEERING) | st.text(max_size=4)).map("".join)).map(
    lambda text: text.replace("\x00", ""))  # a NUL is refused in every kind (its own test)


# --- The rule ---------------------------------------------------------------------------------------------------

@given(text=ANY_TEXT, kind=st.sampled_from([Kind.LINE, Kind.TEXT]))
def test_other_text_keeps_every_visible_character_and_loses_what_steers(text, kind):
    cleaned = clean_typed_text(text, kind=kind)
    assert visible_text(cleaned) == visible_text(text)  # nothing a reader sees is lost, in the same order
    kept = "\n\t" if kind is Kind.TEXT else ""
    assert not [c for c in cleaned if invisible(c) and c not in kept]
    assert cleaned == unicodedata.normalize("NFC", cleaned) == cleaned.strip()
    assert clean_typed_text(cleaned, kind=kind) == cleaned  # once is enough


@given(text=ANY_TEXT)
def test_a_name_is_kept_as_typed_or_refused_when_it_holds_an_invisible_character(text):
    try:
        cleaned = clean_typed_text(text, kind=Kind.NAME)
    except ValidationError as refusal:
        assert any(invisible(c) for c in unicodedata.normalize("NFC", text))
        assert refusal.messages == ["Een naam mag geen onzichtbare tekens of stuurtekens bevatten (zoals een "
                                    "tekenrichtingsteken, een teken zonder breedte, een tab of een regeleinde). Typ "
                                    "de naam opnieuw in plaats van hem te plakken."]
    else:
        assert cleaned == unicodedata.normalize("NFC", text).strip()
        assert not any(invisible(c) for c in cleaned)


@pytest.mark.parametrize(("typed", "kind", "kept"), [
    ("Ann\u202eSofie", Kind.LINE, "AnnSofie"),
    ("Grote Markt 1\r\nbus 2", Kind.LINE, "Grote Markt 1 bus 2"),
    ("Lijn 1\r\nLijn 2\rLijn 3\u2028Lijn 4", Kind.TEXT, "Lijn 1\nLijn 2\nLijn 3\nLijn 4"),
    ("Kolom\tkolom\x07\x1b[31m", Kind.TEXT, "Kolom\tkolom[31m"),
    ("Zoe\u0308", Kind.NAME, "Zoë"),
    ("\ufeffDe\u200b Smet", Kind.LINE, "De Smet"),
])
def test_examples_of_the_rule(typed, kind, kept):
    assert clean_typed_text(typed, kind=kind) == kept


@pytest.mark.parametrize("kind", list(Kind))
def test_a_nul_is_refused_in_every_kind(kind):
    with pytest.raises(ValidationError, match="nulteken"):
        clean_typed_text("Ann\x00", kind=kind)


# --- Every form takes its text through the rule, with a limit ---------------------------------------------------

# A field that parses a format of its own (address, link, number, code): its own validation speaks.
STRUCTURED = (forms.EmailField, forms.URLField, forms.SlugField, forms.RegexField, forms.JSONField,
              forms.UUIDField, forms.GenericIPAddressField)
UNLIMITED_HERE = {"NewRoundForm.title", "NewRoundForm.slug", "IntakeMomentForm.label"}  # start_new_round limits them
# Codes and credentials, each checked by its own rule: the staff log-in's one-time code (6 to 8 digits), and the staff
# log-in's name and password (kortrijk_ats/input_limits.py; a password is never normalised).
CODES = {"TokenForm.token", "StaffLoginForm.username", "StaffLoginForm.password"}
# allauth's credentials in the portal's account forms: a password is never normalised (candidates.forms.account limits
# a new one); the sign-up's username field is dropped, as the portal signs up by address (ACCOUNT_SIGNUP_FIELDS).
CREDENTIALS = {"LoginForm.password", "SignupForm.username", "ChangePasswordForm.oldpassword",
               *(f"{form}.{field}" for form in ("ChangePasswordForm", "SetPasswordForm", "ResetPasswordKeyForm")
                 for field in ("password1", "password2"))}


def project_forms():
    get_resolver().url_patterns  # noqa: B018 — imports every view module, so every form class exists
    import_module("candidates.forms.account")  # allauth imports it only when a page first asks (ACCOUNT_FORMS)
    seen, todo = [], [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.split(".")[0] in {"candidates", "interviews", "offers", "pay", "procedures",
                                                     "reports", "communications", "kortrijk_ats"}:
                seen.append(subclass)
    return seen


def plain_text_fields(fields, owner):
    """The text fields that escape the rule: not typed fields, or without a limit."""
    found = []
    for name, field in fields.items():
        if not isinstance(field, forms.CharField) or isinstance(field, STRUCTURED) or field.disabled:
            continue
        label = f"{owner}.{name}"
        if label in CODES or label in CREDENTIALS:
            continue
        if not isinstance(field, _TypedTextField):
            found.append(f"{label}: {type(field).__name__}")
        elif field.max_length is None and label not in UNLIMITED_HERE:
            found.append(f"{label}: no max_length")
    return found


@pytest.mark.django_db
def test_every_form_takes_text_by_the_rule_with_a_limit():
    from interviews.intake.screens.interviewer import AssessmentForm
    from interviews.jury.screens.forms import ItemScoresForm

    class Item:
        key, label = "k", "Onderdeel"

    classes = project_forms()
    assert len(classes) > 20
    # A model form's own fields; those it makes from the model are the back office's (the next test).
    found = [problem for form_class in classes for problem in plain_text_fields(form_class.declared_fields,
                                                                                  form_class.__name__)]
    found += plain_text_fields(AssessmentForm().fields, "AssessmentForm")
    found += plain_text_fields(ItemScoresForm(items=[Item()], scale_min=1, scale_max=5).fields, "ItemScoresForm")
    assert found == []


@pytest.mark.django_db
def test_every_back_office_model_form_takes_text_by_the_rule_with_a_limit(hr):
    request = RequestFactory().get("/admin/")
    request.user = hr
    found, checked = [], 0
    for model, model_admin in admin.site._registry.items():
        admins = [model_admin, *model_admin.get_inline_instances(request)]
        for each in admins:
            inline_args = () if each is model_admin else (None,)
            may_add = each.has_add_permission(request, *inline_args)
            if not (may_add or each.has_change_permission(request)):
                continue  # a page to look at, never a form
            form = each.get_form(request) if each is model_admin else each.get_formset(request).form
            found += plain_text_fields(form.base_fields, f"{model.__name__}/{type(each).__name__}")
            checked += 1
    assert checked > 20 and found == []


@pytest.mark.django_db
def test_a_back_office_text_too_long_or_with_steering_characters_is_explained_or_cleaned(client, hr):
    login_staff(client, hr)
    add = reverse("admin:procedures_team_add")
    data = {"name": "Wijkteam\u202e Noord", "kind": Team.Kind.NEIGHBOURHOOD, "active": "on",
            "description": "x" * (ADMIN_TEXT_MAX + 1), "internal_note": ""}

    refused = client.post(add, data)
    assert refused.status_code == 200 and not Team.objects.exists()
    assert f"Gebruik hoogstens {ADMIN_TEXT_MAX} tekens (nu {ADMIN_TEXT_MAX + 1}): maak de tekst korter." in \
        refused.content.decode()
    assert 'maxlength="' not in refused.content.decode().split('name="name"')[1].split(">")[0]

    saved = client.post(add, {**data, "description": "Regel 1\r\nRegel\u200b 2"})
    assert saved.status_code == 302
    team = Team.objects.get()
    assert (team.name, team.description) == ("Wijkteam Noord", "Regel 1\nRegel 2")
