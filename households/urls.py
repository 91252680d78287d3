from django.urls import path

from . import views, views_excel, views_villages

app_name = "households"

urlpatterns = [
    path("", views.HouseholdListView.as_view(), name="household_list"),
    path("them/", views.household_edit, name="household_create"),
    path("ma-ho-goi-y/", views.suggest_code, name="suggest_code"),
    path("<int:pk>/", views.household_detail, name="household_detail"),
    path("<int:pk>/sua/", views.household_edit, name="household_edit"),
    path("<int:household_pk>/ra-soat/them/", views.review_edit, name="review_create"),
    path("<int:household_pk>/phuong-an/them/", views.escape_plan_edit, name="escape_plan_create"),
    path("ra-soat/<int:pk>/sua/", views.review_edit, name="review_edit"),
    path("ra-soat/<int:pk>/nop/", views.review_submit, name="review_submit"),
    path("ra-soat/<int:pk>/tra-lai/", views.review_return, name="review_return"),
    path("ra-soat/<int:pk>/mo-lai/", views.review_reopen, name="review_reopen"),
    path("ra-soat/phan-loai/", views.classify_preview, name="classify_preview"),
    path("ra-soat/cho-nop/", views.pending_reviews, name="pending_reviews"),
    path("phe-duyet/", views.approval_queue, name="approval_queue"),
    path("phe-duyet/excel/", views.approval_queue_export, name="approval_queue_export"),
    path("phuong-an/<int:pk>/sua/", views.escape_plan_edit, name="escape_plan_edit"),
    path("thoat-ngheo/", views.escape_list, name="escape_list"),
    path("thoat-ngheo/excel/", views.escape_list_export, name="escape_list_export"),
    path("excel/", views_excel.excel_page, name="excel"),
    path("excel/xuat/", views_excel.excel_export, name="excel_export"),
    path("excel/nhap/<int:pk>/", views_excel.import_job, name="import_job"),
    path("excel/nhap/<int:pk>/trang-thai/", views_excel.import_job_state, name="import_job_state"),
    path("xa-bi-chia/", views_villages.split_list, name="split_communes"),
    path("xa-bi-chia/<int:pk>/", views_villages.village_assignment, name="village_assignment"),
]
