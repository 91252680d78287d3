"""A form renderer that writes Django's plainest widget templates in Python, byte for byte.

Django renders every widget, every ``<option>`` of a select, every label and every (empty) error list
through a template: the household list's filter form (8 fields, ~35 options) took ~5 ms of a 30 ms page
at a million households, more than its SQL. ``FastTemplates`` writes the output of these templates
directly for the context values those templates print unchanged (strings, lazy strings, safe strings):

- ``django/forms/widgets/select.html`` with ``select_option.html`` options,
- ``django/forms/widgets/input.html`` and the templates that only include it (text, search, hidden...),
- ``django/forms/label.html``,
- ``django/forms/errors/list/default.html`` and ``ul.html`` when there is no error.

Anything else (another template, a number or a date to localise, an error to list) goes to Django's own
``DjangoTemplates`` renderer, which this class is. ``tests/test_form_rendering.py`` checks that both give
the same text. A form opts in with ``default_renderer = FAST_TEMPLATES`` (see ``FastRenderedForm``): one
instance per process, as Django's default renderer is (each instance loads its own template engine).
"""

from __future__ import annotations

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData


class _Fallback(Exception):
    """A value the fast path does not print exactly as the template would: use the template."""


def _text(value) -> str:
    """``{{ value }}`` for a string: escaped unless safe. Anything else (numbers and dates are localised by
    the template) falls back."""
    if isinstance(value, (str, Promise)):
        return conditional_escape(value)
    raise _Fallback


def _stringformat(value) -> str:
    """``{{ value|stringformat:'s' }}``: ``"%s" % value``, escaped unless the value was safe (the filter is
    ``is_safe``)."""
    if isinstance(value, tuple):
        raise _Fallback
    try:
        out = "%s" % value  # noqa: UP031 (exactly what the filter does)
    except (ValueError, TypeError):
        raise _Fallback from None
    return out if isinstance(value, SafeData) else escape(out)


def _attrs(attrs) -> str:
    """``django/forms/widgets/attrs.html`` (and ``django/forms/attrs.html``)."""
    if not attrs:
        return ""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_stringformat(value)}"')
    return "".join(parts)


def _input(context) -> str:
    widget = context["widget"]
    value = widget["value"]
    shown = "" if value is None else f' value="{_stringformat(value)}"'
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'


SELECT_OPTION = "django/forms/widgets/select_option.html"


def _select(context) -> str:
    widget = context["widget"]
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option["template_name"] != SELECT_OPTION:
                raise _Fallback
            # the included option template keeps its trailing newline
            parts.append(f'\n  <option value="{_stringformat(option["value"])}"{_attrs(option["attrs"])}>'
                         f'{_text(option["label"])}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _label(context) -> str:
    if not context["use_tag"]:
        return _text(context["label"])
    tag = _text(context["tag"])
    return f'<{tag}{_attrs(context["attrs"])}>{_text(context["label"])}</{tag}>'


def _no_errors(context) -> str:
    if context["errors"]:
        raise _Fallback
    return ""


_INPUT_TEMPLATES = ("input", "text", "search", "hidden", "number", "email", "url", "tel", "password")

FAST = {
    **{f"django/forms/widgets/{name}.html": _input for name in _INPUT_TEMPLATES},
    "django/forms/widgets/select.html": _select,
    "django/forms/label.html": _label,
    "django/forms/errors/list/default.html": _no_errors,
    "django/forms/errors/list/ul.html": _no_errors,
}


class FastTemplates(DjangoTemplates):
    """Django's ``DjangoTemplates`` form renderer, with the templates in ``FAST`` written in Python."""

    def render(self, template_name, context, request=None):
        fast = FAST.get(template_name)
        if fast is not None:
            try:
                # the renderer strips what a template gives; these never start or end with a space
                return fast(context)
            except _Fallback:
                pass
        return super().render(template_name, context, request=request)


FAST_TEMPLATES = FastTemplates()


class FastRenderedForm(forms.Form):
    default_renderer = FAST_TEMPLATES
