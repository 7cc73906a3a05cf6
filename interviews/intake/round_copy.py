"""What a new round of a procedure takes over from interviews (registered with procedures.rounds in apps.py)."""

from interviews.models import IntakePolicy


def copy_intake_policy(old, new):
    """The old round's intake policy (booking cut-off, reminder, no-show rule) for the new round, when it has one;
    without one the new round uses the defaults too."""
    policy = IntakePolicy.objects.filter(procedure=old).first()
    if policy is not None:
        names = [f.attname for f in IntakePolicy._meta.concrete_fields if not f.primary_key and f.name != "procedure"]
        IntakePolicy.objects.create(procedure=new, **{name: getattr(policy, name) for name in names})
