"""Token authentication: ``Authorization: Token <key>`` (DRF's scheme) or ``Bearer <key>``, with Vietnamese
refusals. One token per user, created and revoked by the user (profile page, or POST /api/v1/token/)."""

from __future__ import annotations

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication


class BearerOrTokenAuthentication(TokenAuthentication):
    keywords = ("Token", "Bearer")

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "").split()
        if not header or header[0] not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Tiêu đề Authorization phải có dạng “Token <mã truy cập>”, không có khoảng trắng trong mã.")
        return self.authenticate_credentials(header[1])

    def authenticate_credentials(self, key):
        model = self.get_model()
        try:
            token = model.objects.select_related("user", "user__unit").get(key=key)
        except model.DoesNotExist as exc:
            raise exceptions.AuthenticationFailed(
                "Mã truy cập không hợp lệ hoặc đã bị thu hồi; tạo mã mới ở trang Tài khoản.") from exc
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("Tài khoản đã bị khóa.")
        if token.user.must_change_password:
            raise exceptions.AuthenticationFailed(
                "Tài khoản đang dùng mật khẩu tạm: đăng nhập trang web và đổi mật khẩu trước khi dùng API.")
        return token.user, token

    def authenticate_header(self, request):
        return "Token"
