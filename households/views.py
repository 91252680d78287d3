"""Thin views: read through selectors and scoped querysets, write through services."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.paginators import LazyPaginator

from directory import lineage
from directory.access import CapabilityRequiredMixin, require_cap
from directory.concurrency import stale_context
from directory.lookups import Ids
from directory.models import AdministrativeUnit, AreaType
from directory.permissions import Cap, can_approve_reviews_of, user_can
from directory.scoping import get_for_user_or_404, scope_for

from . import selectors, services
from .classification import NoStandardError, classify, snapshot_for_review
from .excel import build_escape_list_workbook, workbook_bytes
from .filters import HouseholdFilter
from .forms import CommentForm, EscapePlanForm, HouseholdForm, MemberFormSet, ReasonForm, ReviewForm
from .models import EscapePlan, Household, Review, ReviewRound
from .queue import ApprovalQueueFilter, attach_changes, build_queue_workbook
from .tables import HouseholdTable, household_url_maker

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it, else on top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _redirect_back(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def _can_approve_somewhere(user) -> bool:
    return user_can(user, Cap.REVIEW_APPROVE) or bool(getattr(user, "is_unit_chairman", False))


# --------------------------------------------------------------------------- households


# Up to this many communes in scope (a commune with the ones merged into it), a search walks the scope's
# (commune, code) index: a few thousand rows, faster than a trigram scan over the province.
SMALL_SCOPE_COMMUNES = 5


class HouseholdListView(CapabilityRequiredMixin, SingleTableMixin, FilterView):
    required_cap = Cap.VIEW
    model = Household
    table_class = HouseholdTable
    filterset_class = HouseholdFilter
    template_name = "households/household_list.html"
    # No COUNT(*) per page on a table of a million households: fetch one row more than a page.
    paginator_class = LazyPaginator
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        # Default order (commune, code) walks the unique (commune, code) index. The page's communes are read
        # by the table (one query of a few rows, and only when it shows them: HouseholdTable.rows_html), not
        # joined: with the units joined, the planner matched a commune's 2.000 households against all 613
        # units of the province (1,2 million comparisons, 80 ms of a 100 ms page at a million households;
        # measured by `scale`).
        return Household.objects.for_user_list(self.request.user).order_by("commune_id", "code")

    @staticmethod
    def _for_page(queryset):
        """The table's rows: only the columns they show (HouseholdTable.rows_html), 11 of 21, as named tuples.
        Households cost three times the CPU for 50 rows (a model instance each: 0,9 against 0,3 ms a page,
        measured on povertyapp_bench); the rows read no method of the model. Ordered here too: a search's page
        comes from a fresh queryset of its matching ids (get_table_data)."""
        return queryset.values_list(*HouseholdTable.row_fields, named=True).order_by("commune_id", "code")

    def get_table_data(self):
        """A search over many communes: first its matching ids (at most EXACT_TOTAL_LIMIT), then the page
        from those ids. Ordered and limited to a page, the planner walked the (commune, code) index and
        unaccented every name until 51 matched (370 ms for a rare name over a province, where the trigram
        index finds the 667 matches in 35 ms); the ids also give the exact total without a second scan.
        A search with more matches than that is dense: walking the index finds a page at once."""
        data = super().get_table_data()
        ids = scope_for(self.request.user).ids(history=False)
        if (self.request.GET.get("q", "").strip() and connection.vendor == "postgresql"
                and (ids is None or len(ids) > SMALL_SCOPE_COMMUNES)):
            matches = selectors.matching_ids(data)
            if matches is not None:
                self._total = selectors.Total(len(matches))
                return self._for_page(Household.objects.filter(pk__in_ids=Ids(matches)))
            # more than the limit: already known, so no bounded count a second time
            self._total = selectors.household_total_above_limit(data)
        return self._for_page(data)

    def _communes(self):
        """The communes in scope (a queryset: a province has thousands, picked with the search box) and the
        ids of the first two of them (one query: is there a choice to make at all?)."""
        if not hasattr(self, "_commune_list"):
            user = self.request.user
            working = user.working_unit
            if working is not None and working.is_commune and scope_for(user).paths == [working.path]:
                # a commune without predecessors: its tree holds no other commune (no query)
                self._commune_list = (AdministrativeUnit.objects.filter(pk=working.pk), [working.pk])
            else:
                communes = AdministrativeUnit.objects.for_user(user).communes().order_by("path")
                self._commune_list = (communes, list(communes.values_list("pk", flat=True)[:2]))
        return self._commune_list

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["user"] = self.request.user
        kwargs["communes"] = self._communes()
        return kwargs

    def get_table_kwargs(self):
        # A new commune that took over others (its scope has their paths too) shows where each household came from.
        took_over = len(scope_for(self.request.user).paths or ()) > 1
        return {"show_commune": len(self._communes()[1]) > 1 or took_over}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_edit"] = user_can(user, Cap.HOUSEHOLD_EDIT)
        # no query: a unit that exists today has communes that do (the form itself checks exactly)
        working = user.working_unit
        context["can_add"] = context["can_edit"] and (working is None or working.is_valid_on(timezone.localdate()))
        context["can_approve"] = _can_approve_somewhere(user)
        context["total"] = getattr(self, "_total", None) or selectors.household_total(self.object_list)
        return context


@login_required
def household_detail(request, pk):
    require_cap(request.user, Cap.VIEW)
    household = selectors.household_for_page(request.user, pk)
    reviews = list(household.reviews.all())
    user = request.user
    # Per review, on the commune it was made in (as the services check): a moved household's 2024 reviews are
    # the old district's to approve or reopen, its 2026 ones the new xã's chairman's.
    # The household's own units are loaded already: a review made elsewhere is the only one read for this.
    loaded = {household.commune_id: household.commune, household.current_commune_id: household.current_commune}
    approver_of: dict[int, bool] = {}
    for review in reviews:
        if review.commune_id not in approver_of:
            commune = loaded.get(review.commune_id) or review.commune
            approver_of[review.commune_id] = can_approve_reviews_of(user, commune)
    approvable = {review.pk for review in reviews if approver_of[review.commune_id]}
    return render(request, "households/household_detail.html", {
        "household": household,
        "area": selectors.household_area_shown(household, reviews, timezone.localdate()),
        "lineage": selectors.household_lineage(household),
        "members": list(household.members.all()),
        "reviews": reviews,
        "statuses": list(reversed(selectors.yearly_statuses(reviews))),
        "escape_plans": list(household.escape_plans.all()),
        "history": list(household.history.all()),
        "can_edit": user_can(user, Cap.HOUSEHOLD_EDIT),
        "can_review": user_can(user, Cap.REVIEW_SUBMIT),
        "approvable": approvable,
        "is_poor": household.current_category == "poor" or any(r.category == "poor" for r in reviews[:1]),
        "reason_form": ReasonForm(),
        "comment_form": CommentForm(),
    })


@login_required
def household_edit(request, pk=None):
    """Create or edit a household with its members (one formset)."""
    user = request.user
    require_cap(user, Cap.HOUSEHOLD_EDIT)
    household = get_for_user_or_404(Household.objects.select_related("commune"), user, pk=pk) if pk else Household()
    is_new = household.pk is None
    if is_new and not selectors.registration_communes(user).exists():
        messages.info(request, selectors.registration_closed_note(user))
        return redirect("households:household_list")
    data = request.POST if request.method == "POST" else None
    form = HouseholdForm(data, instance=household, user=user)
    formset = MemberFormSet(data, instance=household, prefix="members")
    stale = {}
    if data is not None and form.is_valid() and formset.is_valid():
        members = formset.save(commit=False)
        for number, member_form in enumerate(formset.ordered_forms if formset.can_order else formset.forms):
            if member_form.instance in members and not member_form.instance.order:
                member_form.instance.order = number + 1
        new_members = [m for m in members if m.pk is None]
        try:
            result = services.household_save(
                household=form.instance, members=members, deleted_members=formset.deleted_objects,
                acting_user=user, expected_version=form.cleaned_data.get("version"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            stale = stale_context(exc)
            # The transaction rolled back: forget the ids it handed out so a resubmit inserts again.
            if is_new:
                form.instance.pk = None
            for member in new_members:
                member.pk = None
        else:
            messages.success(request, f"Đã lưu hộ {result.household.code} – {result.household.head_name}.")
            for warning in result.warnings:
                messages.warning(request, warning)
            return redirect(result.household)
    commune = household.commune if household.commune_id else (user.working_unit if user.working_unit
                                                              and user.working_unit.is_commune else None)
    villages = selectors.villages_of(commune) if commune else []
    return render(request, "households/household_form.html",
                  {"form": form, "formset": formset, "household": household, "is_new": is_new, "villages": villages,
                   **stale})


@login_required
@require_GET
def suggest_code(request):
    """JSON {"code": ...}: the next free household code of a village, for the household form."""
    require_cap(request.user, Cap.HOUSEHOLD_EDIT)
    commune = get_for_user_or_404(AdministrativeUnit.objects.communes(), request.user,
                                  pk=_int_or_none(request.GET.get("commune")) or 0)
    return JsonResponse({"code": selectors.suggest_household_code(commune, request.GET.get("village", "").strip())})


# --------------------------------------------------------------------------- reviews


def _round_param(request, default: str) -> str:
    raw = request.POST.get("round") or request.GET.get("round")
    return raw if raw in ReviewRound.values else default


def _year_param(request, default: int) -> int:
    raw = request.POST.get("year") or request.GET.get("year")
    try:
        year = int(raw)
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


@login_required
def review_edit(request, household_pk=None, pk=None):
    """Enter or correct a review; indicators are grouped by dimension and the category updates live."""
    user = request.user
    require_cap(user, Cap.REVIEW_SUBMIT)
    if pk is not None:
        review = selectors.review_for_user(user, pk)
        household = review.household
        if not review.is_editable:
            messages.error(request, f"Phiếu rà soát năm {review.year} đang “{review.get_status_display()}”: "
                                    "không sửa được.")
            return redirect(household)
    else:
        household = get_for_user_or_404(Household.objects.select_related("commune"), user, pk=household_pk)
        today = timezone.localdate()
        review = Review(household=household, area=household.area, has_labour_capacity=household.has_labour_capacity,
                        year=today.year, round=selectors.running_round(today))
    year = _year_param(request, review.year)
    round_ = _round_param(request, review.round)
    data = request.POST if request.method == "POST" else None
    form = ReviewForm(data, instance=review, year=year, round=round_, initial={"year": year, "round": round_})
    stale = {}
    if data is not None and form.is_valid():
        try:
            with transaction.atomic():
                saved = services.review_save(
                    review=form.instance, acting_user=user,
                    deprived_indicators=form.cleaned_data["deprived_indicators"],
                    causes=form.cleaned_data["causes"], expected_version=form.cleaned_data.get("version"),
                )
                if "submit" in data:
                    services.review_submit(review=saved, acting_user=user)
        except ValidationError as exc:
            add_service_errors(form, exc)
            stale = stale_context(exc)
            if pk is None:
                form.instance.pk = None
        except PermissionDenied as exc:
            # A refusal that depends on what was typed (a review dated after the user's district ended is the
            # new xã's to make): say why on the form and keep the input, not a bare 403 page.
            form.add_error(None, str(exc))
            if pk is None:
                form.instance.pk = None
        else:
            verb = "lưu và nộp" if "submit" in data else "lưu"
            messages.success(request, f"Đã {verb} phiếu rà soát năm {saved.year}: {saved.get_category_display()}.")
            return redirect(household)
    category = None
    if review.pk and review.category:
        category = review.get_category_display()
    return render(request, "households/review_form.html", {
        "form": form, "household": household, "review": review, "year": year, "category": category,
        "lines": selectors.income_lines(form.standard),
        "area_info": selectors.review_area_info(household, year, review.review_date),
        "events": list(review.events.select_related("actor")) if review.pk else [], **stale,
    })


@login_required
@require_GET
def classify_preview(request):
    """JSON for the review form: the category the same pure function gives for what is ticked."""
    require_cap(request.user, Cap.VIEW)
    try:
        year = int(request.GET["year"])
        income = int(request.GET["income"])
        count = int(request.GET.get("count", 0))
        area = request.GET.get("area", AreaType.RURAL)
        round_ = request.GET.get("round", ReviewRound.PERIODIC)
        if area not in AreaType.values or round_ not in ReviewRound.values:
            raise ValueError
        category = classify(snapshot_for_review(round_, year), area, income, count)
    except NoStandardError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    except (KeyError, ValueError):
        return JsonResponse({"error": "Năm, khu vực, thu nhập hoặc số chỉ số thiếu hụt không hợp lệ."}, status=400)
    return JsonResponse({"category": category.value, "label": category.label})


@login_required
@require_POST
def review_submit(request, pk):
    review = selectors.review_for_user(request.user, pk)
    try:
        services.review_submit(review=review, acting_user=request.user,
                               expected_version=_int_or_none(request.POST.get("version")))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã nộp phiếu rà soát năm {review.year} của hộ {review.household.code}.")
    return _redirect_back(request, review.household)


@login_required
@require_POST
def review_reopen(request, pk):
    review = selectors.review_for_user(request.user, pk)
    form = ReasonForm(request.POST)
    try:
        services.review_reopen(review=review, reason=form.data.get("reason", ""), acting_user=request.user,
                               expected_version=_int_or_none(request.POST.get("version")))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã mở lại phiếu rà soát năm {review.year} của hộ {review.household.code}; "
                                  "xã sửa và nộp lại.")
    return _redirect_back(request, review.household)


@login_required
@require_POST
def review_return(request, pk):
    review = selectors.review_for_user(request.user, pk)
    try:
        services.review_return(review=review, comment=request.POST.get("comment", ""), acting_user=request.user,
                               expected_version=_int_or_none(request.POST.get("version")))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã trả lại phiếu rà soát năm {review.year} của hộ {review.household.code}.")
    return _redirect_back(request, "households:approval_queue")


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _selected_ids(request) -> list[int]:
    return [int(v) for v in request.POST.getlist("review") if v.isdigit()]


def _page(request, queryset, per_page=100):
    paginator = LazyPaginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))


@login_required
def pending_reviews(request):
    """Draft and returned reviews of the user's communes, with bulk submit."""
    user = request.user
    require_cap(user, Cap.VIEW)
    year = _int_or_none(request.GET.get("year"))
    status = request.GET.get("status") or None
    queryset = selectors.pending_reviews(user, year=year, status=status)
    if request.method == "POST":
        require_cap(user, Cap.REVIEW_SUBMIT)
        ids = _selected_ids(request)
        if not ids:
            messages.error(request, "Chưa chọn phiếu nào để nộp.")
        else:
            result = services.reviews_submit_bulk(reviews=queryset.filter(pk__in=ids), acting_user=user)
            _report_bulk(request, result, "nộp")
        return redirect(request.get_full_path())
    return render(request, "households/pending_reviews.html", {
        "page": _page(request, queryset), "year": year, "status": status,
        "can_submit": user_can(user, Cap.REVIEW_SUBMIT),
    })


