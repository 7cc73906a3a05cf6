"""Uploads kept across a form with errors: a short-lived, per-session stash outside every web root.

A file that passed every check is saved under a generated name in `stash/`; the session holds where it is.
Another session can never reach it, and entries older than STASH_MAX_AGE are forgotten and deleted.
"""

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.core.files.storage import default_storage
from django.utils import timezone

from candidates.uploads import CheckedUpload

SESSION_KEY = "kats_upload_stash"
STASH_DIR = "stash"
STASH_MAX_AGE = timedelta(hours=2)


@dataclass(frozen=True)
class StashedFile:
    path: str
    original_name: str
    content_type: str
    size: int
    stashed_at: str

    def as_checked_upload(self):
        return CheckedUpload(file=default_storage.open(self.path, "rb"), content_type=self.content_type,
                             size=self.size, original_name=self.original_name)


def stash_file(request, *, form_key, field, checked):
    """Keep an accepted upload for this session and form; replaces what was stashed for that field."""
    prune_abandoned_stash()
    checked.file.seek(0)
    path = default_storage.save(f"{STASH_DIR}/{uuid.uuid4().hex}", checked.file)
    entry = StashedFile(path=path, original_name=checked.original_name, content_type=checked.content_type,
                        size=checked.size, stashed_at=timezone.now().isoformat())
    stash = request.session.get(SESSION_KEY, {})
    previous = stash.get(form_key, {}).get(field)
    if previous:
        default_storage.delete(previous["path"])
    stash.setdefault(form_key, {})[field] = asdict(entry)
    request.session[SESSION_KEY] = stash
    return entry


def stashed_files(request, *, form_key):
    """The files this session stashed for the form, per field; expired or vanished ones are dropped."""
    stash = request.session.get(SESSION_KEY, {})
    kept, changed = {}, False
    oldest = timezone.now() - STASH_MAX_AGE
    for field, raw in stash.get(form_key, {}).items():
        entry = StashedFile(**raw)
        if datetime.fromisoformat(entry.stashed_at) < oldest or not default_storage.exists(entry.path):
            default_storage.delete(entry.path)
            changed = True
            continue
        kept[field] = entry
    if changed:
        stash[form_key] = {field: asdict(entry) for field, entry in kept.items()}
        request.session[SESSION_KEY] = stash
    return kept


def clear_stash(request, *, form_key):
    """Forget the form's stash and delete its files (after a successful submit, or when asked)."""
    stash = request.session.get(SESSION_KEY, {})
    if form_key not in stash:
        return  # nothing kept: leave the session untouched (no session write on every submit)
    for raw in stash.pop(form_key).values():
        default_storage.delete(raw["path"])
    request.session[SESSION_KEY] = stash


def prune_abandoned_stash():
    """Delete stashed files past the maximum age (sessions that never came back). Safe to run any time."""
    try:
        _, names = default_storage.listdir(STASH_DIR)
    except FileNotFoundError:
        return
    oldest = timezone.now() - STASH_MAX_AGE
    for name in names:
        path = f"{STASH_DIR}/{name}"
        if default_storage.get_modified_time(path) < oldest:
            default_storage.delete(path)
