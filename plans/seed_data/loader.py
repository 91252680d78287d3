"""Write the demo plans of ``plans.seed_data`` into the database, idempotently.

Each row is looked up by what identifies it in the document (a plan by its
code, a target by its name and year, a project by its number, a task by its
agency, text and due date, a quota table by its year, a support assignment by
its commune) and created only when missing. Existing rows are left as they
are, so running ``make setup`` again duplicates nothing and keeps what people
changed in the demo (task statuses, an edited quota grid). The quota table goes
through ``quota_table_replace``, the same rules as the grid and the Excel import.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import transaction

from directory.lineage import year_end
from directory.lookup import UnitLookupError, UnitResolver
from directory.models import AdministrativeUnit, Agency

from ..models import (
    CommuneSupportAssignment,
    IndicatorTarget,
    LegalBasis,
    Plan,
    PlanEvent,
    PlanSection,
    PriorResult,
    Project,
    QuotaTable,
    TargetProgress,
    Task,
    TaskRole,
)
from ..services.quotas import QuotaRowInput, QuotaValidationError, quota_table_replace
from . import PLANS
from .schema import AgencyRef, PlanSeed, ProjectSeed, TargetSeed


class SeedDataError(Exception):
    """The seed data does not fit the database (a unit or agency missing, a rule broken)."""


def _role_from_wording(text: str) -> str:
    # The documents open a coordinating duty with "Phối hợp với ..."; everything else is the body's own task.
    return TaskRole.COORDINATE if text.lstrip().lower().startswith("phối hợp") else TaskRole.LEAD


class _Loader:
    def __init__(self, acting_user):
        self.acting_user = acting_user
        self.created: Counter[str] = Counter()
        self._units: dict[str, AdministrativeUnit] = {}
        self._agencies: dict[tuple[str, str], Agency] = {}

    # ------------------------------------------------------------------ lookups
    def unit(self, code: str) -> AdministrativeUnit:
        if code not in self._units:
            unit = AdministrativeUnit.objects.filter(code=code, valid_from__isnull=True).first()  # the seeds: old map
            if unit is None:
                raise SeedDataError(f"Thiếu đơn vị hành chính mã {code}: hãy nạp fixture “units” trước.")
            self._units[code] = unit
        return self._units[code]

    def agency(self, ref: AgencyRef, plan: Plan) -> Agency:
        unit_code, name = ref if isinstance(ref, tuple) else (plan.unit.code, ref)
        key = (unit_code, name)
        if key not in self._agencies:
            agency = (Agency.objects.select_related("unit")
                      .filter(unit__code=unit_code, unit__valid_from__isnull=True, name=name).first())
            if agency is None:
                raise SeedDataError(f"Kế hoạch {plan.code}: chưa có cơ quan “{name}” (đơn vị mã {unit_code}); "
                                    "hãy nạp các fixture cơ quan (agencies_*) trước.")
            self._agencies[key] = agency
        return self._agencies[key]

    def _save(self, obj, label: str):
        obj.full_clean()
        obj.save()
        self.created[label] += 1
        return obj

    # ------------------------------------------------------------------ one plan
    def load(self, seed: PlanSeed) -> Plan:
        plan = Plan.objects.select_related("unit").filter(code=seed.code).first()
        if plan is None:
            plan = self._save(Plan(
                code=seed.code, number=seed.number, title=seed.title, kind=seed.kind, unit=self.unit(seed.unit),
                issuer=seed.issuer, signer_name=seed.signer_name, signer_title=seed.signer_title,
                issue_date=seed.issue_date, first_year=seed.first_year, last_year=seed.last_year,
                vision_year=seed.vision_year, purpose=seed.purpose, requirements=seed.requirements,
                general_objective=seed.general_objective, note=seed.note,
            ), "kế hoạch")
        before = sum(self.created.values())
        self.legal_bases(plan, seed)
        self.targets(plan, seed.targets, parent=None, order=iter(range(1, 10_000)))
        self.projects(plan, seed.projects, parent=None)
        self.tasks(plan, seed)
        self.quota_tables(plan, seed)
        self.support(plan, seed)
        self.sections(plan, seed)
        self.prior_results(plan, seed)
        self.funding(plan, seed)
        added = sum(self.created.values()) - before
        if added:
            PlanEvent.objects.create(plan=plan, actor=self.acting_user, action="seed_load",
                                     detail=f"Nạp {added} mục từ văn bản mẫu {seed.source or seed.code}.")
        return plan

    def legal_bases(self, plan: Plan, seed: PlanSeed) -> None:
        for order, basis in enumerate(seed.legal_bases, start=1):
            if plan.legal_bases.filter(relation=basis.relation, document_number=basis.document_number,
                                       title=basis.title).exists():
                continue
            referenced = Plan.objects.filter(code=basis.plan).first() if basis.plan else None
            if basis.plan and referenced is None:
                raise SeedDataError(f"Kế hoạch {plan.code} dẫn kế hoạch “{basis.plan}” chưa được nạp.")
            self._save(LegalBasis(plan=plan, relation=basis.relation, document_number=basis.document_number,
                                  document_date=basis.document_date, issuer=basis.issuer, title=basis.title,
                                  referenced_plan=referenced, order=order, cited_in=basis.cited_in),
                       "văn bản căn cứ")

    def targets(self, plan: Plan, seeds: Iterable[TargetSeed], *, parent, order) -> None:
        for seed in seeds:
            position = next(order)
            target = IndicatorTarget.objects.filter(plan=plan, parent=parent, name=seed.name, year=seed.year).first()
            if target is None:
                target = self._save(IndicatorTarget(
                    plan=plan, parent=parent, order=position, name=seed.name, measure_unit=seed.measure_unit,
                    comparison=seed.comparison, value_min=seed.value_min, value_max=seed.value_max,
                    period=seed.period, year=seed.year,
                    applies_to_unit=self.unit(seed.unit) if seed.unit else None, applies_to_group=seed.group,
                    baseline_value=seed.baseline_value, baseline_year=seed.baseline_year, measure=seed.measure,
                    note=seed.note,
                ), "chỉ tiêu")
            elif seed.measure and not target.measure:  # a database loaded before targets were measured
                target.measure = seed.measure
                target.save(update_fields=["measure", "updated_at"])
            for progress in seed.progress:
                if not target.progress_entries.filter(period_label=progress.period_label,
                                                      as_of=progress.as_of).exists():
                    self._save(TargetProgress(target=target, period_label=progress.period_label,
                                              as_of=progress.as_of, actual_value=progress.actual_value,
                                              source=progress.source, note=progress.note,
                                              recorded_by=self.acting_user), "kết quả chỉ tiêu")
            self.targets(plan, seed.children, parent=target, order=order)

    def projects(self, plan: Plan, seeds: Iterable[ProjectSeed], *, parent) -> None:
        for order, seed in enumerate(seeds, start=1):
            project = Project.objects.filter(plan=plan, parent=parent, kind=seed.kind, number=seed.number).first()
            if project is None:
                project = self._save(Project(
                    plan=plan, parent=parent, kind=seed.kind, number=seed.number, name=seed.name,
                    objective=seed.objective, beneficiaries=seed.beneficiaries,
                    support_content=seed.support_content,
                    lead_agency=self.agency(seed.lead, plan) if seed.lead else None,
                    lead_agency_text=seed.lead_text, coordinating_text=seed.coordinating_text, order=order,
                ), "dự án, chính sách")
                project.coordinating_agencies.set([self.agency(ref, plan) for ref in seed.coordinating])
            self.projects(plan, seed.children, parent=project)

    def _project_by_path(self, plan: Plan, path: tuple[int, ...]) -> Project | None:
        if not path:
            return None
        project = Project.objects.get(plan=plan, parent=None, kind="du_an", number=path[0])
        for number in path[1:]:
            project = Project.objects.get(parent=project, number=number)
        return project

    def tasks(self, plan: Plan, seed: PlanSeed) -> None:
        for order, task_seed in enumerate(seed.tasks, start=1):
            agency = self.agency(task_seed.agency, plan)
            # Same rule as plans.services.tasks.task_create: the agency lies within the issuing unit.
            if not agency.unit.path.startswith(plan.unit.path):
                raise SeedDataError(f"Kế hoạch {plan.code}: {agency.name} không thuộc {plan.unit.name}.")
            if Task.objects.filter(plan=plan, agency=agency, text=task_seed.text, due_date=task_seed.due_date).exists():
                continue
            self._save(Task(
                plan=plan, agency=agency, role=task_seed.role or _role_from_wording(task_seed.text),
                project=self._project_by_path(plan, task_seed.project), text=task_seed.text,
                due_date=task_seed.due_date, recurrence=task_seed.recurrence,
                recurrence_note=task_seed.recurrence_note, order=order, created_by=self.acting_user,
            ), "nhiệm vụ")

    def _commune_resolver(self, plan: Plan, year: int) -> UnitResolver:
        return UnitResolver(AdministrativeUnit.objects.communes(), within=plan.unit, on=year_end(year))

    def quota_tables(self, plan: Plan, seed: PlanSeed) -> None:
        for table_seed in seed.quota_tables:
            table = QuotaTable.objects.filter(plan=plan, year=table_seed.year).first()
            if table is not None and table.rows.exists():
                continue  # already there, perhaps edited since: leave it
            if table is None:
                table = QuotaTable(plan=plan, year=table_seed.year, title=table_seed.title,
                                   appendix_label=table_seed.appendix_label, target_total=table_seed.target_total,
                                   target_without_labour=table_seed.target_without_labour,
                                   target_with_labour=table_seed.target_with_labour, note=table_seed.note)
                self.created["bảng chỉ tiêu"] += 1
            resolver = self._commune_resolver(plan, table_seed.year)
            rows = []
            for row in table_seed.rows:
                try:
                    commune = resolver.resolve(row.commune)
                except UnitLookupError as exc:
                    raise SeedDataError(f"Kế hoạch {plan.code}, phụ lục năm {table_seed.year}: {exc}") from exc
                rows.append(QuotaRowInput(commune=commune, total=row.total, without_labour=row.without_labour,
                                          with_labour=row.with_labour, note=row.note, label=row.commune))
            try:
                quota_table_replace(table=table, rows=rows, acting_user=self.acting_user,
                                    source=f"văn bản mẫu {seed.source or seed.code}")
            except QuotaValidationError as exc:
                raise SeedDataError(f"Kế hoạch {plan.code}, phụ lục năm {table_seed.year}: "
                                    + " ".join(e.message for e in exc.errors)) from exc
            self.created["dòng chỉ tiêu xã"] += len(rows)

    def sections(self, plan: Plan, seed: PlanSeed) -> None:
        for order, item in enumerate(seed.sections, start=1):
            if PlanSection.objects.filter(plan=plan, part=item.part, number=item.number, title=item.title).exists():
                continue
            self._save(PlanSection(plan=plan, part=item.part, number=item.number, title=item.title, text=item.text,
                                   order=order), "mục nội dung kế hoạch")

    def prior_results(self, plan: Plan, seed: PlanSeed) -> None:
        for order, item in enumerate(seed.prior_results, start=1):
            if PriorResult.objects.filter(plan=plan, name=item.name, phase=item.phase).exists():
                continue
            self._save(PriorResult(
                plan=plan, name=item.name, measure_unit=item.measure_unit, phase=item.phase,
                start_value=item.start_value, start_label=item.start_label, end_value=item.end_value,
                end_label=item.end_label, unit=self.unit(item.unit) if item.unit else None, quote=item.quote,
                order=order), "kết quả giai đoạn trước")

    def funding(self, plan: Plan, seed: PlanSeed) -> None:
        from funds.models import PlanFundSource

        for order, item in enumerate(seed.funding, start=1):
            if PlanFundSource.objects.filter(plan=plan, source=item.source).exists():
                continue
            self._save(PlanFundSource(plan=plan, source=item.source, as_written=item.as_written, order=order),
                       "nguồn kinh phí")

    def support(self, plan: Plan, seed: PlanSeed) -> None:
        if not seed.support_assignments:
            return
        resolver = self._commune_resolver(plan, plan.first_year)
        for order, item in enumerate(seed.support_assignments, start=1):
            try:
                commune = resolver.resolve(item.commune)
            except UnitLookupError as exc:
                raise SeedDataError(f"Kế hoạch {plan.code}, phân công giúp đỡ xã: {exc}") from exc
            if CommuneSupportAssignment.objects.filter(plan=plan, commune=commune).exists():
                continue
            assignment = self._save(CommuneSupportAssignment(
                plan=plan, order=order, commune=commune, agencies_as_written=item.agencies_as_written,
                steering_member=item.steering_member, note=item.note,
            ), "phân công giúp đỡ xã")
            assignment.agencies.set([self.agency(ref, plan) for ref in item.agencies])


@transaction.atomic
def seed_plans_load(*, plans: Iterable[PlanSeed] = PLANS, acting_user=None) -> Counter[str]:
    """Create whatever of the seed plans is missing; all or nothing. Returns what was created, by kind.

    Databases loaded from an earlier, wrong transcription are corrected first (``corrections``),
    each correction only where the row still holds the wrong seeded value, so a person's edit stays.
    """
    from .corrections import apply_corrections

    loader = _Loader(acting_user)
    fixed = apply_corrections(acting_user=acting_user)
    if fixed:
        loader.created["sửa dữ liệu mẫu cũ"] += fixed
    for seed in plans:
        loader.load(seed)
    return loader.created