def _report_bulk(request, result, verb):
    if result.done:
        messages.success(request, f"Đã {verb} {len(result.done)} phiếu rà soát.")
    for error in result.errors:
        messages.error(request, error)


QUEUE_PAGE_SIZE = 50


def _queue_filter(request, user):
    """The user's queue narrowed by the filters in the query string (GET and the POSTs keep them)."""
    return ApprovalQueueFilter(request.GET or None, queryset=selectors.approval_queue(user), user=user)


@login_required
def approval_queue(request):
    """Submitted reviews the user approves, filtered; bulk approve/return on the ticked rows or the whole
    filtered set (the latter after a confirmation that gives the count). Every action returns to the same
    filters and page."""
    user = request.user
    if not _can_approve_somewhere(user):
        raise PermissionDenied("Bạn không có quyền phê duyệt kết quả rà soát.")
    queue_filter = _queue_filter(request, user)
    queryset = queue_filter.qs
    if request.method == "POST":
        posted = request.POST.get("action", "")
        action = "return" if posted.startswith("return") else "approve"
        comment = request.POST.get("comment", "")
        if posted.endswith("_all"):
            count = queryset.count()
            expected = _int_or_none(request.POST.get("expected"))
            if action == "return" and not comment.strip():
                messages.error(request, "Phải ghi lý do trả lại để xã biết cần sửa gì.")
            elif not count:
                messages.error(request, "Không có phiếu nào khớp bộ lọc.")
            elif expected != count or not request.POST.get("confirmed"):
                # First press, or the queue moved since the confirmation was shown: (re)confirm with the count.
                return render(request, "households/approval_confirm.html", {
                    "action": action, "count": count, "comment": comment, "changed": expected is not None,
                    "filters": _active_filters(queue_filter), "back": request.get_full_path(),
                })
            else:
                _run_bulk(request, action, queryset, comment)
            return redirect(request.get_full_path())
        ids = set(_selected_ids(request))
        if not ids:
            messages.error(request, "Chưa chọn phiếu nào.")
        else:
            selected = queryset.filter(pk__in=ids)
            gone = len(ids) - selected.count()
            if gone:
                # ticked on a page read earlier: someone approved or returned them since; say so, not nothing
                messages.warning(request, f"{gone} phiếu đã chọn không còn trong hàng chờ (vừa được phê duyệt "
                                          "hoặc trả lại): không xử lý lại. Xem danh sách mới dưới đây.")
            _run_bulk(request, action, selected, comment)
        return redirect(request.get_full_path())
    paginator = Paginator(queryset, QUEUE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    reviews = attach_changes(list(page.object_list.prefetch_related("causes")))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "households/approval_queue.html", {
        "page": page, "reviews": reviews, "household_url": household_url_maker(), "filter": queue_filter,
        "total": paginator.count,
        "query": query.urlencode(), "is_filtered": bool(_active_filters(queue_filter)),
    })


