"""Programme funds (kinh phí): estimates, allocations and disbursements of a plan's projects.

- ``PlanFundSource``: the sources a plan's "Kinh phí thực hiện" part names, as written.
- ``FundLine``: one project or sub-project × year × source, with its estimate (dự toán).
- ``FundAllocation``: what of a line is allocated (phân bổ), to an agency, to a commune, or not yet
  assigned to either (kept by the issuing unit).
- ``FundDisbursement``: what of an allocation was disbursed (giải ngân) in one quarter, with the document
  that backs it.

Amounts are whole đồng (``BigIntegerField``). The rule that disbursement may not exceed allocation
without a note lives in ``funds.rules`` and is applied by the models' ``clean``, the services, the forms
and the import alike.

Scope: a row belongs to the plan's issuing unit, and also to the commune it is allocated to; agency staff
see only the rows of projects their agency leads or of allocations made to it (``for_user`` below, built on
``directory.scoping``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum

from directory.lookups import Ids
from directory.models import AdministrativeUnit, Agency, Role, TimeStampedModel
from directory.scoping import ScopedQuerySet, scope_for
from plans.models import Plan, Project

from . import rules

MAX_AMOUNT = rules.MAX_AMOUNT


class FundSource(models.TextChoices):
    CENTRAL = "ns_trung_uong", "Ngân sách trung ương"
    LOCAL = "ns_dia_phuong", "Ngân sách địa phương"
    INTEGRATED = "long_ghep", "Lồng ghép"
    MOBILISED = "huy_dong", "Huy động hợp pháp khác"


QUARTERS = [(1, "Quý I"), (2, "Quý II"), (3, "Quý III"), (4, "Quý IV")]


def _agency_filter(user, *, lead: str, recipient: str) -> Q | None:
    """Agency staff: rows of projects their agency leads or allocated to their agency (None: no narrowing)."""
    if getattr(user, "role", None) != Role.AGENCY_STAFF or scope_for(user).is_unrestricted:
        return None
    if not user.agency_id:
        return Q(pk__in=[])
    return Q(**{lead: user.agency_id}) | Q(**{recipient: user.agency_id})


class _FundScoped(ScopedQuerySet):
    """Visible when the plan's unit is in scope or the allocation's commune is; agency staff narrower."""

    plan_path = ""
    commune_path = ""
    lead_path = ""
    recipient_path = ""

    def for_user(self, user):
        scope = scope_for(user)
        ids = scope.ids()
        qs = self
        if ids is not None:
            if not ids:
                return self.none()
            # in_ids (directory.lookups): the scope's ids as one array parameter (a province: ~600)
            condition = Q(**{f"{self.plan_path}__in_ids": Ids(ids)})
            if self.commune_path:
                condition |= Q(**{f"{self.commune_path}__in_ids": Ids(ids)})
            qs = qs.filter(condition)
        agency = _agency_filter(user, lead=self.lead_path, recipient=self.recipient_path)
        if agency is not None:
            qs = qs.filter(agency)
        return qs


class PlanFundSourceQuerySet(ScopedQuerySet):
    scope_unit_field = "plan__unit"


class PlanFundSource(models.Model):
    """A source of funds the plan's "Kinh phí thực hiện" part names (transcribed as written)."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="fund_sources")
    source = models.CharField("nguồn kinh phí", max_length=20, choices=FundSource.choices)
    as_written = models.TextField("nguyên văn", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = PlanFundSourceQuerySet.as_manager()

    class Meta:
        verbose_name = "nguồn kinh phí của kế hoạch"
        verbose_name_plural = "nguồn kinh phí của kế hoạch"
        ordering = ["plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "source"], name="plan_fund_source_unique",
                                    violation_error_message="Kế hoạch đã ghi nguồn kinh phí này."),
        ]

    def __str__(self):
        return f"{self.plan.code}: {self.get_source_display()}"


class FundLineQuerySet(_FundScoped):
    plan_path = "plan__unit"
    commune_path = "allocations__commune"
    lead_path = "project__lead_agency"
    recipient_path = "allocations__agency"

    def for_user(self, user):
        # the commune and agency conditions join the allocations: one line per match, so de-duplicate by id
        inner = super().for_user(user)
        if inner.query.is_empty():
            return inner
        return self.filter(pk__in=inner.values("pk"))


