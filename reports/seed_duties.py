"""The reporting duties the seed documents and Decision 24/2021 set, as data (``seed_report_duties``).

Thọ Xuân 2024 (seed 001): communes report to the district People's Committee through
the LĐTBXH office: the list of households able to escape poverty "trước ngày 20/3/2024",
the six-month report "trước 20/6/2024", the annual report "trước 30/10/2024"; and the
work is assessed every quarter ("Định kỳ hàng quý đánh giá công tác giảm nghèo": the
seed gives no day, so 10 days after the quarter is assumed and editable).

Yên Bái 81/KH-UBND (seed 002): the departments named with "Định kỳ hàng năm (trước
ngày 10/12 hàng năm)" and the district-level People's Committees report to the province
through DOLISA before 10/12; DOLISA reports to the ministry before 25/12.

Decision 24/2021/QĐ-TTg, Art. 7 (domain.md B.4): regular-review results monthly on
the 5th from February to September (commune → district → province; each report covers
the month before), preliminary annual results to the ministry before 15/11 (the
provincial labour department), official results before 20/12 (the provincial chairman).
These national duties have no plan and no end year; they start in the year they are
seeded, so a fresh setup does not invent years of missed monthly reports.

The 2025 reform is data here, not code (``RECIPIENTS`` and each duty's ``valid_from``/``valid_to``):
Bộ LĐTBXH receives reports until 28/02/2025, Bộ Nông nghiệp và Môi trường from 01/03/2025; the
district People's Committee and its LĐTBXH office until 30/06/2025; the provincial Sở LĐTBXH
until its merger, then the Sở Nông nghiệp và Môi trường. From 01/07/2025 the chain is commune →
province → ministry on the Art. 7 days; those days are marked ``dates_may_have_changed`` because
the post-reform texts (Circular 13/2025/TT-BNNMT) were not checked. ``runs_open`` opens no run
whose due date falls outside a duty's dates, its recipient's existence or its reporter's.
"""

from __future__ import annotations

import datetime

COMMUNE, DISTRICT = "commune", "district"
POVERTY, ESCAPE_LIST, TASK_PROGRESS = "poverty", "escape_list", "task_progress"
FIXED, AFTER_END, MONTHLY = "fixed_date", "days_after_end", "monthly_day"
D = datetime.date
LAST_DISTRICT_DAY = D(2025, 6, 30)
MOLISA_LAST_DAY, MAE_FIRST_DAY = D(2025, 2, 28), D(2025, 3, 1)
REFORM_DAY = D(2025, 7, 1)
UNCHECKED_DAYS = ("Hạn theo Quyết định 24/2021/QĐ-TTg, Điều 7; văn bản sau cải cách (Thông tư 13/2025/TT-BNNMT) "
                  "có thể đã thay đổi: chưa đối chiếu văn bản chính thức.")
MERGER_DAY_NOTE = ("Ngày Sở Lao động - Thương binh và Xã hội kết thúc (sáp nhập) theo quyết định của tỉnh: "
                   "tạm ghi 28/02/2025, chưa đối chiếu văn bản chính thức.")

