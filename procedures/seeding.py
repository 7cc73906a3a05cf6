"""How a seed command writes the rows it owns: once, under a stable key of its own, never over HR's work.

A seed (seed_kortrijk, and any later one) names each row it owns with a key such as "diploma:master-sociaal-werk"
and calls `Seeder.row(key, Model, values=...)`:

- the seed never made that key: the row is created from `values` and a SeedRecord remembers key → row;
- the seed made it and the row still exists: it is left exactly as HR has it (renamed, edited, reordered);
- the seed made it and HR deleted the row: it stays deleted (row() returns None);
- with `refresh=True` (seed_kortrijk --refresh, the explicit way back to the bundle) an existing row gets `values`
  again and a deleted one is created anew.

`adopt` finds the row by its natural key (e.g. {"procedure": p, "name": "..."}), used only while no record exists
for the key: a database filled by an older seed (rows without records) is taken over on the first run instead of
getting duplicates. It may be a list of lookups, tried in order (e.g. by name, then by position, for a row HR
renamed before this seed ran); a row another key already owns is never adopted. `always` names fields written
whenever they differ, even without refresh: for deployment configuration passed to the command (e.g. the contact
person), never for the bundle's content.

A row that cannot be written because it collides with a row HR made (a unique name, say) is skipped and reported,
never half-written: each write runs in its own savepoint.

What the bundle says about another app's rows (the pay app's scale codes) is seeded by that app: it registers a
`part(seeder)` with `register_bundle_part`, and seed_kortrijk runs every part after its own rows, in the same
transaction, so procedures never imports the apps that build on it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from procedures.models import SeedRecord

BUNDLE_PARTS = []


def register_bundle_part(part):
    """Add `part(seeder)`, which writes another app's rows of the bundle through `seeder`, to seed_kortrijk. Returns
    it."""
    if part not in BUNDLE_PARTS:
        BUNDLE_PARTS.append(part)
    return part


class Seeder:
    """Writes a seed's rows by key and counts what it did, so the command can say it and a test can check it."""

    def __init__(self, *, refresh=False):
        self.refresh = refresh
        self.created = 0
        self.updated = 0
        self.adopted = 0
        self.kept_deleted = 0
        self.conflicts = []  # keys whose row collided with one of HR's

    def row(self, key, model, *, values, adopt=None, always=()):
        """The seed's row under `key`: created, adopted, left as HR has it, or rewritten on refresh.
        None when HR deleted it (or when it collides with a row of HR's)."""
        record = SeedRecord.objects.filter(key=key).select_related("content_type").first()
        if record is not None and record.content_type.model_class() is not model:
            raise ValueError(f"Seed key {key!r} belongs to {record.content_type}, not to {model.__name__}.")
        if record is None:
            found = self._adoptable(model, adopt)
            if found is None:
                return self._create(key, model, values, record=None)
            SeedRecord.objects.create(key=key, content_type=ContentType.objects.get_for_model(model),
                                      object_id=found.pk)
            self.adopted += 1
            return self._keep(key, found, values, always)
        found = model.objects.filter(pk=record.object_id).first()
        if found is None:
            if self.refresh:
                return self._create(key, model, values, record=record)
            self.kept_deleted += 1
            return None
        return self._keep(key, found, values, always)

    def _adoptable(self, model, adopt):
        """The first row an `adopt` lookup finds that no key owns yet; None without adopt or without a match."""
        lookups = [adopt] if isinstance(adopt, dict) else list(adopt or ())
        owned = SeedRecord.objects.filter(content_type=ContentType.objects.get_for_model(model)).values("object_id")
        for lookup in lookups:
            found = model.objects.filter(**lookup).exclude(pk__in=owned).order_by("pk").first()
            if found is not None:
                return found
        return None

    def _create(self, key, model, values, *, record):
        try:
            with transaction.atomic():
                created = model.objects.create(**values)
                if record is None:
                    SeedRecord.objects.create(key=key, content_type=ContentType.objects.get_for_model(model),
                                              object_id=created.pk)
                else:
                    SeedRecord.objects.filter(pk=record.pk).update(object_id=created.pk)
        except IntegrityError:
            self.conflicts.append(key)
            return None
        self.created += 1
        return created

    def _keep(self, key, found, values, always):
        """An existing row: HR's as it is, except `always` fields, or the seed's `values` again on refresh."""
        wanted = values if self.refresh else {name: values[name] for name in always if name in values}
        changed = [name for name, value in wanted.items() if getattr(found, name) != value]
        if not changed:
            return found
        old = {name: getattr(found, name) for name in changed}
        for name in changed:
            setattr(found, name, wanted[name])
        try:
            with transaction.atomic():
                found.save(update_fields=changed)
        except IntegrityError:
            for name, value in old.items():
                setattr(found, name, value)
            self.conflicts.append(key)
            return found
        self.updated += 1
        return found

    @property
    def summary(self):
        """What the run did, in Dutch, for the command's output."""
        parts = [f"{self.created} nieuw", f"{self.updated} bijgewerkt"]
        if self.adopted:
            parts.append(f"{self.adopted} bestaande overgenomen")
        parts.append(f"{self.kept_deleted} door HR verwijderd en niet opnieuw aangemaakt")
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} overgeslagen omdat ze botsen met gegevens van HR "
                         f"({', '.join(self.conflicts)})")
        return ", ".join(parts)
