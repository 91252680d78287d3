"""The REST API (/api/v1/): thin views. Reads go through the scoped querysets and the web's selectors
(``for_user``, ``get_for_user_or_404``: 404 outside the user's units), writes through ``api.writes`` (the web's
forms and services), roles through ``api.permissions`` (the web's capability table)."""

from __future__ import annotations

import datetime

from django.contrib.auth import authenticate
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.shortcuts import render
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.audit import record
from accounts.models import AuditAction
from dashboard import selectors as dashboard_selectors
from directory.models import AdministrativeUnit, UnitLevel
from directory.permissions import ROLE_CAPABILITIES, Cap, user_can
from directory.scoping import get_for_user_or_404
from households import selectors as household_selectors
from households import services
from households.models import Category, Household, Review, ReviewRound, ReviewStatus
from plans import selectors as plan_selectors
from plans.models import IndicatorTarget, Plan, QuotaTable, TargetProgress
from reports.models import ReportRun

from . import serializers as s
from . import writes
from .models import ApiToken
from .permissions import RoleCapability
from .throttling import ScopedThrottle
from .tokens import issue_token, revoke_all

REVIEW_APPROVERS = "Cán bộ có quyền phê duyệt hoặc chủ tịch UBND xã"


def can_approve_somewhere(user) -> bool:
    """The web's rule for the approval queue (households.views._can_approve_somewhere)."""
    return user_can(user, Cap.REVIEW_APPROVE) or bool(getattr(user, "is_unit_chairman", False))


def _int(request, name: str, *, low: int | None = None, high: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: [f"Tham số “{name}” phải là số nguyên."]}) from None
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValidationError({name: [f"Tham số “{name}” phải trong khoảng {low}–{high}."]})
    return value


def _date(request, name: str) -> datetime.date | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({name: [f"Tham số “{name}” phải là ngày dạng YYYY-MM-DD."]}) from None


def _choice(request, name: str, choices) -> str | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if raw not in choices:
        raise ValidationError({name: [f"Tham số “{name}” phải là một trong: {', '.join(choices)}."]})
    return raw


YEAR = OpenApiParameter("year", int, description="Năm (2000–2100).")
COMMUNE = OpenApiParameter("commune", int, description="Số hiệu (id) của xã; ngoài địa bàn của bạn: 404.")


class ApiView(generics.GenericAPIView):
    """Base: role check (``required_cap``, ``write_cap``/``write_check``) before anything else; no-store."""

    permission_classes = [RoleCapability]
    required_cap = Cap.VIEW
    write_cap: Cap | None = None
    write_check = None

    def scoped_commune(self, request, name: str = "commune"):
        """The commune named by ``?commune=<id>``: 404 when it is outside the user's units."""
        commune_id = _int(request, name, low=1)
        if commune_id is None:
            return None
        return get_for_user_or_404(AdministrativeUnit.objects.communes(), request.user, pk=commune_id)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-cache, no-store, must-revalidate, private, max-age=0"
        return response


def _etag(response, version):
    response["ETag"] = f'"{version}"'
    return response


# --------------------------------------------------------------------------- me and tokens


@extend_schema_view(
    get=extend_schema(
        summary="Tài khoản đang gọi",
        description=("Ai đang gọi API: tên đăng nhập, vai trò, đơn vị và những việc vai trò đó được làm "
                     "(`capabilities`).")))
class MeView(ApiView):
    serializer_class = s.MeSerializer
    pagination_class = None

    def get(self, request):
        """Who is calling: role, unit and what the role may do."""
        user = request.user
        caps = sorted(c.value for c in Cap if user.is_superuser or c in ROLE_CAPABILITIES.get(user.role, ()))
        data = {"username": user.username, "get_full_name": user.get_full_name(), "role": user.role,
                "get_role_display": user.get_role_display(), "unit": user.unit,
                "working_unit": user.working_unit, "unit_label": user.unit_label,
                "is_unit_chairman": user.is_unit_chairman, "capabilities": caps}
        return Response(s.MeSerializer(data).data)


