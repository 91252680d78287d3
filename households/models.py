"""Households, members, poverty standards, reviews (rà soát), escape plans and their history.

Bulk-import friendly by design: no model computes anything in ``save()`` or in
signals. Everything derived (a review's ``category``, ``deprivation_count``,
``effective_date``, ``commune``; a household's ``has_labour_capacity``,
``member_count`` and ``current_category``) is computed by pure functions in
``classification.py`` / ``services.py`` that the web forms and the Excel import
both call, so ``bulk_create`` can write finished rows in batches.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from directory.models import AdministrativeUnit, Agency, AreaType, TimeStampedModel
from directory.scoping import ScopedQuerySet
from directory.storage import PrivateStorage

from .search import NameKey

citizen_id_validator = RegexValidator(
    r"^\d{12}$", "Số định danh cá nhân (CCCD) phải gồm đúng 12 chữ số.", code="citizen_id"
)

# The periodic review runs 1/9–14/12 (Decision 24/2021, Art. 3); a review with no
# date counts from the end of that window.
PERIODIC_REVIEW_END = (12, 14)


def default_effective_date(year: int, review_date: datetime.date | None) -> datetime.date:
    """When a review's result takes effect: its date, or 14/12 of its year when it has none."""
    return review_date or datetime.date(year, *PERIODIC_REVIEW_END)


# --------------------------------------------------------------------------- categories


class Category(models.TextChoices):
    POOR = "poor", "Hộ nghèo"
    NEAR_POOR = "near_poor", "Hộ cận nghèo"
    AVERAGE = "average", "Hộ có mức sống trung bình"
    NOT_POOR = "not_poor", "Hộ không nghèo"


# --------------------------------------------------------------------------- poverty standards


class PovertyStandardQuerySet(models.QuerySet):
    def for_list_year(self, list_year: int):
        """Standards in force for the poor/near-poor lists of ``list_year`` (see classification.list_year_of)."""
        return self.filter(first_list_year__lte=list_year, last_list_year__gte=list_year)


# Shown next to anything not yet checked against the official text (never the English word).
UNCONFIRMED_LABEL = "chưa đối chiếu văn bản chính thức"


