"""The back office of the evaluation, registered from each package's screens: the intake's (slots, bookings,
interviewers, who waits), the jury's (vacancies, rounds, questionnaires) and what follows the jury."""

from interviews.intake.screens import admin as intake_admin  # noqa: F401
from interviews.jury.screens import admin as jury_admin  # noqa: F401
from interviews.jury.screens import admin_after_jury  # noqa: F401
