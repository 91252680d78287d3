import factory

from plans.models import IndicatorTarget, Plan, Project, QuotaRow, QuotaTable, Task, TaskRole
from tests.factories import AgencyFactory, CommuneFactory, DistrictFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    code = factory.Sequence(lambda n: f"plan-{n}")
    number = factory.Sequence(lambda n: f"{n}/KH-UBND")
    title = factory.Sequence(lambda n: f"Kế hoạch thử {n}")
    unit = factory.SubFactory(DistrictFactory)
    first_year = 2024
    last_year = 2024


class QuotaTableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuotaTable

    plan = factory.SubFactory(PlanFactory)
    year = factory.LazyAttribute(lambda o: o.plan.first_year)


class QuotaRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuotaRow

    table = factory.SubFactory(QuotaTableFactory)
    commune = factory.SubFactory(CommuneFactory, parent=factory.SelfAttribute("..table.plan.unit"))
    without_labour = 1
    with_labour = 2
    total = factory.LazyAttribute(lambda o: o.without_labour + o.with_labour)


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    agency = factory.SubFactory(AgencyFactory, unit=factory.SelfAttribute("..plan.unit"))
    role = TaskRole.LEAD
    text = factory.Sequence(lambda n: f"Nhiệm vụ thử {n}")


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    measure_unit = "hộ"
    value_min = 10


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Dự án {n}")
