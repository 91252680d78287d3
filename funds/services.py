"""Writing funds: every screen and the import go through these, so the rules and the history are the same.

Each write runs in one transaction, checks the user's right on the row (``funds.policy``), claims the
row's version (a save from a page loaded before someone else's save is refused: ``directory.concurrency``),
validates with the models' ``clean`` (the over-allocation rule of ``funds.rules``) and writes one line in the
plan's history (``plans.PlanEvent``).

Adding a child claims its parent's version: a new allocation claims the line, a new disbursement the
allocation, so the page the person typed on still showed what is saved (the disbursed total the rule
was shown against).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F

from directory.concurrency import claim_version
from plans.models import PlanEvent

from . import policy
from .models import FundAllocation, FundDisbursement, FundLine
from .rules import money


def project_label(project) -> str:
    """"Dự án 3 › Tiểu dự án 1: Hỗ trợ phát triển sản xuất..." for a sub-project."""
    prefix = f"{project.parent.label} › " if project.parent_id else ""
    return f"{prefix}{project.label}: {project.name}"


def _log(plan_id, user, action, detail):
    PlanEvent.objects.create(plan_id=plan_id, actor=user, action=action, detail=detail[:2000])


def _deny(message):
    raise PermissionDenied(message)


def _lock(allocation) -> None:
    """Hold the allocation's row until the transaction ends (no joins: PostgreSQL locks no outer join)."""
    list(FundAllocation._base_manager.select_for_update().filter(pk=allocation.pk).order_by()
         .values_list("pk", flat=True))


def _bump(model, pk):
    model._base_manager.filter(pk=pk).update(version=F("version") + 1)


# ----------------------------------------------------------------------------------------------- lines


@transaction.atomic
def line_create(*, plan, project, year: int, source: str, estimate: int, note: str = "", acting_user) -> FundLine:
    if acting_user is not None and not policy.can_create_lines(acting_user, plan):
        _deny("Bạn không được thêm dự toán kinh phí cho kế hoạch này.")
    line = FundLine(plan=plan, project=project, year=year, source=source, estimate=estimate, note=note.strip())
    if acting_user is not None and not policy.can_edit_line(acting_user, line):
        _deny("Dự án này không do cơ quan của bạn chủ trì.")
    line.full_clean()
    line.save()
    _log(plan.pk, acting_user, "fund_line_create",
         f"Thêm dự toán {project.label}, {line.get_source_display()}, năm {year}: {money(estimate)} đồng.")
    return line


@transaction.atomic
def line_update(*, line: FundLine, expected_version: int | None, estimate: int, note: str = "",
                acting_user) -> FundLine:
    if not policy.can_edit_line(acting_user, line):
        _deny("Bạn không được sửa dự toán này.")
    before = line.estimate
    line.estimate, line.note = estimate, note.strip()
    line.full_clean()
    claim_version(line, expected_version, what="Dòng dự toán này", fields=["estimate", "note"])
    line.save(update_fields=["estimate", "note", "version", "updated_at"])
    _log(line.plan_id, acting_user, "fund_line_update",
         f"Sửa dự toán {line}: {money(before)} → {money(estimate)} đồng.")
    return line


# ----------------------------------------------------------------------------------------------- allocations


@transaction.atomic
def allocation_create(*, line: FundLine, amount: int, agency=None, commune=None, decision_number: str = "",
                      decision_date: datetime.date | None = None, note: str = "", line_version: int | None,
                      acting_user) -> FundAllocation:
    if not policy.can_edit_line(acting_user, line):
        _deny("Bạn không được phân bổ kinh phí của dòng này.")
    allocation = FundAllocation(line=line, agency=agency, commune=commune, amount=amount,
                                decision_number=decision_number.strip(), decision_date=decision_date,
                                note=note.strip())
    allocation.full_clean()
    claim_version(line, line_version, what="Dòng kinh phí này")
    allocation.save()
    _log(line.plan_id, acting_user, "fund_allocation_create",
         f"Phân bổ {line} cho {allocation.recipient_label}: {money(amount)} đồng.")
    return allocation


@transaction.atomic
def allocation_update(*, allocation: FundAllocation, expected_version: int | None, amount: int,
                      decision_number: str = "", decision_date: datetime.date | None = None, note: str = "",
                      acting_user) -> FundAllocation:
    if not policy.can_edit_line(acting_user, allocation.line):
        _deny("Bạn không được sửa phân bổ này.")
    # lock the row first: a disbursement saved meanwhile would change what the rule compares with
    _lock(allocation)
    before = allocation.amount
    allocation.amount, allocation.note = amount, note.strip()
    allocation.decision_number, allocation.decision_date = decision_number.strip(), decision_date
    allocation.full_clean()
    claim_version(allocation, expected_version, what="Phân bổ này",
                  fields=["amount", "decision_number", "decision_date", "note"])
    allocation.save(update_fields=["amount", "decision_number", "decision_date", "note", "version", "updated_at"])
    _log(allocation.line.plan_id, acting_user, "fund_allocation_update",
         f"Sửa phân bổ {allocation}: {money(before)} → {money(amount)} đồng.")
    return allocation


# ----------------------------------------------------------------------------------------------- disbursements


@transaction.atomic
def disbursement_create(*, allocation: FundAllocation, quarter: int, amount: int, document_number: str,
                        document_date: datetime.date, note: str = "", allocation_version: int | None,
                        acting_user) -> FundDisbursement:
    if not policy.can_disburse(acting_user, allocation):
        _deny("Bạn không được ghi giải ngân cho phân bổ này.")
    _lock(allocation)
    entry = FundDisbursement(allocation=allocation, quarter=quarter, amount=amount,
                             document_number=document_number.strip(), document_date=document_date,
                             note=note.strip(), recorded_by=acting_user)
    entry.full_clean()
    claim_version(allocation, allocation_version, what="Phân bổ này")
    entry.save()
    _log(allocation.line.plan_id, acting_user, "fund_disbursement_create",
         f"Giải ngân {entry.get_quarter_display()} năm {allocation.line.year}, {allocation}: {money(amount)} đồng "
         f"(chứng từ {entry.document_number} ngày {document_date:%d/%m/%Y}).")
    return entry


@transaction.atomic
def disbursement_update(*, disbursement: FundDisbursement, expected_version: int | None, amount: int,
                        document_number: str, document_date: datetime.date, note: str = "",
                        acting_user) -> FundDisbursement:
    allocation = disbursement.allocation
    if not policy.can_disburse(acting_user, allocation):
        _deny("Bạn không được sửa số giải ngân này.")
    _lock(allocation)
    before = disbursement.amount
    disbursement.amount, disbursement.note = amount, note.strip()
    disbursement.document_number, disbursement.document_date = document_number.strip(), document_date
    disbursement.full_clean()
    claim_version(disbursement, expected_version, what="Số giải ngân này",
                  fields=["amount", "document_number", "document_date", "note"])
    disbursement.save(update_fields=["amount", "document_number", "document_date", "note", "version",
                                     "updated_at"])
    _bump(FundAllocation, allocation.pk)  # pages showing the allocation's disbursed total are now stale
    _log(allocation.line.plan_id, acting_user, "fund_disbursement_update",
         f"Sửa giải ngân {disbursement.get_quarter_display()}, {allocation}: {money(before)} → {money(amount)} đồng.")
    return disbursement
