import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kortrijk_ats.settings")

app = Celery("kortrijk_ats")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
