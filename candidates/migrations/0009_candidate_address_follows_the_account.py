"""The candidate's address is the account's (candidates.accounts.change_candidate_address): bring the rows made
before that rule in line.

Account mails name their account, so erasure finds them whatever address they went to; a candidate whose account
got another verified address before this rule gets it now, with the mails to them not yet sent.
"""

from django.conf import settings
from django.db import migrations
from django.db.models import Exists, F, OuterRef, Subquery

UNSENT_STATES = ("draft", "queued", "failed")


def follow_the_account_address(apps, schema_editor):
    Candidate = apps.get_model("candidates", "Candidate")
    ContentType = apps.get_model("contenttypes", "ContentType")
    EmailAddress = apps.get_model("account", "EmailAddress")
    Mail = apps.get_model("communications", "Mail")
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    account_type, _ = ContentType.objects.get_or_create(app_label=user_model._meta.app_label,
                                                        model=user_model._meta.model_name)
    owner = EmailAddress.objects.filter(email__iexact=OuterRef("to"))
    (Mail.objects.filter(event="account", content_type__isnull=True).filter(Exists(owner))
     .update(content_type=account_type, object_id=Subquery(owner.values("user_id")[:1])))
    behind = (Candidate.objects.filter(erased_at__isnull=True).exclude(email="").exclude(user__email="")
              .exclude(email__iexact=F("user__email")).select_related("user"))
    for candidate in behind:
        address = candidate.user.email
        if not EmailAddress.objects.filter(user_id=candidate.user_id, email__iexact=address, verified=True,
                                           primary=True).exists():
            continue
        old = candidate.email
        # The old address has no EmailAddress row any more: its account mails are tied to the account here.
        Mail.objects.filter(to__iexact=old, event="account", content_type__isnull=True).update(
            content_type=account_type, object_id=candidate.user_id)
        Mail.objects.filter(to__iexact=old, state__in=UNSENT_STATES).update(to=address)
        Candidate.objects.filter(pk=candidate.pk).update(email=address)


class Migration(migrations.Migration):

    dependencies = [
        ("account", "0009_emailaddress_unique_primary_email"),
        ("candidates", "0008_application_received_on"),
        ("communications", "0003_mail_wordings_from_the_bundle"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(follow_the_account_address, migrations.RunPython.noop)]
