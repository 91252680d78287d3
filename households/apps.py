from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "households"
    verbose_name = "Hộ gia đình và rà soát"

    def ready(self):
        from django.db.backends.signals import connection_created

        from directory.signals import lineage_changed

        from .search import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="households.register_sqlite_fold")

        from .rehoming import rehome_after_unit_load

        lineage_changed.connect(rehome_after_unit_load, dispatch_uid="households.rehome_after_unit_load")