class FundLine(TimeStampedModel):
    """One project (or sub-project) of a plan × one year × one source: the estimate (dự toán)."""

    plan = models.ForeignKey(Plan, verbose_name="kế hoạch", on_delete=models.CASCADE, related_name="fund_lines")
    project = models.ForeignKey(Project, verbose_name="dự án, tiểu dự án", on_delete=models.PROTECT,
                                related_name="fund_lines")
    year = models.PositiveSmallIntegerField("năm")
    source = models.CharField("nguồn vốn", max_length=20, choices=FundSource.choices)
    estimate = models.BigIntegerField("dự toán (đồng)", default=0)
    note = models.TextField("ghi chú", blank=True)

    # Optimistic lock (directory.concurrency): every edit claims the row with version = version + 1.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = FundLineQuerySet.as_manager()

    class Meta:
        verbose_name = "dự toán kinh phí"
        verbose_name_plural = "dự toán kinh phí"
        ordering = ["plan", "year", "project__order", "project__number", "source"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "source"], name="fund_line_unique",
                                    violation_error_message="Dự án này đã có dòng kinh phí của năm và nguồn vốn này."),
            models.CheckConstraint(condition=Q(estimate__gte=0) & Q(estimate__lte=MAX_AMOUNT),
                                   name="fund_line_estimate_range",
                                   violation_error_message="Dự toán phải từ 0 đến 1.000.000 tỷ đồng."),
        ]
        indexes = [
            # the plan's funds page and the reports: one plan's lines of one year
            models.Index(fields=["plan", "year"], name="fund_line_plan_year_idx"),
            # the dashboard and the six-month/annual sheet: every line of a year
            models.Index(fields=["year", "source"], name="fund_line_year_source_idx"),
        ]

    def __str__(self):
        return f"{self.project.label} – {self.get_source_display()} – {self.year}"

    def clean(self):
        errors = {}
        if self.project_id and self.plan_id and self.project.plan_id != self.plan_id:
            errors["project"] = "Dự án này không thuộc kế hoạch."
        if self.plan_id and self.year and not (self.plan.first_year <= self.year <= self.plan.last_year):
            errors["year"] = f"Năm {self.year} nằm ngoài thời kỳ của kế hoạch ({self.plan.period_label})."
        if errors:
            raise ValidationError(errors)


class FundAllocationQuerySet(_FundScoped):
    plan_path = "line__plan__unit"
    commune_path = "commune"
    lead_path = "line__project__lead_agency"
    recipient_path = "agency"


class FundAllocation(TimeStampedModel):
    """The part of a line allocated (phân bổ) to an agency, a commune, or to no one yet."""

    line = models.ForeignKey(FundLine, verbose_name="dòng kinh phí", on_delete=models.CASCADE,
                             related_name="allocations")
    agency = models.ForeignKey(Agency, verbose_name="cơ quan được giao", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="fund_allocations")
    commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã được giao", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="fund_allocations")
    amount = models.BigIntegerField("phân bổ (đồng)", default=0)
    decision_number = models.CharField("số quyết định phân bổ", max_length=60, blank=True)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True,
                            help_text="Bắt buộc khi tổng giải ngân vượt số phân bổ: ghi lý do.")

    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = FundAllocationQuerySet.as_manager()

    class Meta:
        verbose_name = "phân bổ kinh phí"
        verbose_name_plural = "phân bổ kinh phí"
        ordering = ["line", "agency__name", "commune__name", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(agency__isnull=True) | Q(commune__isnull=True),
                                   name="fund_allocation_one_recipient",
                                   violation_error_message="Phân bổ cho một cơ quan hoặc một xã, không cả hai."),
            models.CheckConstraint(condition=Q(amount__gte=0) & Q(amount__lte=MAX_AMOUNT),
                                   name="fund_allocation_amount_range",
                                   violation_error_message="Số phân bổ phải từ 0 đến 1.000.000 tỷ đồng."),
            models.UniqueConstraint(fields=["line", "agency"], condition=Q(agency__isnull=False),
                                    name="fund_allocation_unique_agency",
                                    violation_error_message="Cơ quan này đã có phân bổ trong dòng kinh phí này."),
            models.UniqueConstraint(fields=["line", "commune"], condition=Q(commune__isnull=False),
                                    name="fund_allocation_unique_commune",
                                    violation_error_message="Xã này đã có phân bổ trong dòng kinh phí này."),
            models.UniqueConstraint(fields=["line"], condition=Q(agency__isnull=True, commune__isnull=True),
                                    name="fund_allocation_unique_unassigned",
                                    violation_error_message="Dòng kinh phí này đã có phần chưa giao đơn vị."),
        ]

    def __str__(self):
        return f"{self.line} → {self.recipient_label}"

    @property
    def recipient_label(self) -> str:
        if self.agency_id:
            return self.agency.name
        if self.commune_id:
            return self.commune.display_name
        return "Chưa giao đơn vị cụ thể"

    def disbursed_total(self, *, exclude_pk=None) -> int:
        if not self.pk:
            return 0
        qs = FundDisbursement.objects.filter(allocation_id=self.pk)
        if exclude_pk:
            qs = qs.exclude(pk=exclude_pk)
        return qs.aggregate(total=Sum("amount"))["total"] or 0

    def recipient_errors(self) -> dict:
        """The agency or commune must lie within the plan's issuing unit."""
        errors = {}
        if self.agency_id and self.line_id and not self.agency.unit.path.startswith(self.line.plan.unit.path):
            errors["agency"] = f"{self.agency.name} không thuộc {self.line.plan.unit.name}, đơn vị ban hành kế hoạch."
        if self.commune_id and self.line_id:
            commune = self.commune
            if not commune.is_commune:
                errors["commune"] = f"{commune.name} không phải là xã, phường, thị trấn."
            elif not commune.path.startswith(self.line.plan.unit.path):
                errors["commune"] = f"{commune.display_name} không thuộc {self.line.plan.unit.name}."
        return errors

    def clean(self):
        errors = self.recipient_errors()
        if self.pk and not errors:
            disbursed = self.disbursed_total()
            noted = (self.note.strip()
                     or FundDisbursement.objects.filter(allocation_id=self.pk).exclude(note="").exists())
            try:
                rules.check_within_allocation(allocated=self.amount, disbursed=disbursed, note="x" if noted else "")
            except rules.OverAllocation as exc:
                errors["amount"] = (f"Đã giải ngân {rules.money(disbursed)} đồng, nhiều hơn số phân bổ mới "
                                    f"{rules.money(self.amount)} đồng: {exc.reason}")
        if errors:
            raise ValidationError(errors)


