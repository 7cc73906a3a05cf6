"""What a person answers when applying (their personal data, the diploma, experience, motivation and documents),
and the procedure's rules for those answers."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from candidates.models import Document

MAX_EXPERIENCE_YEARS = Decimal(50)

# The form field that carries each kind of document.
DOCUMENT_FIELDS = {
    Document.Kind.DIPLOMA: "diploma_file",
    Document.Kind.EQUIVALENCE: "equivalence_file",
    Document.Kind.CV: "cv_file",
}


class ApplicationInvalid(Exception):
    """The answers break a rule of the procedure; `errors` maps form field names to Dutch messages."""

    def __init__(self, errors):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class PersonalData:
    first_name: str
    last_name: str
    phone: str
    street: str
    postal_code: str
    city: str
    birth_date: date


@dataclass(frozen=True)
class Answers:
    diploma: object  # procedures.Diploma or None
    diploma_detail: str = ""
    years_public_sector: Decimal = Decimal(0)
    years_private_sector: Decimal = Decimal(0)
    motivation: str = ""
    accommodations: str = ""
    privacy_acknowledged: bool = False


def application_errors(procedure, *, answers, document_kinds):
    """The procedure's rules for the answers, as {form field: Dutch message}. Empty when all is well."""
    errors = {}
    diploma = answers.diploma
    if diploma is None:
        errors["diploma"] = _("Kies je diploma uit de lijst.")
    elif diploma.procedure_id != procedure.pk:
        errors["diploma"] = _("Dit diploma geeft geen toegang tot deze functie. Kies een diploma uit de lijst; "
                              "zonder een van die diploma’s kan je niet solliciteren.")
    if Document.Kind.DIPLOMA not in document_kinds:
        errors["diploma_file"] = _("Voeg een kopie van je diploma toe (PDF, JPEG of PNG, hoogstens 10 MB).")
    if diploma is not None and diploma.needs_equivalence:
        if Document.Kind.EQUIVALENCE not in document_kinds:
            errors["equivalence_file"] = _("Voor een buitenlands diploma heb je een gelijkwaardigheidsattest "
                                           "nodig. Voeg het toe (PDF, JPEG of PNG, hoogstens 10 MB).")
        if not answers.diploma_detail.strip():
            errors["diploma_detail"] = _("Vul de naam van je buitenlandse diploma in, zoals het op het diploma "
                                         "staat.")
    if procedure.cv_required and Document.Kind.CV not in document_kinds:
        errors["cv_file"] = _("Voeg je cv toe (PDF, hoogstens 10 MB).")
    if procedure.motivation_required and not answers.motivation.strip():
        errors["motivation"] = _("Schrijf in een paar zinnen waarom je deze job wil doen.")
    for field in ("years_public_sector", "years_private_sector"):
        years = getattr(answers, field)
        if years is None or not (0 <= years <= MAX_EXPERIENCE_YEARS):
            errors[field] = _("Vul een aantal jaren in tussen 0 en 50 (bv. 2 of 3,5). Geen ervaring? Vul 0 in.")
    if not answers.privacy_acknowledged:
        errors["privacy_acknowledged"] = _("Bevestig dat je de privacyverklaring gelezen hebt.")
    return errors
