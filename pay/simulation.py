"""The salary simulation and what it may be asked (for now in pay.calculation)."""

from pay.calculation import (
    MAX_STEPS,
    MAX_YEARS,
    InvalidSalaryInput,
    MissingPayData,
    SalaryError,
    check_date,
    check_regime,
    check_years,
    recognise_seniority,
    scale_step_errors,
    simulate_salary,
)

__all__ = ["MAX_STEPS", "MAX_YEARS", "InvalidSalaryInput", "MissingPayData", "SalaryError", "check_date",
           "check_regime", "check_years", "recognise_seniority", "scale_step_errors", "simulate_salary"]
