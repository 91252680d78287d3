"""/api/v1/: every route here is swept by tests/api/test_api_scope_sweep.py (a route missing there fails it)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("tai-lieu/", views.reference, name="reference"),
    path("token/", views.TokenView.as_view(), name="token"),
    path("me/", views.MeView.as_view(), name="me"),
    path("units/", views.UnitList.as_view(), name="unit_list"),
    path("units/<int:pk>/", views.UnitDetail.as_view(), name="unit_detail"),
    path("households/", views.HouseholdList.as_view(), name="household_list"),
    path("households/<int:pk>/", views.HouseholdDetail.as_view(), name="household_detail"),
    path("households/<int:pk>/history/", views.HouseholdHistory.as_view(), name="household_history"),
    path("reviews/", views.ReviewList.as_view(), name="review_list"),
    path("reviews/<int:pk>/", views.ReviewDetail.as_view(), name="review_detail"),
    path("reviews/<int:pk>/submit/", views.ReviewSubmit.as_view(), name="review_submit"),
    path("reviews/<int:pk>/approve/", views.ReviewApprove.as_view(), name="review_approve"),
    path("reviews/<int:pk>/return/", views.ReviewReturn.as_view(), name="review_return"),
    path("reviews/<int:pk>/reopen/", views.ReviewReopen.as_view(), name="review_reopen"),
    path("approval-queue/", views.ApprovalQueue.as_view(), name="approval_queue"),
    path("movements/", views.MovementList.as_view(), name="movement_list"),
    path("plans/", views.PlanList.as_view(), name="plan_list"),
    path("plans/<int:pk>/", views.PlanDetail.as_view(), name="plan_detail"),
    path("targets/", views.TargetList.as_view(), name="target_list"),
    path("targets/<int:pk>/", views.TargetDetail.as_view(), name="target_detail"),
    path("quota-tables/", views.QuotaTableList.as_view(), name="quota_table_list"),
    path("quota-tables/<int:pk>/", views.QuotaTableDetail.as_view(), name="quota_table_detail"),
    path("report-runs/", views.ReportRunList.as_view(), name="report_run_list"),
    path("report-runs/<int:pk>/", views.ReportRunDetail.as_view(), name="report_run_detail"),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
]
