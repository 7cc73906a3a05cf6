from celery import shared_task


@shared_task
def expire_offers():
    """The periodic offer-deadline job: thin wrapper around offers.answers.expire_offers (idempotent)."""
    from offers.answers import expire_offers as expire

    expired, lapsed = expire()
    return {"expired": expired, "lapsed": lapsed}
