import django.db.models.deletion
from django.db import migrations, models


def fill_current(apps, schema_editor):
    # Rows written before the 2025 reform was loaded: the households had not moved.
    apps.get_model("dashboard", "CommuneYearFigures").objects.update(current_commune=models.F("commune"))


class Migration(migrations.Migration):
    dependencies = [
        ("dashboard", "0001_figures"),
        ("directory", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="communeyearfigures",
            name="current_commune",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE,
                                    related_name="current_dashboard_figures", to="directory.administrativeunit",
                                    verbose_name="xã hiện nay"),
        ),
        migrations.RunPython(fill_current, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="communeyearfigures",
            name="current_commune",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                    related_name="current_dashboard_figures", to="directory.administrativeunit",
                                    verbose_name="xã hiện nay"),
        ),
        migrations.RemoveConstraint(
            model_name="communeyearfigures",
            name="dashboard_figures_unique_commune_year",
        ),
        migrations.AddConstraint(
            model_name="communeyearfigures",
            constraint=models.UniqueConstraint(fields=("commune", "current_commune", "year"),
                                               name="dashboard_figures_unique_commune_year"),
        ),
        migrations.AddIndex(
            model_name="communeyearfigures",
            index=models.Index(fields=["year", "current_commune"], name="dashboard_figures_cur_year_idx"),
        ),
    ]
