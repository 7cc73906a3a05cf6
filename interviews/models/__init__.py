"""The evaluation's models, one module per idea: the intake, the jury round, and what follows the jury.

Every model keeps its app label and table (`interviews`); import them from here."""

from interviews.models.after_jury import FeedbackRequest, MatchInterview, ReserveUnavailability, VacancyProposal
from interviews.models.intake import (
    IntakeAssessment,
    IntakeBooking,
    IntakeBookingQuerySet,
    IntakePolicy,
    IntakeSlot,
    IntakeSlotQuerySet,
    SessionInterviewer,
    UnbookedReminder,
    WaitingForSlot,
    policy_for,
)
from interviews.models.jury import (
    ConflictDeclaration,
    ConsensusScore,
    JuryCandidate,
    JuryMember,
    JuryRound,
    JuryScore,
    Questionnaire,
    QuestionnaireItem,
    QuestionnaireResponse,
    ScoreSheet,
    ScoreSheetEvent,
    private_upload_to,
)

__all__ = [
    "ConflictDeclaration", "ConsensusScore", "FeedbackRequest", "IntakeAssessment", "IntakeBooking",
    "IntakeBookingQuerySet", "IntakePolicy", "IntakeSlot", "IntakeSlotQuerySet", "JuryCandidate", "JuryMember",
    "JuryRound", "JuryScore", "MatchInterview", "Questionnaire", "QuestionnaireItem", "QuestionnaireResponse",
    "ReserveUnavailability", "ScoreSheet", "ScoreSheetEvent", "SessionInterviewer", "UnbookedReminder",
    "VacancyProposal", "WaitingForSlot", "policy_for", "private_upload_to",
]
