"""Evaluation: the intake (`intake/`) and the jury step (`jury/`), over one set of models (`models/`).

The jury may use the intake (its calendar invitation, its mail helper), never the reverse; each package keeps its
screens in its own `screens` sub-package. `admin.py`, `urls.py` and `tasks.py` gather both packages' screens
and jobs for Django and Celery.
"""
