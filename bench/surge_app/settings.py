"""Production settings plus one URL: the bare booking view that measures the ceiling."""

from kortrijk_ats.settings import *  # noqa: F403

ROOT_URLCONF = "bench.surge_app.urls"