class PovertyStandard(models.Model):
    """A national poverty standard (chuẩn nghèo) and the years of lists it applies to.

    Validity is in LIST years: the 2022–2025 standard (Decree 07/2021) covers the lists of
    2022–2026, decided by the periodic reviews of 2021–2025 and the regular reviews of
    2022–2026. ``classification.standard_for_review`` turns a review's round and year into
    a list year.
    """

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=200)
    legal_basis = models.CharField("căn cứ pháp lý", max_length=300, blank=True)
    first_list_year = models.PositiveSmallIntegerField(
        "áp dụng cho danh sách từ năm",
        help_text="Rà soát định kỳ năm N lập danh sách năm N+1; rà soát thường xuyên, đột xuất năm N: năm N.",
    )
    last_list_year = models.PositiveSmallIntegerField("đến danh sách năm")
    is_verified = models.BooleanField(
        "đã đối chiếu văn bản gốc", default=True,
        help_text="Bỏ chọn khi một phần chuẩn chưa được đối chiếu với văn bản chính thức.",
    )
    note = models.TextField("ghi chú", blank=True)

    objects = PovertyStandardQuerySet.as_manager()

    class Meta:
        verbose_name = "chuẩn nghèo"
        verbose_name_plural = "chuẩn nghèo"
        ordering = ["first_list_year"]
        constraints = [
            models.CheckConstraint(condition=Q(first_list_year__lte=models.F("last_list_year")),
                                   name="standard_list_years_ordered"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """How screens, exports and reports name it: "Chuẩn nghèo giai đoạn 2027–2030, Nghị định 351/2025/NĐ-CP"."""
        return f"{self.name}, {self.legal_basis}" if self.legal_basis else self.name


class LineKind(models.TextChoices):
    # Decision 59/2015 only: below this line a household is poor whatever its deprivations.
    LOWER = "lower", "Ngưỡng nghèo không xét thiếu hụt"
    POVERTY = "poverty", "Chuẩn nghèo (thu nhập)"
    AVERAGE = "average", "Ngưỡng hộ có mức sống trung bình"


class IncomeLine(models.Model):
    """An income line of a standard for one area, in VND per person per month."""

    standard = models.ForeignKey(PovertyStandard, on_delete=models.CASCADE, related_name="income_lines",
                                 verbose_name="chuẩn nghèo")
    area = models.CharField("khu vực", max_length=10, choices=AreaType.choices)
    kind = models.CharField("loại ngưỡng", max_length=10, choices=LineKind.choices)
    amount = models.PositiveIntegerField("mức (đồng/người/tháng)")
    is_verified = models.BooleanField("đã đối chiếu", default=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        verbose_name = "ngưỡng thu nhập"
        verbose_name_plural = "ngưỡng thu nhập"
        ordering = ["standard", "area", "amount"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "area", "kind"], name="income_line_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.get_area_display()}: {self.amount:,}".replace(",", ".")


class Dimension(models.Model):
    """A dimension of deprivation (việc làm, y tế, giáo dục, nhà ở, nước và vệ sinh, thông tin)."""

    standard = models.ForeignKey(PovertyStandard, on_delete=models.CASCADE, related_name="dimensions",
                                 verbose_name="chuẩn nghèo")
    order = models.PositiveSmallIntegerField("thứ tự")
    name = models.CharField("tên chiều thiếu hụt", max_length=120)

    class Meta:
        verbose_name = "chiều thiếu hụt"
        verbose_name_plural = "chiều thiếu hụt"
        ordering = ["standard", "order"]
        constraints = [models.UniqueConstraint(fields=["standard", "name"], name="dimension_unique_name")]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """One deprivation indicator; an import column is headed by ``name``."""

    standard = models.ForeignKey(PovertyStandard, on_delete=models.CASCADE, related_name="indicators",
                                 verbose_name="chuẩn nghèo")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="indicators",
                                  verbose_name="chiều thiếu hụt")
    order = models.PositiveSmallIntegerField("thứ tự")
    code = models.SlugField("mã", max_length=40)
    name = models.CharField("tên chỉ số", max_length=160)
    threshold = models.TextField("ngưỡng thiếu hụt", blank=True)
    is_verified = models.BooleanField(
        "đã đối chiếu văn bản gốc", default=True,
        help_text="Bỏ chọn khi tên hoặc ngưỡng chưa được đối chiếu với văn bản chính thức.",
    )
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        verbose_name = "chỉ số thiếu hụt"
        verbose_name_plural = "chỉ số thiếu hụt"
        ordering = ["standard", "order"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="indicator_unique_code"),
            models.UniqueConstraint(fields=["standard", "name"], name="indicator_unique_name"),
        ]

    def __str__(self):
        return self.name


class ClassificationRule(models.Model):
    """One ordered rule: (area, income band, deprivation count) → category. First match wins.

    Income bounds name a line of the same standard (``LineKind``), so editing a line
    moves every rule that uses it. No bound means open-ended. A household that no
    rule matches is ``NOT_POOR``.
    """

    standard = models.ForeignKey(PovertyStandard, on_delete=models.CASCADE, related_name="rules",
                                 verbose_name="chuẩn nghèo")
    order = models.PositiveSmallIntegerField("thứ tự xét")
    area = models.CharField("khu vực", max_length=10, choices=AreaType.choices, blank=True,
                            help_text="Để trống: áp dụng cho cả nông thôn và thành thị.")
    income_above = models.CharField("thu nhập lớn hơn ngưỡng", max_length=10, choices=LineKind.choices,
                                    blank=True)
    income_at_most = models.CharField("thu nhập không quá ngưỡng", max_length=10, choices=LineKind.choices,
                                      blank=True)
    min_deprivations = models.PositiveSmallIntegerField("số chỉ số thiếu hụt tối thiểu", null=True, blank=True)
    max_deprivations = models.PositiveSmallIntegerField("số chỉ số thiếu hụt tối đa", null=True, blank=True)
    category = models.CharField("phân loại", max_length=10, choices=Category.choices)
    is_verified = models.BooleanField("đã đối chiếu", default=True)
    note = models.CharField("ghi chú", max_length=300, blank=True)

    class Meta:
        verbose_name = "quy tắc phân loại"
        verbose_name_plural = "quy tắc phân loại"
        ordering = ["standard", "order"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "order"], name="rule_unique_order"),
            models.CheckConstraint(
                condition=Q(min_deprivations__isnull=True) | Q(max_deprivations__isnull=True)
                | Q(min_deprivations__lte=models.F("max_deprivations")),
                name="rule_deprivations_ordered",
            ),
        ]

    def __str__(self):
        return f"#{self.order} → {self.get_category_display()}"


