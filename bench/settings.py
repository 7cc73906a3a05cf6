"""Production settings plus the bench-only URLs (bare ceiling views, Django's default change list). Never deployed."""

from kortrijk_ats.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
