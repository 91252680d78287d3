"""Shared reference data: administrative units, agencies and the people who use the app."""

import datetime

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .scoping import ScopedQuerySet


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


class UnitLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"


class UnitKind(models.TextChoices):
    PROVINCE = "tinh", "Tỉnh"
    CENTRAL_CITY = "tp_tw", "Thành phố trực thuộc trung ương"
    DISTRICT = "huyen", "Huyện"
    TOWN = "thi_xa", "Thị xã"
    URBAN_DISTRICT = "quan", "Quận"
    PROVINCIAL_CITY = "tp_tinh", "Thành phố thuộc tỉnh"
    COMMUNE = "xa", "Xã"
    WARD = "phuong", "Phường"
    TOWNSHIP = "thi_tran", "Thị trấn"
    SPECIAL_ZONE = "dac_khu", "Đặc khu"  # commune level since 01/07/2025 (islands: Phú Quốc, Côn Đảo...)

    @classmethod
    def level_of(cls, kind: str) -> str:
        if kind in (cls.PROVINCE, cls.CENTRAL_CITY):
            return UnitLevel.PROVINCE
        if kind in (cls.COMMUNE, cls.WARD, cls.TOWNSHIP, cls.SPECIAL_ZONE):
            return UnitLevel.COMMUNE
        return UnitLevel.DISTRICT


class AreaType(models.TextChoices):
    RURAL = "rural", "Nông thôn"
    URBAN = "urban", "Thành thị"


class ReviewApprover(models.TextChoices):
    """Who approves a commune's household reviews (Decision 24/2021, then the 2025 reform)."""

    DISTRICT_STAFF = "district_staff", "Phòng LĐTBXH cấp huyện"
    COMMUNE_CHAIRMAN = "commune_chairman", "Chủ tịch UBND cấp xã"


class UnitQuerySet(ScopedQuerySet):
    scope_unit_field = "pk"

    def provinces(self):
        return self.filter(level=UnitLevel.PROVINCE)

    def districts(self):
        return self.filter(level=UnitLevel.DISTRICT)

    def communes(self):
        return self.filter(level=UnitLevel.COMMUNE)

    def descendants_of(self, unit, include_self=True):
        qs = self.filter(path__startswith=unit.path)
        return qs if include_self else qs.exclude(pk=unit.pk)

    def valid_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def under_paths(self, paths):
        """Units whose path starts with any of ``paths`` (one indexed prefix test each)."""
        condition = Q()
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition) if paths else self.none()


class UnitManager(models.Manager.from_queryset(UnitQuerySet)):
    def get_by_natural_key(self, code, valid_from=None):
        """``(code,)`` is the unit whose period has no recorded start (the legacy map and
        everything that simply continues); ``(code, "2025-07-01")`` a unit that started that day."""
        if valid_from in (None, ""):
            return self.get(code=code, valid_from__isnull=True)
        return self.get(code=code, valid_from=valid_from)


def path_segment(code: str, valid_from) -> str:
    """One unit's part of a path: its code, plus its start date when it has one, so a code
    reused by a later unit (15499: TT Thọ Xuân, then Xã Thọ Xuân) never gives the same path."""
    return f"{code}@{valid_from:%Y%m%d}" if valid_from else str(code)


class UnitNaming:
    """How a unit is named and which level it is, from its ``name``, ``kind`` and ``level``: shared by the model
    and the plain rows the dashboard and reports read (``reports.boundaries.UnitRow``)."""

    __slots__ = ()

    @property
    def kind_and_name(self) -> str:
        """ "Xã Lam Sơn", "Thị trấn Thọ Xuân", "Huyện Thọ Xuân"."""
        return f"{self.get_kind_display()} {self.name}"

    @property
    def display_name(self) -> str:
        """The name as district documents write it: "TT Lam Sơn" for a township, bare otherwise."""
        return f"TT {self.name}" if self.kind == UnitKind.TOWNSHIP else self.name

    @property
    def is_commune(self) -> bool:
        return self.level == UnitLevel.COMMUNE

    @property
    def is_district(self) -> bool:
        return self.level == UnitLevel.DISTRICT

    @property
    def is_province(self) -> bool:
        return self.level == UnitLevel.PROVINCE


