"""Shared reference data: administrative units, agencies and the people who use the app."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q

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

    @classmethod
    def level_of(cls, kind: str) -> str:
        if kind in (cls.PROVINCE, cls.CENTRAL_CITY):
            return UnitLevel.PROVINCE
        if kind in (cls.COMMUNE, cls.WARD, cls.TOWNSHIP):
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


class UnitManager(models.Manager.from_queryset(UnitQuerySet)):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class AdministrativeUnit(models.Model):
    """A province, district or commune. The district level is optional (gone since 07/2025)."""

    code = models.CharField("mã đơn vị hành chính", max_length=12, unique=True,
                            help_text="Mã của Tổng cục Thống kê (danh mục hành chính).")
    name = models.CharField("tên", max_length=120)
    kind = models.CharField("loại", max_length=10, choices=UnitKind.choices)
    level = models.CharField("cấp", max_length=10, choices=UnitLevel.choices, editable=False)
    parent = models.ForeignKey("self", verbose_name="trực thuộc", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    # Materialised path of codes ("38/395/15547/"): "this unit and everything under it"
    # is one indexed prefix query, which every scoped list relies on.
    path = models.CharField(max_length=255, editable=False, db_index=True)
    area = models.CharField("khu vực", max_length=10, choices=AreaType.choices, default=AreaType.RURAL)
    is_poor_district = models.BooleanField("huyện nghèo", default=False)
    is_especially_difficult = models.BooleanField("xã đặc biệt khó khăn", default=False)
    is_coastal_difficult = models.BooleanField("xã ĐBKK vùng bãi ngang, ven biển, hải đảo", default=False)
    is_ethnic_minority_area = models.BooleanField("vùng đồng bào DTTS và miền núi", default=False)
    valid_from = models.DateField("hiệu lực từ", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến", null=True, blank=True)
    successor = models.ForeignKey("self", verbose_name="sáp nhập vào", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="predecessors")
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

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.level = UnitKind.level_of(self.kind)
        self.path = f"{self.parent.path if self.parent else ''}{self.code}/"
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.code,)

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

    def ancestors(self) -> list["AdministrativeUnit"]:
        """Parents from the top down (one query per level: at most two)."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def lineage_paths(self) -> list[str]:
        """The paths of the top unit down to this one ("38/", "38/395/", "38/395/15547/"), without a query."""
        codes = [c for c in self.path.split("/") if c]
        return ["/".join(codes[:i]) + "/" for i in range(1, len(codes) + 1)]

    @property
    def full_name(self) -> str:
        return " / ".join([u.name for u in self.ancestors()] + [self.name])

    def contains(self, other: "AdministrativeUnit") -> bool:
        return other.path.startswith(self.path)


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
    def get_by_natural_key(self, unit_code, name):
        return self.get(unit__code=unit_code, name=name)


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
        return (self.unit.code, self.name)

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

    objects = ScopedUserManager()

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self):
        return self.get_full_name() or self.username

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
