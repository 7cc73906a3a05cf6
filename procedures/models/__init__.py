"""What is recruited for, one module per idea: functions, procedures with their steps and application days,
diplomas, the function descriptions and competencies, intake sessions, teams and concrete vacancies, and the seed's
own rows. What a function pays lives in the pay app (pay.models).

Every model keeps its app label and table (`procedures`); import them from here."""

from procedures.models.competencies import (
    BehaviouralIndicator,
    Competency,
    FunctionDescription,
    FunctionDescriptionQuerySet,
)
from procedures.models.diplomas import Diploma, shortened_diploma_name
from procedures.models.functions import Function
from procedures.models.help_texts import INTERNAL_NOTE_HELP, PLAIN_TEXT_HELP
from procedures.models.intake_sessions import DAY_WITHOUT_HOURS_TWICE, IntakeSession, intake_moment_key
from procedures.models.procedures import Procedure, ProcedureQuerySet, ProcedureStep, application_period_errors
from procedures.models.seed_records import SeedRecord
from procedures.models.teams_and_vacancies import Team, Vacancy

__all__ = [
    "DAY_WITHOUT_HOURS_TWICE", "INTERNAL_NOTE_HELP", "PLAIN_TEXT_HELP", "BehaviouralIndicator", "Competency",
    "Diploma", "Function", "FunctionDescription", "FunctionDescriptionQuerySet", "IntakeSession", "Procedure",
    "ProcedureQuerySet", "ProcedureStep", "SeedRecord", "Team", "Vacancy", "application_period_errors",
    "intake_moment_key", "shortened_diploma_name",
]