# --------------------------------------------------------------------------- causes and supports


class PovertyCauseQuerySet(models.QuerySet):
    def active_in(self, year: int):
        return self.filter(Q(valid_from_year__isnull=True) | Q(valid_from_year__lte=year)).filter(
            Q(valid_to_year__isnull=True) | Q(valid_to_year__gte=year)
        )


class PovertyCause(models.Model):
    """Cause of poverty (nguyên nhân nghèo): an editable, dated lookup list (no official list found)."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=160, unique=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    valid_from_year = models.PositiveSmallIntegerField("dùng từ năm", null=True, blank=True)
    valid_to_year = models.PositiveSmallIntegerField("đến năm", null=True, blank=True)

    objects = PovertyCauseQuerySet.as_manager()

    class Meta:
        verbose_name = "nguyên nhân nghèo"
        verbose_name_plural = "nguyên nhân nghèo"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class SupportType(models.Model):
    """A kind of support in an escape plan (tín dụng, nhà ở, BHYT, học nghề, việc làm, sinh kế...)."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=160, unique=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "loại hỗ trợ"
        verbose_name_plural = "loại hỗ trợ"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


# --------------------------------------------------------------------------- households


class _MovedHouseholdScope(ScopedQuerySet):
    """A household belongs to the commune it was registered in AND to its current commune (the successor
    after the 2025 reform): the district keeps its history, a new xã sees the households that moved to it
    (all of a merged commune's, only its own villages of a split one) and nothing of its predecessors' else."""

    scope_unit_fields = ("commune", "current_commune")
    scope_history = False


class HouseholdQuerySet(_MovedHouseholdScope):
    scope_unit_field = "commune"

    def for_user_list(self, user):
        """``for_user`` for a list page: without the ``current_commune`` half of the filter when no household
        has moved into the scope (one index probe, once per request): the same rows, and a filter on
        ``commune`` alone lets the planner walk the (commune, code) index for a list's first page. With the
        OR, it read a commune's list by scanning the whole province's commune index (650 ms at a million
        households; measured by `scale`, issue 12)."""
        from directory.scoping import scope_for

        scope = scope_for(user)
        ids = scope.ids(history=False)
        if ids:
            moved_in = getattr(scope, "_households_moved_in", None)
            if moved_in is None:
                moved_in = Household.objects.filter(current_commune_id__in_ids=ids).exists()
                scope._households_moved_in = moved_in
            if not moved_in:
                return scope.filter(self, "commune", history=False)
        return self.for_user(user)

    def in_commune(self, commune):
        return self.filter(commune=commune)

    def living_in(self, commune_ids):
        """Households whose current commune is one of ``commune_ids`` (today's boundaries)."""
        return self.filter(current_commune_id__in=list(commune_ids))


