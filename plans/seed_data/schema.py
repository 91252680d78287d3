"""The shape of the demo plans transcribed from the seed documents (``../shared/seeds``).

Plain frozen dataclasses, so the data modules read like the documents and the
loader (``plans.seed_data.loader``) is the only code that touches the database.
Texts are copied from the seeds, not paraphrased; where a value had to be
interpreted (a typo, a missing figure) the module says so in a ``note``.

An agency is named either by its name alone (it belongs to the plan's issuing
unit) or by ``(unit code, name)`` (a district body named in a province plan).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

AgencyRef = str | tuple[str, str]

D = Decimal


@dataclass(frozen=True)
class LegalBasisSeed:
    relation: str  # LegalBasisRelation value: "thuc_hien", "can_cu" or "dan_chieu"
    document_number: str
    title: str = ""
    document_date: datetime.date | None = None
    issuer: str = ""
    plan: str = ""  # code of a seeded plan this document is
    cited_in: str = ""  # where the plan cites it ("Phần V, giải pháp 1")


@dataclass(frozen=True)
class SectionSeed:
    part: str  # "III.1. Giải pháp chung"
    number: str = ""
    title: str = ""
    text: str = ""


@dataclass(frozen=True)
class PriorResultSeed:
    name: str
    measure_unit: str
    phase: str
    end_value: Decimal
    end_label: str
    start_value: Decimal | None = None
    start_label: str = ""
    unit: str = ""
    quote: str = ""


@dataclass(frozen=True)
class ProgressSeed:
    period_label: str
    as_of: datetime.date
    actual_value: Decimal
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class TargetSeed:
    name: str
    measure_unit: str
    value_min: Decimal
    value_max: Decimal | None = None
    comparison: str = "at_least"  # TargetComparison value
    period: str = "phase"  # TargetPeriod value
    year: int | None = None
    unit: str = ""  # code of the unit it applies to
    group: str = ""
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    measure: str = ""  # TargetMeasure value: the app measures the actual itself
    note: str = ""
    children: tuple[TargetSeed, ...] = ()
    progress: tuple[ProgressSeed, ...] = ()


@dataclass(frozen=True)
class ProjectSeed:
    kind: str  # ProjectKind value
    number: int
    name: str
    objective: str = ""
    beneficiaries: str = ""
    support_content: str = ""
    lead: AgencyRef | None = None
    lead_text: str = ""
    coordinating: tuple[AgencyRef, ...] = ()
    coordinating_text: str = ""
    children: tuple[ProjectSeed, ...] = ()


@dataclass(frozen=True)
class TaskSeed:
    agency: AgencyRef
    text: str
    role: str = ""  # "" = from the wording: a text that starts with "Phối hợp" is phối hợp, else chủ trì
    due_date: datetime.date | None = None
    recurrence: str = ""  # TaskRecurrence value
    recurrence_note: str = ""
    project: tuple[int, ...] = ()  # (project number[, sub-project number]) among the plan's "du_an"


@dataclass(frozen=True)
class QuotaRowSeed:
    commune: str  # as the appendix writes it ("TT Lam Sơn")
    total: int
    without_labour: int
    with_labour: int
    note: str = ""


@dataclass(frozen=True)
class QuotaTableSeed:
    year: int
    title: str
    rows: tuple[QuotaRowSeed, ...]
    appendix_label: str = "Phụ lục 01"
    target_total: int | None = None
    target_without_labour: int | None = None
    target_with_labour: int | None = None
    note: str = ""


@dataclass(frozen=True)
class SupportSeed:
    commune: str  # as written ("Xã Xuân Bái", "TT Lam Sơn")
    agencies_as_written: str
    agencies: tuple[AgencyRef, ...]
    steering_member: str
    note: str = ""


@dataclass(frozen=True)
class FundingSeed:
    """A source of funds named in the plan's "Kinh phí thực hiện" part (funds.FundSource value), as written."""

    source: str  # "ns_trung_uong", "ns_dia_phuong", "long_ghep", "huy_dong"
    as_written: str


@dataclass(frozen=True)
class PlanSeed:
    code: str
    title: str
    unit: str  # code of the issuing unit
    first_year: int
    last_year: int
    number: str = ""
    kind: str = "ke_hoach"  # PlanKind value
    issuer: str = ""
    signer_name: str = ""
    signer_title: str = ""
    issue_date: datetime.date | None = None
    vision_year: int | None = None
    purpose: str = ""
    requirements: str = ""
    general_objective: str = ""
    note: str = ""
    source: str = ""  # which seed file it comes from
    legal_bases: tuple[LegalBasisSeed, ...] = ()
    targets: tuple[TargetSeed, ...] = ()
    projects: tuple[ProjectSeed, ...] = ()
    tasks: tuple[TaskSeed, ...] = ()
    quota_tables: tuple[QuotaTableSeed, ...] = ()
    support_assignments: tuple[SupportSeed, ...] = field(default_factory=tuple)
    sections: tuple[SectionSeed, ...] = ()
    prior_results: tuple[PriorResultSeed, ...] = ()
    funding: tuple[FundingSeed, ...] = ()  # part "Kinh phí thực hiện" (no figures in any seed)
