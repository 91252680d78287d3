from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        # Tokens are managed by their owners on the profile page (accounts), not in the admin: DRF's admin
        # would list every user's secret in English.
        from django.contrib import admin
        from rest_framework.authtoken.models import Token, TokenProxy

        for model in (Token, TokenProxy):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
