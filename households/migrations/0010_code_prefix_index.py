# The search box matches a household code by its start (households.search: upper(code) LIKE 'X%'). A btree
# on upper(code) with text_pattern_ops answers that in 0.04 ms at a million households; the trigram (GIN)
# index it replaces took 7-25 ms for the same prefix, on every search by name too (the box ORs both), and
# cost every imported household a GIN update (measured by `scale`, issue 12). PostgreSQL only, like 0006.
from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS hh_code_prefix_idx ON households_household (upper(code) text_pattern_ops)",
    "DROP INDEX IF EXISTS hh_code_search_idx",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS hh_code_search_idx ON households_household USING gin (upper(code) gin_trgm_ops)",
    "DROP INDEX IF EXISTS hh_code_prefix_idx",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("households", "0009_import_job"),
    ]

    operations = [migrations.RunPython(forward, backward)]
