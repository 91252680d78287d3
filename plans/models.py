"""Plans (kế hoạch / văn bản chỉ đạo) and what hangs off them.

A plan is issued by one administrative unit (``Plan.unit``); every row below a
plan is scoped through ``plan__unit``, so a user sees a plan and its targets,
projects, tasks, quota tables and support assignments exactly when the issuing
unit is in their scope. Tasks narrow further: agency staff see only their own
agency's tasks (``TaskQuerySet.for_user``).
"""

from __future__ import annotations

import os
import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from directory.models import AdministrativeUnit, Agency, Role, TimeStampedModel
from directory.scoping import ScopedQuerySet, scope_for
from directory.storage import PrivateStorage


def format_number(value) -> str:
    """2500 -> "2.500", Decimal("2.150") -> "2,15": Vietnamese separators, no trailing zeros."""
    if value is None:
        return ""
    if type(value) is int:  # the common case (counts: a province dashboard formats ~1,200): no Decimal round trip
        return f"{value:,}".replace(",", ".")
    text = repr(value) if type(value) is float else ""
    if text and "e" not in text and "n" not in text:  # a rate: its shortest repr without the trailing zeros,
        text = text.rstrip("0").rstrip(".")  # what Decimal(repr).normalize() gives (no exponent, nan or inf)
    else:
        text = f"{Decimal(str(value)).normalize():f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{frac}" if frac else f"{sign}{whole}"


# --------------------------------------------------------------------------- plans


class PlanKind(models.TextChoices):
    PLAN = "ke_hoach", "Kế hoạch"
    DECISION = "quyet_dinh", "Quyết định"
    DIRECTIVE = "chi_thi", "Chỉ thị"
    RESOLUTION = "nghi_quyet", "Nghị quyết"
    CONCLUSION = "ket_luan", "Kết luận"
    PROGRAMME = "chuong_trinh", "Chương trình"
    OTHER = "khac", "Văn bản khác"


class PlanQuerySet(ScopedQuerySet):
    scope_unit_field = "unit"
    # a plan that names a commune in a quota row, a target or a support assignment is readable there
    scope_named_fields = ("quota_tables__rows__commune", "targets__applies_to_unit", "support_assignments__commune")

    def active_in(self, year: int):
        """Plans whose period covers ``year``."""
        return self.filter(first_year__lte=year, last_year__gte=year)


