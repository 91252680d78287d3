"""Optimistic locking: the one rule for every screen where people edit the same rows.

Each edited model carries ``version`` (a positive integer). A form sends back the
version it loaded (``VersionField``); the service claims the row with a
conditional ``UPDATE ... SET version = version + 1 WHERE pk = … AND version = n``
(``claim_version``). When someone else saved in between, nothing is written and
``ConcurrentEditError`` says what the other save changed (field, value now
saved, value you typed) and asks the user to reload. Pages show that with
``templates/includes/stale_save.html`` (a reload button); the admin gets the
same check through ``VersionedAdminMixin``.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django import forms
from django.contrib.admin.utils import flatten, flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db.models import F
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.formats import date_format

MISSING_VERSION = "Thiếu phiên bản của {what}; hãy tải lại trang rồi lưu lại."


@dataclass(frozen=True)
class Change:
    """One field where the saved row now differs from what the user submitted."""

    label: str
    saved: str
    yours: str

    def __str__(self):
        return f"{self.label}: đang lưu “{self.saved or '(trống)'}”, bạn nhập “{self.yours or '(trống)'}”"


class ConcurrentEditError(ValidationError):
    """Someone else saved the same row since it was loaded: the second save is refused."""

    def __init__(self, message, *, changes: Sequence[Change] = (), **kwargs):
        super().__init__(message, **kwargs)
        self.changes = list(changes)


def display_value(obj, field_name: str) -> str:
    """A value as a person reads it: choice labels, Có/Không, dd/mm/yyyy, 1.500.000."""
    model_field = obj._meta.get_field(field_name)
    value = getattr(obj, field_name)
    if value is None or value == "":
        return ""
    if model_field.choices:
        return str(getattr(obj, f"get_{field_name}_display")())
    if isinstance(value, bool):
        return "Có" if value else "Không"
    # Written out by hand, not with the active locale's formats: a value written where no language is active
    # (a command, a worker) or in another language would be stored as 3,900,000 or 3900000 and 12/31/2024.
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, int) and not field_name.endswith("year") and field_name != "order":
        return vn_number(value)
    return str(value)


def vn_number(value: int) -> str:
    """3900000 -> "3.900.000": the Vietnamese thousands separator, whatever the active locale."""
    return f"{value:,}".replace(",", ".")


def field_changes(saved, yours, fields: Iterable[str]) -> list[Change]:
    """The fields where the saved row and the submitted instance differ, as people read them."""
    changes = []
    for name in fields:
        saved_value, your_value = display_value(saved, name), display_value(yours, name)
        if saved_value != your_value:
            label = str(saved._meta.get_field(name).verbose_name)
            changes.append(Change(label[:1].upper() + label[1:], saved_value, your_value))
    return changes


def conflict_message(what: str, saved=None, changes: Sequence[Change] = ()) -> str:
    when = ""
    updated_at = getattr(saved, "updated_at", None)
    if updated_at:
        when = f" (lúc {date_format(timezone.localtime(updated_at), 'SHORT_DATETIME_FORMAT')})"
    text = (f"{what} vừa được người khác lưu{when} trong lúc bạn đang sửa. Thay đổi của bạn chưa được lưu.")
    if changes:
        text += " Bản đang lưu khác bản của bạn ở: " + "; ".join(str(c) for c in changes) + "."
    return text + " Hãy tải lại trang để xem bản mới nhất rồi nhập lại."


def claim_version(instance, expected_version: int | None, *, what: str, fields: Iterable[str] = (),
                  changes: Callable[[object], list[Change]] | None = None) -> int:
    """Claim ``instance``'s row for this save or raise ``ConcurrentEditError``.

    ``instance`` carries the user's values; on a conflict the message lists where the saved row
    differs from them (``fields``, or the ``changes(saved_row)`` callable for rows with children).
    Sets and returns the new version. Call it inside the save's transaction, before writing.
    """
    if expected_version is None:
        raise ConcurrentEditError(MISSING_VERSION.format(what=what))
    model = type(instance)
    updated = model._base_manager.filter(pk=instance.pk, version=expected_version).update(version=F("version") + 1)
    if updated != 1:
        saved = model._base_manager.filter(pk=instance.pk).first()
        found = []
        if saved is not None:
            found = changes(saved) if changes else field_changes(saved, instance, fields)
        raise ConcurrentEditError(conflict_message(what, saved, found), changes=found)
    instance.version = expected_version + 1
    return instance.version


class VersionField(forms.IntegerField):
    """The version the user loaded; the service refuses the save when the row moved on since."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, **kwargs)


def stale_context(exc: ValidationError) -> dict:
    """Template context for ``includes/stale_save.html`` when a save was refused as stale."""
    if isinstance(exc, ConcurrentEditError):
        return {"stale_changes": exc.changes, "stale": True}
    return {}


# --------------------------------------------------------------------------- admin


class VersionedAdminMixin:
    """Admin change forms of versioned models post the version they loaded; a stale save is refused.

    The check runs in the form's ``clean`` under ``select_for_update`` (the admin's change view is one
    transaction), so the row stays claimed until the save bumps ``version``; the inlines are saved in
    the same transaction, so an edit that only touches an inline still bumps the parent's version.
    """

    def get_form(self, request, obj=None, change=False, **kwargs):
        if not _has_version(self.model):
            return super().get_form(request, obj, change=change, **kwargs)
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"]:  # the fieldsets name it (to render it), but it is not a model-form field
            kwargs["fields"] = [name for name in kwargs["fields"] if name != "version"]
        form = super().get_form(request, obj, change=change, **kwargs)

        class VersionedForm(form):
            version = VersionField()

            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if self.instance.pk:
                    self.fields["version"].initial = self.instance.version

            def clean(self):
                data = super().clean()
                if self.instance.pk:
                    _admin_check_version(self, data.get("version"))
                return data

        VersionedForm.__name__ = form.__name__
        return VersionedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not _has_version(self.model):
            return fieldsets
        named = [name for _, options in fieldsets for name in flatten(options.get("fields", ()))]
        if "version" in named:
            return fieldsets
        first_name, first = fieldsets[0]
        return [(first_name, {**first, "fields": [*first["fields"], "version"]}), *fieldsets[1:]]

    def save_model(self, request, obj, form, change):
        if change and _has_version(type(obj)):
            obj.version = (form.cleaned_data.get("version") or obj.version) + 1
        super().save_model(request, obj, form, change)


def _has_version(model) -> bool:
    return any(f.name == "version" for f in model._meta.concrete_fields)


def _admin_check_version(form, expected: int | None) -> None:
    model = type(form.instance)
    saved = model._base_manager.select_for_update().filter(pk=form.instance.pk).first()
    what = f"{str(model._meta.verbose_name).capitalize()} “{form.instance}”"
    if expected is None:
        raise ValidationError(MISSING_VERSION.format(what=what))
    if saved is not None and saved.version != expected:
        fields = [f.name for f in model._meta.concrete_fields if f.name in form.cleaned_data]
        yours = construct_instance(form, copy.copy(saved), fields=fields)
        changes = field_changes(saved, yours, fields)
        raise ValidationError(conflict_message(what, saved, changes))
