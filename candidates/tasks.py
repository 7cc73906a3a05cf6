from celery import shared_task

from candidates.pools import expire_pool_entries as expire


@shared_task
def expire_pool_entries():
    return expire()
