"""The upgrade path: a database the older seed_kortrijk filled (commit 87242b6, its rows frozen in
tests/procedures/old_seed_data_87242b6.py), migrated forward and seeded by the current seed, shows the vacancy page
a fresh installation shows: every step once, the contract and the place, the employer; no estimate from the old
invented steps; the mails in the bundle's wording. What HR changed stays as HR has it."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from communications.models import MailTemplate
from pay.estimate import public_estimate_available
from procedures import seed_data
from procedures.models import Procedure, ProcedureStep
from tests.conftest import forget_public_pages
from tests.migrations import migrate
from tests.portal_public.test_vacancy_bundle import main_of, paragraphs_and_items, text_of
from tests.portal_public.vacancy import during_the_round
from tests.procedures import old_seed_data_87242b6 as old_seed

pytestmark = pytest.mark.django_db(transaction=True)

# The schema 87242b6 shipped (the other apps' migrations of that commit do not depend on later ones).
OLD_SCHEMA = [("procedures", "0003_vacancy"), ("communications", "0002_mail_due_at_and_labels")]
URL = f"/vacatures/{seed_data.PROCEDURE_SLUG}/"
ESTIMATE = f"/vacatures/{seed_data.PROCEDURE_SLUG}/loon/"
HRS_FAQ = "Bel ons gerust: we helpen je graag verder."
HRS_ENGLISH_MAIL = "Dear {{ candidate_name }},\n\nThank you! Please bring us a recent extract.\n\nHR"
# The mail defaults of 87242b6 (candidates/mail_events.py, offers/mail_events.py), as sync_mail_templates stored them.
OLD_MAILS = {
    "jury_failed": (
        "Beste {{ candidate_name }},\n\nDe jury heeft vastgesteld dat je competenties onvoldoende aansluiten bij de "
        "vacature. Je mag hierover feedback van de jury vragen via {{ portal_url }}\n\nJe kan pas vanaf "
        "{{ welcome_again_on }} opnieuw deelnemen aan deze selectieprocedure. Andere selectieprocedures van stad "
        "Kortrijk staan wel voor je open.\n\nMet vriendelijke groeten,\nHet selectieteam van stad Kortrijk",
        "Dear {{ candidate_name }},\n\nThe jury found that your competencies do not sufficiently match the vacancy. "
        "You may ask the jury for feedback at {{ portal_url }}\n\nYou can take part in this selection procedure again "
        "from {{ welcome_again_on }}. Other selection procedures of the city of Kortrijk remain open to you.\n\nKind "
        "regards,\nThe selection team of the city of Kortrijk",
    ),
    "offer_accepted": (
        "Beste {{ candidate_name }},\n\nFijn dat je het jobaanbod aanvaardt! Nog één stap voor je aanwerving "
        "definitief is: bezorg het selectieteam een uittreksel uit het strafregister, {{ extract_model }}, niet ouder "
        "dan {{ extract_max_age }}. Je vraagt het aan bij je gemeente of via My e-Justice. We bekijken het en geven "
        "het je terug; we bewaren het niet.\n\n{{ offer_url }}\n\nMet vriendelijke groeten,\nHet selectieteam van "
        "stad Kortrijk",
        HRS_ENGLISH_MAIL,  # HR rewrote the English one
    ),
}


def write_old_seed(apps, *, faq):
    """What 87242b6's seed_kortrijk wrote (procedures/management/commands/seed_kortrijk.py, seed_pay.py), with the
    historical models: no seed records, rows matched by name."""
    model = apps.get_model
    function = model("procedures", "Function").objects.create(**old_seed.FUNCTION)
    procedure = model("procedures", "Procedure").objects.create(
        function=function, slug=old_seed.PROCEDURE_SLUG, title=old_seed.PROCEDURE_TITLE, status="open",
        **{**old_seed.PROCEDURE_TEXTS, "faq": faq},
        **{f"contact_{key}": value for key, value in old_seed.CONTACT.items()})
    catalogue = ([(name, "current") for name in old_seed.CURRENT_DIPLOMAS]
                 + [(name, "old") for name in old_seed.OLD_DIPLOMAS] + [(old_seed.FOREIGN_DIPLOMA, "foreign")])
    for position, (name, kind) in enumerate(catalogue, start=1):
        model("procedures", "Diploma").objects.create(procedure=procedure, name=name, kind=kind, position=position)
    for kind, teams in (("wijkteam", old_seed.NEIGHBOURHOOD_TEAMS), ("centraal", old_seed.CENTRAL_TEAMS)):
        for name, description in teams:
            model("procedures", "Team").objects.create(name=name, kind=kind, description=description)
    for position, data in enumerate(old_seed.COMPETENCIES, start=1):
        competency = model("procedures", "Competency").objects.create(
            function=function, name=data.name, definition=data.definition, position=position)
        for indicator_position, text in enumerate(data.indicators, start=1):
            model("procedures", "BehaviouralIndicator").objects.create(competency=competency, text=text,
                                                                        position=indicator_position)
    for day, starts_at, ends_at, label in old_seed.INTAKE_SESSIONS:
        model("procedures", "IntakeSession").objects.create(procedure=procedure, date=day, starts_at=starts_at,
                                                            ends_at=ends_at, label=label)
    scales = {}
    for code, name, amounts in old_seed.PAY_SCALES:
        scales[code] = model("procedures", "PayScale").objects.create(code=code, name=name)
        version = model("procedures", "PayScaleVersion").objects.create(
            scale=scales[code], valid_from=old_seed.PAY_VALID_FROM, illustrative=True,
            source=old_seed.ILLUSTRATIVE_SCALE_SOURCE)
        for years, amount in zip(old_seed.DEMO_STEP_YEARS, amounts, strict=True):
            model("procedures", "PayScaleStep").objects.create(version=version, years=years,
                                                               yearly_amount=Decimal(amount))
    for valid_from, coefficient, source in old_seed.INDEX_COEFFICIENTS:
        model("procedures", "IndexCoefficient").objects.create(valid_from=valid_from,
                                                               coefficient=Decimal(coefficient), source=source)
    model("procedures", "PayRules").objects.create(**old_seed.PAY_RULES)
    for position, (code, years, conditions) in enumerate(old_seed.CAREER, start=1):
        model("procedures", "CareerScale").objects.create(function=function, position=position, scale=scales[code],
                                                          years_in_previous_scale=years, conditions=conditions,
                                                          illustrative=True)
    for event, (body_nl, body_en) in OLD_MAILS.items():
        model("communications", "MailTemplate").objects.create(event=event, subject_nl="Onderwerp", body_nl=body_nl,
                                                               subject_en="Subject", body_en=body_en)


@pytest.fixture
def upgraded():
    """The older seed's database, migrated forward and seeded again; returns the seed's output."""
    old = migrate(OLD_SCHEMA)
    try:
        write_old_seed(old, faq=old_seed.FAQ)
    finally:
        migrate()
    out = StringIO()
    call_command("seed_kortrijk", stdout=out)
    forget_public_pages()
    return out.getvalue()


def test_the_vacancy_page_says_each_step_once_with_the_key_facts_and_the_employer(client, upgraded):
    assert "overgeslagen" not in upgraded and "bestaande overgenomen" in upgraded
    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    assert ProcedureStep.objects.filter(procedure=procedure).count() == len(seed_data.STEPS)
    with during_the_round():  # an open page lists the moments still ahead
        main = main_of(client.get(URL).content.decode())
    page = text_of(main)
    for heading in ("Stap 1: Screening toelatingsvoorwaarden", "Stap 2: Online kennismakingsinterview",
                    "Stap 3: Wachtlijst voor concrete jobinterviews", "Hoe ziet zo’n jobinterview eruit?",
                    "Kortrijk als werkgever", "Visie", "Waarden"):
        assert page.count(heading) == 1, heading
    assert "20/01/26" not in page and page.count("dinsdag 20 januari 2026") == 1
    assert "Contract contract van onbepaalde duur" in page and "Plaats Kortrijk" in page
    # Every paragraph of the bundle's texts once, as on a fresh installation.
    texts = [text for field, text in seed_data.PROCEDURE_TEXTS.items() if field not in ("contract_type", "place")]
    texts += [text for step in seed_data.STEPS for text in (step.text, step.text_after_intake_sessions)]
    for piece in (piece for text in texts for piece in paragraphs_and_items(text)):
        assert page.count(piece) == 1, piece
    # The old seed's invented teams and the generic foreign diploma are gone from the page.
    assert "Wijkteam 1" not in page and old_seed.FOREIGN_DIPLOMA not in page


def test_no_estimate_from_the_old_seeds_invented_steps(client, upgraded):
    procedure = Procedure.objects.select_related("function").get(slug=seed_data.PROCEDURE_SLUG)
    assert not public_estimate_available(procedure.function)
    vacancy = client.get(URL).content.decode()
    assert "Schat je brutoloon" not in vacancy and "Bekijk de volledige loonschalen (kortrijk.be)" in vacancy
    estimate = client.get(ESTIMATE).content.decode()
    assert "fictief" not in estimate.lower() and "€" not in text_of(main_of(estimate))


def test_the_mails_say_the_bundles_words_where_hr_kept_the_old_default(upgraded):
    jury_failed = MailTemplate.objects.get(event="jury_failed")
    assert "De jury heeft vastgesteld dat jouw competenties onvoldoende matchen met de vacatures binnen stad " \
           "Kortrijk of dat je motivatie niet aansluit bij de waarden van de organisatie." in jury_failed.body_nl
    assert "or that your motivation does not fit the values of the organisation" in jury_failed.body_en
    accepted = MailTemplate.objects.get(event="offer_accepted")
    assert "niet ouder dan" not in accepted.body_nl and "{{ extract_age_clause }}" in accepted.body_nl
    assert accepted.body_en == HRS_ENGLISH_MAIL  # HR's own wording stays


def test_texts_hr_changed_stay_as_hr_has_them(client):
    old = migrate(OLD_SCHEMA)
    try:
        write_old_seed(old, faq=HRS_FAQ)
        old.get_model("procedures", "Procedure").objects.update(intro="Onze eigen inleiding.",
                                                                workplace="Onze eigen werkplek.")
    finally:
        migrate()
    call_command("seed_kortrijk", stdout=StringIO())

    procedure = Procedure.objects.get(slug=seed_data.PROCEDURE_SLUG)
    assert (procedure.intro, procedure.faq, procedure.workplace) == (
        "Onze eigen inleiding.", HRS_FAQ, "Onze eigen werkplek.")
    # The unchanged texts follow the current seed; the employer texts stay out where HR's own workplace text may
    # already say them, the key facts come in.
    assert (procedure.procedure_steps, procedure.conditions) == (seed_data.PROCEDURE_STEPS, seed_data.CONDITIONS)
    assert (procedure.employer, procedure.employer_vision, procedure.employer_values) == ("", "", "")
    assert (procedure.contract_type, procedure.place) == (seed_data.CONTRACT_TYPE, seed_data.PLACE)
