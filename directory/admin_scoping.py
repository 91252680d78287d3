"""Admin pages read and write through the same scope and capabilities as the site.

``ScopedModelAdmin`` limits the change list to ``Model.objects.for_user``, makes
out-of-scope ids a 404 (Django admin shows "does not exist") and grants
add/change/delete only with ``write_cap``. ``ScopedInline`` does the same for
inlines. Both take their form-field choices from ``ScopedChoicesMixin``: the one
rule that every foreign-key and many-to-many field pointing at a scoped model
(one whose queryset has ``for_user``) offers, and accepts, only rows in the
user's scope. A choice posted from outside the scope is "not one of the
available choices", whichever admin page or inline it came through. Models with a
``version`` get the optimistic lock of ``directory.concurrency`` on their change form.
"""

from django.contrib import admin

from .concurrency import VersionedAdminMixin
from .permissions import Cap, user_can


def scoped_choices(related_model, user):
    """The rows of ``related_model`` a form may offer ``user``, or ``None`` if the model is not scoped."""
    related_qs = related_model._default_manager.all()
    return related_qs.for_user(user) if hasattr(related_qs, "for_user") else None


class ScopedChoicesMixin:
    """Narrow every relation field's choices to the user's scope (model admins and inlines alike)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        queryset = scoped_choices(db_field.related_model, request.user)
        if queryset is not None:
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        queryset = scoped_choices(db_field.related_model, request.user)
        if queryset is not None:
            kwargs["queryset"] = queryset
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedModelAdmin(ScopedChoicesMixin, VersionedAdminMixin, admin.ModelAdmin):
    write_cap: Cap = Cap.REFERENCE_EDIT

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs.for_user(request.user) if hasattr(qs, "for_user") else qs

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


class ScopedInline(ScopedChoicesMixin):
    """Mixin for inlines: same write rule and the same scoped choices as a model admin."""

    write_cap: Cap = Cap.REFERENCE_EDIT

    def has_add_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_change_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, self.write_cap)

    def has_view_permission(self, request, obj=None):
        return request.user.is_staff and user_can(request.user, Cap.VIEW)