class PlanManager(models.Manager.from_queryset(PlanQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Plan(TimeStampedModel):
    """A plan or steering document (kế hoạch, kết luận, chỉ thị...) issued by one unit."""

    code = models.SlugField(
        "mã kế hoạch",
        max_length=60,
        unique=True,
        help_text="Mã ổn định dùng trong đường dẫn và lệnh quản trị, ví dụ thoxuan-2024.",
    )
    number = models.CharField(
        "số văn bản",
        max_length=60,
        blank=True,
        help_text="Ví dụ 81/KH-UBND. Để trống nếu văn bản còn là dự thảo chưa có số.",
    )
    title = models.CharField("trích yếu", max_length=500)
    kind = models.CharField("loại văn bản", max_length=20, choices=PlanKind.choices, default=PlanKind.PLAN)
    unit = models.ForeignKey(
        AdministrativeUnit, verbose_name="đơn vị ban hành", on_delete=models.PROTECT, related_name="plans"
    )
    issuer = models.CharField(
        "cơ quan ban hành",
        max_length=200,
        blank=True,
        help_text="Như ghi trên văn bản, ví dụ “UBND huyện Thọ Xuân”, “Tỉnh ủy”.",
    )
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField(
        "chức vụ người ký", max_length=120, blank=True, help_text="Ví dụ “KT. CHỦ TỊCH – PHÓ CHỦ TỊCH”."
    )
    issue_date = models.DateField("ngày ban hành", null=True, blank=True)
    first_year = models.PositiveSmallIntegerField("từ năm")
    last_year = models.PositiveSmallIntegerField("đến năm")
    vision_year = models.PositiveSmallIntegerField("tầm nhìn đến năm", null=True, blank=True)
    purpose = models.TextField("mục đích", blank=True)
    requirements = models.TextField("yêu cầu", blank=True)
    general_objective = models.TextField("mục tiêu chung", blank=True)
    note = models.TextField("ghi chú", blank=True)

    # Optimistic lock (directory.concurrency): every edit claims the row with version = version + 1.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = PlanManager()

    class Meta:
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"
        ordering = ["-last_year", "-issue_date", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=F("first_year")),
                name="plan_period_ordered",
                violation_error_message="Năm kết thúc phải bằng hoặc sau năm bắt đầu.",
            ),
            # A draft has no number yet (the Thọ Xuân and Tây Hòa seeds); issued numbers are unique per unit.
            models.UniqueConstraint(
                fields=["unit", "number"],
                condition=~Q(number=""),
                name="plan_unique_number_in_unit",
                violation_error_message="Đơn vị này đã có văn bản mang số này.",
            ),
        ]
        indexes = [
            # plan list filtered by period (year within first_year..last_year)
            models.Index(fields=["first_year", "last_year"], name="plan_period_idx"),
        ]

    def __str__(self):
        return f"{self.number} – {self.title}" if self.number else self.title

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("plans:plan_detail", kwargs={"code": self.code})

    @property
    def period_label(self) -> str:
        label = str(self.first_year) if self.first_year == self.last_year else f"{self.first_year}–{self.last_year}"
        return f"{label}, tầm nhìn {self.vision_year}" if self.vision_year else label

    @property
    def is_draft(self) -> bool:
        return not self.number

    def implemented_plans(self):
        """Plans in the database that this plan implements (thực hiện)."""
        return Plan.objects.filter(cited_by__plan=self, cited_by__relation=LegalBasisRelation.IMPLEMENTS)


class LegalBasisRelation(models.TextChoices):
    IMPLEMENTS = "thuc_hien", "Thực hiện (văn bản cấp trên)"
    BASED_ON = "can_cu", "Căn cứ"
    CITED = "dan_chieu", "Được dẫn trong kế hoạch"


class LegalBasisQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"


class LegalBasis(models.Model):
    """A document the plan cites: a parent plan it implements or a legal basis (căn cứ)."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="legal_bases")
    relation = models.CharField(
        "quan hệ", max_length=20, choices=LegalBasisRelation.choices, default=LegalBasisRelation.BASED_ON
    )
    document_number = models.CharField("số văn bản", max_length=60, blank=True)
    document_date = models.DateField("ngày văn bản", null=True, blank=True)
    issuer = models.CharField("cơ quan ban hành", max_length=200, blank=True)
    title = models.CharField("trích yếu", max_length=500, blank=True)
    referenced_plan = models.ForeignKey(
        Plan,
        verbose_name="kế hoạch trong hệ thống",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
        help_text="Khi văn bản được dẫn cũng có trong hệ thống.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    cited_in = models.CharField("được dẫn tại", max_length=200, blank=True,
                                help_text="Phần của kế hoạch dẫn văn bản này, ví dụ: Phần V, giải pháp 3.")

    objects = LegalBasisQuerySet.as_manager()

    class Meta:
        verbose_name = "văn bản căn cứ"
        verbose_name_plural = "văn bản căn cứ"
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        parts = [p for p in (self.document_number, self.title) if p]
        return " – ".join(parts) or "(văn bản)"


# --------------------------------------------------------------------------- indicator targets


class PlanSectionQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"


class PlanSection(models.Model):
    """A numbered item of a plan's text that is neither a target, a project nor one body's task:
    a general solution (giải pháp chung 1.1–1.8), an organisational provision for everyone, an
    appendix header. Copied from the document, shown on the plan page under its part."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="sections")
    part = models.CharField("phần", max_length=200, help_text="Ví dụ: III.1. Giải pháp chung.")
    number = models.CharField("số mục", max_length=20, blank=True)
    title = models.CharField("tiêu đề", max_length=500, blank=True)
    text = models.TextField("nội dung", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = PlanSectionQuerySet.as_manager()

    class Meta:
        verbose_name = "nội dung kế hoạch"
        verbose_name_plural = "nội dung kế hoạch"
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "part", "number", "title"], name="plan_section_unique"),
        ]

    def __str__(self):
        return f"{self.part} {self.number} {self.title}".strip()


class PriorResultQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"
    scope_named_fields = ("unit",)


class PriorResult(models.Model):
    """A result of an earlier phase the plan reports (An Giang: 9,28% early 2011 → 2,5% end 2015).

    Not a target: nothing is measured against it and it never gets a traffic light."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="prior_results")
    name = models.CharField("chỉ số", max_length=300)
    measure_unit = models.CharField("đơn vị tính", max_length=40)
    phase = models.CharField("giai đoạn", max_length=40, help_text="Ví dụ: 2011-2015.")
    start_value = models.DecimalField("giá trị đầu kỳ", max_digits=14, decimal_places=3, null=True, blank=True)
    start_label = models.CharField("thời điểm đầu kỳ", max_length=60, blank=True)
    end_value = models.DecimalField("giá trị cuối kỳ", max_digits=14, decimal_places=3)
    end_label = models.CharField("thời điểm cuối kỳ", max_length=60)
    unit = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    quote = models.TextField("nguyên văn", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = PriorResultQuerySet.as_manager()

    class Meta:
        verbose_name = "kết quả giai đoạn trước"
        verbose_name_plural = "kết quả giai đoạn trước"
        ordering = ["plan", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "name", "phase"], name="prior_result_unique")]

    def __str__(self):
        return f"{self.name} ({self.phase})"


class TargetPeriod(models.TextChoices):
    PER_YEAR = "per_year", "Bình quân mỗi năm"
    IN_YEAR = "in_year", "Trong năm / đến hết năm"
    PHASE = "phase", "Cả giai đoạn / đến cuối giai đoạn"


class TargetComparison(models.TextChoices):
    AT_LEAST = "at_least", "Đạt tối thiểu (trở lên)"
    AT_MOST = "at_most", "Không vượt quá (trở xuống)"
    # "xuống dưới 37%": strictly below, 37 itself does not meet it.
    BELOW = "below", "Dưới (không kể bằng)"
    ABOVE = "above", "Trên (không kể bằng)"
    ABOUT = "about", "Khoảng / trong khoảng"


class TargetMeasure(models.TextChoices):
    """Targets whose actual the app measures itself from the approved reviews (the dashboard shows it);
    any other target gets its actuals typed in as progress entries."""

    MANUAL = "", "Nhập kết quả thực hiện"
    POOR_REDUCED = "poor_reduced", "Số hộ nghèo giảm trong năm"
    POOR_REDUCED_WITHOUT_LABOUR = "poor_reduced_no_labour", "Số hộ nghèo không có KNLĐ giảm trong năm"
    POOR_REDUCED_WITH_LABOUR = "poor_reduced_labour", "Số hộ nghèo có KNLĐ giảm trong năm"
    POOR_RATE_END = "poor_rate_end", "Tỷ lệ hộ nghèo cuối năm (%)"
    POOR_RATE_DROP = "poor_rate_drop", "Mức giảm tỷ lệ hộ nghèo trong năm (điểm %)"


class IndicatorTargetQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"
    scope_named_fields = ("applies_to_unit",)


class IndicatorTarget(TimeStampedModel):
    """A measurable objective of a plan: a single value (180 hộ) or a range (2.500–3.000 người)."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="targets")
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc chỉ tiêu",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        help_text="“Trong đó”: ví dụ 160–200 người đi làm việc ở nước ngoài.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("chỉ tiêu", max_length=500)
    measure_unit = models.CharField("đơn vị tính", max_length=40, help_text="%, hộ, người, mô hình, xã...")
    comparison = models.CharField(
        "so sánh", max_length=10, choices=TargetComparison.choices, default=TargetComparison.AT_LEAST
    )
    value_min = models.DecimalField("giá trị (hoặc cận dưới)", max_digits=14, decimal_places=3)
    value_max = models.DecimalField(
        "cận trên",
        max_digits=14,
        decimal_places=3,
        null=True,
        blank=True,
        help_text="Chỉ điền khi chỉ tiêu là một khoảng, ví dụ 2.500–3.000.",
    )
    period = models.CharField("kỳ", max_length=10, choices=TargetPeriod.choices, default=TargetPeriod.PHASE)
    year = models.PositiveSmallIntegerField(
        "năm", null=True, blank=True, help_text="Bắt buộc khi chỉ tiêu tính trong một năm."
    )
    applies_to_unit = models.ForeignKey(
        AdministrativeUnit,
        verbose_name="áp dụng cho đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_targets",
    )
    applies_to_group = models.CharField(
        "áp dụng cho nhóm",
        max_length=200,
        blank=True,
        help_text="Ví dụ: hộ DTTS, xã ĐBKK, người trong độ tuổi lao động.",
    )
    baseline_value = models.DecimalField("giá trị gốc", max_digits=14, decimal_places=3, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField("năm gốc", null=True, blank=True)
    measure = models.CharField(
        "cách đo kết quả", max_length=30, choices=TargetMeasure.choices, blank=True, default=TargetMeasure.MANUAL,
        help_text="Chỉ tiêu về số hộ nghèo, tỷ lệ hộ nghèo: bảng tổng quan tự tính kết quả từ kết quả rà soát "
                  "đã phê duyệt của đơn vị áp dụng (hoặc đơn vị ban hành).",
    )
    note = models.TextField("ghi chú", blank=True)

    # Optimistic lock (directory.concurrency): every edit claims the row with version = version + 1.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = IndicatorTargetQuerySet.as_manager()

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=F("value_min")),
                name="target_range_ordered",
                violation_error_message="Cận trên phải lớn hơn hoặc bằng giá trị (cận dưới).",
            ),
            models.CheckConstraint(
                condition=~Q(period="in_year") | Q(year__isnull=False),
                name="target_in_year_has_year",
                violation_error_message="Chỉ tiêu tính trong năm phải ghi năm.",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.value_label}"

    @property
    def part_prefix(self) -> str:
        """ "trong đó:" before a sub-target's name on the plan page, unless the name already begins with it
        (the Thọ Xuân plan writes "Trong đó: hộ nghèo không có khả năng lao động")."""
        if self.parent_id is None or self.name.strip().lower().startswith("trong đó"):
            return ""
        return "trong đó:"

    @property
    def is_range(self) -> bool:
        return self.value_max is not None and self.value_max != self.value_min

    @property
    def value_label(self) -> str:
        if self.is_range:
            value = f"{format_number(self.value_min)}–{format_number(self.value_max)}"
        else:
            sign = {TargetComparison.AT_LEAST: "≥ ", TargetComparison.AT_MOST: "≤ ", TargetComparison.BELOW: "< ",
                    TargetComparison.ABOVE: "> "}.get(self.comparison, "")
            value = f"{sign}{format_number(self.value_min)}"
        suffix = "/năm" if self.period == TargetPeriod.PER_YEAR else ""
        return f"{value} {self.measure_unit}{suffix}".strip()

    def is_met_by(self, actual: Decimal | None) -> bool | None:
        """Whether an actual value meets the target (None when there is no actual yet)."""
        if actual is None:
            return None
        if self.comparison == TargetComparison.AT_MOST:
            return actual <= (self.value_max if self.value_max is not None else self.value_min)
        if self.comparison == TargetComparison.BELOW:
            return actual < self.value_min
        if self.comparison == TargetComparison.ABOVE:
            return actual > self.value_min
        if self.comparison == TargetComparison.ABOUT and self.value_max is not None:
            return self.value_min <= actual <= self.value_max
        return actual >= self.value_min


