"""Idempotent writes for seed_demo's fictitious rows: find a row by its natural key, create it when missing.

Not for the bundle's data: seed_kortrijk owns its rows by key through procedures.seeding.Seeder, so that a row HR
renamed or deleted is never created again.
"""


class Upserter:
    """Creates missing rows; leaves existing rows as HR edited them unless asked to refresh.

    Counts what it created and changed, so a second run can report (and a test can check) that nothing changed.
    """

    def __init__(self, *, refresh=False):
        self.refresh = refresh
        self.created = 0
        self.updated = 0

    def upsert(self, model, *, lookup, values, always=()):
        """The row with natural key `lookup`. `values` are written on create, and on refresh when they differ;
        fields named in `always` are written whenever they differ (configuration that must win)."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            self.created += 1
            return model.objects.create(**lookup, **values)
        wanted = values if self.refresh else {name: values[name] for name in always if name in values}
        changed = [name for name, value in wanted.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, wanted[name])
            obj.save(update_fields=changed)
            self.updated += 1
        return obj

    @property
    def summary(self):
        return f"{self.created} nieuw, {self.updated} bijgewerkt"
