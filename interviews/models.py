"""Evaluation: intake slots and bookings, intake assessments, jury rounds and scores (built step by step)."""