# Who receives reports, and the days each exists: code -> fields of reports.ReportRecipient.
RECIPIENTS = {
    "bo-ldtbxh": {"name": "Bộ Lao động - Thương binh và Xã hội", "unit": None, "valid_to": MOLISA_LAST_DAY,
                  "note": "Nghị quyết 176/2025/QH15: Bộ máy Chính phủ mới từ 01/03/2025; nhiệm vụ giảm nghèo "
                          "chuyển sang Bộ Nông nghiệp và Môi trường."},
    "bo-nnmt": {"name": "Bộ Nông nghiệp và Môi trường (Văn phòng Quốc gia về giảm nghèo)", "unit": None,
                "valid_from": MAE_FIRST_DAY, "note": "Nghị định 35/2025/NĐ-CP."},
    "thoxuan-ubnd-huyen": {"name": "UBND huyện Thọ Xuân (qua Phòng Lao động - Thương binh và Xã hội)",
                           "unit": "395", "valid_to": LAST_DISTRICT_DAY,
                           "note": "Chính quyền cấp huyện kết thúc hoạt động từ 01/07/2025."},
    "thanhhoa-so-ldtbxh": {"name": "UBND tỉnh Thanh Hóa (qua Sở Lao động - Thương binh và Xã hội)", "unit": "38",
                           "valid_to": MOLISA_LAST_DAY, "date_unconfirmed": True, "note": MERGER_DAY_NOTE},
    "thanhhoa-so-nnmt": {"name": "UBND tỉnh Thanh Hóa (qua Sở Nông nghiệp và Môi trường)", "unit": "38",
                         "valid_from": MAE_FIRST_DAY, "date_unconfirmed": True, "note": MERGER_DAY_NOTE},
    "yenbai-so-ldtbxh": {"name": "UBND tỉnh Yên Bái (qua Sở Lao động - Thương binh và Xã hội)", "unit": "15",
                         "valid_to": MOLISA_LAST_DAY, "date_unconfirmed": True, "note": MERGER_DAY_NOTE},
    "yenbai-so-nnmt": {"name": "UBND tỉnh Yên Bái (qua Sở Nông nghiệp và Môi trường)", "unit": "15",
                       "valid_from": MAE_FIRST_DAY, "valid_to": LAST_DISTRICT_DAY, "date_unconfirmed": True,
                       "note": MERGER_DAY_NOTE + " Tỉnh Yên Bái hợp nhất vào tỉnh Lào Cai từ 01/07/2025."},
}

THO_XUAN_RECIPIENT = "UBND huyện Thọ Xuân (qua Phòng Lao động - Thương binh và Xã hội)"
YEN_BAI_RECIPIENT = "UBND tỉnh Yên Bái (qua Sở Lao động - Thương binh và Xã hội)"
QD24 = "Quyết định 24/2021/QĐ-TTg, Điều 7"
LDTBXH_THO_XUAN = ("395", ["Phòng Lao động - Thương binh và Xã hội"])

# Yên Bái's implementing bodies that the plan tells to report before 10/12 each year (seed 002, part VI),
# each with the names it may carry in the agency list (the first is the seed's wording).
YEN_BAI_REPORTING_AGENCIES = [
    ["Sở Nông nghiệp và Phát triển nông thôn"],
    ["Ban Dân tộc tỉnh", "Ban Dân tộc"],
    ["Sở Y tế"],
    ["Sở Thông tin và Truyền thông"],
    ["Sở Xây dựng"],
    ["Ngân hàng Chính sách xã hội", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
     "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Yên Bái",
     "Ngân hàng Chính sách xã hội tỉnh Yên Bái", "Ngân hàng Chính sách xã hội tỉnh"],
]
YEN_BAI_DOLISA = ["Sở Lao động - Thương binh và Xã hội", "Sở Lao động, Thương binh và Xã hội"]

