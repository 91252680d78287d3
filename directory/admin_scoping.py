"""Admin pages read and write through the same scope and capabilities as the site.

``ScopedModelAdmin`` limits the change list to ``Model.objects.for_user``, makes
out-of-scope ids a 404 (Django admin shows "does not exist"), narrows foreign-key
choices to rows in scope, and grants add/change/delete only with ``write_cap``.
"""

from django.contrib import admin

from .permissions import Cap, user_can


class ScopedModelAdmin(admin.ModelAdmin):
    write_cap: Cap = Cap.REFERENCE_EDIT

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs.for_user(request.user) if hasattr(qs, "for_user") else qs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related_qs = db_field.related_model._default_manager.all()
        if hasattr(related_qs, "for_user"):
            kwargs["queryset"] = related_qs.for_user(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        related_qs = db_field.related_model._default_manager.all()
        if hasattr(related_qs, "for_user"):
            kwargs["queryset"] = related_qs.for_user(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and user_can(request.user, Cap.VIEW)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request, *args):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_change_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)


class ReadOnlyAdmin(ScopedModelAdmin):
    """Scoped viewing only: writes happen on the site, through the services that keep history
    (or, for derived tables, by recounting)."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScopedInline:
    """Mixin for inlines: same write rule as the parent admin."""

    write_cap: Cap = Cap.REFERENCE_EDIT

    def has_add_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_change_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, Cap.VIEW)
