"""Seed the reporting duties of the seed plans and Decision 24/2021 (``reports/seed_duties.py``).

Idempotent: a duty whose code exists is left as staff edited it (``--update`` rewrites it from
the seed). ``--demo`` also opens the seeded duties' runs and records demo submissions for those whose deadline
has passed (the same outcome every time: about 3 in 5 on time, 1 in 5 late, 1 in 5 never sent), so the
demo's calendar and completeness table show every status. A run staff reopened is left alone.
"""

from __future__ import annotations

import datetime
import hashlib
import unicodedata

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from directory.models import AdministrativeUnit, Agency, User
from plans.models import Plan
from reports.models import ReportingDuty, ReportRecipient, ReportRun, ReportRunEvent, RunAction
from reports.seed_duties import DUTIES, RECIPIENTS
from reports.services.runs import runs_open

# The dated fields (issue 11): also filled in on a duty seeded before they existed, even without --update.
DATED_FIELDS = ["valid_from", "valid_to", "dates_may_have_changed", "dates_note"]
DUTY_FIELDS = ["title", "kind", "reporter_level", "period_type", "only_period", "due_rule", "due_day", "due_month",
               "days_after_end", "from_month", "to_month", "last_year", "source_text", "note"]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().replace(",", " ").replace("-", " ")
    return " ".join(text.split())


