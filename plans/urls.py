from django.urls import path

from . import views, views_excel

app_name = "plans"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan_list"),
    path("nhiem-vu-cua-toi/", views.MyTasksView.as_view(), name="my_tasks"),
    path("nhiem-vu/<int:pk>/", views.TaskDetailView.as_view(), name="task_detail"),
    path("tien-do/<int:pk>/tep/", views.ProgressAttachmentView.as_view(), name="progress_attachment"),
    path("chi-tieu-ke-hoach/<int:pk>/ket-qua/", views.TargetProgressCreateView.as_view(), name="target_progress_add"),
    path("<slug:code>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("<slug:code>/giao-nhiem-vu/", views.TaskCreateView.as_view(), name="task_create"),
    path("<slug:code>/chi-tieu/them/", views.QuotaTableCreateView.as_view(), name="quota_table_create"),
    path("<slug:code>/chi-tieu/<int:year>/", views.QuotaGridView.as_view(), name="quota_grid"),
    path("<slug:code>/chi-tieu/<int:year>/phan-bo/", views.QuotaAllocateView.as_view(), name="quota_allocate"),
    path("<slug:code>/chi-tieu/<int:year>/excel/", views_excel.QuotaExportView.as_view(), name="quota_export"),
    path("<slug:code>/chi-tieu/nhap-excel/", views_excel.QuotaImportView.as_view(), name="quota_import"),
]