class AdministrativeUnit(UnitNaming, models.Model):
    """A province, district or commune. The district level is optional (gone since 07/2025)."""

    # Unique among the units valid on one day, not forever: since 01/07/2025 several new units
    # reuse a code of the legacy map (new Tỉnh Lào Cai is 15, which was Yên Bái).
    code = models.CharField("mã đơn vị hành chính", max_length=12, db_index=True,
                            help_text="Mã của Tổng cục Thống kê (danh mục hành chính).")
    name = models.CharField("tên", max_length=120)
    # "xuan bai": the name without prefix, case or diacritics, for lookups and the search box
    name_key = models.CharField(max_length=120, editable=False, db_index=True, default="")
    kind = models.CharField("loại", max_length=10, choices=UnitKind.choices)
    level = models.CharField("cấp", max_length=10, choices=UnitLevel.choices, editable=False)
    parent = models.ForeignKey("self", verbose_name="trực thuộc", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    # Materialised path ("38/395/15547/", "38/15499@20250701/"): "this unit and everything
    # under it" is one indexed prefix query, which every scoped list relies on. Each segment
    # is the code, plus the start date for units that have one (see ``path_segment``).
    path = models.CharField(max_length=255, editable=False, db_index=True)
    area = models.CharField("khu vực", max_length=10, choices=AreaType.choices, default=AreaType.RURAL)
    is_poor_district = models.BooleanField("huyện nghèo", default=False)
    is_especially_difficult = models.BooleanField("xã đặc biệt khó khăn", default=False)
    is_coastal_difficult = models.BooleanField("xã ĐBKK vùng bãi ngang, ven biển, hải đảo", default=False)
    is_ethnic_minority_area = models.BooleanField("vùng đồng bào DTTS và miền núi", default=False)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    # Kept by UnitSuccession's signals and load_admin_units: a unit without predecessors has no history to add
    # to a user's scope, so the common case costs no lineage query.
    has_predecessors = models.BooleanField(default=False, editable=False)
    latitude = models.FloatField("vĩ độ", null=True, blank=True)
    longitude = models.FloatField("kinh độ", null=True, blank=True)
    area_km2 = models.FloatField("diện tích (km²)", null=True, blank=True)
    review_approver = models.CharField(
        "cấp phê duyệt kết quả rà soát", max_length=20, choices=ReviewApprover.choices,
        default=ReviewApprover.DISTRICT_STAFF,
        help_text="Chỉ áp dụng cho cấp xã.",
    )
    note = models.TextField("ghi chú", blank=True)

    objects = UnitManager()

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "đơn vị hành chính"
        ordering = ["path"]
        indexes = [models.Index(fields=["level", "path"], name="unit_level_path_idx")]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="unit_unique_code_from"),
            # NULL start dates are distinct to SQL: one open-start unit per code, said separately.
            models.UniqueConstraint(fields=["code"], condition=Q(valid_from__isnull=True),
                                    name="unit_unique_code_open_start"),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="unit_period_ordered",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        old_path = None
        if self.pk is not None:
            old_path = AdministrativeUnit.objects.filter(pk=self.pk).values_list("path", flat=True).first()
        self.fill_derived()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                # a new parent or start date: everything under the unit moves with it, in one statement
                AdministrativeUnit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(self.path), Substr("path", len(old_path) + 1)))

    def fill_derived(self, parent_path: str | None = None):
        """Level, path and search key follow from kind, parent, code, start date and name."""
        from .lookup import name_key

        self.level = UnitKind.level_of(self.kind)
        self.path = self.compute_path(parent_path)
        self.name_key = name_key(self.name)

    def compute_path(self, parent_path: str | None = None) -> str:
        if parent_path is None:
            parent_path = self.parent.path if self.parent_id else ""
        return f"{parent_path}{path_segment(self.code, self.valid_from)}/"

    def natural_key(self):
        return (self.code,) if self.valid_from is None else (self.code, self.valid_from.isoformat())

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."})
        overlapping = overlapping_units(self)
        if overlapping:
            other = overlapping[0]
            raise ValidationError({"code": (
                f"Mã {self.code} đã dùng cho {other.get_kind_display()} {other.name} "
                f"({other.period_label}); hai đơn vị cùng mã không được có hiệu lực cùng ngày."
            )})

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)

    @property
    def period_label(self) -> str:
        """ "từ 01/07/2025", "đến 30/06/2025", "01/01/2025 – 30/06/2025" or "không thời hạn"."""
        start = self.valid_from.strftime("%d/%m/%Y") if self.valid_from else None
        end = self.valid_to.strftime("%d/%m/%Y") if self.valid_to else None
        if start and end:
            return f"{start} – {end}"
        if start:
            return f"từ {start}"
        if end:
            return f"đến {end}"
        return "không thời hạn"

    def ancestors(self) -> list["AdministrativeUnit"]:
        """Parents from the top down (one query per level: at most two)."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def lineage_paths(self) -> list[str]:
        """The paths of the top unit down to this one ("38/", "38/395/", "38/395/15547/"), without a query.
        (The parent chain; lineage across the 2025 reform is ``directory.lineage``.)"""
        segments = [c for c in self.path.split("/") if c]
        return ["/".join(segments[:i]) + "/" for i in range(1, len(segments) + 1)]

    @property
    def full_name(self) -> str:
        return " / ".join([u.name for u in self.ancestors()] + [self.name])

    def contains(self, other: "AdministrativeUnit") -> bool:
        return other.path.startswith(self.path)


@receiver(pre_save, sender=AdministrativeUnit)
def _fill_derived_on_raw_save(sender, instance, raw=False, **kwargs):
    # ``loaddata`` saves raw (``save()`` is skipped): fixtures need not carry path or search key.
    if raw:
        instance.fill_derived()


def overlapping_units(unit) -> list[AdministrativeUnit]:
    """Other units with ``unit``'s code whose period shares at least one day with its period."""
    qs = AdministrativeUnit.objects.filter(code=unit.code).exclude(pk=unit.pk)
    if unit.valid_to is not None:
        qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=unit.valid_to))
    if unit.valid_from is not None:
        qs = qs.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=unit.valid_from))
    return list(qs[:2])


