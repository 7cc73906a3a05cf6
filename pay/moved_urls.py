"""The pay pages moved from /admin/procedures/ to /admin/pay/ when pay became its own app (procedures/0015): HR's
bookmarks of the old addresses still arrive, permanently redirected with their query. Included before the admin."""

from django.urls import re_path
from django.views.generic import RedirectView

MOVED_MODELS = ("payscale", "payscaleversion", "indexcoefficient", "payrules", "functionpay")

urlpatterns = [re_path(rf"^(?P<model>{'|'.join(MOVED_MODELS)})/(?P<rest>.*)$",
                       RedirectView.as_view(url="/admin/pay/%(model)s/%(rest)s", permanent=True, query_string=True))]
