"""Reporting duties (who reports what to whom, by when), report runs, reminders, household totals.

A duty is data, seeded from the plans and Decision 24/2021 and edited by staff.
The daily job expands every duty into report runs (one per period × reporting
unit or agency); a run is also the job row of its generated workbook.

Scoping: a duty belongs to ``owner_unit`` (the unit that set it and receives
the reports); a run belongs to its ``reporting_unit``; agency staff see only
their own agency's runs (``ReportRunQuerySet.for_user``).
"""

from __future__ import annotations

import datetime
import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils.deconstruct import deconstructible

from directory.models import AdministrativeUnit, Agency, Role, TimeStampedModel, UnitLevel
from directory.scoping import ScopedQuerySet, scope_for
from directory.storage import PrivateStorage

from .periods import (
    PERIODS_PER_YEAR,
    RUN_STATUS_BADGES,
    RUN_STATUS_LABELS,
    DueRule,
    DueRuleKind,
    Period,
    PeriodKind,
    RunStatus,
    describe_rule,
    due_date,
    run_status,
)

# --------------------------------------------------------------------------- private file storage


@deconstructible
class PrivateReportStorage(PrivateStorage):
    no_url_message = "Tệp báo cáo chỉ tải qua trang báo cáo (có kiểm tra quyền)."


private_storage = PrivateReportStorage()


def _file_path(kind: str, filename: str) -> str:
    # A random folder per file: names stay readable for people, paths are not guessable.
    today = datetime.date.today()
    return f"reports/{kind}/{today:%Y/%m}/{uuid.uuid4().hex}/{os.path.basename(filename)}"


def generated_path(instance, filename):
    return _file_path("generated", filename)


def uploaded_path(instance, filename):
    return _file_path("uploaded", filename)


# --------------------------------------------------------------------------- choices


class ReportKind(models.TextChoices):
    POVERTY = "poverty", "Báo cáo kết quả giảm nghèo (số liệu hộ nghèo, cận nghèo)"
    ESCAPE_LIST = "escape_list", "Danh sách hộ có khả năng thoát nghèo trong năm"
    TASK_PROGRESS = "task_progress", "Báo cáo tiến độ thực hiện nhiệm vụ của cơ quan"
    FREE = "free", "Báo cáo tải lên (không tạo tự động)"

    @classmethod
    def generated(cls) -> set[str]:
        """Kinds the app builds itself; a free report is only uploaded or confirmed."""
        return {cls.POVERTY, cls.ESCAPE_LIST, cls.TASK_PROGRESS}


class PeriodType(models.TextChoices):
    MONTH = PeriodKind.MONTH.value, "Tháng"
    QUARTER = PeriodKind.QUARTER.value, "Quý"
    HALF = PeriodKind.HALF.value, "6 tháng"
    YEAR = PeriodKind.YEAR.value, "Năm"


class DueRuleType(models.TextChoices):
    FIXED_DATE = DueRuleKind.FIXED_DATE.value, "Ngày, tháng cố định trong năm (ví dụ 20/3, 10/12)"
    DAYS_AFTER_END = DueRuleKind.DAYS_AFTER_END.value, "Số ngày sau khi kết thúc kỳ"
    MONTHLY_DAY = DueRuleKind.MONTHLY_DAY.value, "Ngày N hằng tháng, trong các tháng từ … đến …"


class JobStatus(models.TextChoices):
    NONE = "", "Chưa tạo"
    PENDING = "pending", "Đang chờ tạo"
    RUNNING = "running", "Đang tạo"
    SUCCESS = "success", "Đã tạo xong"
    FAILED = "failed", "Tạo không thành công"


class RunStatusChoices(models.TextChoices):
    NOT_DUE = RunStatus.NOT_DUE.value, RUN_STATUS_LABELS[RunStatus.NOT_DUE]
    DUE_SOON = RunStatus.DUE_SOON.value, RUN_STATUS_LABELS[RunStatus.DUE_SOON]
    OVERDUE = RunStatus.OVERDUE.value, RUN_STATUS_LABELS[RunStatus.OVERDUE]
    ON_TIME = RunStatus.ON_TIME.value, RUN_STATUS_LABELS[RunStatus.ON_TIME]
    LATE = RunStatus.LATE.value, RUN_STATUS_LABELS[RunStatus.LATE]


