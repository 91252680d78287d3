from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="index"),
    path("excel/", views.DashboardExcelView.as_view(), name="excel"),
]
