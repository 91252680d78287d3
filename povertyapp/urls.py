from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as account_pages
from directory import account_views
from directory.views import favicon
from ops.health import SystemHealthView

admin.site.site_header = "Quản trị Chương trình giảm nghèo bền vững"
admin.site.site_title = "Giảm nghèo bền vững"
admin.site.index_title = "Dữ liệu hệ thống"

urlpatterns = [
    # Browsers ask for /favicon.ico whatever the page says: send them to the icon.
    path("favicon.ico", favicon),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tai-khoan/", account_pages.profile, name="profile"),
    path("tai-khoan/doi-mat-khau/", account_views.PasswordChangeView.as_view(), name="password_change"),
    path("tai-khoan/quen-mat-khau/", account_views.PasswordResetView.as_view(), name="password_reset"),
    path("tai-khoan/quen-mat-khau/da-gui/", auth_views.PasswordResetDoneView.as_view(
        template_name="registration/password_reset_done.html"), name="password_reset_done"),
    path("tai-khoan/dat-lai/<uidb64>/<token>/", account_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("tai-khoan/dat-lai/xong/", auth_views.PasswordResetCompleteView.as_view(
        template_name="registration/password_reset_complete.html"), name="password_reset_complete"),
    path("quan-tri/", admin.site.urls),
    path("", include("directory.urls")),
    path("ke-hoach/", include("plans.urls")),
    path("ho-gia-dinh/", include("households.urls")),
    path("bao-cao/", include("reports.urls")),
    path("tong-quan/", include("dashboard.urls")),
    # REST API (the api app): JSON, token or session, the same scoping as the pages.
    path("api/v1/", include("api.urls")),
    path("kinh-phi/", include("funds.urls")),
    # Monitoring: database, broker, worker heartbeat, disk (200 or 500; ?format=json).
    path("health/", SystemHealthView.as_view(), name="health"),
]

# MEDIA_ROOT is never served as a URL, not even with DEBUG: it holds report files with personal data,
# and the only way to them is the scoped download view (reports.views.RunDownloadView).

handler403 = "directory.views.error_403"
handler404 = "directory.views.error_404"
handler500 = "directory.views.error_500"