class TokenView(APIView):
    """POST: a username and password give a new token, shown once (it replaces the user's token of the same
    name; login lockout applies). DELETE: revoke the token the request was made with (with the browser's
    session: all of the user's tokens)."""

    throttle_scope = "token"
    serializer_class = s.TokenRequestSerializer

    def get_permissions(self):
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]

    def get_throttles(self):
        return [ScopedThrottle()] if self.request.method == "POST" else super().get_throttles()

    @extend_schema(request=s.TokenRequestSerializer, responses={200: s.TokenSerializer}, auth=[],
                   summary="Lấy mã truy cập bằng mật khẩu",
                   description="Tên đăng nhập và mật khẩu cho một mã truy cập mới, trả về một lần duy nhất (máy chủ "
                               "chỉ lưu mã băm SHA-256). Mã cũ cùng tên (`name`, mặc định “API (lấy bằng mật "
                               "khẩu)”) của tài khoản bị thay thế. Sai mật khẩu nhiều lần thì bị khóa đăng nhập như "
                               "trên trang web; tối đa 20 yêu cầu mỗi giờ.")
    def post(self, request):
        form = s.TokenRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        # Through the authentication backends with the request: django-axes counts failures and locks out.
        user = authenticate(request._request, username=form.validated_data["username"],
                            password=form.validated_data["password"])
        if user is None:
            raise AuthenticationFailed("Sai tên đăng nhập hoặc mật khẩu (hoặc tài khoản đang bị khóa đăng nhập).")
        if user.must_change_password:
            raise AuthenticationFailed("Tài khoản đang dùng mật khẩu tạm: đăng nhập trang web và đổi mật khẩu trước.")
        try:
            token, key = issue_token(user, form.validated_data.get("name"))
        except ValueError as exc:
            raise ValidationError({"name": [str(exc)]}) from exc
        # A password login like the web's: in the audit log (failed ones are logged by the login signal).
        record(AuditAction.LOGIN, request=request._request, user=user, detail="Lấy mã truy cập API")
        return Response(s.TokenSerializer({"token": key, "created": token.created, "name": token.name}).data)

    @extend_schema(request=None, responses={204: None}, summary="Thu hồi mã truy cập",
                   description="Thu hồi mã đã dùng để gửi yêu cầu này; với phiên đăng nhập của trình duyệt: thu hồi "
                               "mọi mã của tài khoản.")
    def delete(self, request):
        if isinstance(request.auth, ApiToken):
            request.auth.delete()
        else:  # the browser's session: every token of the user
            revoke_all(request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --------------------------------------------------------------------------- units


def _units_with_lineage(queryset):
    from directory.models import UnitSuccession

    return queryset.prefetch_related(
        Prefetch("predecessor_links", queryset=UnitSuccession.objects.select_related("predecessor")),
        Prefetch("successor_links", queryset=UnitSuccession.objects.select_related("successor")))


@extend_schema(parameters=[
    OpenApiParameter("date", OpenApiTypes.DATE, description="Các đơn vị có hiệu lực ngày này (mặc định: hôm nay)."),
    OpenApiParameter("level", str, enum=list(UnitLevel.values), description="Cấp: province, district, commune."),
    OpenApiParameter("parent", int, description="Chỉ các đơn vị trực thuộc đơn vị này."),
    OpenApiParameter("code", str, description="Mã đơn vị hành chính."),
    OpenApiParameter("q", str, description="Tìm theo tên (không dấu cũng được)."),
])
@extend_schema_view(
    get=extend_schema(
        summary="Danh sách đơn vị hành chính",
        description=("Các đơn vị hành chính trong phạm vi của tài khoản có hiệu lực vào ngày `date` (mặc định: hôm "
                     "nay), mỗi đơn vị kèm các đơn vị trước và sau nó qua đợt sắp xếp (`predecessors`, "
                     "`successors`).")))
class UnitList(ApiView, generics.ListAPIView):
    """Administrative units of the user's scope valid on a date, each with its lineage."""

    serializer_class = s.UnitSerializer

    def get_queryset(self):
        from directory.lookup import name_key

        request = self.request
        day = _date(request, "date") or timezone.localdate()
        queryset = AdministrativeUnit.objects.for_user(request.user).valid_on(day)
        level = _choice(request, "level", UnitLevel.values)
        if level:
            queryset = queryset.filter(level=level)
        parent = _int(request, "parent", low=1)
        if parent:
            queryset = queryset.filter(parent=get_for_user_or_404(AdministrativeUnit, request.user, pk=parent))
        if request.query_params.get("code"):
            queryset = queryset.filter(code=request.query_params["code"].strip())
        if request.query_params.get("q"):
            queryset = queryset.filter(name_key__contains=name_key(request.query_params["q"]))
        return _units_with_lineage(queryset)


@extend_schema_view(
    get=extend_schema(
        summary="Một đơn vị hành chính",
        description=("Một đơn vị trong phạm vi của tài khoản, kèm các đơn vị trước và sau nó. Đơn vị ngoài phạm vi: "
                     "404.")))
class UnitDetail(ApiView, generics.RetrieveAPIView):
    serializer_class = s.UnitSerializer

    def get_object(self):
        return get_for_user_or_404(_units_with_lineage(AdministrativeUnit.objects.all()), self.request.user,
                                   pk=self.kwargs["pk"])


# --------------------------------------------------------------------------- households


def _no_approved_review_in_scope(user, year: int) -> bool:
    """True when no household of the user's scope can have an approved review of ``year``.

    The list walks the households in id order and looks up each one's latest approved review of the year: with
    none in the scope it walked every household (a province's million: 20 s on the scale set). One probe of the
    reviews' (commune, year, status) index says so first. Exact only when every household of the scope is
    registered in it (no household moved in: ``for_user_list`` has just checked that), as a review carries its
    household's commune; otherwise it answers False and the list walks as before."""
    from directory.scoping import scope_for

    scope = scope_for(user)
    if scope.ids(history=False) is not None and getattr(scope, "_households_moved_in", True):
        return False
    return not Review.objects.for_user(user).filter(year=year, status=ReviewStatus.APPROVED).exists()


@extend_schema(parameters=[
    COMMUNE, YEAR,
    OpenApiParameter("category", str, enum=list(Category.values),
                     description="Phân loại: với year là kết quả rà soát đã duyệt gần nhất của năm đó, không có "
                                 "year là phân loại hiện tại."),
    OpenApiParameter("village", str, description="Thôn, bản, tổ dân phố."),
    OpenApiParameter("code", str, description="Mã hộ."),
])
@extend_schema_view(
    get=extend_schema(
        summary="Danh sách hộ",
        description=("Các hộ thuộc địa bàn của tài khoản, phân trang theo con trỏ (`next`/`previous`, không bao giờ "
                     "đếm tổng). Lọc theo xã (`commune`), năm (`year`) và phân loại của năm đó (`category`: theo "
                     "phiếu rà soát đã phê duyệt gần nhất của năm).")),
    post=extend_schema(
        summary="Đăng ký hộ mới",
        description=("Cán bộ cấp xã đăng ký một hộ của xã mình, kèm danh sách thành viên (`members`); khả năng lao "
                     "động của hộ được tính từ thành viên. Xã đã sáp nhập không đăng ký hộ mới được (403, nêu xã tiếp "
                     "nhận). Ghi lịch sử thay đổi.")))
class HouseholdList(ApiView, generics.ListCreateAPIView):
    """Households of the user's units (GET); a commune official registers a household (POST, with members)."""

    serializer_class = s.HouseholdSerializer
    write_cap = Cap.HOUSEHOLD_EDIT

    def get_queryset(self):
        request = self.request
        # for_user_list: the web list's scope filter (no OR on current_commune when nobody moved in).
        queryset = Household.objects.for_user_list(request.user).select_related("commune", "current_commune")
        commune = self.scoped_commune(request)
        if commune is not None:
            queryset = queryset.filter(Q(commune=commune) | Q(current_commune=commune))
        year = _int(request, "year", low=2000, high=2100)
        category = _choice(request, "category", Category.values)
        if year is not None:
            if commune is None and _no_approved_review_in_scope(request.user, year):
                return queryset.none()
            latest = (Review.objects.filter(household=OuterRef("pk"), year=year, status=ReviewStatus.APPROVED)
                      .order_by("-effective_date", "-pk").values("category")[:1])
            queryset = queryset.annotate(year_category=Subquery(latest))
            # "= category" already excludes the households without a review that year (once per row, not twice)
            queryset = (queryset.filter(year_category=category) if category
                        else queryset.filter(year_category__isnull=False))
        elif category:
            queryset = queryset.filter(current_category=category)
        if request.query_params.get("village"):
            queryset = queryset.filter(village=request.query_params["village"])
        if request.query_params.get("code"):
            queryset = queryset.filter(code__iexact=request.query_params["code"].strip())
        return queryset

    @extend_schema(request=s.HouseholdWriteSerializer, responses={201: s.HouseholdDetailSerializer})
    def post(self, request):
        result = writes.save_household(request, None)
        return _household_response(request, result, status.HTTP_201_CREATED)


def _household_response(request, result, code):
    household = household_selectors.household_for_api(request.user, result.household.pk)
    data = s.HouseholdDetailSerializer(_with_page_extras(household)).data
    if result.warnings:
        data["canh_bao"] = result.warnings
    return _etag(Response(data, status=code), household.version)


def _with_page_extras(household):
    """What the household page shows beside the rows: its lineage and yearly categories with movements."""
    lineage = household_selectors.household_lineage(household)
    household.lineage = lineage.text if lineage else None
    household.statuses = household_selectors.yearly_statuses(list(household.reviews.all()))
    return household


@extend_schema_view(
    get=extend_schema(
        summary="Thông tin một hộ",
        description=("Một hộ với thành viên, các phiếu rà soát (kèm các bước xử lý), phân loại và biến động từng năm,"
                     " và quan hệ kế thừa của xã. Tiêu đề `ETag` là phiên bản của hộ.")),
    patch=extend_schema(
        summary="Sửa thông tin hộ",
        description=("Chỉ sửa các trường gửi lên; `members` thay cả danh sách thành viên. Phải gửi phiên bản đã đọc "
                     "(`version` trong thân hoặc tiêu đề `If-Match: \"3\"`): phiên bản đã cũ bị từ chối với 409 "
                     "(412 khi dùng `If-Match`) kèm các khác biệt; thiếu phiên bản: 428. Lịch sử thay đổi được ghi "
                     "lại.")))
class HouseholdDetail(ApiView):
    """A household with members, reviews (with their workflow steps) and yearly categories (GET); an edit
    (PATCH: only the fields sent; ``members`` replaces the list) with the version read (body or If-Match)."""

    serializer_class = s.HouseholdDetailSerializer
    write_cap = Cap.HOUSEHOLD_EDIT

    def get(self, request, pk):
        household = household_selectors.household_for_api(request.user, pk)
        return _etag(Response(s.HouseholdDetailSerializer(_with_page_extras(household)).data), household.version)

    @extend_schema(request=s.HouseholdWriteSerializer, responses={200: s.HouseholdDetailSerializer})
    def patch(self, request, pk):
        household = get_for_user_or_404(Household.objects.select_related("commune", "current_commune"),
                                        request.user, pk=pk)
        return _household_response(request, writes.save_household(request, household), status.HTTP_200_OK)


@extend_schema_view(
    get=extend_schema(
        summary="Lịch sử thay đổi của hộ",
        description="Mọi thay đổi đã ghi của hộ (ai, lúc nào, trường nào, giá trị cũ → mới), mới nhất trước."))
class HouseholdHistory(ApiView, generics.ListAPIView):
    """Every recorded change of the household (who, when, field, old → new), newest first."""

    serializer_class = s.HistorySerializer

    def get_queryset(self):
        household = get_for_user_or_404(Household, self.request.user, pk=self.kwargs["pk"])
        return household.history.select_related("actor")

    def paginate_queryset(self, queryset):
        self.paginator.ordering = "-pk"
        return super().paginate_queryset(queryset)


# --------------------------------------------------------------------------- reviews


def _reviews(queryset):
    return queryset.select_related("household", "commune", "standard", "submitted_by", "approved_by") \
        .prefetch_related("deprived_indicators", "causes")


@extend_schema(parameters=[
    COMMUNE, YEAR,
    OpenApiParameter("household", int, description="Số hiệu (id) của hộ."),
    OpenApiParameter("status", str, enum=list(ReviewStatus.values), description="Trạng thái."),
    OpenApiParameter("round", str, enum=list(ReviewRound.values), description="Đợt rà soát."),
])
@extend_schema_view(
    get=extend_schema(
        summary="Danh sách phiếu rà soát",
        description="Các phiếu rà soát của địa bàn tài khoản, lọc theo xã, năm và trạng thái."),
    post=extend_schema(
        summary="Tạo phiếu rà soát nháp",
        description=("Tạo phiếu rà soát nháp cho một hộ (`submit: true` thì nộp luôn, như nút “Lưu và nộp” trên trang "
                     "web). Phân loại hộ luôn do máy chủ tính từ thu nhập, khu vực và các chỉ số thiếu hụt theo chuẩn "
                     "nghèo của năm.")))
class ReviewList(ApiView, generics.ListCreateAPIView):
    """Reviews of the user's units (GET); a draft review of a household (POST; ``submit: true`` also submits
    it, like the web's "Lưu và nộp"). The category is computed from income, area and deprivations."""

    serializer_class = s.ReviewSerializer
    write_cap = Cap.REVIEW_SUBMIT

    def get_queryset(self):
        request = self.request
        queryset = Review.objects.for_user(request.user)
        commune = self.scoped_commune(request)
        if commune is not None:
            queryset = queryset.filter(commune=commune)
        household = _int(request, "household", low=1)
        if household is not None:
            queryset = queryset.filter(household=get_for_user_or_404(Household, request.user, pk=household))
        year = _int(request, "year", low=2000, high=2100)
        if year is not None:
            queryset = queryset.filter(year=year)
        for name, choices in (("status", ReviewStatus.values), ("round", ReviewRound.values)):
            value = _choice(request, name, choices)
            if value:
                queryset = queryset.filter(**{name: value})
        return _reviews(queryset)

    @extend_schema(request=s.ReviewWriteSerializer, responses={201: s.ReviewDetailSerializer})
    def post(self, request):
        raw = request.data.get("household") if hasattr(request.data, "get") else None
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise ValidationError({"household": ["Cần số hiệu (id) của hộ gia đình."]})
        household = get_for_user_or_404(Household.objects.select_related("commune", "current_commune"),
                                        request.user, pk=raw)
        review = writes.save_review(request, None, household)
        return _review_response(request, review.pk, status.HTTP_201_CREATED)


def _review_response(request, pk, code=status.HTTP_200_OK):
    review = get_for_user_or_404(_reviews(Review.objects.all()).prefetch_related("events__actor"),
                                 request.user, pk=pk)
    return _etag(Response(s.ReviewDetailSerializer(review).data, status=code), review.version)


@extend_schema_view(
    get=extend_schema(
        summary="Một phiếu rà soát",
        description=("Một phiếu rà soát với các bước xử lý (tạo, sửa, nộp, trả lại, phê duyệt, mở lại). Tiêu đề "
                     "`ETag` là phiên bản.")),
    patch=extend_schema(
        summary="Sửa phiếu rà soát",
        description=("Sửa phiếu nháp hoặc phiếu bị trả lại (chỉ các trường gửi lên), kèm phiên bản đã đọc. Phiếu đã "
                     "phê duyệt bị khóa: muốn sửa phải mở lại (`reopen`).")))
class ReviewDetail(ApiView):
    """A review with its workflow steps (GET); an edit of a draft or returned review (PATCH, with the version)."""

    serializer_class = s.ReviewDetailSerializer
    write_cap = Cap.REVIEW_SUBMIT

    def get(self, request, pk):
        return _review_response(request, pk)

    @extend_schema(request=s.ReviewWriteSerializer, responses={200: s.ReviewDetailSerializer})
    def patch(self, request, pk):
        review = household_selectors.review_for_user(request.user, pk)
        writes.save_review(request, review)
        return _review_response(request, pk)


class _Transition(ApiView):
    serializer_class = s.ReviewDetailSerializer
    body_field: str | None = None

    def run(self, review, user, version, text):  # pragma: no cover - each subclass names its service
        raise NotImplementedError

    def post(self, request, pk):
        review = household_selectors.review_for_user(request.user, pk)
        version = writes.expected_version(
            request, what=f"Phiếu rà soát năm {review.year} của hộ {review.household.code}")
        text = ""
        if self.body_field:
            text = request.data.get(self.body_field, "") if hasattr(request.data, "get") else ""
            if not isinstance(text, str):
                raise ValidationError({self.body_field: ["Phải là một chuỗi ký tự."]})
        self.run(review, request.user, version, text)
        return _review_response(request, pk)


@extend_schema(request=s.VersionSerializer, responses={200: s.ReviewDetailSerializer})
@extend_schema_view(
    post=extend_schema(
        summary="Nộp phiếu rà soát",
        description="Nộp phiếu nháp hoặc phiếu bị trả lại cho người phê duyệt, kèm phiên bản đã đọc."))
class ReviewSubmit(_Transition):
    """Submit a draft or returned review to its approver."""

    write_cap = Cap.REVIEW_SUBMIT

    def run(self, review, user, version, text):
        services.review_submit(review=review, acting_user=user, expected_version=version)


@extend_schema(request=s.VersionSerializer, responses={200: s.ReviewDetailSerializer})
@extend_schema_view(
    post=extend_schema(
        summary="Phê duyệt phiếu rà soát",
        description=("Phê duyệt (và khóa) phiếu đã nộp: cán bộ cấp huyện trước ngày 01/07/2025, chủ tịch UBND xã từ "
                     "ngày đó.")))
class ReviewApprove(_Transition):
    """Approve (and lock) a submitted review: district staff before 01/07/2025, the commune chairman after."""

    write_check = staticmethod(can_approve_somewhere)

    def run(self, review, user, version, text):
        services.review_approve(review=review, acting_user=user, expected_version=version)


@extend_schema(request=s.CommentSerializer, responses={200: s.ReviewDetailSerializer})
@extend_schema_view(
    post=extend_schema(
        summary="Trả lại phiếu rà soát",
        description="Trả phiếu đã nộp về xã, kèm nhận xét (`comment`, bắt buộc)."))
class ReviewReturn(_Transition):
    """Return a submitted review to the commune with a comment (required)."""

    write_check = staticmethod(can_approve_somewhere)
    body_field = "comment"

    def run(self, review, user, version, text):
        services.review_return(review=review, comment=text, acting_user=user, expected_version=version)


@extend_schema(request=s.ReasonSerializer, responses={200: s.ReviewDetailSerializer})
@extend_schema_view(
    post=extend_schema(
        summary="Mở lại phiếu đã phê duyệt",
        description=("Mở lại phiếu đã phê duyệt để sửa, kèm lý do (`reason`, bắt buộc); phiếu trở về trạng thái “Trả "
                     "lại”.")))
class ReviewReopen(_Transition):
    """Reopen an approved review for correction with a reason (required); it goes back as returned."""

    write_check = staticmethod(can_approve_somewhere)
    body_field = "reason"

    def run(self, review, user, version, text):
        services.review_reopen(review=review, reason=text, acting_user=user, expected_version=version)


@extend_schema(parameters=[COMMUNE, YEAR])
@extend_schema_view(
    get=extend_schema(
        summary="Hàng chờ phê duyệt",
        description="Các phiếu đã nộp mà tài khoản này phê duyệt (cùng hàng chờ với trang web)."))
class ApprovalQueue(ApiView, generics.ListAPIView):
    """Submitted reviews this user approves (the web's queue: the same selector)."""

    serializer_class = s.ReviewSerializer

    def get_queryset(self):
        request = self.request
        if not can_approve_somewhere(request.user):
            raise PermissionDenied("Bạn không có quyền phê duyệt kết quả rà soát.")
        queryset = household_selectors.approval_queue(request.user)
        commune = self.scoped_commune(request)
        if commune is not None:
            queryset = queryset.filter(commune=commune)
        year = _int(request, "year", low=2000, high=2100)
        if year is not None:
            queryset = queryset.filter(year=year)
        return _reviews(queryset)


@extend_schema(parameters=[
    OpenApiParameter("year", int, required=True, description="Năm của biến động (so với năm trước)."), COMMUNE])
@extend_schema_view(
    get=extend_schema(
        summary="Biến động hộ nghèo trong năm",
        description=("Phân loại của từng hộ trong năm `year` (theo phiếu rà soát đã phê duyệt gần nhất của năm) và "
                     "biến động so với năm trước: thoát nghèo, nghèo phát sinh, tái nghèo… (`null`: không đổi).")))
class MovementList(ApiView, generics.ListAPIView):
    """Each household's category in a year (its latest approved review of that year) and its movement from
    the year before: thoát nghèo, nghèo phát sinh, tái nghèo... (null: no change)."""

    serializer_class = s.MovementSerializer

    def get_queryset(self):
        request = self.request
        year = _int(request, "year", low=2000, high=2100)
        if year is None:
            raise ValidationError({"year": ["Cần tham số year (năm)."]})
        queryset = Review.objects.for_user(request.user).filter(year=year, status=ReviewStatus.APPROVED)
        commune = self.scoped_commune(request)
        if commune is not None:
            queryset = queryset.filter(commune=commune)
        self.year = year
        return queryset.select_related("household")

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        movements = household_selectors.movements_by_household({r.household_id for r in page}, year=self.year)
        rows = [{"id": r.pk, "household": r.household_id, "household_code": r.household.code, "commune": r.commune_id,
                 "year": r.year, "category": r.category,
                 "movement": movements.get(r.household_id).value if movements.get(r.household_id) else None,
                 "movement_label": movements.get(r.household_id).label if movements.get(r.household_id) else None}
                for r in page]
        return self.get_paginated_response(s.MovementSerializer(rows, many=True).data)


# --------------------------------------------------------------------------- plans, targets, quotas


@extend_schema_view(
    get=extend_schema(
        summary="Danh sách kế hoạch",
        description="Các kế hoạch, quyết định do đơn vị của tài khoản ban hành."))
class PlanList(ApiView, generics.ListAPIView):
    """Plans issued by the user's units."""

    serializer_class = s.PlanSerializer

    def get_queryset(self):
        return plan_selectors.plan_list(self.request.user)


@extend_schema_view(
    get=extend_schema(
        summary="Một kế hoạch",
        description=("Một kế hoạch với các chỉ tiêu (mỗi chỉ tiêu kèm kết quả thực hiện gần nhất) và các năm có bảng "
                     "chỉ tiêu giảm nghèo.")))
class PlanDetail(ApiView):
    """A plan with its targets (each with its latest actual) and the years of its quota tables."""

    serializer_class = s.PlanDetailSerializer

    def get(self, request, pk):
        plan = get_for_user_or_404(Plan.objects.select_related("unit"), request.user, pk=pk)
        plan.api_targets = list(plan_selectors.targets_with_latest_actual(plan))
        plan.api_quota_years = list(plan.quota_tables.order_by("year").values_list("year", flat=True))
        return _etag(Response(s.PlanDetailSerializer(plan).data), plan.version)


def _targets(queryset):
    latest = TargetProgress.objects.filter(target=OuterRef("pk")).order_by("-as_of", "-pk")
    return queryset.annotate(latest_actual=Subquery(latest.values("actual_value")[:1]),
                             latest_as_of=Subquery(latest.values("as_of")[:1]),
                             latest_period=Subquery(latest.values("period_label")[:1]))


@extend_schema(parameters=[OpenApiParameter("plan", int, description="Số hiệu (id) của kế hoạch."), YEAR])
@extend_schema_view(
    get=extend_schema(
        summary="Danh sách chỉ tiêu",
        description=("Các chỉ tiêu của những kế hoạch trong phạm vi, mỗi chỉ tiêu kèm kết quả thực hiện gần nhất và "
                     "đánh giá đạt hay chưa.")))
class TargetList(ApiView, generics.ListAPIView):
    """Targets of the plans in scope, each with its latest actual and whether it is met."""

    serializer_class = s.TargetSerializer

    def get_queryset(self):
        request = self.request
        queryset = IndicatorTarget.objects.for_user(request.user)
        plan = _int(request, "plan", low=1)
        if plan is not None:
            queryset = queryset.filter(plan=get_for_user_or_404(Plan, request.user, pk=plan))
        year = _int(request, "year", low=2000, high=2100)
        if year is not None:
            queryset = queryset.filter(year=year)
        return _targets(queryset)


@extend_schema_view(
    get=extend_schema(
        summary="Một chỉ tiêu",
        description="Một chỉ tiêu với mọi kết quả thực hiện đã ghi."))
class TargetDetail(ApiView, generics.RetrieveAPIView):
    """A target with every actual recorded for it."""

    serializer_class = s.TargetDetailSerializer

    def get_object(self):
        return get_for_user_or_404(_targets(IndicatorTarget.objects.prefetch_related("progress_entries")),
                                   self.request.user, pk=self.kwargs["pk"])


@extend_schema(parameters=[OpenApiParameter("plan", int, description="Số hiệu (id) của kế hoạch."), YEAR])
@extend_schema_view(
    get=extend_schema(
        summary="Danh sách bảng chỉ tiêu giảm nghèo",
        description="Các bảng chỉ tiêu giảm hộ nghèo giao các xã, của những kế hoạch trong phạm vi."))
class QuotaTableList(ApiView, generics.ListAPIView):
    """Quota tables (chỉ tiêu giảm hộ nghèo giao các xã) of the plans in scope."""

    serializer_class = s.QuotaTableSerializer

    def get_queryset(self):
        request = self.request
        queryset = QuotaTable.objects.for_user(request.user).select_related("plan")
        plan = _int(request, "plan", low=1)
        if plan is not None:
            queryset = queryset.filter(plan=get_for_user_or_404(Plan, request.user, pk=plan))
        year = _int(request, "year", low=2000, high=2100)
        if year is not None:
            queryset = queryset.filter(year=year)
        return queryset


@extend_schema_view(
    get=extend_schema(
        summary="Một bảng chỉ tiêu giảm nghèo",
        description="Một bảng chỉ tiêu với một dòng cho mỗi xã."))
class QuotaTableDetail(ApiView):
    """A quota table with one row per commune."""

    serializer_class = s.QuotaTableDetailSerializer

    def get(self, request, pk):
        table = get_for_user_or_404(QuotaTable.objects.select_related("plan"), request.user, pk=pk)
        data = s.QuotaTableDetailSerializer(table).data
        data["rows"] = s.QuotaRowSerializer(plan_selectors.quota_table_with_rows(table)[0], many=True).data
        return _etag(Response(data), table.version)


# --------------------------------------------------------------------------- report runs


def _runs(user):
    return (ReportRun.objects.for_user(user).with_status(timezone.localdate())
            .select_related("duty", "reporting_unit", "agency"))


@extend_schema(parameters=[
    YEAR, OpenApiParameter("status", str, enum=["not_due", "due_soon", "overdue", "on_time", "late"],
                           description="Tình trạng hạn nộp."),
    OpenApiParameter("unit", int, description="Đơn vị báo cáo (id)."),
])
@extend_schema_view(
    get=extend_schema(
        summary="Danh sách kỳ báo cáo",
        description=("Các báo cáo mà đơn vị của tài khoản phải nộp, với tình trạng hạn nộp và tình trạng tạo tệp báo "
                     "cáo.")))
class ReportRunList(ApiView, generics.ListAPIView):
    """Reports owed by the user's units, with their deadline status and the state of their workbook build."""

    serializer_class = s.ReportRunSerializer

    def get_queryset(self):
        request = self.request
        queryset = _runs(request.user)
        year = _int(request, "year", low=2000, high=2100)
        if year is not None:
            queryset = queryset.filter(year=year)
        state = _choice(request, "status", ["not_due", "due_soon", "overdue", "on_time", "late"])
        if state:
            queryset = queryset.filter(status=state)
        unit = _int(request, "unit", low=1)
        if unit is not None:
            queryset = queryset.filter(reporting_unit=get_for_user_or_404(AdministrativeUnit, request.user, pk=unit))
        return queryset


@extend_schema_view(
    get=extend_schema(
        summary="Một kỳ báo cáo",
        description="Một báo cáo phải nộp, với hạn nộp, tình trạng và tình trạng tạo tệp báo cáo."))
class ReportRunDetail(ApiView, generics.RetrieveAPIView):
    serializer_class = s.ReportRunSerializer

    def get_object(self):
        return get_for_user_or_404(_runs(self.request.user), self.request.user, pk=self.kwargs["pk"])


# --------------------------------------------------------------------------- dashboard


@extend_schema(parameters=[
    OpenApiParameter("unit", int, description="Đơn vị (id; mặc định: đơn vị của bạn)."),
    OpenApiParameter("year", int, description="Năm (mặc định: năm gần nhất có số liệu)."),
    OpenApiParameter("boundaries", str, enum=["period", "current"],
                     description="Địa giới: của năm (period) hoặc hiện nay (current)."),
], responses={200: s.DashboardSerializer})
@extend_schema_view(
    get=extend_schema(
        summary="Số liệu tổng quan",
        description=("Số liệu tổng quan của một đơn vị và năm (cùng số liệu tổng hợp sẵn với trang Tổng quan), theo "
                     "địa giới của năm hoặc địa giới hiện nay (`boundaries`).")))
class DashboardView(ApiView):
    """The dashboard's figures for a unit and year (the same pre-aggregated rows as the web page)."""

    serializer_class = s.DashboardSerializer
    pagination_class = None

    def get(self, request):
        unit = dashboard_selectors.dashboard_unit(request.user, _int(request, "unit", low=1))
        today = timezone.localdate()
        years = dashboard_selectors.figure_years(unit)
        year = _int(request, "year", low=2000, high=2100) or dashboard_selectors.default_year(
            years, today, dashboard_selectors.year_completion(unit, years))
        boundaries = _choice(request, "boundaries", ["period", "current"])
        data = dashboard_selectors.dashboard_data(request.user, unit, year, today, years, boundaries)
        return Response(s.DashboardSerializer(s.dashboard_payload(data, years)).data)


# --------------------------------------------------------------------------- reference page


_REFERENCE: list | None = None
WHERE = {"query": "tham số", "path": "đường dẫn"}


def _code_spans(text: str) -> list[tuple[bool, str]]:
    """A description's Markdown `code` spans as (is_code, text) pieces, for the template to mark up (escaped)."""
    return [(i % 2 == 1, piece) for i, piece in enumerate(text.split("`")) if piece]


def _operations() -> list[dict]:
    """Every operation of the generated schema (built once per process): method, path, what it does (the
    Vietnamese summary and description of the schema), parameters."""
    global _REFERENCE
    if _REFERENCE is None:
        from drf_spectacular.generators import SchemaGenerator

        schema = SchemaGenerator().get_schema(request=None, public=True)
        _REFERENCE = [
            {"method": method.upper(), "path": path,
             "parameters": [{"name": p["name"], "where": WHERE.get(p["in"], p["in"]),
                             "required": p.get("required", False), "description": p.get("description", "")}
                            for p in operation.get("parameters", [])],
             "has_body": "requestBody" in operation, "summary": operation.get("summary", ""),
             "description": _code_spans(operation.get("description", ""))}
            for path, methods in schema["paths"].items() for method, operation in methods.items()]
    return _REFERENCE


def reference(request):
    """The API reference: every route with its parameters, rendered on the server from the same schema (no
    script, so the CSP and the accessibility rules of every page hold); the schema itself is one click away."""
    return render(request, "api/reference.html", {"operations": _operations()})

