# The single successor FK was copied into UnitSuccession by 0002 (a separate migration, so that
# PostgreSQL has no pending foreign-key checks when the column is dropped).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0002_unit_periods_lineage"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="administrativeunit",
            name="successor",
        ),
    ]
