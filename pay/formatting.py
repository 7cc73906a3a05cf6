"""The salary simulation in words (for now the words live with the calculation, in pay.calculation)."""

from pay.calculation import date_text, decimal_text, euro, percent, years_text

__all__ = ["date_text", "decimal_text", "euro", "percent", "years_text"]
