"""Token authentication: ``Authorization: Token <key>`` (DRF's scheme) or ``Bearer <key>``, with Vietnamese
refusals. Keys are looked up by their SHA-256 digest (api.models.ApiToken); the clear key is never stored."""

from __future__ import annotations

from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from .models import ApiToken
from .tokens import mark_used


class BearerOrTokenAuthentication(TokenAuthentication):
    # A subclass of DRF's TokenAuthentication so that drf-spectacular documents the header scheme.
    keywords = ("Token", "Bearer")
    model = ApiToken

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "").split()
        if not header or header[0] not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Tiêu đề Authorization phải có dạng “Token <mã truy cập>”, không có khoảng trắng trong mã.")
        return self.authenticate_credentials(header[1])

    def authenticate_credentials(self, key):
        token = ApiToken.find(key)
        if token is None:
            raise exceptions.AuthenticationFailed(
                "Mã truy cập không hợp lệ hoặc đã bị thu hồi; tạo mã mới ở trang Tài khoản.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("Tài khoản đã bị khóa.")
        if token.user.must_change_password:
            raise exceptions.AuthenticationFailed(
                "Tài khoản đang dùng mật khẩu tạm: đăng nhập trang web và đổi mật khẩu trước khi dùng API.")
        mark_used(token)
        return token.user, token

    def authenticate_header(self, request):
        return "Token"