# --------------------------------------------------------------------------- duties


def _valid_on(valid_from, valid_to, day: datetime.date) -> bool:
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


def _period_label(valid_from, valid_to) -> str:
    if valid_from and valid_to:
        return f"từ {valid_from:%d/%m/%Y} đến {valid_to:%d/%m/%Y}"
    if valid_from:
        return f"từ {valid_from:%d/%m/%Y}"
    if valid_to:
        return f"đến {valid_to:%d/%m/%Y}"
    return ""


class ReportRecipient(models.Model):
    """A body reports are sent to, with the days it exists (Bộ LĐTBXH until 28/02/2025, then Bộ Nông nghiệp
    và Môi trường; district People's Committees and LĐTBXH offices until 30/06/2025...). Data, not code:
    a reorganisation is a new row and a date, never an ``if``."""

    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên", max_length=300)
    unit = models.ForeignKey(AdministrativeUnit, verbose_name="thuộc đơn vị hành chính", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+",
                             help_text="Để trống với cơ quan trung ương (Bộ).")
    agency = models.ForeignKey(Agency, verbose_name="cơ quan trong danh mục", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField("tồn tại từ ngày", null=True, blank=True)
    valid_to = models.DateField("đến ngày", null=True, blank=True)
    date_unconfirmed = models.BooleanField(
        "ngày chưa đối chiếu văn bản chính thức", default=False,
        help_text="Đánh dấu khi ngày thành lập/sáp nhập chưa đối chiếu với quyết định chính thức.")
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "cơ quan nhận báo cáo"
        verbose_name_plural = "cơ quan nhận báo cáo"
        ordering = ["name", "valid_from"]
        constraints = [
            models.CheckConstraint(condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True)
                                   | Q(valid_to__gte=F("valid_from")), name="recipient_period_ordered"),
        ]

    def __str__(self):
        period = self.period_label
        return f"{self.name} ({period})" if period else self.name

    @property
    def period_label(self) -> str:
        return _period_label(self.valid_from, self.valid_to)

    def is_valid_on(self, day: datetime.date) -> bool:
        return _valid_on(self.valid_from, self.valid_to, day)


class ReportingDutyQuerySet(ScopedQuerySet):
    scope_unit_field = "owner_unit"

    def active(self):
        return self.filter(is_active=True)