def _active_filters(queue_filter) -> list[tuple[str, str]]:
    """(label, shown value) of each filter in use, for the confirmation page."""
    if not queue_filter.is_bound or not queue_filter.form.is_valid():
        return []
    shown = []
    for name, value in queue_filter.form.cleaned_data.items():
        if value in (None, ""):
            continue
        field = queue_filter.form.fields[name]
        choices = dict(getattr(field, "choices", []) or [])
        shown.append((str(field.label), str(choices.get(value, choices.get(str(value), value)))))
    return shown


def _run_bulk(request, action, reviews, comment):
    reviews = reviews.select_related("household")
    if action == "return":
        try:
            result = services.reviews_return_bulk(reviews=reviews, comment=comment, acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return
        _report_bulk(request, result, "trả lại")
    else:
        _report_bulk(request, services.reviews_approve_bulk(reviews=reviews, acting_user=request.user), "phê duyệt")


@login_required
def approval_queue_export(request):
    """The filtered queue as an Excel file."""
    user = request.user
    if not _can_approve_somewhere(user):
        raise PermissionDenied("Bạn không có quyền phê duyệt kết quả rà soát.")
    reviews = _queue_filter(request, user).qs.prefetch_related("causes").iterator(chunk_size=500)
    workbook = build_queue_workbook(reviews, title="PHIẾU RÀ SOÁT CHỜ PHÊ DUYỆT", unit=user.working_unit)
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="cho-phe-duyet-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


# --------------------------------------------------------------------------- escape plans


@login_required
def escape_plan_edit(request, household_pk=None, pk=None):
    user = request.user
    require_cap(user, Cap.HOUSEHOLD_EDIT)
    if pk is not None:
        plan = get_for_user_or_404(EscapePlan.objects.select_related("household", "household__commune"), user, pk=pk)
        household = plan.household
    else:
        household = get_for_user_or_404(Household.objects.select_related("commune"), user, pk=household_pk)
        plan = EscapePlan(household=household, target_year=timezone.localdate().year + 1)
    data = request.POST if request.method == "POST" else None
    form = EscapePlanForm(data, instance=plan, household=household)
    stale = {}
    if data is not None and form.is_valid():
        try:
            services.escape_plan_save(plan=form.instance, supports=form.cleaned_data["supports"], acting_user=user,
                                      expected_version=form.cleaned_data.get("version"))
        except ValidationError as exc:
            add_service_errors(form, exc)
            stale = stale_context(exc)
            if pk is None:
                form.instance.pk = None
        else:
            messages.success(request, f"Đã lưu phương án thoát nghèo năm {plan.target_year} của hộ {household.code}.")
            return redirect(household)
    return render(request, "households/escape_plan_form.html",
                  {"form": form, "household": household, "plan": plan, **stale})


@login_required
def escape_list(request):
    """Households able to escape poverty in a year: the list communes send the district by 20/3."""
    require_cap(request.user, Cap.VIEW)
    year = _year_param(request, timezone.localdate().year)
    plans = selectors.escape_list(request.user, year=year)
    # the list of year N goes out by 20/3 of N: to the district while there were districts (until 30/06/2025)
    to_district = datetime.date(year, 3, 20) < lineage.REFORM_DATE
    return render(request, "households/escape_list.html", {"page": _page(request, plans), "year": year,
                                                            "to_district": to_district})


@login_required
def escape_list_export(request):
    require_cap(request.user, Cap.VIEW)
    year = _year_param(request, timezone.localdate().year)
    unit = request.user.working_unit
    workbook = build_escape_list_workbook(selectors.escape_list(request.user, year=year).iterator(chunk_size=500),
                                          year=year, unit=unit)
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="ho-co-kha-nang-thoat-ngheo-{year}.xlsx"'
    return response
