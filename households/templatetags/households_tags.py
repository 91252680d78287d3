import html
import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from households.models import ReviewStatus
from households.tables import category_badge as _category_badge

register = template.Library()

STATUS_BADGES = {
    ReviewStatus.DRAFT: "", ReviewStatus.SUBMITTED: "badge-blue", ReviewStatus.APPROVED: "badge-green",
    ReviewStatus.RETURNED: "badge-red",
}


@register.filter
def category_badge(value):
    return _category_badge(value)


@register.filter
def status_badge(value):
    if not value:
        return ""
    return format_html('<span class="badge {}">{}</span>', STATUS_BADGES.get(value, ""), ReviewStatus(value).label)


@register.filter
def yes_no(value):
    return "Có" if value else "Không"


@register.filter
def abs_value(value):
    return abs(value) if value is not None else value


@register.filter
def intdot(value):
    """1500000 → "1.500.000", whatever the page's localisation (the review form turns it off for inputs)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


_COMMA_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+")


@register.filter
def vn_grouping(value):
    """A history value stored as "3,900,000" (written where English formats were active) reads 3.900.000."""
    if isinstance(value, str) and _COMMA_GROUPED.fullmatch(value):
        return value.replace(",", ".")
    return value


@register.simple_tag
def queue_row(review, household_url=None):
    """One row of the approval queue (50 a page): the same HTML its template gave, built here because the
    template engine spent a third of a millisecond per row resolving its forty-odd variables. Every value
    from the database goes through ``_esc`` (what the template's autoescape did). ``household_url``: the
    page's ``households.tables.household_url_maker()`` (one ``reverse()`` a page instead of one a row)."""
    household, change = review.household, review.change
    url = _esc(household_url(household.pk) if household_url else household.get_absolute_url())
    pk, code = review.pk, _esc(household.code)
    if change.is_new:
        change_cell = '<span class="muted">Chưa có kết quả được duyệt năm trước</span>'
    else:
        if change.category_changed:
            moved = f"<strong>{_esc(change.previous_category_label)} → {_esc(review.get_category_display())}</strong>"
        else:
            moved = f"Vẫn {_esc(change.previous_category_label.lower())}"
        delta = added = removed = ""
        if change.income_delta:
            sign = "+" if change.income_delta > 0 else "−"
            delta = f"<br>Thu nhập {sign}{intdot(abs(change.income_delta))}"
        if change.added:
            added = f"<br>Thêm thiếu hụt: {', '.join(_esc(name) for name in change.added)}"
        if change.removed:
            removed = f"<br>Hết thiếu hụt: {', '.join(_esc(name) for name in change.removed)}"
        change_cell = (f"\n      {moved}\n      {delta}\n      {added}\n      {removed}\n      "
                       f'<br><span class="muted">so với {change.previous_year}</span>')
    causes = "; ".join(_esc(cause.name) for cause in review.causes.all())
    submitter = _esc(review.submitted_by) if review.submitted_by else ""
    if review.submitted_at:
        day = template_localtime(review.submitted_at).strftime("%d/%m/%Y")  # the date filter's "d/m/Y"
        submitter += f'<br><span class="muted">{day}</span>'
    income = intdot(review.income_per_capita)  # what the localisation wrote, without its per-call lookups
    return mark_safe(  # noqa: S308 - every value above is escaped
        f'\n    <tr><td class="pick"><label class="pick-area"><input type="checkbox" name="review" value="{pk}" '
        f'aria-label="Chọn hộ {code}"></label></td>\n'
        f'    <td data-label="Xã">{_esc(review.commune.display_name)}</td>'
        f'<td data-label="Thôn" data-minor>{_esc(household.village)}</td>\n'
        f'    <td data-label="Mã hộ"><a href="{url}">{code}</a></td>\n'
        f'    <td data-label="Chủ hộ">{_esc(household.head_name)}<br>'
        f'<a class="small" href="{url}#review-{pk}">Xem phiếu #{pk}</a></td>\n'
        f'    <td data-label="Năm" data-minor>{review.year}</td>'
        f'<td data-label="Đợt" data-minor>{_esc(review.get_round_display())}</td>\n'
        f'    <td class="num" data-label="Thu nhập BQ" data-minor>{income}</td><td class="num" '
        f'data-label="Số chỉ số thiếu hụt" data-minor>{review.deprivation_count}</td>'
        f'<td data-label="Phân loại">{_category_badge(review.category)}<br>'
        f'<span class="muted">{_esc(review.standard.label)}</span></td>\n'
        f'    <td data-label="Thay đổi so với năm trước" class="change">{change_cell}</td>\n'
        f'    <td data-label="Nguyên nhân" data-minor>{causes}</td><td data-label="Người nộp" data-minor>{submitter}'
        "</td></tr>\n  "
    )


def _esc(value) -> str:
    """Django's ``escape`` (the template's autoescape) without its lazy-string wrapper: a queue page calls it
    a thousand times."""
    return html.escape(str(value))