class Command(BaseCommand):
    help = "Nạp các nghĩa vụ báo cáo theo kế hoạch mẫu và Quyết định 24/2021/QĐ-TTg (không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Ghi đè nghĩa vụ đã có bằng dữ liệu mẫu.")
        parser.add_argument("--demo", action="store_true",
                            help="Mở các kỳ báo cáo và ghi lần nộp mẫu cho các kỳ đã qua hạn (demo).")

    def handle(self, *args, update=False, demo=False, **options):
        today = timezone.localdate()
        with transaction.atomic():
            created, updated = self._seed(today, update)
        self.stdout.write(f"Nghĩa vụ báo cáo: tạo mới {created}, cập nhật {updated}, tổng {len(DUTIES)}.")
        if demo:
            opened, submitted = self._demo(today)
            self.stdout.write(f"Demo: mở {opened} kỳ báo cáo, ghi {submitted} lần nộp mẫu.")

    # ------------------------------------------------------------------ lookups

    def _plan(self, code: str) -> Plan:
        plan = Plan.objects.filter(code=code).select_related("unit").first()
        if plan is None:
            raise CommandError(f"Chưa có kế hoạch mã “{code}”: hãy nạp dữ liệu kế hoạch mẫu trước "
                               f"(dòng nạp kế hoạch trong `make demo-data`), rồi chạy lại lệnh này.")
        return plan

    def _unit(self, code: str) -> AdministrativeUnit:
        # the seeds name units of the map before 01/07/2025 (15 is Yên Bái, not the new Lào Cai)
        unit = AdministrativeUnit.objects.filter(code=code, valid_from__isnull=True).first()
        if unit is None:
            raise CommandError(f"Chưa có đơn vị hành chính mã {code}: hãy chạy `manage.py loaddata units` trước.")
        return unit

    def _agency(self, unit_code: str, names: list[str]) -> Agency:
        agencies = list(Agency.objects.filter(unit__code=unit_code, unit__valid_from__isnull=True))
        wanted = [_norm(n) for n in names]
        for name in wanted:  # exact (normalised) name first, in the order the seed wording comes
            match = [a for a in agencies if _norm(a.name) == name or _norm(a.short_name or "-") == name]
            if len(match) == 1:
                return match[0]
        match = [a for a in agencies if any(_norm(a.name).startswith(n) for n in wanted)]
        if len(match) == 1:
            return match[0]
        raise CommandError(f"Không tìm thấy (hoặc có nhiều) cơ quan “{names[0]}” thuộc đơn vị mã {unit_code}: hãy "
                           f"nạp danh sách cơ quan của kế hoạch trước.")

    # ------------------------------------------------------------------ seeding

    def _recipients(self, update: bool) -> dict[str, ReportRecipient]:
        recipients = {}
        for code, data in RECIPIENTS.items():
            values = {"name": data["name"], "unit": self._unit(data["unit"]) if data.get("unit") else None,
                      "valid_from": data.get("valid_from"), "valid_to": data.get("valid_to"),
                      "date_unconfirmed": data.get("date_unconfirmed", False), "note": data.get("note", "")}
            recipient = ReportRecipient.objects.filter(code=code).first()
            if recipient is None:
                recipient = ReportRecipient.objects.create(code=code, **values)
            elif update:
                ReportRecipient.objects.filter(pk=recipient.pk).update(**values)
            recipients[code] = recipient
        return recipients

    def _seed(self, today: datetime.date, update: bool) -> tuple[int, int]:
        created = updated = 0
        recipients = self._recipients(update)
        for data in DUTIES:
            plan = self._plan(data["plan"]) if data.get("plan") else None
            owner = self._unit(data["owner"])
            recipient_unit_code, recipient_agency_spec, recipient_text = data["recipient"]
            values = {name: data.get(name) for name in DUTY_FIELDS}
            values.update({
                "reporter_level": data.get("reporter_level", ""),
                "source_text": data.get("source_text", ""), "note": data.get("note", ""),
                "plan": plan, "owner_unit": owner, "recipient_text": recipient_text,
                "recipient_unit": self._unit(recipient_unit_code) if recipient_unit_code else None,
                "recipient_agency": self._agency(*recipient_agency_spec) if recipient_agency_spec else None,
                "legal_basis": f"Kế hoạch {plan.number or plan.code}" if plan else "Quyết định 24/2021/QĐ-TTg, Điều 7",
            })
            units = [self._unit(code) for code in data.get("units", [])]
            agencies = [self._agency(owner.code, names) for names in data.get("agencies", [])]
            dated = {name: data.get(name) for name in DATED_FIELDS}
            dated["dates_may_have_changed"] = bool(dated["dates_may_have_changed"])
            dated["dates_note"] = dated["dates_note"] or ""
            dated["recipient"] = recipients.get(data.get("recipient_code"))
            values.update(dated)
            duty = ReportingDuty.objects.filter(code=data["code"]).first()
            if duty is not None and not update:
                if duty.recipient_id is None and dated["recipient"] is not None:
                    # Seeded before duties had dates and recipients: add those, keep what staff edited.
                    ReportingDuty.objects.filter(pk=duty.pk).update(**dated)
                    updated += 1
                continue
            if duty is None:
                duty = ReportingDuty(code=data["code"], first_year=data["first_year"] or today.year)
                created += 1
            else:
                updated += 1
                if data["first_year"]:
                    duty.first_year = data["first_year"]
            for name, value in values.items():
                setattr(duty, name, value)
            duty.full_clean()
            duty.save()
            duty.reporter_units.set(units)
            duty.reporter_agencies.set(agencies)
        return created, updated

    # ------------------------------------------------------------------ demo submissions

    @transaction.atomic
    def _demo(self, today: datetime.date) -> tuple[int, int]:
        duties = list(ReportingDuty.objects.filter(code__in=[d["code"] for d in DUTIES]).select_related("owner_unit"))
        opened = runs_open(today=today, duties=duties)
        users = {u.unit_id: u for u in User.objects.filter(role="commune_official").order_by("pk")}
        # Every seeded report whose deadline has passed gets an outcome: most sent on time, some late, some never.
        runs = (ReportRun.objects.filter(duty__in=duties, submitted_at__isnull=True, due_date__lt=today)
                .exclude(events__action__in=[RunAction.UNSUBMITTED, RunAction.SUBMITTED])
                .select_related("duty", "reporting_unit", "agency"))
        submitted = 0
        tz = timezone.get_current_timezone()
        for run in runs:
            # The same pseudo-random outcome for the same commune and duty on every setup.
            reporter = run.agency.name if run.agency else run.reporting_unit.code
            key = f"{run.duty.code}/{run.year}/{run.period_number}/{reporter}"
            digest = int(hashlib.sha256(key.encode()).hexdigest(), 16)
            outcome = digest % 10
            if outcome >= 8:
                continue  # about 1 in 5 never sent: "quá hạn"
            shift = -(digest // 10 % 6) if outcome < 6 else 1 + digest // 10 % 20
            day = run.due_date + datetime.timedelta(days=shift)
            if day >= today:
                continue  # a late report that would arrive in the future: not sent yet
            moment = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=tz)
            user = users.get(run.reporting_unit_id)
            ReportRun.objects.filter(pk=run.pk).update(submitted_at=moment, submitted_on=day, submitted_by=user,
                                                       submission_note="Dữ liệu demo.")
            event = ReportRunEvent.objects.create(run=run, action=RunAction.SUBMITTED, actor=user,
                                                  text="Nộp (xác nhận) – dữ liệu demo.")
            ReportRunEvent.objects.filter(pk=event.pk).update(at=moment)
            submitted += 1
        return opened, submitted
