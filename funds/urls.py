from django.urls import path

from . import views

app_name = "funds"

urlpatterns = [
    path("", views.FundsIndexView.as_view(), name="index"),
    path("dong/<int:pk>/", views.LineEditView.as_view(), name="line_edit"),
    path("dong/<int:pk>/phan-bo/", views.AllocationCreateView.as_view(), name="allocation_create"),
    path("phan-bo/<int:pk>/", views.AllocationEditView.as_view(), name="allocation_edit"),
    path("phan-bo/<int:pk>/giai-ngan/", views.DisbursementCreateView.as_view(), name="disbursement_create"),
    path("giai-ngan/<int:pk>/", views.DisbursementEditView.as_view(), name="disbursement_edit"),
    path("ke-hoach/<slug:code>/", views.PlanFundsView.as_view(), name="plan_funds"),
    path("ke-hoach/<slug:code>/them/", views.LineCreateView.as_view(), name="line_create"),
    path("ke-hoach/<slug:code>/excel/", views.FundsExportView.as_view(), name="export"),
    path("ke-hoach/<slug:code>/nhap-excel/", views.FundsImportView.as_view(), name="import"),
]
