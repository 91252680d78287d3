import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html

from .models import Plan, Task


class PlanTable(tables.Table):
    caption = "Danh sách kế hoạch"
    code = tables.Column("Mã", linkify=True)
    number = tables.Column("Số văn bản", default="(dự thảo)")
    title = tables.Column("Trích yếu", linkify=True)
    unit = tables.Column("Đơn vị ban hành", order_by=("unit__path",))
    period = tables.Column("Thời kỳ", accessor="period_label", order_by=("first_year", "last_year"))
    issue_date = tables.DateColumn(format="d/m/Y", verbose_name="Ngày ban hành", default="—")

    class Meta:
        model = Plan
        fields = ("code", "number", "title", "kind", "unit", "period", "issue_date")
        order_by = ("-last_year",)
        attrs = {"class": "plans"}
        template_name = "django_tables2/captioned.html"
        empty_text = "Chưa có kế hoạch nào trong phạm vi của bạn."


class TaskTable(tables.Table):
    caption = "Nhiệm vụ được giao cho cơ quan của bạn"
    text = tables.Column("Nhiệm vụ", linkify=("plans:task_detail", {"pk": tables.A("pk")}))
    plan = tables.Column("Kế hoạch", accessor="plan__code", linkify=lambda record: record.plan.get_absolute_url())
    agency = tables.Column("Cơ quan", order_by=("agency__name",))
    role = tables.Column("Vai trò")
    deadline = tables.Column("Thời hạn", accessor="due_date", default="—")
    status = tables.Column("Trạng thái")

    class Meta:
        model = Task
        fields = ("text", "plan", "agency", "role", "deadline", "status")
        order_by = ("due_date",)
        template_name = "django_tables2/captioned.html"
        empty_text = "Chưa có nhiệm vụ nào được giao cho cơ quan của bạn."

    def render_text(self, value):
        return value if len(value) <= 160 else value[:157] + "…"

    def render_deadline(self, record):
        label = record.deadline_label or "—"
        if record.is_overdue(timezone.localdate()):
            return format_html('{} <span class="badge badge-red">quá hạn</span>', label)
        return label

    def render_status(self, record):
        css = {"hoan_thanh": "badge-green", "dang_thuc_hien": "badge-blue", "huy": ""}.get(record.status, "badge-amber")
        return format_html('<span class="badge {}">{}</span>', css, record.get_status_display())