class TargetProgressQuerySet(ScopedQuerySet):
    scope_unit_field = "target__plan__unit"
    scope_named_fields = ("target__applies_to_unit",)


class TargetProgress(TimeStampedModel):
    """An actual value measured for a target (so targets can be compared with results)."""

    target = models.ForeignKey(
        IndicatorTarget, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="progress_entries"
    )
    period_label = models.CharField("kỳ", max_length=60, help_text="Ví dụ: 6 tháng đầu năm 2024, năm 2024.")
    as_of = models.DateField("tính đến ngày")
    actual_value = models.DecimalField("giá trị thực hiện", max_digits=14, decimal_places=3)
    source = models.CharField("nguồn số liệu", max_length=200, blank=True)
    note = models.TextField("ghi chú", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = TargetProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "kết quả thực hiện chỉ tiêu"
        verbose_name_plural = "kết quả thực hiện chỉ tiêu"
        ordering = ["target", "-as_of", "-pk"]
        indexes = [
            # "latest actual per target" on the plan detail page
            models.Index(fields=["target", "-as_of"], name="targetprogress_latest_idx"),
        ]

    def __str__(self):
        return f"{self.target.name} – {self.period_label}: {self.actual_value}"


# --------------------------------------------------------------------------- projects


class ProjectKind(models.TextChoices):
    PROJECT = "du_an", "Dự án"
    SUBPROJECT = "tieu_du_an", "Tiểu dự án"
    POLICY = "chinh_sach", "Chính sách"


class ProjectQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"


class Project(TimeStampedModel):
    """A component project (Dự án 1–7), a sub-project (tiểu dự án) or a policy of a plan."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="projects")
    parent = models.ForeignKey(
        "self", verbose_name="thuộc dự án", null=True, blank=True, on_delete=models.CASCADE, related_name="subprojects"
    )
    kind = models.CharField("loại", max_length=12, choices=ProjectKind.choices, default=ProjectKind.PROJECT)
    number = models.PositiveSmallIntegerField("số thứ tự", help_text="Dự án 1 → 1; Tiểu dự án 2 → 2.")
    name = models.CharField("tên", max_length=300)
    objective = models.TextField("mục tiêu", blank=True)
    beneficiaries = models.TextField("đối tượng", blank=True)
    support_content = models.TextField("nội dung hỗ trợ", blank=True)
    lead_agency = models.ForeignKey(
        Agency,
        verbose_name="cơ quan chủ trì",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    lead_agency_text = models.CharField(
        "cơ quan chủ trì (như ghi trong văn bản)",
        max_length=300,
        blank=True,
        help_text="Dùng khi văn bản nêu chung, ví dụ “UBND các huyện nghèo”.",
    )
    coordinating_agencies = models.ManyToManyField(
        Agency, verbose_name="cơ quan phối hợp", blank=True, related_name="coordinated_projects"
    )
    coordinating_text = models.TextField(
        "cơ quan phối hợp (như ghi trong văn bản)",
        blank=True,
        help_text="Các đơn vị được nêu chung, ví dụ “UBND các huyện, thị xã, thành phố”.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = "dự án, tiểu dự án"
        verbose_name_plural = "dự án, tiểu dự án"
        ordering = ["plan", "order", "kind", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "number"],
                condition=Q(parent__isnull=True),
                name="project_unique_number_in_plan",
                violation_error_message="Kế hoạch đã có dự án (chính sách) mang số này.",
            ),
            models.UniqueConstraint(
                fields=["parent", "number"],
                condition=Q(parent__isnull=False),
                name="subproject_unique_number_in_project",
                violation_error_message="Dự án đã có tiểu dự án mang số này.",
            ),
            models.CheckConstraint(
                condition=Q(kind="tieu_du_an", parent__isnull=False) | ~Q(kind="tieu_du_an"),
                name="subproject_has_parent",
                violation_error_message="Tiểu dự án phải thuộc một dự án.",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.name}"

    @property
    def label(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def lead_display(self) -> str:
        return self.lead_agency.name if self.lead_agency_id else self.lead_agency_text


# --------------------------------------------------------------------------- tasks


class TaskRole(models.TextChoices):
    LEAD = "chu_tri", "Chủ trì"
    COORDINATE = "phoi_hop", "Phối hợp"


class TaskStatus(models.TextChoices):
    NOT_STARTED = "chua_thuc_hien", "Chưa thực hiện"
    IN_PROGRESS = "dang_thuc_hien", "Đang thực hiện"
    DONE = "hoan_thanh", "Hoàn thành"
    CANCELLED = "huy", "Hủy / không thực hiện"


class TaskRecurrence(models.TextChoices):
    NONE = "", "Một lần"
    MONTHLY = "monthly", "Hằng tháng"
    QUARTERLY = "quarterly", "Hằng quý"
    HALF_YEARLY = "half_yearly", "6 tháng"
    YEARLY = "yearly", "Hằng năm"
    ONGOING = "ongoing", "Thường xuyên"


class TaskQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"

    def for_user(self, user):
        qs = super().for_user(user)
        # Agency staff work on their own agency's tasks only, even inside their unit.
        if getattr(user, "role", None) == Role.AGENCY_STAFF and not scope_for(user).is_unrestricted:
            return qs.filter(agency_id=user.agency_id) if user.agency_id else qs.none()
        return qs

    def open(self):
        return self.exclude(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])


class Task(TimeStampedModel):
    """A task the plan assigns to an agency (phân công nhiệm vụ), lead or coordinating."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="tasks")
    agency = models.ForeignKey(Agency, verbose_name="cơ quan thực hiện", on_delete=models.PROTECT, related_name="tasks")
    role = models.CharField("vai trò", max_length=10, choices=TaskRole.choices, default=TaskRole.LEAD)
    project = models.ForeignKey(
        Project, verbose_name="thuộc dự án", null=True, blank=True, on_delete=models.SET_NULL, related_name="tasks"
    )
    text = models.TextField("nội dung nhiệm vụ")
    due_date = models.DateField("hạn hoàn thành", null=True, blank=True)
    recurrence = models.CharField(
        "định kỳ", max_length=12, choices=TaskRecurrence.choices, default=TaskRecurrence.NONE, blank=True
    )
    recurrence_note = models.CharField(
        "thời hạn định kỳ (như văn bản)", max_length=200, blank=True, help_text="Ví dụ “trước ngày 10/12 hằng năm”."
    )
    status = models.CharField("trạng thái", max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người giao",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Optimistic lock (directory.concurrency): every edit claims the row with version = version + 1.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        ordering = ["plan", "order", "pk"]
        indexes = [
            # "Nhiệm vụ của tôi": one agency's tasks by status and due date
            models.Index(fields=["agency", "status", "due_date"], name="task_agency_status_due_idx"),
        ]

    def __str__(self):
        text = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"{self.agency} ({self.get_role_display()}): {text}"

    @property
    def deadline_label(self) -> str:
        if self.due_date:
            return self.due_date.strftime("%d/%m/%Y")
        return self.recurrence_note or (self.get_recurrence_display() if self.recurrence else "")

    def is_overdue(self, today) -> bool:
        return bool(
            self.due_date and self.due_date < today and self.status not in (TaskStatus.DONE, TaskStatus.CANCELLED)
        )


class TaskProgressQuerySet(ScopedQuerySet):
    scope_unit_field = "task__plan__unit"

    def for_user(self, user):
        qs = super().for_user(user)
        if getattr(user, "role", None) == Role.AGENCY_STAFF and not scope_for(user).is_unrestricted:
            return qs.filter(task__agency_id=user.agency_id) if user.agency_id else qs.none()
        return qs


class PrivateFileStorage(PrivateStorage):
    no_url_message = "Tệp đính kèm chỉ tải qua trang nhiệm vụ (có kiểm tra quyền)."


private_files = PrivateFileStorage()


def progress_attachment_path(instance, filename):
    extension = os.path.splitext(filename)[1].lower()[:6]
    return f"tasks/{instance.task_id}/{uuid.uuid4().hex}{extension}"


class TaskProgress(models.Model):
    """A progress update an agency posts on its task (date, author, what was done), with an optional file."""

    task = models.ForeignKey(Task, verbose_name="nhiệm vụ", on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField("ngày báo cáo")
    text = models.TextField("nội dung tiến độ")
    status = models.CharField("trạng thái sau cập nhật", max_length=20, choices=TaskStatus.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người báo cáo", on_delete=models.PROTECT, related_name="task_progress"
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    attachment = models.FileField("tệp đính kèm", upload_to=progress_attachment_path, storage=private_files,
                                  max_length=255, blank=True)
    attachment_name = models.CharField("tên tệp đính kèm", max_length=255, blank=True)

    objects = TaskProgressQuerySet.as_manager()

    class Meta:
        verbose_name = "tiến độ nhiệm vụ"
        verbose_name_plural = "tiến độ nhiệm vụ"
        ordering = ["task", "-reported_on", "-pk"]

    def __str__(self):
        return f"{self.reported_on:%d/%m/%Y} – {self.author}"


# --------------------------------------------------------------------------- quota tables


class QuotaTableQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"
    scope_named_fields = ("rows__commune",)


class QuotaTable(TimeStampedModel):
    """Phụ lục “chỉ tiêu giao giảm hộ nghèo”: one row per commune for one plan and year.

    ``target_*`` are the plan's own figures for the year (Thọ Xuân 2024: 180 = 50 + 130);
    where set, the rows must add up to them (checked in ``plans.services.quotas``).
    """

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="quota_tables")
    year = models.PositiveSmallIntegerField("năm")
    title = models.CharField(
        "tiêu đề phụ lục",
        max_length=300,
        blank=True,
        help_text="Ví dụ “CHỈ TIÊU GIẢM NGHÈO CỦA CÁC XÃ, THỊ TRẤN NĂM 2024”.",
    )
    appendix_label = models.CharField("số phụ lục", max_length=40, blank=True, default="Phụ lục 01")
    target_total = models.IntegerField("chỉ tiêu của kế hoạch: tổng số hộ", null=True, blank=True)
    target_without_labour = models.IntegerField("trong đó hộ không có KNLĐ", null=True, blank=True)
    target_with_labour = models.IntegerField("trong đó hộ có KNLĐ", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)

    # Optimistic lock (directory.concurrency): every edit claims the row with version = version + 1.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = QuotaTableQuerySet.as_manager()

    class Meta:
        verbose_name = "bảng chỉ tiêu giảm hộ nghèo"
        verbose_name_plural = "bảng chỉ tiêu giảm hộ nghèo"
        ordering = ["plan", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year"],
                name="quota_table_unique_plan_year",
                violation_error_message="Kế hoạch đã có bảng chỉ tiêu của năm này.",
            ),
            models.CheckConstraint(
                condition=(Q(target_total__isnull=True) | Q(target_total__gte=0))
                & (Q(target_without_labour__isnull=True) | Q(target_without_labour__gte=0))
                & (Q(target_with_labour__isnull=True) | Q(target_with_labour__gte=0)),
                name="quota_table_targets_non_negative",
                violation_error_message="Chỉ tiêu không được âm.",
            ),
            models.CheckConstraint(
                condition=Q(target_total__isnull=True)
                | Q(target_without_labour__isnull=True)
                | Q(target_with_labour__isnull=True)
                | Q(target_total=F("target_without_labour") + F("target_with_labour")),
                name="quota_table_targets_add_up",
                violation_error_message="Tổng chỉ tiêu phải bằng số hộ không có KNLĐ cộng số hộ có KNLĐ.",
            ),
        ]
        indexes = [
            # quota_by_commune(year=...) picks the tables of one year
            models.Index(fields=["year"], name="quota_table_year_idx"),
        ]

    def __str__(self):
        return f"Chỉ tiêu giảm nghèo năm {self.year} – {self.plan.code}"


class QuotaRowQuerySet(ScopedQuerySet):
    scope_unit_field = "table__plan__unit"
    scope_named_fields = ("commune",)


class QuotaRow(models.Model):
    """One commune's quota: total households to lift out of poverty = without + with labour capacity."""

    table = models.ForeignKey(QuotaTable, verbose_name="bảng chỉ tiêu", on_delete=models.CASCADE, related_name="rows")
    commune = models.ForeignKey(
        AdministrativeUnit, verbose_name="xã, phường, thị trấn", on_delete=models.PROTECT, related_name="quota_rows"
    )
    order = models.PositiveSmallIntegerField("TT", default=0)
    total = models.IntegerField("chỉ tiêu giảm hộ nghèo (hộ)", default=0)
    without_labour = models.IntegerField("hộ không có KNLĐ", default=0)
    with_labour = models.IntegerField("hộ có KNLĐ", default=0)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    objects = QuotaRowQuerySet.as_manager()

    class Meta:
        verbose_name = "chỉ tiêu của xã"
        verbose_name_plural = "chỉ tiêu của các xã"
        ordering = ["table", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "commune"],
                name="quota_row_unique_commune",
                violation_error_message="Mỗi xã chỉ có một dòng trong bảng chỉ tiêu.",
            ),
            models.CheckConstraint(
                condition=Q(total__gte=0) & Q(without_labour__gte=0) & Q(with_labour__gte=0),
                name="quota_row_non_negative",
                violation_error_message="Chỉ tiêu của xã không được âm.",
            ),
            models.CheckConstraint(
                condition=Q(total=F("without_labour") + F("with_labour")),
                name="quota_row_adds_up",
                violation_error_message="Chỉ tiêu của xã phải bằng số hộ không có KNLĐ cộng số hộ có KNLĐ.",
            ),
        ]
        indexes = [
            # quota_by_commune: rows of given communes across the year's tables
            models.Index(fields=["commune", "table"], name="quota_row_commune_idx"),
        ]

    def __str__(self):
        return f"{self.commune}: {self.total} ({self.without_labour} + {self.with_labour})"