class UnitSuccessionManager(models.Manager):
    def get_by_natural_key(self, predecessor_code, predecessor_from, successor_code, successor_from):
        return self.get(
            predecessor=AdministrativeUnit.objects.get_by_natural_key(predecessor_code, predecessor_from or None),
            successor=AdministrativeUnit.objects.get_by_natural_key(successor_code, successor_from or None),
        )


class UnitSuccession(models.Model):
    """One line of lineage: ``predecessor`` ended and (all or part of it) went to ``successor``.

    A merger gives several rows with one successor; a split (one old xã divided among new
    ones) gives several rows with one predecessor, exactly one of them ``is_default``: where
    its households and records go until a person assigns them. Province mergers are lineage
    too (Yên Bái 15 + Lào Cai 10 -> new Tỉnh Lào Cai 15).
    """

    predecessor = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị cũ", on_delete=models.CASCADE,
                                    related_name="successor_links")
    successor = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị mới", on_delete=models.CASCADE,
                                  related_name="predecessor_links")
    effective_date = models.DateField("có hiệu lực từ")
    is_default = models.BooleanField(
        "đơn vị kế thừa mặc định", default=True,
        help_text="Khi đơn vị cũ được chia cho nhiều đơn vị mới: đơn vị nhận hồ sơ cho đến khi có người phân định.",
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)

    objects = UnitSuccessionManager()

    class Meta:
        verbose_name = "kế thừa đơn vị hành chính"
        verbose_name_plural = "kế thừa đơn vị hành chính"
        ordering = ["effective_date", "predecessor_id", "-is_default", "successor_id"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="succession_unique_pair"),
            models.UniqueConstraint(fields=["predecessor"], condition=Q(is_default=True),
                                    name="succession_one_default"),
            models.CheckConstraint(condition=~Q(predecessor=F("successor")), name="succession_not_self"),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.effective_date:%d/%m/%Y})"

    def natural_key(self):
        pred, succ = self.predecessor, self.successor
        return (pred.code, pred.valid_from.isoformat() if pred.valid_from else "",
                succ.code, succ.valid_from.isoformat() if succ.valid_from else "")

    natural_key.dependencies = ["directory.administrativeunit"]


def refresh_has_predecessors(unit_ids=None):
    """Recompute ``has_predecessors`` (all units, or ``unit_ids``) in one statement per value."""
    linked = UnitSuccession.objects.filter(successor=models.OuterRef("pk"))
    qs = AdministrativeUnit.objects.all() if unit_ids is None else AdministrativeUnit.objects.filter(pk__in=unit_ids)
    qs.filter(models.Exists(linked), has_predecessors=False).update(has_predecessors=True)
    qs.filter(~models.Exists(linked), has_predecessors=True).update(has_predecessors=False)


@receiver(post_save, sender=UnitSuccession)
@receiver(post_delete, sender=UnitSuccession)
def _successor_flag(sender, instance, **kwargs):
    refresh_has_predecessors([instance.successor_id])


