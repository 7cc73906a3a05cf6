from django.db import migrations

# On PostgreSQL the audit trail cannot be edited, not even by a direct UPDATE (deletion follows the application).
FORBID_UPDATE = """
CREATE OR REPLACE FUNCTION candidates_transition_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'candidates_transition is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER candidates_transition_no_update BEFORE UPDATE ON candidates_transition
    FOR EACH ROW EXECUTE FUNCTION candidates_transition_append_only();
"""
ALLOW_UPDATE = """
DROP TRIGGER IF EXISTS candidates_transition_no_update ON candidates_transition;
DROP FUNCTION IF EXISTS candidates_transition_append_only();
"""


def forbid(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORBID_UPDATE)


def allow(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW_UPDATE)


class Migration(migrations.Migration):
    dependencies = [("candidates", "0001_initial")]
    operations = [migrations.RunPython(forbid, allow)]