class Household(TimeStampedModel):
    """A household (hộ gia đình) of one commune; ``code`` is unique within the commune.

    ``commune`` is the commune the household was registered in (its code is unique there, and the
    reports on the boundaries of a period before 1/7/2025 count it there); ``current_commune`` is the
    successor that manages it today once that commune has ended (a merger, or a split decided village by
    village: ``households.rehoming``), null while it has not. Both are in the household's scope.
    """

    code = models.CharField("mã hộ", max_length=30)
    commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã", on_delete=models.PROTECT,
                                related_name="households")
    # Null while the registered commune still exists (every creation path, bulk imports included, can
    # ignore it); set by households.rehoming once that commune has ended.
    current_commune = models.ForeignKey(
        AdministrativeUnit, verbose_name="xã hiện nay", null=True, blank=True, editable=False,
        on_delete=models.PROTECT, related_name="current_households",
        help_text="Xã kế thừa đang quản lý hộ sau sắp xếp đơn vị hành chính; để trống khi vẫn là xã đã đăng ký.",
    )
    village = models.CharField("thôn, bản, tổ dân phố", max_length=120, blank=True)
    head_name = models.CharField("họ và tên chủ hộ", max_length=120)
    # The search box's key: the name folded (no diacritics, đ → d, lower case; households.search), computed and
    # stored by the database on every write, whoever writes (ORM, the import's COPY, the bench's COPY).
    head_name_key = models.GeneratedField(expression=NameKey("head_name"), output_field=models.TextField(),
                                          db_persist=True)
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    area = models.CharField("khu vực", max_length=10, choices=AreaType.choices, default=AreaType.RURAL)
    # Empty: the area follows the commune on each review's date (households.areas). Filled: ``area`` is an
    # override of this household, kept with its reason.
    area_reason = models.CharField(
        "lý do khu vực khác với xã", max_length=300, blank=True,
        help_text="Chỉ ghi khi khu vực của hộ khác khu vực của xã, phường (xã: nông thôn; phường, thị trấn: "
                  "thành thị). Để trống: theo xã, phường tại ngày rà soát.")
    is_ethnic_minority = models.BooleanField("dân tộc thiểu số", default=False)
    has_person_of_merit = models.BooleanField("có người có công", default=False)
    female_head = models.BooleanField("chủ hộ là phụ nữ", default=False)
    # Derived from members (services.household_labour_capacity); an import without a
    # member list sets it from the "Không có khả năng lao động" column.
    has_labour_capacity = models.BooleanField("có khả năng lao động", default=True)
    member_count = models.PositiveSmallIntegerField("số nhân khẩu", default=1)
    # Category of the latest approved review, kept by services.household_refresh_status
    # so the list can filter on an indexed column instead of a subquery per row.
    current_category = models.CharField("phân loại hiện tại", max_length=10, choices=Category.choices, blank=True)
    current_year = models.PositiveSmallIntegerField("năm rà soát gần nhất đã duyệt", null=True, blank=True)
    note = models.TextField("ghi chú", blank=True)
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người tạo", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = "hộ gia đình"
        verbose_name_plural = "hộ gia đình"
        ordering = ["commune", "code"]
        constraints = [
            # Also the index behind "list a commune's households ordered by code" and code search.
            models.UniqueConstraint(fields=["commune", "code"], name="household_unique_code_in_commune",
                                    violation_error_message="Mã hộ này đã có trong xã."),
            models.CheckConstraint(condition=Q(member_count__gte=0), name="household_member_count_gte_0"),
        ]
        indexes = [
            # household list: filter by village within a commune
            models.Index(fields=["commune", "village"], name="hh_commune_village_idx"),
            # household list filtered by category / labour capacity / ethnic minority, in the list's order
            # (commune, code): with the filter's value fixed, the index yields the rows already ordered, so the
            # first page of a province reads 51 index entries instead of sorting every match. The category
            # one also serves plans' poor_household_counts per commune.
            models.Index(fields=["commune", "current_category", "code"], name="hh_commune_category_code_idx"),
            models.Index(fields=["commune", "has_labour_capacity", "code"], name="hh_commune_labour_code_idx"),
            models.Index(fields=["commune", "is_ethnic_minority", "code"], name="hh_commune_ethnic_code_idx"),
            # household list: ordered by head's name within a commune
            models.Index(fields=["commune", "head_name"], name="hh_commune_head_idx"),
            # a new commune's predecessors' households (scope; reports on today's boundaries)
            models.Index(fields=["current_commune", "code"], name="hh_current_commune_code_idx"),
        ]
        # On PostgreSQL, migrations add the search box's indexes outside the model state:
        # hh_head_name_key_search_idx, trigram (GIN) on head_name_key (0012), and
        # hh_code_prefix_idx, btree on upper(code) text_pattern_ops (0010, for the code's prefix).

    def __str__(self):
        return f"{self.code} – {self.head_name}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("households:household_detail", args=[self.pk])

    @property
    def today_commune_id(self) -> int:
        return self.current_commune_id or self.commune_id

    @property
    def today_commune(self) -> AdministrativeUnit:
        """The commune that manages the household today."""
        return self.current_commune if self.current_commune_id else self.commune


class Sex(models.TextChoices):
    MALE = "male", "Nam"
    FEMALE = "female", "Nữ"


