"""The link beside the function's grade on the public vacancy page: the salary estimate where it is offered, the
city's published scales otherwise.

The estimate is the pay app's (it depends on procedures, never the other way): it registers its rule here when it
starts (pay.apps), so the vacancy page offers the estimate without procedures importing pay.
"""

from procedures import seed_data

# The bundle's link to the city's full scales: what a candidate gets instead of an estimate.
PUBLISHED_SCALES_URL = seed_data.FAQ_URL

_ESTIMATE_URLS = []


def register_salary_estimate(url_for):
    """Add `url_for(procedure)` → the address of the procedure's salary estimate, or None while it is not offered.
    Returns it."""
    if url_for not in _ESTIMATE_URLS:
        _ESTIMATE_URLS.append(url_for)
    return url_for


def salary_estimate_url(procedure):
    """The address of the procedure's salary estimate; None while none is offered (the page links to
    PUBLISHED_SCALES_URL then)."""
    return next((url for url in (url_for(procedure) for url_for in _ESTIMATE_URLS) if url), None)
