"""``python manage.py build_report {quarter,half,annual} --year YEAR [--period N] --unit UNIT --output PATH
[--appendix PATH] [--boundaries period|current]``

``--output`` gets the report an office prints and signs (2 pages for a district's year); the appendices (by
cause, by indicator, the households that moved) go to a second workbook, by default beside it as
``<output>-phu-luc.xlsx``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from directory.lookup import UnitLookupError, resolve_unit_with_note
from directory.management.output import xlsx_output_path
from reports.boundaries import Boundaries, current_unit_or_error, default_boundaries
from reports.periods import Period, PeriodKind
from reports.poverty import appendix_filename, build_poverty_report

KINDS = {"quarter": PeriodKind.QUARTER, "half": PeriodKind.HALF, "annual": PeriodKind.YEAR}


class Command(BaseCommand):
    help = "Lập báo cáo kết quả giảm nghèo (quý, 6 tháng, năm) của một huyện/tỉnh/xã ra tệp Excel."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(KINDS), help="quarter = quý, half = 6 tháng, annual = năm")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--period", type=int, help="Quý 1–4 hoặc nửa năm 1–2 (không dùng với annual).")
        parser.add_argument("--unit", required=True,
                            help="Mã hoặc tên đơn vị, ví dụ 395 hoặc “Thanh Hóa/Thọ Xuân”; mã được hiểu theo đơn vị "
                                 "có hiệu lực cuối kỳ (với --boundaries current: hôm nay).")
        parser.add_argument("--output", required=True, help="Đường dẫn tệp .xlsx sẽ ghi.")
        parser.add_argument("--appendix",
                            help="Tệp .xlsx phụ lục (biến động theo nguyên nhân, theo chỉ số thiếu hụt, danh sách hộ "
                                 "biến động). Mặc định: cạnh tệp báo cáo, thêm đuôi “-phu-luc”.")
        parser.add_argument("--boundaries", choices=list(Boundaries.values),
                            help="period = theo địa giới của kỳ báo cáo, current = theo địa giới hiện nay (cộng qua "
                                 "các đơn vị tiền thân). Mặc định: period cho kỳ kết thúc trước 01/07/2025, "
                                 "current cho các kỳ sau.")

    def handle(self, *args, kind, year, period, unit, output, boundaries=None, appendix=None, **options):
        path = xlsx_output_path(output)
        appendix = str(xlsx_output_path(appendix) if appendix else path.with_name(appendix_filename(path.name)))
        if Path(appendix).resolve() == path.resolve():
            raise CommandError("--appendix phải khác --output.")
        period_kind = KINDS[kind]
        if period_kind == PeriodKind.YEAR:
            if period not in (None, 1):
                raise CommandError("Báo cáo năm không dùng --period.")
            period = 1
        elif period is None:
            raise CommandError(f"Báo cáo {'quý' if kind == 'quarter' else '6 tháng'} cần --period "
                               f"({'1–4' if kind == 'quarter' else '1 hoặc 2'}).")
        try:
            the_period = Period(period_kind, year, period)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        today = timezone.localdate()
        try:  # the unit as it was at the end of the period (15499 in 2024: Thị trấn Thọ Xuân), or today
            the_unit, note = resolve_unit_with_note(unit, on=today if boundaries == Boundaries.CURRENT
                                                    else the_period.end)
        except UnitLookupError as exc:
            raise CommandError(str(exc)) from exc
        if note:
            self.stdout.write(f"Lưu ý: {note}")
        boundaries = boundaries or default_boundaries(the_period.end, the_unit)
        if boundaries == Boundaries.CURRENT:
            try:
                the_unit = current_unit_or_error(the_unit, today)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        report = build_poverty_report(unit=the_unit, period=the_period, output=output, boundaries=boundaries,
                                      appendix=appendix)
        total = report.total.figures
        self.stdout.write(
            f"Đã ghi {output}: {the_unit.full_name}, {the_period.label}, "
            f"{Boundaries(boundaries).label.lower()}, {len(report.rows) - 1} dòng đơn vị; "
            f"hộ nghèo đầu kỳ {total.poor_start}, thoát {total.escaped}, phát sinh {total.new_poor}, "
            f"tái nghèo {total.relapsed}, cuối kỳ {total.poor_end}; {report.moved_count} hộ biến động."
        )
        self.stdout.write(f"Đã ghi phụ lục {appendix}: theo nguyên nhân nghèo, theo chỉ số thiếu hụt, danh sách hộ "
                          "biến động.")