class Relation(models.TextChoices):
    HEAD = "head", "Chủ hộ"
    SPOUSE = "spouse", "Vợ/chồng"
    CHILD = "child", "Con"
    PARENT = "parent", "Bố/mẹ"
    GRANDPARENT = "grandparent", "Ông/bà"
    GRANDCHILD = "grandchild", "Cháu"
    SIBLING = "sibling", "Anh/chị/em"
    CHILD_IN_LAW = "child_in_law", "Con dâu/con rể"
    OTHER = "other", "Khác"


class MemberQuerySet(_MovedHouseholdScope):
    scope_unit_field = "household__commune"
    scope_unit_fields = ("household__commune", "household__current_commune")


class Member(TimeStampedModel):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members",
                                  verbose_name="hộ gia đình")
    full_name = models.CharField("họ và tên", max_length=120)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    sex = models.CharField("giới tính", max_length=6, choices=Sex.choices, blank=True)
    # Indexed: the household list searches by citizen ID, and the duplicate warning looks it up.
    citizen_id = models.CharField("số định danh cá nhân (CCCD)", max_length=12, blank=True, db_index=True,
                                  validators=[citizen_id_validator])
    relation = models.CharField("quan hệ với chủ hộ", max_length=15, choices=Relation.choices,
                                default=Relation.OTHER)
    has_labour_capacity = models.BooleanField("có khả năng lao động", default=False)
    no_labour_reason = models.CharField("lý do không có khả năng lao động", max_length=200, blank=True)
    ethnicity = models.CharField("dân tộc", max_length=40, blank=True, default="Kinh")
    has_disability = models.BooleanField("khuyết tật", default=False)
    has_health_insurance = models.BooleanField("có thẻ BHYT", default=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = "thành viên hộ"
        verbose_name_plural = "thành viên hộ"
        ordering = ["household", "order", "pk"]

    # Oldest birth year taken, counted back from this year: a year before it is a typing slip (1700 for 1970).
    MAX_AGE = 120

    def __str__(self):
        return self.full_name

    def clean(self):
        super().clean()
        this_year = timezone.localdate().year
        if self.birth_year is not None and not this_year - self.MAX_AGE <= self.birth_year <= this_year:
            raise ValidationError({"birth_year": (
                f"Năm sinh {self.birth_year} không hợp lệ: phải từ {this_year - self.MAX_AGE} "
                f"đến {this_year} (năm nay).")})


# --------------------------------------------------------------------------- reviews


class ReviewRound(models.TextChoices):
    PERIODIC = "periodic", "Định kỳ hằng năm"
    REGULAR = "regular", "Thường xuyên"
    AD_HOC = "ad_hoc", "Đột xuất"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "Nháp"
    SUBMITTED = "submitted", "Đã nộp"
    APPROVED = "approved", "Đã phê duyệt"
    RETURNED = "returned", "Trả lại"


class ReviewQuerySet(ScopedQuerySet):
    # Denormalised from the household so the approval queue and the reports filter
    # one indexed column instead of joining households.
    scope_unit_field = "commune"

    def approved(self):
        return self.filter(status=ReviewStatus.APPROVED)

    def in_effect_on(self, day: datetime.date):
        return self.approved().filter(effective_date__lte=day)


class Review(TimeStampedModel):
    """One review (rà soát) of a household for a year and round; its category is computed, never typed."""

    # No index of their own: each leads a composite index below (review_hh_status_eff_idx,
    # review_commune_status_idx, review_commune_year_idx) that serves the same lookups; an import writes
    # 50.000 reviews into a table of millions, and every index is written once per row.
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="reviews",
                                  verbose_name="hộ gia đình", db_index=False)
    commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã", on_delete=models.PROTECT,
                                related_name="+", editable=False, db_index=False)
    year = models.PositiveSmallIntegerField("năm rà soát")
    round = models.CharField("đợt rà soát", max_length=10, choices=ReviewRound.choices,
                             default=ReviewRound.PERIODIC)
    review_date = models.DateField("ngày rà soát", null=True, blank=True)
    effective_date = models.DateField("có hiệu lực từ", editable=False)
    standard = models.ForeignKey(PovertyStandard, on_delete=models.PROTECT, related_name="reviews",
                                 verbose_name="chuẩn nghèo", editable=False)
    area = models.CharField("khu vực", max_length=10, choices=AreaType.choices, default=AreaType.RURAL)
    income_per_capita = models.PositiveIntegerField("thu nhập bình quân đầu người (đồng/tháng)")
    deprived_indicators = models.ManyToManyField(Indicator, blank=True, related_name="reviews",
                                                 verbose_name="chỉ số thiếu hụt")
    deprivation_count = models.PositiveSmallIntegerField("số chỉ số thiếu hụt", default=0, editable=False)
    category = models.CharField("phân loại", max_length=10, choices=Category.choices, editable=False)
    # Labour capacity as it was at review time (the household's flag may change later).
    has_labour_capacity = models.BooleanField("có khả năng lao động", default=True)
    causes = models.ManyToManyField(PovertyCause, blank=True, related_name="reviews",
                                    verbose_name="nguyên nhân nghèo")
    reviewer = models.CharField("rà soát viên", max_length=120, blank=True)
    status = models.CharField("trạng thái", max_length=10, choices=ReviewStatus.choices,
                              default=ReviewStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nhập", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người nộp", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người phê duyệt", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField("phê duyệt lúc", null=True, blank=True)
    return_comment = models.TextField("lý do trả lại", blank=True)
    note = models.TextField("ghi chú", blank=True)
    # Optimistic lock: every write goes through a conditional UPDATE ... WHERE version = n.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = "rà soát"
        verbose_name_plural = "rà soát"
        ordering = ["household", "-year", "-effective_date"]
        constraints = [
            # One periodic review per household and year; regular/ad-hoc ones may repeat.
            models.UniqueConstraint(fields=["household", "year"], condition=Q(round="periodic"),
                                    name="review_one_periodic_per_year",
                                    violation_error_message="Hộ này đã có phiếu rà soát định kỳ của năm này."),
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100), name="review_year_sane"),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False), name="review_approved_has_time",
            ),
        ]
        indexes = [
            # reports: status at date D = latest APPROVED review with effective_date <= D, per household
            models.Index(fields=["household", "status", "effective_date"], name="review_hh_status_eff_idx"),
            # approval queue: submitted reviews of the communes in scope; household list review-status filter
            models.Index(fields=["commune", "status"], name="review_commune_status_idx"),
            # reports and exports: a commune's reviews of a year
            models.Index(fields=["commune", "year", "status"], name="review_commune_year_idx"),
            # dashboard year_completion: "has the commune an approved periodic review of the year?", one EXISTS
            # per commune and year. Partial, so the probe is an index-only scan of the rows it asks about
            # (the index above also holds every other status and round, and needs the heap for the round).
            models.Index(fields=["commune", "year"], condition=Q(status="approved", round="periodic"),
                         name="review_periodic_done_idx"),
        ]

    def __str__(self):
        return f"Rà soát {self.year} – {self.household_id}"

    @property
    def is_locked(self) -> bool:
        """Approved reviews are locked; a correction needs a reopening with a reason."""
        return self.status == ReviewStatus.APPROVED

    @property
    def is_editable(self) -> bool:
        """The commune edits drafts and returned reviews; a submitted one waits for the approver."""
        return self.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED)


