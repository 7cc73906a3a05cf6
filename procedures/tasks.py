from celery import shared_task


@shared_task
def open_and_close_procedures():
    """The periodic application-period job: thin wrapper around procedures.application_period (idempotent)."""
    from procedures.application_period import open_and_close_procedures as move

    opened, closed = move()
    return {"opened": opened, "closed": closed}
