"""Carry the keys of DRF's ``authtoken_token`` (stored in clear) into ApiToken, hashed, then drop that table.

A carried key keeps working (its digest is what is looked up). Raw SQL: ``rest_framework.authtoken`` is no
longer installed, so its model cannot be loaded. Its rows in ``django_migrations`` go too, so that installing it
again would create its table afresh.
"""

import hashlib

from django.db import migrations

CARRIED_NAME = "Mã cũ (trước khi lưu dạng băm)"


def carry(apps, schema_editor):
    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("api", "ApiToken")
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id, created FROM authtoken_token")
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        token = ApiToken.objects.create(user_id=user_id, name=CARRIED_NAME, prefix=key[:8],
                                        digest=hashlib.sha256(key.encode("utf-8")).hexdigest())
        ApiToken.objects.filter(pk=token.pk).update(created=created)  # auto_now_add set it to now
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE authtoken_token")
        cursor.execute("DELETE FROM django_migrations WHERE app = 'authtoken'")


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    # Not reversible: the clear keys are gone (that is the point).
    operations = [migrations.RunPython(carry, migrations.RunPython.noop)]