class ReviewAction(models.TextChoices):
    CREATED = "created", "Tạo mới"
    EDITED = "edited", "Sửa"
    SUBMITTED = "submitted", "Nộp"
    RETURNED = "returned", "Trả lại"
    APPROVED = "approved", "Phê duyệt"
    REOPENED = "reopened", "Mở lại"
    IMPORTED = "imported", "Nhập từ Excel"


class ReviewEvent(models.Model):
    """A workflow step of a review, with the comment (return) or reason (reopen) that goes with it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events", verbose_name="rà soát")
    action = models.CharField("thao tác", max_length=10, choices=ReviewAction.choices)
    from_status = models.CharField("trạng thái trước", max_length=10, choices=ReviewStatus.choices, blank=True)
    to_status = models.CharField("trạng thái sau", max_length=10, choices=ReviewStatus.choices)
    comment = models.TextField("nội dung / lý do", blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("lúc", auto_now_add=True)

    class Meta:
        verbose_name = "bước xử lý rà soát"
        verbose_name_plural = "bước xử lý rà soát"
        ordering = ["review", "at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%d/%m/%Y %H:%M})"


# --------------------------------------------------------------------------- escape plans


class EscapePlanQuerySet(_MovedHouseholdScope):
    scope_unit_field = "household__commune"
    scope_unit_fields = ("household__commune", "household__current_commune")


class EscapePlan(TimeStampedModel):
    """Phương án thoát nghèo of a poor household: measures, supports, who helps, target year."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="escape_plans",
                                  verbose_name="hộ gia đình")
    target_year = models.PositiveSmallIntegerField("năm dự kiến thoát nghèo")
    measures = models.TextField("giải pháp, biện pháp")
    supports = models.ManyToManyField(SupportType, blank=True, related_name="escape_plans",
                                      verbose_name="hỗ trợ")
    responsible_cadre = models.CharField("cán bộ phụ trách", max_length=120, blank=True)
    helping_agency = models.ForeignKey(Agency, verbose_name="cơ quan, đơn vị giúp đỡ", null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="escape_plans")
    able_to_escape = models.BooleanField(
        "có khả năng thoát nghèo trong năm", default=True,
        help_text="Đưa vào danh sách hộ có khả năng thoát nghèo của năm dự kiến (gửi huyện trước 20/3).",
    )
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người lập", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    # Optimistic lock (directory.concurrency): every edit claims the row with version = version + 1.
    version = models.PositiveIntegerField("phiên bản", default=1, editable=False)

    objects = EscapePlanQuerySet.as_manager()

    class Meta:
        verbose_name = "phương án thoát nghèo"
        verbose_name_plural = "phương án thoát nghèo"
        ordering = ["household", "-target_year"]
        constraints = [
            models.UniqueConstraint(fields=["household", "target_year"], name="escape_plan_one_per_year",
                                    violation_error_message="Hộ này đã có phương án thoát nghèo cho năm này."),
        ]
        indexes = [
            # "able to escape poverty in year Y" list, per commune through the household join
            models.Index(fields=["target_year", "able_to_escape"], name="escape_year_idx"),
        ]

    def __str__(self):
        return f"Phương án thoát nghèo {self.target_year} – {self.household_id}"


