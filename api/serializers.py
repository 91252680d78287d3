"""Read serializers: what the API shows. Writes go through the web's own forms and services (``views``), so
no business rule lives here: fields are read-only views of the models, labelled with their Vietnamese names."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from directory.models import AdministrativeUnit, UnitSuccession
from households.models import HistoryEntry, Household, Member, Review, ReviewEvent
from plans.models import IndicatorTarget, Plan, QuotaRow, QuotaTable, TargetProgress
from reports.models import ReportRun


class UnitRefSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True, label="loại (tên)")

    class Meta:
        model = AdministrativeUnit
        fields = ["id", "code", "name", "kind", "kind_label", "valid_from", "valid_to"]


class SuccessionSerializer(serializers.ModelSerializer):
    class Meta:
        model = UnitSuccession
        fields = ["effective_date", "is_default"]


class PredecessorLinkSerializer(SuccessionSerializer):
    unit = UnitRefSerializer(source="predecessor", read_only=True, label="đơn vị cũ")

    class Meta(SuccessionSerializer.Meta):
        fields = ["unit", *SuccessionSerializer.Meta.fields]


class SuccessorLinkSerializer(SuccessionSerializer):
    unit = UnitRefSerializer(source="successor", read_only=True, label="đơn vị mới")

    class Meta(SuccessionSerializer.Meta):
        fields = ["unit", *SuccessionSerializer.Meta.fields]


class UnitSerializer(UnitRefSerializer):
    # The docstrings of serializers are the schema's component descriptions (Vietnamese, for the API's users).
    """Một đơn vị hành chính với thời gian hiệu lực và quan hệ kế thừa qua đợt sắp xếp (từ đâu, về đâu)."""

    parent = serializers.PrimaryKeyRelatedField(read_only=True, label="trực thuộc")
    level_label = serializers.CharField(source="get_level_display", read_only=True, label="cấp (tên)")
    predecessors = PredecessorLinkSerializer(source="predecessor_links", many=True, read_only=True,
                                             label="kế thừa từ")
    successors = SuccessorLinkSerializer(source="successor_links", many=True, read_only=True, label="chuyển thành")

    class Meta(UnitRefSerializer.Meta):
        fields = [*UnitRefSerializer.Meta.fields, "level", "level_label", "parent", "path", "area", "latitude",
                  "longitude", "predecessors", "successors"]


# --------------------------------------------------------------------------- households


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["id", "full_name", "birth_year", "sex", "citizen_id", "relation", "has_labour_capacity",
                  "no_labour_reason", "ethnicity", "has_disability", "has_health_insurance", "order"]


class ReviewEventSerializer(serializers.ModelSerializer):
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True, label="người thực hiện")

    class Meta:
        model = ReviewEvent
        fields = ["action", "from_status", "to_status", "comment", "actor", "at"]


class ReviewSerializer(serializers.ModelSerializer):
    """Một phiếu rà soát: phân loại hộ do máy chủ tính theo chuẩn nghèo của đợt và năm, không nhận từ người gửi."""

    household = serializers.PrimaryKeyRelatedField(read_only=True, label="hộ gia đình")
    household_code = serializers.CharField(source="household.code", read_only=True, label="mã hộ")
    commune = UnitRefSerializer(read_only=True, label="xã")
    standard = serializers.SlugRelatedField(slug_field="code", read_only=True, label="chuẩn nghèo")
    deprived_indicators = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True,
                                                       label="chỉ số thiếu hụt")
    causes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True, label="nguyên nhân nghèo")
    category_label = serializers.CharField(source="get_category_display", read_only=True, label="phân loại (tên)")
    status_label = serializers.CharField(source="get_status_display", read_only=True, label="trạng thái (tên)")
    submitted_by = serializers.SlugRelatedField(slug_field="username", read_only=True, label="người nộp")
    approved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, label="người phê duyệt")

    class Meta:
        model = Review
        fields = ["id", "household", "household_code", "commune", "year", "round", "review_date", "effective_date",
                  "standard", "area", "income_per_capita", "deprived_indicators", "deprivation_count", "category",
                  "category_label", "has_labour_capacity", "causes", "reviewer", "status", "status_label",
                  "submitted_by", "submitted_at", "approved_by", "approved_at", "return_comment", "note", "version",
                  "created_at", "updated_at"]
        read_only_fields = fields


class ReviewDetailSerializer(ReviewSerializer):
    events = ReviewEventSerializer(many=True, read_only=True, label="các bước xử lý")

    class Meta(ReviewSerializer.Meta):
        fields = [*ReviewSerializer.Meta.fields, "events"]
        read_only_fields = fields


class HouseholdSerializer(serializers.ModelSerializer):
    commune = UnitRefSerializer(read_only=True, label="xã đăng ký")
    current_commune = UnitRefSerializer(read_only=True, label="xã hiện nay")
    year_category = serializers.SerializerMethodField(label="phân loại theo năm lọc")

    class Meta:
        model = Household
        fields = ["id", "code", "commune", "current_commune", "village", "head_name", "address", "area",
                  "area_reason", "is_ethnic_minority", "has_person_of_merit", "female_head", "has_labour_capacity",
                  "member_count", "current_category", "current_year", "year_category", "note", "version",
                  "created_at", "updated_at"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_year_category(self, household) -> str | None:
        """Khi lọc theo ``year``: phân loại theo phiếu rà soát đã phê duyệt gần nhất của hộ trong năm đó."""
        return getattr(household, "year_category", None)


class YearStatusSerializer(serializers.Serializer):
    year = serializers.IntegerField(label="năm")
    category = serializers.CharField(label="phân loại")
    category_label = serializers.CharField(label="phân loại (tên)")
    movement = serializers.CharField(source="movement.value", default=None, allow_null=True, label="biến động")
    movement_label = serializers.CharField(label="biến động (tên)")


class HouseholdDetailSerializer(HouseholdSerializer):
    members = MemberSerializer(many=True, read_only=True, label="thành viên")
    reviews = ReviewDetailSerializer(many=True, read_only=True, label="rà soát")
    statuses = YearStatusSerializer(many=True, read_only=True, label="phân loại và biến động theo năm")
    lineage = serializers.CharField(read_only=True, allow_null=True, label="chuyển xã theo sắp xếp đơn vị")

    class Meta(HouseholdSerializer.Meta):
        fields = [*HouseholdSerializer.Meta.fields, "lineage", "members", "reviews", "statuses"]
        read_only_fields = fields


class HistorySerializer(serializers.ModelSerializer):
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True, label="người thực hiện")

    class Meta:
        model = HistoryEntry
        fields = ["id", "object_type", "object_id", "object_label", "action", "field", "field_label", "old_value",
                  "new_value", "comment", "actor", "at"]


class MovementSerializer(serializers.Serializer):
    id = serializers.IntegerField(label="rà soát (id)")
    household = serializers.IntegerField(label="hộ gia đình")
    household_code = serializers.CharField(label="mã hộ")
    commune = serializers.IntegerField(label="xã")
    year = serializers.IntegerField(label="năm")
    category = serializers.CharField(label="phân loại")
    movement = serializers.CharField(allow_null=True, label="biến động")
    movement_label = serializers.CharField(allow_null=True, label="biến động (tên)")


# --------------------------------------------------------------------------- plans


class PlanSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True, label="đơn vị ban hành")

    class Meta:
        model = Plan
        fields = ["id", "code", "number", "title", "kind", "unit", "issuer", "issue_date", "first_year", "last_year",
                  "version"]


class TargetProgressSerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetProgress
        fields = ["id", "period_label", "as_of", "actual_value", "source", "note"]


class TargetSerializer(serializers.ModelSerializer):
    """Một chỉ tiêu với kết quả thực hiện gần nhất (``latest_*``) và đánh giá đạt hay chưa."""

    latest_actual = serializers.DecimalField(max_digits=14, decimal_places=3, read_only=True, allow_null=True,
                                             label="kết quả gần nhất")
    latest_as_of = serializers.DateField(read_only=True, allow_null=True, label="tính đến ngày")
    latest_period = serializers.CharField(read_only=True, allow_null=True, label="kỳ")
    is_met = serializers.SerializerMethodField(label="đạt")
    value_label = serializers.CharField(read_only=True, label="chỉ tiêu (chữ)")

    class Meta:
        model = IndicatorTarget
        fields = ["id", "plan", "parent", "order", "name", "measure_unit", "comparison", "value_min", "value_max",
                  "value_label", "period", "year", "applies_to_unit", "baseline_value", "baseline_year", "measure",
                  "latest_actual", "latest_as_of", "latest_period", "is_met", "version"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_is_met(self, target) -> bool | None:
        return target.is_met_by(getattr(target, "latest_actual", None))


class TargetDetailSerializer(TargetSerializer):
    progress_entries = TargetProgressSerializer(many=True, read_only=True, label="kết quả thực hiện")

    class Meta(TargetSerializer.Meta):
        fields = [*TargetSerializer.Meta.fields, "progress_entries"]


class PlanDetailSerializer(PlanSerializer):
    targets = TargetSerializer(many=True, read_only=True, source="api_targets", label="chỉ tiêu")
    quota_years = serializers.ListField(child=serializers.IntegerField(), read_only=True, source="api_quota_years",
                                        label="các năm có bảng chỉ tiêu")

    class Meta(PlanSerializer.Meta):
        fields = [*PlanSerializer.Meta.fields, "purpose", "general_objective", "targets", "quota_years"]


class QuotaRowSerializer(serializers.ModelSerializer):
    commune = UnitRefSerializer(read_only=True, label="xã")

    class Meta:
        model = QuotaRow
        fields = ["commune", "order", "total", "without_labour", "with_labour", "note"]


class QuotaTableSerializer(serializers.ModelSerializer):
    plan = serializers.SlugRelatedField(slug_field="code", read_only=True, label="kế hoạch")

    class Meta:
        model = QuotaTable
        fields = ["id", "plan", "year", "title", "appendix_label", "target_total", "target_without_labour",
                  "target_with_labour", "version"]


class QuotaTableDetailSerializer(QuotaTableSerializer):
    rows = QuotaRowSerializer(many=True, read_only=True, label="các xã")

    class Meta(QuotaTableSerializer.Meta):
        fields = [*QuotaTableSerializer.Meta.fields, "rows"]


# --------------------------------------------------------------------------- reports


class ReportRunSerializer(serializers.ModelSerializer):
    duty = serializers.CharField(source="duty.title", read_only=True, label="nghĩa vụ báo cáo")
    kind = serializers.CharField(source="duty.kind", read_only=True, label="loại báo cáo")
    reporting_unit = UnitRefSerializer(read_only=True, label="đơn vị báo cáo")
    agency = serializers.StringRelatedField(read_only=True, label="cơ quan báo cáo")
    status = serializers.CharField(read_only=True, label="tình trạng hạn nộp")
    job_status_label = serializers.CharField(source="get_job_status_display", read_only=True,
                                             label="trạng thái tạo (tên)")
    has_file = serializers.SerializerMethodField(label="đã có tệp")

    class Meta:
        model = ReportRun
        fields = ["id", "duty", "kind", "period_type", "year", "period_number", "period_start", "period_end",
                  "due_date", "reporting_unit", "agency", "boundaries", "status", "job_status", "job_status_label",
                  "job_error", "job_attempt", "job_queued_at", "job_started_at", "job_finished_at", "has_file",
                  "submitted_at", "submitted_on"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_has_file(self, run) -> bool:
        return bool(run.generated_file or run.uploaded_file)


# --------------------------------------------------------------------------- me, token


class MeSerializer(serializers.Serializer):
    username = serializers.CharField(label="tên đăng nhập")
    full_name = serializers.CharField(source="get_full_name", label="họ và tên")
    role = serializers.CharField(label="vai trò")
    role_label = serializers.CharField(source="get_role_display", label="vai trò (tên)")
    unit = UnitRefSerializer(allow_null=True, label="đơn vị được giao")
    working_unit = UnitRefSerializer(
        allow_null=True, label="đơn vị làm việc hôm nay",
        help_text="Đơn vị được giao; với tài khoản cấp xã của xã đã hết hiệu lực: xã kế thừa hôm nay.")
    unit_label = serializers.CharField(label="đơn vị (hiển thị)")
    is_unit_chairman = serializers.BooleanField(label="chủ tịch UBND")
    capabilities = serializers.ListField(child=serializers.CharField(), label="quyền")


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label="tên đăng nhập")
    password = serializers.CharField(label="mật khẩu", style={"input_type": "password"}, trim_whitespace=False)
    name = serializers.CharField(label="tên mã", required=False, allow_blank=True, max_length=80,
                                 help_text="Tên để nhận ra mã (mặc định “API (lấy bằng mật khẩu)”); mã cũ cùng tên "
                                           "của tài khoản bị thay thế.")


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(label="mã truy cập", help_text="Chỉ trả về một lần: máy chủ chỉ lưu mã băm.")
    created = serializers.DateTimeField(label="tạo lúc")
    name = serializers.CharField(label="tên mã")


# --------------------------------------------------------------------------- write bodies (documentation)
# The API validates writes with the web's own forms (api.writes); these describe the bodies for the schema.


class MemberWriteSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, label="số hiệu (để trống: thành viên mới)")
    full_name = serializers.CharField(label="họ và tên")
    birth_year = serializers.IntegerField(required=False, allow_null=True, label="năm sinh")
    sex = serializers.ChoiceField(choices=Member._meta.get_field("sex").choices, required=False, label="giới tính")
    citizen_id = serializers.CharField(required=False, allow_blank=True, label="số định danh cá nhân (CCCD)")
    relation = serializers.ChoiceField(choices=Member._meta.get_field("relation").choices, required=False,
                                       label="quan hệ với chủ hộ")
    has_labour_capacity = serializers.BooleanField(required=False, label="có khả năng lao động")
    no_labour_reason = serializers.CharField(required=False, allow_blank=True, label="lý do không có KNLĐ")
    ethnicity = serializers.CharField(required=False, label="dân tộc")
    has_disability = serializers.BooleanField(required=False, label="khuyết tật")
    has_health_insurance = serializers.BooleanField(required=False, label="có thẻ BHYT")
    order = serializers.IntegerField(required=False, label="thứ tự")


class HouseholdWriteSerializer(serializers.Serializer):
    """POST: đăng ký hộ mới (bỏ trống ``commune`` thì lấy xã của cán bộ cấp xã).
    PATCH: chỉ các trường gửi lên, kèm ``version`` (hoặc tiêu đề ``If-Match``); ``members`` thay cả danh sách
    thành viên."""

    code = serializers.CharField(label="mã hộ")
    commune = serializers.IntegerField(required=False, label="xã (id)")
    village = serializers.CharField(required=False, allow_blank=True, label="thôn, bản, tổ dân phố")
    head_name = serializers.CharField(label="họ và tên chủ hộ")
    address = serializers.CharField(required=False, allow_blank=True, label="địa chỉ")
    area = serializers.ChoiceField(choices=Household._meta.get_field("area").choices, required=False,
                                   label="khu vực")
    area_reason = serializers.CharField(required=False, allow_blank=True, label="lý do khu vực khác với xã")
    is_ethnic_minority = serializers.BooleanField(required=False, label="dân tộc thiểu số")
    has_person_of_merit = serializers.BooleanField(required=False, label="có người có công")
    female_head = serializers.BooleanField(required=False, label="chủ hộ là phụ nữ")
    has_labour_capacity = serializers.BooleanField(required=False, label="có khả năng lao động")
    member_count = serializers.IntegerField(required=False, label="số nhân khẩu")
    note = serializers.CharField(required=False, allow_blank=True, label="ghi chú")
    members = MemberWriteSerializer(many=True, required=False, label="thành viên")
    version = serializers.IntegerField(required=False, label="phiên bản (khi sửa)")


class ReviewWriteSerializer(serializers.Serializer):
    """POST: phiếu rà soát nháp của hộ ``household`` (``submit: true`` thì nộp luôn). PATCH: chỉ các trường gửi
    lên, kèm ``version``. Phân loại hộ luôn do máy chủ tính, không nhận từ người gửi."""

    household = serializers.IntegerField(required=False, label="hộ gia đình (id; chỉ khi tạo)")
    year = serializers.IntegerField(required=False, label="năm rà soát")
    round = serializers.ChoiceField(choices=Review._meta.get_field("round").choices, required=False,
                                    label="đợt rà soát")
    review_date = serializers.DateField(required=False, allow_null=True, label="ngày rà soát")
    income_per_capita = serializers.IntegerField(label="thu nhập bình quân đầu người (đồng/tháng)")
    has_labour_capacity = serializers.BooleanField(required=False, label="có khả năng lao động")
    deprived_indicators = serializers.ListField(child=serializers.CharField(), required=False,
                                                label="chỉ số thiếu hụt (mã hoặc id)")
    causes = serializers.ListField(child=serializers.CharField(), required=False,
                                   label="nguyên nhân nghèo (mã hoặc id)")
    reviewer = serializers.CharField(required=False, allow_blank=True, label="rà soát viên")
    note = serializers.CharField(required=False, allow_blank=True, label="ghi chú")
    submit = serializers.BooleanField(required=False, label="nộp luôn sau khi lưu")
    version = serializers.IntegerField(required=False, label="phiên bản (khi sửa)")


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False, label="phiên bản (hoặc tiêu đề If-Match)")


class CommentSerializer(VersionSerializer):
    comment = serializers.CharField(label="lý do trả lại")


class ReasonSerializer(VersionSerializer):
    reason = serializers.CharField(label="lý do mở lại")


# --------------------------------------------------------------------------- dashboard


class FiguresRowSerializer(serializers.Serializer):
    unit = UnitRefSerializer(allow_null=True, label="đơn vị")
    total_households = serializers.IntegerField(allow_null=True, label="tổng số hộ")
    poor_start = serializers.IntegerField(label="hộ nghèo đầu năm")
    escaped = serializers.IntegerField(label="hộ thoát nghèo")
    new_poor = serializers.IntegerField(label="hộ nghèo phát sinh")
    relapsed = serializers.IntegerField(label="hộ tái nghèo")
    poor_end = serializers.IntegerField(label="hộ nghèo cuối năm")
    poor_rate = serializers.FloatField(allow_null=True, label="tỷ lệ hộ nghèo (%)")
    near_poor_end = serializers.IntegerField(label="hộ cận nghèo cuối năm")
    quota = serializers.IntegerField(allow_null=True, label="chỉ tiêu giảm hộ nghèo")
    reduced = serializers.IntegerField(label="số hộ nghèo giảm")
    quota_completion = serializers.FloatField(allow_null=True, label="hoàn thành chỉ tiêu (%)")


class DashboardTargetSerializer(serializers.Serializer):
    target = serializers.IntegerField(label="chỉ tiêu (id)")
    name = serializers.CharField(label="chỉ tiêu")
    value_label = serializers.CharField(label="giá trị chỉ tiêu")
    actual = serializers.DecimalField(max_digits=14, decimal_places=3, allow_null=True, label="kết quả")
    as_of = serializers.DateField(allow_null=True, label="tính đến ngày")
    measured = serializers.BooleanField(label="tính từ kết quả rà soát")
    light = serializers.CharField(label="đèn (green/red/grey)")


class DashboardSerializer(serializers.Serializer):
    unit = UnitRefSerializer(label="đơn vị")
    year = serializers.IntegerField(label="năm")
    years = serializers.ListField(child=serializers.IntegerField(), label="các năm có số liệu")
    boundaries = serializers.CharField(label="địa giới")
    commune_count = serializers.IntegerField(label="số xã")
    refreshed_at = serializers.DateTimeField(allow_null=True, label="cập nhật lúc")
    headline = serializers.DictField(label="số liệu chính")
    total = FiguresRowSerializer(label="tổng")
    children = FiguresRowSerializer(many=True, label="các đơn vị trực thuộc")
    targets = DashboardTargetSerializer(many=True, label="chỉ tiêu của kế hoạch")


def _figures_row(unit, row) -> dict:
    f = row.figures
    return {"unit": unit, "total_households": row.total_households, "poor_start": f.poor_start,
            "escaped": f.escaped, "new_poor": f.new_poor, "relapsed": f.relapsed, "poor_end": f.poor_end,
            "poor_rate": row.rate, "near_poor_end": f.near_poor_end, "quota": row.quota, "reduced": f.reduced,
            "quota_completion": row.completion}


def dashboard_payload(data, years) -> dict:
    """``dashboard.selectors.DashboardData`` as plain values."""
    from dataclasses import asdict

    headline = asdict(data.headline)
    headline.update(poor_rate_change=data.headline.poor_rate_change,
                    share_without_labour=data.headline.share_without_labour,
                    share_ethnic=data.headline.share_ethnic)
    return {
        "unit": data.unit, "year": data.year, "years": years, "boundaries": data.boundaries,
        "commune_count": data.commune_count, "refreshed_at": data.refreshed_at, "headline": headline,
        "total": _figures_row(data.unit, data.total_row),
        "children": [_figures_row(child.unit, child.row) for child in data.children],
        "targets": [{"target": line.target.pk, "name": line.target.name, "value_label": line.target.value_label,
                     "actual": line.actual, "as_of": line.as_of, "measured": line.measured, "light": line.light}
                    for line in data.targets],
    }
