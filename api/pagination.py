"""Cursor pagination: the next page is "rows after this one" on an indexed order, never OFFSET or COUNT, so
listing a province's million households costs the same on page 1 and page 20.000."""

from rest_framework.pagination import CursorPagination


class Cursor(CursorPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "pk"
    cursor_query_param = "cursor"
    cursor_query_description = "Con trỏ trang: dùng nguyên địa chỉ trang sau (hoặc trang trước) mà câu trả lời gửi kèm."
    page_size_query_description = "Số dòng mỗi trang (mặc định 50, tối đa 200)."
    invalid_cursor_message = "Con trỏ trang (cursor) không hợp lệ; dùng đúng liên kết “next”/“previous”."

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["next"]["description"] = "Trang sau (null: hết)."
        response["properties"]["previous"]["description"] = "Trang trước (null: trang đầu)."
        return response