# --------------------------------------------------------------------------- history


class HistoryAction(models.TextChoices):
    CREATE = "create", "Thêm"
    UPDATE = "update", "Sửa"
    DELETE = "delete", "Xóa"
    STATUS = "status", "Chuyển trạng thái"


class HistoryQuerySet(_MovedHouseholdScope):
    scope_unit_field = "household__commune"
    scope_unit_fields = ("household__commune", "household__current_commune")


class HistoryEntry(models.Model):
    """One field change (who, when, old → new) of a household, member, review or escape plan.

    Written by the services in the same transaction as the change; shown on the household page.
    """

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="history",
                                  verbose_name="hộ gia đình", db_index=False)  # history_household_at_idx leads with it
    object_type = models.CharField("đối tượng", max_length=20)  # "household", "member", "review", "escape_plan"
    object_id = models.PositiveBigIntegerField("mã đối tượng", null=True, blank=True)
    object_label = models.CharField("tên đối tượng", max_length=200, blank=True)
    action = models.CharField("thao tác", max_length=10, choices=HistoryAction.choices)
    field = models.CharField("trường", max_length=60, blank=True)
    field_label = models.CharField("tên trường", max_length=120, blank=True)
    old_value = models.TextField("giá trị cũ", blank=True)
    new_value = models.TextField("giá trị mới", blank=True)
    comment = models.TextField("ghi chú", blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("lúc", auto_now_add=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = "lịch sử thay đổi"
        verbose_name_plural = "lịch sử thay đổi"
        ordering = ["-at", "-pk"]
        indexes = [
            # household page: the household's history, newest first
            models.Index(fields=["household", "-at"], name="history_household_at_idx"),
        ]

    def __str__(self):
        return f"{self.object_label} {self.field_label}: {self.old_value} → {self.new_value}"


# --------------------------------------------------------------------------- villages of split communes


class VillageAssignmentQuerySet(ScopedQuerySet):
    # Province staff see the split commune; the staff of each of its successors see it too.
    scope_unit_fields = ("old_commune", "new_commune")


class VillageAssignment(models.Model):
    """Which new commune a village (thôn) of a split commune went to, as a person decided it.

    A village without a row sits in the split commune's default successor (and its households
    say so); ``households.rehoming`` moves the households when a row is saved.
    """

    old_commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã cũ (bị chia)", on_delete=models.PROTECT,
                                    related_name="village_assignments")
    village = models.CharField("thôn, bản, tổ dân phố", max_length=120)
    new_commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã mới", on_delete=models.PROTECT,
                                    related_name="assigned_villages")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người quyết định", null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField("quyết định lúc")

    objects = VillageAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "phân chia thôn của xã bị chia"
        verbose_name_plural = "phân chia thôn của xã bị chia"
        ordering = ["old_commune", "village"]
        constraints = [
            # also the index behind "the assignments of this split commune"
            models.UniqueConstraint(fields=["old_commune", "village"], name="village_assignment_unique"),
        ]

    def __str__(self):
        return f"{self.village} ({self.old_commune}) → {self.new_commune}"


