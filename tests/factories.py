"""Factories for the shared reference data. App-specific factories live beside their tests."""

import factory

from directory.models import AdministrativeUnit, Agency, Role, User


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("code", "valid_from")

    code = factory.Sequence(lambda n: str(90000 + n))
    valid_from = None
    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = "tinh"


class ProvinceFactory(UnitFactory):
    kind = "tinh"
    name = factory.Sequence(lambda n: f"Tỉnh thử {n}")


class DistrictFactory(UnitFactory):
    kind = "huyen"
    name = factory.Sequence(lambda n: f"Huyện thử {n}")
    parent = factory.SubFactory(ProvinceFactory)


class CommuneFactory(UnitFactory):
    kind = "xa"
    name = factory.Sequence(lambda n: f"Xã thử {n}")
    parent = factory.SubFactory(DistrictFactory)


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Phòng thử {n}")
    unit = factory.SubFactory(DistrictFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Nguyễn Văn"
    last_name = factory.Sequence(lambda n: f"An{n}")
    role = Role.COMMUNE_OFFICIAL
    unit = factory.SubFactory(CommuneFactory)
    password = factory.PostGenerationMethodCall("set_password", "matkhau-thu")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()