class AgencyKind(models.TextChoices):
    DEPARTMENT = "phong_ban", "Phòng, ban chuyên môn"
    PROVINCIAL_DEPARTMENT = "so_nganh", "Sở, ban, ngành"
    MASS_ORGANISATION = "doan_the", "Mặt trận, đoàn thể"
    BANK = "ngan_hang", "Ngân hàng"
    PUBLIC_SERVICE = "su_nghiep", "Đơn vị sự nghiệp"
    PEOPLES_COMMITTEE = "ubnd", "Ủy ban nhân dân"
    PARTY = "dang", "Cơ quan Đảng"
    JUDICIAL = "tu_phap", "Nội chính, tư pháp"
    ARMED_FORCES = "luc_luong", "Lực lượng vũ trang"
    OTHER = "khac", "Khác"


class AgencyQuerySet(ScopedQuerySet):
    scope_unit_field = "unit"


class AgencyManager(models.Manager.from_queryset(AgencyQuerySet)):
    def get_by_natural_key(self, unit_code, *rest):
        """``(unit code, name)`` for a unit without a start date, ``(unit code, start, name)`` otherwise."""
        unit_from, name = (None, rest[0]) if len(rest) == 1 else rest
        return self.get(unit=AdministrativeUnit.objects.get_by_natural_key(unit_code, unit_from), name=name)


class Agency(models.Model):
    """An office or body that receives tasks (Phòng LĐTBXH, Sở Y tế, Hội Phụ nữ, NHCSXH...)."""

    name = models.CharField("tên", max_length=200)
    short_name = models.CharField("tên viết tắt", max_length=80, blank=True)
    kind = models.CharField("loại", max_length=20, choices=AgencyKind.choices, default=AgencyKind.DEPARTMENT)
    unit = models.ForeignKey(AdministrativeUnit, verbose_name="thuộc đơn vị hành chính",
                             on_delete=models.PROTECT, related_name="agencies")
    is_programme_secretariat = models.BooleanField(
        "cơ quan thường trực giảm nghèo", default=False,
        help_text="Phòng/Sở LĐTBXH (trước 2025) hoặc cơ quan được giao sau cải cách.",
    )
    email = models.EmailField("thư điện tử", blank=True)

    objects = AgencyManager()

    class Meta:
        verbose_name = "cơ quan, đơn vị"
        verbose_name_plural = "cơ quan, đơn vị"
        ordering = ["unit__path", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="agency_unique_name_in_unit")]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (*self.unit.natural_key(), self.name)

    natural_key.dependencies = ["directory.administrativeunit"]


class Role(models.TextChoices):
    PROVINCE_STAFF = "province_staff", "Cán bộ cấp tỉnh (Sở LĐTBXH)"
    DISTRICT_STAFF = "district_staff", "Cán bộ cấp huyện (Phòng LĐTBXH)"
    COMMUNE_OFFICIAL = "commune_official", "Cán bộ cấp xã"
    AGENCY_STAFF = "agency_staff", "Cán bộ cơ quan, đơn vị"
    LEADERSHIP = "leadership", "Lãnh đạo (chỉ xem)"
    ADMIN = "admin", "Quản trị hệ thống"


class UserQuerySet(ScopedQuerySet):
    scope_unit_field = "unit"


class ScopedUserManager(UserManager.from_queryset(UserQuerySet)):
    pass


class UserWithUnitManager(ScopedUserManager):
    """The default manager, the one Django reads users through itself: the signed-in user of every request
    first (``ModelBackend.get_user``). Every page shows the user's unit (header, scope), so it comes in the
    same query instead of a second one. ``User.objects`` keeps no join (``update_or_create`` locks the row
    it reads, and PostgreSQL cannot lock the nullable side of an outer join)."""

    def get_queryset(self):
        return super().get_queryset().select_related("unit")


