from celery import shared_task

from candidates.pools import expire_pool_entries as expire


@shared_task
def expire_pool_entries():
    return expire()


@shared_task
def run_retention():
    """The retention job: thin wrapper around candidates.retention.run_retention."""
    from candidates.retention import run_retention as run

    return vars(run())
