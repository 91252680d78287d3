from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "directory"
    verbose_name = "Danh mục dùng chung"

    def ready(self):
        from . import lookups
        from .years import install_admin_boolean_icons, install_admin_year_display

        lookups.install()

        install_admin_year_display()
        install_admin_boolean_icons()