# --------------------------------------------------------------------------- background imports


class ImportJobStatus(models.TextChoices):
    PENDING = "pending", "đang chờ"
    RUNNING = "running", "đang nhập"
    DONE = "done", "đã nhập xong"
    REJECTED = "rejected", "bị từ chối"
    FAILED = "failed", "lỗi"


class ImportJobQuerySet(ScopedQuerySet):
    # The uploader's unit: the job (and its file) is seen by that unit and the units above it, never outside.
    scope_unit_field = "unit"


def import_upload_path(instance, filename):
    import uuid

    return f"imports/{uuid.uuid4().hex}.xlsx"


import_files = PrivateStorage()


class ImportJob(models.Model):
    """A large review-list upload imported by the worker (``households.importing.jobs``), all or nothing.

    The uploaded file stays in private storage until the job ends; the page polls the three counters."""

    status = models.CharField("trạng thái", max_length=10, choices=ImportJobStatus.choices,
                              default=ImportJobStatus.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người tải lên", null=True,
                                   on_delete=models.SET_NULL, related_name="+")
    unit = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị của người tải lên", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(AdministrativeUnit, verbose_name="xã đã chọn", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    approve = models.BooleanField("ghi là đã phê duyệt", default=False)
    file = models.FileField("tệp", upload_to=import_upload_path, storage=import_files, max_length=255,
                            blank=True)
    file_name = models.CharField("tên tệp", max_length=255)
    file_size = models.PositiveBigIntegerField("dung lượng", default=0)
    rows_read = models.PositiveIntegerField("số dòng đã đọc", default=0)
    rows_checked = models.PositiveIntegerField("số dòng đã kiểm tra", default=0)
    rows_written = models.PositiveIntegerField("số dòng đã ghi", default=0)
    faults = models.JSONField("lỗi", default=list, blank=True)
    faults_more = models.PositiveIntegerField("số lỗi không liệt kê", default=0)
    summary = models.TextField("kết quả", blank=True)
    error = models.TextField("lỗi hệ thống", blank=True)
    attempt = models.PositiveSmallIntegerField("lần chạy", default=0)
    worker = models.CharField("bộ xử lý nền", max_length=200, blank=True)
    created_at = models.DateTimeField("tải lên lúc", auto_now_add=True)
    queued_at = models.DateTimeField("gửi xử lý lúc", null=True, blank=True)
    started_at = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    heartbeat_at = models.DateTimeField("bộ xử lý nền báo còn chạy lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = "lần nhập tệp nền"
        verbose_name_plural = "lần nhập tệp nền"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "queued_at"], name="importjob_status_idx")]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("households:import_job", args=[self.pk])

    @property
    def in_progress(self) -> bool:
        return self.status in (ImportJobStatus.PENDING, ImportJobStatus.RUNNING)

    @property
    def retrying_attempt(self) -> int | None:
        if self.status == ImportJobStatus.PENDING and self.attempt >= 1:
            return self.attempt + 1
        if self.status == ImportJobStatus.RUNNING and self.attempt >= 2:
            return self.attempt
        return None

    @property
    def label(self) -> str:
        attempt = self.retrying_attempt
        if attempt is not None:
            return f"thất bại, đang thử lại (lần {attempt}/{settings.IMPORT_JOB_MAX_ATTEMPTS})"
        return self.get_status_display()