class User(AbstractUser):
    """A person using the app: one role, one unit (and, for agency staff, one agency)."""

    role = models.CharField("vai trò", max_length=20, choices=Role.choices, default=Role.LEADERSHIP)
    unit = models.ForeignKey(AdministrativeUnit, verbose_name="đơn vị", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="users")
    agency = models.ForeignKey(Agency, verbose_name="cơ quan", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="users")
    position = models.CharField("chức vụ", max_length=120, blank=True)
    is_unit_chairman = models.BooleanField(
        "chủ tịch/phó chủ tịch UBND", default=False,
        help_text="Phê duyệt rà soát khi đơn vị giao cho chủ tịch UBND xã.",
    )
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    # Set with a temporary password by an administrator: the next sign-in goes to "Đổi mật khẩu" first.
    must_change_password = models.BooleanField("phải đổi mật khẩu khi đăng nhập", default=False)

    objects = ScopedUserManager()
    with_unit = UserWithUnitManager()

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"
        default_manager_name = "with_unit"

    def __str__(self):
        return self.get_full_name() or self.username

    #: roles whose account is the commune's own office: it follows the commune's lineage (see ``working_unit``)
    LINEAGE_ROLES = (Role.COMMUNE_OFFICIAL, Role.LEADERSHIP)

    @property
    def working_unit(self):
        """Where this person works today: ``unit`` (the stored assignment), except that a commune-level account
        whose commune has ended works, from the day after the end, in the commune that carries it today (the
        default successor, followed along the lineage: Xã Xuân Bái's official is Xã Lam Sơn's since
        01/07/2025, as in real life). District and province accounts keep their unit (the district level was
        abolished; a district account keeps its legacy tree), and so do agency staff (their agency's unit).
        Scope, write checks, role label, header, dashboard and to-do lists read this; computed once per
        user object (i.e. per request) and per day."""
        unit = self.unit
        if unit is None or unit.valid_to is None or self.role not in self.LINEAGE_ROLES or not unit.is_commune:
            return unit
        from .lineage import current_unit, today

        day = today()
        key = (self.unit_id, day)
        cached = getattr(self, "_working_unit_cache", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        working = current_unit(unit, day) if day > unit.valid_to else unit
        if working is None or not working.is_commune:  # ended without a successor: it stays where it was
            working = unit
        self._working_unit_cache = (key, working)
        return working

    @property
    def working_unit_id(self) -> int | None:
        unit = self.working_unit
        return unit.pk if unit is not None else None

    @property
    def follows_successor(self) -> bool:
        """Does the account work today in a unit other than its stored one (its commune ended)?"""
        return self.unit_id is not None and self.working_unit_id != self.unit_id

    @property
    def working_since(self) -> datetime.date | None:
        """The day the account began working in its unit's successor (the day after the unit ended)."""
        return self.unit.valid_to + datetime.timedelta(days=1) if self.follows_successor else None

    def _unit_label(self, name) -> str:
        working = self.working_unit
        if working is None:
            return ""
        if not self.follows_successor:
            return name(working)
        return f"{name(working)} (trước {self.working_since:%d/%m/%Y}: {name(self.unit)})"

    @property
    def unit_label(self) -> str:
        """The working unit as the profile shows it: "Xã Lam Sơn (trước 01/07/2025: Xã Xuân Bái)"."""
        return self._unit_label(lambda u: u.kind_and_name)

    @property
    def unit_short_label(self) -> str:
        """The same in the header: "Lam Sơn (trước 01/07/2025: Xuân Bái)"."""
        return self._unit_label(lambda u: u.name)

    @property
    def role_label(self) -> str:
        """The role as the user's office is called in the unit's period ("Sở LĐTBXH" until 28/02/2025,
        "Sở Nông nghiệp và Môi trường" from 01/03/2025, when poverty reduction moved); the user's own agency
        when the account names one. A unit that ended is labelled as on its last day."""
        role = Role.ADMIN if self.is_superuser and not self.role else self.role
        if role not in (Role.PROVINCE_STAFF, Role.DISTRICT_STAFF):
            return Role(role).label
        tier, office_kind = ("tỉnh", "Sở") if role == Role.PROVINCE_STAFF else ("huyện", "Phòng")
        if self.agency_id:
            return f"Cán bộ cấp {tier} ({self.agency.name})"
        from .lineage import AGENCY_REFORM_DATE, today

        day = today()
        unit = self.working_unit
        if unit is not None and unit.valid_to is not None:
            day = min(day, unit.valid_to)
        office = "LĐTBXH" if day < AGENCY_REFORM_DATE else "Nông nghiệp và Môi trường"
        return f"Cán bộ cấp {tier} ({office_kind} {office})"

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.role != Role.ADMIN and self.unit_id is None and not self.is_superuser:
            errors["unit"] = "Người dùng phải thuộc một đơn vị hành chính."
        if self.role == Role.AGENCY_STAFF and self.agency_id is None:
            errors["agency"] = "Cán bộ cơ quan phải thuộc một cơ quan, đơn vị."
        if self.agency_id and self.unit_id and self.agency.unit_id != self.unit_id:
            errors["agency"] = "Cơ quan phải thuộc đúng đơn vị hành chính của người dùng."
        if errors:
            raise ValidationError(errors)