DUTIES = [
    # ---------------------------------------------------------------- Thọ Xuân 2024
    {
        "code": "thoxuan-2024-danh-sach-thoat-ngheo", "plan": "thoxuan-2024", "owner": "395",
        "title": "Danh sách hộ gia đình có khả năng thoát nghèo trong năm 2024",
        "kind": ESCAPE_LIST, "reporter_level": COMMUNE, "period_type": "year",
        "due_rule": FIXED, "due_day": 20, "due_month": 3, "first_year": 2024, "last_year": 2024,
        "source_text": "Báo cáo UBND huyện qua phòng Lao động - Thương binh và Xã hội trước ngày 20/3/2024.",
        "recipient": ("395", LDTBXH_THO_XUAN, THO_XUAN_RECIPIENT),
        "recipient_code": "thoxuan-ubnd-huyen",
    },
    {
        "code": "thoxuan-2024-bao-cao-6-thang", "plan": "thoxuan-2024", "owner": "395",
        "title": "Báo cáo kết quả thực hiện công tác giảm nghèo 6 tháng",
        "kind": POVERTY, "reporter_level": COMMUNE, "period_type": "half", "only_period": 1,
        "due_rule": FIXED, "due_day": 20, "due_month": 6, "first_year": 2024, "last_year": 2024,
        "source_text": "Báo cáo kết quả thực hiện công tác giảm nghèo 6 tháng (trước 20/6/2024).",
        "recipient": ("395", LDTBXH_THO_XUAN, THO_XUAN_RECIPIENT),
        "recipient_code": "thoxuan-ubnd-huyen",
    },
    {
        "code": "thoxuan-2024-bao-cao-nam", "plan": "thoxuan-2024", "owner": "395",
        "title": "Báo cáo kết quả thực hiện công tác giảm nghèo năm",
        "kind": POVERTY, "reporter_level": COMMUNE, "period_type": "year",
        "due_rule": FIXED, "due_day": 30, "due_month": 10, "first_year": 2024, "last_year": 2024,
        "source_text": "Báo cáo năm (trước 30/10/2024) về UBND huyện qua phòng Lao động - Thương binh và Xã hội.",
        "recipient": ("395", LDTBXH_THO_XUAN, THO_XUAN_RECIPIENT),
        "recipient_code": "thoxuan-ubnd-huyen",
    },
    {
        "code": "thoxuan-2024-danh-gia-quy", "plan": "thoxuan-2024", "owner": "395",
        "title": "Đánh giá công tác giảm nghèo hằng quý",
        "kind": POVERTY, "reporter_level": COMMUNE, "period_type": "quarter",
        "due_rule": AFTER_END, "days_after_end": 10, "first_year": 2024, "last_year": 2024,
        "source_text": "Định kỳ hàng quý đánh giá công tác giảm nghèo.",
        "note": "Kế hoạch không ghi ngày nộp: tạm tính 10 ngày sau khi hết quý; cán bộ sửa khi có văn bản.",
        "recipient": ("395", LDTBXH_THO_XUAN, THO_XUAN_RECIPIENT),
        "recipient_code": "thoxuan-ubnd-huyen",
    },
    # ---------------------------------------------------------------- Yên Bái 81/KH-UBND (2022–2025)
    {
        "code": "yenbai-81-so-nganh-10-12", "plan": "yenbai-81-2022", "owner": "15",
        "title": "Báo cáo kết quả thực hiện kế hoạch của sở, ban, ngành",
        "kind": TASK_PROGRESS, "agencies": YEN_BAI_REPORTING_AGENCIES, "period_type": "year",
        "due_rule": FIXED, "due_day": 10, "due_month": 12, "first_year": 2022, "last_year": 2025,
        "source_text": "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo kết quả thực hiện kế hoạch "
                       "gửi Ủy ban nhân dân tỉnh (qua Sở Lao động - Thương binh và Xã hội).",
        "recipient": ("15", ("15", YEN_BAI_DOLISA), YEN_BAI_RECIPIENT),
        "recipient_code": "yenbai-so-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "yenbai-81-huyen-10-12", "plan": "yenbai-81-2022", "owner": "15",
        "title": "Báo cáo kết quả thực hiện kế hoạch trên địa bàn huyện, thị xã, thành phố",
        "kind": POVERTY, "reporter_level": DISTRICT, "period_type": "year",
        "due_rule": FIXED, "due_day": 10, "due_month": 12, "first_year": 2022, "last_year": 2025,
        "source_text": "Định kỳ hàng năm (trước ngày 10/12 hàng năm), tổng hợp, báo cáo Ủy ban nhân dân tỉnh "
                       "(qua Sở Lao động - Thương binh và Xã hội).",
        "recipient": ("15", ("15", YEN_BAI_DOLISA), YEN_BAI_RECIPIENT),
        "recipient_code": "yenbai-so-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "yenbai-81-sldtbxh-25-12", "plan": "yenbai-81-2022", "owner": "15",
        "title": "Báo cáo kết quả thực hiện Kế hoạch gửi Bộ Lao động - Thương binh và Xã hội",
        "kind": POVERTY, "agencies": [YEN_BAI_DOLISA], "period_type": "year",
        "due_rule": FIXED, "due_day": 25, "due_month": 12, "first_year": 2022, "last_year": 2025,
        "source_text": "Định kỳ hàng năm (trước ngày 25/12 hàng năm), tổng hợp, báo cáo Bộ Lao động - Thương binh "
                       "và Xã hội và Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch.",
        "recipient": (None, None, "Bộ Lao động - Thương binh và Xã hội; Ủy ban nhân dân tỉnh Yên Bái"),
        "recipient_code": "bo-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    # ---------------------------------------------------------------- Decision 24/2021 (national, open-ended)
    {
        "code": "qd24-thang-thoxuan", "owner": "395",
        "title": "Kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo hằng tháng (xã gửi huyện)",
        "kind": POVERTY, "reporter_level": COMMUNE, "period_type": "month",
        "due_rule": MONTHLY, "due_day": 5, "from_month": 2, "to_month": 9, "first_year": None,
        "source_text": "Định kỳ trước ngày 05 hằng tháng (từ tháng 02 đến tháng 9), báo cáo kết quả rà soát "
                       "thường xuyên.",
        "recipient": ("395", LDTBXH_THO_XUAN, THO_XUAN_RECIPIENT),
        "recipient_code": "thoxuan-ubnd-huyen", "valid_to": LAST_DISTRICT_DAY,
    },
    {
        "code": "qd24-thang-thanhhoa", "owner": "38",
        "title": "Kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo hằng tháng (huyện gửi tỉnh)",
        "kind": POVERTY, "reporter_level": DISTRICT, "period_type": "month",
        "due_rule": MONTHLY, "due_day": 5, "from_month": 2, "to_month": 9, "first_year": None,
        "source_text": "Định kỳ trước ngày 05 hằng tháng (từ tháng 02 đến tháng 9), báo cáo kết quả rà soát "
                       "thường xuyên.",
        "recipient": ("38", None, "UBND tỉnh Thanh Hóa (qua Sở Lao động - Thương binh và Xã hội)"),
        "recipient_code": "thanhhoa-so-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "qd24-so-bo-thanhhoa", "owner": "38",
        "title": "Kết quả sơ bộ rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
        "kind": POVERTY, "units": ["38"], "period_type": "year",
        "due_rule": FIXED, "due_day": 15, "due_month": 11, "first_year": None,
        "source_text": "Trước ngày 15 tháng 11: Sở LĐTBXH gửi kết quả sơ bộ rà soát định kỳ về Bộ.",
        "recipient": (None, None, "Bộ Lao động - Thương binh và Xã hội"),
        "recipient_code": "bo-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "qd24-chinh-thuc-thanhhoa", "owner": "38",
        "title": "Kết quả chính thức rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
        "kind": POVERTY, "units": ["38"], "period_type": "year",
        "due_rule": FIXED, "due_day": 20, "due_month": 12, "first_year": None,
        "source_text": "Trước ngày 20 tháng 12: Chủ tịch UBND tỉnh gửi kết quả chính thức về Bộ.",
        "recipient": (None, None, "Bộ Lao động - Thương binh và Xã hội"),
        "recipient_code": "bo-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "qd24-thang-yenbai", "owner": "15",
        "title": "Kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo hằng tháng (huyện gửi tỉnh)",
        "kind": POVERTY, "reporter_level": DISTRICT, "period_type": "month",
        "due_rule": MONTHLY, "due_day": 5, "from_month": 2, "to_month": 9, "first_year": None,
        "source_text": "Định kỳ trước ngày 05 hằng tháng (từ tháng 02 đến tháng 9), báo cáo kết quả rà soát "
                       "thường xuyên.",
        "recipient": ("15", ("15", YEN_BAI_DOLISA), YEN_BAI_RECIPIENT),
        "recipient_code": "yenbai-so-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "qd24-so-bo-yenbai", "owner": "15",
        "title": "Kết quả sơ bộ rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
        "kind": POVERTY, "agencies": [YEN_BAI_DOLISA], "period_type": "year",
        "due_rule": FIXED, "due_day": 15, "due_month": 11, "first_year": None,
        "source_text": "Trước ngày 15 tháng 11: Sở LĐTBXH gửi kết quả sơ bộ rà soát định kỳ về Bộ.",
        "recipient": (None, None, "Bộ Lao động - Thương binh và Xã hội"),
        "recipient_code": "bo-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    {
        "code": "qd24-chinh-thuc-yenbai", "owner": "15",
        "title": "Kết quả chính thức rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
        "kind": POVERTY, "units": ["15"], "period_type": "year",
        "due_rule": FIXED, "due_day": 20, "due_month": 12, "first_year": None,
        "source_text": "Trước ngày 20 tháng 12: Chủ tịch UBND tỉnh gửi kết quả chính thức về Bộ.",
        "recipient": (None, None, "Bộ Lao động - Thương binh và Xã hội"),
        "recipient_code": "bo-ldtbxh", "valid_to": MOLISA_LAST_DAY,
    },
    # ---------------------------------------------------------------- between the ministries' and the districts' end
    {
        "code": "qd24-thang-thanhhoa-so-nnmt", "owner": "38",
        "title": "Kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo hằng tháng (huyện gửi tỉnh)",
        "kind": POVERTY, "reporter_level": DISTRICT, "period_type": "month",
        "due_rule": MONTHLY, "due_day": 5, "from_month": 2, "to_month": 9, "first_year": 2025, "last_year": 2025,
        "source_text": "Định kỳ trước ngày 05 hằng tháng (từ tháng 02 đến tháng 9), báo cáo kết quả rà soát "
                       "thường xuyên.",
        "recipient": ("38", None, ""), "recipient_code": "thanhhoa-so-nnmt",
        "valid_from": MAE_FIRST_DAY, "valid_to": LAST_DISTRICT_DAY,
    },
    # ---------------------------------------------------------------- after 01/07/2025: commune → province → ministry
    {
        "code": "qd24-thang-thanhhoa-xa", "owner": "38",
        "title": "Kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo hằng tháng (xã gửi tỉnh)",
        "kind": POVERTY, "reporter_level": COMMUNE, "period_type": "month",
        "due_rule": MONTHLY, "due_day": 5, "from_month": 2, "to_month": 9, "first_year": 2025,
        "source_text": "Định kỳ trước ngày 05 hằng tháng (từ tháng 02 đến tháng 9), báo cáo kết quả rà soát "
                       "thường xuyên.",
        "recipient": ("38", None, ""), "recipient_code": "thanhhoa-so-nnmt",
        "valid_from": REFORM_DAY, "dates_may_have_changed": True, "dates_note": UNCHECKED_DAYS,
    },
    {
        "code": "qd24-so-bo-thanhhoa-bnnmt", "owner": "38",
        "title": "Kết quả sơ bộ rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
        "kind": POVERTY, "units": ["38"], "period_type": "year",
        "due_rule": FIXED, "due_day": 15, "due_month": 11, "first_year": 2025,
        "source_text": "Trước ngày 15 tháng 11: gửi kết quả sơ bộ rà soát định kỳ về Bộ (Sở Nông nghiệp và Môi "
                       "trường thay Sở LĐTBXH).",
        "recipient": (None, None, ""), "recipient_code": "bo-nnmt",
        "valid_from": MAE_FIRST_DAY, "dates_may_have_changed": True, "dates_note": UNCHECKED_DAYS,
    },
    {
        "code": "qd24-chinh-thuc-thanhhoa-bnnmt", "owner": "38",
        "title": "Kết quả chính thức rà soát hộ nghèo, hộ cận nghèo định kỳ hằng năm",
        "kind": POVERTY, "units": ["38"], "period_type": "year",
        "due_rule": FIXED, "due_day": 20, "due_month": 12, "first_year": 2025,
        "source_text": "Trước ngày 20 tháng 12: Chủ tịch UBND tỉnh gửi kết quả chính thức về Bộ.",
        "recipient": (None, None, ""), "recipient_code": "bo-nnmt",
        "valid_from": MAE_FIRST_DAY, "dates_may_have_changed": True, "dates_note": UNCHECKED_DAYS,
    },
]