class ReportingDuty(TimeStampedModel):
    """Who reports what to whom, for which period type and by which day (an obligation, not a report)."""

    code = models.SlugField("mã", max_length=80, unique=True,
                            help_text="Mã ổn định, ví dụ thoxuan-2024-6-thang.")
    plan = models.ForeignKey("plans.Plan", verbose_name="kế hoạch", null=True, blank=True,
                             on_delete=models.CASCADE, related_name="reporting_duties",
                             help_text="Để trống với nghĩa vụ theo văn bản trung ương (Quyết định 24/2021/QĐ-TTg).")
    owner_unit = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị quản lý (nhận báo cáo)",
                                   on_delete=models.PROTECT, related_name="reporting_duties",
                                   help_text="Đơn vị giao nghĩa vụ; đơn vị báo cáo theo cấp lấy trong địa bàn này.")
    title = models.CharField("tên báo cáo", max_length=300)
    kind = models.CharField("loại báo cáo", max_length=20, choices=ReportKind.choices, default=ReportKind.FREE)
    reporter_level = models.CharField(
        "đơn vị báo cáo theo cấp", max_length=10, choices=UnitLevel.choices, blank=True,
        help_text="Ví dụ: cấp xã = mọi xã, thị trấn thuộc đơn vị quản lý.",
    )
    reporter_units = models.ManyToManyField(AdministrativeUnit, verbose_name="đơn vị báo cáo (chỉ định)",
                                            blank=True, related_name="+")
    reporter_agencies = models.ManyToManyField(Agency, verbose_name="cơ quan báo cáo (chỉ định)", blank=True,
                                               related_name="reporting_duties")
    recipient_unit = models.ForeignKey(AdministrativeUnit, verbose_name="gửi tới đơn vị", null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="+")
    recipient_agency = models.ForeignKey(Agency, verbose_name="qua cơ quan", null=True, blank=True,
                                         on_delete=models.PROTECT, related_name="+")
    recipient_text = models.CharField("gửi tới (như văn bản)", max_length=300, blank=True,
                                      help_text="Ví dụ “UBND huyện qua Phòng LĐTBXH”, “Bộ LĐTBXH”.")
    recipient = models.ForeignKey(ReportRecipient, verbose_name="cơ quan nhận báo cáo", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="duties",
                                  help_text="Không mở kỳ báo cáo có hạn nộp ngoài thời gian tồn tại của cơ quan này.")
    valid_from = models.DateField("áp dụng cho hạn nộp từ ngày", null=True, blank=True)
    valid_to = models.DateField("đến ngày", null=True, blank=True,
                                help_text="Ví dụ 30/06/2025: cấp huyện kết thúc; kỳ có hạn nộp sau ngày này không mở.")
    dates_may_have_changed = models.BooleanField(
        "hạn nộp có thể đã thay đổi", default=False,
        help_text="Đánh dấu khi văn bản mới (sau cải cách 2025) có thể đã đổi hạn nộp mà chưa đối chiếu.")
    dates_note = models.CharField("ghi chú về hạn nộp", max_length=300, blank=True)
    period_type = models.CharField("loại kỳ", max_length=10, choices=PeriodType.choices)
    only_period = models.PositiveSmallIntegerField(
        "chỉ kỳ số", null=True, blank=True,
        help_text="Giới hạn một kỳ trong năm, ví dụ 1 = 6 tháng đầu năm. Bắt buộc khi hạn là ngày cố định "
                  "và kỳ ngắn hơn một năm.",
    )
    due_rule = models.CharField("cách tính hạn nộp", max_length=20, choices=DueRuleType.choices)
    due_day = models.PositiveSmallIntegerField("ngày", null=True, blank=True)
    due_month = models.PositiveSmallIntegerField("tháng", null=True, blank=True)
    year_offset = models.PositiveSmallIntegerField("hạn vào năm sau (+ số năm)", default=0)
    days_after_end = models.PositiveSmallIntegerField("số ngày sau khi kết thúc kỳ", null=True, blank=True)
    from_month = models.PositiveSmallIntegerField("từ tháng", null=True, blank=True)
    to_month = models.PositiveSmallIntegerField("đến tháng", null=True, blank=True)
    first_year = models.PositiveSmallIntegerField("áp dụng từ năm")
    last_year = models.PositiveSmallIntegerField("đến năm", null=True, blank=True,
                                                 help_text="Để trống: nghĩa vụ thường xuyên, không thời hạn.")
    source_text = models.CharField("thời hạn như văn bản", max_length=300, blank=True,
                                   help_text="Ví dụ “trước ngày 20/3/2024”.")
    legal_basis = models.CharField("căn cứ", max_length=300, blank=True)
    is_active = models.BooleanField("đang áp dụng", default=True)
    note = models.TextField("ghi chú", blank=True)

    objects = ReportingDutyQuerySet.as_manager()

    class Meta:
        verbose_name = "nghĩa vụ báo cáo"
        verbose_name_plural = "nghĩa vụ báo cáo"
        ordering = ["owner_unit__path", "first_year", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(last_year__isnull=True) | Q(last_year__gte=F("first_year")),
                                   name="duty_years_ordered"),
            models.CheckConstraint(
                condition=~Q(due_rule="fixed_date") | Q(due_day__isnull=False, due_month__isnull=False),
                name="duty_fixed_date_has_day_month"),
            models.CheckConstraint(condition=~Q(due_rule="days_after_end") | Q(days_after_end__isnull=False),
                                   name="duty_days_after_has_days"),
            models.CheckConstraint(
                condition=~Q(due_rule="monthly_day") | Q(due_day__isnull=False, period_type="month"),
                name="duty_monthly_day_is_monthly"),
            models.CheckConstraint(condition=Q(due_day__isnull=True) | Q(due_day__gte=1, due_day__lte=31),
                                   name="duty_due_day_range"),
            models.CheckConstraint(
                condition=(Q(due_month__isnull=True) | Q(due_month__gte=1, due_month__lte=12))
                & (Q(from_month__isnull=True) | Q(from_month__gte=1, from_month__lte=12))
                & (Q(to_month__isnull=True) | Q(to_month__gte=1, to_month__lte=12)),
                name="duty_months_range"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.plan_id:
            return reverse("reports:plan_duties", kwargs={"code": self.plan.code}) + f"#duty-{self.pk}"
        return reverse("reports:calendar")

    @property
    def rule(self) -> DueRule:
        return DueRule(kind=self.due_rule, day=self.due_day, month=self.due_month, year_offset=self.year_offset,
                       days_after_end=self.days_after_end, from_month=self.from_month, to_month=self.to_month,
                       only_period=self.only_period)

    @property
    def rule_label(self) -> str:
        return describe_rule(self.rule)

    @property
    def recipient_label(self) -> str:
        parts = [str(u) for u in (self.recipient_unit, self.recipient_agency) if u is not None]
        return self.recipient_text or (self.recipient.name if self.recipient_id else "") or " – ".join(parts)

    @property
    def validity_label(self) -> str:
        return _period_label(self.valid_from, self.valid_to)

    def is_valid_on(self, day: datetime.date) -> bool:
        """The duty applies to a report due on ``day``: within its dates, and its recipient exists that day."""
        if not _valid_on(self.valid_from, self.valid_to, day):
            return False
        if self.recipient_id and not self.recipient.is_valid_on(day):
            return False
        return self.recipient_unit_id is None or _valid_on(self.recipient_unit.valid_from,
                                                           self.recipient_unit.valid_to, day)

    @property
    def is_generated(self) -> bool:
        return self.kind in ReportKind.generated()

    def due_date_for(self, period: Period) -> datetime.date | None:
        return due_date(self.rule, period)

    def clean(self):
        errors = {}
        rule = self.due_rule
        if rule == DueRuleType.FIXED_DATE:
            if not self.due_day:
                errors["due_day"] = "Hạn nộp theo ngày cố định: chưa ghi ngày."
            if not self.due_month:
                errors["due_month"] = "Hạn nộp theo ngày cố định: chưa ghi tháng."
            if self.period_type and self.period_type != PeriodType.YEAR and not self.only_period:
                errors["only_period"] = ("Một ngày cố định trong năm chỉ dùng được cho một kỳ: ghi “chỉ kỳ số”, "
                                         "ví dụ 1 cho 6 tháng đầu năm.")
        elif rule == DueRuleType.DAYS_AFTER_END and self.days_after_end is None:
            errors["days_after_end"] = "Chưa ghi số ngày sau khi kết thúc kỳ."
        elif rule == DueRuleType.MONTHLY_DAY:
            if not self.due_day:
                errors["due_day"] = "Hạn nộp hằng tháng: chưa ghi ngày."
            if self.period_type != PeriodType.MONTH:
                errors["period_type"] = "Hạn nộp ngày N hằng tháng chỉ dùng với kỳ báo cáo tháng."
            if self.from_month and self.to_month and self.from_month > self.to_month:
                errors["to_month"] = "“Đến tháng” phải sau hoặc bằng “từ tháng”."
        if self.only_period and self.period_type \
                and self.only_period > PERIODS_PER_YEAR[PeriodKind(self.period_type)]:
            errors["only_period"] = f"Loại kỳ “{self.get_period_type_display()}” không có kỳ số {self.only_period}."
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = "“Đến ngày” phải sau hoặc bằng “áp dụng từ ngày”."
        if self.last_year is not None and self.first_year and self.last_year < self.first_year:
            errors["last_year"] = "“Đến năm” phải sau hoặc bằng “áp dụng từ năm”."
        if self.kind == ReportKind.TASK_PROGRESS and not self.plan_id:
            errors["kind"] = "Báo cáo tiến độ nhiệm vụ phải gắn với một kế hoạch (lấy nhiệm vụ của kế hoạch đó)."
        if self.plan_id and self.owner_unit_id and not self.owner_unit.contains(self.plan.unit) \
                and not self.plan.unit.contains(self.owner_unit):
            errors["owner_unit"] = "Đơn vị quản lý phải là đơn vị ban hành kế hoạch hoặc thuộc/chứa đơn vị đó."
        if not errors and rule in DueRuleType.values and self.period_type and self.first_year:
            # A fixed date before the period starts would make every report late before it could begin.
            number = self.only_period or 1
            period = Period(self.period_type, self.first_year, number)
            due = due_date(self.rule, period)
            if due is not None and due < period.start:
                errors["due_month"] = (f"Hạn {due:%d/%m/%Y} rơi trước ngày bắt đầu kỳ {period.label} "
                                       f"({period.start:%d/%m/%Y}).")
        if errors:
            raise ValidationError(errors)


# --------------------------------------------------------------------------- runs


class ReportRunQuerySet(ScopedQuerySet):
    scope_unit_field = "reporting_unit"

    def for_user(self, user):
        qs = super().for_user(user)
        # Agency staff report for their agency only, even though their unit holds other reports.
        if getattr(user, "role", None) == Role.AGENCY_STAFF and not scope_for(user).is_unrestricted:
            return qs.filter(agency_id=user.agency_id) if user.agency_id else qs.none()
        return qs

    def with_status(self, today: datetime.date, due_soon_days: int | None = None):
        """Annotate ``status``: the rule of ``periods.run_status`` in SQL, for filters and aggregates."""
        soon = settings.REPORT_DUE_SOON_DAYS if due_soon_days is None else due_soon_days
        return self.annotate(status=Case(
            When(submitted_on__isnull=False, submitted_on__lte=F("due_date"), then=Value(RunStatus.ON_TIME.value)),
            When(submitted_on__isnull=False, then=Value(RunStatus.LATE.value)),
            When(due_date__lt=today, then=Value(RunStatus.OVERDUE.value)),
            When(due_date__lte=today + datetime.timedelta(days=soon), then=Value(RunStatus.DUE_SOON.value)),
            default=Value(RunStatus.NOT_DUE.value),
            output_field=models.CharField(),
        ))

    def open(self):
        return self.filter(submitted_at__isnull=True)

    def still_owed(self, today: datetime.date):
        """Open runs whose reporting unit still exists on ``today``. A unit that ended (a district, a merged
        commune on 30/06/2025) owes nothing after its end: its unsent reports stay in the history as not
        submitted, but leave the to-do lists and reminders instead of growing "quá hạn 500 ngày"."""
        return self.open().filter(Q(reporting_unit__valid_to__isnull=True) | Q(reporting_unit__valid_to__gte=today))

    def for_reporter(self, user):
        """Runs the user reports themselves: their agency's, or their own unit's (not units below): the unit they
        work in today and, for an old commune's account, the old commune's (see ``User.working_unit``)."""
        if user.agency_id and getattr(user, "role", None) == Role.AGENCY_STAFF:
            return self.filter(agency_id=user.agency_id)
        if user.unit_id is None:
            return self.none()
        return self.filter(reporting_unit_id__in={user.unit_id, user.working_unit_id}, agency__isnull=True)


class ReportRun(TimeStampedModel):
    """One report owed: duty × period × reporting unit (or agency). Also the job row of its workbook."""

    duty = models.ForeignKey(ReportingDuty, verbose_name="nghĩa vụ báo cáo", on_delete=models.CASCADE,
                             related_name="runs")
    period_type = models.CharField("loại kỳ", max_length=10, choices=PeriodType.choices)
    year = models.PositiveSmallIntegerField("năm")
    period_number = models.PositiveSmallIntegerField("kỳ số", default=1)
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    due_date = models.DateField("hạn nộp")
    reporting_unit = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị báo cáo", on_delete=models.PROTECT,
                                       related_name="report_runs")
    agency = models.ForeignKey(Agency, verbose_name="cơ quan báo cáo", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="report_runs")

    # The boundaries the workbook was (last) asked for: "period" or "current"; blank = the default
    # (reports.boundaries.default_boundaries).
    boundaries = models.CharField("địa giới", max_length=10, blank=True,
                                  choices=[("period", "Theo địa giới của kỳ báo cáo"),
                                           ("current", "Theo địa giới hiện nay")])
    job_status = models.CharField("trạng thái tạo báo cáo", max_length=10, choices=JobStatus.choices,
                                  default=JobStatus.NONE, blank=True)
    job_error = models.TextField("lỗi khi tạo", blank=True)
    job_queued_at = models.DateTimeField("yêu cầu tạo lúc", null=True, blank=True)
    job_started_at = models.DateTimeField("bắt đầu tạo lúc", null=True, blank=True)
    job_finished_at = models.DateTimeField("tạo xong lúc", null=True, blank=True)
    # Crash recovery (reports.services.jobs): which attempt runs, on which worker, and its last sign of life.
    job_attempt = models.PositiveSmallIntegerField("lần tạo", default=0)
    job_worker = models.CharField("bộ xử lý nền đang tạo", max_length=200, blank=True)
    job_heartbeat_at = models.DateTimeField("bộ xử lý nền báo còn chạy lúc", null=True, blank=True)
    generated_file = models.FileField("tệp báo cáo đã tạo", upload_to=generated_path, storage=private_storage,
                                      max_length=255, blank=True)
    # The poverty report's appendices (by cause, by indicator, households that moved): a second workbook, so the
    # report itself prints on its own (a district's year on 2 pages).
    appendix_file = models.FileField("tệp phụ lục đã tạo", upload_to=generated_path, storage=private_storage,
                                     max_length=255, blank=True)

    uploaded_file = models.FileField("tệp báo cáo tải lên", upload_to=uploaded_path, storage=private_storage,
                                     max_length=255, blank=True)
    uploaded_at = models.DateTimeField("tải lên lúc", null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người tải lên", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")

    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    # The local calendar day of submitted_at: the deadline rule compares days, in SQL too.
    submitted_on = models.DateField("ngày nộp", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nộp", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submission_note = models.TextField("ghi chú khi nộp", blank=True)
    # The poverty report's headline figures as submitted (reports.services.figures); empty for other kinds.
    reported_poor = models.PositiveIntegerField("số hộ nghèo cuối kỳ (đã nộp)", null=True, blank=True)
    reported_near_poor = models.PositiveIntegerField("số hộ cận nghèo cuối kỳ (đã nộp)", null=True, blank=True)
    reported_escaped = models.PositiveIntegerField("số hộ thoát nghèo trong kỳ (đã nộp)", null=True, blank=True)

    objects = ReportRunQuerySet.as_manager()

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["due_date", "reporting_unit__path", "pk"]
        constraints = [
            # The daily job may run twice (or in two workers): these make a second run create nothing.
            models.UniqueConstraint(fields=["duty", "year", "period_number", "reporting_unit"],
                                    condition=Q(agency__isnull=True), name="run_unique_unit_period"),
            models.UniqueConstraint(fields=["duty", "year", "period_number", "agency"],
                                    condition=Q(agency__isnull=False), name="run_unique_agency_period"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="run_period_ordered"),
            models.CheckConstraint(condition=Q(submitted_at__isnull=True, submitted_on__isnull=True)
                                   | Q(submitted_at__isnull=False, submitted_on__isnull=False),
                                   name="run_submitted_day_with_time"),
        ]
        indexes = [
            # calendar and "my reports": one unit's runs by deadline
            models.Index(fields=["reporting_unit", "due_date"], name="run_unit_due_idx"),
            # daily job (due soon / overdue reminders, automatic builds) and completeness by year
            models.Index(fields=["due_date", "submitted_on"], name="run_due_submitted_idx"),
            # completeness table: one duty's runs grouped by period
            models.Index(fields=["duty", "year", "period_number"], name="run_duty_period_idx"),
            # stale-job sweep: runs left pending/running by a dead worker
            models.Index(fields=["job_status", "job_queued_at"], name="run_job_status_idx"),
        ]

    def __str__(self):
        return f"{self.duty.title} – {self.period.label} – {self.reporter_label}"

    def get_absolute_url(self):
        return reverse("reports:run_detail", kwargs={"pk": self.pk})

    @property
    def period(self) -> Period:
        return Period(self.period_type, self.year, self.period_number)

    @property
    def effective_boundaries(self) -> str:
        from .boundaries import clean_boundaries

        return clean_boundaries(self.boundaries, self.period_end, self.reporting_unit)

    @property
    def reporter_label(self) -> str:
        if self.agency_id:
            return self.agency.name
        return self.reporting_unit.display_name

    def status_on(self, today: datetime.date) -> RunStatus:
        return run_status(due=self.due_date, submitted_on=self.submitted_on, today=today,
                          due_soon_days=settings.REPORT_DUE_SOON_DAYS)

    @staticmethod
    def status_label(status: str) -> str:
        return RUN_STATUS_LABELS[RunStatus(status)]

    @staticmethod
    def status_badge(status: str) -> str:
        return RUN_STATUS_BADGES[RunStatus(status)]

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def job_in_progress(self) -> bool:
        return self.job_status in (JobStatus.PENDING, JobStatus.RUNNING)

    @property
    def job_retrying_attempt(self) -> int | None:
        """The attempt now queued or running after an earlier one failed (2, 3...), else None."""
        if self.job_status == JobStatus.PENDING and self.job_attempt >= 1:
            return self.job_attempt + 1
        if self.job_status == JobStatus.RUNNING and self.job_attempt >= 2:
            return self.job_attempt
        return None

    @property
    def job_label(self) -> str:
        attempt = self.job_retrying_attempt
        if attempt is not None:
            return f"thất bại, đang thử lại (lần {attempt}/{settings.REPORT_JOB_MAX_ATTEMPTS})"
        return self.get_job_status_display()


class RunAction(models.TextChoices):
    GENERATE_REQUESTED = "generate_requested", "Yêu cầu tạo báo cáo"
    GENERATED = "generated", "Đã tạo báo cáo"
    GENERATE_FAILED = "generate_failed", "Tạo báo cáo không thành công"
    UPLOADED = "uploaded", "Tải tệp lên"
    SUBMITTED = "submitted", "Nộp báo cáo"
    UNSUBMITTED = "unsubmitted", "Mở lại (hủy nộp)"
    COMMENTED = "commented", "Ý kiến"
    REMINDED = "reminded", "Gửi nhắc hạn"


class ReportRunEventQuerySet(ScopedQuerySet):
    scope_unit_field = "run__reporting_unit"


class ReportRunEvent(models.Model):
    """The run's history: requests, builds, uploads, submissions, comments, reminders (who, when, what)."""

    run = models.ForeignKey(ReportRun, verbose_name="kỳ báo cáo", on_delete=models.CASCADE, related_name="events")
    action = models.CharField("thao tác", max_length=20, choices=RunAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    text = models.TextField("nội dung", blank=True)
    at = models.DateTimeField("lúc", auto_now_add=True)

    objects = ReportRunEventQuerySet.as_manager()

    class Meta:
        verbose_name = "lịch sử kỳ báo cáo"
        verbose_name_plural = "lịch sử kỳ báo cáo"
        ordering = ["run", "at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "Nhắc trước hạn"
    OVERDUE = "overdue", "Báo quá hạn"


class ReminderLog(models.Model):
    """One reminder e-mail sent: unique per run × kind × recipient, so none is ever sent twice."""

    run = models.ForeignKey(ReportRun, verbose_name="kỳ báo cáo", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("loại nhắc", max_length=10, choices=ReminderKind.choices)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nhận", on_delete=models.CASCADE,
                                  related_name="+")
    email = models.EmailField("địa chỉ")
    sent_at = models.DateTimeField("gửi lúc", auto_now_add=True)

    class Meta:
        verbose_name = "thư nhắc hạn"
        verbose_name_plural = "thư nhắc hạn"
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "kind", "recipient"], name="reminder_once_per_run_kind_user"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.email}"


# --------------------------------------------------------------------------- household totals


class HouseholdTotalQuerySet(ScopedQuerySet):
    scope_unit_field = "commune"


class HouseholdTotal(models.Model):
    """Total households of a commune in a year (all households, not only those reviewed): the
    denominator of the poverty rate. Staff fill or import it; where missing, rates stay empty."""

    commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã, phường, thị trấn", on_delete=models.PROTECT,
                                related_name="household_totals")
    year = models.PositiveSmallIntegerField("năm")
    total = models.PositiveIntegerField("tổng số hộ")
    source = models.CharField("nguồn số liệu", max_length=200, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người cập nhật", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = HouseholdTotalQuerySet.as_manager()

    class Meta:
        verbose_name = "tổng số hộ của xã"
        verbose_name_plural = "tổng số hộ của các xã"
        ordering = ["commune__path", "year"]
        constraints = [
            # Also the index behind the report's lookup "totals of these communes in year Y".
            models.UniqueConstraint(fields=["commune", "year"], name="household_total_unique_commune_year"),
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100), name="household_total_year_sane"),
        ]

    def __str__(self):
        return f"{self.commune} {self.year}: {self.total}"
