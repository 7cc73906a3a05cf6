from celery import shared_task


@shared_task
def send_daily_summaries():
    """Beat: HR's daily summary; thin wrapper around workbench.daily_summary (idempotent per day)."""
    from workbench.daily_summary import send_daily_summaries as send

    return {"queued": send()}
