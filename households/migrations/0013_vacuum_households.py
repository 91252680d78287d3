from django.db import migrations

# 0012 rewrote households_household (a new stored column): the rewritten table has no visibility map, so
# every index-only scan on it (counts by commune and category, the list's id lists) reads the heap again until
# a VACUUM, and autovacuum is not triggered by a rewrite. VACUUM cannot run in a transaction: this migration is
# not atomic, and skips it when run inside one (a test's atomic block); 2–10 s at a million households.


def vacuum(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) households_household")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ('households', '0012_household_head_name_key'),
    ]

    operations = [
        migrations.RunPython(vacuum, migrations.RunPython.noop),
    ]
