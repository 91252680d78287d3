from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.CalendarView.as_view(), name="calendar"),
    path("cua-toi/", views.MyReportsView.as_view(), name="my_reports"),
    path("tinh-hinh-nop/", views.CompletenessView.as_view(), name="completeness"),
    path("excel/", views.CalendarExcelView.as_view(), name="calendar_excel"),
    path("tinh-hinh-nop/excel/", views.CompletenessExcelView.as_view(), name="completeness_excel"),
    path("tong-so-ho/", views.HouseholdTotalsView.as_view(), name="household_totals"),
    path("ky/<int:pk>/", views.RunDetailView.as_view(), name="run_detail"),
    path("ky/<int:pk>/trang-thai/", views.RunStateView.as_view(), name="run_state"),
    path("ky/<int:pk>/tai-ve/<str:which>/", views.RunDownloadView.as_view(), name="run_download"),
    path("ky/<int:pk>/tao/", views.RunActionView.as_view(action="generate"), name="run_generate"),
    path("ky/<int:pk>/tai-len/", views.RunActionView.as_view(action="upload"), name="run_upload"),
    path("ky/<int:pk>/nop/", views.RunActionView.as_view(action="submit"), name="run_submit"),
    path("ky/<int:pk>/mo-lai/", views.RunActionView.as_view(action="unsubmit"), name="run_unsubmit"),
    path("ky/<int:pk>/y-kien/", views.RunActionView.as_view(action="comment"), name="run_comment"),
    path("ke-hoach/<slug:code>/", views.PlanDutiesView.as_view(), name="plan_duties"),
    path("nghia-vu/<int:pk>/sua/", views.DutyEditView.as_view(), name="duty_edit"),
]
