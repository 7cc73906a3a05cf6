"""The jury forms' markup (crispy-forms with templates/bootstrap5/ and the jury's own item fieldset): what a juror, the
chair and a candidate using a screen reader rely on. The browser tests find these fields by label and run axe."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from interviews.jury.conflicts import declare_conflict
from interviews.jury.parts import items_for
from interviews.models import JuryRound, Questionnaire, QuestionnaireItem
from procedures.models import Competency
from tests.auth import login_staff
from tests.jury.helpers import compose_jury, open_round, score_all, waitlisted
from tests.jury.rounds import decide

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    login_staff(client, user)
    return client


def tag(html, element_id):
    """The opening tag of the element with this id."""
    found = re.search(rf'<[a-z]+\b[^>]*\sid="{re.escape(element_id)}"[^>]*>', html)
    assert found, element_id
    return found.group(0)


def item_fieldset(html, legend):
    """The score sheet's fieldset whose legend is `legend`, whole (it holds the score's own fieldset)."""
    found = re.search(rf'<fieldset class="score-item[^>]*>\s*<legend class="h5">{re.escape(legend)}</legend>'
                      r"(?:(?!<fieldset class=\"score-item).)*", html, re.S)
    assert found, legend
    return found.group(0)


def test_each_item_of_the_score_sheet_is_a_fieldset_with_its_anchors_its_score_group_and_its_evidence(jury):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    declare_conflict(leader, ann, has_conflict=False)
    html = client_for(leader.user).get(reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid])).content \
        .decode()
    items = items_for(jury_round)
    first = items[0]
    block = item_fieldset(html, first.label)
    # The definition and the behavioural indicators are shown, and describe the item's fieldset.
    assert block.startswith(f'<fieldset class="score-item mb-4" aria-describedby="anker-{first.key}">')
    anchors = re.search(rf'<div id="anker-{first.key}" class="form-text mb-2">(.*?)</div>', block, re.S).group(1)
    assert first.definition in anchors and "Gedragsindicatoren" in anchors
    assert all(f"<li>{indicator}</li>" in anchors for indicator in first.indicators)
    # The score: a group of radio buttons in its own fieldset, named "Score <item>" (the item for screen readers).
    assert f'<fieldset id="div_id_value_{first.key}" class="mb-3">' in block
    assert (f'<legend class="form-label fs-6">Score<span class="visually-hidden"> {first.label}</span></legend>'
            in block)
    radios = re.findall(rf'<input type="radio" name="value_{first.key}"[^>]*>', block)
    assert len(radios) == jury_round.scale_max - jury_round.scale_min + 1
    assert f'<label for="id_value_{first.key}_0" class="form-check-label">1</label>' in block
    assert "form-check-inline" in block
    assert re.search(rf'<label for="id_text_{first.key}" class="form-label">Onderbouwing {first.label.lower()}</label>',
                     block)
    # A competency without indicators says so; a part that is no competency has no anchors.
    innovation = next(item for item in items if item.label == "Innovatie en creativiteit")
    assert "geeft voor deze competentie geen gedragsindicatoren" in item_fieldset(html, innovation.label)
    motivation = item_fieldset(html, "Motivatie")
    assert motivation.startswith('<fieldset class="score-item mb-4">') and "anker-" not in motivation


def test_a_refused_score_sheet_links_each_reason_to_its_field_and_keeps_what_was_entered(jury):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    declare_conflict(leader, ann, has_conflict=False)
    items = items_for(jury_round)
    data = {f"value_{item.key}": "4" for item in items} | {f"text_{item.key}": "Gezien." for item in items[:-1]}
    response = client_for(leader.user).post(reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid]),
                                            data | {"action": "submit"})
    assert response.status_code == 400
    html = response.content.decode()
    last = items[-1].key
    evidence = tag(html, f"id_text_{last}")
    assert 'aria-invalid="true"' in evidence and f'aria-describedby="id_text_{last}_error"' in evidence
    assert re.search(rf'<div id="id_text_{last}_error" class="invalid-feedback d-block">.*de onderbouwing is '
                     r"verplicht", html, re.S)
    assert f'<a href="#id_text_{last}">Onderbouwing' in html  # the summary on top links to the field
    assert "checked" in tag(html, f"id_value_{items[0].key}_3")  # the 4 stays chosen


def test_an_item_name_is_shown_as_text_never_read_as_markup_or_a_template(jury, procedure):
    jury_round, (ann, _bert), _chair, leader, _external = jury
    Competency.objects.filter(function=procedure.function, position=0).update(name="<b>Klant</b> {{ request }}")
    declare_conflict(leader, ann, has_conflict=False)
    html = client_for(leader.user).get(reverse("interviews:jury_candidate", args=[jury_round.pk, ann.uid])).content \
        .decode()
    assert '<legend class="h5">&lt;b&gt;Klant&lt;/b&gt; {{ request }}</legend>' in html
    assert "<b>Klant</b>" not in html


def test_the_chairs_consensus_cells_name_the_item_and_link_their_errors(jury):
    jury_round, (ann, _bert), chair, leader, external = jury
    for member in (chair, leader, external):
        score_all(member, ann, 4)
    items = items_for(jury_round)
    url = reverse("interviews:jury_consensus", args=[jury_round.pk, ann.uid])
    data = {f"value_{item.key}": "4" for item in items} | {f"text_{item.key}": "Eens." for item in items[1:]}
    response = client_for(chair.user).post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    first = items[0]
    assert (f'<label for="id_value_{first.key}" class="form-label">Consensusscore'
            f'<span class="visually-hidden"> {first.label}</span></label>') in html
    pick_list = re.search(rf'<select name="value_{first.key}" class="form-select"[^>]*>(.*?)</select>', html, re.S)
    assert re.findall(r'<option value="(\d*)"', pick_list.group(1)) == ["", "1", "2", "3", "4", "5"]
    assert '<option value="4" selected>' in pick_list.group(1)
    reason = tag(html, f"id_text_{first.key}")
    assert 'aria-invalid="true"' in reason and f'aria-describedby="id_text_{first.key}_error"' in reason
    assert (f'<label for="id_text_{first.key}" class="form-label">Motivering'
            f'<span class="visually-hidden"> {first.label}</span></label>') in html
    assert re.search(rf'<div id="id_text_{first.key}_error" class="invalid-feedback d-block">.*motivering nodig',
                     html, re.S)


def test_the_chair_reopens_a_submitted_sheet_through_a_form_named_after_its_juror(jury):
    jury_round, (ann, _bert), chair, leader, external = jury
    score_all(leader, ann, 4)
    score_all(external, ann, 4, submit=False)
    html = client_for(chair.user).get(reverse("interviews:jury_consensus", args=[jury_round.pk, ann.uid])).content \
        .decode()
    section = re.search(r'<section class="mt-4" aria-labelledby="heropenen">.*?</section>', html, re.S).group(0)
    sheet = leader.sheets.get()
    assert section.count("<form ") == 1  # only the submitted sheet can be reopened
    assert (f'<label for="reden-{sheet.pk}-reason" class="form-label">Reden om de scores van '
            f'<bdi>{leader.display_name}</bdi> te heropenen</label>') in section
    assert 'name="reason"' in tag(section, f"reden-{sheet.pk}-reason")


def test_the_questionnaire_numbers_each_statement_as_the_legend_of_its_options(procedure):
    questionnaire = Questionnaire.objects.create(name="Werkstijl")
    calm = QuestionnaireItem.objects.create(questionnaire=questionnaire, position=1, trait="stressbestendigheid",
                                            text="Ik blijf rustig als het druk wordt.")
    busy = QuestionnaireItem.objects.create(questionnaire=questionnaire, position=2, trait="stressbestendigheid",
                                            text="Drukte maakt me nerveus.", reverse_scored=True)
    ann = waitlisted(procedure, first_name="Ann", last_name="Aerts")
    compose_jury(open_round(procedure, questionnaire=questionnaire))
    client = Client()
    client.force_login(ann.candidate.user, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(reverse("interviews:questionnaire", args=[ann.public_id]), {f"item_{calm.pk}": "4"})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'<legend class="form-label fs-6 requiredField">1\. Ik blijf rustig als het druk wordt\.'
                     r'<span class="asteriskField" aria-hidden="true">\*</span></legend>', html)
    assert f'<fieldset id="div_id_item_{busy.pk}" class="mb-3" aria-describedby="id_item_{busy.pk}_error">' in html
    assert re.search(rf'<div id="id_item_{busy.pk}_error" class="invalid-feedback d-block">.*Kies een antwoord',
                     html, re.S)
    assert f'<a href="#id_item_{busy.pk}_0">2. Drukte maakt me nerveus.: Kies een antwoord.</a>' in html
    assert "checked" in tag(html, f"id_item_{calm.pk}_3")
    assert f'<label for="id_item_{calm.pk}_4" class="form-check-label">5 (helemaal akkoord)</label>' in html
    assert html.count("form-check form-check-inline") == 10


def test_a_juror_approves_the_pv_by_its_labelled_checkbox(jury):
    jury_round = decide(jury, approve=False)
    _round, _candidates, _chair, leader, _external = jury
    client = client_for(leader.user)
    url = reverse("interviews:jury_pv", args=[jury_round.pk])
    html = client.get(url).content.decode()
    assert 'type="checkbox" name="confirm"' in tag(html, "id_confirm")
    assert re.search(r'<label for="id_confirm" class="form-check-label requiredField">Ik las dit proces-verbaal en '
                     r'keur het goed\.<span class="asteriskField" aria-hidden="true">\*</span></label>', html)
    refused = client.post(url, {}, follow=True).content.decode()
    assert "Vink aan dat je het PV gelezen hebt en goedkeurt." in refused
    leader.refresh_from_db()
    assert leader.pv_approved_at is None
    client.post(url, {"confirm": "on"})  # what a browser sends for the ticked box
    leader.refresh_from_db()
    assert leader.pv_approved_at is not None
    assert JuryRound.objects.get(pk=jury_round.pk).status == JuryRound.Status.DECIDED  # the others still approve
