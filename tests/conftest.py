"""Shared fixtures: the personas every view is tested with (healthchecks' alice/bob/charlie).

A small tree: province P → district D → communes A and B (+ district D2 → commune C).
``commune_a_user`` is the owner persona, ``commune_b_user`` the outsider.
"""

import pytest

from directory.models import Role
from tests.factories import AgencyFactory, CommuneFactory, DistrictFactory, ProvinceFactory, UserFactory


@pytest.fixture
def province(db):
    return ProvinceFactory(code="38", name="Thanh Hóa")


@pytest.fixture
def district(province):
    return DistrictFactory(code="395", name="Thọ Xuân", parent=province)


@pytest.fixture
def other_district(province):
    return DistrictFactory(code="396", name="Thường Xuân", parent=province)


@pytest.fixture
def commune_a(district):
    return CommuneFactory(code="15547", name="Xuân Bái", parent=district)


@pytest.fixture
def commune_b(district):
    return CommuneFactory(code="15541", name="Thọ Lâm", parent=district)


@pytest.fixture
def commune_c(other_district):
    return CommuneFactory(code="15600", name="Xuân Cao", parent=other_district)


@pytest.fixture
def agency(district):
    return AgencyFactory(name="Văn phòng HĐND-UBND (Y tế)", unit=district)


@pytest.fixture
def commune_a_user(commune_a):
    return UserFactory(username="xa_a", role=Role.COMMUNE_OFFICIAL, unit=commune_a)


@pytest.fixture
def commune_b_user(commune_b):
    return UserFactory(username="xa_b", role=Role.COMMUNE_OFFICIAL, unit=commune_b)


@pytest.fixture
def district_staff(district):
    return UserFactory(username="huyen", role=Role.DISTRICT_STAFF, unit=district, is_staff=True)


@pytest.fixture
def province_staff(province):
    return UserFactory(username="tinh", role=Role.PROVINCE_STAFF, unit=province, is_staff=True)


@pytest.fixture
def leadership(district):
    return UserFactory(username="lanhdao", role=Role.LEADERSHIP, unit=district)


@pytest.fixture
def agency_user(agency):
    return UserFactory(username="coquan", role=Role.AGENCY_STAFF, unit=agency.unit, agency=agency)


@pytest.fixture
def admin_user_(db):
    return UserFactory(username="quantri", role=Role.ADMIN, unit=None, is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def reform(db):
    """The reform of 01/07/2025 in small (tests/reform.py): Thọ Xuân's 30 communes -> 8 new xã,
    Yên Bái + Lào Cai -> new Lào Cai (15), Thị trấn Hà Trung split in two."""
    from tests.reform import build_reform

    return build_reform()


@pytest.fixture
def reseeded_standards():
    """Poverty standards, indicators and causes as the migrations seed them (idempotent): a transactional
    test runs on tables an earlier one flushed, and without standards every review or import is refused."""
    from django.apps import apps

    from households.standards_seed import seed_standards

    seed_standards(apps)