class FundDisbursementQuerySet(_FundScoped):
    plan_path = "allocation__line__plan__unit"
    commune_path = "allocation__commune"
    lead_path = "allocation__line__project__lead_agency"
    recipient_path = "allocation__agency"


class FundDisbursement(TimeStampedModel):
    """What of an allocation was disbursed (giải ngân) in one quarter, with the backing document."""

    allocation = models.ForeignKey(FundAllocation, verbose_name="phân bổ", on_delete=models.CASCADE,
                                   related_name="disbursements")
    quarter = models.PositiveSmallIntegerField("quý", choices=QUARTERS)
    amount = models.BigIntegerField("giải ngân (đồng)")
    document_number = models.CharField("số chứng từ", max_length=60)
    document_date = models.DateField("ngày chứng từ")
    note = models.TextField("ghi chú", blank=True,
                            help_text="Bắt buộc khi tổng giải ngân vượt số phân bổ: ghi lý do.")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nhập", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = FundDisbursementQuerySet.as_manager()

    class Meta:
        verbose_name = "giải ngân"
        verbose_name_plural = "giải ngân"
        ordering = ["allocation", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["allocation", "quarter"], name="fund_disbursement_unique_quarter",
                                    violation_error_message="Phân bổ này đã có số giải ngân của quý này."),
            models.CheckConstraint(condition=Q(amount__gt=0) & Q(amount__lte=MAX_AMOUNT),
                                   name="fund_disbursement_amount_range",
                                   violation_error_message="Số giải ngân phải lớn hơn 0 và không quá "
                                                           "1.000.000 tỷ đồng."),
            models.CheckConstraint(condition=Q(quarter__gte=1) & Q(quarter__lte=4), name="fund_disbursement_quarter",
                                   violation_error_message="Quý phải từ 1 đến 4."),
        ]
        indexes = [
            # the reports sum a period's quarters
            models.Index(fields=["quarter", "allocation"], name="fund_disb_quarter_idx"),
        ]

    def __str__(self):
        return f"{self.get_quarter_display()}: {rules.money(self.amount)} đồng ({self.document_number})"

    def date_errors(self) -> dict:
        errors = {}
        if self.allocation_id and self.document_date and self.quarter in (1, 2, 3, 4):
            year = self.allocation.line.year
            if self.document_date.year not in (year, year + 1):
                # settlement documents of Q4 are often dated early the next year
                errors["document_date"] = (f"Ngày chứng từ {self.document_date:%d/%m/%Y} không thuộc năm {year} "
                                           "của dòng kinh phí (hoặc đầu năm sau).")
        return errors

    def clean(self):
        errors = self.date_errors()
        if self.allocation_id and self.amount is not None and "amount" not in errors:
            others = self.allocation.disbursed_total(exclude_pk=self.pk)
            try:
                rules.check_within_allocation(allocated=self.allocation.amount, disbursed=others + self.amount,
                                              note=self.note)
            except rules.OverAllocation as exc:
                errors["note"] = exc.reason
        if errors:
            raise ValidationError(errors)