# --------------------------------------------------------------------------- commune support assignments


class SupportAssignmentQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"
    scope_named_fields = ("commune",)


class CommuneSupportAssignment(TimeStampedModel):
    """Phụ lục “cơ quan giúp đỡ xã”: which agencies help a commune, and the steering-committee member in charge."""

    plan = models.ForeignKey(
        Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="support_assignments"
    )
    order = models.PositiveSmallIntegerField("STT", default=0)
    commune = models.ForeignKey(
        AdministrativeUnit, verbose_name="xã, thị trấn", on_delete=models.PROTECT, related_name="support_assignments"
    )
    agencies = models.ManyToManyField(
        Agency, verbose_name="cơ quan giúp đỡ", blank=True, related_name="supported_communes"
    )
    agencies_as_written = models.CharField(
        "cơ quan/đơn vị (như ghi trong văn bản)",
        max_length=300,
        blank=True,
        help_text="Ví dụ “Phòng Tư Pháp, Bệnh viện Đa khoa huyện” (hai cơ quan).",
    )
    steering_member = models.CharField("thành viên Ban Chỉ đạo phụ trách", max_length=120, blank=True)
    steering_member_position = models.CharField("chức vụ thành viên BCĐ", max_length=200, blank=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    objects = SupportAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "phân công giúp đỡ xã"
        verbose_name_plural = "phân công giúp đỡ xã"
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "commune"],
                name="support_unique_commune_in_plan",
                violation_error_message="Xã này đã được phân công trong kế hoạch.",
            ),
        ]

    def __str__(self):
        return f"{self.commune} – {self.agencies_as_written or self.steering_member}"


# --------------------------------------------------------------------------- audit


class PlanEventQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"


class PlanEvent(models.Model):
    """Who changed what in a plan (quota tables replaced, tasks assigned...): written by services."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField("thao tác", max_length=60)
    detail = models.TextField("chi tiết", blank=True)
    created_at = models.DateTimeField("lúc", auto_now_add=True)

    objects = PlanEventQuerySet.as_manager()

    class Meta:
        verbose_name = "nhật ký kế hoạch"
        verbose_name_plural = "nhật ký kế hoạch"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y %H:%M} {self.action}"
