"""Keyset pagination of the applications list: every page, the first as the oldest, costs one short index scan.

On the default order (newest first, by submitted_at then id) the list pages by the last row seen instead of an
OFFSET, which PostgreSQL would have to walk row by row (page 2,000 of 100,000 applications read 100,000 rows).
Links carry ?na=<key> (older than) or ?nb=<key> (newer than); ?nl=1 is the oldest page. Another sort order
(?o=) or an old ?p= link falls back to Django's numbered pages.
"""

from datetime import datetime

from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, ChangeList
from django.db.models import Q

from candidates.admin_rows import page_rows

AFTER_VAR, BEFORE_VAR, LAST_VAR = "na", "nb", "nl"
KEYSET_VARS = (AFTER_VAR, BEFORE_VAR, LAST_VAR)


def format_key(application):
    return f"{application.submitted_at.isoformat()}_{application.pk}"


def parse_key(value):
    """(submitted_at, id) from a link, or None for a key that is not ours (an edited URL shows the first page)."""
    stamp, _sep, pk = (value or "").rpartition("_")
    try:
        return datetime.fromisoformat(stamp), int(pk)
    except ValueError:
        return None


def older_than(key):
    stamp, pk = key  # the first condition bounds the index range; the second breaks ties within one instant
    return Q(submitted_at__lte=stamp) & (Q(submitted_at__lt=stamp) | Q(pk__lt=pk))


def newer_than(key):
    stamp, pk = key
    return Q(submitted_at__gte=stamp) & (Q(submitted_at__gt=stamp) | Q(pk__gt=pk))


class KeysetChangeList(ChangeList):
    """The admin's change list, paged by key on its default order."""

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for name in KEYSET_VARS:
            lookup_params.pop(name, None)
        return lookup_params

    def keyset_applies(self, request):
        return not ({ORDER_VAR, PAGE_VAR} & set(request.GET)) and not self.show_all

    def get_results(self, request):
        if not self.keyset_applies(request):
            self.keyset = False
            super().get_results(request)
            # Numbered pages skip their OFFSET over bare ids; only the page's rows are joined and annotated.
            pks = list(self.result_list.values_list("pk", flat=True))
            by_pk = page_rows(self.root_queryset.filter(pk__in=pks)).in_bulk()
            self.result_list = [by_pk[pk] for pk in pks if pk in by_pk]  # one erased in between is left out
            return
        self.keyset = True
        per_page = self.list_per_page
        shown = page_rows(self.queryset)
        newest_first, oldest_first = shown.order_by("-submitted_at", "-pk"), shown.order_by("submitted_at", "pk")
        after, before = parse_key(self.params.get(AFTER_VAR)), parse_key(self.params.get(BEFORE_VAR))
        if before is not None:
            rows = list(oldest_first.filter(newer_than(before))[:per_page + 1])
            self.has_newer, self.has_older = len(rows) > per_page, True
            rows = rows[:per_page][::-1]
        elif self.params.get(LAST_VAR):
            rows = list(oldest_first[:per_page + 1])
            self.has_newer, self.has_older = len(rows) > per_page, False
            rows = rows[:per_page][::-1]
        else:
            rows = list((newest_first.filter(older_than(after)) if after else newest_first)[:per_page + 1])
            self.has_newer, self.has_older = after is not None, len(rows) > per_page
            rows = rows[:per_page]
        # The count stays exact (HR reads it before a bulk decision on "all"); it is an index-only scan, not a walk.
        self.result_count = self.queryset.count() if (self.has_newer or self.has_older) else len(rows)
        self.show_full_result_count = self.model_admin.show_full_result_count
        self.full_result_count = self.root_queryset.count() if self.show_full_result_count else None
        self.show_admin_actions = not self.show_full_result_count or bool(self.full_result_count)
        self.result_list = rows
        self.can_show_all = False
        self.multi_page = self.has_newer or self.has_older
        self.paginator = self.model_admin.get_paginator(request, self.queryset, per_page)
        keep = [PAGE_VAR, *KEYSET_VARS]
        self.newest_url = self.get_query_string(remove=keep)
        self.oldest_url = self.get_query_string({LAST_VAR: "1"}, remove=keep)
        self.newer_url = rows and self.get_query_string({BEFORE_VAR: format_key(rows[0])}, remove=keep)
        self.older_url = rows and self.get_query_string({AFTER_VAR: format_key(rows[-1])}, remove=keep)
