"""Errors as JSON in Vietnamese: ``{"loi": message, "ma": code, "chi_tiet": [{"truong", "ten_truong", "loi"}]}``.

Services raise Django's ``ValidationError``/``PermissionDenied``/``Http404`` and ``ConcurrentEditError``
(``directory.concurrency``) exactly as for the web forms; this handler turns them into HTTP answers:
400 invalid data, 401 no or bad token, 403 role or scope refused, 404 not found or outside the user's units,
409 someone saved since the version sent in the body, 412 the same with ``If-Match``, 428 no version sent,
429 too many requests. Field names come with their Vietnamese label (``ten_truong``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from directory.concurrency import MISSING_VERSION, ConcurrentEditError

NOT_FOUND = "Không tìm thấy hoặc bạn không có quyền xem."
MESSAGES = {
    exceptions.NotAuthenticated: "Chưa xác thực: gửi kèm “Authorization: Token <mã truy cập>” hoặc đăng nhập.",
    exceptions.NotFound: NOT_FOUND,
    exceptions.UnsupportedMediaType: "Chỉ nhận dữ liệu JSON (Content-Type: application/json).",
    exceptions.NotAcceptable: "Chỉ trả về JSON (Accept: application/json).",
}
# Field labels the services use that are not form fields (comment of a return, reason of a reopening...).
EXTRA_LABELS = {
    "comment": "Lý do trả lại", "reason": "Lý do mở lại", "version": "Phiên bản",
    "non_field_errors": "", "__all__": "", "members": "Thành viên", "detail": "",
}


class FormInvalid(exceptions.APIException):
    """A Django form (the web's own) refused the data: ``errors`` maps field → messages, ``labels`` field →
    Vietnamese label."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, errors: dict[str, list[str]], labels: dict[str, str]):
        super().__init__("Dữ liệu không hợp lệ.")
        self.errors, self.labels = errors, labels


def _label(name: str, labels: dict[str, str]) -> str:
    base = name.split(".")[-1].split("[")[0]
    label = labels.get(name, labels.get(base, EXTRA_LABELS.get(base, base)))
    return str(label)[:1].upper() + str(label)[1:] if label else ""


def _flatten(detail, prefix="") -> list[tuple[str, str]]:
    """DRF's nested error detail → [(field path, message)]."""
    if isinstance(detail, dict):
        found = []
        for key, value in detail.items():
            path = key if not prefix else f"{prefix}.{key}"
            found += _flatten(value, path)
        return found
    if isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            return [(prefix, str(item)) for item in detail]
        found = []
        for index, item in enumerate(detail):
            found += _flatten(item, f"{prefix}[{index}]")
        return found
    return [(prefix, str(detail))]


def _details(pairs, labels) -> list[dict]:
    return [{"truong": field if field not in ("non_field_errors", "__all__") else None,
             "ten_truong": _label(field, labels) or None, "loi": message} for field, message in pairs]


def _view_labels(context) -> dict[str, str]:
    view = context.get("view")
    labels = dict(getattr(view, "field_labels", {}) or {})
    serializer_class = getattr(view, "serializer_class", None)
    if serializer_class is not None:
        try:
            for name, field in serializer_class().fields.items():
                labels.setdefault(name, str(field.label or name))
        except Exception:  # noqa: BLE001 - labels are a courtesy; the error itself must still be answered
            pass
    return labels


# DRF's codes, as the API answers them (every code a client reads is Vietnamese, like the messages).
CODES = {
    "not_authenticated": "chua_xac_thuc", "authentication_failed": "xac_thuc_khong_dung",
    "permission_denied": "khong_duoc_phep", "not_found": "khong_tim_thay",
    "method_not_allowed": "sai_phuong_thuc", "throttled": "qua_nhieu_yeu_cau", "parse_error": "json_khong_doc_duoc",
    "unsupported_media_type": "sai_kieu_du_lieu", "not_acceptable": "sai_kieu_tra_ve", "error": "loi",
}


def _body(message: str, code: str, details: list[dict] | None = None, **extra) -> dict:
    body = {"loi": message, "ma": code}
    if details:
        body["chi_tiet"] = details
    body.update(extra)
    return body


def exception_handler(exc, context):
    request = context.get("request")
    labels = _view_labels(context)
    if isinstance(exc, ConcurrentEditError):
        message = exc.messages[0] if exc.messages else str(exc)
        if message.startswith(MISSING_VERSION.split("{")[0]):
            return Response(_body(message, "thieu_phien_ban"), status=status.HTTP_428_PRECONDITION_REQUIRED)
        if_match = request is not None and request.headers.get("If-Match")
        changes = [{"ten_truong": c.label, "dang_luu": c.saved, "ban_gui": c.yours} for c in exc.changes]
        code, status_code = (("dieu_kien_khong_dung", status.HTTP_412_PRECONDITION_FAILED) if if_match
                             else ("xung_dot_phien_ban", status.HTTP_409_CONFLICT))
        return Response(_body(message, code, khac_biet=changes), status=status_code)
    if isinstance(exc, FormInvalid):
        pairs = [(field, message) for field, messages in exc.errors.items() for message in messages]
        return Response(_body(str(exc.detail), "du_lieu_khong_hop_le", _details(pairs, {**labels, **exc.labels})),
                        status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            pairs = [(field, message) for field, errors in exc.error_dict.items()
                     for error in errors for message in error.messages]
        else:
            pairs = [("__all__", message) for message in exc.messages]
        message = pairs[0][1] if len(pairs) == 1 else "Dữ liệu không hợp lệ."
        return Response(_body(message, "du_lieu_khong_hop_le", _details(pairs, labels)), status=400)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or "Vai trò của bạn không được thực hiện thao tác này.")
    elif isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF Failed"):
        # DRF's session check: a browser's write without the CSRF token (the form's or the X-CSRFToken header)
        exc = exceptions.PermissionDenied("Thiếu hoặc sai mã CSRF: gửi tiêu đề X-CSRFToken (lấy từ cookie csrftoken), "
                                          "hoặc dùng mã truy cập API (Authorization: Token …).")
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    message = MESSAGES.get(type(exc))
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 0) + 1 if exc.wait is not None else None
        message = "Quá nhiều yêu cầu từ tài khoản này" + (f"; thử lại sau {wait} giây." if wait else "; thử lại sau.")
    elif isinstance(exc, exceptions.MethodNotAllowed):
        message = f"Phương thức {request.method if request else ''} không dùng được ở địa chỉ này."
    elif isinstance(exc, exceptions.ParseError):
        message = "Không đọc được dữ liệu JSON gửi lên: " + str(exc.detail)
    elif isinstance(exc, exceptions.ValidationError):
        pairs = _flatten(exc.detail)
        message = pairs[0][1] if len(pairs) == 1 else "Dữ liệu không hợp lệ."
        response.data = _body(message, "du_lieu_khong_hop_le", _details(pairs, labels))
        return response
    if message is None:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else ""
        message = str(detail) if detail else "Có lỗi khi xử lý yêu cầu."
    code = getattr(exc, "default_code", "error")
    response.data = _body(message, CODES.get(code, code))
    return response
